"""Schema Registry (``/data/foundation/schemaregistry``): field groups, schemas, descriptors.

Why the registry also hands out compiled validators (``schema_view``): ingestion must
validate against exactly what the registry would answer as xed-full, with the primary
identity from the descriptors; compiling once per registry generation keeps streaming
fast without ever serving a stale schema.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from urllib.parse import unquote

from starlette.responses import Response

from aep_emulator import xdm
from aep_emulator.gateway import content_type_missing
from aep_emulator.validation import Compiled, compile_schema
from aep_emulator.web import Call, answer, empty, hex_id, now_ms, problem, route

BASE = "/data/foundation/schemaregistry"
_KINDS = {"schemas": "schema", "mixins": "mixin", "fieldgroups": "mixin", "classes": "class",
          "datatypes": "datatype"}
_RESOURCE_TYPE = {"schema": "schemas", "mixin": "mixins", "class": "classes", "datatype": "datatypes"}


def _accept(call: Call) -> str | None:
    accept = (call.header("accept") or "").lower()
    if "xed-full" in accept or "xdm-full" in accept:
        return "full"
    if "xed-id" in accept or "xdm-id" in accept:
        return "id"
    if "xed" in accept or "xdm" in accept:
        return "xed"
    return None


def _not_acceptable() -> Response:
    return problem(406, "NotAcceptableError", "Accept header parameter is required")


def _not_found(rid: str) -> Response:
    return problem(404, "NotFoundError", f"Object {rid} with version 1 not found")


def _bad(detail: str) -> Response:
    return problem(400, "BadRequestError", detail)


def lookup_for(state, org: str, sandbox: str):
    """Resolve a ``$id`` or ``meta:altId`` among built-ins and this org/sandbox's resources."""
    store = state.store

    def lookup(ref: str) -> dict | None:
        found = xdm.builtins().get(ref)
        if found is not None:
            return found
        for kind in ("mixin", "schema", "datatype", "class"):
            found = store.get(org, sandbox, kind, ref) or store.get_by_alt(org, sandbox, kind, ref)
            if found is not None:
                return found
        return None

    return lookup


def _tenant_lookup(call: Call, kind: str, rid: str) -> dict | None:
    store = call.state.store
    return store.get(call.org, call.sandbox, kind, rid) or store.get_by_alt(call.org, call.sandbox, kind, rid)


def _meta(call: Call, kind: str, rid_hex: str, title: str) -> dict:
    tenant = call.state.settings.tenant
    stamp = now_ms()
    path = _RESOURCE_TYPE[kind]
    return {
        "$id": f"https://ns.adobe.com/{tenant}/{path}/{rid_hex}",
        "meta:altId": f"_{tenant}.{path}.{rid_hex}",
        "meta:resourceType": path,
        "version": "1.0",
        "meta:containerId": "tenant",
        "imsOrg": call.org,
        "meta:tenantNamespace": f"_{tenant}",
        "meta:registryMetadata": {"repo:createdDate": stamp, "repo:lastModifiedDate": stamp,
                                  "xdm:createdClientId": (call.token or {}).get("client_id"),
                                  "xdm:repositoryLastModifiedBy": None, "eTag": hex_id(40)},
    }


async def _save(call: Call, kind: str, body: dict) -> None:
    await call.state.store.put(call.org, call.sandbox, kind, body["$id"], body, alt_id=body["meta:altId"],
                               title=body.get("title"), now_ms=now_ms())
    call.state.generation += 1


def _check_tenant_fields(call: Call, body: dict) -> str | None:
    tenant_key = "_" + call.state.settings.tenant
    parts = [body] + [d for d in (body.get("definitions") or {}).values() if isinstance(d, dict)]
    for part in parts:
        for key in (part.get("properties") or {}):
            if key != tenant_key:
                return (f"Custom fields must be defined under the tenant namespace {tenant_key}; "
                        f"field {key} is not permitted at the root")
    return None


def _basic_checks(body: dict, required: tuple[str, ...]) -> Response | None:
    for key in required:
        if key not in body:
            return _bad(f"Missing required property {key}")
    if not isinstance(body.get("title"), str) or not body["title"].strip():
        return _bad("title must be a non-empty string")
    if body.get("type") != "object":
        return _bad("type must be object")
    for key in ("definitions", "properties"):
        if key in body and not isinstance(body[key], dict):
            return _bad(f"{key} must be an object")
    if "allOf" in body and not isinstance(body["allOf"], list):
        return _bad("allOf must be an array")
    return None


def _unique_title(call: Call, title: str) -> Response | None:
    existing = call.state.store.find_title(call.org, call.sandbox, title)
    if existing:
        return _bad(f"Title must be unique. An object {existing} already exists with the same title.")
    return None


async def create_mixin(call: Call, body: dict, resource_type: str) -> Response:
    bad = _basic_checks(body, ("type", "title", "meta:intendedToExtend"))
    if bad:
        return bad
    if not isinstance(body["meta:intendedToExtend"], list):
        return _bad("meta:intendedToExtend must be an array of class ids")
    trouble = _check_tenant_fields(call, body)
    if trouble:
        return _bad(trouble)
    dup = _unique_title(call, body["title"])
    if dup:
        return dup
    lookup = lookup_for(call.state, call.org, call.sandbox)
    try:
        xdm.flatten(body, lookup)
    except xdm.XdmError as exc:
        return _bad(str(exc))
    saved = xdm.add_xdm_types(copy.deepcopy(body))
    saved.update(_meta(call, "mixin", hex_id(32), body["title"]))
    saved["meta:resourceType"] = resource_type
    saved.update({"meta:abstract": True, "meta:extensible": True})
    await _save(call, "mixin", saved)
    return answer(saved, 201)


async def create_schema(call: Call, body: dict) -> Response:
    bad = _basic_checks(body, ("type", "title", "allOf"))
    if bad:
        return bad
    refs = [p.get("$ref") for p in body["allOf"] if isinstance(p, dict)]
    if not refs or any(not isinstance(r, str) for r in refs):
        return _bad("allOf must list the class and field groups as {\"$ref\": ...}")
    dup = _unique_title(call, body["title"])
    if dup:
        return dup
    lookup = lookup_for(call.state, call.org, call.sandbox)
    targets = []
    for ref in refs:
        target = lookup(ref)
        if target is None:
            return _bad(f"Reference {ref} could not be resolved")
        targets.append(target)
    classes = [t for t in targets if t.get("meta:resourceType") == "classes"]
    if len(classes) != 1:
        return _bad("A schema must reference exactly one class")
    class_id = classes[0]["$id"]
    for target in targets:
        intended = target.get("meta:intendedToExtend") or []
        if target is not classes[0] and intended and class_id not in intended:
            return _bad(f"Field group {target['$id']} is not compatible with class {class_id}")
    try:
        xdm.flatten(body, lookup)
    except xdm.XdmError as exc:
        return _bad(str(exc))
    saved = copy.deepcopy(body)
    saved.update(_meta(call, "schema", hex_id(32), body["title"]))
    extends = [class_id] + list(classes[0].get("meta:extends", []))
    extends += [t["$id"] for t in targets if t is not classes[0]]
    saved.update({
        "refs": [t["$id"] for t in targets],
        "allOf": [{"$ref": t["$id"]} for t in targets],
        "meta:class": class_id,
        "meta:extends": list(dict.fromkeys(extends)),
        "meta:abstract": False,
        "meta:extensible": False,
        "meta:immutableTags": body.get("meta:immutableTags", []),
    })
    await _save(call, "schema", saved)
    return answer(saved, 201)


async def create_generic(call: Call, body: dict, kind: str) -> Response:
    """Tenant classes and data types: stored and resolvable, with the same checks on titles."""
    bad = _basic_checks(body, ("type", "title"))
    if bad:
        return bad
    dup = _unique_title(call, body["title"])
    if dup:
        return dup
    saved = xdm.add_xdm_types(copy.deepcopy(body))
    saved.update(_meta(call, kind, hex_id(32), body["title"]))
    await _save(call, kind, saved)
    return answer(saved, 201)


async def tenant_collection(call: Call) -> Response:
    path_kind = call.params["kind"]
    kind = _KINDS[path_kind]
    if call.request.method == "POST":
        bad = content_type_missing(call)
        if bad:
            return bad
        body = call.json_object()
        if kind == "mixin":
            return await create_mixin(call, body, "fieldgroups" if path_kind == "fieldgroups" else "mixins")
        if kind == "schema":
            return await create_schema(call, body)
        return await create_generic(call, body, kind)
    items = call.state.store.list(call.org, call.sandbox, kind)
    return _listing(call, items)


def _listing(call: Call, items: list[dict]) -> Response:
    mode = _accept(call)
    if mode is None:
        return _not_acceptable()
    try:
        limit = int(call.query.get("limit", "0") or 0)
    except ValueError:
        limit = 0
    if limit > 0:
        items = items[:limit]
    if mode == "id":
        results = [{"title": i.get("title"), "$id": i["$id"], "meta:altId": i.get("meta:altId"),
                    "version": i.get("version", "1.0")} for i in items]
    else:
        results = items
    return answer({"results": results, "_page": {"orderby": "updated", "next": None, "count": len(results)},
                   "_links": {}}, media_type="application/json")


async def tenant_item(call: Call) -> Response:
    kind = _KINDS[call.params["kind"]]
    rid = unquote(call.params["rid"])
    found = _tenant_lookup(call, kind, rid)
    if call.request.method == "DELETE":
        if found is None:
            return _not_found(rid)
        await call.state.store.delete(call.org, call.sandbox, kind, found["$id"])
        call.state.generation += 1
        return empty(204)
    if found is None:
        return _not_found(rid)
    return _render(call, found)


def _render(call: Call, resource: dict) -> Response:
    mode = _accept(call)
    if mode is None:
        return _not_acceptable()
    if mode == "full":
        lookup = lookup_for(call.state, call.org, call.sandbox)
        try:
            return answer(xdm.expand(resource, lookup))
        except xdm.XdmError as exc:
            return _bad(str(exc))
    return answer(resource)


async def global_collection(call: Call) -> Response:
    kind = call.params["kind"]
    resource_type = "mixins" if kind == "fieldgroups" else kind
    return _listing(call, xdm.builtin_list(resource_type))


async def global_item(call: Call) -> Response:
    rid = unquote(call.params["rid"])
    found = xdm.builtins().get(rid)
    if found is None:
        return _not_found(rid)
    return _render(call, found)


async def stats(call: Call) -> Response:
    store = call.state.store
    schemas = store.list(call.org, call.sandbox, "schema")
    mixins = store.list(call.org, call.sandbox, "mixin")
    classes = store.list(call.org, call.sandbox, "class")
    datatypes = store.list(call.org, call.sandbox, "datatype")
    everything = schemas + mixins + classes + datatypes

    def brief(r: dict) -> dict:
        meta = r.get("meta:registryMetadata", {})
        return {"title": r.get("title"), "description": r.get("description"), "$id": r["$id"],
                "meta:altId": r.get("meta:altId"), "meta:resourceType": r.get("meta:resourceType"),
                "version": r.get("version"), "timestamp": meta.get("repo:lastModifiedDate")}

    recent = sorted(everything, key=lambda r: r.get("meta:registryMetadata", {}).get("repo:createdDate", 0),
                    reverse=True)[:5]
    usage: dict[str, list] = {}
    for schema in schemas:
        usage.setdefault(schema.get("meta:class", ""), []).append({"$id": schema["$id"], "title": schema["title"]})
    return answer({
        "imsOrg": call.org,
        "tenantId": call.state.settings.tenant,
        "counts": {"schemas": len(schemas), "mixins": len(mixins), "datatypes": len(datatypes),
                   "classes": len(classes),
                   "unions": sum(1 for s in schemas if "union" in (s.get("meta:immutableTags") or []))},
        "recentlyCreatedResources": [brief(r) for r in recent],
        "recentlyUpdatedResources": [brief(r) for r in recent],
        "classUsage": usage,
    })


async def descriptors(call: Call) -> Response:
    store = call.state.store
    if call.request.method == "GET":
        items = store.list(call.org, call.sandbox, "descriptor")
        if "xdm-id" in (call.header("accept") or "") or "xed-id" in (call.header("accept") or ""):
            return answer({"xdm:descriptorIdentity": [d["@id"] for d in items
                                                       if d.get("@type") == "xdm:descriptorIdentity"]})
        return answer(items)
    bad = content_type_missing(call)
    if bad:
        return bad
    body = call.json_object()
    kind = body.get("@type")
    if not isinstance(kind, str) or not kind.startswith("xdm:"):
        return _bad("Descriptor @type is missing or unknown")
    source = body.get("xdm:sourceSchema")
    schema = _tenant_lookup(call, "schema", source) if isinstance(source, str) else None
    if schema is None:
        return _bad(f"Source schema {source} could not be found")
    prop = body.get("xdm:sourceProperty")
    if kind == "xdm:descriptorIdentity":
        if not isinstance(prop, str) or not prop.startswith("/"):
            return _bad("xdm:sourceProperty must be a path such as /_tenant/field")
        lookup = lookup_for(call.state, call.org, call.sandbox)
        props, _ = xdm.flatten(schema, lookup)
        if not xdm.has_path(props, prop):
            return _bad(f"Property {prop} does not exist in schema {schema['$id']}")
        if not body.get("xdm:namespace"):
            return _bad("xdm:namespace is required for an identity descriptor")
        if body.get("xdm:isPrimary"):
            for other in store.list(call.org, call.sandbox, "descriptor"):
                if (other.get("@type") == kind and other.get("xdm:isPrimary")
                        and other.get("xdm:sourceSchema") == schema["$id"]):
                    return _bad(f"Schema {schema['$id']} already has a primary identity descriptor "
                                f"{other['@id']}")
    saved = dict(body)
    saved["xdm:sourceSchema"] = schema["$id"]
    saved["meta:containerId"] = "tenant"
    saved["@id"] = hex_id(40)
    saved["imsOrg"] = call.org
    await store.put(call.org, call.sandbox, "descriptor", saved["@id"], saved, now_ms=now_ms())
    call.state.generation += 1
    return answer(saved, 201)


async def descriptor_item(call: Call) -> Response:
    store = call.state.store
    did = call.params["rid"]
    found = store.get(call.org, call.sandbox, "descriptor", did)
    if found is None:
        return _not_found(did)
    if call.request.method == "DELETE":
        await store.delete(call.org, call.sandbox, "descriptor", did)
        call.state.generation += 1
        return empty(204)
    return answer(found)


# -- the view ingestion uses --------------------------------------------------

@dataclass
class SchemaView:
    schema_id: str
    class_id: str | None
    compiled: Compiled
    identity_path: str | None
    identity_ns: str | None


def schema_view(state, org: str, sandbox: str, ref: str) -> SchemaView | None:
    """The compiled schema for ingestion (cached per registry generation), None if unknown."""
    key = (org, sandbox, ref, state.generation)
    cached = state.views.get(key)
    if cached is not None:
        return cached
    lookup = lookup_for(state, org, sandbox)
    resource = lookup(ref)
    if resource is None or resource.get("meta:resourceType") != "schemas":
        return None
    try:
        full = xdm.expand(resource, lookup)
    except xdm.XdmError:
        return None
    identity_path = identity_ns = None
    for desc in state.store.list(org, sandbox, "descriptor"):
        if (desc.get("@type") == "xdm:descriptorIdentity" and desc.get("xdm:isPrimary")
                and desc.get("xdm:sourceSchema") == resource["$id"]):
            identity_path = desc.get("xdm:sourceProperty")
            identity_ns = str(desc.get("xdm:namespace") or "").lower()
    compiled = compile_schema(full, [identity_path] if identity_path else [])
    view = SchemaView(resource["$id"], resource.get("meta:class"), compiled, identity_path, identity_ns)
    if len(state.views) > 512:
        state.views.clear()
    state.views[key] = view
    state.views[(org, sandbox, resource["$id"], state.generation)] = view
    return view


_KIND_RE = r"(?P<kind>schemas|mixins|fieldgroups|classes|datatypes)"
ROUTES = [
    route("GET", BASE + r"/stats", stats),
    route("GET POST", BASE + r"/tenant/descriptors", descriptors),
    route("GET DELETE", BASE + r"/tenant/descriptors/(?P<rid>[^/]+)", descriptor_item),
    route("GET POST", BASE + r"/tenant/" + _KIND_RE, tenant_collection),
    route("GET DELETE", BASE + r"/tenant/" + _KIND_RE + r"/(?P<rid>.+?)", tenant_item),
    route("GET", BASE + r"/global/" + _KIND_RE, global_collection),
    route("GET", BASE + r"/global/" + _KIND_RE + r"/(?P<rid>.+?)", global_item),
]
