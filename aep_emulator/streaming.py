"""Streaming ingestion: inlets, flow-service streaming connections, ``/collection`` calls.

Why the inlet URL is built from each request: the tutorial stores ``inletUrl`` and
posts to it later, from wherever it reached us (a ``--connect-to`` mapping, the TLS
listener, a container hostname), so the URL must lead back through that same address.
Why the hot path is short: every streamed record is validated and committed before we
answer; the compiled schema is cached and commits are grouped (see ``store``).
"""

from __future__ import annotations

import itertools
import json
import uuid

from starlette.responses import Response

from aep_emulator.records import make_row
from aep_emulator.schemaregistry import SchemaView, schema_view
from aep_emulator.web import Call, answer, empty, hex_id, iso, now_ms, problem, route

INLET_BASE = "/data/core/edge/inlet"
FLOW_BASE = "/data/foundation/flowservice/connections"
DCS_TYPE = "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet"
MAX_BYTES = 1024 * 1024
_counter = itertools.count(1)


def _inlet_view(call: Call, inlet: dict) -> dict:
    view = dict(inlet)
    view["inletUrl"] = f"{call.base_url()}/collection/{inlet['inletId']}"
    return view


def _inlet_missing() -> Response:
    # UNCONFIRMED: the body shape of this 404; the message is the documented one.
    return problem(404, "Not Found", "Inlet with given inletId not found.")


async def create_inlet(call: Call) -> Response:
    body = call.json_object()
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        return problem(400, "Bad Request", "Inlet name is required")
    store = call.state.store
    # UNCONFIRMED trigger of the documented 409: we refuse a second inlet with the same name.
    if any(i.get("name") == name for i in store.list(call.org, call.sandbox, "inlet")):
        return problem(409, "Conflict", f"An inlet named {name} already exists")
    inlet = await _new_inlet(call, name, body.get("description", ""), body.get("sourceId") or name,
                             body.get("dataType", "xdm"), bool(body.get("authenticationRequired", False)))
    return answer(_inlet_view(call, inlet), 200)


async def _new_inlet(call: Call, name: str, description: str, source_id: str, data_type: str,
                     auth_required: bool) -> dict:
    stamp = now_ms()
    who = (call.token or {}).get("client_id")
    inlet = {"inletId": hex_id(64), "imsOrg": call.org, "sandboxName": call.sandbox, "sourceId": source_id,
             "dataType": data_type, "status": "active", "name": name, "description": description,
             "authenticationRequired": auth_required, "createdAt": iso(stamp), "createdBy": who,
             "modifiedAt": iso(stamp), "modifiedBy": who, "validationRequired": True}
    await call.state.store.put(call.org, call.sandbox, "inlet", inlet["inletId"], inlet, now_ms=stamp)
    return inlet


async def list_inlets(call: Call) -> Response:
    items = [_inlet_view(call, i) for i in call.state.store.list(call.org, call.sandbox, "inlet")]
    return answer({"items": items, "total": len(items)})


async def inlet_item(call: Call) -> Response:
    store = call.state.store
    inlet = store.get(call.org, call.sandbox, "inlet", call.params["id"])
    if inlet is None:
        return _inlet_missing()
    if call.request.method == "DELETE":
        await store.delete(call.org, call.sandbox, "inlet", inlet["inletId"])
        call.state.generation_inlets += 1
        return empty(204)
    if call.request.method == "PUT":
        body = call.json_object()
        types = {"name": str, "description": str, "sourceId": str, "dataType": str, "authenticationRequired": bool}
        for key, kind in types.items():
            if key in body and not isinstance(body[key], kind):
                return problem(400, "Bad Request", f"{key} must be a {kind.__name__}")
            if key in body:
                inlet[key] = body[key]
        stamp = now_ms()
        inlet["modifiedAt"] = iso(stamp)
        await store.put(call.org, call.sandbox, "inlet", inlet["inletId"], inlet, now_ms=stamp)
        call.state.generation_inlets += 1
    return answer(_inlet_view(call, inlet))


# -- flow service streaming connections ------------------------------------

def _connection_view(call: Call, conn: dict) -> dict:
    view = json.loads(json.dumps(conn))
    params = view.setdefault("auth", {}).setdefault("params", {})
    params["inletUrl"] = f"{call.base_url()}/collection/{conn['auth']['params']['inletId']}"
    return view


async def create_connection(call: Call) -> Response:
    body = call.json_object()
    name = body.get("name")
    auth = body.get("auth") or {}
    params = auth.get("params") if isinstance(auth, dict) else None
    if not isinstance(name, str) or not name.strip() or not isinstance(params, dict):
        return problem(400, "Bad Request", "name and auth.params are required")
    inlet = await _new_inlet(call, name, body.get("description", ""), params.get("sourceId") or name,
                             params.get("dataType", "xdm"), bool(params.get("authenticationRequired", False)))
    stamp = now_ms()
    conn_id = str(uuid.uuid4())
    etag = f'"{hex_id(8)}-0000-0200-0000-{hex_id(12)}"'
    conn = {"id": conn_id, "createdAt": stamp, "updatedAt": stamp, "createdBy": (call.token or {}).get("client_id"),
            "name": name, "description": body.get("description", ""),
            "connectionSpec": body.get("connectionSpec", {}), "providerId": body.get("providerId"),
            "state": "enabled",
            "auth": {"specName": auth.get("specName", "Streaming Connection"),
                     "params": dict(params, inletId=inlet["inletId"])},
            "version": "\"1.0\"", "etag": etag}
    await call.state.store.put(call.org, call.sandbox, "connection", conn_id, conn, now_ms=stamp)
    return answer({"id": conn_id, "etag": etag}, 201)


async def list_connections(call: Call) -> Response:
    items = [_connection_view(call, c) for c in call.state.store.list(call.org, call.sandbox, "connection")]
    return answer({"items": items})


async def connection_item(call: Call) -> Response:
    store = call.state.store
    conn = store.get(call.org, call.sandbox, "connection", call.params["id"])
    if conn is None:
        return problem(404, "Not Found", f"Connection {call.params['id']} not found")
    if call.request.method == "DELETE":
        await store.delete(call.org, call.sandbox, "connection", conn["id"])
        await store.delete(call.org, call.sandbox, "inlet", conn["auth"]["params"]["inletId"])
        call.state.generation_inlets += 1
        return empty(204)
    return answer({"items": [_connection_view(call, conn)]})


# -- the collection endpoints -------------------------------------------------

def _find_inlet(call: Call, some_id: str) -> tuple[str, str, dict] | None:
    cache = call.state.inlets
    found = cache.get(some_id)
    if found is not None and found[3] == call.state.generation_inlets:
        return found[:3]
    hit = call.state.store.get_anywhere("inlet", some_id)
    if hit is None:
        conn = call.state.store.get_anywhere("connection", some_id)
        if conn is not None:
            hit = call.state.store.get_anywhere("inlet", conn[2]["auth"]["params"]["inletId"])
    if hit is not None:
        cache[some_id] = (*hit, call.state.generation_inlets)
    return hit


def _dcs_error(inlet_id: str, org: str, message: str, cause: dict | None = None) -> Response:
    report: dict = {"message": f"inletId: [{inlet_id}] imsOrgId: [{org}] {message}"}
    if cause is not None:
        report["cause"] = cause
    return answer({"type": DCS_TYPE, "status": 400, "title": "Invalid XDM Message Format", "report": report}, 400)


def _flag(call: Call) -> bool:
    for name in ("synchronousValidation", "syncValidation"):
        if (call.query.get(name) or "").lower() == "true":
            return True
    return False


class _Reject(Exception):
    def __init__(self, message: str, cause: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause


def _schema_ref(node: object) -> str | None:
    ref = node.get("schemaRef") if isinstance(node, dict) else None
    found = ref.get("id") if isinstance(ref, dict) else None
    return found if isinstance(found, str) else None


def _prepare(call: Call, org: str, sandbox: str, message: object) -> tuple[SchemaView, str, dict, int, list]:
    """Check one message; returns (view, dataset id, entity, violation count, first violations)."""
    if not isinstance(message, dict) or not isinstance(message.get("header"), dict) \
            or not isinstance(message.get("body"), dict):
        raise _Reject("Message has unknown xdm format")
    header, body = message["header"], message["body"]
    if header.get("imsOrgId") != org:
        raise _Reject("Message has an absent or wrong ims org in the header")
    ref = _schema_ref(header) or _schema_ref(body.get("xdmMeta"))
    view = schema_view(call.state, org, sandbox, ref) if ref else None
    if view is None:
        raise _Reject("Message has unknown xdm format")
    dataset_id = header.get("datasetId")
    if dataset_id is not None and not isinstance(dataset_id, str):
        raise _Reject("Message has unknown xdm format")
    store = call.state.store
    if dataset_id:
        # datasets are never deleted, so a dataset once seen can be remembered
        key = (org, sandbox, dataset_id)
        dataset = call.state.datasets.get(key)
        if dataset is None:
            dataset = store.get(org, sandbox, "dataset", dataset_id)
            if dataset is not None:
                call.state.datasets[key] = dataset
        if dataset is None:
            raise _Reject(f"Dataset {dataset_id} not found")
    else:
        # UNCONFIRMED: without datasetId the platform routes to a dataset of that schema.
        candidates = [d for d in store.list(org, sandbox, "dataset")
                      if (d.get("schemaRef") or {}).get("id") == view.schema_id]
        if not candidates:
            raise _Reject(f"No dataset found for schema {view.schema_id}")
        dataset_id = candidates[0]["id"]
    entity = body.get("xdmEntity")
    if not isinstance(entity, dict):
        raise _Reject("Message has unknown xdm format")
    count, found = view.compiled.validate(entity)
    return view, dataset_id, entity, count, found


def _violation_cause(count: int, found: list) -> dict:
    return {"_streamingValidation": [{"schemaLocation": "#", "pointerToViolation": "#",
                                      "causingExceptions": found, "message": f"{count} schema violations found"}]}


def _auth_ok(call: Call, inlet: dict, org: str) -> bool:
    """A valid token of the inlet's own org (tokens are per org, as at the gateway).

    Why the org check: a live token of any other org used to be enough to write into
    an authenticated inlet, i.e. org B's credentials wrote org A's data.
    """
    if not inlet.get("authenticationRequired"):
        return True
    scheme, _, value = (call.header("authorization") or "").partition(" ")
    token = call.state.store.token(value.strip()) if scheme.lower() == "bearer" else None
    if token is None or token["expires_ms"] < now_ms():
        return False
    return token["org"] is None or token["org"] == org


def _writable_inlet(call: Call) -> tuple[str, str, dict] | Response:
    """The inlet a /collection call names, once it exists and the caller may write to it (else the error)."""
    hit = _find_inlet(call, call.params["id"])
    if hit is None:
        return _inlet_missing()
    if not _auth_ok(call, hit[2], hit[0]):
        return answer({"error_code": "401013", "message": "Oauth token is not valid"}, 401)
    return hit


async def collect(call: Call) -> Response:
    hit = _writable_inlet(call)
    if isinstance(hit, Response):
        return hit
    org, sandbox, inlet = hit
    inlet_id = inlet["inletId"]
    if len(call.body) > MAX_BYTES:
        return answer({"type": DCS_TYPE, "status": 413, "title": "Payload Too Large",
                       "report": {"message": "Message size exceeds the 1 MB limit"}}, 413)
    received = now_ms()
    try:
        message = json.loads(call.body)
    except (ValueError, UnicodeDecodeError):
        return _dcs_error(inlet_id, org, "Message has unknown xdm format")
    sync = _flag(call)
    try:
        view, dataset_id, entity, count, found = _prepare(call, org, sandbox, message)
    except _Reject as exc:
        return _dcs_error(inlet_id, org, exc.message)
    if count and sync:
        return _dcs_error(inlet_id, org, "Message is invalid", _violation_cause(count, found))
    xaction = f"{received}:{next(_counter)}:{call.state.instance}"
    # Without synchronous validation an invalid record is acknowledged but never reaches
    # the profile (the platform would route it to the failed-records dataset).
    row = make_row(org, sandbox, dataset_id, view, entity, status="failed" if count else "accepted",
                   received_ms=received, xaction_id=xaction, origin=f"inlet:{inlet_id}")
    await call.state.store.add_records([row])
    return answer({"inletId": inlet_id, "xactionId": xaction, "receivedTimeMs": received,
                   "synchronousValidation": {"status": "pass"} if sync else {"skipped": True}})


async def collect_batch(call: Call) -> Response:
    hit = _writable_inlet(call)
    if isinstance(hit, Response):
        return hit
    org, sandbox, inlet = hit
    inlet_id = inlet["inletId"]
    received = now_ms()
    try:
        payload = json.loads(call.body)
    except (ValueError, UnicodeDecodeError):
        return _dcs_error(inlet_id, org, "Message has unknown xdm format")
    messages = payload.get("messages") if isinstance(payload, dict) else None
    if not isinstance(messages, list):
        return _dcs_error(inlet_id, org, "Message has unknown xdm format")
    batch_id = f"{received}:{next(_counter)}:{call.state.instance}"
    responses, rows = [], []
    for index, message in enumerate(messages):
        try:
            view, dataset_id, entity, count, found = _prepare(call, org, sandbox, message)
        except _Reject as exc:
            responses.append({"statusCode": 400, "message": f"inletId: [{inlet_id}] imsOrgId: [{org}] "
                                                            f"{exc.message}"})
            continue
        if count:
            detail = "; ".join(f"{v['pointerToViolation']}: {v['message']}" for v in found)
            responses.append({"statusCode": 400, "message": f"inletId: [{inlet_id}] imsOrgId: [{org}] "
                                                            f"Message is invalid: {detail}"})
            continue
        xaction = f"{batch_id}:{index}"
        rows.append(make_row(org, sandbox, dataset_id, view, entity, status="accepted", received_ms=received,
                             xaction_id=xaction, origin=f"inlet:{inlet_id}"))
        responses.append({"xactionId": xaction})
    if rows:
        await call.state.store.add_records(rows)
    return answer({"inletId": inlet_id, "batchId": batch_id, "receivedTimeMs": received,
                   "responses": responses}, 207)


ROUTES = [
    route("POST", INLET_BASE, create_inlet),
    route("GET", INLET_BASE, list_inlets),
    route("GET PUT DELETE", INLET_BASE + r"/(?P<id>[^/]+)", inlet_item),
    route("POST", FLOW_BASE, create_connection),
    route("GET", FLOW_BASE, list_connections),
    route("GET DELETE", FLOW_BASE + r"/(?P<id>[^/]+)", connection_item),
    route("POST", r"/collection/batch/(?P<id>[^/]+)", collect_batch, gateway=False),
    route("POST", r"/collection/(?P<id>[^/]+)", collect, gateway=False),
]
