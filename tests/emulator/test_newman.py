"""The published AEP collection run by Newman itself against the emulator.

Why: Newman is the reference; if the real postman-runtime and sandbox replay the
tutorial against the emulator with every request answered as its scripts expect, the
emulator is right for the runner too. The collection is copied to a temp dir with its
library download pointed at the emulator (what ``--connect-to`` does for pmreplay).
"""

from __future__ import annotations

import json
import subprocess
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives import serialization

from tests.emulator.conftest import COLLECTION, need_shared
from tests.support.conformance import newman_or_skip

pytestmark = pytest.mark.conformance


def _point_library_at(node: dict, base: str) -> None:
    for item in node.get("item", []):
        _point_library_at(item, base)
        url = item.get("request", {}).get("url")
        raw = url.get("raw", "") if isinstance(url, dict) else url or ""
        if raw.startswith("http://kjur.github.io"):
            item["request"]["url"] = raw.replace("http://kjur.github.io", base)


def test_newman_replays_the_collection(emulator, rsa_key, tmp_path):
    need_shared()
    newman = newman_or_skip()
    data = json.loads(COLLECTION.read_text(encoding="utf-8"))
    _point_library_at(data, emulator.base_url)
    collection = tmp_path / "aep.postman_collection.json"
    collection.write_text(json.dumps(data), encoding="utf-8")
    tls = urlsplit(emulator.tls_base_url)
    values = {
        "IMS": f"{tls.hostname}:{tls.port}", "PLATFORM_GATEWAY": emulator.base_url, "API_KEY": "newman-client",
        "CLIENT_SECRET": "secret", "IMS_ORG": "NEWMAN0123456789@AdobeOrg", "SANDBOX_NAME": "newman",
        "TECHNICAL_ACCOUNT_ID": "tech@techacct.adobe.com", "META_SCOPE": "ent_dataservices_sdk",
        "PRIVATE_KEY": rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption()).decode(),
    }
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"name": "emulator", "values": [{"key": k, "value": v, "enabled": True}
                                                              for k, v in values.items()]}))
    report = tmp_path / "report.json"
    run = subprocess.run([newman, "run", str(collection), "-e", str(env), "--insecure", "-r", "json",
                          "--reporter-json-export", str(report), "--export-environment", str(tmp_path / "out.json")],
                         capture_output=True, text=True, timeout=240)
    data = json.loads(report.read_text())
    codes = {e["item"]["name"]: e.get("response", {}).get("code") for e in data["run"]["executions"]}
    assert data["run"]["failures"] == [], data["run"]["failures"]
    for name, code in codes.items():
        expected = 201 if name.startswith(("Schema: Create", "Schema: Set", "DataSet: Create",
                                           "Import: Create a Batch")) else 404 if name.startswith("X Remove") else 200
        assert code == expected, (name, code, run.stdout[-3000:])
    out = {v["key"]: v["value"] for v in json.loads((tmp_path / "out.json").read_text())["values"]}
    assert out["TENANT_ID"] == "exchangeinternal"
    assert out["INLET_URL"].startswith(emulator.base_url + "/collection/")
    executions = {e["item"]["name"]: e for e in data["run"]["executions"]}
    lookup = executions["Export: Retrieve EVENT data for a customer profile"]["response"]["stream"]["data"]
    events = json.loads(bytes(lookup))
    assert [c["entity"]["eventType"] for c in events["children"]] == ["loyaltyBalanceUpdate"]
    status = json.loads(bytes(executions["Import: Check the Status of a Batch for PROFILE data"]["response"]
                              ["stream"]["data"]))
    (batch,) = status.values()
    assert batch["status"] == "failed" and batch["errors"][0]["code"] == "106"  # the author's file is absent
