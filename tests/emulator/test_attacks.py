"""Attacks on the AEP emulator: cross-org and cross-sandbox access, injection through ids and
query parameters, path tricks in batch file names, oversized and malformed bodies, and
parallel writes that must all be kept once acknowledged.

Why: the emulator promises "data of one org or sandbox is never visible from another" and
"never drops an acknowledged record"; these tests run a real emulator on 127.0.0.1 and
fail as soon as one promise breaks.
"""

from __future__ import annotations

import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
import requests

from tests.emulator import payloads
from tests.emulator.conftest import Platform
from tests.emulator.tutorial import SR, build


@pytest.fixture(scope="module")
def world(emulator, rsa_key):
    """Org A with the tutorial's objects and a batch, org B, and org A in another sandbox."""
    a = Platform(emulator, rsa_key)
    setup = build(a)
    batch = a.call("POST", "/data/foundation/import/batches", accept=None,
                   json={"datasetId": setup.profile_dataset, "inputFormat": {"format": "json"}})
    assert batch.status_code == 201, batch.text
    b = Platform(emulator, rsa_key)
    a_dev = Platform(emulator, rsa_key, org=a.org, sandbox="dev")
    return {"a": a, "b": b, "a_dev": a_dev, "setup": setup, "batch": batch.json()["id"]}


def _a_resources(world) -> dict[str, str]:
    s = world["setup"]
    return {
        "mixin": f"{SR}/tenant/mixins/{quote(s.profile_mixin, safe='')}",
        "schema": f"{SR}/tenant/schemas/{quote(s.profile_schema, safe='')}",
        "dataset": f"/data/foundation/catalog/dataSets/{s.profile_dataset}",
        "batch": f"/data/foundation/catalog/batches/{world['batch']}",
        "inlet": f"/data/core/edge/inlet/{s.inlet_id}",
    }


def test_org_a_reads_its_own_resources(world):
    for name, path in _a_resources(world).items():
        response = world["a"].call("GET", path, accept="application/vnd.adobe.xed+json" if "schemaregistry" in path else None)
        assert response.status_code == 200, (name, response.status_code, response.text[:200])


@pytest.mark.parametrize("who", ["b", "a_dev"])
def test_another_org_or_sandbox_cannot_read_or_list_a(world, who):
    other = world[who]
    for name, path in _a_resources(world).items():
        response = other.call("GET", path, accept="application/vnd.adobe.xed+json" if "schemaregistry" in path else None)
        assert response.status_code == 404, (who, name, response.status_code, response.text[:200])
    secrets = [world["setup"].profile_dataset, world["setup"].inlet_id, world["batch"], world["setup"].profile_schema]
    for path in ("/data/foundation/catalog/dataSets", "/data/foundation/catalog/batches", "/data/core/edge/inlet",
                 f"{SR}/tenant/schemas", f"{SR}/tenant/mixins"):
        text = other.call("GET", path).text
        for secret in secrets:
            assert secret not in text, (who, path)


@pytest.mark.parametrize("who", ["b", "a_dev"])
def test_another_org_or_sandbox_cannot_write_into_a(world, who):
    other, s = world[who], world["setup"]
    upload = other.call("PUT", f"/data/foundation/import/batches/{world['batch']}/datasets/{s.profile_dataset}/files/x.json",
                        accept=None, data=b'{"a": 1}', headers={"Content-Type": "application/octet-stream"})
    assert upload.status_code == 404
    complete = other.call("POST", f"/data/foundation/import/batches/{world['batch']}?action=COMPLETE", accept=None)
    assert complete.status_code == 404
    delete = other.call("DELETE", f"/data/core/edge/inlet/{s.inlet_id}", accept=None)
    assert delete.status_code == 404
    assert world["a"].call("GET", f"/data/core/edge/inlet/{s.inlet_id}", accept=None).status_code == 200


def test_a_token_with_another_orgs_header_is_refused(world):
    a, b = world["a"], world["b"]
    response = requests.get(a.base + "/data/foundation/catalog/dataSets",
                            headers={**b.headers(None), "x-gw-ims-org-id": a.org})
    assert response.status_code in (401, 403)
    assert world["setup"].profile_dataset not in response.text


def test_another_orgs_token_cannot_stream_into_an_authenticated_inlet(world):
    a, b, s = world["a"], world["b"], world["setup"]
    inlet = a.call("POST", "/data/core/edge/inlet", accept=None, json={
        "name": "auth", "description": "d", "sourceId": "auth", "dataType": "xdm", "authenticationRequired": True})
    assert inlet.status_code in (200, 201), inlet.text
    url = inlet.json()["inletUrl"]
    msg = payloads.message(a.org, s.profile_schema, s.profile_dataset, payloads.profile_entity("x@example.com"))
    foreign = requests.post(url, json=msg, headers={"Authorization": f"Bearer {b.token}"})
    assert foreign.status_code == 401, foreign.text
    own = requests.post(url, json=msg, headers={"Authorization": f"Bearer {a.token}"})
    assert own.status_code == 200, own.text


INJECTIONS = ["' OR '1'='1", "x'; DROP TABLE resources; --", '" OR 1=1 --', "%27%20OR%201%3D1", "1 UNION SELECT * FROM tokens"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_through_ids_and_query_is_inert(world, payload):
    b = world["b"]
    enc = quote(payload, safe="")
    for path in (f"/data/foundation/catalog/dataSets/{enc}", f"/data/foundation/catalog/batches/{enc}",
                 f"/data/core/edge/inlet/{enc}", f"{SR}/tenant/schemas/{enc}"):
        response = b.call("GET", path)
        assert response.status_code == 404, (path, response.status_code, response.text[:200])
    for query in (f"?limit={enc}", f"?orderBy={enc}", f"?name={enc}", f"?property=name%3D%3D{enc}", f"?start={enc}"):
        response = b.call("GET", "/data/foundation/catalog/dataSets" + query)
        assert response.status_code < 500, (query, response.text[:200])
        assert world["setup"].profile_dataset not in response.text
    created = b.call("POST", "/data/foundation/catalog/dataSets", json={"name": payload, "schemaRef": {"id": payload}})
    assert created.status_code < 500
    # A still has its data, and the tables are intact
    assert world["a"].call("GET", f"/data/foundation/catalog/dataSets/{world['setup'].profile_dataset}").status_code == 200


@pytest.mark.parametrize("name", ["../../escape.json", "..%2F..%2Fescape.json", "/abs/escape.json", "a/../../b.json"])
def test_batch_file_names_never_touch_the_file_system(world, emulator, name):
    a, s = world["a"], world["setup"]
    batch = a.call("POST", "/data/foundation/import/batches", accept=None,
                   json={"datasetId": s.profile_dataset, "inputFormat": {"format": "json"}}).json()["id"]
    before = sorted(p.name for p in emulator.data_dir.parent.iterdir())
    response = a.call("PUT", f"/data/foundation/import/batches/{batch}/datasets/{s.profile_dataset}/files/{name}",
                      accept=None, data=b'{"x": 1}', headers={"Content-Type": "application/octet-stream"})
    assert response.status_code < 500
    assert sorted(p.name for p in emulator.data_dir.parent.iterdir()) == before
    assert not any(p.name.startswith("escape") for p in emulator.data_dir.rglob("*"))


def test_streaming_body_over_one_megabyte_is_413(world):
    s = world["setup"]
    msg = payloads.message(world["a"].org, s.profile_schema, s.profile_dataset,
                           payloads.profile_entity("big@example.com", padding="x" * (1024 * 1024)))
    response = requests.post(s.inlet_url, json=msg)
    assert response.status_code == 413


@pytest.mark.parametrize("path, body", [
    ("/data/foundation/catalog/dataSets", b"{not json"),
    ("/data/foundation/catalog/dataSets", b"[1, 2]"),
    ("/data/foundation/catalog/dataSets", b'{"name": 5, "schemaRef": "x"}'),
    ("/data/foundation/import/batches", b'{"datasetId": {"$ne": 1}}'),
    ("/data/foundation/import/batches", b"\xff\xfe"),
    ("/data/core/edge/inlet", b'{"name": [], "dataType": 7}'),
    (f"{SR}/tenant/schemas/", b'{"allOf": "nope", "title": {}}'),
    (f"{SR}/tenant/mixins/", b"null"),
])
def test_malformed_or_ill_typed_bodies_are_4xx(world, path, body):
    response = world["b"].call("POST", path, data=body)
    assert 400 <= response.status_code < 500, (path, body, response.status_code, response.text[:200])


def test_streaming_garbage_is_4xx(world):
    s = world["setup"]
    for body in (b"{not json", b"[]", b'{"header": 1, "body": []}', b"\xff\xfe"):
        response = requests.post(s.inlet_url, data=body, headers={"Content-Type": "application/json"})
        assert 400 <= response.status_code < 500, (body, response.status_code)


def test_parallel_acknowledged_writes_are_all_stored(world, emulator):
    a, s = world["a"], world["setup"]
    marker = uuid.uuid4().hex

    def send(i: int) -> str | None:
        msg = payloads.message(a.org, s.profile_schema, s.profile_dataset,
                               payloads.profile_entity(f"{marker}-{i}@example.com"))
        response = requests.post(s.inlet_url, json=msg, timeout=60)
        return response.json()["xactionId"] if response.status_code == 200 else None

    with ThreadPoolExecutor(max_workers=16) as pool:
        acknowledged = [x for x in pool.map(send, range(200)) if x]
    assert len(acknowledged) == 200
    with sqlite3.connect(f"file:{emulator.data_dir / 'aep-emulator.sqlite3'}?mode=ro", uri=True) as conn:
        stored = {row[0] for row in conn.execute("SELECT xaction_id FROM records WHERE org=?", (a.org,))}
    assert set(acknowledged) <= stored


def test_profiles_and_events_stay_in_their_org_and_sandbox(world):
    a, s = world["a"], world["setup"]
    email = f"{uuid.uuid4().hex}@example.com"
    r = requests.post(s.inlet_url + "?syncValidation=true",
                      json=payloads.message(a.org, s.profile_schema, s.profile_dataset, payloads.profile_entity(email)))
    assert r.status_code == 200, r.text
    r = requests.post(s.inlet_url + "?syncValidation=true", json=payloads.message(
        a.org, s.event_schema, s.event_dataset, payloads.event_entity(email, "ev-1", "2020-03-01T09:00:00Z")))
    assert r.status_code == 200, r.text
    profile = "/data/core/ups/access/entities?schema.name=_xdm.context.profile" f"&entityId={quote(email)}&entityIdNS=email"
    events = ("/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent"
              f"&relatedSchema.name=_xdm.context.profile&entityId={quote(email)}&entityIdNS=email")
    assert email in a.call("GET", profile, accept=None).text
    assert "ev-1" in a.call("GET", events, accept=None).text
    for who in ("b", "a_dev"):
        for path in (profile, events):
            response = world[who].call("GET", path, accept=None)
            assert response.status_code < 500
            # a 404 names the id that was asked for; the data itself must not appear
            for data in ("Jane", "Silver", "ev-1", s.profile_dataset):
                assert data not in response.text, (who, path, data)
    # B's own inlet refuses a message that claims org A
    b_inlet = world["b"].call("POST", "/data/core/edge/inlet", accept=None, json={
        "name": "b", "description": "d", "sourceId": "b", "dataType": "xdm", "authenticationRequired": False}).json()
    forged = requests.post(b_inlet["inletUrl"], json=payloads.message(a.org, s.profile_schema, s.profile_dataset,
                                                                      payloads.profile_entity("forged@example.com")))
    assert forged.status_code == 400
    assert a.call("GET", profile.replace(quote(email), quote("forged@example.com")), accept=None).status_code == 404
