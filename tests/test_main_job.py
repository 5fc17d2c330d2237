"""The main job end to end: the README's first command, and the published collection, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PMREPLAY_SHARED", ROOT.parent / "shared")) / "aep-collection"
PUBLISHED = SHARED / "AEP - Profile integration for ISVs 2020-03-06.postman_collection.json"
TUTORIAL = ROOT / "collections" / "aep-streaming-tutorial.postman_collection.json"


def pmreplay(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "runner.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_tutorial_runs_green_against_the_embedded_emulator(tmp_path):
    env_out, report = tmp_path / "env.json", tmp_path / "report.json"
    result = pmreplay("run", str(TUTORIAL), "--emulator", "--export-environment", str(env_out),
                      "-r", "cli,json", "--reporter-json-export", str(report))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    run = json.loads(report.read_text())["run"]
    assert run["failures"] == []
    assert run["stats"]["assertions"]["total"] >= 19
    values = {v["key"]: v["value"] for v in json.loads(env_out.read_text())["values"]}
    for key in ("CONNECTION_ID", "INLET_URL", "SCHEMA_ID_PROFILE", "SCHEMA_ID_EVENT", "DATASET_ID_PROFILE",
                "DATASET_ID_EVENT", "TENANT_ID", "LAST_EVENT_ID"):
        assert values.get(key), f"{key} was not captured"
    assert values["TENANT_ID"] == "exchangeinternal"
    # the throwaway key and the client secret are masked in the report
    assert "BEGIN PRIVATE KEY" not in report.read_text()


def test_tutorial_iterates_over_sample_members(tmp_path):
    report = tmp_path / "report.json"
    result = pmreplay("run", str(TUTORIAL), "--emulator", "-d", str(ROOT / "collections" / "data" / "loyalty-members.csv"),
                      "-r", "json", "--reporter-json-export", str(report))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    run = json.loads(report.read_text())["run"]
    assert run["stats"]["iterations"]["total"] == 3
    profiles = [e for e in run["executions"] if e["item"]["name"] == "Look up the streamed profile"]
    emails = [next(iter(json.loads(bytes(e["response"]["stream"]["data"]))
                        .values()))["entity"]["_exchangeinternal"]["loyaltyId"] for e in profiles]
    assert emails == ["jane.doe@example.com", "sam.ortiz@example.com", "li.wei@example.com"]


@pytest.mark.skipif(not PUBLISHED.exists(), reason=f"the published AEP collection is not at {SHARED}")
def test_published_collection_runs_offline(tmp_path):
    env_out, report = tmp_path / "env.json", tmp_path / "report.json"
    args = ["run", str(PUBLISHED), "--emulator", *sum((["--folder", str(n)] for n in range(6)), []),
            "--map-file", f"AEP loyalty profiles 2.json={SHARED / 'AEP loyalty profiles.json'}",
            "--map-file", f"AEP loyalty events batch data.json={SHARED / 'AEP loyalty events.json'}",
            "--export-environment", str(env_out), "-r", "json", "--reporter-json-export", str(report)]
    result = pmreplay(*args)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    run = json.loads(report.read_text())["run"]
    assert run["failures"] == [] and run["stats"]["scripts"]["failed"] == 0
    values = {v["key"]: v["value"] for v in json.loads(env_out.read_text())["values"]}
    for key in ("JWT_TOKEN", "ACCESS_TOKEN", "TENANT_ID", "INLET_ID", "INLET_URL", "MIXIN_ID_PROFILE",
                "SCHEMA_ID_PROFILE", "MIXIN_ID_EVENT", "SCHEMA_ID_EVENT", "DATASET_ID_PROFILE", "DATASET_ID_EVENT",
                "BATCH_ID_PROFILE", "BATCH_ID_EVENT"):
        assert values.get(key), f"{key} was not captured"
    by_name = {e["item"]["name"]: e for e in run["executions"]}

    def body(name: str):
        return json.loads(bytes(by_name[name]["response"]["stream"]["data"]))

    for status_call in ("Import: Check the Status of a Batch for PROFILE data",
                        "Import: Check the Status of a Batch for EVENT data"):
        batch = next(iter(body(status_call).values()))
        assert batch["status"] == "success" and batch["recordCount"] > 0
    profile = next(iter(body("Export: Retrieve PROFILE data for a customer profile").values()))
    assert profile["entity"]["_exchangeinternal"]["loyaltyID"] == "jdoe@testprofile.com"
    events = body("Export: Retrieve EVENT data for a customer profile")["children"]
    assert events and events[0]["entity"]["_exchangeinternal"]["loyaltyID"] == "jdoe@testprofile.com"


def test_adobe_hostnames_are_routed_to_the_emulator_with_tls_verified(tmp_path):
    data = {"info": {"name": "hosts", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": [
                {"name": "token", "request": {"method": "POST", "url": "https://ims-na1.adobelogin.com/ims/token/v3",
                                              "body": {"mode": "urlencoded", "urlencoded": [
                                                  {"key": "grant_type", "value": "client_credentials"},
                                                  {"key": "client_id", "value": "x"},
                                                  {"key": "client_secret", "value": "y"}]}},
                 "event": [{"listen": "test", "script": {"exec": [
                     "pm.test('token', () => pm.response.to.have.status(200));",
                     "pm.environment.set('T', pm.response.json().access_token);"]}}]},
                {"name": "stats", "request": {"method": "GET",
                                              "url": "https://platform.adobe.io/data/foundation/schemaregistry/stats",
                                              "header": [{"key": "Authorization", "value": "Bearer {{T}}"},
                                                         {"key": "x-api-key", "value": "x"},
                                                         {"key": "x-gw-ims-org-id", "value": "O@AdobeOrg"}]},
                 "event": [{"listen": "test", "script": {"exec": [
                     "pm.test('stats', () => pm.expect(pm.response.json().tenantId).to.eql('exchangeinternal'));"]}}]},
            ]}
    path = tmp_path / "hosts.json"
    path.write_text(json.dumps(data))
    result = pmreplay("run", str(path), "--emulator")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "GET https://platform.adobe.io/data/foundation/schemaregistry/stats [200 OK" in result.stdout
