"""Catalog (``/data/foundation/catalog``): datasets and batch status.

Why datasets check their schema at creation: every record later ingested into a
dataset is validated against that schema, so a dataset pointing nowhere would only
fail later and less clearly. (UNCONFIRMED: the real Catalog's answer to an unknown
schemaRef; we answer 400.)
"""

from __future__ import annotations

from starlette.responses import Response

from aep_emulator.gateway import content_type_missing
from aep_emulator.schemaregistry import lookup_for
from aep_emulator.web import Call, answer, hex_id, now_ms, problem, route

BASE = "/data/foundation/catalog"


def _not_found(what: str) -> Response:
    # UNCONFIRMED: Catalog's 404 body; we reuse the platform's problem shape.
    return problem(404, "NotFoundError", what)


async def create_dataset(call: Call) -> Response:
    bad = content_type_missing(call)
    if bad:
        return bad
    body = call.json_object()
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        return problem(400, "BadRequestError", "Dataset name is required")
    ref = body.get("schemaRef") or {}
    schema_id = ref.get("id") if isinstance(ref, dict) else None
    if schema_id is not None and not isinstance(schema_id, str):
        return problem(400, "BadRequestError", "schemaRef.id must be a schema $id")
    if schema_id:
        target = lookup_for(call.state, call.org, call.sandbox)(schema_id)
        if target is None or target.get("meta:resourceType") != "schemas":
            return problem(400, "BadRequestError", f"Schema {schema_id} could not be found")
        ref = dict(ref, id=target["$id"])
    dataset_id = hex_id(24)
    stamp = now_ms()
    saved = {
        "name": name,
        "description": body.get("description", ""),
        "imsOrg": call.org,
        "sandboxName": call.sandbox,
        "tags": body.get("tags", {}),
        "schemaRef": ref or None,
        "fileDescription": body.get("fileDescription", {}),
        "created": stamp,
        "updated": stamp,
        "createdClient": (call.token or {}).get("client_id"),
        "createdUser": (call.token or {}).get("client_id"),
        "version": "1.0.0",
        "status": "enabled",
        "files": f"@/dataSetFiles?dataSetId={dataset_id}",
        "id": dataset_id,
    }
    await call.state.store.put(call.org, call.sandbox, "dataset", dataset_id, saved, title=None, now_ms=stamp)
    location = f"{call.base_url()}{BASE}/dataSets/{dataset_id}"
    return answer([f"@/dataSets/{dataset_id}"], 201, headers={"Location": location})


def _project(item: dict, properties: str | None) -> dict:
    if not properties:
        return {k: v for k, v in item.items() if k != "id"}
    wanted = [p.strip() for p in properties.split(",") if p.strip()]
    return {k: item[k] for k in wanted if k in item}


async def list_datasets(call: Call) -> Response:
    items = call.state.store.list(call.org, call.sandbox, "dataset")
    name = call.query.get("name")
    if name:
        items = [i for i in items if i.get("name") == name]
    try:
        limit = max(1, min(int(call.query.get("limit", "50")), 100))
        start = max(0, int(call.query.get("start", "0")))
    except ValueError:
        return problem(400, "BadRequestError", "limit and start must be integers")
    items = items[start:start + limit]
    return answer({i["id"]: _project(i, call.query.get("properties")) for i in items})


async def get_dataset(call: Call) -> Response:
    found = call.state.store.get(call.org, call.sandbox, "dataset", call.params["id"])
    if found is None:
        return _not_found(f"Dataset {call.params['id']} not found")
    return answer({found["id"]: _project(found, call.query.get("properties"))})


async def get_batch(call: Call) -> Response:
    found = call.state.store.get(call.org, call.sandbox, "batch", call.params["id"])
    if found is None:
        return _not_found(f"Batch {call.params['id']} not found")
    return answer({found["id"]: {k: v for k, v in found.items() if k != "id"}})


async def list_batches(call: Call) -> Response:
    items = call.state.store.list(call.org, call.sandbox, "batch")
    dataset = call.query.get("dataSet")
    if dataset:
        items = [i for i in items if any(o.get("id") == dataset for o in i.get("relatedObjects", []))]
    return answer({i["id"]: {k: v for k, v in i.items() if k != "id"} for i in items})


ROUTES = [
    route("POST", BASE + r"/(?:dataSets|datasets)", create_dataset),
    route("GET", BASE + r"/(?:dataSets|datasets)", list_datasets),
    route("GET", BASE + r"/(?:dataSets|datasets)/(?P<id>[^/]+)", get_dataset),
    route("GET", BASE + r"/batch(?:es)?", list_batches),
    route("GET", BASE + r"/batch(?:es)?/(?P<id>[^/]+)", get_batch),
]
