"""Reporters: listeners that turn a run's events and summary into output.

Why a registry: ``-r cli,json,junit`` names reporters like Newman does, and each reporter
takes its own ``--reporter-<name>-<option>`` settings without the CLI knowing them.
"""

from __future__ import annotations

import importlib
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


REPORTERS = {
    "cli": "runner.reporters.cli:CliReporter",
    "json": "runner.reporters.json:JsonReporter",
    "junit": "runner.reporters.junit:JunitReporter",
    "html": "runner.reporters.html:HtmlReporter",
    "progress": "runner.reporters.progress:ProgressReporter",
}
"""Reporter name -> ``module:Class``; imported only when used, so startup stays cheap."""


def reporter_class(name: str) -> type[Reporter]:
    if name not in REPORTERS:
        raise PmreplayError(f"unknown reporter '{name}' (available: {', '.join(sorted(REPORTERS))})")
    module_name, _, class_name = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def make_reporters(names: list[str], ctx_for: Any) -> list[Reporter]:
    """Instantiate reporters by name; ``ctx_for(name)`` builds each one's context."""
    classes = [reporter_class(name) for name in names]
    return [cls(ctx_for(name)) for name, cls in zip(names, classes, strict=True)]
