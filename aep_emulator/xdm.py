"""XDM resources: the built-in classes/field groups and resolving a schema into one tree.

Why resolution lives here: the registry's xed-full answers, streaming validation and
batch validation all need the same merged view of "class + field groups + data types"
as a single ``properties`` tree, and they must agree with each other exactly.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

XDM_DIR = Path(__file__).resolve().parent / "xdm"
PROFILE_CLASS = "https://ns.adobe.com/xdm/context/profile"
EVENT_CLASS = "https://ns.adobe.com/xdm/context/experienceevent"

Lookup = Callable[[str], "dict | None"]


class XdmError(ValueError):
    """A reference or structure the registry refuses (answered as 400)."""


@lru_cache(maxsize=1)
def builtins() -> dict[str, dict]:
    """Built-in global resources keyed by both ``$id`` and ``meta:altId``."""
    found: dict[str, dict] = {}
    for path in sorted(XDM_DIR.glob("*.json")):
        resource = json.loads(path.read_text(encoding="utf-8"))
        found[resource["$id"]] = resource
        found[resource["meta:altId"]] = resource
    return found


def builtin_list(resource_type: str) -> list[dict]:
    seen: dict[str, dict] = {}
    for resource in builtins().values():
        if resource["meta:resourceType"] == resource_type:
            seen[resource["$id"]] = resource
    return list(seen.values())


def _merge(dst: dict, src: dict) -> None:
    """Field groups may each add fields under the same object (``_tenant``, ``person``)."""
    for key, value in src.items():
        mine = dst.get(key)
        if isinstance(mine, dict) and isinstance(value, dict) and "properties" in mine and "properties" in value:
            _merge(mine["properties"], value["properties"])
            required = list(dict.fromkeys(mine.get("required", []) + value.get("required", [])))
            if required:
                mine["required"] = required
        else:
            dst[key] = copy.deepcopy(value)


def _resolve_refs(node: dict, lookup: Lookup, depth: int = 0) -> dict:
    """Inline data-type ``$ref``s inside a property tree."""
    if depth > 32:
        raise XdmError("Reference cycle in data types")
    if "$ref" in node and not node["$ref"].startswith("#"):
        target = lookup(node["$ref"])
        if target is None:
            raise XdmError(f"Reference {node['$ref']} could not be resolved")
        props, required = flatten(target, lookup, depth + 1)
        merged = {k: v for k, v in node.items() if k != "$ref"}
        merged.update({"type": "object", "meta:xdmType": "object", "properties": props,
                       "meta:referencedFrom": node["$ref"]})
        if required:
            merged["required"] = required
        node = merged
    out = dict(node)
    if isinstance(out.get("properties"), dict):
        out["properties"] = {k: _resolve_refs(v, lookup, depth + 1) for k, v in out["properties"].items()}
    if isinstance(out.get("items"), dict):
        out["items"] = _resolve_refs(out["items"], lookup, depth + 1)
    if isinstance(out.get("additionalProperties"), dict):
        out["additionalProperties"] = _resolve_refs(out["additionalProperties"], lookup, depth + 1)
    return out


def flatten(resource: dict, lookup: Lookup, depth: int = 0) -> tuple[dict, list[str]]:
    """All properties a resource contributes (its own, its definitions, its allOf refs)."""
    if depth > 32:
        raise XdmError("Reference cycle in schema")
    props: dict = {}
    required: list[str] = []

    def take(part: dict) -> None:
        if isinstance(part.get("properties"), dict):
            _merge(props, {k: _resolve_refs(v, lookup, depth + 1) for k, v in part["properties"].items()})
        required.extend(r for r in part.get("required", []) if r not in required)

    take(resource)
    for part in resource.get("allOf", []) or []:
        ref = part.get("$ref") if isinstance(part, dict) else None
        if ref is None:
            if isinstance(part, dict):
                take(part)
            continue
        if ref.startswith("#/definitions/"):
            definition = (resource.get("definitions") or {}).get(ref[len("#/definitions/"):])
            if definition is None:
                raise XdmError(f"Reference {ref} could not be resolved")
            take(definition)
            continue
        target = lookup(ref)
        if target is None:
            raise XdmError(f"Reference {ref} could not be resolved")
        sub_props, sub_req = flatten(target, lookup, depth + 1)
        _merge(props, sub_props)
        required.extend(r for r in sub_req if r not in required)
    return props, required


def expand(resource: dict, lookup: Lookup) -> dict:
    """The xed-full view: metadata kept, class and field groups resolved into ``properties``."""
    props, required = flatten(resource, lookup)
    full = {k: copy.deepcopy(v) for k, v in resource.items() if k not in ("allOf", "definitions")}
    full["type"] = "object"
    full["properties"] = props
    if required:
        full["required"] = required
    return full


def schema_class(resource: dict, lookup: Lookup) -> str | None:
    """The class a schema (or field group) builds on, found through its refs."""
    if resource.get("meta:resourceType") == "classes":
        return resource["$id"]
    if resource.get("meta:class"):
        return resource["meta:class"]
    for part in resource.get("allOf", []) or []:
        ref = part.get("$ref", "") if isinstance(part, dict) else ""
        target = lookup(ref) if ref and not ref.startswith("#") else None
        if target is not None and target.get("meta:resourceType") == "classes":
            return target["$id"]
    return None


_XDM_TYPES = {"integer": "int", "number": "number", "boolean": "boolean", "object": "object",
              "array": "array", "string": "string"}


def add_xdm_types(node: dict) -> dict:
    """The registry answers every field with ``meta:xdmType`` (integer -> int, dates by format)."""
    out = dict(node)
    kind = out.get("type")
    if isinstance(kind, str) and "meta:xdmType" not in out:
        if kind == "string" and out.get("format") in ("date", "date-time"):
            out["meta:xdmType"] = out["format"]
        elif kind in _XDM_TYPES:
            out["meta:xdmType"] = _XDM_TYPES[kind]
    for key in ("properties", "definitions"):
        if isinstance(out.get(key), dict):
            out[key] = {k: add_xdm_types(v) if isinstance(v, dict) else v for k, v in out[key].items()}
    for key in ("items", "additionalProperties"):
        if isinstance(out.get(key), dict):
            out[key] = add_xdm_types(out[key])
    return out


def get_path(entity: dict, pointer: str) -> object | None:
    """Value at an XDM path such as ``/_tenant/loyaltyID`` (None when absent)."""
    node: object = entity
    for part in [p for p in pointer.split("/") if p]:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def has_path(properties: dict, pointer: str) -> bool:
    node: dict = {"properties": properties}
    for part in [p for p in pointer.split("/") if p]:
        props = node.get("properties") if isinstance(node, dict) else None
        if not isinstance(props, dict) or part not in props:
            return False
        node = props[part]
    return True
