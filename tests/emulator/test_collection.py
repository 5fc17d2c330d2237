"""Replay the published AEP tutorial collection (folders 0-5 and X) against the emulator.

Why: the emulator exists to answer exactly these calls; this drives every request of the
real collection with its own scripts (in V8, through a minimal pm shim) and checks each
gets what its test script and the next request expect. Skipped without the shared folder.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization

from tests.emulator.conftest import COLLECTION, need_shared
from tests.emulator.jsrun import ScriptRunner


def _items(node, path=()):
    for item in node.get("item", []):
        if "item" in item:
            yield from _items(item, path + (item["name"],))
        else:
            yield path, item


def _scripts(item, listen):
    return ["\n".join(e["script"]["exec"]) for e in item.get("event", []) if e.get("listen") == listen]


@pytest.fixture()
def replay(emulator, rsa_key):
    need_shared()
    collection = json.loads(COLLECTION.read_text(encoding="utf-8"))
    tls = urlsplit(emulator.tls_base_url)
    env = {
        "IMS": f"{tls.hostname}:{tls.port}", "PLATFORM_GATEWAY": emulator.base_url,
        "API_KEY": "replay-client", "CLIENT_SECRET": "secret", "IMS_ORG": "REPLAY0123456789@AdobeOrg",
        "TECHNICAL_ACCOUNT_ID": "tech@techacct.adobe.com", "META_SCOPE": "ent_dataservices_sdk",
        "SANDBOX_NAME": "replay",
        "PRIVATE_KEY": rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                             serialization.NoEncryption()).decode(),
    }
    runner = ScriptRunner(env)
    yield collection, runner, emulator
    runner.close()


def _send(item, runner: ScriptRunner, emulator) -> requests.Response:
    request = item["request"]
    headers = [dict(h) for h in request.get("header", []) if not h.get("disabled")]
    for script in _scripts(item, "prerequest"):
        headers = runner.run(script, headers)["headers"]
    url = request["url"]
    raw = url["raw"] if isinstance(url, dict) else url
    for var in (url.get("variable", []) if isinstance(url, dict) else []):
        raw = raw.replace(":" + var["key"], var["value"])
    raw = runner.resolve(raw).replace("http://kjur.github.io", emulator.base_url)  # like --connect-to
    sent_headers = {h["key"]: runner.resolve(h["value"]) for h in headers}
    body = request.get("body") or {}
    kwargs: dict = {}
    if body.get("mode") == "raw" and body.get("raw"):
        kwargs["data"] = runner.resolve(body["raw"]).encode()
    elif body.get("mode") == "formdata" and body.get("formdata"):
        kwargs["files"] = {f["key"]: (None, runner.resolve(f["value"])) for f in body["formdata"]}
    elif body.get("mode") == "file":
        kwargs["data"] = b""  # the collection points at a file on its author's laptop
    return requests.request(request["method"], raw, headers=sent_headers, verify=str(emulator.tls_cert_path),
                            timeout=30, **kwargs)


def test_published_collection_replays(replay):
    collection, runner, emulator = replay
    expected_status = {"Schema: Create": 201, "DataSet: Create": 201, "Import: Create a Batch": 201,
                       "X Remove": 404}  # the X deletes name ids of the author's own org
    seen = []
    for path, item in _items(collection):
        response = _send(item, runner, emulator)
        name = item["name"]
        status = next((code for prefix, code in expected_status.items() if name.startswith(prefix)), 200)
        if name.startswith("Schema: Set Primary Identity"):
            status = 201
        assert response.status_code == status, f"{path} / {name}: {response.status_code} {response.text[:500]}"
        for script in _scripts(item, "test"):
            runner.run(script, response_body=response.text)
        seen.append((name, response))
    env = runner.env
    assert env["TENANT_ID"] == "exchangeinternal"
    assert len(env["INLET_ID"]) == 64 and env["INLET_URL"].endswith("/collection/" + env["INLET_ID"])
    for key in ("MIXIN_ID_PROFILE", "MIXIN_ID_EVENT", "SCHEMA_ID_PROFILE", "SCHEMA_ID_EVENT"):
        assert env[key].startswith("https://ns.adobe.com/exchangeinternal/")
    assert len(env["DATASET_ID_PROFILE"]) == 24 and len(env["BATCH_ID_PROFILE"]) == 26
    by_name = dict(seen)
    status = by_name["Import: Check the Status of a Batch for PROFILE data"].json()[env["BATCH_ID_PROFILE"]]
    assert status["status"] == "failed" and status["errors"][0]["code"] == "106"
    profile = by_name["Export: Retrieve PROFILE data for a customer profile"].json()
    (entry,) = profile.values()
    assert entry["entity"]["_exchangeinternal"]["loyaltyID"] == "jdoe@testprofile.com"
    events = by_name["Export: Retrieve EVENT data for a customer profile"].json()
    assert [c["entity"]["eventType"] for c in events["children"]] == ["loyaltyBalanceUpdate"]
    assert by_name["X Event Config: GET eventTypes"].json()["_page"]["count"] == 2
