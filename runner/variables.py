"""Variable scopes, their precedence and ``{{name}}`` substitution, as Newman 6 does them.

Why this shape: scripts, reports and exports all see a scope as Postman's *list* of
entries (duplicates, disabled entries and types included), so a scope keeps that list
verbatim instead of a dict; lookups read the list the way postman-collection does.

Newman facts this module reproduces (observed by running Newman 6.2.2 against a local
echo server; the tests in ``tests/vars/`` name each one):

- Within a scope the last enabled duplicate wins; an entry with a truthy ``disabled``
  is invisible and ``enabled: false`` means nothing.
- Substitution looks tokens up with ``\\{\\{([^{}]*?)}}``, verbatim (``{{ a }}`` looks up
  the key ``" a "``, ``{{}}`` the empty key), and rescans while something changed, for
  at most 19 substituting passes, so ``{{a{{b}}}}`` resolves inside out.
- Any *found* variable substitutes with JavaScript's ``String(value)``: numbers as JS
  prints them (``1.0`` -> ``1``, ``1e21`` -> ``1e+21``), booleans ``true``/``false``,
  ``null`` -> ``null``, objects ``[object Object]``, arrays joined with commas.
  Unknown names stay literally ``{{name}}``.
- Variable types ``string``, ``boolean``, ``number``, ``array``, ``object`` cast values
  the JavaScript way (``number`` turns ``"007"`` into ``7``); every other type
  (``default``, ``secret``, none) passes values through like ``any``.
- ``set`` updates the last enabled entry, or appends one when the key is absent or only
  disabled; a new entry without an explicit type gets ``any`` (what Newman exports for
  script-set values, whatever their JavaScript type). ``unset`` removes every enabled
  entry of the key and keeps disabled ones.

Deliberate differences: a ``number`` entry that casts to NaN or Infinity holds null (Newman
keeps NaN in memory but exports null; we keep every value JSON-safe for the sandbox). An
export keeps each entry's type as loaded (``secret`` stays ``secret``), where Newman
rewrites the types it does not know to ``any`` and so loses the secret marking.
"""

from __future__ import annotations

import copy
import json
import math
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from runner.dynamic import resolve_dynamic

TOKEN_RE = re.compile(r"\{\{([^{}]*?)}}")
MAX_SUBSTITUTION_PASSES = 19

KNOWN_TYPES = ("string", "boolean", "number", "array", "object", "any")


def _tool_version() -> str:
    try:
        from importlib.metadata import version

        return version("pmreplay")
    except Exception:  # not installed (running from a checkout): the pyproject version
        return "0.1.0"


# ---------------------------------------------------------------------------
# JavaScript value semantics for JSON-like Python values


def js_number_to_string(number: int | float) -> str:
    """Format a number like JavaScript's ``Number.prototype.toString()``.

    Why: a value loaded from JSON as ``1.0`` or set by a script as ``1e21`` must reach the
    wire exactly as Newman sends it (``1``, ``1e+21``), not as Python's ``repr``.
    """
    if isinstance(number, bool):
        return "true" if number else "false"
    if isinstance(number, int):
        if abs(number) <= 2**53:
            return str(number)
        number = float(number)  # JavaScript has doubles only: big integers lose digits as in Newman
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    # repr() is the shortest round-tripping form, the same digits JavaScript picks.
    digits_tuple, exponent = Decimal(repr(abs(number))).normalize().as_tuple()[1:]
    digits = "".join(str(d) for d in digits_tuple)
    k = len(digits)
    n = k + int(exponent)  # value = 0.digits * 10**n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + text


def js_string(value: Any) -> str:
    """JavaScript's ``String(value)`` for a JSON-like value (what Newman puts on the wire)."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number_to_string(value)
    if isinstance(value, (list, tuple)):
        return ",".join("" if item is None else js_string(item) for item in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


_JS_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _integral(number: float) -> int | float:
    """Integral doubles as Python ints, so JSON output shows ``7`` and not ``7.0`` (as JS does)."""
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def js_number(value: Any) -> float | int:
    """JavaScript's ``Number(value)``, used by the ``number`` variable type."""
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, (int, float)):
        return value
    if value is None:
        return 0
    if isinstance(value, list):
        return js_number(js_string(value)) if len(value) <= 1 else math.nan
    if not isinstance(value, str):
        return math.nan
    text = value.strip()
    if text == "":
        return 0
    if text in ("Infinity", "+Infinity", "-Infinity"):
        return -math.inf if text.startswith("-") else math.inf
    base = {"0x": 16, "0o": 8, "0b": 2}.get(text[:2].lower())
    try:
        if base:
            return int(text[2:], base)
        if _JS_DECIMAL.fullmatch(text):
            return _integral(float(text))
    except ValueError:
        pass
    return math.nan


def js_truthy(value: Any) -> bool:
    """JavaScript's ``Boolean(value)``: the string ``"false"`` is true, ``0``/``""``/null false."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return not (value == 0 or (isinstance(value, float) and math.isnan(value)))
    if isinstance(value, str):
        return value != ""
    return True


def _cast_in(value: Any, type_: str | None) -> Any:
    """The stored form of a value for a variable type (postman-collection's castIn)."""
    if type_ == "string":
        return js_string(value)
    if type_ == "boolean":
        return js_truthy(value)
    if type_ == "number":
        # NaN/Infinity are kept as null, what they become in any JSON hand-over (sandbox, export)
        number = js_number(value)
        return None if isinstance(number, float) and not math.isfinite(number) else number
    if type_ in ("array", "object"):
        return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return value


def _cast_out(value: Any, type_: str | None) -> Any:
    """The value a reader sees for a stored value (postman-collection's castOut)."""
    if type_ in ("array", "object"):
        try:
            parsed = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return None
        wanted = list if type_ == "array" else dict
        return parsed if isinstance(parsed, wanted) else None
    if type_ == "number" and value is None:
        return None  # a stored NaN (see _cast_in)
    if type_ in ("string", "boolean", "number"):
        return _cast_in(value, type_)
    return value


def _effective_type(type_: Any) -> str | None:
    """Postman treats unknown types (``default``, ``secret``) like ``any`` for casting."""
    if isinstance(type_, str) and type_.lower() in KNOWN_TYPES:
        return type_.lower()
    return None


def _json_safe(value: Any) -> Any:
    """NaN and infinities become null, as ``JSON.stringify`` writes them."""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------
# One scope


class VariableScope:
    """One scope (globals, environment, collection, iteration data, local) as Postman's list of entries."""

    def __init__(self, values: list[dict] | None = None, *, name: str = "", id: str | None = None,
                 kind: str = "environment") -> None:
        self.name = name
        self.id = id
        self.kind = kind
        self.values: list[dict] = []
        self.replace_values(values or [])

    def __repr__(self) -> str:
        return f"VariableScope(kind={self.kind!r}, name={self.name!r}, values={len(self.values)})"

    @classmethod
    def from_dict(cls, mapping: dict[str, Any], **kwargs: Any) -> VariableScope:
        """A scope from a plain mapping (iteration data rows, ``--env-var`` pairs)."""
        return cls([{"key": k, "value": v, "type": "any"} for k, v in mapping.items()], **kwargs)

    def _last_enabled(self, key: str) -> dict | None:
        for entry in reversed(self.values):
            if entry.get("key") == key and not entry.get("disabled"):
                return entry
        return None

    def get(self, key: str) -> Any | None:
        entry = self._last_enabled(key)
        if entry is None:
            return None
        return _cast_out(entry.get("value"), _effective_type(entry.get("type")))

    def lookup(self, key: str) -> tuple[bool, Any]:
        """``(found, value)``: unlike ``get`` it tells a null value from a missing key."""
        entry = self._last_enabled(key)
        if entry is None:
            return False, None
        return True, _cast_out(entry.get("value"), _effective_type(entry.get("type")))

    def has(self, key: str) -> bool:
        return self._last_enabled(key) is not None

    def set(self, key: str, value: Any, type: str | None = None) -> None:
        entry = self._last_enabled(key)
        if entry is None:
            entry = {"key": key, "value": None, "type": type or "any"}
            self.values.append(entry)
        elif type:
            entry["type"] = type
        entry["value"] = _cast_in(value, _effective_type(entry["type"]))

    def unset(self, key: str) -> None:
        self.values = [e for e in self.values if e.get("key") != key or e.get("disabled")]

    def clear(self) -> None:
        self.values = []

    def to_dict(self) -> dict:
        """Enabled values by key (last duplicate wins), like ``pm.environment.toObject()``."""
        result: dict[str, Any] = {}
        for entry in self.values:
            if not entry.get("disabled"):
                result[entry.get("key")] = _cast_out(entry.get("value"), _effective_type(entry.get("type")))
        return result

    def secret_keys(self) -> set[str]:
        """Keys whose entries are ``type: secret``, for reporters that mask them."""
        return {e.get("key") for e in self.values if e.get("type") == "secret"}

    def replace_values(self, values: Iterable[dict]) -> None:
        """Take a whole new list (after a script: the sandbox hands every entry back)."""
        normalised: list[dict] = []
        for raw in values:
            entry = copy.deepcopy(dict(raw))
            entry.setdefault("type", "any")
            entry.setdefault("value", None)
            type_ = _effective_type(entry.get("type"))
            if type_ is not None:
                entry["value"] = _cast_in(entry["value"], type_)
            normalised.append(entry)
        self.values = normalised

    def to_export(self) -> dict:
        """Newman's export file shape for an environment or globals scope."""
        values = []
        for entry in self.values:
            out = {"key": entry.get("key"), "value": _json_safe(entry.get("value")), "type": entry.get("type", "any")}
            if entry.get("disabled"):
                out["disabled"] = True
            values.append(out)
        now = datetime.now(timezone.utc)
        return {
            "id": self.id or str(uuid.uuid4()),
            "name": self.name or self.kind,
            "values": values,
            "_postman_variable_scope": self.kind,
            "_postman_exported_at": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
            "_postman_exported_using": f"pmreplay/{_tool_version()}",
        }


# ---------------------------------------------------------------------------
# The chain of scopes


class ScopeChain:
    """The scopes one request sees, highest precedence first, plus dynamic ``$`` variables."""

    def __init__(self, *, local: VariableScope | None = None, iteration_data: VariableScope | None = None,
                 environment: VariableScope | None = None, collection: VariableScope | None = None,
                 globals_: VariableScope | None = None,
                 dynamic: Callable[[str], str | None] = resolve_dynamic) -> None:
        self.local = local if local is not None else VariableScope(kind="local")
        self.iteration_data = iteration_data if iteration_data is not None else VariableScope(kind="data")
        self.environment = environment if environment is not None else VariableScope(kind="environment")
        self.collection = collection if collection is not None else VariableScope(kind="collection")
        self.globals = globals_ if globals_ is not None else VariableScope(kind="globals")
        self._dynamic = dynamic

    @property
    def scopes(self) -> list[VariableScope]:
        return [self.local, self.iteration_data, self.environment, self.collection, self.globals]

    def resolve(self, name: str) -> tuple[bool, Any]:
        for scope in self.scopes:
            found, value = scope.lookup(name)
            if found:
                return True, value
        if name.startswith("$"):
            generated = self._dynamic(name)
            if generated is not None:
                return True, generated
        return False, None

    def _replace_token(self, match: re.Match[str]) -> str:
        found, value = self.resolve(match.group(1))
        return js_string(value) if found else match.group(0)

    def substitute(self, template: str) -> str:
        if not isinstance(template, str) or "{{" not in template:
            return template
        value = template
        passes = 0
        while passes < MAX_SUBSTITUTION_PASSES:
            updated = TOKEN_RE.sub(self._replace_token, value)
            passes += 1
            if updated == value:  # nothing resolvable left: further passes would change nothing
                break
            value = updated
        return value

    def substitute_deep(self, obj: Any) -> Any:
        """A copy with every string value substituted; dict keys are left alone, as in Newman
        (a header's name is the *value* of its ``key`` field, so it is substituted)."""
        if isinstance(obj, str):
            return self.substitute(obj)
        if isinstance(obj, dict):
            return {k: self.substitute_deep(v) for k, v in obj.items()}
        if isinstance(obj, (list, tuple)):
            return [self.substitute_deep(v) for v in obj]
        return obj
