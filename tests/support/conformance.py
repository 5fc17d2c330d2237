"""Run one collection under Newman and under pmreplay, and reduce both runs to comparable facts.

Why a harness: the conformance tier asks one question many times, "does pmreplay do what
Newman does with this collection?". Both tools get the same files and flags and talk to
the same recording echo server; their JSON reports, exported scopes and the server's log are
reduced to a :class:`Outcome` where volatile bits (ports, uuids, timestamps, tool names)
are normalised, so a test is a single ``assert ours == newman`` on the parts it cares about.
"""

from __future__ import annotations

import difflib
import json
import pprint
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.echo_server import EchoHandler
from tests.support.newman import find_or_install_newman

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")
_LOCAL = re.compile(r"(127\.0\.0\.1|localhost):\d+")
NEWMAN_STATS = frozenset({"iterations", "items", "scripts", "prerequests", "requests", "tests", "assertions",
                          "testScripts", "prerequestScripts"})
"""Newman's run.stats keys; pmreplay adds its own (``sendRequests``), which Newman has nothing to compare with."""
_AT_POSITION = re.compile(r"(?<=-script):\d+(?::\d+)?$")
"""Newman appends ``:line:column`` of the error's first stack frame to a script failure's ``at``
when the error has a parsed stack; the numbers point into its sandbox's wrapper or into chai,
not into the user's script, so the harness compares ``at`` without them."""
VOLATILE_HEADERS = frozenset({"postman-token", "user-agent"})


def newman_or_skip() -> str:
    """The Newman executable; skips the calling test with the reason when there is none."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the conformance tier needs Newman (node + npm)")
    newman = find_or_install_newman()
    if newman is None:
        pytest.skip("Newman is not installed and could not be installed with npm (set PMREPLAY_NEWMAN)")
    return newman


def normalise(value: Any) -> Any:
    """Blank what differs between any two runs: local ports, uuids, ISO timestamps."""
    if isinstance(value, str):
        value = _LOCAL.sub(r"\1:PORT", value)
        value = _UUID.sub("<uuid>", value)
        return _ISO.sub("<iso>", value)
    if isinstance(value, (list, tuple)):
        return type(value)(normalise(v) for v in value)
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- recording server

class _RecordingHandler(EchoHandler):
    """The echo server, also logging what it received so both tools' traffic can be compared."""

    def _handle(self) -> None:
        self._entry = {"method": self.command, "url": self.path,
                       "headers": [[k, v] for k, v in self.headers.items()], "body": b""}
        self.server.log.append(self._entry)
        super()._handle()

    def _read_body(self) -> bytes:
        body = super()._read_body()
        self._entry["body"] = body
        return body

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _handle
    do_COPY = do_PURGE = do_LOCK = do_UNLOCK = do_PROPFIND = do_VIEW = _handle


class _QuietServer(ThreadingHTTPServer):
    """A client that gives up (a request timeout under test) is expected: no traceback on stderr."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        return


class RecordingServer:
    """A running recording echo server: ``url`` to send to, ``log`` of what arrived."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"

    @property
    def log(self) -> list[dict]:
        return self._server.log  # type: ignore[attr-defined]

    def take(self) -> list[dict]:
        """What arrived since the last call, and forget it."""
        entries = list(self.log)
        self.log.clear()
        return entries


@contextmanager
def recording_server() -> Iterator[RecordingServer]:
    server = _QuietServer(("127.0.0.1", 0), _RecordingHandler)
    server.log = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RecordingServer(server)
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------- outcome

@dataclass
class Outcome:
    """What one tool did with one collection, normalised.

    ``wire``: (method, url) per request the server received, in order (sendRequest included).
    ``executions``: per executed item: ``{"item", "iteration", "method", "url", "assertions":
    [(name, "passed"|"failed"|"skipped", message)]}``.
    ``failures``: (at, item name, iteration, error name, message).
    ``environment`` / ``globals`` / ``collection_variables``: key -> (type, value) as exported.
    Newman's ``--export-collection`` writes the collection variables as loaded, not as the
    scripts left them (postmanlabs/newman#2680), so ``collection_variables`` is not compared by
    default: scripts that need it dump ``pm.collectionVariables.toObject()`` into the environment
    (:data:`DUMP_COLLECTION_VARIABLES`).
    """

    tool: str
    exit_code: int
    wire: list[tuple[str, str]] = field(default_factory=list)
    wire_headers: list[list[list[str]]] = field(default_factory=list)
    wire_bodies: list[str] = field(default_factory=list)
    executions: list[dict] = field(default_factory=list)
    failures: list[tuple] = field(default_factory=list)
    environment: dict[str, tuple] = field(default_factory=dict)
    globals: dict[str, tuple] = field(default_factory=dict)
    collection_variables: dict[str, tuple] = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    export_shape: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)
    output: str = ""

    @property
    def assertions(self) -> list[tuple]:
        """Every assertion in run order with its item name: the most common thing to compare."""
        return [(e["item"], e["iteration"], *a) for e in self.executions for a in e["assertions"]]

    def view(self, *parts: str) -> dict:
        """The named parts as a dict, for one readable assert and a readable diff."""
        return {p: getattr(self, p) for p in parts}


def _url_text(url: Any) -> str:
    """A report's request URL (string or Postman URL object) as one string."""
    if isinstance(url, str):
        return url
    if not isinstance(url, dict):
        return ""
    host = url.get("host") or []
    host = ".".join(host) if isinstance(host, list) else str(host)
    text = f"{url.get('protocol', 'http')}://{host}"
    if url.get("port"):
        text += f":{url['port']}"
    path = url.get("path") or []
    if isinstance(path, list):
        text += "/" + "/".join(str(p) for p in path) if path else ""
    else:
        text += "/" + str(path).lstrip("/")
    query = [q for q in url.get("query") or [] if not q.get("disabled")]
    if query:
        text += "?" + "&".join(str(q.get("key") or "") if q.get("value") is None
                               else f"{q.get('key') or ''}={q['value']}" for q in query)
    return text


def _assertion(entry: dict) -> tuple[str, str, str | None]:
    if entry.get("skipped"):
        return (entry.get("assertion"), "skipped", None)
    error = entry.get("error")
    if error:
        return (entry.get("assertion"), "failed", error.get("message"))
    return (entry.get("assertion"), "passed", None)


NEWMAN_TYPES = frozenset({"string", "boolean", "number", "json", "any"})
"""The variable types postman-collection knows; it exports every other type (``default``, ``secret``)
as ``any``. pmreplay deliberately keeps the loaded type (runner/variables.py), so the harness
compares types through this lens; test_deliberate.py shows the difference itself."""


def _type(value: Any) -> Any:
    return value if value in NEWMAN_TYPES else "any"


def _scope(path: Path) -> dict[str, tuple]:
    if not path.exists():
        return {}
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {v["key"]: (_type(v.get("type")), v.get("value")) for v in doc.get("values", [])
            if not v.get("disabled")}


def _export_shape(work: Path) -> dict[str, list[str]]:
    """The top-level keys of each exported scope file (their order is not compared)."""
    shape = {}
    for name in ("env.out.json", "globals.out.json"):
        path = work / name
        if path.exists():
            doc = json.loads(path.read_text(encoding="utf-8"))
            shape[name] = sorted(doc) + sorted({k for v in doc.get("values", []) for k in v})
    return shape


def _collection_vars(path: Path) -> dict[str, tuple]:
    if not path.exists():
        return {}
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {v["key"]: (_type(v.get("type")), v.get("value")) for v in doc.get("variable", []) or []
            if not v.get("disabled")}


def _outcome(tool: str, proc: subprocess.CompletedProcess, work: Path, wire: list[dict]) -> Outcome:
    report_path = work / "report.json"
    summary = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    run = summary.get("run", {})
    executions = []
    for ex in run.get("executions", []):
        request = ex.get("request") or {}
        executions.append({
            "item": ex.get("item", {}).get("name"),
            "iteration": ex.get("cursor", {}).get("iteration"),
            "method": request.get("method"),
            "url": _url_text(request.get("url")) if request else None,
            "assertions": [_assertion(a) for a in ex.get("assertions", []) or []],
        })
    failures = [(_AT_POSITION.sub("", f.get("at") or ""), (f.get("source") or {}).get("name"), (f.get("cursor") or {}).get("iteration"),
                 (f.get("error") or {}).get("name"), (f.get("error") or {}).get("message"))
                for f in run.get("failures", [])]
    stats = {k: {kk: vv for kk, vv in v.items() if kk != "pending"} for k, v in run.get("stats", {}).items()
             if k in NEWMAN_STATS}
    return Outcome(
        tool=tool, exit_code=proc.returncode,
        wire=normalise([(w["method"], w["url"]) for w in wire]),
        wire_headers=normalise([[[k.lower(), "*" if k.lower() in VOLATILE_HEADERS else v] for k, v in w["headers"]]
                                for w in wire]),
        wire_bodies=[normalise(w["body"].decode("utf-8", "replace")) for w in wire],
        executions=normalise(executions), failures=normalise(failures),
        environment=normalise(_scope(work / "env.out.json")),
        globals=normalise(_scope(work / "globals.out.json")),
        collection_variables=normalise(_collection_vars(work / "collection.out.json")),
        stats=stats, summary=summary, export_shape=_export_shape(work), output=(proc.stdout or "")[-4000:] + (proc.stderr or "")[-4000:],
    )


def collection(items: list[dict], *, name: str = "conformance", variables: list[dict] | None = None,
               events: list[dict] | None = None, **extra: Any) -> dict:
    """A v2.1 collection dict: less boilerplate in the tests."""
    doc: dict[str, Any] = {"info": {"name": name, "schema": SCHEMA}, "item": items}
    if variables is not None:
        doc["variable"] = variables
    if events is not None:
        doc["event"] = events
    doc.update(extra)
    return doc


def script(listen: str, *lines: str) -> dict:
    """One event entry; the lines are the script source."""
    return {"listen": listen, "script": {"type": "text/javascript", "exec": list(lines)}}


DUMP_COLLECTION_VARIABLES = script(
    "test", "pm.environment.set('__collectionVariables', JSON.stringify(pm.collectionVariables.toObject()));")
"""A collection-level test event recording the collection variables after every request."""


def item(name: str, url: str, *, method: str = "GET", prerequest: Sequence[str] | str | None = None,
         test: Sequence[str] | str | None = None, **request: Any) -> dict:
    """A request item with optional pre-request and test script lines."""
    events = []
    for listen, source in (("prerequest", prerequest), ("test", test)):
        if source is not None:
            lines = [source] if isinstance(source, str) else list(source)
            events.append(script(listen, *lines))
    doc: dict[str, Any] = {"name": name, "request": {"method": method, "url": url, **request}}
    if events:
        doc["event"] = events
    return doc


def scope_file(values: dict[str, Any] | list[dict], name: str = "conformance") -> dict:
    """An environment/globals document from a plain mapping (or a ready ``values`` list)."""
    if isinstance(values, dict):
        values = [{"key": k, "value": v, "type": "default"} for k, v in values.items()]
    return {"name": name, "values": values}


class Conformance:
    """Runs collections under both tools against recording echo servers.

    With a ``twin`` server, :meth:`both` runs the two tools at the same time, pmreplay against
    the twin (the inputs are copied with the server's URL swapped; ports are normalised away),
    which halves the tier's wall time. One instance per test module (tests/conformance/conftest.py).
    """

    def __init__(self, newman: str, server: RecordingServer, workdir: Path,
                 twin: RecordingServer | None = None) -> None:
        self.newman = newman
        self.server = server
        self.twin = twin
        self.workdir = workdir
        self._count = 0

    @property
    def url(self) -> str:
        return self.server.url

    def _prepare(self, tool: str, collection_doc: dict | Path, environment: dict | None,
                 globals_doc: dict | None, data: str | list | None, files: dict[str, str | bytes] | None,
                 ) -> tuple[Path, list[str]]:
        self._count += 1
        work = self.workdir / f"{self._count:03d}-{tool}"
        work.mkdir(parents=True)
        if isinstance(collection_doc, Path):
            coll_path = collection_doc
        else:
            coll_path = work / "collection.json"
            coll_path.write_text(json.dumps(collection_doc), encoding="utf-8")
        args = [str(coll_path), "-r", "json", "--reporter-json-export", str(work / "report.json"),
                "--export-environment", str(work / "env.out.json"),
                "--export-globals", str(work / "globals.out.json"),
                "--export-collection", str(work / "collection.out.json")]
        if environment is not None:
            (work / "env.json").write_text(json.dumps(environment), encoding="utf-8")
            args += ["-e", str(work / "env.json")]
        if globals_doc is not None:
            (work / "globals.json").write_text(json.dumps(globals_doc), encoding="utf-8")
            args += ["-g", str(work / "globals.json")]
        if data is not None:
            if isinstance(data, str):
                (work / "data.csv").write_text(data, encoding="utf-8")
                args += ["-d", str(work / "data.csv")]
            else:
                (work / "data.json").write_text(json.dumps(data), encoding="utf-8")
                args += ["-d", str(work / "data.json")]
        for rel, content in (files or {}).items():
            target = work / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return work, args

    def _start(self, tool: str, collection_doc: dict | Path, *, environment: dict | None = None,
               globals_doc: dict | None = None, data: str | list | None = None, flags: Sequence[str] = (),
               files: dict[str, str | bytes] | None = None) -> tuple[subprocess.Popen, Path]:
        work, args = self._prepare(tool, collection_doc, environment, globals_doc, data, files)
        if tool == "newman":
            command = [self.newman, "run", *args, *flags]
        elif tool == "pmreplay":
            command = [sys.executable, "-m", "runner.cli", "run", *args, "--no-mask", *flags]
        else:
            raise ValueError(f"unknown tool {tool!r}")
        proc = subprocess.Popen(command, cwd=ROOT if tool == "pmreplay" else work, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        return proc, work

    @staticmethod
    def _finish(tool: str, proc: subprocess.Popen, work: Path, server: RecordingServer,
                timeout: float) -> Outcome:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
            stderr += f"\n[conformance harness: {tool} killed after {timeout} s]"
        done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
        return _outcome(tool, done, work, server.take())

    def run_tool(self, tool: str, collection_doc: dict | Path, *, timeout: float = 120, **inputs: Any) -> Outcome:
        """Run one tool ("newman" or "pmreplay") and reduce its run to an :class:`Outcome`.

        Inputs: ``environment``, ``globals_doc``, ``data`` (CSV text or JSON rows), ``flags``, ``files``.
        """
        self.server.take()
        proc, work = self._start(tool, collection_doc, **inputs)
        return self._finish(tool, proc, work, self.server, timeout)

    def both(self, collection_doc: dict | Path, *, timeout: float = 120, **inputs: Any) -> tuple[Outcome, Outcome]:
        """(newman, pmreplay) outcomes for the same inputs."""
        if self.twin is None or isinstance(collection_doc, Path):
            return (self.run_tool("newman", collection_doc, timeout=timeout, **inputs),
                    self.run_tool("pmreplay", collection_doc, timeout=timeout, **inputs))
        ours_doc, ours_inputs = _swap_server((collection_doc, inputs), self.server.url, self.twin.url)
        self.server.take()
        self.twin.take()
        newman = self._start("newman", collection_doc, **inputs)
        ours = self._start("pmreplay", ours_doc, **ours_inputs)
        return (self._finish("newman", *newman, self.server, timeout),
                self._finish("pmreplay", *ours, self.twin, timeout))


def _swap_server(value: Any, old_url: str, new_url: str) -> Any:
    """A deep copy aimed at another server: its ``host:port`` replaced wherever it appears, and a
    string that is exactly the old port (a URL object's ``port``) replaced by the new port."""
    old_netloc, new_netloc = old_url.split("://", 1)[1], new_url.split("://", 1)[1]
    old_port, new_port = old_netloc.rsplit(":", 1)[1], new_netloc.rsplit(":", 1)[1]

    def swap(node: Any) -> Any:
        if isinstance(node, str):
            return new_port if node == old_port else node.replace(old_netloc, new_netloc)
        if isinstance(node, (list, tuple)):
            return type(node)(swap(v) for v in node)
        if isinstance(node, dict):
            return {k: swap(v) for k, v in node.items()}
        return node

    return swap(value)


def item_facts(outcome: Outcome, name: str) -> dict:
    """What one item did: its assertions, its failures and the environment keys named after it
    (``name`` or ``name.*``): lets one run of many small cases be checked case by case."""
    return {"assertions": [e["assertions"] for e in outcome.executions if e["item"] == name],
            "failures": [f for f in outcome.failures if f[1] == name],
            "environment": {k: v for k, v in outcome.environment.items() if k == name or k.startswith(name + ".")}}


DEFAULT_PARTS = ("exit_code", "wire", "executions", "failures", "environment", "globals", "stats", "export_shape")


def diff(newman: Outcome, ours: Outcome, *parts: str) -> str:
    """A unified diff (Newman first) of the named parts that differ; empty when they agree."""
    out = []
    for part in parts:
        expected, actual = getattr(newman, part), getattr(ours, part)
        if expected != actual:
            lines = difflib.unified_diff(pprint.pformat(expected, width=120).splitlines(),
                                         pprint.pformat(actual, width=120).splitlines(),
                                         "newman", "pmreplay", lineterm="", n=2)
            out.append(f"== {part} ==\n" + "\n".join(lines))
    return "\n".join(out)


def assert_same(newman: Outcome, ours: Outcome, *parts: str) -> None:
    """pmreplay's parts equal Newman's; on failure the message is a diff plus both tools' output tails."""
    parts = parts or DEFAULT_PARTS
    differences = diff(newman, ours, *parts)
    if differences:
        pytest.fail(f"pmreplay differs from Newman:\n{differences}\n--- newman output ---\n{newman.output}\n"
                    f"--- pmreplay output ---\n{ours.output}", pytrace=False)
