"""Progress for long runs: a self-updating status line on a terminal, nothing in CI logs.

Why two ways in:

* **automatic** (``auto_progress``): someone watching a long run in a terminal wants to see how
  far it is, but the ``cli`` reporter's output must stay exactly as it is (people compare it with
  Newman's). So when stdout and stderr are both terminals, ``CI`` is not set and the run has more
  than ``AUTO_MIN_REQUESTS`` item executions, one status line lives at the bottom of the terminal
  on stderr. The cli reporter writes through ``PausingStream``, which lifts the line before each
  write and puts it back after, and the line is erased before the summary table is printed.
* **forced** (``-r progress``): like Newman's ``progress`` reporter, a compact run: only the bar
  while it goes (on a terminal), then one result line and the numbered failures.

Why our own few lines instead of rich's ``Progress``: rich refreshes from a thread and takes over
``sys.stdout``; a line redrawn only when something happens is simpler to keep out of the cli
reporter's way, and behaves the same under a pseudo-terminal in tests.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

from runner.events import EventBus
from runner.reporters import Reporter, ReporterContext
from runner.reporters.cli import human_ms

AUTO_MIN_REQUESTS = 20
"""Shorter runs finish before a progress line would help; their cli output is enough."""
CLEAR = "\r\x1b[2K"


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def in_ci(environ: Mapping[str, str] | None = None) -> bool:
    """``CI`` set to anything but an explicit no, as CI services do (``CI=true``, ``CI=1``)."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no", "off")


def wants_live_line(stream: Any, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return _isatty(stream) and not in_ci(env) and env.get("TERM", "") != "dumb"


def _width(stream: Any) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return max(20, columns) if columns else 80  # a pseudo-terminal nobody sized reports 0


class StatusLine:
    """One line at the cursor, rewritten in place; ``clear`` leaves the terminal as it was."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.visible = False
        self.text = ""

    def show(self, text: str) -> None:
        self.text = text
        limit = _width(self.out) - 1
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        self.out.write(CLEAR + text)
        self.out.flush()
        self.visible = True

    def clear(self) -> None:
        if self.visible:
            self.out.write(CLEAR)
            self.out.flush()
            self.visible = False

    def redraw(self) -> None:
        if self.text:
            self.show(self.text)


@dataclass
class Progress:
    """Where the run is, counted from events (same counting for both ways in)."""

    total: int = 0
    done: int = 0
    failures: int = 0
    current: str = ""
    iteration: int = 0
    iterations: int = 1
    finished: bool = False

    def bar(self, width: int = 20, unicode: bool = True) -> str:
        filled = int(width * self.done / self.total) if self.total else 0
        full, empty = ("█", "░") if unicode else ("#", "-")
        return (full * filled + empty * (width - filled))

    def line(self, unicode: bool = True) -> str:
        cross = "✗" if unicode else "x"
        parts = [f"{self.bar(unicode=unicode)} {self.done}/{self.total}"]
        if self.failures:
            parts.append(f"{cross} {self.failures} failed")
        if self.iterations > 1:
            parts.append(f"iteration {self.iteration + 1}/{self.iterations}")
        if self.current and not self.finished:
            parts.append(self.current)
        return "  ".join(parts)


class Tracker:
    """Listens on the bus, keeps ``Progress`` current and redraws the line when it changes."""

    def __init__(self, bus: EventBus, line: StatusLine | None, unicode: bool = True) -> None:
        self.progress = Progress()
        self.line = line
        self.unicode = unicode
        bus.on("start", self._on_start)
        bus.on("beforeItem", self._on_before_item)
        bus.on("item", self._on_item)
        bus.on("request", self._on_request)
        bus.on("assertion", self._on_assertion)
        bus.on("exception", self._on_exception)
        bus.on("beforeDone", self._on_before_done)

    def _draw(self) -> None:
        if self.line is not None and not self.progress.finished:
            self.line.show(self.progress.line(self.unicode))

    def _on_start(self, err, payload) -> None:
        iterations = int(payload.get("iteration_count") or 1)
        self.progress.iterations = iterations
        self.progress.total = len(payload.get("items") or []) * iterations
        self._draw()

    def _on_before_item(self, err, payload) -> None:
        item = payload.get("item")
        self.progress.iteration = int((payload.get("cursor") or {}).get("iteration", 0))
        path = item.path() if hasattr(item, "path") else [str(getattr(item, "name", ""))]
        self.progress.current = " / ".join(path)
        self._draw()

    def _on_item(self, err, payload) -> None:
        self.progress.done += 1
        self._draw()

    def _on_request(self, err, payload) -> None:
        if getattr(payload.get("exchange"), "error", None):
            self.progress.failures += 1

    def _on_assertion(self, err, payload) -> None:
        if payload.get("error") and not payload.get("skipped"):
            self.progress.failures += 1

    def _on_exception(self, err, payload) -> None:
        self.progress.failures += 1

    def _on_before_done(self, err, payload) -> None:
        self.progress.finished = True
        if self.line is not None:
            self.line.clear()


class PausingStream:
    """What the cli reporter writes to while the status line is up: line out of the way, write, line back."""

    def __init__(self, target: IO[str], line: StatusLine, tracker: Tracker) -> None:
        self.target = target
        self.line = line
        self.tracker = tracker

    def write(self, text: str) -> int:
        self.line.clear()
        written = self.target.write(text)
        self.target.flush()
        if text.endswith("\n") and not self.tracker.progress.finished:
            self.line.redraw()
        return written

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return _isatty(self.target)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target, name)


class _AutoLine(StatusLine):
    """Stays hidden until the run turns out to be long enough to deserve it."""

    def __init__(self, out: IO[str], minimum: int) -> None:
        super().__init__(out)
        self.minimum = minimum
        self.enabled = False

    def show(self, text: str) -> None:
        if self.enabled:
            super().show(text)


@dataclass
class AutoProgress:
    """Hand ``bus`` and ``stream`` to ``runner.api.run``: the line follows the run on its own."""

    bus: EventBus
    stream: IO[str]
    tracker: Tracker


def auto_progress(reporters: list[str], *, silent: bool = False, stdout: IO[str] | None = None,
                  stderr: IO[str] | None = None, environ: Mapping[str, str] | None = None,
                  minimum: int = AUTO_MIN_REQUESTS, unicode: bool = True) -> AutoProgress | None:
    """The automatic status line, or None when it does not belong (CI, pipes, quiet or compact runs)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    if silent or "cli" not in reporters or "progress" in reporters:
        return None
    if not (wants_live_line(out, environ) and wants_live_line(err, environ)):
        return None
    bus = EventBus()
    line = _AutoLine(err, minimum)

    def decide(error, payload) -> None:
        total = len(payload.get("items") or []) * int(payload.get("iteration_count") or 1)
        line.enabled = total > minimum

    bus.on("start", decide)  # registered before the tracker's own start listener, so it decides first
    tracker = Tracker(bus, line, unicode=unicode)
    return AutoProgress(bus=bus, stream=PausingStream(out, line, tracker), tracker=tracker)  # type: ignore[arg-type]


class ProgressReporter(Reporter):
    """``-r progress``: the bar while the run goes (terminal only), then one line and the failures."""

    name = "progress"

    def __init__(self, ctx: ReporterContext) -> None:
        super().__init__(ctx)
        self.out = ctx.stream or sys.stdout
        live = not ctx.silent and wants_live_line(self.out)
        self.tracker = Tracker(ctx.bus, StatusLine(self.out) if live else None, unicode=ctx.unicode)
        self.started = time.monotonic()

    def finish(self) -> None:
        if self.ctx.silent:
            return
        summary = self.ctx.summary
        masker = self.ctx.masker
        stats = summary.stats
        name = masker.text(summary.collection.name) if summary.collection is not None else "collection"
        verdict = "failed" if summary.failed else "passed"
        self.out.write(
            f"pmreplay: {name} {verdict}: {stats['requests']['total']} requests, "
            f"{stats['assertions']['total']} assertions, {len(summary.failures)} failures "
            f"in {human_ms((time.monotonic() - self.started) * 1000)}\n")
        for number, failure in enumerate(summary.failures, start=1):
            error = failure.error or {}
            title = masker.text(str(error.get("test") or error.get("name") or "Error"))
            where = masker.text(" / ".join(failure.item.path())) if failure.item is not None else failure.at
            message = masker.text(str(error.get("message", ""))).replace("\n", " ")
            self.out.write(f"  {number}. {title}: {message} ({where})\n")
        if summary.error is not None:
            self.out.write(f"error: {masker.text(str(summary.error))}\n")
        self.out.flush()
