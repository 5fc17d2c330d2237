"""Batch ingestion (``/data/foundation/import``): batches, file uploads, COMPLETE/ABORT.

Why COMPLETE processes synchronously: the tutorial checks the batch status right after
completing it; answering with the final state at once keeps replays deterministic
while still going through the documented loading -> success|failed lifecycle. Records
and the batch's new status are committed in one transaction, so a batch is never
"success" with its records missing.
"""

from __future__ import annotations

import json
import secrets

from starlette.responses import Response

from aep_emulator.records import make_row
from aep_emulator.schemaregistry import schema_view
from aep_emulator.web import Call, answer, empty, now_ms, problem, route

BASE = "/data/foundation/import"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _batch_id() -> str:
    """A ULID-like 26-character id, as Adobe's batch ids look."""
    stamp = now_ms()
    head = ""
    for _ in range(10):
        head = _ALPHABET[stamp % 32] + head
        stamp //= 32
    return head + "".join(secrets.choice(_ALPHABET) for _ in range(16))


async def create_batch(call: Call) -> Response:
    body = call.json_object()
    dataset_id = body.get("datasetId")
    ok = isinstance(dataset_id, str) and dataset_id
    dataset = call.state.store.get(call.org, call.sandbox, "dataset", dataset_id) if ok else None
    if dataset is None:
        return problem(400, "BadRequestError", f"Dataset {dataset_id} not found")
    fmt = body.get("inputFormat") or {"format": "json"}
    if not isinstance(fmt, dict) or str(fmt.get("format", "")).lower() not in ("json", "parquet", "csv"):
        return problem(400, "BadRequestError", "inputFormat.format must be json, parquet or csv")
    stamp = now_ms()
    batch_id = _batch_id()
    batch = {
        "id": batch_id, "imsOrg": call.org, "sandboxName": call.sandbox, "status": "loading",
        "created": stamp, "updated": stamp, "createdUser": (call.token or {}).get("client_id"),
        "relatedObjects": [{"type": "dataSet", "id": dataset_id}], "version": "1.0.0", "tags": {},
        "inputFormat": fmt,
    }
    await call.state.store.put(call.org, call.sandbox, "batch", batch_id, batch, now_ms=stamp)
    return answer(batch, 201)


def _dataset_of(batch: dict) -> str | None:
    for item in batch.get("relatedObjects", []):
        if item.get("type") == "dataSet":
            return item.get("id")
    return None


async def upload_file(call: Call) -> Response:
    store = call.state.store
    batch = store.get(call.org, call.sandbox, "batch", call.params["batch"])
    if batch is None or _dataset_of(batch) != call.params["dataset"]:
        return problem(404, "NotFoundError", "Batch or DataSet resource not found.")
    if batch["status"] != "loading":
        # UNCONFIRMED: uploading into a closed batch; refuse like an invalid state.
        return problem(400, "BadRequestError", f"Batch {batch['id']} is in state {batch['status']}, not loading")
    await store.put_file(batch["id"], call.params["dataset"], call.params["path"], call.body, now_ms())
    return empty(200)


def _parse(content: bytes, multiline: bool) -> tuple[list, list[dict]]:
    """Records and parse errors of one uploaded JSON file."""
    text = content.decode("utf-8-sig", "replace")
    stripped = text.strip()
    if multiline or stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            return [], [{"code": "101", "description": f"Malformed JSON: {exc}", "rows": []}]
        return (data if isinstance(data, list) else [data]), []
    records, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append({"code": "101", "description": f"Malformed JSON on line {number}: {exc}",
                           "rows": [number]})
    return records, errors


async def complete_batch(call: Call) -> Response:
    store = call.state.store
    batch = store.get(call.org, call.sandbox, "batch", call.params["batch"])
    if batch is None:
        return problem(404, "NotFoundError", f"Batch {call.params['batch']} not found")
    action = (call.query.get("action") or "").upper()
    if action not in ("COMPLETE", "ABORT"):
        return problem(400, "BadRequestError", "action must be COMPLETE or ABORT")
    if batch["status"] != "loading":
        return problem(400, "BadRequestError", f"Batch {batch['id']} is in state {batch['status']}, not loading")
    stamp = now_ms()
    batch["updated"] = stamp
    if action == "ABORT":
        batch["status"] = "aborted"
        await store.put(call.org, call.sandbox, "batch", batch["id"], batch, now_ms=stamp)
        return empty(200)
    rows, errors, metrics = _process(call, batch, stamp)
    batch.update(metrics)
    batch["completed"] = now_ms()
    batch["errors"] = errors
    batch["status"] = "failed" if errors else "success"
    if errors:
        rows = []
    write = store.put_writer(call.org, call.sandbox, "batch", batch["id"], batch, now_ms=stamp)
    await store.add_records(rows, then=write)
    return empty(200)


def _process(call: Call, batch: dict, stamp: int) -> tuple[list[dict], list[dict], dict]:
    store = call.state.store
    dataset_id = _dataset_of(batch) or ""
    dataset = store.get(call.org, call.sandbox, "dataset", dataset_id) or {}
    files = store.batch_files(batch["id"])
    size = sum(len(c) for _, c in files)
    errors: list[dict] = []
    rows: list[dict] = []
    failed = 0
    total = 0
    view = schema_view(call.state, call.org, call.sandbox, (dataset.get("schemaRef") or {}).get("id") or "")
    fmt = batch.get("inputFormat") or {}
    if not files or all(not content.strip() for _, content in files):
        errors.append({"code": "106", "description": "Dataset file is empty. Please upload file with data.",
                       "rows": []})
    elif str(fmt.get("format", "json")).lower() != "json":
        # UNCONFIRMED code: the emulator only reads JSON files.
        errors.append({"code": "107", "description": f"Input format {fmt.get('format')} is not supported by "
                                                     "the emulator; upload JSON", "rows": []})
    elif view is None:
        errors.append({"code": "108", "description": "The dataset's schema could not be resolved", "rows": []})
    else:
        for path, content in files:
            records, parse_errors = _parse(content, bool(fmt.get("isMultiLineJson")))
            errors.extend(parse_errors)
            failed += len(parse_errors)
            for index, record in enumerate(records, 1):
                total += 1
                converted = view.compiled.convert(record)
                count, found = view.compiled.validate(converted) if isinstance(converted, dict) else (
                    1, [{"message": "expected type: JSONObject"}])
                if count:
                    failed += 1
                    # UNCONFIRMED: the code and wording of per-record validation errors.
                    messages = "; ".join(f"{v.get('pointerToViolation', '#')}: {v['message']}" for v in found)
                    errors.append({"code": "INGEST-1212-400",
                                   "description": f"{path} record {index}: {messages}", "rows": [index]})
                    continue
                rows.append(make_row(call.org, call.sandbox, dataset_id, view, converted, status="accepted",
                                     received_ms=stamp, xaction_id=None, origin=f"batch:{batch['id']}"))
    metrics = {
        "metrics": {"inputByteSize": size, "inputFileCount": len(files), "inputRecordSize": total,
                    "outputRecordSize": 0 if errors else len(rows), "failedRecordCount": failed,
                    "startTime": stamp, "endTime": now_ms()},
        "recordCount": 0 if errors else len(rows),
        "failedRecordCount": failed,
    }
    return rows, errors[:100], metrics


ROUTES = [
    route("POST", BASE + r"/batches", create_batch),
    route("PUT", BASE + r"/batches/(?P<batch>[^/]+)/datasets/(?P<dataset>[^/]+)/files/(?P<path>.+)",
          upload_file),
    route("POST", BASE + r"/batches/(?P<batch>[^/]+)", complete_batch),
]
