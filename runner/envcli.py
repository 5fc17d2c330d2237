"""``pmreplay env``: look after environment files that a team shares.

Why a subcommand of its own: environment files travel through git and chat, and the
questions people ask about them -- "which file did this value come from?", "is there a
token in here?", "what changed between staging and prod?" -- are answered by reading the
files the way ``pmreplay run -e a -e b`` reads them, not by eyeballing JSON.

Subcommands::

    pmreplay env show FILE [FILE...] [--reveal] [--json]
    pmreplay env convert IN OUT [--to json|yaml]
    pmreplay env check FILE [FILE...] [--allow KEY_PATTERN]...
    pmreplay env diff A B [--reveal]

Exit codes follow ``diff`` and ``grep``: 0 nothing to report, 1 findings (``check``) or
differences (``diff``), 2 bad input or usage (a missing file, invalid JSON, an unknown
option), so a CI step can tell "the file has a secret" from "the file is broken".

Files are read raw (``${env:NAME}`` references unexpanded) with ``runner.envfiles``'
parser and layered with its ``merge_scopes``, so ``show`` lists exactly what ``-e`` would
load; ``show`` then resolves references from the process environment for display, and
``convert``/``check``/``diff`` work on what is written in the file.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from runner import envfiles
from runner.envfiles import EnvFileError
from runner.errors import PmreplayError
from runner.masking import MASK, Masker

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2
ALLOW_MARK = "pmreplay: allow"
"""Put this in a YAML comment on an entry's lines, or in an entry's description, to accept a finding."""


class EnvCliError(PmreplayError):
    """Bad input to ``pmreplay env``: one line, exit 2."""


# ---------------------------------------------------------------------------
# Reading files raw


@dataclass
class RawFile:
    """One environment file as written: top-level fields, entries, and which entries are allow-listed."""

    path: str
    meta: dict[str, Any]
    values: list[dict]
    mapping_form: bool
    allowed: set[int] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.meta.get("name") or ""

    @property
    def id(self) -> str | None:
        return self.meta.get("id")


def read_raw(path: str) -> RawFile:
    """Entries of one file without expanding ``${env:...}`` (the shapes ``envfiles`` accepts)."""
    text = envfiles.read_text(path, EnvFileError)
    doc = envfiles._parse_document(text, path)
    body = envfiles._unwrap(doc, path)
    if "values" not in body:
        raise EnvFileError(f"{path}: no 'values' (expected a list of {{key, value}} objects or a mapping of "
                           "names to values)")
    raw_values = body["values"] or []
    if isinstance(raw_values, list):
        values = [envfiles._entry_from_list_item(item, i, path) for i, item in enumerate(raw_values)]
    elif isinstance(raw_values, dict):
        values = [envfiles._entry_from_mapping(k, v, path) for k, v in raw_values.items()]
    else:
        raise EnvFileError(f"{path}: 'values' must be a list of {{key, value}} objects or a mapping")
    meta = {k: v for k, v in body.items() if k != "values"}
    for name in ("name", "id"):
        if meta.get(name) is not None and not isinstance(meta[name], str):
            raise EnvFileError(f"{path}: '{name}' must be a string")
    raw = RawFile(path, meta, values, isinstance(raw_values, dict))
    raw.allowed = _allowed_entries(raw, text)
    return raw


def _allowed_entries(raw: RawFile, text: str) -> set[int]:
    """Indexes of entries marked ``pmreplay: allow`` (a YAML comment on their lines, or their description)."""
    allowed = {i for i, e in enumerate(raw.values) if ALLOW_MARK in str(e.get("description") or "")}
    if ALLOW_MARK not in text:
        return allowed
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return allowed
    lines = text.splitlines()
    node = _values_node(root)
    if node is None:
        return allowed
    children = node.value if isinstance(node, yaml.SequenceNode) else [v for _, v in node.value]
    keys = [k for k, _ in node.value] if isinstance(node, yaml.MappingNode) else node.value
    for i, (start_node, end_node) in enumerate(zip(keys, children, strict=True)):
        first, last = start_node.start_mark.line, end_node.end_mark.line
        if last > first and (last >= len(lines) or not lines[last][:end_node.end_mark.column].strip()):
            last -= 1  # a block ends where the next entry starts: that line is not this entry's
        if any(ALLOW_MARK in lines[n] for n in range(first, min(last, len(lines) - 1) + 1)):
            allowed.add(i)
    return allowed


def _values_node(root: Any) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    pairs = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    if "values" not in pairs:
        for wrapper in ("environment", "globals"):
            if isinstance(pairs.get(wrapper), yaml.MappingNode):
                return _values_node(pairs[wrapper])
        return None
    node = pairs["values"]
    return node if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) else None


@dataclass
class _Layered:
    """Duck-typed scope for ``envfiles.merge_scopes``: raw entries tagged with their file."""

    values: list[dict] = field(default_factory=list)
    name: str = ""
    id: str | None = None


def layer(files: list[RawFile]) -> _Layered:
    """Entries of several files layered exactly as ``-e a -e b`` layers them."""
    merged = _Layered()
    for raw in files:
        seen = {e["key"]: e["_source"] for e in merged.values}
        incoming = _Layered([{**e, "_source": raw.path,
                              **({"_overrides": seen[e["key"]]} if e["key"] in seen else {})}
                             for e in raw.values], raw.name, raw.id)
        envfiles.merge_scopes(merged, incoming)  # type: ignore[arg-type]
    return merged


# ---------------------------------------------------------------------------
# Spotting secrets


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"), "looks like a private key"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), "looks like a JSON Web Token"),
    (re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b"), "looks like an AWS access key id"),
    (re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"), "looks like a GitHub token"),
    (re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), "looks like a Slack token"),
    (re.compile(r"https://hooks\.slack\.com/services/[A-Za-z0-9/]+"), "looks like a Slack webhook URL"),
    (re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"), "looks like a Google API key"),
    (re.compile(r"\b[sr]k_live_[0-9A-Za-z]{16,}"), "looks like a Stripe secret key"),
    (re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@"), "looks like a URL with a password in it"),
]
_SECRET_WORDS = ("password", "passwd", "pwd", "passphrase", "secret", "token", "private_key", "privatekey",
                 "client_secret", "api_key", "apikey", "access_key", "secret_key", "credentials")
_TOKEN_RUN = re.compile(r"[A-Za-z0-9+/=_-]{24,}")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_ENV_REF = re.compile(r"\$\$?\{env:[A-Za-z_][A-Za-z0-9_]*(?::-([^}]*))?}")
_PLACEHOLDER = re.compile(r"^(?:<[^<>]*>|\{\{[^{}]*}}|[xX*.]+|changeme|change-me|todo|tbd|redacted|none|null)$",
                          re.IGNORECASE)


def _entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def _high_entropy(text: str) -> bool:
    """A long run of token characters that is too random to be a word, path or id."""
    for run in _TOKEN_RUN.findall(text):
        run = run.strip("=")
        if _UUID.match(run) or not (re.search(r"[0-9]", run) and re.search(r"[A-Za-z]", run)):
            continue
        if _HEX.match(run):
            if len(run) >= 40 and _entropy(run) >= 3.3:
                return True
        elif len(run) >= 24 and _entropy(run) >= 4.2 and re.search(r"[A-Z]", run) and re.search(r"[a-z]", run):
            return True
    return False


def _name_word(key: str) -> str | None:
    """The secret-sounding word a variable's name *ends* with (``DB_PASSWORD``; not ``TOKEN_URL``)."""
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).replace("-", "_").replace(".", "_").lower().split("_")
    words = [w for w in words if w]
    for size in (2, 1):
        tail = "_".join(words[-size:])
        if len(words) >= size and tail in _SECRET_WORDS:
            return tail
    return None


def _literal_text(value: Any) -> str:
    """What a value holds once ``${env:...}`` references are taken out (fallback text stays)."""
    return _ENV_REF.sub(lambda m: m.group(1) or "", value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def secret_finding(entry: dict) -> str | None:
    """Why an entry's literal value should not be in a shared file, or None."""
    strings = _strings(entry.get("value"))
    texts = [t for t in (_literal_text(s).strip() for s in strings) if t and not _PLACEHOLDER.match(t)]
    for text in texts:
        for pattern, message in _PATTERNS:
            if pattern.search(text):
                return message
    # a value that pulls anything from ${env:...} is where the secret belongs, whatever text surrounds it
    own = [s for s in strings if not _ENV_REF.search(s) and s.strip() and not _PLACEHOLDER.match(s.strip())]
    value = entry.get("value")
    literal = bool(own) or isinstance(value, (int, float)) and not isinstance(value, bool)
    if entry.get("type") == "secret" and literal:
        return "is typed secret but holds a literal value"
    word = _name_word(str(entry.get("key", "")))
    if word and literal:
        noun = word.replace("_", " ")
        return f"is named like {'an' if noun[0] in 'aeiou' else 'a'} {noun} and holds a literal value"
    if any(_high_entropy(text) for text in texts):
        return "looks like a token (long, random text)"
    return None


def is_sensitive(entry: dict) -> bool:
    """Shown masked: typed secret, or looks like one."""
    return entry.get("type") == "secret" or secret_finding(entry) is not None


# ---------------------------------------------------------------------------
# show


def _display(value: Any) -> str:
    """One line per value: text as is, anything else (and multi-line text) as JSON."""
    if isinstance(value, str) and "\n" not in value and "\r" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _references(value: Any) -> list[str]:
    return [m.group(0) for s in _strings(value) for m in _ENV_REF.finditer(s) if not m.group(0).startswith("$$")]


def _resolve_for_show(entry: dict) -> tuple[Any, list[str]]:
    """The value a run would load, and the OS variables it needs that are not set."""
    refs = _references(entry.get("value"))
    if not refs:
        return entry.get("value"), []
    try:
        return envfiles._expand_deep(entry.get("value"), os.environ, entry["_source"], f"values.{entry['key']}"), []
    except EnvFileError:
        names = [re.match(r"\$\{env:([A-Za-z0-9_]+)", r).group(1) for r in refs]  # type: ignore[union-attr]
        return entry.get("value"), [n for n in names if n not in os.environ]


def cmd_show(args: argparse.Namespace) -> int:
    files = [read_raw(p) for p in args.files]
    merged = layer(files)
    resolved = [(entry, *_resolve_for_show(entry)) for entry in merged.values]
    sensitive = [not args.reveal and not unset and value not in (None, "") and is_sensitive({**entry, "value": value})
                 for entry, value, unset in resolved]
    # a secret may also sit inside another value ("Bearer <token>"): mask it there too
    masker = Masker([str(value) for (_, value, _), hidden in zip(resolved, sensitive, strict=True) if hidden],
                    enabled=not args.reveal)
    rows = []
    for (entry, value, unset), masked in zip(resolved, sensitive, strict=True):
        rows.append({
            "key": entry["key"], "value": MASK if masked else masker.deep(value), "type": entry.get("type", "any"),
            "disabled": bool(entry.get("disabled")), "source": entry["_source"],
            "references": _references(entry.get("value")), "unset": unset,
            "overrides": entry.get("_overrides"), "masked": masked,
        })
    if args.json:
        json.dump({"name": merged.name, "id": merged.id, "files": list(args.files), "values": rows},
                  sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    title = merged.name or "(unnamed)"
    print(f"{title}: {len(rows)} value{'s' if len(rows) != 1 else ''} from {len(files)} file{'s' * (len(files) != 1)}")
    width = max([len(r["key"]) for r in rows] + [3])
    for row in rows:
        value = _display(row["value"])
        if row["unset"]:
            value = f"{value} (unset: {', '.join(row['unset'])})"
        source = row["source"]
        if row["references"]:
            source += " via " + ", ".join(row["references"])
        if row["overrides"]:
            source += f" (overrides {row['overrides']})"
        flags = " [disabled]" if row["disabled"] else ""
        kind = f" ({row['type']})" if row["type"] not in ("default", "any") else ""
        print(f"  {row['key']:<{width}}  {value}{kind}{flags}  <- {source}")
    return EXIT_OK


# ---------------------------------------------------------------------------
# convert


def _target_format(out: str, to: str | None) -> str:
    if to:
        return to
    suffix = Path(out).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise EnvCliError(f"{out}: cannot tell the format from the extension; use --to json or --to yaml")


def to_postman_json(raw: RawFile) -> dict:
    """Postman's list form: every entry with key, value, type and its flags, as written."""
    values = []
    for entry in raw.values:
        out = {"key": entry["key"], "value": entry.get("value")}
        out["type"] = entry.get("type", "any")
        out.update({k: v for k, v in entry.items() if k not in ("key", "value", "type")})
        values.append(out)
    doc: dict[str, Any] = {}
    for key in ("id", "name"):
        if key in raw.meta:
            doc[key] = raw.meta[key]
    doc["values"] = values
    doc.update({k: v for k, v in raw.meta.items() if k not in doc})
    doc.setdefault("_postman_variable_scope", "environment")
    return doc


def _plain_ok(entry: dict) -> bool:
    """Can the entry be written as ``KEY: value`` and read back the same?"""
    value = entry.get("value")
    spec_like = isinstance(value, dict) and "value" in value and set(value) <= envfiles._ENTRY_SPEC_KEYS
    return set(entry) <= {"key", "value", "type"} and entry.get("type") == "default" and not spec_like


def to_friendly_yaml(raw: RawFile) -> dict:
    """The readable YAML form (a mapping of names), falling back to a list when keys repeat."""
    doc: dict[str, Any] = {}
    for key in ("name", "id"):
        if key in raw.meta:
            doc[key] = raw.meta[key]
    doc.update({k: v for k, v in raw.meta.items() if k not in doc})
    keys = [e["key"] for e in raw.values]
    if len(set(keys)) != len(keys):
        doc["values"] = to_postman_json(raw)["values"]
        return doc
    values: dict[str, Any] = {}
    for entry in raw.values:
        if _plain_ok(entry):
            values[entry["key"]] = entry.get("value")
        else:
            spec = {"value": entry.get("value"), "type": entry.get("type", "any")}
            spec.update({k: v for k, v in entry.items() if k not in ("key", "value", "type")})
            values[entry["key"]] = spec
    doc["values"] = values
    return doc


class _FlowSpecDumper(yaml.SafeDumper):
    """Entry specs ``{value, type}`` on one line, everything else in block style."""


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    flow = bool(data) and set(data) <= envfiles._ENTRY_SPEC_KEYS and "value" in data and all(
        not isinstance(v, (dict, list)) for v in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_FlowSpecDumper.add_representer(dict, _represent_dict)


def cmd_convert(args: argparse.Namespace) -> int:
    if args.output == "-" and not args.to:
        raise EnvCliError("writing to stdout needs --to json or --to yaml")
    target = _target_format(args.output, args.to)
    raw = read_raw(args.input)
    if target == "json":
        text = json.dumps(to_postman_json(raw), indent=2, ensure_ascii=False) + "\n"
    else:
        text = yaml.dump(to_friendly_yaml(raw), Dumper=_FlowSpecDumper, sort_keys=False, allow_unicode=True,
                         default_flow_style=False, width=1000)
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise EnvCliError(f"{args.output}: cannot write ({exc.strerror or exc})") from None
    print(f"{args.input} -> {args.output} ({target}, {len(raw.values)} values)", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------------------
# check


def check_file(raw: RawFile, allow: list[str]) -> list[str]:
    """``FILE: values.KEY: reason`` for each entry that should not be shared."""
    findings = []
    for index, entry in enumerate(raw.values):
        if index in raw.allowed or any(fnmatch.fnmatchcase(entry["key"], p) for p in allow):
            continue
        reason = secret_finding(entry)
        if reason:
            findings.append(f"{raw.path}: values.{entry['key']}: {reason}")
    return findings


def cmd_check(args: argparse.Namespace) -> int:
    files = [read_raw(p) for p in args.files]  # every file readable before anything is judged
    findings = [line for raw in files for line in check_file(raw, args.allow)]
    for line in findings:
        print(line)
    if findings:
        print(f"pmreplay env check: {len(findings)} possible secret{'s' * (len(findings) != 1)} found; "
              "use ${env:NAME} references, or accept one with --allow KEY or a "
              f"'# {ALLOW_MARK}' comment", file=sys.stderr)
        return EXIT_FOUND
    print(f"pmreplay env check: no secrets found in {len(files)} file{'s' * (len(files) != 1)}", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------------------
# diff


def _effective(raw: RawFile) -> dict[str, dict]:
    """Per key, the entry a run would use (the last enabled one; else the last, disabled)."""
    out: dict[str, dict] = {}
    for entry in raw.values:
        if not entry.get("disabled") or entry["key"] not in out or out[entry["key"]].get("disabled"):
            out[entry["key"]] = entry
    return out


def _shown(entry: dict, reveal: bool, masker: Masker) -> str:
    if not reveal and is_sensitive(entry) and entry.get("value") not in (None, ""):
        return MASK
    return json.dumps(masker.deep(entry.get("value")), ensure_ascii=False)


def diff_files(a: RawFile, b: RawFile, reveal: bool = False) -> list[str]:
    """Readable lines: ``+ KEY = v`` added in B, ``- KEY = v`` only in A, ``~ KEY: ...`` changed."""
    left, right = _effective(a), _effective(b)
    masker = Masker([str(e["value"]) for e in [*left.values(), *right.values()]
                     if e.get("value") not in (None, "") and is_sensitive(e)], enabled=not reveal)

    def shown(entry: dict) -> str:
        return _shown(entry, reveal, masker)

    lines: list[str] = []
    for key, entry in left.items():
        if key not in right:
            lines.append(f"- {key} = {shown(entry)}")
    for key, entry in right.items():
        if key not in left:
            lines.append(f"+ {key} = {shown(entry)}")
            continue
        old = left[key]
        changes = []
        if old.get("value") != entry.get("value") or type(old.get("value")) is not type(entry.get("value")):
            before, after = shown(old), shown(entry)
            changes.append("value changed (masked)" if before == after == MASK else f"value {before} -> {after}")
        if old.get("type", "any") != entry.get("type", "any"):
            changes.append(f"type {old.get('type', 'any')} -> {entry.get('type', 'any')}")
        if bool(old.get("disabled")) != bool(entry.get("disabled")):
            changes.append("now disabled" if entry.get("disabled") else "now enabled")
        if changes:
            lines.append(f"~ {key}: {'; '.join(changes)}")
    return lines


def cmd_diff(args: argparse.Namespace) -> int:
    a, b = read_raw(args.a), read_raw(args.b)
    lines = diff_files(a, b, args.reveal)
    if not lines:
        return EXIT_OK
    print(f"--- {args.a}\n+++ {args.b}")
    for line in lines:
        print(line)
    return EXIT_FOUND


# ---------------------------------------------------------------------------
# Command line


class _Parser(argparse.ArgumentParser):
    """One-line usage errors with exit 2 (``env`` keeps 1 for findings and differences)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pmreplay env", description="Inspect, convert, check and compare environment files. "
                     "Exit codes: 0 ok, 1 findings or differences, 2 bad input.")
    sub = parser.add_subparsers(dest="action", parser_class=_Parser, required=True, metavar="ACTION")
    show = sub.add_parser("show", help="the merged values of several files, each with its source")
    show.add_argument("files", nargs="+", metavar="FILE", help="layered like -e: later files override earlier ones")
    show.add_argument("--reveal", action="store_true", help="do not mask secrets")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    convert = sub.add_parser("convert", help="Postman JSON <-> YAML (references stay unexpanded)")
    convert.add_argument("input", metavar="IN")
    convert.add_argument("output", metavar="OUT", help="file to write (format from its extension), or - for stdout")
    convert.add_argument("--to", choices=("json", "yaml"), help="output format (default: from OUT's extension)")
    check = sub.add_parser("check", help="flag values that look like secrets (exit 1 when any)")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--allow", action="append", default=[], metavar="KEY_PATTERN",
                       help="accept findings for keys matching this glob; repeatable")
    diff = sub.add_parser("diff", help="added, removed and changed values (exit 1 when different)")
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B")
    diff.add_argument("--reveal", action="store_true", help="do not mask secrets")
    return parser


COMMANDS = {"show": cmd_show, "convert": cmd_convert, "check": cmd_check, "diff": cmd_diff}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return COMMANDS[args.action](args)
    except PmreplayError as exc:
        sys.stderr.write(f"pmreplay env {args.action}: error: {exc}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `pmreplay env show ... | head`
        return EXIT_OK
