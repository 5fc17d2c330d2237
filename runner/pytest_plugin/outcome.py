"""From one collection run to one verdict per pytest item (request x iteration).

Why a separate, pytest-free module: the run is done once per collection file and the
verdicts are read afterwards, item by item. Keeping the mapping pure (summary in, verdicts
out) makes the rules easy to state:

- any failure recorded against the request in that iteration (a failed assertion, a script
  error in its pre-request or test scripts, a request error) fails it;
- a request skipped by ``pm.execution.skipRequest()``, or whose assertions were all
  skipped (``pm.test.skip``), is skipped;
- a request the run never reached in that iteration (``setNextRequest`` jumped over it, or
  the run stopped early) is skipped, or failed if the run itself ended in an error;
- otherwise it passed; an HTTP error status without tests passes, as in Newman.

Failure messages name the failed assertions with their messages and show the status line
of each response; secret values and credential headers are masked as in the reports.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from runner.masking import Masker
from runner.summary import Execution, Failure, RunSummary

Key = tuple[int, int]
"""(0-based iteration, identity of the collection ``Item``): ids may repeat in hand-edited
collections, the ``Item`` objects the run reports are those the plugin collected."""


def key_of(iteration: Any, item: Any) -> Key:
    return int(iteration or 0), id(item)


@dataclass
class Verdict:
    status: str            # "passed", "failed" or "skipped"
    message: str = ""
    console: str = ""
    elapsed_s: float | None = None


def _render(message: Any) -> str:
    if isinstance(message, str):
        return message
    try:
        return json.dumps(message, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(message)


def console_text(executions: list[Execution]) -> str:
    lines = []
    for execution in executions:
        for entry in execution.console:
            lines.append(f"{entry.get('level', 'log')}: " + " ".join(_render(m) for m in entry.get("messages", [])))
    return "\n".join(lines)


def exchange_line(execution: Execution) -> str:
    exchange = execution.exchange
    if exchange is None:
        return f"{execution.item.name}: no request was sent"
    request = exchange.request or {}
    head = f"{request.get('method', 'GET')} {request.get('url', '')}"
    response = exchange.response
    if response is not None:
        return f"{head} -> {response.code} {response.status} ({round(response.response_time_ms)} ms)"
    return f"{head} -> no response: {exchange.error or 'unknown error'}"


def failure_line(failure: Failure) -> str:
    error = failure.error or {}
    name = error.get("name") or "Error"
    message = error.get("message") or ""
    if failure.at.startswith("assertion"):
        return f"assertion failed: {error.get('test', '')!r}: {name}: {message}"
    if failure.at == "request":
        return f"request error: {message}"
    return f"{name} in {failure.at}: {message}"


class RunVerdicts:
    """The verdicts of one finished run, looked up by (iteration, item id)."""

    def __init__(self, summary: RunSummary, elapsed: dict[Key, float] | None = None,
                 stopped_on_failure: bool = False, mask: bool = True) -> None:
        self.summary = summary
        self.elapsed = elapsed or {}
        self.stopped_on_failure = stopped_on_failure
        self.executions: dict[Key, list[Execution]] = defaultdict(list)
        self.failures: dict[Key, list[Failure]] = defaultdict(list)
        for execution in summary.executions:
            self.executions[key_of(execution.cursor.get("iteration"), execution.item)].append(execution)
        for failure in summary.failures:
            if failure.item is not None:
                self.failures[key_of(failure.cursor.get("iteration"), failure.item)].append(failure)
        self.masker = self._masker(mask)

    def _masker(self, enabled: bool) -> Masker:
        summary = self.summary
        masker = Masker.from_scopes(summary.environment, summary.globals, summary.collection_variables,
                                    enabled=enabled)
        for execution in summary.executions:
            if execution.exchange is None:
                continue
            for header in (execution.exchange.request or {}).get("header") or []:
                if str(header.get("key", "")).lower() in masker.headers:
                    value = str(header.get("value", ""))
                    masker.add_secret(value)
                    masker.add_secret(value.partition(" ")[2])
        return masker

    def verdict(self, key: Key) -> Verdict:
        executions = self.executions.get(key, [])
        elapsed = self.elapsed.get(key)
        if not executions:
            error = self.summary.error
            if error is not None and not self.stopped_on_failure:
                return Verdict("failed", self.masker.text(f"not run: the collection run stopped: {error}"))
            if error is not None:
                return Verdict("skipped", "not run: the collection run stopped at the first failure (-x)")
            return Verdict("skipped", "not run in this iteration (the flow jumped over it with setNextRequest)")
        console = self.masker.text(console_text(executions))
        failures = self.failures.get(key, [])
        if failures:
            lines = [exchange_line(e) for e in executions]
            lines += [f"  {failure_line(f)}" for f in failures]
            return Verdict("failed", self.masker.text("\n".join(lines)), console, elapsed)
        if all(e.skipped for e in executions):
            return Verdict("skipped", "request skipped by pm.execution.skipRequest()", console, elapsed)
        assertions = [a for e in executions for a in e.assertions]
        if assertions and all(a.skipped for a in assertions):
            names = ", ".join(repr(a.name) for a in assertions)
            return Verdict("skipped", self.masker.text(f"all assertions skipped: {names}"), console, elapsed)
        return Verdict("passed", "", console, elapsed)
