"""Batch ingestion: create, upload, COMPLETE/ABORT, status, and records reaching the profile."""

from __future__ import annotations

import json
from urllib.parse import quote

from tests.emulator import payloads
from tests.emulator.conftest import need_shared
from tests.emulator.tutorial import build

IMPORT = "/data/foundation/import/batches"


def _batch(p, dataset_id: str, multiline: bool = True) -> str:
    r = p.call("POST", IMPORT, accept=None, json={"datasetId": dataset_id,
                                                  "inputFormat": {"format": "json", "isMultiLineJson": multiline}})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "loading" and body["relatedObjects"] == [{"type": "dataSet", "id": dataset_id}]
    return body["id"]


def _upload(p, batch_id: str, dataset_id: str, data: bytes, name: str = "my-batch.json"):
    return p.call("PUT", f"{IMPORT}/{batch_id}/datasets/{dataset_id}/files/{name}", accept=None,
                  headers={"Content-Type": "application/octet-stream"}, data=data)


def _complete(p, batch_id: str, action: str = "COMPLETE") -> dict:
    r = p.call("POST", f"{IMPORT}/{batch_id}?action={action}", accept=None, data=b"")
    assert r.status_code == 200 and r.content == b""
    status = p.call("GET", f"/data/foundation/catalog/batch/{batch_id}", accept=None)
    assert status.status_code == 200
    (key, value), = status.json().items()
    assert key == batch_id
    return value


def _profile(p, email: str):
    return p.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.profile"
                         f"&entityId={quote(email)}&entityIdNS=email", accept=None)


def test_empty_upload_fails_with_code_106(platform):
    s = build(platform)
    batch = _batch(platform, s.profile_dataset)
    assert _upload(platform, batch, s.profile_dataset, b"").status_code == 200
    status = _complete(platform, batch)
    assert status["status"] == "failed"
    assert status["errors"] == [{"code": "106", "description": "Dataset file is empty. Please upload file with data.",
                                 "rows": []}]


def test_generated_json_lines_land_in_the_profile_store(platform):
    s = build(platform)
    people = [payloads.profile_entity(f"member{i}@example.com", points=i * 100) for i in range(30)]
    batch = _batch(platform, s.profile_dataset, multiline=False)
    assert _upload(platform, batch, s.profile_dataset, b"garbage").status_code == 200
    lines = "\n".join(json.dumps(p) for p in people).encode()
    assert _upload(platform, batch, s.profile_dataset, lines).status_code == 200  # replaces the first
    status = _complete(platform, batch)
    assert status["status"] == "success", status
    assert status["recordCount"] == 30 and status["metrics"]["inputRecordSize"] == 30
    assert status["metrics"]["inputByteSize"] == len(lines)
    found = _profile(platform, "member7@example.com")
    assert found.status_code == 200
    (profile,) = found.json().values()
    assert profile["entity"]["_exchangeinternal"]["totalLoyaltyPoints"] == 700
    assert _complete_again(platform, batch) == 400


def _complete_again(p, batch_id: str) -> int:
    return p.call("POST", f"{IMPORT}/{batch_id}?action=COMPLETE", accept=None).status_code


def test_long_ids_are_converted_to_strings_in_batches(platform):
    s = build(platform)
    events = [payloads.event_entity("conv@example.com", 15367038 + i, f"2020-03-0{i + 1}T06:34:55Z") for i in range(3)]
    batch = _batch(platform, s.event_dataset)
    _upload(platform, batch, s.event_dataset, json.dumps(events).encode())
    status = _complete(platform, batch)
    assert status["status"] == "success", status
    found = platform.call("GET", "/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent"
                                 "&relatedSchema.name=_xdm.context.profile&entityId=conv%40example.com"
                                 "&entityIdNS=email", accept=None).json()
    assert [c["entityId"] for c in found["children"]] == ["15367038", "15367039", "15367040"]
    assert found["children"][0]["entity"]["_id"] == "15367038"


def test_invalid_record_fails_the_whole_batch(platform):
    s = build(platform)
    rows = [payloads.profile_entity("ok@example.com"), payloads.profile_entity("bad@example.com", level="Bronze")]
    batch = _batch(platform, s.profile_dataset)
    _upload(platform, batch, s.profile_dataset, json.dumps(rows).encode())
    status = _complete(platform, batch)
    assert status["status"] == "failed" and status["failedRecordCount"] == 1
    assert "Bronze is not a valid enum value" in status["errors"][0]["description"]
    assert _profile(platform, "ok@example.com").status_code == 404


def test_abort_and_unknown_targets(platform):
    s = build(platform)
    batch = _batch(platform, s.profile_dataset)
    assert _complete(platform, batch, "ABORT")["status"] == "aborted"
    missing = _upload(platform, batch, s.event_dataset, b"{}")
    assert missing.status_code == 404 and missing.json()["detail"] == "Batch or DataSet resource not found."
    assert _upload(platform, "NOPE", s.profile_dataset, b"{}").status_code == 404
    assert platform.call("GET", "/data/foundation/catalog/batches/NOPE", accept=None).status_code == 404
    assert platform.call("POST", IMPORT, accept=None, json={"datasetId": "0" * 24}).status_code == 400


def test_published_sample_files_ingest(platform):
    shared = need_shared()
    s = build(platform)
    for name, dataset_id, lookup in (("AEP loyalty profiles.json", s.profile_dataset, "schema.name=_xdm.context.profile"),
                                     ("AEP loyalty events.json", s.event_dataset,
                                      "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile")):
        data = (shared / name).read_bytes()
        records = json.loads(data)
        batch = _batch(platform, dataset_id)
        _upload(platform, batch, dataset_id, data)
        status = _complete(platform, batch)
        assert status["status"] == "success", status["errors"][:3]
        assert status["recordCount"] == len(records)
        email = records[0]["_exchangeinternal"]["loyaltyID"]
        found = platform.call("GET", f"/data/core/ups/access/entities?{lookup}&entityId={quote(email)}"
                                     "&entityIdNS=email", accept=None)
        assert found.status_code == 200, found.text
