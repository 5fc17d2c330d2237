"""The pytest nodes: a collection file is a collector, each request x iteration an item.

Why the run happens once per file, in the first item's setup: a collection is a flow
(a token fetched by one request is used by the next), so its requests cannot run in
isolation or out of order. The file runs whole, once, when its first selected item is set
up; every item then reads its verdict from that run. Deselected items (``-k``) still run as
part of the flow; they are just not reported. With ``-x`` the run itself stops after the
first failing request, unless ``-k`` deselected some of the file's items (a deselected
request failing must not cut the flow short for a selected one after it).
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from typing import Any

import pytest

from runner.errors import PmreplayError
from runner.pytest_plugin.outcome import Key, RunVerdicts, Verdict, key_of
from runner.pytest_plugin.session import plugin_session


class RequestFailed(Exception):
    """A request's verdict was "failed"; the message is what pytest shows."""


class CollectionFile(pytest.File):
    """A ``*.postman_collection.json`` file; its children are request executions."""

    collection: Any = None
    _rows: list[dict] | None = None
    _count = 1
    _children = 0
    _verdicts: RunVerdicts | None = None
    _error: BaseException | None = None

    def collect(self):
        from runner.collection import load_collection
        from runner.iterdata import load_iteration_data

        settings = plugin_session(self.config).settings
        self.collection = load_collection(str(self.path))
        selected = self.collection.select(settings.folders)
        self._rows = load_iteration_data(settings.iteration_data) if settings.iteration_data else None
        self._count = settings.iteration_count or len(self._rows or []) or 1
        seen: Counter[str] = Counter()
        for iteration in range(self._count):
            for item in selected:
                base = " / ".join(part or "(unnamed)" for part in item.path())
                name = base if self._count == 1 else f"{base} [iteration-{iteration + 1}]"
                seen[name] += 1
                if seen[name] > 1:
                    name = f"{name} ({seen[name]})"
                self._children += 1
                yield RequestItem.from_parent(self, name=name, key=key_of(iteration, item),
                                              iteration=iteration, request_id=item.id)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PmreplayError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def _may_stop_early(self) -> bool:
        """``-x``: stop the run at the first failure when every item of this file is selected."""
        if self.config.option.maxfail != 1:
            return False
        mine = sum(1 for item in self.session.items if item.parent is self)
        return mine == self._children

    def verdicts(self) -> RunVerdicts:
        """Run the collection the first time an item asks; later items read the same run."""
        if self._verdicts is None and self._error is None:
            try:
                self._verdicts = self._run()
            except PmreplayError as exc:
                self._error = exc
        if self._error is not None:
            raise self._error
        assert self._verdicts is not None
        return self._verdicts

    def _run(self) -> RunVerdicts:
        from runner.api import run
        from runner.events import EventBus

        psession = plugin_session(self.config)
        arguments = psession.run_arguments(working_dir=str(self.path.parent))
        bail = "failure" if self._may_stop_early() else None
        bus = EventBus()
        started: dict[Key, float] = {}
        elapsed: dict[Key, float] = {}

        def before_item(err, payload) -> None:
            started[key_of(payload["cursor"].get("iteration"), payload["item"])] = time.perf_counter()

        def after_item(err, payload) -> None:
            key = key_of(payload["cursor"].get("iteration"), payload["item"])
            if key in started:
                elapsed[key] = elapsed.get(key, 0.0) + time.perf_counter() - started.pop(key)

        bus.on("beforeItem", before_item)
        bus.on("item", after_item)
        summary = run(self.collection, iteration_data=self._rows, iteration_count=self._count,
                      folders=psession.settings.folders, bail=bail, bus=bus, **arguments)
        return RunVerdicts(summary, elapsed, stopped_on_failure=bail is not None and summary.error is not None)


class RequestItem(pytest.Item):
    """One request in one iteration; passes, fails or skips as its assertions say."""

    def __init__(self, *, key: Key, iteration: int, request_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.key = key
        self.iteration = iteration
        self.request_id = request_id
        self.verdict: Verdict | None = None
        self.add_marker("pmreplay")

    @property
    def collection_file(self) -> CollectionFile:
        return self.parent  # type: ignore[return-value]

    def setup(self) -> None:
        # the run's time shows as this item's setup; its own problems (a missing environment
        # file) are reported by runtest, where repr_failure keeps them to one line
        with contextlib.suppress(PmreplayError):
            self.collection_file.verdicts()

    def runtest(self) -> None:
        self.verdict = verdict = self.collection_file.verdicts().verdict(self.key)
        if verdict.console:
            self.add_report_section("call", "pmreplay console", verdict.console)
        if verdict.status == "failed":
            raise RequestFailed(verdict.message)
        if verdict.status == "skipped":
            pytest.skip(verdict.message)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, RequestFailed):
            return str(excinfo.value)
        if isinstance(excinfo.value, PmreplayError):
            return f"pmreplay: {excinfo.value}"
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        # the domain heads failure sections; pytest rewrites dots as "::" in a domain that ends
        # the node id ("1. Login" -> "1:: Login"), so this one deliberately does not
        return self.path, None, f"{self.name} ({self.path.name})"
