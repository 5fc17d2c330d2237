"""Declarative captures and checks: pull values out of responses and assert on them without
editing the collection (you may not own it, and re-exporting it from Postman would lose them).

Why a hook and not generated JavaScript: the rules run after an item's test scripts as a
``runner.loop.ResponseHook``, in Python, so a typo is reported at start in one line instead of
as a script error in the middle of a run, and captured values land in the environment scope
exactly like ``pm.environment.set`` (the next request sees ``{{VAR}}``, ``--export-environment``
writes them).

Where rules come from
---------------------
- ``<collection>.pmreplay.yaml`` (or ``.yml``) beside the collection file, picked up
  automatically: ``orders.postman_collection.json`` -> ``orders.pmreplay.yaml``
  (``orders.json`` -> ``orders.pmreplay.yaml`` too). ``--checks FILE`` names another file,
  ``--no-checks`` ignores the automatic one.
- ``--capture 'Request:VAR=SOURCE'`` and ``--assert 'Request:SOURCE OP VALUE'`` (repeatable).

The YAML file::

    ignore: ["$..id", "$.items[*].createdAt"]   # baselines: paths left out of every comparison
    baseline:
      headers: [content-type, location]          # headers kept in baselines (default: content-type)
    requests:
      "Folder / Request":        # selector: request name, "Folder / Request" path, id, or "*"
        capture:
          TOKEN: $.access_token                  # VAR: SOURCE
          WHERE: {from: "header:Location", default: "none", secret: false}
        assert:
          - status == 201
          - $.id exists
          - $.items type is array
          - {that: $.count, op: ">=", value: 1}
        ignore: [$.etag]                         # baselines: extra paths for this request

SOURCE is ``status``, ``body`` (the text), ``header:Name``, ``cookie:name`` or a JSONPath
(jsonpath-ng's extended syntax) into the response JSON; a path matching several values
yields the list of them (stored as is, like ``pm.environment.set``: an object captured whole
reads as ``[object Object]`` in ``{{VAR}}``, so capture the scalar you need). OP is one of ``==  !=  <  <=  >  >=  contains  matches  exists
not exists  type is``; VALUE is read as a JSON literal when it is one (``200``, ``"a b"``,
``[1, 2]``, ``null``), else as plain text (``matches`` takes a regex, optionally ``/re/i``).
A capture that matches nothing (and has no ``default``) is a failed assertion; every check is
an assertion named ``[check] <its text>`` whose failure reads like chai's
(``expected 404 to equal 200``).
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from runner.collection import Group, Item, load_collection
from runner.errors import PmreplayError
from runner.jsonpaths import JsonPathError, compile_path, find
from runner.variables import VariableScope, js_number_to_string

CHECKS_SUFFIXES = (".pmreplay.yaml", ".pmreplay.yml")
OPERATORS = ("not exists", "exists", "type is", "contains", "matches", "==", "!=", "<=", ">=", "<", ">")
"""Longest first where one is a prefix of another, so ``<=`` is not read as ``<``."""
TYPE_NAMES = ("string", "number", "integer", "boolean", "object", "array", "null")
VAR_NAME = re.compile(r"[^\s:=]+")


class ChecksError(PmreplayError):
    """A bad checks file, ``--capture`` or ``--assert``."""


_MISSING = object()

_SOURCE_SCHEMA = {"type": "string", "minLength": 1}
SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "ignore": {"type": "array", "items": _SOURCE_SCHEMA},
        "baseline": {
            "type": "object", "additionalProperties": False,
            "properties": {"headers": {"type": "array", "items": _SOURCE_SCHEMA}},
        },
        "requests": {
            "type": "object",
            "additionalProperties": {
                "type": ["object", "null"], "additionalProperties": False,
                "properties": {
                    "capture": {
                        "type": "object",
                        "additionalProperties": {
                            "oneOf": [
                                _SOURCE_SCHEMA,
                                {"type": "object", "additionalProperties": False, "required": ["from"],
                                 "properties": {"from": _SOURCE_SCHEMA, "default": {}, "secret": {"type": "boolean"}}},
                            ],
                        },
                    },
                    "assert": {
                        "type": "array",
                        "items": {
                            "oneOf": [
                                _SOURCE_SCHEMA,
                                {"type": "object", "additionalProperties": False, "required": ["that", "op"],
                                 "properties": {"that": _SOURCE_SCHEMA, "op": {"enum": list(OPERATORS)},
                                                "value": {}}},
                            ],
                        },
                    },
                    "ignore": {"type": "array", "items": _SOURCE_SCHEMA},
                },
            },
        },
    },
}


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Check:
    """One assertion: ``source op expected``; ``text`` is how the user wrote it (the test's name)."""

    source: str
    op: str
    expected: Any = None
    raw: str = ""
    text: str = ""


@dataclass(frozen=True)
class Capture:
    var: str
    source: str
    default: Any = _MISSING
    secret: bool = False


@dataclass
class Rule:
    """Everything declared for one request selector."""

    selector: str
    captures: list[Capture] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    where: str = ""  # for error messages: the file and element, or the flag

    def applies_to(self, item: Item) -> bool:
        return selector_matches(self.selector, item)


@dataclass
class ChecksConfig:
    """A checks file and the command-line rules, merged."""

    rules: list[Rule] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    baseline_headers: list[str] = field(default_factory=list)
    source: str | None = None

    def ignore_for(self, item: Item) -> list[str]:
        """Baseline paths to leave out for this item: the global ones plus its rules' own."""
        paths = list(self.ignore)
        for rule in self.rules:
            if rule.ignore and rule.applies_to(item):
                paths.extend(rule.ignore)
        return paths

    @property
    def has_response_rules(self) -> bool:
        return any(rule.captures or rule.checks for rule in self.rules)


def _normal_path(text: str) -> str:
    return " / ".join(part.strip() for part in text.split("/"))


def selector_matches(selector: str, item: Item) -> bool:
    """A request by name, ``Folder / Request`` path (spaces around ``/`` optional), id, or ``*``."""
    if selector == "*" or selector == item.id or selector == item.name:
        return True
    return "/" in selector and _normal_path(selector) == _normal_path(" / ".join(item.path()))


def unmatched_selectors(rules: list[Rule], root: Group) -> list[Rule]:
    items = list(root.requests())
    return [rule for rule in rules if not any(rule.applies_to(item) for item in items)]


def validate_selectors(rules: list[Rule], root: Group) -> None:
    """A selector naming no request is a mistake the user wants to hear about before the run."""
    bad = unmatched_selectors(rules, root)
    if not bad:
        return
    rule = bad[0]
    names = sorted({item.name for item in root.requests()} | {" / ".join(item.path()) for item in root.requests()})
    close = difflib.get_close_matches(rule.selector, names, n=3, cutoff=0.5)
    hint = f" (did you mean: {', '.join(repr(c) for c in close)}?)" if close else ""
    raise ChecksError(f"{rule.where}: no request matches '{rule.selector}'{hint}")


# --------------------------------------------------------------------------- parsing


def parse_source(text: str, where: str) -> str:
    """Check a SOURCE is one we know how to read (and that a JSONPath parses) now, not mid-run."""
    source = text.strip()
    if source in ("status", "body"):
        return source
    for prefix in ("header:", "cookie:"):
        if source.startswith(prefix):
            if not source[len(prefix):].strip():
                raise ChecksError(f"{where}: '{source}' needs a name after '{prefix}'")
            return prefix + source[len(prefix):].strip()
    if source.startswith("$"):
        try:
            compile_path(source)
        except JsonPathError as exc:
            raise ChecksError(f"{where}: {exc}") from None
        return source
    raise ChecksError(f"{where}: unknown source '{source}' (use status, body, header:Name, cookie:name or a "
                      f"JSONPath starting with $)")


def _find_operator(text: str) -> tuple[int, str] | None:
    """The first operator outside brackets and quotes, with whitespace before it and after it."""
    depth = 0
    quote = ""
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth = max(0, depth - 1)
        elif depth == 0 and i > 0 and text[i - 1].isspace():
            for op in OPERATORS:
                end = i + len(op)
                if text.startswith(op, i) and (end == len(text) or text[end].isspace()):
                    return i, op
    return None


def parse_value(text: str) -> Any:
    """A JSON literal when the text is one, else the text itself (quotes optional for strings)."""
    stripped = text.strip()
    try:
        return json.loads(stripped)
    except ValueError:
        if len(stripped) >= 2 and stripped[0] == stripped[-1] == "'":
            return stripped[1:-1]
        return stripped


def _regex(value: Any, where: str) -> re.Pattern[str]:
    text = value if isinstance(value, str) else json.dumps(value)
    flags = 0
    literal = re.fullmatch(r"/(.*)/([imsx]*)", text, re.DOTALL)
    if literal:
        text = literal.group(1)
        for letter in literal.group(2):
            flags |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}[letter]
    try:
        return re.compile(text, flags)
    except re.error as exc:
        raise ChecksError(f"{where}: bad regular expression '{text}': {exc}") from None


def make_check(source: str, op: str, expected: Any, raw: str, text: str, where: str) -> Check:
    source = parse_source(source, where)
    if op not in OPERATORS:
        raise ChecksError(f"{where}: unknown operator '{op}' (use {', '.join(OPERATORS)})")
    if op in ("exists", "not exists"):
        if raw.strip() or expected is not None:
            raise ChecksError(f"{where}: '{op}' takes no value")
    elif op == "type is":
        if expected not in TYPE_NAMES:
            raise ChecksError(f"{where}: 'type is' needs one of {', '.join(TYPE_NAMES)}, got '{raw or expected}'")
    elif op == "matches":
        expected = _regex(expected, where)
    elif not raw.strip() and expected is None and op != "==" and op != "!=":
        raise ChecksError(f"{where}: '{op}' needs a value")
    return Check(source, op, expected, raw, text)


def parse_check(text: str, where: str) -> Check:
    """``SOURCE OP VALUE`` as written in YAML or after ``--assert 'Request:``."""
    found = _find_operator(text)
    if found is None:
        raise ChecksError(f"{where}: '{text}' has no operator (expected SOURCE OP VALUE, OP one of "
                          f"{', '.join(OPERATORS)})")
    index, op = found
    source, raw = text[:index].strip(), text[index + len(op):].strip()
    if not source:
        raise ChecksError(f"{where}: '{text}' has nothing before '{op}'")
    if op in ("exists", "not exists", "type is"):
        return make_check(source, op, raw or None, raw, text.strip(), where)
    if not raw:
        raise ChecksError(f"{where}: '{text}' has no value after '{op}'")
    return make_check(source, op, parse_value(raw), raw, text.strip(), where)


def _check_from_mapping(entry: dict, where: str) -> Check:
    value = entry.get("value")
    raw = "" if value is None else (value if isinstance(value, str) else json.dumps(value))
    text = f"{entry['that']} {entry['op']}" + (f" {raw}" if raw else "")
    return make_check(entry["that"], entry["op"], value, raw, text, where)


def _element_path(parts: list) -> str:
    return "/".join(str(p) for p in parts) or "(top level)"


def load_checks_file(path: str | Path) -> ChecksConfig:
    """Read and validate a checks file; any problem is one line naming the file and the element."""
    label = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ChecksError(f"{label}: checks file not found") from None
    except OSError as exc:
        raise ChecksError(f"{label}: cannot read checks file ({exc.strerror or exc})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ChecksError(f"{label}: not valid YAML{at}: {problem}") from None
    if data is None:
        data = {}
    error = jsonschema.exceptions.best_match(jsonschema.Draft7Validator(SCHEMA).iter_errors(data))
    if error is not None:
        message = error.message
        if error.validator == "oneOf":
            message = f"{json.dumps(error.instance, default=str)} should be text or a mapping with the documented keys"
        raise ChecksError(f"{label}: {_element_path(list(error.absolute_path))}: {message}")
    config = ChecksConfig(source=label, baseline_headers=list((data.get("baseline") or {}).get("headers") or []))
    for index, expression in enumerate(data.get("ignore") or []):
        config.ignore.append(_ignore_path(expression, f"{label}: ignore/{index}"))
    for selector, body in (data.get("requests") or {}).items():
        body = body or {}
        base = f"{label}: requests/{selector}"
        rule = Rule(selector=str(selector), where=f"{label}: requests/{selector}")
        for var, spec in (body.get("capture") or {}).items():
            where = f"{base}/capture/{var}"
            if isinstance(spec, str):
                rule.captures.append(Capture(str(var), parse_source(spec, where)))
            else:
                rule.captures.append(Capture(str(var), parse_source(spec["from"], where),
                                             spec.get("default", _MISSING), bool(spec.get("secret", False))))
        for index, entry in enumerate(body.get("assert") or []):
            where = f"{base}/assert/{index}"
            rule.checks.append(parse_check(entry, where) if isinstance(entry, str) else _check_from_mapping(entry, where))
        for index, expression in enumerate(body.get("ignore") or []):
            rule.ignore.append(_ignore_path(expression, f"{base}/ignore/{index}"))
        config.rules.append(rule)
    return config


def _ignore_path(expression: str, where: str) -> str:
    try:
        compile_path(expression)
    except JsonPathError as exc:
        raise ChecksError(f"{where}: {exc}") from None
    return expression.strip()


def _splits(text: str) -> list[tuple[str, str]]:
    """Every ``selector:rest`` reading of a flag value (request names may contain colons)."""
    return [(text[:i].strip(), text[i + 1:]) for i, char in enumerate(text) if char == ":" and text[:i].strip()]


def _parse_capture_rest(rest: str, where: str) -> Capture:
    var, sep, source = rest.partition("=")
    var = var.strip()
    if not sep or not VAR_NAME.fullmatch(var):
        raise ChecksError(f"{where}: expected 'Request:VAR=SOURCE'")
    return Capture(var, parse_source(source, where))


def parse_flag(text: str, kind: str, root: Group | None) -> Rule:
    """``--capture 'Request:VAR=SOURCE'`` or ``--assert 'Request:SOURCE OP VALUE'`` as a rule.

    The selector ends at a colon, but request names may hold colons too ("3a: Stream a
    record"); the reading whose selector names a request wins, else the first that parses.
    """
    where = f"--{kind} '{text}'"
    readings: list[Rule] = []
    first_error: ChecksError | None = None
    for selector, rest in _splits(text):
        try:
            if kind == "capture":
                rule = Rule(selector, captures=[_parse_capture_rest(rest, where)], where=where)
            else:
                rule = Rule(selector, checks=[parse_check(rest, where)], where=where)
        except ChecksError as exc:
            first_error = first_error or exc
            continue
        if root is not None and not unmatched_selectors([rule], root):
            return rule
        readings.append(rule)
    if readings:
        return readings[0]
    if first_error is not None:
        raise first_error
    shape = "Request:VAR=SOURCE" if kind == "capture" else "Request:SOURCE OP VALUE"
    raise ChecksError(f"{where}: expected '{shape}'")


def default_checks_file(collection: str) -> Path | None:
    """``<stem>.pmreplay.yaml`` beside a local collection file, when it exists."""
    if collection == "-" or "://" in collection:
        return None
    path = Path(collection)
    stem = path.name
    for suffix in (".postman_collection.json", ".json"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    for suffix in CHECKS_SUFFIXES:
        candidate = path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def build_config(collection: str, *, checks_file: str | None = None, use_default_file: bool = True,
                 captures: list[str] | tuple[str, ...] = (), asserts: list[str] | tuple[str, ...] = (),
                 root: Group | None = None) -> ChecksConfig:
    """The rules for a run: the named (or discovered) checks file, then the flags, selectors checked
    against ``root`` when the collection is known."""
    path = Path(checks_file) if checks_file else (default_checks_file(collection) if use_default_file else None)
    config = load_checks_file(path) if path is not None else ChecksConfig()
    for text in captures:
        config.rules.append(parse_flag(text, "capture", root))
    for text in asserts:
        config.rules.append(parse_flag(text, "assert", root))
    if root is not None:
        validate_selectors(config.rules, root)
    return config


# --------------------------------------------------------------------------- evaluating


def inspect(value: Any) -> str:
    """A value the way chai prints it in messages (``'text'``, ``[ 1, 2 ]``, ``{ a: 1 }``, ``undefined``)."""
    text = _inspect(value)
    return text if len(text) <= 200 else text[:199] + "…"


_BARE_KEY = re.compile(r"[A-Za-z_$][\w$]*")


def _inspect(value: Any) -> str:
    if value is _MISSING:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number_to_string(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
    if isinstance(value, re.Pattern):
        return f"/{value.pattern}/"
    if isinstance(value, list):
        return "[ " + ", ".join(_inspect(v) for v in value) + " ]" if value else "[]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = [f"{k if _BARE_KEY.fullmatch(str(k)) else _inspect(str(k))}: {_inspect(v)}" for k, v in value.items()]
        return "{ " + ", ".join(parts) + " }"
    return str(value)


def same(a: Any, b: Any) -> bool:
    """JSON deep equality: ``1 == 1.0`` but ``true != 1`` (Python's ``True == 1`` would pass)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


class ResponseView:
    """Reads sources out of one exchange; the JSON body is parsed at most once."""

    def __init__(self, exchange: Any) -> None:
        self.response = exchange.response if exchange is not None else None
        self.error = exchange.error if exchange is not None else "no request was sent"
        self._json: Any = _MISSING
        self.json_problem = ""

    def json(self) -> Any:
        if self._json is _MISSING and self.response is not None:
            text = self.response.body.decode("utf-8", errors="replace")
            try:
                self._json = json.loads(text)
            except ValueError:
                self._json = _MISSING
                self.json_problem = " (the response body is not JSON)" if text.strip() else " (the response body is empty)"
        return self._json

    def read(self, source: str) -> Any:
        """The value of ``source``, or ``_MISSING`` when there is none."""
        response = self.response
        if response is None:
            return _MISSING
        if source == "status":
            return response.code
        if source == "body":
            return response.body.decode("utf-8", errors="replace")
        if source.startswith("header:"):
            name = source[len("header:"):].lower()
            for header in response.header:
                if str(header.get("key", "")).lower() == name:
                    return str(header.get("value", ""))
            return _MISSING
        if source.startswith("cookie:"):
            name = source[len("cookie:"):]
            for cookie in response.cookies:
                if cookie.get("name") == name:
                    return cookie.get("value")
            return _MISSING
        document = self.json()
        if document is _MISSING:
            return _MISSING
        values = find(source, document)
        if not values:
            return _MISSING
        return values[0] if len(values) == 1 else values

    def why_missing(self, source: str) -> str:
        if self.response is None:
            return f" (no response: {self.error})"
        return self.json_problem if source.startswith("$") else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _article(name: str) -> str:
    return ("an " if name[0] in "aeiou" else "a ") + name


_COMPARISONS = {"<": ("below", lambda a, b: a < b), "<=": ("at most", lambda a, b: a <= b),
                ">": ("above", lambda a, b: a > b), ">=": ("at least", lambda a, b: a >= b)}


def evaluate(check: Check, view: ResponseView) -> str | None:
    """``None`` when the check holds, else chai-style failure text."""
    actual = view.read(check.source)
    expected = check.expected
    shown = inspect(actual)
    note = view.why_missing(check.source) if actual is _MISSING else ""
    op = check.op
    if op == "exists":
        return None if actual is not _MISSING else f"expected {shown} to exist{note}"
    if op == "not exists":
        return None if actual is _MISSING else f"expected {shown} to not exist"
    if op in ("==", "!="):
        equal = actual is not _MISSING and (same(actual, expected) or (
            isinstance(actual, str) and not isinstance(expected, str) and actual == check.raw.strip()))
        verb = "deeply equal" if isinstance(expected, (list, dict)) else "equal"
        if op == "==":
            return None if equal else f"expected {shown} to {verb} {inspect(expected)}{note}"
        return None if not equal else f"expected {shown} to not {verb} {inspect(expected)}"
    if op in _COMPARISONS:
        word, compare = _COMPARISONS[op]
        left, right = _number(actual), _number(expected)
        if left is None or right is None:
            target = shown if left is None else inspect(expected)
            return f"expected {target} to be a number{note}"
        return None if compare(left, right) else f"expected {shown} to be {word} {inspect(expected)}"
    if op == "contains":
        message = f"expected {shown} to include {inspect(expected)}{note}"
        if isinstance(actual, str):
            needle = expected if isinstance(expected, str) else check.raw.strip()
            return None if needle in actual else message
        if isinstance(actual, list):
            return None if any(same(v, expected) for v in actual) else message
        if isinstance(actual, dict):
            if isinstance(expected, dict):
                ok = all(k in actual and same(actual[k], v) for k, v in expected.items())
            else:
                ok = str(expected) in actual
            return None if ok else message
        return message
    if op == "matches":
        pattern: re.Pattern[str] = expected
        text = actual if isinstance(actual, str) else None
        if isinstance(actual, (int, float)) and not isinstance(actual, bool):
            text = js_number_to_string(actual)
        if text is None:
            return f"expected {shown} to match {inspect(pattern)}{note}"
        return None if pattern.search(text) else f"expected {shown} to match {inspect(pattern)}"
    if op == "type is":
        kind = _type_of(actual) if actual is not _MISSING else "undefined"
        ok = kind == expected or (expected == "integer" and kind == "number" and float(actual).is_integer())
        return None if ok else f"expected {shown} to be {_article(expected)}{note}"
    return f"unknown operator {op}"  # pragma: no cover - make_check refuses these


def _failed(name: str, message: str) -> dict:
    return {"name": name, "passed": False, "skipped": False, "error": {"name": "AssertionError", "message": message}}


def _passed(name: str) -> dict:
    return {"name": name, "passed": True, "skipped": False, "error": None}


class ChecksHook:
    """The ``ResponseHook`` applying a ``ChecksConfig``: captures first, then checks, rule by rule.

    Selectors are checked against the collection before the run when the CLI can load it;
    for a collection read from stdin or a URL the first call checks them against the item's
    tree and reports unknown ones as failed assertions.
    """

    def __init__(self, config: ChecksConfig, *, validated: bool = False) -> None:
        self.config = config
        self._validated = validated

    def __call__(self, item: Item, exchange: Any, cursor: dict, environment: VariableScope) -> list[dict]:
        results: list[dict] = []
        if not self._validated:
            self._validated = True
            root = item.ancestors()[0] if item.ancestors() else None
            if isinstance(root, Group):
                for rule in unmatched_selectors(self.config.rules, root):
                    results.append(_failed(f"[checks] {rule.selector}", f"{rule.where}: no request matches "
                                                                          f"'{rule.selector}'"))
        view = ResponseView(exchange)
        for rule in self.config.rules:
            if not rule.applies_to(item):
                continue
            for capture in rule.captures:
                results.append(self._capture(capture, view, environment))
            for check in rule.checks:
                message = evaluate(check, view)
                name = f"[check] {check.text}"
                results.append(_passed(name) if message is None else _failed(name, message))
        return results

    @staticmethod
    def _capture(capture: Capture, view: ResponseView, environment: VariableScope) -> dict:
        name = f"[capture] {capture.var} = {capture.source}"
        value = view.read(capture.source)
        if value is _MISSING:
            if capture.default is _MISSING:
                return _failed(name, f"expected {capture.source} to exist{view.why_missing(capture.source)}; "
                                     f"{capture.var} was not set")
            value = capture.default
        environment.set(capture.var, value, "secret" if capture.secret else None)
        return _passed(name)


def checks_hook(collection: str | Path, *, checks_file: str | Path | None = None, use_default_file: bool = True,
                captures: list[str] | tuple[str, ...] = (), asserts: list[str] | tuple[str, ...] = ()
                ) -> ChecksHook | None:
    """For the Python API: the hook ``pmreplay run`` would build from these flags (``None`` when there
    are no rules), to pass as ``runner.api.run(..., response_hooks=[hook])``."""
    text = str(collection)
    local = text != "-" and "://" not in text and Path(text).is_file()
    root = load_collection(text).root if local else None
    config = build_config(text, checks_file=str(checks_file) if checks_file else None,
                          use_default_file=use_default_file, captures=captures, asserts=asserts, root=root)
    return ChecksHook(config, validated=local) if config.has_response_rules else None


# --------------------------------------------------------------------------- the CLI extension


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("captures and checks")
    group.add_argument("--checks", metavar="FILE",
                       help="captures/checks YAML (default: <collection>.pmreplay.yaml beside the collection)")
    group.add_argument("--no-checks", action="store_true", help="ignore the checks file beside the collection")
    group.add_argument("--capture", action="append", default=[], metavar="'REQUEST:VAR=SOURCE'",
                       help="store a response value in the environment (SOURCE: $.json.path, header:Name, "
                            "cookie:name, status, body); repeatable")
    group.add_argument("--assert", dest="assert_", action="append", default=[],
                       metavar="'REQUEST:SOURCE OP VALUE'",
                       help="add an assertion, e.g. 'Get user:$.id exists' or 'Login:status == 200'; repeatable")


def config_from_args(args: argparse.Namespace) -> ChecksConfig:
    """The run's rules, built once per command line (the baseline extension reads its ignores too)."""
    cached = getattr(args, "_pmreplay_checks_config", None)
    if cached is not None:
        return cached
    collection = str(args.collection)
    root: Group | None = None
    wanted = args.checks or args.capture or args.assert_ or (not args.no_checks and default_checks_file(collection))
    if wanted and collection != "-" and "://" not in collection and Path(collection).is_file():
        root = load_collection(collection).root  # a second, cheap load: selectors are checked before the run
    config = build_config(collection, checks_file=args.checks, use_default_file=not args.no_checks,
                          captures=args.capture, asserts=args.assert_, root=root)
    args._pmreplay_checks_config = config
    args._pmreplay_checks_validated = root is not None
    return config


def response_hooks(args: argparse.Namespace) -> list:
    config = config_from_args(args)
    if not config.has_response_rules:
        return []
    return [ChecksHook(config, validated=bool(getattr(args, "_pmreplay_checks_validated", False)))]
