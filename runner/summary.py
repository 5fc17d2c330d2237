"""The run summary, built from events, in Newman's JSON shape.

Why from events: the summary is just another listener, so the JSON and JUnit reporters,
the Python API and the pytest plugin read the same facts the terminal shows. Its JSON form
matches Newman's ``run`` summary so tools that read Newman's JSON report keep working.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from runner.events import EventBus
from runner.urls import parse_url

STAT_KEYS = ("iterations", "items", "scripts", "prerequests", "requests", "tests", "assertions",
             "testScripts", "prerequestScripts", "sendRequests")
"""Newman's stats, plus ``sendRequests``: requests scripts sent with pm.sendRequest, counted apart from the run's own."""


@dataclass
class AssertionResult:
    name: str
    passed: bool
    skipped: bool
    error: dict | None
    index: int

    def to_json(self) -> dict:
        out: dict[str, Any] = {"assertion": self.name, "skipped": self.skipped}
        if self.error and not self.passed:
            out["error"] = {"name": self.error.get("name", "AssertionError"), "index": self.index,
                            "test": self.name, "message": self.error.get("message", ""),
                            "stack": self.error.get("stack", "")}
        return out


@dataclass
class Execution:
    """One item run in one iteration: its request, response, script outcomes and assertions."""

    item: Any
    cursor: dict
    spec: dict | None = None
    exchange: Any = None
    assertions: list[AssertionResult] = field(default_factory=list)
    prerequest_scripts: list[dict] = field(default_factory=list)
    test_scripts: list[dict] = field(default_factory=list)
    console: list[dict] = field(default_factory=list)
    send_requests: list[dict] = field(default_factory=list)
    visualizer: dict | None = None
    skipped: bool = False

    @property
    def response(self):
        return self.exchange.response if self.exchange is not None else None

    @property
    def request_error(self) -> str | None:
        return self.exchange.error if self.exchange is not None else None

    def to_json(self) -> dict:
        out: dict[str, Any] = {"cursor": self.cursor, "item": {"id": self.item.id, "name": self.item.name}}
        if self.exchange is not None:
            sent = self.exchange.request
            request = {"url": parse_url(sent.get("url", "")), "header": sent.get("header", []),
                       "method": sent.get("method")}
            if sent.get("body") is not None:
                request["body"] = sent.get("body")
            out["request"] = request
            response = self.exchange.response
            if response is not None:
                out["response"] = {
                    "id": self.cursor.get("httpRequestId"), "status": response.status, "code": response.code,
                    "header": response.header, "stream": {"type": "Buffer", "data": list(response.body)},
                    "cookie": response.cookies, "responseTime": round(response.response_time_ms),
                    "responseSize": response.response_size,
                }
            if self.exchange.error:
                out["requestError"] = {"message": self.exchange.error}
        out["id"] = self.item.id
        out["assertions"] = [a.to_json() for a in self.assertions]
        out["prerequestScript"] = self.prerequest_scripts
        out["testScript"] = self.test_scripts
        if self.send_requests:
            out["sendRequests"] = self.send_requests
        if self.console:
            out["console"] = self.console
        if self.visualizer:
            out["visualizer"] = self.visualizer
        if self.skipped:
            out["skipped"] = True
        return out


@dataclass
class Failure:
    error: dict
    at: str
    item: Any
    cursor: dict

    def to_json(self) -> dict:
        parent = self.item.parent if self.item is not None else None
        return {
            "error": self.error, "at": self.at,
            "source": {"id": self.item.id, "name": self.item.name} if self.item is not None else None,
            "parent": {"id": parent.id, "name": parent.name} if parent is not None else None,
            "cursor": self.cursor,
        }


def _stat() -> dict:
    return {"total": 0, "pending": 0, "failed": 0}


class RunSummary:
    """Collects a run from its events; read it after ``done``."""

    def __init__(self, bus: EventBus) -> None:
        self.stats: dict[str, dict] = {key: _stat() for key in STAT_KEYS}
        self.executions: list[Execution] = []
        self.failures: list[Failure] = []
        self.console: list[dict] = []
        self.warnings: list[str] = []
        self.error: Exception | None = None
        self.collection = None
        self.environment = None
        self.globals = None
        self.collection_variables = None
        self.started = time.time()
        self.completed: float | None = None
        self._current: Execution | None = None
        for name in ("start", "beforeItem", "prerequest", "request", "test", "script", "assertion", "console",
                     "exception", "iteration", "done"):
            bus.on(name, getattr(self, "_on_" + name))

    # ------------------------------------------------------------------ listeners

    def _on_start(self, err, payload) -> None:
        self.collection = payload.get("collection")
        self.started = time.time()

    def _on_beforeItem(self, err, payload) -> None:
        self._current = Execution(item=payload["item"], cursor=payload["cursor"])
        self.executions.append(self._current)
        self.stats["items"]["total"] += 1

    def _on_prerequest(self, err, payload) -> None:
        self.stats["prerequests"]["total"] += 1

    def _on_request(self, err, payload) -> None:
        execution = self._current
        if execution is None:
            return
        exchange = payload["exchange"]
        execution.exchange = exchange
        execution.spec = payload.get("spec")
        execution.cursor = payload["cursor"]
        self.stats["requests"]["total"] += 1
        self.warnings.extend(exchange.warnings or [])
        if exchange.error:
            self.stats["requests"]["failed"] += 1
            self._fail({"name": "Error", "message": exchange.error}, "request", payload)

    def _on_test(self, err, payload) -> None:
        self.stats["tests"]["total"] += 1

    def _on_script(self, err, payload) -> None:
        execution = self._current
        result = payload.get("result") or {}
        key = "testScripts" if payload.get("event") == "test" else "prerequestScripts"
        self.stats["scripts"]["total"] += 1
        self.stats[key]["total"] += 1
        entry: dict[str, Any] = {"id": getattr(payload.get("node"), "id", None)}
        if result.get("error"):
            self.stats["scripts"]["failed"] += 1
            self.stats[key]["failed"] += 1
            entry["error"] = result["error"]
        if execution is not None:
            (execution.test_scripts if payload.get("event") == "test" else execution.prerequest_scripts).append(entry)
            sent = result.get("sendRequests") or []
            execution.send_requests.extend(sent)
            self.stats["sendRequests"]["total"] += len(sent)
            self.stats["sendRequests"]["failed"] += sum(1 for s in sent if s.get("error"))
            if result.get("visualizer"):
                execution.visualizer = result["visualizer"]
            if result.get("skipRequest"):
                execution.skipped = True

    def _on_assertion(self, err, payload) -> None:
        error = payload.get("error")
        skipped = bool(payload.get("skipped"))
        passed = error is None and not skipped
        result = AssertionResult(name=payload.get("assertion", ""), passed=passed, skipped=skipped,
                                 error=error, index=payload.get("index", 0))
        if self._current is not None:
            self._current.assertions.append(result)
        self.stats["assertions"]["total"] += 1
        if skipped:
            self.stats["assertions"]["pending"] += 1
        elif not passed:
            self.stats["assertions"]["failed"] += 1
            self._fail(result.to_json()["error"], f"assertion:{result.index} in {payload.get('event', 'test')}-script",
                       payload)

    def _on_console(self, err, payload) -> None:
        entry = {"level": payload.get("level", "log"), "messages": payload.get("messages", [])}
        self.console.append(entry)
        if self._current is not None:
            self._current.console.append(entry)

    def _on_exception(self, err, payload) -> None:
        error = dict(payload.get("error") or {})
        error.setdefault("name", "Error")
        self._fail(error, payload.get("at", "script"), payload)

    def _on_iteration(self, err, payload) -> None:
        self.stats["iterations"]["total"] += 1
        if err is not None:  # as in Newman: only an iteration that errored counts, not one with failures
            self.stats["iterations"]["failed"] += 1

    def _on_done(self, err, payload) -> None:
        self.error = err
        self.completed = time.time()
        self.environment = payload.get("environment")
        self.globals = payload.get("globals")
        self.collection_variables = payload.get("collection_variables")

    def _fail(self, error: dict, at: str, payload: dict) -> None:
        self.failures.append(Failure(error=error, at=at, item=payload.get("item"), cursor=payload.get("cursor", {})))

    # ------------------------------------------------------------------ reading

    @property
    def failed(self) -> bool:
        return bool(self.failures) or self.error is not None

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def response_times(self) -> list[int]:
        """Whole milliseconds, as Newman measures them (its table and JSON show no fractions)."""
        return [round(e.response.response_time_ms) for e in self.executions if e.response is not None]

    def timings(self) -> dict:
        times = self.response_times()
        avg = sum(times) / len(times) if times else 0
        sd = math.sqrt(sum((t - avg) ** 2 for t in times) / len(times)) if times else 0
        return {"responseAverage": avg, "responseMin": min(times, default=0), "responseMax": max(times, default=0),
                "responseSd": sd, "started": int(self.started * 1000),
                "completed": int((self.completed or time.time()) * 1000)}

    def transfers(self) -> dict:
        return {"responseTotal": sum(e.response.response_size for e in self.executions if e.response is not None)}

    def to_json(self) -> dict:
        """Newman's run summary (``collection``, ``environment``, ``globals``, ``run``)."""
        return {
            "collection": self.collection.to_json() if self.collection is not None else None,
            "environment": self.environment.to_export() if self.environment is not None else None,
            "globals": self.globals.to_export() if self.globals is not None else None,
            "run": {
                "stats": self.stats,
                "timings": self.timings(),
                # like Newman, only items whose request was sent (an item skipped by skipRequest has none)
                "executions": [e.to_json() for e in self.executions if e.exchange is not None],
                "transfers": self.transfers(),
                "failures": [f.to_json() for f in self.failures],
                "error": str(self.error) if self.error is not None else None,
            },
        }
