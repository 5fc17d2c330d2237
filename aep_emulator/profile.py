"""Unified Profile (``/data/core/ups``): event types and entity lookups.

Why merging happens at read time: fragments keep arriving from streaming and batches
in any order; merging on each lookup with the default timestamp-ordered policy
(latest fragment wins each conflicting field) means a lookup always reflects every
committed fragment, and nothing must be re-merged when one arrives.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import uuid
from urllib.parse import urlencode

from starlette.responses import Response

from aep_emulator.web import Call, answer, iso, now_ms, route

BASE = "/data/core/ups"
PROFILE = "_xdm.context.profile"
EVENT = "_xdm.context.experienceevent"


def _ups_error(status: int, code: str, message: str) -> Response:
    return answer({"message": f"{code}: {message}", "cause": message, "statusCode": str(status)}, status)


async def event_types(call: Call) -> Response:
    store = call.state.store
    if call.request.method == "GET":
        items = store.list(call.org, call.sandbox, "eventtype")
        return answer({"_page": {"count": len(items), "next": ""}, "children": items})
    body = call.json_object()  # the tutorial sends no Content-Type here: parse regardless
    type_id = body.get("id")
    if not isinstance(type_id, str) or not type_id.strip():
        return _ups_error(400, "UPS-CFG-1000400", "Event type id is required")
    stamp = now_ms()
    saved = dict(body)
    saved.setdefault("imsOrgId", call.org)
    saved["updateEpoch"] = stamp // 1000
    await store.put(call.org, call.sandbox, "eventtype", type_id, saved, now_ms=stamp)
    return answer(saved, 200)


async def event_type_item(call: Call) -> Response:
    found = call.state.store.get(call.org, call.sandbox, "eventtype", call.params["id"])
    if found is None:
        return answer({"statusCode": "404", "message": f"Event type {call.params['id']} not found"}, 404)
    return answer(found)


def _xid(ns: str, value: str) -> str:
    """A stable profile id for one identity (Adobe's XIDs are opaque base64 strings)."""
    digest = hashlib.sha256(f"{ns}\x00{value}".encode()).digest()[:30]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _merge(dst: dict, src: dict) -> None:
    for key, value in src.items():
        if isinstance(value, dict) and isinstance(dst.get(key), dict):
            _merge(dst[key], value)
        else:
            dst[key] = copy.deepcopy(value)


def _merge_policy(org: str) -> dict:
    return {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"aep-emulator/merge-policy/{org}"))}


def _identity(call: Call, related: bool) -> tuple[str | None, str | None]:
    query = call.query
    if related:
        value = query.get("relatedEntityId") or query.get("entityId")
        ns = query.get("relatedEntityIdNS") or query.get("entityIdNS")
    else:
        value, ns = query.get("entityId"), query.get("entityIdNS")
    return (ns.lower() if ns else None), value


async def entities(call: Call) -> Response:
    schema_name = call.query.get("schema.name")
    if schema_name == PROFILE:
        return _profile(call)
    if schema_name == EVENT:
        return _events(call)
    return _ups_error(422, "UPS-ACC-1000422", "schema.name must be _xdm.context.profile or "
                                              "_xdm.context.experienceevent")


def _profile(call: Call) -> Response:
    ns, value = _identity(call, related=False)
    if not ns or not value:
        return _ups_error(422, "UPS-ACC-1000422", "entityId and entityIdNS are required")
    fragments = call.state.store.records(call.org, call.sandbox, "profile", ns, value)
    if not fragments:
        return answer({"statusCode": "404", "message": f"UPS-ACC-1000404: Profile {ns}:{value} not found"}, 404)
    merged: dict = {}
    for fragment in sorted(fragments, key=lambda f: (f["received_ms"], f["seq"])):
        _merge(merged, fragment["body"])
    id_map = merged.setdefault("identityMap", {})
    entries = id_map.setdefault(ns, [])
    if not any(isinstance(e, dict) and e.get("id") == value for e in entries):
        entries.insert(0, {"id": value})
    xid = _xid(ns, value)
    latest = max(f["received_ms"] for f in fragments)
    sources = list(dict.fromkeys(f["dataset_id"] for f in reversed(fragments)))
    return answer({xid: {"entityId": xid, "mergePolicy": _merge_policy(call.org), "sources": sources,
                         "tags": sources, "identityGraph": [xid], "entity": merged,
                         "lastModifiedAt": iso(latest).replace(".000Z", "Z")}})


def _events(call: Call) -> Response:
    if call.query.get("relatedSchema.name", PROFILE) != PROFILE:
        return _ups_error(422, "UPS-ACC-1000422", "relatedSchema.name must be _xdm.context.profile")
    ns, value = _identity(call, related=True)
    if not ns or not value:
        return _ups_error(422, "UPS-ACC-1000422", "relatedEntityId and relatedEntityIdNS are required")
    try:
        limit = max(1, min(int(call.query.get("limit", "1000")), 1000))
        offset = max(0, int(call.query.get("start", "0") or 0))
        start_time = int(call.query["startTime"]) if call.query.get("startTime") else None
        end_time = int(call.query["endTime"]) if call.query.get("endTime") else None
    except ValueError:
        return _ups_error(422, "UPS-ACC-1000422", "limit, start, startTime and endTime must be integers")
    events = call.state.store.records(call.org, call.sandbox, "event", ns, value)
    if start_time is not None:
        events = [e for e in events if e["ts_ms"] >= start_time]
    if end_time is not None:
        events = [e for e in events if e["ts_ms"] < end_time]
    descending = (call.query.get("orderby") or "timestamp").startswith("-")
    events.sort(key=lambda e: (e["ts_ms"], e["seq"]), reverse=descending)
    page = events[offset:offset + limit]
    xid = _xid(ns, value)
    children = [{"relatedEntityId": xid, "entityId": str(e["body"].get("_id", e["seq"])), "timestamp": e["ts_ms"],
                 "entity": e["body"], "lastModifiedAt": iso(e["received_ms"]).replace(".000Z", "Z")}
                for e in page]
    # UNCONFIRMED: paging cursor format; ours is the offset of the next page in ``start``.
    has_next = offset + limit < len(events)
    href = ""
    if has_next:
        params = dict(call.query)
        params["start"] = str(offset + limit)
        href = "/entities?" + urlencode(params)
    return answer({"_page": {"orderby": "-timestamp" if descending else "timestamp",
                             "start": children[0]["entityId"] if children else "",
                             "count": len(children), "next": str(offset + limit) if has_next else ""},
                   "children": children, "_links": {"next": {"href": href}}})


ROUTES = [
    route("GET POST", BASE + r"/config/eventTypes", event_types),
    route("GET", BASE + r"/config/eventTypes/(?P<id>[^/]+)", event_type_item),
    route("GET", BASE + r"/access/entities", entities),
]
