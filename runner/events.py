"""The run's event bus: Newman's event names, synchronous listeners.

Why: the run loop only announces what happens; reporters, the summary and the pytest
plugin listen. Nothing a listener does feeds back into the loop, so data flows one way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

Listener = Callable[[Exception | None, dict], None]

EVENT_NAMES = (
    "start", "beforeIteration", "beforeItem", "beforePrerequest", "prerequest", "beforeRequest",
    "request", "beforeTest", "test", "beforeScript", "script", "assertion", "console", "exception",
    "item", "iteration", "beforeDone", "done",
)


class EventBus:
    """``on(name, fn)`` then ``emit(name, err, payload)``; ``on("*", fn)`` hears everything as ``fn(name, err, payload)``."""

    def __init__(self) -> None:
        self._listeners: dict[str, list[Callable[..., Any]]] = defaultdict(list)

    def on(self, name: str, listener: Callable[..., Any]) -> None:
        if name != "*" and name not in EVENT_NAMES:
            raise ValueError(f"unknown event {name!r}")
        self._listeners[name].append(listener)

    def emit(self, name: str, err: Exception | None = None, payload: dict | None = None) -> None:
        payload = payload if payload is not None else {}
        for listener in self._listeners.get(name, ()):
            listener(err, payload)
        for listener in self._listeners.get("*", ()):
            listener(name, err, payload)
