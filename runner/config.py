"""Defaults for ``pmreplay run`` from configuration files.

Why: a team that runs the same collection in CI and on laptops wants the environment
file, reporters and timeouts written down once, next to the project, instead of in
every shell history; and teams moving from Newman already have a ``.newmanrc``.

Where settings come from, highest precedence first:

1. the command line;
2. the nearest project file: walking from the current directory upwards (stopping at a
   folder that holds ``.git``/``.hg``/``.svn``, or at the filesystem root), the first
   folder with a ``pmreplay.toml`` (top-level keys) or a ``pyproject.toml`` that has a
   ``[tool.pmreplay]`` table; in one folder ``pmreplay.toml`` wins and the
   ``pyproject.toml`` beside it is not read (a ``pyproject.toml`` without the table is
   passed over);
3. Newman's rc files, as Newman merges them: ``./.newmanrc`` over
   ``~/.postman/newmanrc`` over ``/etc/postman/newmanrc`` (JSON, Newman's camelCase
   option names; when any of them has a ``run`` object, only the ``run`` objects count,
   as in Newman, which merges the files and then keeps ``run``);
4. the built-in defaults.

Keys are the ``run`` options: the argparse dest or long flag name, with ``-`` or ``_``
(``iteration_count``, ``iteration-count``, ``no-color``), or Newman's camelCase
(``iterationCount``, ``timeoutRequest``, ``insecureFileRead: false``). Reporter options
live under ``reporter.<name>.<option>`` (TOML ``[tool.pmreplay.reporter.json]
export = "out/run.json"``, Newman ``"reporter": {"json": {"export": ...}}``) and reach
the reporter exactly like ``--reporter-json-export``. Values are checked with the same
rules as the flags; an unknown key or a bad value is a one-line error naming the file.

Lists: ``environment``, ``globals``, ``env_var``, ``global_var`` and the other
repeatable options take the configured entries first and the command line's after, so
a ``-e override.json`` layers over the configured base file and ``--env-var`` wins per
key. ``folder`` is the exception: a ``--folder`` on the command line *replaces* the
configured selection (running both would surprise anyone narrowing a run by hand).

Relative paths (options whose value is a FILE or DIR, ``map_file`` targets, reporter
``export``) resolve against the folder of the TOML file that names them. In rc files
they stay relative to the current directory, because Newman opens them from there and a
``.newmanrc`` must mean the same thing to both tools.

``PMREPLAY_NO_CONFIG=1`` in the process environment skips every file (CI jobs that must
not pick up a developer's settings).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runner.envfiles import decode_text
from runner.errors import PmreplayError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPORTER_KEY = "reporter_options"
"""Key of the merged reporter options (``{name: {option: value}}``) in the defaults dict."""
REPLACED_LISTS = frozenset({"folder"})
"""Repeatable options where the command line replaces the configuration instead of adding to it."""
VCS_MARKERS = (".git", ".hg", ".svn")
PATH_METAVARS = frozenset({"FILE", "DIR"})
PATH_REPORTER_OPTIONS = frozenset({"export", "template"})
NOT_SETTINGS = frozenset({"help", "collection"})
ALIASES = {"insecure_file_read": "no_insecure_file_read"}
"""Newman's positive spellings of our negative flags."""
_UNSET = object()


class ConfigError(PmreplayError):
    """A configuration file is unreadable or names an unknown or invalid setting."""


@dataclass
class Layer:
    """The settings of one file, already checked and with paths resolved."""

    label: str
    values: dict[str, Any] = field(default_factory=dict)
    reporters: dict[str, dict[str, Any]] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Finding files


def find_project_config(cwd: str | os.PathLike[str]) -> tuple[Path, dict] | None:
    """The nearest ``pmreplay.toml`` or ``pyproject.toml`` with ``[tool.pmreplay]``, and its table."""
    start = Path(cwd).resolve()
    for folder in (start, *start.parents):
        own = folder / "pmreplay.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("pmreplay")
            if table is not None:
                if not isinstance(table, dict):
                    raise ConfigError(f"{pyproject}: [tool.pmreplay] must be a table")
                return pyproject, table
        if any((folder / marker).exists() for marker in VCS_MARKERS):
            break
    return None


def newmanrc_paths(cwd: str | os.PathLike[str], home: str | os.PathLike[str] | None = None) -> list[Path]:
    """Newman's rc files, lowest precedence first (the order Newman merges them in)."""
    paths: list[Path] = []
    if os.name != "nt":
        paths.append(Path("/etc/postman/newmanrc"))
    home_dir = home if home is not None else os.environ.get("USERPROFILE" if os.name == "nt" else "HOME")
    if home_dir:
        paths.append(Path(home_dir) / ".postman" / "newmanrc")
    paths.append(Path(cwd) / ".newmanrc")
    return paths


def _read_toml(path: Path) -> dict:
    try:
        text = decode_text(path.read_bytes(), str(path), ConfigError)
        return tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _read_newmanrc(path: Path) -> dict | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode_text(data, str(path), ConfigError).strip()
    if not text:
        return {}
    try:
        doc = json.loads(text)
    except ValueError as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if hasattr(exc, "lineno") else ""
        raise ConfigError(f"{path}: not valid JSON{where}: {getattr(exc, 'msg', exc)}") from None
    if not isinstance(doc, dict):
        raise ConfigError(f"{path}: expected a JSON object of Newman options")
    return doc


# ---------------------------------------------------------------------------
# Checking values against the run parser


def run_subparser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The ``run`` subcommand's parser inside the top-level ``pmreplay`` parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and "run" in action.choices:
            return action.choices["run"]
    return parser  # already the run parser


def _option_index(run: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """Setting name (normalised) -> the action that handles it: dest names and long flags."""
    index: dict[str, argparse.Action] = {}
    for action in run._actions:
        if action.dest in NOT_SETTINGS or action.dest == argparse.SUPPRESS:
            continue
        for flag in action.option_strings:
            if flag.startswith("--"):
                index.setdefault(_normalise(flag[2:]), action)
    for action in run._actions:
        if action.dest in NOT_SETTINGS or not action.option_strings:
            continue
        if isinstance(action, (argparse._StoreAction, argparse._AppendAction)):
            index[_normalise(action.dest.rstrip("_"))] = action
    for alias, target in ALIASES.items():
        if target in index:
            index[alias] = index[target]
    return index


def _normalise(key: str) -> str:
    """``iterationCount``, ``iteration-count`` and ``iteration_count`` all become ``iteration_count``."""
    key = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key)
    return key.replace("-", "_").lower()


def _dashed(key: str) -> str:
    """Reporter option names as the ``--reporter-<name>-<option>`` flag spells them."""
    return _normalise(key).replace("_", "-")


def _kind(value: Any) -> str:
    names = {dict: "a table", list: "a list", str: "a string", bool: "a boolean", int: "a number",
             float: "a number"}
    return names.get(type(value), type(value).__name__)


def _resolve(value: str, base: Path | None) -> str:
    if base is None or value == "-" or "://" in value or os.path.isabs(value):
        return value
    return str(base / value)


def _convert_scalar(action: argparse.Action, value: Any, where: str) -> Any:
    """One value through the flag's own type and choices, so a config means what the flag means."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise ConfigError(f"{where}: expected a value like the command line's, found {_kind(value)}")
    text = value if isinstance(value, str) else (repr(value) if isinstance(value, float) else str(value))
    if action.type is not None:
        try:
            converted = action.type(text)
        except (argparse.ArgumentTypeError, ValueError, TypeError) as exc:
            raise ConfigError(f"{where}: {exc}") from None
    else:
        converted = text
    if action.choices is not None and converted not in action.choices:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(map(str, action.choices))}")
    return converted


def _pairs(action: argparse.Action, value: Any, where: str) -> list[Any]:
    """Items of a KEY=VALUE list option: a table, Newman's ``[{key, value}]`` or ``"K=V"`` strings."""
    if isinstance(value, dict):
        return [(str(k), _pair_value(v, where)) for k, v in value.items()]
    items = value if isinstance(value, list) else [value]
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict) and "key" in item:
            out.append((str(item["key"]), _pair_value(item.get("value"), where)))
        else:
            out.append(_convert_scalar(action, item, where))
    return out


def _pair_value(value: Any, where: str) -> str:
    if isinstance(value, (dict, list)):
        raise ConfigError(f"{where}: values must be plain text, found {_kind(value)}")
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _convert(action: argparse.Action, key: str, value: Any, where: str, base: Path | None) -> tuple[str, Any]:
    """``(dest, value)`` for one setting."""
    dest = action.dest
    if isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction, argparse._StoreConstAction)):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, found {_kind(value)}")
        if isinstance(action, argparse._StoreConstAction) and not isinstance(
                action, (argparse._StoreTrueAction, argparse._StoreFalseAction)):
            return dest, action.const if value else _UNSET
        if dest == "no_insecure_file_read" and key == "insecure_file_read":
            return dest, not value  # Newman's positive spelling
        return dest, value if isinstance(action, argparse._StoreTrueAction) else not value
    if isinstance(action, argparse._AppendAction):
        if action.type is not None and getattr(action.type, "__name__", "") == "key_value":
            items = _pairs(action, value, where)
        else:
            items = [_convert_scalar(action, item, where) for item in (value if isinstance(value, list) else [value])]
        if action.metavar in PATH_METAVARS:
            items = [_resolve(item, base) for item in items]
        elif action.metavar == "SRC=PATH":
            items = [(src, _resolve(path, base)) for src, path in items]
        return dest, items
    if action.nargs == "?" and isinstance(value, bool):
        return dest, action.const if value else action.default
    if isinstance(value, list) and dest in ("reporters", "bail"):
        value = ",".join(str(v) for v in value)
    converted = _convert_scalar(action, value, where)
    if dest == "bail":
        from runner.cli import BAIL_MODIFIERS

        bad = [part for part in converted.split(",") if part not in BAIL_MODIFIERS]
        if bad:
            raise ConfigError(f"{where}: unknown modifier '{bad[0]}' (use true, failure or folder)")
    if action.metavar in PATH_METAVARS and isinstance(converted, str):
        converted = _resolve(converted, base)
    return dest, converted


def _reporter_options(table: Any, where: str, base: Path | None) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of reporter names, found {_kind(table)}")
    out: dict[str, dict[str, Any]] = {}
    for name, options in table.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{where}.{name}: expected a table of options, found {_kind(options)}")
        for option, value in options.items():
            if isinstance(value, (dict, list)) or value is None:
                raise ConfigError(f"{where}.{name}.{option}: expected a value, found {_kind(value)}")
            option_name = _dashed(option)
            if option_name in PATH_REPORTER_OPTIONS and isinstance(value, str):
                value = _resolve(value, base)
            elif not isinstance(value, (str, bool)):
                value = str(value)
            out.setdefault(str(name), {})[option_name] = value
    return out


def read_layer(settings: dict, label: str, index: dict[str, argparse.Action], base: Path | None) -> Layer:
    """Check one file's settings; ``base`` is where its relative paths start (None: the cwd)."""
    layer = Layer(label)
    for key, value in settings.items():
        if key == "reporter":
            layer.reporters = _reporter_options(value, f"{label}: reporter", base)
            continue
        name = _normalise(str(key).lstrip("-"))
        action = index.get(name)
        if action is None:
            hint = " (give the collection on the command line)" if name == "collection" else ""
            raise ConfigError(f"{label}: unknown setting '{key}'{hint}")
        dest, converted = _convert(action, name, value, f"{label}: {key}", base)
        if converted is not _UNSET:
            layer.values[dest] = converted
    return layer


# ---------------------------------------------------------------------------
# Putting the layers together


def load_layers(cwd: str | os.PathLike[str], parser: argparse.ArgumentParser | None = None,
                home: str | os.PathLike[str] | None = None) -> list[Layer]:
    """Every configuration file that applies, lowest precedence first."""
    if os.environ.get("PMREPLAY_NO_CONFIG"):
        return []
    if parser is None:
        from runner.cli import build_parser

        parser = build_parser()
    index = _option_index(run_subparser(parser))
    layers: list[Layer] = []
    rc_files = [(path, doc) for path in newmanrc_paths(cwd, home) if (doc := _read_newmanrc(path)) is not None]
    if any(isinstance(doc.get("run"), dict) for _, doc in rc_files):
        # Newman merges the files, then keeps only a "run" object when there is one
        rc_files = [(path, doc["run"]) for path, doc in rc_files if isinstance(doc.get("run"), dict)]
    for path, doc in rc_files:
        layers.append(read_layer(doc, str(path), index, None))
    found = find_project_config(cwd)
    if found is not None:
        path, table = found
        label = f"{path} [tool.pmreplay]" if path.name == "pyproject.toml" else str(path)
        layers.append(read_layer(table, label, index, path.parent))
    return layers


def merge_layers(layers: list[Layer]) -> dict[str, Any]:
    """Higher layers replace whole settings; reporter options merge option by option."""
    merged: dict[str, Any] = {}
    reporters: dict[str, dict[str, Any]] = {}
    for layer in layers:
        merged.update(layer.values)
        for name, options in layer.reporters.items():
            reporters.setdefault(name, {}).update(options)
    if reporters:
        merged[REPORTER_KEY] = reporters
    return merged


def load_run_defaults(cwd: str | os.PathLike[str], parser: argparse.ArgumentParser | None = None,
                      home: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Defaults for ``run``, keyed by argparse dest (reporter options under ``reporter_options``)."""
    return merge_layers(load_layers(cwd, parser, home))


def install_run_defaults(parser: argparse.ArgumentParser, cwd: str | os.PathLike[str]) -> dict[str, Any]:
    """Load the configuration and make it the ``run`` parser's defaults; returns what was loaded."""
    defaults = load_run_defaults(cwd, parser)
    plain = {k: v for k, v in defaults.items() if k != REPORTER_KEY and k not in REPLACED_LISTS}
    if plain:
        run_subparser(parser).set_defaults(**plain)
    return defaults


def finish_run_args(args: argparse.Namespace, defaults: dict[str, Any],
                    reporter_options: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """After parsing: configured folders when none were given, reporter options under the command line's."""
    for dest in REPLACED_LISTS:
        if dest in defaults and not getattr(args, dest, None):
            setattr(args, dest, list(defaults[dest]))
    merged = {name: dict(options) for name, options in defaults.get(REPORTER_KEY, {}).items()}
    for name, options in reporter_options.items():
        merged.setdefault(name, {}).update(options)
    return merged
