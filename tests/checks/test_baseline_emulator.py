"""Baselines and checks on the tutorial collection, replayed against the embedded AEP emulator (``--emulator``)."""

from __future__ import annotations

import json

from tests.checks.support import ROOT, failures, pmreplay

TUTORIAL = ROOT / "collections" / "aep-streaming-tutorial.postman_collection.json"
FOLDERS = ("--folder", "0", "--folder", "1")  # authenticate, create and read a streaming connection
# every run creates new resources: their ids, etags, times and generated names differ
IGNORES = ("--ignore", "$..id", "--ignore", "$..etag", "--ignore", "$.items[*].createdAt",
           "--ignore", "$.items[*].updatedAt", "--ignore", "$.items[*].name", "--ignore", "$.items[*].auth.params")


def test_tutorial_baseline_round_trip(tmp_path):
    base = tmp_path / "baseline"
    recorded = pmreplay(str(TUTORIAL), "--emulator", *FOLDERS, "--record-baseline", str(base))
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    token_file = base / "0-authenticate" / "get-an-access-token" / "iteration-1.json"
    assert json.loads(token_file.read_text())["json"]["access_token"] == "********"  # a secret: never on disk

    strict = pmreplay(str(TUTORIAL), "--emulator", *FOLDERS, "--compare-baseline", str(base))
    assert strict.returncode == 1
    assert "$.items[0].createdAt: expected " in failures(strict.stdout)

    again = pmreplay(str(TUTORIAL), "--emulator", *FOLDERS, "--compare-baseline", str(base), *IGNORES)
    assert again.returncode == 0, failures(again.stdout)
    assert "✓  [baseline] 0-authenticate/find-the-tenant-id/iteration-1.json" in again.stdout

    tenant_file = base / "0-authenticate" / "find-the-tenant-id" / "iteration-1.json"
    record = json.loads(tenant_file.read_text())
    record["json"]["tenantId"] = "someoneelse"
    record["status"] = 201
    tenant_file.write_text(json.dumps(record, indent=2))
    changed = pmreplay(str(TUTORIAL), "--emulator", *FOLDERS, "--compare-baseline", str(base), *IGNORES)
    assert changed.returncode == 1
    report = failures(changed.stdout)
    assert f"response differs from baseline {tenant_file}:" in report
    assert "status: expected 201, got 200" in report
    assert "$.tenantId: expected 'someoneelse', got 'exchangeinternal'" in report
    assert "assertions" in changed.stdout and report.count("[baseline]") == 1


def test_tutorial_captures_and_checks_from_a_checks_file(tmp_path):
    rules = tmp_path / "tutorial.pmreplay.yaml"
    rules.write_text(
        "requests:\n"
        "  '0: Authenticate / Find the tenant id':\n"
        "    capture:\n"
        "      TENANT_SEEN: $.tenantId\n"
        "    assert:\n"
        "      - status == 200\n"
        "      - $.counts.schemas type is integer\n"
        "  Get the streaming endpoint:\n"
        "    assert:\n"
        "      - $.items[0].auth.params.inletUrl matches ^https?://\n"
        "      - $.items[*].state contains enabled\n"
        "      - $.items[0].state == disabled\n")
    exported = tmp_path / "env.json"
    result = pmreplay(str(TUTORIAL), "--emulator", *FOLDERS, "--checks", str(rules),
                      "--export-environment", str(exported))
    assert result.returncode == 1
    assert "✓  [check] $.counts.schemas type is integer" in result.stdout
    assert "✓  [check] $.items[0].auth.params.inletUrl matches ^https?://" in result.stdout
    report = failures(result.stdout)
    assert report.count("AssertionError") == 1
    assert "[check] $.items[0].state == disabled" in report
    assert "expected 'enabled' to equal 'disabled'" in report
    values = {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"]}
    assert values["TENANT_SEEN"] == "exchangeinternal"
