"""Environment and globals files: load (Postman JSON or YAML), layer, reference OS variables, export.

Why this module exists beyond ``json.load``: teams keep one shared environment file in
git and each person adds a small override file, and neither should contain a secret.
So several files layer into one scope, and values can be pulled from the process
environment at load time.

File formats (decided by the extension ``.json`` / ``.yaml`` / ``.yml``; any other name
is tried as JSON, then YAML). Text may be UTF-8 (with or without BOM) or UTF-16 with BOM.

- Postman JSON, as the app and Newman export it::

      {"id": "...", "name": "AEP", "values": [{"key": "k", "value": "v", "type": "default"}],
       "_postman_variable_scope": "environment"}

  A ``{"environment": {...}}`` or ``{"globals": {...}}`` wrapper is unwrapped. As in
  Newman only ``"disabled": true`` hides an entry; ``"enabled": false`` is kept but
  ignored.
- The same document in YAML, or the friendly YAML (or JSON) form where ``values`` is a
  mapping::

      name: AEP emulator
      values:
        IMS: https://ims.example
        RETRIES: 3                       # stays a number
        CLIENT_SECRET: {value: "${env:AEP_CLIENT_SECRET}", type: secret}
        OLD_TOKEN: {value: abc, disabled: true}

  YAML typing is kept plain: only ``true``/``false``, ``null``, decimal numbers (no
  leading zeros) are typed, so ``on``, ``0755``, ``12:30`` and ``2020-03-06`` stay strings.
  A mapping value is an *entry spec* when it has a ``value`` key and nothing but
  ``value``, ``type``, ``disabled``, ``enabled``, ``description``; any other mapping is an
  object-valued variable.

References to the process environment, in any string value (nested ones too):

- ``${env:NAME}`` is replaced by the OS variable ``NAME``; it may be the whole value or
  embedded (``Bearer ${env:TOKEN}``). The result is always a string.
- ``${env:NAME:-fallback}`` uses ``fallback`` when ``NAME`` is unset or empty (the shell's
  ``:-``); the fallback is literal text up to the closing brace.
- ``$${env:NAME}`` escapes: it yields the literal text ``${env:NAME}``.
- A referenced variable that is unset, without a fallback, is an error naming the file,
  the entry and the OS variable. An entry keeps its ``type`` (``secret`` stays secret, so
  reports mask it).

Layering (``load_scope``): files apply in order; each key present in a later file
replaces all entries of that key from earlier files, at the earlier position, and new
keys are appended. The scope's name and id come from the *first* file that has them:
the shared base file names the environment, override files only carry values.

Every problem raises ``EnvFileError`` with one line naming the file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from runner.errors import PmreplayError
from runner.variables import VariableScope


class EnvFileError(PmreplayError):
    """An environment/globals file or a ``--env-var`` value is unusable."""


class _PlainLoader(yaml.SafeLoader):
    """YAML with only unsurprising implicit types, so values mean what they look like.

    Why: YAML 1.1 turns ``on``/``no`` into booleans, ``12:30`` into 750, ``0755`` into an
    octal number and ``2020-03-06`` into a date, none of which a Postman value can be.
    Here only ``true``/``false``, ``null``/``~``, decimal integers without leading zeros
    and plain decimal floats are typed; everything else is a string.
    """


_YAML_TYPED = {f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "timestamp")}
_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML_TYPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PlainLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))
_PlainLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                   list("-+0123456789"))
_PlainLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))

_ENTRY_SPEC_KEYS = {"value", "type", "disabled", "enabled", "description"}
_ENV_REF = re.compile(r"\$(\$?)\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}")
_LOOKS_LIKE_REF = re.compile(r"\$\{env:[^}]*}")


# ---------------------------------------------------------------------------
# Reading text


def decode_text(data: bytes, label: str, error: type[PmreplayError] = PmreplayError) -> str:
    """Bytes of a user file as text: UTF-8 (BOM optional) or UTF-16/UTF-32 with a BOM.

    Why BOMs matter: Windows tools (PowerShell's ``Out-File``, Excel) write UTF-16 or a
    UTF-8 BOM, and Newman reads those files; a plain ``utf-8`` decode would choke.
    """
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
            (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise error(f"{label}: not valid {codec.upper()} text ({exc.reason} at byte {exc.start})") from None
    # UTF-16 written without a BOM: a NUL byte in every other position of the first pair
    if len(data) >= 2 and (data[0] == 0) != (data[1] == 0):
        codec = "utf-16-be" if data[0] == 0 else "utf-16-le"
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            raise error(f"{label}: not valid {codec.upper()} text ({exc.reason} at byte {exc.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{label}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                    "save it as UTF-8 or UTF-16 with a BOM") from None


def read_text(path: str | os.PathLike[str], error: type[PmreplayError] = PmreplayError) -> str:
    """The text of a user file, with a one-line error when it cannot be read."""
    label = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"{label}: no such file") from None
    except IsADirectoryError:
        raise error(f"{label}: is a directory, not a file") from None
    except OSError as exc:
        raise error(f"{label}: cannot read ({exc.strerror or exc})") from None
    return decode_text(data, label, error)


# ---------------------------------------------------------------------------
# Parsing


def _parse_document(text: str, label: str) -> Any:
    suffix = Path(label).suffix.lower()
    if suffix == ".json":
        return _parse_json(text, label)
    if suffix in (".yaml", ".yml"):
        return _parse_yaml(text, label)
    try:
        return json.loads(text)
    except RecursionError:
        raise EnvFileError(f"{label}: not valid JSON: nested too deeply") from None
    except ValueError:
        return _parse_yaml(text, label, "neither JSON nor YAML")


def parse_json_text(text: str, label: str, error: type[PmreplayError] = PmreplayError) -> Any:
    """JSON with a one-line ``error`` naming the file and where the syntax breaks (shared by data files)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise error(f"{label}: not valid JSON: nested too deeply") from None
    except ValueError as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if hasattr(exc, "lineno") else ""
        msg = getattr(exc, "msg", str(exc))
        raise error(f"{label}: not valid JSON{where}: {msg}") from None


def _parse_json(text: str, label: str) -> Any:
    return parse_json_text(text, label, EnvFileError)


def _parse_yaml(text: str, label: str, what: str = "not valid YAML") -> Any:
    try:
        return yaml.load(text, Loader=_PlainLoader)  # a SafeLoader subclass: no arbitrary objects
    except RecursionError:
        raise EnvFileError(f"{label}: {what}: nested too deeply") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise EnvFileError(f"{label}: {what}{where}: {problem}") from None


def _unwrap(doc: Any, label: str) -> dict:
    if not isinstance(doc, dict):
        found = "empty" if doc is None else f"a {type(doc).__name__}"
        raise EnvFileError(f"{label}: expected an object with 'values' (a Postman environment or globals file), "
                           f"found {found}")
    for wrapper in ("environment", "globals"):
        inner = doc.get(wrapper)
        if isinstance(inner, dict) and "values" not in doc:
            return inner
    return doc


def _expand_env(text: str, environ: Mapping[str, str], label: str, where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        escaped, name, fallback = match.groups()
        if escaped:
            return match.group(0)[1:]
        value = environ.get(name)
        if fallback is not None and not value:
            return fallback
        if value is None:
            raise EnvFileError(f"{label}: {where} references ${name}, which is not set in the process environment")
        return value

    result = _ENV_REF.sub(replace, text)
    leftover = _LOOKS_LIKE_REF.search(_ENV_REF.sub("", text))
    if leftover:
        raise EnvFileError(f"{label}: {where} has a malformed reference {leftover.group(0)!r} "
                           "(expected ${env:NAME} or ${env:NAME:-default})")
    return result


def _expand_deep(value: Any, environ: Mapping[str, str], label: str, where: str) -> Any:
    if isinstance(value, str):
        return _expand_env(value, environ, label, where) if "${env:" in value else value
    if isinstance(value, list):
        return [_expand_deep(v, environ, label, where) for v in value]
    if isinstance(value, dict):
        return {k: _expand_deep(v, environ, label, where) for k, v in value.items()}
    return value


def _entry_from_list_item(item: Any, index: int, label: str) -> dict:
    where = f"values[{index}]"
    if not isinstance(item, dict):
        raise EnvFileError(f"{label}: {where} must be an object with 'key' and 'value', found {_kind(item)}")
    if "key" not in item:
        raise EnvFileError(f"{label}: {where}.key is missing")
    if not isinstance(item["key"], str):
        raise EnvFileError(f"{label}: {where}.key must be a string, found {_kind(item['key'])}")
    return _checked_entry(dict(item), label, where)


def _entry_from_mapping(key: Any, spec: Any, label: str) -> dict:
    where = f"values.{key}"
    if not isinstance(key, str):
        raise EnvFileError(f"{label}: {where}: variable names must be strings, found {_kind(key)}")
    if isinstance(spec, dict) and "value" in spec and set(spec) <= _ENTRY_SPEC_KEYS:
        return _checked_entry({"key": key, "type": "default", **spec}, label, where)
    return {"key": key, "value": spec, "type": "default"}


def _checked_entry(entry: dict, label: str, where: str) -> dict:
    if "type" in entry and not isinstance(entry["type"], str):
        raise EnvFileError(f"{label}: {where}.type must be a string, found {_kind(entry['type'])}")
    if "disabled" in entry and not isinstance(entry["disabled"], bool):
        raise EnvFileError(f"{label}: {where}.disabled must be true or false, found {_kind(entry['disabled'])}")
    return entry  # a list entry without a type stays untyped: "any", as Newman reads it


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def parse_scope_document(doc: Any, label: str, kind: str = "environment",
                         environ: Mapping[str, str] | None = None) -> VariableScope:
    """A scope from an already parsed document (``label`` names it in errors)."""
    environ = os.environ if environ is None else environ
    body = _unwrap(doc, label)
    if "values" not in body:
        raise EnvFileError(f"{label}: no 'values' (expected a list of {{key, value}} objects or a mapping of "
                           "names to values)")
    raw_values = body["values"]
    if raw_values is None:
        raw_values = []
    entries: list[dict] = []
    if isinstance(raw_values, list):
        for index, item in enumerate(raw_values):
            entry = _entry_from_list_item(item, index, label)
            where = f"values[{index}].value"
            entry["value"] = _expand_deep(entry.get("value"), environ, label, where)
            entries.append(entry)
    elif isinstance(raw_values, dict):
        for key, spec in raw_values.items():
            entry = _entry_from_mapping(key, spec, label)
            entry["value"] = _expand_deep(entry.get("value"), environ, label, f"values.{key}")
            entries.append(entry)
    else:
        raise EnvFileError(f"{label}: 'values' must be a list of {{key, value}} objects or a mapping, "
                           f"found {_kind(raw_values)}")
    for field in ("name", "id"):
        if field in body and body[field] is not None and not isinstance(body[field], str):
            raise EnvFileError(f"{label}: '{field}' must be a string, found {_kind(body[field])}")
    return VariableScope(entries, name=body.get("name") or "", id=body.get("id"), kind=kind)


def load_env_file(path: str | os.PathLike[str], kind: str = "environment",
                  environ: Mapping[str, str] | None = None) -> VariableScope:
    """One environment or globals file as a scope."""
    label = os.fspath(path)
    text = read_text(path, EnvFileError)
    doc = _parse_document(text, label)
    return parse_scope_document(doc, label, kind, environ)


def merge_scopes(base: VariableScope, override: VariableScope) -> None:
    """Layer ``override`` onto ``base`` in place (see the module docstring for the rule)."""
    incoming: dict[str, list[dict]] = {}
    for entry in override.values:
        incoming.setdefault(entry["key"], []).append(entry)
    merged: list[dict] = []
    placed: set[str] = set()
    for entry in base.values:
        key = entry["key"]
        if key not in incoming:
            merged.append(entry)
        elif key not in placed:
            merged.extend(incoming[key])
            placed.add(key)
    for key, entries in incoming.items():
        if key not in placed:
            merged.extend(entries)
    base.values = merged
    base.name = base.name or override.name
    base.id = base.id or override.id


def load_scope(paths: list[str], kind: str = "environment",
               environ: Mapping[str, str] | None = None) -> VariableScope:
    """Several files layered into one scope (later files win per key); no files: an empty scope."""
    scope = VariableScope(kind=kind)
    for path in paths:
        merge_scopes(scope, load_env_file(path, kind, environ))
    return scope


# ---------------------------------------------------------------------------
# Command line pairs and export


def parse_key_value(text: str, option: str = "--env-var") -> tuple[str, str]:
    """``KEY=VALUE`` from ``--env-var``/``--global-var``: split at the first ``=``, value may be empty."""
    key, sep, value = text.partition("=")
    if not sep:
        raise EnvFileError(f"{option} expects KEY=VALUE, got {text!r} (no '=')")
    if not key:
        raise EnvFileError(f"{option} expects KEY=VALUE, got {text!r} (empty KEY)")
    return key, value


def apply_pairs(scope: VariableScope, pairs: list[str], option: str = "--env-var") -> None:
    """Apply ``KEY=VALUE`` overrides the way Newman does (``scope.set``, after the files)."""
    for text in pairs:
        key, value = parse_key_value(text, option)
        scope.set(key, value)


def export_scope(scope: VariableScope, path: str | os.PathLike[str]) -> None:
    """Write Newman's export format atomically, so exporting over the loaded file is safe.

    A symlink is followed (the link survives) and the old file's mode is kept; a device or
    FIFO (``/dev/stdout``) is written through rather than replaced by a regular file.
    """
    target = Path(os.path.realpath(path))
    payload = json.dumps(scope.to_export(), indent=2, ensure_ascii=False) + "\n"
    tmp_name = None
    try:
        if target.exists() and not target.is_file() and not target.is_dir():
            with open(target, "w", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(payload)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        # backslashreplace: a lone surrogate a script stored becomes a JSON \udXXXX escape, as Node writes it
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _export_mode(target))
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise EnvFileError(f"{os.fspath(path)}: cannot write the export ({exc.strerror or exc})") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _export_mode(target: Path) -> int:
    """The replaced file's permissions (mkstemp would leave 0600), else the umask's default."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
