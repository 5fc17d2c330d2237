"""The Python API: ``runner.run(...)`` does what ``pmreplay run`` does and returns the summary.

Why a function with keyword arguments rather than the CLI's flags: programs and pytest
fixtures hand over Python objects (dicts, scopes, row lists) as readily as file paths, and
read the typed summary instead of parsing a report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from runner.collection import Collection, build_collection, load_collection
from runner.envfiles import export_scope, load_scope
from runner.errors import PmreplayError
from runner.events import EventBus
from runner.iterdata import load_iteration_data, parse_json_rows
from runner.loop import Runner, RunOptions
from runner.masking import Masker
from runner.reporters import ReporterContext, make_reporters
from runner.reporters._files import write_atomic
from runner.sending import SendOptions
from runner.summary import RunSummary
from runner.variables import VariableScope

ScopeSource = str | Path | dict | VariableScope | Sequence[str | Path] | None


def _as_collection(collection: str | Path | dict | Collection) -> Collection:
    if isinstance(collection, Collection):
        return collection
    if isinstance(collection, dict):
        return build_collection(collection, "<collection>")
    return load_collection(str(collection))


def _as_scope(source: ScopeSource, kind: str) -> VariableScope:
    if source is None:
        return VariableScope([], kind=kind)
    if isinstance(source, VariableScope):
        return source
    if isinstance(source, dict):
        if isinstance(source.get("values"), list):
            for index, entry in enumerate(source["values"]):
                if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
                    raise PmreplayError(f"{kind}: values[{index}] must be an object with a string 'key'")
            return VariableScope(list(source["values"]), name=str(source.get("name") or ""), id=source.get("id"),
                                 kind=kind)
        return VariableScope([{"key": k, "value": v, "type": "any" if not isinstance(v, str) else "string"}
                              for k, v in source.items()], kind=kind)
    if isinstance(source, (str, Path)):
        return load_scope([str(source)], kind)
    return load_scope([str(p) for p in source], kind)


def _as_rows(data: str | Path | list[dict] | None) -> list[dict] | None:
    if data is None:
        return None
    if isinstance(data, list):
        return parse_json_rows(data, "iteration data")
    return load_iteration_data(str(data))


def _check_whole(name: str, value: Any, minimum: int, optional: bool = False) -> None:
    """Numbers from Python callers (config files, fixtures) get the CLI's one-line errors too."""
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise PmreplayError(f"{name} must be a whole number of at least {minimum}, got {value!r}")


def run(
    collection: str | Path | dict | Collection,
    *,
    environment: ScopeSource = None,
    globals: ScopeSource = None,  # noqa: A002 - Newman's name for the scope
    iteration_data: str | Path | list[dict] | None = None,
    iteration_count: int | None = None,
    folders: Iterable[str] = (),
    preserve_order: bool = False,
    env_vars: dict[str, Any] | None = None,
    env_defaults: dict[str, Any] | None = None,
    secret_keys: Iterable[str] = (),
    global_vars: dict[str, Any] | None = None,
    reporters: Iterable[str] = (),
    reporter_options: dict[str, dict[str, Any]] | None = None,
    bail: str | None = None,
    delay_request_ms: int = 0,
    timeout_ms: int = 0,
    timeout_script_ms: int | None = None,
    file_map: dict[str, str] | None = None,
    response_hooks: Iterable[Any] = (),
    send_options: SendOptions | None = None,
    export_environment: str | None = None,
    export_globals: str | None = None,
    export_collection: str | None = None,
    export_cookie_jar: str | None = None,
    mask_secrets: bool = True,
    color: bool = False,
    verbose: bool = False,
    silent: bool = False,
    unicode: bool = True,
    stream: IO[str] | None = None,
    bus: EventBus | None = None,
) -> RunSummary:
    """Run a collection and return its summary (``summary.exit_code`` is what the CLI would exit with).

    ``env_vars`` override the environment files (``--env-var``); ``env_defaults`` only fill
    keys the environment leaves unset or empty (how ``--emulator`` supplies its addresses);
    ``secret_keys`` names defaults to type ``secret`` so they are masked.
    """
    _check_whole("iteration_count", iteration_count, 1, optional=True)
    _check_whole("delay_request_ms", delay_request_ms, 0)
    _check_whole("timeout_ms", timeout_ms, 0)
    _check_whole("timeout_script_ms", timeout_script_ms, 0, optional=True)
    if bail is not None and (not isinstance(bail, str) or not set(bail.split(",")) <= {"failure", "folder"}):
        raise PmreplayError(f"bail must be 'failure', 'folder' or 'failure,folder', got {bail!r}")
    if isinstance(reporters, str):  # "cli,json", as on the command line
        reporters = [name.strip() for name in reporters.split(",") if name.strip()]
    if isinstance(folders, str):
        folders = [folders]
    loaded = _as_collection(collection)
    env_scope = _as_scope(environment, "environment")
    globals_scope = _as_scope(globals, "globals")
    for key, value in (env_vars or {}).items():
        env_scope.set(key, value)
    for key, value in (global_vars or {}).items():
        globals_scope.set(key, value)
    secret_names = set(secret_keys)
    for key, value in (env_defaults or {}).items():
        if env_scope.get(key) in (None, ""):
            env_scope.set(key, value, "secret" if key in secret_names else None)
    options = RunOptions(
        iteration_count=iteration_count, iteration_data=_as_rows(iteration_data), folders=list(folders),
        preserve_order=preserve_order, delay_request_ms=delay_request_ms, bail=bail, timeout_ms=timeout_ms,
        timeout_script_ms=timeout_script_ms, file_map=dict(file_map or {}),
        response_hooks=list(response_hooks), send=send_options or SendOptions(),
    )
    bus = bus or EventBus()
    runner = Runner(loaded, environment=env_scope, globals_=globals_scope, options=options, bus=bus)
    summary = RunSummary(bus)
    masker = Masker.from_scopes(env_scope, globals_scope, runner.collection_variables, enabled=mask_secrets)

    def context_for(name: str) -> ReporterContext:
        return ReporterContext(bus=bus, summary=summary, masker=masker,
                               options=(reporter_options or {}).get(name, {}), stream=stream, color=color,
                               verbose=verbose, silent=silent, unicode=unicode)

    def learn_credentials(err, payload) -> None:
        # credentials sent in headers also appear in echoed bodies and logs: mask their values everywhere
        for header in payload.get("request", {}).get("header", []):
            if masker.enabled and str(header.get("key", "")).lower() in masker.headers:
                value = str(header.get("value", ""))
                masker.add_secret(value)
                masker.add_secret(value.partition(" ")[2])

    def learn_scope_secrets(err=None, payload=None) -> None:
        # a script may set a value typed secret (a fresh token): mask it from then on, before it is shown
        for secret in Masker.scope_secrets(env_scope, globals_scope, runner.collection_variables):
            masker.add_secret(secret)

    bus.on("beforeRequest", learn_credentials)
    for event in ("beforeRequest", "console", "assertion", "exception"):
        bus.on(event, learn_scope_secrets)
    active = make_reporters(list(reporters), context_for)
    for warning in loaded.warnings:
        summary.warnings.append(warning)
    try:
        runner.run()
        if export_cookie_jar:
            runner.export_cookie_jar(export_cookie_jar)
    finally:
        runner.close()
    learn_scope_secrets()
    for reporter in active:
        reporter.finish()
    if export_environment:
        export_scope(env_scope, export_environment)
    if export_globals:
        export_scope(globals_scope, export_globals)
    if export_collection:
        data = loaded.to_json()
        data["variable"] = runner.collection_variables.values
        write_atomic(export_collection, json.dumps(data, indent=2))
    return summary
