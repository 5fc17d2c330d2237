"""Fixtures for people who prefer writing Python tests around whole collection runs.

Why a factory: one test may run several collections, or one collection with different
variables, and then assert on the typed ``RunSummary`` (executions, assertions, exported
environment) rather than on pass/fail alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from runner.pytest_plugin.session import plugin_session


@pytest.fixture
def pmreplay_run(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """``pmreplay_run(collection, *, emulator=None, **run_kwargs) -> RunSummary``.

    Runs through ``runner.api.run`` with the session's ``--pmreplay-*`` environments,
    globals, env vars, ``--connect-to`` rules and emulator as defaults; keyword arguments
    override them (``env_vars`` are merged). ``emulator=True`` starts the session's AEP
    emulator even without ``--pmreplay-emulator``. A relative collection path that does not
    exist from the current directory is looked up beside the test module.
    """
    psession = plugin_session(request.config)

    def run_collection(collection: Any, *, emulator: bool | None = None, **kwargs: Any) -> Any:
        from runner.api import run

        if isinstance(collection, (str, Path)) and not Path(collection).is_absolute():
            beside = Path(request.path).parent / collection
            if not Path(collection).exists() and beside.exists():
                collection = beside
        working_dir = str(Path(collection).parent) if isinstance(collection, (str, Path)) else None
        arguments = psession.run_arguments(emulator=emulator, working_dir=working_dir)
        env_vars = {**arguments.pop("env_vars"), **(kwargs.pop("env_vars", None) or {})}
        arguments.update(kwargs)
        return run(collection, env_vars=env_vars, **arguments)

    return run_collection


@pytest.fixture(scope="session")
def pmreplay_emulator(pytestconfig: pytest.Config) -> Any:
    """The session's running AEP emulator (``runner.cli_emulator.EmulatorLink``), started on first use."""
    return plugin_session(pytestconfig).emulator()
