"""Reporters: listeners that turn a run's events and summary into output.

Why a registry: ``-r cli,json,junit`` names reporters like Newman does, and each reporter
takes its own ``--reporter-<name>-<option>`` settings without the CLI knowing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Any

from runner.errors import PmreplayError
from runner.events import EventBus
from runner.masking import Masker
from runner.summary import RunSummary


@dataclass
class ReporterContext:
    """What every reporter gets: the bus to listen on, the summary, masking and its own options."""

    bus: EventBus
    summary: RunSummary
    masker: Masker
    options: dict[str, Any] = field(default_factory=dict)
    stream: IO[str] | None = None
    color: bool = False
    verbose: bool = False
    silent: bool = False
    unicode: bool = True


class Reporter:
    """Subscribe in ``__init__``; write files or final output in ``finish``."""

    name = ""

    def __init__(self, ctx: ReporterContext) -> None:
        self.ctx = ctx

    def finish(self) -> None:
        return None


def reporter_classes() -> dict[str, type[Reporter]]:
    from runner.reporters.cli import CliReporter
    from runner.reporters.json import JsonReporter
    from runner.reporters.junit import JunitReporter

    return {"cli": CliReporter, "json": JsonReporter, "junit": JunitReporter}


def make_reporters(names: list[str], ctx_for: Any) -> list[Reporter]:
    """Instantiate reporters by name; ``ctx_for(name)`` builds each one's context."""
    known = reporter_classes()
    reporters = []
    for name in names:
        if name not in known:
            raise PmreplayError(f"unknown reporter '{name}' (available: {', '.join(sorted(known))})")
        reporters.append(known[name](ctx_for(name)))
    return reporters
