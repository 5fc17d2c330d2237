"""Command-line options and ini keys of the pytest plugin, resolved once per pytest run.

Why one ``Settings`` object: every collection file and the ``pmreplay_run`` fixture need the
same environments, variables and routing, and bad values must stop pytest with one clear
line (``pytest.UsageError``) before anything is collected, not fail each test separately.

Precedence: a list given on the command line replaces the ini list (as pytest does for its
own options), except ``--pmreplay-env-var``, which is merged over the ini pairs key by key.
Relative paths from the command line resolve against the directory pytest was started in;
relative paths from the ini file resolve against the ini file's directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

DEFAULT_PATTERN = "test_*.postman_collection.json"
"""Opt-in by name, like ``test_*.py`` and Tavern's ``test_*.tavern.yaml``: collections kept
as fixtures or examples beside tests are never run by accident. Name a collection file on
the command line to run it whatever its name, or widen the pattern in the ini file."""

EXPLICIT_SUFFIX = ".postman_collection.json"


@dataclass
class Settings:
    """What every collection run in this pytest session shares."""

    patterns: list[str] = field(default_factory=lambda: [DEFAULT_PATTERN])
    environments: list[str] = field(default_factory=list)
    globals: list[str] = field(default_factory=list)
    iteration_data: str | None = None
    iteration_count: int | None = None
    folders: list[str] = field(default_factory=list)
    connect_to: list[tuple[str, str, str, str]] = field(default_factory=list)
    env_vars: dict[str, str] = field(default_factory=dict)
    emulator: bool = False
    emulator_data_dir: str | None = None
    insecure: bool = False
    timeout_request_ms: int = 0


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("pmreplay", "Postman collections as tests (pmreplay)")
    group.addoption("--pmreplay-pattern", action="append", default=[], metavar="GLOB",
                    help=f"file name pattern of collections to collect (repeatable; default {DEFAULT_PATTERN})")
    group.addoption("--pmreplay-environment", action="append", default=[], metavar="FILE",
                    help="environment file (Postman JSON or YAML); repeatable, later files win")
    group.addoption("--pmreplay-globals", action="append", default=[], metavar="FILE", help="globals file; repeatable")
    group.addoption("--pmreplay-iteration-data", metavar="FILE", help="CSV or JSON iteration data")
    group.addoption("--pmreplay-iteration-count", metavar="N", help="number of iterations")
    group.addoption("--pmreplay-folder", action="append", default=[], metavar="NAME",
                    help="run only this folder or request of each collection; repeatable")
    group.addoption("--pmreplay-connect-to", action="append", default=[], metavar="HOST1:PORT1:HOST2:PORT2",
                    help="send requests for HOST1:PORT1 to HOST2:PORT2; repeatable")
    group.addoption("--pmreplay-env-var", action="append", default=[], metavar="KEY=VALUE",
                    help="set an environment variable for the runs; repeatable")
    group.addoption("--pmreplay-emulator", action="store_true", default=None,
                    help="start the AEP emulator once for the session and point the runs at it")
    group.addoption("--pmreplay-emulator-data-dir", metavar="DIR", help="keep the emulator's data here")
    group.addoption("--pmreplay-insecure", action="store_true", default=None, help="do not verify TLS certificates")
    group.addoption("--pmreplay-timeout-request", metavar="MS", help="time limit per request in milliseconds")

    parser.addini("pmreplay_pattern", "file name patterns of collections to collect", type="args",
                  default=[DEFAULT_PATTERN])
    parser.addini("pmreplay_environment", "environment files, one per line", type="paths", default=[])
    parser.addini("pmreplay_globals", "globals files, one per line", type="paths", default=[])
    parser.addini("pmreplay_iteration_data", "CSV or JSON iteration data file", type="paths", default=[])
    parser.addini("pmreplay_iteration_count", "number of iterations", type="string", default="")
    parser.addini("pmreplay_folder", "folders or requests to run, one per line", type="linelist", default=[])
    parser.addini("pmreplay_connect_to", "HOST1:PORT1:HOST2:PORT2 rules, one per line", type="linelist", default=[])
    parser.addini("pmreplay_env_var", "KEY=VALUE environment variables, one per line", type="linelist", default=[])
    parser.addini("pmreplay_emulator", "start the AEP emulator for the session", type="bool", default=False)
    parser.addini("pmreplay_insecure", "do not verify TLS certificates", type="bool", default=False)
    parser.addini("pmreplay_timeout_request", "time limit per request in milliseconds", type="string", default="")


def _cli_paths(config: pytest.Config, values: list[str]) -> list[str]:
    base = config.invocation_params.dir
    return [str((base / value) if not Path(value).is_absolute() else Path(value)) for value in values]


def _whole_number(text: str, option: str, minimum: int) -> int:
    try:
        value = int(str(text).strip())
    except ValueError:
        raise pytest.UsageError(f"{option}: expected a whole number, got '{text}'") from None
    if value < minimum:
        raise pytest.UsageError(f"{option}: must be at least {minimum}, got {value}")
    return value


def _pairs(lines: list[str], option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise pytest.UsageError(f"{option}: expected KEY=VALUE, got '{line}'")
        out[key.strip()] = value
    return out


def read_settings(config: pytest.Config) -> Settings:
    """Options and ini keys into ``Settings``; raises ``pytest.UsageError`` on a bad value."""
    opt = config.option
    settings = Settings()
    settings.patterns = list(opt.pmreplay_pattern) or list(config.getini("pmreplay_pattern")) or [DEFAULT_PATTERN]
    settings.environments = (_cli_paths(config, opt.pmreplay_environment)
                             or [str(p) for p in config.getini("pmreplay_environment")])
    settings.globals = _cli_paths(config, opt.pmreplay_globals) or [str(p) for p in config.getini("pmreplay_globals")]
    if opt.pmreplay_iteration_data:
        settings.iteration_data = _cli_paths(config, [opt.pmreplay_iteration_data])[0]
    elif config.getini("pmreplay_iteration_data"):
        settings.iteration_data = str(config.getini("pmreplay_iteration_data")[0])
    count = opt.pmreplay_iteration_count or config.getini("pmreplay_iteration_count")
    if str(count).strip():
        settings.iteration_count = _whole_number(count, "--pmreplay-iteration-count", 1)
    settings.folders = list(opt.pmreplay_folder) or list(config.getini("pmreplay_folder"))
    rules = list(opt.pmreplay_connect_to) or list(config.getini("pmreplay_connect_to"))
    if rules:  # imported only when used: pytest loads this plugin in every session of the environment
        from runner.connect_to import parse_connect_to
    for rule in rules:
        try:
            settings.connect_to.append(parse_connect_to(rule))
        except ValueError as exc:
            raise pytest.UsageError(f"--pmreplay-connect-to: {exc}") from None
    settings.env_vars = {**_pairs(list(config.getini("pmreplay_env_var")), "pmreplay_env_var"),
                         **_pairs(list(opt.pmreplay_env_var), "--pmreplay-env-var")}
    settings.emulator = bool(opt.pmreplay_emulator if opt.pmreplay_emulator is not None
                             else config.getini("pmreplay_emulator"))
    if opt.pmreplay_emulator_data_dir:
        settings.emulator_data_dir = _cli_paths(config, [opt.pmreplay_emulator_data_dir])[0]
    settings.insecure = bool(opt.pmreplay_insecure if opt.pmreplay_insecure is not None
                             else config.getini("pmreplay_insecure"))
    timeout = opt.pmreplay_timeout_request or config.getini("pmreplay_timeout_request")
    if str(timeout).strip():
        settings.timeout_request_ms = _whole_number(timeout, "--pmreplay-timeout-request", 0)
    return settings
