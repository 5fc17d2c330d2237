"""Load test of the AEP emulator's streaming hot path (a script, not a test).

Starts ``python -m aep_emulator`` in a subprocess on a free port with a fresh data dir,
creates a schema, dataset and streaming connection, then lets N keep-alive connections (asyncio, raw HTTP/1.1)
stream synchronously validated records for ``--seconds``. Prints records/s and latency
percentiles, then stops the emulator and checks in its SQLite file that every
acknowledged record (by xactionId) was committed.

    .venv/bin/python bench/emulator_load.py --seconds 30 --clients 16
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TENANT = "exchangeinternal"
ORG = "BENCH0000000000000000000@AdobeOrg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    def __init__(self, port: int, headers: dict | None = None) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.headers = headers or {}

    def call(self, method: str, path: str, body: object = None, headers: dict | None = None) -> tuple[int, object]:
        data = json.dumps(body).encode() if body is not None else None
        merged = dict(self.headers, **(headers or {}))
        if data is not None:
            merged.setdefault("Content-Type", "application/json")
        self.conn.request(method, path, body=data, headers=merged)
        response = self.conn.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw else None)


def wait_ready(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"emulator exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("emulator did not start")


def setup(port: int) -> tuple[str, str, str]:
    anon = Client(port)
    anon.conn.request("POST", "/ims/token/v3", body="grant_type=client_credentials&client_id=bench&client_secret=s",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    token = json.loads(anon.conn.getresponse().read())["access_token"]
    api = Client(port, {"Authorization": f"Bearer {token}", "x-api-key": "bench", "x-gw-ims-org-id": ORG,
                        "Accept": "application/vnd.adobe.xed+json"})
    sr = "/data/foundation/schemaregistry"
    status, mixin = api.call("POST", f"{sr}/tenant/mixins", {
        "type": "object", "title": "Bench member", "meta:intendedToExtend": ["https://ns.adobe.com/xdm/context/profile"],
        "definitions": {"m": {"properties": {f"_{TENANT}": {"type": "object", "properties": {
            "loyaltyID": {"type": "string", "format": "email"}, "points": {"type": "integer"},
            "level": {"type": "string", "enum": ["Silver", "Gold"]}}, "required": ["loyaltyID"]}}}},
        "allOf": [{"$ref": "#/definitions/m"}]})
    assert status == 201, mixin
    status, schema = api.call("POST", f"{sr}/tenant/schemas", {
        "type": "object", "title": "Bench members", "description": "bench",
        "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/profile"},
                  {"$ref": "https://ns.adobe.com/xdm/context/profile-person-details"}, {"$ref": mixin["$id"]}]})
    assert status == 201, schema
    status, _ = api.call("POST", f"{sr}/tenant/descriptors", {
        "@type": "xdm:descriptorIdentity", "xdm:sourceSchema": schema["$id"], "xdm:sourceVersion": 1,
        "xdm:sourceProperty": f"/_{TENANT}/loyaltyID", "xdm:namespace": "Email", "xdm:property": "xdm:code",
        "xdm:isPrimary": True})
    assert status == 201
    status, created = api.call("POST", "/data/foundation/catalog/dataSets", {
        "name": "bench", "schemaRef": {"id": schema["$id"], "contentType": "application/vnd.adobe.xed-full+json;version=1"}})
    assert status == 201, created
    status, conn = api.call("POST", "/data/foundation/flowservice/connections", {
        "name": "bench", "providerId": "521eee4d-8cbe-4906-bb48-fb6bd4450033",
        "connectionSpec": {"id": "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb", "version": "1.0"},
        "auth": {"specName": "Streaming Connection", "params": {"sourceId": "bench", "dataType": "xdm", "name": "b"}}})
    assert status == 201, conn
    return schema["$id"], created[0].split("/")[-1], conn["id"]


async def _client(port: int, conn_id: str, schema_id: str, dataset_id: str, stop_at: float, index: int,
                  latencies: list, acked: list, errors: list) -> None:
    """One keep-alive connection speaking raw HTTP/1.1: the load generator must stay cheap."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ref = {"id": schema_id, "contentType": "application/vnd.adobe.xed-full+json;version=1"}
    head = (f"POST /collection/{conn_id}?syncValidation=true HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Content-Type: application/json\r\nContent-Length: ")
    n = 0
    while time.monotonic() < stop_at:
        n += 1
        message = {"header": {"schemaRef": ref, "imsOrgId": ORG, "datasetId": dataset_id, "source": {"name": "b"}},
                   "body": {"xdmMeta": {"schemaRef": ref}, "xdmEntity": {
                       f"_{TENANT}": {"loyaltyID": f"m{index}-{n}@bench.example", "points": n, "level": "Gold"},
                       "person": {"name": {"firstName": "Bench", "lastName": str(n)}, "gender": "female"}}}}
        body = json.dumps(message).encode()
        started = time.perf_counter()
        try:
            writer.write(f"{head}{len(body)}\r\n\r\n".encode() + body)
            header = await reader.readuntil(b"\r\n\r\n")
            status = int(header.split(b" ", 2)[1])
            length = 0
            for line in header.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            answer = json.loads(await reader.readexactly(length)) if length else None
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(repr(exc))
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            continue
        latencies.append(time.perf_counter() - started)
        if status == 200 and answer.get("synchronousValidation", {}).get("status") == "pass":
            acked.append(answer["xactionId"])
        else:
            errors.append(f"{status} {answer}")
    writer.close()


async def load(port: int, clients: int, seconds: float, ids: tuple[str, str, str],
               latencies: list, acked: list, errors: list) -> None:
    schema_id, dataset_id, conn_id = ids
    stop_at = time.monotonic() + seconds
    await asyncio.gather(*(_client(port, conn_id, schema_id, dataset_id, stop_at, i, latencies, acked, errors)
                           for i in range(clients)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="aep-bench-") as data_dir:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        proc = subprocess.Popen([sys.executable, "-m", "aep_emulator", "--port", str(port), "--data-dir", data_dir,
                                 "--quiet"], cwd=ROOT, env=env)
        try:
            wait_ready(port, proc)
            ids = setup(port)
            latencies: list[float] = []
            acked: list[str] = []
            errors: list[str] = []
            started = time.monotonic()
            asyncio.run(load(port, args.clients, args.seconds, ids, latencies, acked, errors))
            elapsed = time.monotonic() - started
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
        db = sqlite3.connect(Path(data_dir) / "aep-emulator.sqlite3")
        stored = {row[0] for row in db.execute("SELECT xaction_id FROM records WHERE status='accepted'")}
        db.close()
    lost = [x for x in acked if x not in stored]
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0.0] * 99
    print(f"clients={args.clients} seconds={elapsed:.1f} acknowledged={len(acked)} errors={len(errors)}")
    print(f"throughput={len(acked) / elapsed:.0f} validated records/s")
    print(f"latency p50={q[49] * 1000:.1f} ms p99={q[98] * 1000:.1f} ms max={latencies[-1] * 1000:.1f} ms")
    print(f"stored={len(stored)} lost={len(lost)}")
    if errors:
        print("first errors:", errors[:3])
    return 1 if lost or errors else 0


if __name__ == "__main__":
    sys.exit(main())
