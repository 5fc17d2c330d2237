"""Validating XDM records the way Adobe's ingestion does, with Adobe's messages.

Why a compiled wrapper around ``jsonschema``: the platform validates with a Java
JSON-schema library whose messages (``expected type: String, found: Long``,
``required key [x] not found``, ``extraneous key [x] is not permitted``) the
tutorial's users see and test against. We compile each resolved schema once
(closed objects, the primary identity made mandatory, our own strict date and
email formats), cache it, and translate jsonschema's errors into those shapes.
Batch ingestion additionally converts values the way the batch pipeline does
(Long -> String, numeric strings -> numbers, epoch -> date-time) before validating.
"""

from __future__ import annotations

import ast
import copy
import datetime as _dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from jsonschema import Draft7Validator, FormatChecker

MAX_REPORTED = 5

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$"
)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("date")
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_RE.match(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@_FORMATS.checks("date-time")
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    match = _DATETIME_RE.match(value)
    if not match:
        return False
    try:
        _dt.datetime(*(int(match.group(i)) for i in range(1, 7)))
    except ValueError:
        return False
    return True


@_FORMATS.checks("email")
def _is_email(value: object) -> bool:
    return not isinstance(value, str) or bool(_EMAIL_RE.match(value))


_EXPECTED = {"string": "String", "integer": "Integer", "number": "Number", "boolean": "Boolean",
             "object": "JSONObject", "array": "JSONArray", "null": "Null"}


def _found(value: object) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        # UNCONFIRMED: Adobe's documented example says "Long" for an integral _id; we
        # report every integral JSON number as Long, as the XDM vocabulary does.
        return "Long"
    if isinstance(value, float):
        return "Double"
    if isinstance(value, str):
        return "String"
    if isinstance(value, dict):
        return "JSONObject"
    if isinstance(value, list):
        return "JSONArray"
    return "Null"


def _pointer(parts) -> str:
    return "#" + "".join("/" + str(p) for p in parts)


def _format_message(fmt: str, value: object) -> str:
    if fmt == "email":
        return f"[{value}] is not a valid email address"
    if fmt == "date-time":
        return (f"[{value}] is not a valid date-time. Expected [yyyy-MM-dd'T'HH:mm:ssZ, "
                "yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,9}Z, yyyy-MM-dd'T'HH:mm:ss[+-]HH:mm]")
    if fmt == "date":
        return f"[{value}] is not a valid date. Expected [yyyy-MM-dd]"
    return f"[{value}] is not a valid {fmt}"


def _violations(error) -> list[dict]:
    """One jsonschema error -> one or more Adobe-shaped violations."""
    keyword = error.validator
    path = list(error.absolute_path)
    schema_path = list(error.absolute_schema_path)[:-1]
    base = {"schemaLocation": _pointer(schema_path), "pointerToViolation": _pointer(path),
            "causingExceptions": [], "keyword": keyword}
    instance = error.instance
    if keyword == "type":
        expected = error.validator_value
        names = [_EXPECTED.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        return [dict(base, message=f"expected type: {' or '.join(names)}, found: {_found(instance)}")]
    if keyword == "required":
        name = error.message.rsplit(" is a required property", 1)[0]
        try:
            name = ast.literal_eval(name)
        except (ValueError, SyntaxError):
            pass
        return [dict(base, message=f"required key [{name}] not found")]
    if keyword == "additionalProperties":
        allowed = set((error.schema.get("properties") or {}).keys())
        extras = [k for k in instance if k not in allowed] if isinstance(instance, dict) else []
        return [dict(base, message=f"extraneous key [{k}] is not permitted") for k in extras]
    if keyword == "enum":
        shown = instance if isinstance(instance, str) else json.dumps(instance)
        return [dict(base, message=f"{shown} is not a valid enum value")]
    if keyword == "format":
        return [dict(base, message=_format_message(error.validator_value, instance))]
    if keyword == "minimum":
        return [dict(base, message=f"{instance} is not greater or equal to {error.validator_value}")]
    if keyword == "maximum":
        return [dict(base, message=f"{instance} is not less or equal to {error.validator_value}")]
    if keyword == "minLength":
        return [dict(base, message=f"expected minLength: {error.validator_value}, actual: {len(instance)}")]
    if keyword == "maxLength":
        return [dict(base, message=f"expected maxLength: {error.validator_value}, actual: {len(instance)}")]
    if keyword == "pattern":
        return [dict(base, message=f"string [{instance}] does not match pattern {error.validator_value}")]
    return [dict(base, message=error.message)]


_DROP_KEYS = ("title", "description", "meta:enum", "meta:xdmType", "isRequired", "meta:referencedFrom",
              "meta:titleId", "meta:descriptionId", "examples", "default")


def _close(node: dict) -> dict:
    """Objects with declared fields accept nothing else; metadata is irrelevant to validation."""
    out = {k: v for k, v in node.items() if k not in _DROP_KEYS and not k.startswith("meta:")}
    if isinstance(out.get("properties"), dict):
        out["properties"] = {k: _close(v) for k, v in out["properties"].items()}
        if "additionalProperties" not in out:
            out["additionalProperties"] = False
    if isinstance(out.get("items"), dict):
        out["items"] = _close(out["items"])
    if isinstance(out.get("additionalProperties"), dict):
        out["additionalProperties"] = _close(out["additionalProperties"])
    return out


def _require_path(root: dict, pointer: str) -> None:
    """The primary identity field is mandatory at ingestion, with every object above it."""
    node = root
    for part in [p for p in pointer.split("/") if p]:
        props = node.get("properties")
        if not isinstance(props, dict) or part not in props:
            return
        required = node.setdefault("required", [])
        if part not in required:
            required.append(part)
        node = props[part]


Check = Callable[[object], bool]
_FAST_KEYWORDS = {"type", "properties", "required", "additionalProperties", "enum", "format", "items",
                  "minimum", "maximum", "minLength", "maxLength", "pattern"}
_TYPE_CHECKS: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}
_FORMAT_CHECKS: dict[str, Check] = {"date": _is_date, "date-time": _is_datetime, "email": _is_email}


def _fast(schema: dict) -> Check | None:
    """A yes/no validator for the keyword subset XDM uses; None when the schema needs more.

    Why: jsonschema's error machinery costs far more than the check itself, and almost
    every streamed record is valid. The answer must equal jsonschema's ``is_valid``
    (tests compare them); only an invalid record pays for the detailed errors.
    """
    if not set(schema) <= _FAST_KEYWORDS:
        return None
    checks: list[Check] = []
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        if any(k not in _TYPE_CHECKS for k in kinds):
            return None
        type_checks = [_TYPE_CHECKS[k] for k in kinds]
        checks.append(lambda v: any(check(v) for check in type_checks))
    if "enum" in schema:
        values = schema["enum"]
        if not isinstance(values, list) or not all(isinstance(x, str) for x in values):
            return None
        allowed = frozenset(values)
        checks.append(lambda v: isinstance(v, str) and v in allowed)
    fmt = schema.get("format")
    if fmt in _FORMAT_CHECKS:
        checks.append(_FORMAT_CHECKS[fmt])
    for key, test in (("minimum", lambda v, m: v >= m), ("maximum", lambda v, m: v <= m)):
        if key in schema:
            bound = schema[key]
            checks.append(lambda v, b=bound, t=test: not _TYPE_CHECKS["number"](v) or t(v, b))
    for key, test in (("minLength", lambda v, m: len(v) >= m), ("maxLength", lambda v, m: len(v) <= m)):
        if key in schema:
            bound = schema[key]
            checks.append(lambda v, b=bound, t=test: not isinstance(v, str) or t(v, b))
    if "pattern" in schema:
        regex = re.compile(schema["pattern"])
        checks.append(lambda v: not isinstance(v, str) or regex.search(v) is not None)
    if "items" in schema:
        if not isinstance(schema["items"], dict):
            return None
        item_check = _fast(schema["items"])
        if item_check is None:
            return None
        checks.append(lambda v: not isinstance(v, list) or all(item_check(x) for x in v))
    props = schema.get("properties") or {}
    prop_checks: dict[str, Check] = {}
    for name, sub in props.items():
        sub_check = _fast(sub) if isinstance(sub, dict) else None
        if sub_check is None:
            return None
        prop_checks[name] = sub_check
    required = tuple(schema.get("required") or ())
    extra = schema.get("additionalProperties", True)
    if extra is True:
        extra_check: Check | None = None
    elif extra is False:
        extra_check = lambda v: False  # noqa: E731
    elif isinstance(extra, dict):
        extra_check = _fast(extra)
        if extra_check is None:
            return None
    else:
        return None
    if prop_checks or required or extra_check is not None:
        def check_object(v: object) -> bool:
            if not isinstance(v, dict):
                return True
            for name in required:
                if name not in v:
                    return False
            for name, item in v.items():
                sub = prop_checks.get(name)
                if sub is not None:
                    if not sub(item):
                        return False
                elif extra_check is not None and not extra_check(item):
                    return False
            return True

        checks.append(check_object)
    return lambda v: all(check(v) for check in checks)


@dataclass
class Compiled:
    """A resolved schema ready to validate and convert records."""

    json_schema: dict
    validator: Draft7Validator
    fast: Check | None = None

    def validate(self, entity: object) -> tuple[int, list[dict]]:
        """(total violations, the first few in Adobe's shape)."""
        if self.fast is not None and self.fast(entity):
            return 0, []
        found: list[dict] = []
        total = 0
        for error in self.validator.iter_errors(entity):
            for violation in _violations(error):
                total += 1
                if len(found) < MAX_REPORTED:
                    found.append(violation)
        return total, found

    def convert(self, entity: object) -> object:
        return _convert(entity, self.json_schema)


def compile_schema(full: dict, identity_paths: list[str] = ()) -> Compiled:
    schema = _close({"type": "object", "properties": full.get("properties", {}),
                     "required": list(full.get("required", []))})
    if not schema["required"]:
        del schema["required"]
    for pointer in identity_paths:
        _require_path(schema, pointer)
    return Compiled(schema, Draft7Validator(schema, format_checker=_FORMATS), _fast(schema))


def _convert(value: object, schema: dict) -> object:
    kind = schema.get("type")
    if kind == "object" and isinstance(value, dict):
        props = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        out = {}
        for key, item in value.items():
            sub = props.get(key) or (extra if isinstance(extra, dict) else None)
            out[key] = _convert(item, sub) if sub else copy.deepcopy(item)
        return out
    if kind == "array" and isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [_convert(v, schema["items"]) for v in value]
    if kind == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        if schema.get("format") == "date-time":
            seconds = value / 1000 if abs(value) > 1e11 else value
            stamp = _dt.datetime.fromtimestamp(seconds, tz=_dt.timezone.utc)
            return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        return str(value)
    if kind in ("integer", "number") and isinstance(value, str):
        try:
            return int(value) if kind == "integer" else float(value)
        except ValueError:
            return value
    if kind == "boolean" and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def timestamp_ms(value: object) -> int | None:
    """An XDM date-time as epoch milliseconds (None when unparseable)."""
    if not isinstance(value, str):
        return None
    text = value.replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", text):
        text = text[:-2] + ":" + text[-2:]
    # Python 3.10's fromisoformat takes only 3 or 6 fraction digits; XDM allows 1 to 9.
    text = re.sub(r"\.(\d+)", lambda m: "." + m.group(1)[:6].ljust(6, "0"), text, count=1)
    try:
        stamp = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=_dt.timezone.utc)
    return int(stamp.timestamp() * 1000)
