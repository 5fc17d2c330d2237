"""The ``cli`` reporter: Newman's terminal output, as the run goes.

Why keep Newman's layout: people read these logs in CI and compare them with what they
knew; the item arrows, ``METHOD url [200 OK, 548B, 63ms]`` lines, ticks and numbered
failures, the summary table and the failure list look the same. Colour only on a TTY
(or ``--color on``); ``--silent`` prints nothing.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from runner.reporters import Reporter, ReporterContext

_COLORS = {"green": "32", "red": "31", "gray": "90", "cyan": "36", "yellow": "33", "bold": "1", "dim": "2"}
BODY_PREVIEW = 2048


def human_size(size: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f}{unit}" if unit == "B" else f"{size:.2f}{unit}".replace(".00", "")
        size /= 1000.0
    return f"{size}B"


def human_ms(ms: float) -> str:
    if ms < 1:
        return f"{ms * 1000:.0f}µs"
    if ms < 1000:
        return f"{ms:.0f}ms"
    return f"{ms / 1000:.1f}s"


class CliReporter(Reporter):
    name = "cli"

    def __init__(self, ctx: ReporterContext) -> None:
        super().__init__(ctx)
        self.out = ctx.stream or sys.stdout
        self.failure_count = 0
        self._current_group: tuple | None = None
        self._multi = False
        self.show_summary = not ctx.options.get("no-summary")
        self.show_failures = not ctx.options.get("no-failures")
        self.show_console = not ctx.options.get("no-console")
        self.symbols = {"ok": "✓", "item": "→", "folder": "❏", "sub": "↳", "line": "│"} if ctx.unicode else \
            {"ok": "√", "item": "->", "folder": "[]", "sub": "->", "line": "|"}
        if ctx.silent:
            return
        bus = ctx.bus
        bus.on("start", self._on_start)
        bus.on("beforeIteration", self._on_iteration)
        bus.on("beforeItem", self._on_item)
        bus.on("request", self._on_request)
        bus.on("assertion", self._on_assertion)
        bus.on("console", self._on_console)
        bus.on("exception", self._on_exception)

    # ------------------------------------------------------------------ output helpers

    def c(self, color: str, text: str) -> str:
        return f"\x1b[{_COLORS[color]}m{text}\x1b[0m" if self.ctx.color else text

    def write(self, line: str = "") -> None:
        self.out.write(line + "\n")
        self.out.flush()

    # ------------------------------------------------------------------ listeners

    def _on_start(self, err, payload) -> None:
        self._multi = payload.get("iteration_count", 1) > 1
        self.write("pmreplay")
        self.write()
        self.write(self.ctx.masker.text(payload["collection"].name))

    def _on_iteration(self, err, payload) -> None:
        self._current_group = None
        if self._multi:
            cursor = payload["cursor"]
            self.write()
            self.write(self.c("gray", f"Iteration {cursor['iteration'] + 1}/{cursor['cycles']}"))

    def _on_item(self, err, payload) -> None:
        item = payload["item"]
        groups = tuple(item.path()[:-1])
        self.write()
        if groups and groups != self._current_group:
            self.write(f"{self.symbols['folder']} {' / '.join(groups)}")
        self._current_group = groups
        prefix = self.symbols["sub"] if groups else self.symbols["item"]
        self.write(f"{prefix} {self.ctx.masker.text(item.name)}")

    def _on_request(self, err, payload) -> None:
        exchange = payload["exchange"]
        masker = self.ctx.masker
        sent = exchange.request
        line = f"  {sent.get('method')} {masker.text(sent.get('url', ''))}"
        for warning in exchange.warnings or []:
            self.write(self.c("yellow", f"  warning: {masker.text(warning)}"))
        if exchange.error:
            self.failure_count += 1
            self.write(f"{line} {self.c('red', '[errored]')}")
            self.write(self.c("red", f"     {masker.text(exchange.error)}"))
            return
        response = exchange.response
        status = f"{response.code} {response.status}".strip()
        color = "green" if response.code < 400 else "red" if response.code >= 500 else "yellow"
        detail = f"[{self.c(color, status)}, {human_size(response.response_size)}, {human_ms(response.response_time_ms)}]"
        self.write(f"{line} {detail}")
        if self.ctx.verbose:
            self._verbose(sent, response)

    def _verbose(self, sent: dict, response) -> None:
        masker = self.ctx.masker
        self.write(self.c("gray", "  ┌ request headers"))
        for header in masker.headers_list(sent.get("header") or []):
            self.write(self.c("gray", f"  │ {header.get('key')}: {header.get('value')}"))
        body = sent.get("body") or {}
        if body.get("mode") == "raw" and body.get("raw"):
            self.write(self.c("gray", "  │ " + masker.text(str(body["raw"])[:BODY_PREVIEW]).replace("\n", "\n  │ ")))
        self.write(self.c("gray", "  ├ response headers"))
        for header in masker.headers_list(response.header):
            self.write(self.c("gray", f"  │ {header.get('key')}: {header.get('value')}"))
        text = response.body[:BODY_PREVIEW].decode("utf-8", errors="replace")
        more = f" … ({len(response.body) - BODY_PREVIEW} more bytes)" if len(response.body) > BODY_PREVIEW else ""
        if text:
            self.write(self.c("gray", "  │ " + masker.text(text).replace("\n", "\n  │ ") + more))
        self.write(self.c("gray", "  └"))

    def _on_assertion(self, err, payload) -> None:
        name = self.ctx.masker.text(payload.get("assertion", ""))
        if payload.get("skipped"):
            self.write(self.c("cyan", f"  - {name}"))
        elif payload.get("error"):
            self.failure_count += 1
            self.write(self.c("red", f"  {self.failure_count}. {name}"))
        else:
            self.write(f"  {self.c('green', self.symbols['ok'])}  {self.c('gray', name)}")

    def _on_console(self, err, payload) -> None:
        if not self.show_console:
            return
        parts = [m if isinstance(m, str) else json.dumps(m, default=str) for m in payload.get("messages", [])]
        text = self.ctx.masker.text(" ".join(parts))
        color = "yellow" if payload.get("level") == "warn" else "red" if payload.get("level") == "error" else "gray"
        self.write(self.c("gray", "  ┌"))
        for line in text.split("\n"):
            self.write(self.c("gray", "  │ ") + self.c(color, line))
        self.write(self.c("gray", "  └"))

    def _on_exception(self, err, payload) -> None:
        self.failure_count += 1
        error = payload.get("error") or {}
        self.write(self.c("red", f"  {self.failure_count}⠄ {error.get('name', 'Error')} in {payload.get('at')}"))

    # ------------------------------------------------------------------ the end

    def finish(self) -> None:
        if self.ctx.silent:
            return
        summary = self.ctx.summary
        if self.show_summary:
            self._table(summary)
        if self.show_failures and summary.failures:
            self._failures(summary)
        if summary.error is not None:
            self.write(self.c("red", f"error: {summary.error}"))

    def _table(self, summary) -> None:
        rows = [("iterations", "iterations"), ("requests", "requests"), ("test-scripts", "testScripts"),
                ("prerequest-scripts", "prerequestScripts"), ("assertions", "assertions")]
        width = (25, 10, 10)
        self.write()
        self.write("┌" + "┬".join("─" * w for w in width) + "┐")
        self.write("│" + " " * width[0] + "│" + "executed".rjust(width[1] - 1) + " │" + "failed".rjust(width[2] - 1) + " │")
        self.write("├" + "┼".join("─" * w for w in width) + "┤")
        for label, key in rows:
            stat = summary.stats[key]
            failed = str(stat["failed"])
            self.write("│" + label.rjust(width[0] - 1) + " │" + str(stat["total"]).rjust(width[1] - 1) + " │"
                       + (self.c("red", failed.rjust(width[2] - 1)) if stat["failed"] else failed.rjust(width[2] - 1))
                       + " │")
        inner = sum(width) + 2
        timings = summary.timings()
        lines = [
            f"total run duration: {human_ms(timings['completed'] - timings['started'])}",
            f"total data received: {human_size(summary.transfers()['responseTotal'])} (approx)",
        ]
        if summary.response_times():
            lines.append(f"average response time: {human_ms(timings['responseAverage'])} "
                         f"[min: {human_ms(timings['responseMin'])}, max: {human_ms(timings['responseMax'])}, "
                         f"s.d.: {human_ms(timings['responseSd'])}]")
        self.write("├" + "┴".join("─" * w for w in width) + "┤")
        for i, line in enumerate(lines):
            self.write("│ " + line.ljust(inner - 2) + " │")
            self.write(("├" if i < len(lines) - 1 else "└") + "─" * inner + ("┤" if i < len(lines) - 1 else "┘"))

    def _failures(self, summary) -> None:
        masker = self.ctx.masker
        self.write()
        self.write(self.c("bold", "  #  failure         detail"))
        for number, failure in enumerate(summary.failures, start=1):
            error: dict[str, Any] = failure.error or {}
            title = error.get("test") or error.get("name", "Error")
            self.write()
            self.write(f" {number:>2}.  {self.c('red', error.get('name', 'Error')).ljust(15)} {masker.text(str(title))}")
            for line in masker.text(str(error.get("message", ""))).split("\n"):
                self.write(" " * 22 + self.c("gray", line))
            self.write(" " * 22 + self.c("gray", f"at {failure.at}"))
            if failure.item is not None:
                self.write(" " * 22 + self.c("gray", f'inside "{masker.text(" / ".join(failure.item.path()))}"'))
