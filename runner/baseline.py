"""Regression baselines: record every response of a known-good run, then compare later runs with it.

Why files per response rather than one snapshot: baselines are reviewed in pull requests, so
each response lives in its own pretty-printed JSON file at a stable, readable path
(``DIR/<folder>/<request>/iteration-1.json``, names lower-cased and reduced to
``[a-z0-9._-]``), and a change to one response is a small diff in one file.

A file holds ``status``, the chosen ``headers`` (``content-type`` unless configured with
``--baseline-header`` or ``baseline: headers:`` in the checks file) and the body as ``json``
(when it parses) or ``text``; ``request`` ("GET url") is there for the reader and is not
compared. ``--ignore JSONPATH`` (and ``ignore:`` in the checks file, globally or per request)
removes volatile fields from both sides before comparing; ``$`` is the response body.
Differences become one failed assertion per request, ``[baseline] <file>``, listing each
difference by JSONPath (expected vs actual) or, for text bodies, a unified diff.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from runner.checks import config_from_args, inspect, same
from runner.collection import Item, Node
from runner.errors import PmreplayError
from runner.jsonpaths import JsonPathError, compile_path, format_path, without
from runner.variables import VariableScope

DEFAULT_HEADERS = ("content-type",)
MAX_DIFF_LINES = 40
"""Beyond this a failure message stops being readable; the count of the rest is still given."""
_UNSAFE = re.compile(r"[^a-z0-9._-]+")


class BaselineError(PmreplayError):
    """A bad baseline option or directory."""


def slug(name: str) -> str:
    """A file-name-safe, case-stable form of a folder or request name."""
    text = _UNSAFE.sub("-", name.strip().lower()).strip("-.")
    return re.sub(r"-{2,}", "-", text) or "unnamed"


def _node_slug(node: Node) -> str:
    """The node's slug, made unique among its siblings (``name``, ``name-2``, ...) in collection order."""
    own = slug(node.name)
    parent = node.parent
    if parent is None:
        return own
    same_slug = [child for child in parent.children if slug(child.name) == own]
    position = next(i for i, child in enumerate(same_slug) if child is node)
    return own if position == 0 else f"{own}-{position + 1}"


def relative_path(item: Item, iteration: int, repeat: int = 1) -> Path:
    """Where one execution's baseline lives under the baseline directory."""
    parts = [_node_slug(node) for node in [*item.ancestors()[1:], item]]
    name = f"iteration-{iteration + 1}" + (f".run-{repeat}" if repeat > 1 else "") + ".json"
    return Path(*parts, name)


MASK = "********"


def secret_values(environment: VariableScope | None) -> list[str]:
    """Values of ``secret``-typed environment entries: baselines get committed, tokens must not be."""
    if environment is None:
        return []
    values = {str(e.get("value")) for e in environment.values
              if e.get("type") == "secret" and not e.get("disabled") and len(str(e.get("value") or "")) >= 4}
    return sorted(values, key=len, reverse=True)


def redact(value: Any, secrets: list[str]) -> Any:
    """``value`` with every occurrence of a secret replaced by a mask, at any depth."""
    if not secrets:
        return value
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, MASK)
        return value
    if isinstance(value, list):
        return [redact(v, secrets) for v in value]
    if isinstance(value, dict):
        return {k: redact(v, secrets) for k, v in value.items()}
    return value


def snapshot(exchange: Any, headers: list[str], secrets: list[str] | None = None) -> dict:
    """The recorded form of one exchange (secret values masked, so both sides of a comparison agree)."""
    request = exchange.request or {}
    record: dict[str, Any] = {"request": f"{request.get('method', '')} {request.get('url', '')}".strip()}
    response = exchange.response
    if response is None:
        record["error"] = exchange.error or "no response"
        return redact(record, secrets or [])
    record["status"] = response.code
    chosen: dict[str, str] = {}
    wanted = [h.lower() for h in headers]
    for header in response.header:
        key = str(header.get("key", "")).lower()
        if key in wanted and key not in chosen:
            chosen[key] = str(header.get("value", ""))
    record["headers"] = {key: chosen[key] for key in sorted(chosen)}
    text = response.body.decode("utf-8", errors="replace")
    try:
        if not text.strip():
            raise ValueError("empty")
        record["json"] = json.loads(text)
    except ValueError:
        record["text"] = text
    return redact(record, secrets or [])


def dump(record: dict) -> str:
    return json.dumps(record, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


# --------------------------------------------------------------------------- differences


def json_differences(expected: Any, actual: Any, path: list[str | int] | None = None) -> list[str]:
    """Each difference as ``$.path: expected X, got Y`` (missing and unexpected keys included)."""
    path = path or []
    where = format_path(path)
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines: list[str] = []
        for key in expected:
            if key not in actual:
                lines.append(f"{format_path([*path, key])}: missing (expected {inspect(expected[key])})")
            else:
                lines.extend(json_differences(expected[key], actual[key], [*path, key]))
        for key in actual:
            if key not in expected:
                lines.append(f"{format_path([*path, key])}: unexpected (got {inspect(actual[key])})")
        return lines
    if isinstance(expected, list) and isinstance(actual, list):
        lines = []
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            lines.extend(json_differences(left, right, [*path, index]))
        for index in range(len(actual), len(expected)):
            lines.append(f"{format_path([*path, index])}: missing (expected {inspect(expected[index])})")
        for index in range(len(expected), len(actual)):
            lines.append(f"{format_path([*path, index])}: unexpected (got {inspect(actual[index])})")
        return lines
    if same(expected, actual):
        return []
    return [f"{where}: expected {inspect(expected)}, got {inspect(actual)}"]


def text_differences(expected: str, actual: str) -> list[str]:
    if expected == actual:
        return []
    return [line.rstrip("\n") for line in difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), "baseline", "response", n=2)]


def differences(expected: dict, actual: dict, ignore: list[str]) -> list[str]:
    """Everything that differs between a recorded and a fresh snapshot, ignored paths left out."""
    if "error" in expected or "error" in actual:
        if expected.get("error") and actual.get("error"):
            return []
        if actual.get("error"):
            return [f"no response: {actual['error']} (the baseline has status {expected.get('status')})"]
        return [f"got status {actual.get('status')}, but the baseline recorded no response ({expected['error']})"]
    lines: list[str] = []
    if expected.get("status") != actual.get("status"):
        lines.append(f"status: expected {expected.get('status')}, got {actual.get('status')}")
    want, got = expected.get("headers") or {}, actual.get("headers") or {}
    for key in sorted(set(want) | set(got)):
        if want.get(key) != got.get(key):
            lines.append(f"header {key}: expected {inspect(want.get(key)) if key in want else 'absent'}, "
                         f"got {inspect(got.get(key)) if key in got else 'absent'}")
    if "json" in expected and "json" in actual:
        try:
            lines.extend(json_differences(without(expected["json"], ignore), without(actual["json"], ignore)))
        except JsonPathError as exc:
            lines.append(str(exc))
    elif "text" in expected and "text" in actual:
        lines.extend(text_differences(expected["text"], actual["text"]))
    else:
        kind = {True: "JSON", False: "text"}
        lines.append(f"body: expected {kind['json' in expected]}, got {kind['json' in actual]}")
    return lines


def _shorten(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_DIFF_LINES:
        return lines
    return [*lines[:MAX_DIFF_LINES], f"... and {len(lines) - MAX_DIFF_LINES} more"]


# --------------------------------------------------------------------------- hooks


class _Executions:
    """Counts runs of one item within one iteration (``setNextRequest`` may revisit an item)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, int], int] = {}

    def next(self, item: Item, iteration: int) -> int:
        key = (item.id, iteration)
        self._seen[key] = self._seen.get(key, 0) + 1
        return self._seen[key]


class BaselineRecorder:
    """``ResponseHook`` writing one file per execution; it adds no assertions unless a write fails."""

    def __init__(self, directory: str | Path, headers: list[str] | tuple[str, ...] = DEFAULT_HEADERS) -> None:
        self.directory = Path(directory)
        self.headers = list(headers)
        self._executions = _Executions()

    def __call__(self, item: Item, exchange: Any, cursor: dict, environment: VariableScope) -> list[dict]:
        iteration = int(cursor.get("iteration", 0))
        relative = relative_path(item, iteration, self._executions.next(item, iteration))
        target = self.directory / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(target.name + ".tmp")
            temporary.write_text(dump(snapshot(exchange, self.headers, secret_values(environment))), encoding="utf-8")
            temporary.replace(target)
        except OSError as exc:
            return [{"name": f"[baseline] {relative.as_posix()}", "passed": False, "skipped": False,
                     "error": {"name": "BaselineError", "message": f"cannot write {target}: {exc.strerror or exc}"}}]
        return []


class BaselineComparer:
    """``ResponseHook`` comparing each execution with its recorded file: one assertion per execution."""

    def __init__(self, directory: str | Path, headers: list[str] | tuple[str, ...] = DEFAULT_HEADERS,
                 ignore: list[str] | tuple[str, ...] = (),
                 ignore_for: Callable[[Item], list[str]] | None = None) -> None:
        self.directory = Path(directory)
        self.headers = list(headers)
        self.ignore = list(ignore)
        self.ignore_for = ignore_for
        self._executions = _Executions()

    def __call__(self, item: Item, exchange: Any, cursor: dict, environment: VariableScope) -> list[dict]:
        iteration = int(cursor.get("iteration", 0))
        relative = relative_path(item, iteration, self._executions.next(item, iteration))
        name = f"[baseline] {relative.as_posix()}"
        source = self.directory / relative
        try:
            expected = json.loads(source.read_text(encoding="utf-8"))
            if not isinstance(expected, dict):
                raise ValueError("not a JSON object")
        except FileNotFoundError:
            return [_failure(name, f"no baseline at {source}; record it with --record-baseline {self.directory}")]
        except (OSError, ValueError) as exc:
            return [_failure(name, f"cannot read baseline {source}: {exc}")]
        # compare only the headers the baseline chose plus the configured ones
        headers = sorted({*self.headers, *(expected.get("headers") or {})})
        ignore = self.ignore + (self.ignore_for(item) if self.ignore_for else [])
        found = differences(expected, snapshot(exchange, headers, secret_values(environment)), ignore)
        if not found:
            return [{"name": name, "passed": True, "skipped": False, "error": None}]
        message = "\n".join([f"response differs from baseline {source}:", *_shorten(found)])
        return [_failure(name, message)]


def _failure(name: str, message: str) -> dict:
    return {"name": name, "passed": False, "skipped": False, "error": {"name": "AssertionError", "message": message}}


# --------------------------------------------------------------------------- the CLI extension


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("regression baselines")
    group.add_argument("--record-baseline", metavar="DIR", help="store every response under DIR")
    group.add_argument("--compare-baseline", metavar="DIR",
                       help="compare every response with the one recorded under DIR; differences fail")
    group.add_argument("--ignore", action="append", default=[], metavar="JSONPATH",
                       help="leave this body path out of baseline comparisons (e.g. '$..id'); repeatable")
    group.add_argument("--baseline-header", action="append", default=[], metavar="NAME",
                       help="also keep this response header in baselines (default: content-type); repeatable")


def response_hooks(args: argparse.Namespace) -> list:
    if args.record_baseline and args.compare_baseline:
        raise BaselineError("--record-baseline and --compare-baseline cannot be used in the same run")
    for expression in args.ignore:
        try:
            compile_path(expression)
        except JsonPathError as exc:
            raise BaselineError(f"--ignore: {exc}") from None
    if not (args.record_baseline or args.compare_baseline):
        return []
    config = config_from_args(args)
    headers = sorted({*DEFAULT_HEADERS, *(h.lower() for h in config.baseline_headers),
                      *(h.lower() for h in args.baseline_header)})
    if args.record_baseline:
        directory = Path(args.record_baseline)
        if directory.exists() and not directory.is_dir():
            raise BaselineError(f"--record-baseline: '{directory}' exists and is not a directory")
        return [BaselineRecorder(directory, headers)]
    directory = Path(args.compare_baseline)
    if not directory.is_dir():
        raise BaselineError(f"--compare-baseline: no baseline directory '{directory}' "
                            f"(record one with --record-baseline {directory})")
    return [BaselineComparer(directory, headers, list(args.ignore), config.ignore_for)]

