"""Turning a validated XDM entity into a stored record of the profile store.

Why one place: streamed and batch-ingested records must land identically (same
identity extraction, same profile/event split, same timestamps) so a lookup cannot
tell how a fragment arrived.
"""

from __future__ import annotations

from aep_emulator import xdm
from aep_emulator.schemaregistry import SchemaView
from aep_emulator.validation import timestamp_ms


def identity_of(view: SchemaView, entity: dict) -> tuple[str | None, str | None]:
    """(namespace code lower-cased, value) from the primary descriptor, else the identityMap."""
    if view.identity_path:
        value = xdm.get_path(entity, view.identity_path)
        if value is not None:
            return view.identity_ns, str(value)
    id_map = entity.get("identityMap")
    if isinstance(id_map, dict):
        fallback = None
        for ns, entries in id_map.items():
            for item in entries if isinstance(entries, list) else []:
                if isinstance(item, dict) and item.get("id") is not None:
                    if item.get("primary"):
                        return ns.lower(), str(item["id"])
                    fallback = fallback or (ns.lower(), str(item["id"]))
        if fallback:
            return fallback
    return None, None


def kind_of(view: SchemaView) -> str:
    if view.class_id == xdm.PROFILE_CLASS:
        return "profile"
    if view.class_id == xdm.EVENT_CLASS:
        return "event"
    return "record"


def make_row(org: str, sandbox: str, dataset_id: str, view: SchemaView, entity: dict, *, status: str,
             received_ms: int, xaction_id: str | None, origin: str) -> dict:
    ns, value = identity_of(view, entity)
    kind = kind_of(view)
    stamp = timestamp_ms(entity.get("timestamp")) if kind == "event" else None
    return {"org": org, "sandbox": sandbox, "dataset_id": dataset_id, "schema_id": view.schema_id,
            "kind": kind, "status": status, "id_ns": ns, "id_value": value,
            "ts_ms": stamp if stamp is not None else received_ms, "received_ms": received_ms,
            "xaction_id": xaction_id, "origin": origin, "body": entity}
