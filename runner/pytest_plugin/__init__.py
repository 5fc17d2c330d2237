"""pmreplay's pytest plugin (entry point ``pytest11``): Postman collections as pytest tests.

Why a plugin and not a wrapper script: CI already runs pytest, and pytest already has
selection (``-k``, ``-m pmreplay``), ``-x``, JUnit XML and the team's reporting. Each request
execution becomes one pytest item whose assertions decide its outcome.

Collected files: names matching ``--pmreplay-pattern`` / ini ``pmreplay_pattern`` (default
``test_*.postman_collection.json``) under the paths pytest collects from, plus any
``*.postman_collection.json`` named explicitly on the command line. The module imports
nothing heavy, because pytest loads it in every session of the environment.
"""

from __future__ import annotations

import os
from fnmatch import fnmatch

import pytest

from runner.pytest_plugin.fixtures import pmreplay_emulator, pmreplay_run
from runner.pytest_plugin.nodes import CollectionFile, RequestItem
from runner.pytest_plugin.options import EXPLICIT_SUFFIX, add_options
from runner.pytest_plugin.session import SESSION_KEY, plugin_session

__all__ = ["CollectionFile", "RequestItem", "pmreplay_emulator", "pmreplay_run"]


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "pmreplay: a request execution from a Postman collection")
    plugin_session(config)  # bad option values stop pytest here, in one line


def pytest_unconfigure(config: pytest.Config) -> None:
    session = config.stash.get(SESSION_KEY, None)
    if session is not None:
        session.close()


def pytest_collect_file(file_path, parent: pytest.Collector):
    name = file_path.name
    patterns = plugin_session(parent.config).settings.patterns
    if any(fnmatch(name, pattern) for pattern in patterns) or (
            name.endswith(EXPLICIT_SUFFIX) and parent.session.isinitpath(file_path)):
        return CollectionFile.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A request's reported duration is its own time in the run (the whole run happens in the first setup)."""
    report = yield
    if isinstance(item, RequestItem) and call.when == "call" and item.verdict is not None:
        if item.verdict.elapsed_s is not None:
            report.duration = item.verdict.elapsed_s
        if report.skipped and isinstance(report.longrepr, tuple):
            # point "SKIPPED [1] file:line: reason" at the collection, not at the plugin's source
            report.longrepr = (os.fspath(item.path), 1, report.longrepr[2])
    return report
