"""SQLite persistence for everything the emulator knows.

Why SQLite in WAL mode with one writer thread: the emulator must never lose an
acknowledged record and must survive restarts with the same data dir, while the
event loop stays responsive. Reads run on the loop's own connection (WAL readers
never wait for the writer); every write goes through a *group commit*: writes
queued while one transaction is being fsync'd are committed together in the next
one, and each caller is resumed only after the transaction holding its write is
durable. Many concurrent streaming clients therefore share fsyncs instead of
queueing behind them, and "answered" always means "committed".
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    org TEXT NOT NULL, sandbox TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
    alt_id TEXT, title TEXT, body TEXT NOT NULL,
    created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
    PRIMARY KEY (org, sandbox, kind, id)
);
CREATE INDEX IF NOT EXISTS resources_kind_id ON resources (kind, id);
CREATE INDEX IF NOT EXISTS resources_title ON resources (org, sandbox, title);
CREATE TABLE IF NOT EXISTS batch_files (
    batch_id TEXT NOT NULL, dataset_id TEXT NOT NULL, path TEXT NOT NULL,
    content BLOB NOT NULL, uploaded_ms INTEGER NOT NULL,
    PRIMARY KEY (batch_id, path)
);
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    org TEXT NOT NULL, sandbox TEXT NOT NULL, dataset_id TEXT, schema_id TEXT,
    kind TEXT NOT NULL, status TEXT NOT NULL, id_ns TEXT, id_value TEXT,
    ts_ms INTEGER, received_ms INTEGER NOT NULL, xaction_id TEXT, origin TEXT,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_identity ON records (org, sandbox, kind, id_ns, id_value);
CREATE INDEX IF NOT EXISTS records_xaction ON records (xaction_id);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY, client_id TEXT NOT NULL, org TEXT,
    created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, kind TEXT NOT NULL
);
"""

Writer = Callable[[sqlite3.Connection], Any]


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before we answer, even after a power cut.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class GroupCommitter:
    """Runs write callbacks in one writer thread, many per transaction."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aep-writer")
        self._pending: list[tuple[Writer, asyncio.Future]] = []
        self._busy = False

    async def run(self, fn: Writer) -> Any:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future = loop.create_future()
        self._pending.append((fn, fut))
        if not self._busy:
            self._kick(loop)
        return await fut

    def _kick(self, loop: asyncio.AbstractEventLoop) -> None:
        batch, self._pending = self._pending, []
        self._busy = True
        job = loop.run_in_executor(self._executor, self._commit, [fn for fn, _ in batch])
        job.add_done_callback(lambda done: self._finish(loop, batch, done))

    def _commit(self, fns: list[Writer]) -> list[tuple[bool, Any]]:
        if self._conn is None:
            self._conn = _connect(self._path)
        conn = self._conn
        results: list[tuple[bool, Any]] = []
        conn.execute("BEGIN IMMEDIATE")
        try:
            for fn in fns:
                conn.execute("SAVEPOINT one")
                try:
                    results.append((True, fn(conn)))
                    conn.execute("RELEASE one")
                except Exception as exc:  # one bad write must not sink its neighbours
                    conn.execute("ROLLBACK TO one")
                    conn.execute("RELEASE one")
                    results.append((False, exc))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return results

    def _finish(self, loop: asyncio.AbstractEventLoop, batch: list, done: asyncio.Future) -> None:
        self._busy = False
        exc = done.exception()
        for index, (_, fut) in enumerate(batch):
            if fut.done():
                continue
            if exc is not None:
                fut.set_exception(exc)
                continue
            ok, value = done.result()[index]
            if ok:
                fut.set_result(value)
            else:
                fut.set_exception(value)
        if self._pending:
            self._kick(loop)

    def run_sync(self, fn: Writer) -> Any:
        """For start-up and tools outside the event loop."""
        return self._executor.submit(self._commit, [fn]).result()[0][1]

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class Store:
    """Typed access to the tables; reads are synchronous, writes are awaited commits."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / "aep-emulator.sqlite3"
        self._read = _connect(self.path)
        self._read.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self.writer = GroupCommitter(self.path)

    def close(self) -> None:
        self.writer.close()
        self._read.close()

    # -- reads -------------------------------------------------------------
    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._read.execute(sql, params).fetchall()

    def get(self, org: str, sandbox: str, kind: str, rid: str) -> dict | None:
        rows = self.query(
            "SELECT body FROM resources WHERE org=? AND sandbox=? AND kind=? AND id=?",
            (org, sandbox, kind, rid),
        )
        return json.loads(rows[0][0]) if rows else None

    def get_by_alt(self, org: str, sandbox: str, kind: str, alt_id: str) -> dict | None:
        rows = self.query(
            "SELECT body FROM resources WHERE org=? AND sandbox=? AND kind=? AND alt_id=?",
            (org, sandbox, kind, alt_id),
        )
        return json.loads(rows[0][0]) if rows else None

    def get_anywhere(self, kind: str, rid: str) -> tuple[str, str, dict] | None:
        """Streaming calls carry no org header: the inlet id alone says whose it is."""
        rows = self.query("SELECT org, sandbox, body FROM resources WHERE kind=? AND id=?", (kind, rid))
        return (rows[0][0], rows[0][1], json.loads(rows[0][2])) if rows else None

    def list(self, org: str, sandbox: str, kind: str) -> list[dict]:
        rows = self.query(
            "SELECT body FROM resources WHERE org=? AND sandbox=? AND kind=? ORDER BY created_ms, rowid",
            (org, sandbox, kind),
        )
        return [json.loads(r[0]) for r in rows]

    def find_title(self, org: str, sandbox: str, title: str) -> str | None:
        rows = self.query(
            "SELECT id FROM resources WHERE org=? AND sandbox=? AND title=? AND kind IN "
            "('schema','mixin','datatype','class')",
            (org, sandbox, title),
        )
        return rows[0][0] if rows else None

    def batch_files(self, batch_id: str) -> list[tuple[str, bytes]]:
        rows = self.query("SELECT path, content FROM batch_files WHERE batch_id=? ORDER BY path", (batch_id,))
        return [(r[0], bytes(r[1])) for r in rows]

    def token(self, token: str) -> dict | None:
        rows = self.query("SELECT client_id, org, expires_ms FROM tokens WHERE token=?", (token,))
        if not rows:
            return None
        return {"client_id": rows[0][0], "org": rows[0][1], "expires_ms": rows[0][2]}

    def records(self, org: str, sandbox: str, kind: str, ns: str, value: str) -> list[dict]:
        rows = self.query(
            "SELECT dataset_id, ts_ms, received_ms, body, seq FROM records WHERE org=? AND sandbox=? "
            "AND kind=? AND id_ns=? AND id_value=? AND status='accepted' ORDER BY seq",
            (org, sandbox, kind, ns, value),
        )
        return [
            {"dataset_id": r[0], "ts_ms": r[1], "received_ms": r[2], "body": json.loads(r[3]), "seq": r[4]}
            for r in rows
        ]

    def count_records(self, status: str = "accepted") -> int:
        return self.query("SELECT COUNT(*) FROM records WHERE status=?", (status,))[0][0]

    # -- writes ------------------------------------------------------------
    @staticmethod
    def put_writer(org: str, sandbox: str, kind: str, rid: str, body: dict, *,
                   alt_id: str | None = None, title: str | None = None, now_ms: int) -> Writer:
        """The upsert as a write callback, to commit it together with other writes."""
        text = json.dumps(body)

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO resources (org, sandbox, kind, id, alt_id, title, body, created_ms, updated_ms) "
                "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (org, sandbox, kind, id) DO UPDATE SET "
                "alt_id=excluded.alt_id, title=excluded.title, body=excluded.body, updated_ms=excluded.updated_ms",
                (org, sandbox, kind, rid, alt_id, title, text, now_ms, now_ms),
            )

        return write

    async def put(self, org: str, sandbox: str, kind: str, rid: str, body: dict, *,
                  alt_id: str | None = None, title: str | None = None, now_ms: int) -> None:
        await self.writer.run(self.put_writer(org, sandbox, kind, rid, body, alt_id=alt_id, title=title,
                                              now_ms=now_ms))

    async def delete(self, org: str, sandbox: str, kind: str, rid: str) -> bool:
        def write(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "DELETE FROM resources WHERE org=? AND sandbox=? AND kind=? AND id=?", (org, sandbox, kind, rid)
            )
            return cur.rowcount > 0

        return await self.writer.run(write)

    async def put_file(self, batch_id: str, dataset_id: str, path: str, content: bytes, now_ms: int) -> None:
        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO batch_files (batch_id, dataset_id, path, content, uploaded_ms) "
                "VALUES (?,?,?,?,?)",
                (batch_id, dataset_id, path, content, now_ms),
            )

        await self.writer.run(write)

    async def add_token(self, token: str, client_id: str, org: str | None, created_ms: int,
                        expires_ms: int, kind: str) -> None:
        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO tokens (token, client_id, org, created_ms, expires_ms, kind) VALUES (?,?,?,?,?,?)",
                (token, client_id, org, created_ms, expires_ms, kind),
            )

        await self.writer.run(write)

    async def add_records(self, rows: list[dict], *, then: Writer | None = None) -> None:
        """Insert records (and optionally one more write) in the same transaction."""
        params = [
            (r["org"], r["sandbox"], r.get("dataset_id"), r.get("schema_id"), r["kind"], r["status"],
             r.get("id_ns"), r.get("id_value"), r.get("ts_ms"), r["received_ms"], r.get("xaction_id"),
             r.get("origin"), json.dumps(r["body"]))
            for r in rows
        ]

        def write(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO records (org, sandbox, dataset_id, schema_id, kind, status, id_ns, id_value, "
                "ts_ms, received_ms, xaction_id, origin, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                params,
            )
            if then is not None:
                then(conn)

        await self.writer.run(write)
