"""Iteration data (``-d``): JSON or CSV rows, one per iteration, typed the way Newman types them.

Why a hand-written CSV reader: Newman decides a cell's type by whether it was *quoted*
(quoted cells stay strings), which Python's ``csv`` module does not report.

CSV rules, observed by running Newman 6.2.2 (csv-parse with columns, trim, relax,
relax_column_count and bom):

- The first record is the header. Fields are separated by ``,``; records by ``\\n``,
  ``\\r\\n`` or ``\\r``. Whitespace around a field is dropped.
- ``"..."`` quotes a field; inside it ``""`` is a quote and commas and newlines are
  text. A quote inside an unquoted field is text (``x"y``). Anything but whitespace
  after a closing quote is an error, as in Newman.
- A row shorter than the header only has the columns it reaches; extra cells are dropped.
- Unquoted cells become numbers when Newman's test says so: ``123``, ``+5``, ``-3``,
  ``1.5``, ``.5``, ``1e3``, and *leading zeros too* (``007`` -> 7, ``0`` -> 0); a prefix
  quirk turns ``0x10`` into 0. ``true``, ``Infinity``, ``12abc`` and empty cells stay
  strings. Quote a cell (``"007"``) to keep it a string.
- Deliberate difference: blank (or whitespace-only) lines are skipped. Newman turns each
  into a row whose first column is ``""``, which is never what a data file meant.

JSON: an array of objects, or one object (one row). The format follows the extension
(``.json``, ``.csv``); for other names text starting with ``[`` or ``{`` is tried as JSON
first, like Newman. UTF-8 (BOM optional) and UTF-16 with BOM are accepted.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

from runner.envfiles import parse_json_text, read_text
from runner.errors import PmreplayError
from runner.variables import VariableScope, js_number


class IterationDataError(PmreplayError):
    """An iteration data file or an iteration count is unusable."""


_FIELD_END = re.compile(r"[,\r\n]")
_NEWMAN_INT = re.compile(r"[+-]?[1-9][0-9]*")
_JS_FLOAT_PREFIX = re.compile(r"[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")


def _js_parse_float(text: str) -> float:
    """JavaScript's ``parseFloat``: the longest numeric prefix, NaN when there is none."""
    match = _JS_FLOAT_PREFIX.match(text.lstrip())
    if not match:
        return math.nan
    return float(match.group(0).replace("Infinity", "inf"))


def _as_js_number(number: float) -> int | float:
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def cast_csv_cell(text: str, quoted: bool) -> Any:
    """Newman's cell typing: quoted cells stay text; integers, then anything its float test accepts."""
    if quoted:
        return text
    if _NEWMAN_INT.fullmatch(text):
        return _as_js_number(float(int(text)))
    number = js_number(text)
    parsed = _js_parse_float(text)
    try:
        accepted = (number - parsed + 1) >= 0  # NaN compares false, inf - inf is NaN
    except OverflowError:
        accepted = False
    return _as_js_number(parsed) if accepted else text


def _parse_csv_records(text: str, label: str) -> list[tuple[int, list[tuple[str, bool]]]]:
    """Records as ``(line number, [(cell text, was quoted)])``, blank lines left out."""
    records: list[tuple[int, list[tuple[str, bool]]]] = []
    fields: list[tuple[str, bool]] = []
    i, n, line = 0, len(text), 1
    record_line = 1
    while i <= n:
        # one field
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == '"':
            start_line = line
            i += 1
            chunk: list[str] = []
            while True:
                end = text.find('"', i)
                if end < 0:
                    raise IterationDataError(f"{label}: line {start_line}: a quoted field is never closed")
                segment = text[i:end]
                line += segment.count("\n") + segment.count("\r") - segment.count("\r\n")
                chunk.append(segment)
                if text.startswith('""', end):
                    chunk.append('"')
                    i = end + 2
                    continue
                i = end + 1
                break
            while i < n and text[i] in " \t":
                i += 1
            if i < n and text[i] not in ",\r\n":
                raise IterationDataError(f"{label}: line {line}: unexpected {text[i]!r} after a closing quote "
                                         "(double a quote inside a quoted field: \"\")")
            fields.append(("".join(chunk), True))
        else:
            match = _FIELD_END.search(text, i)
            end = match.start() if match else n
            fields.append((text[i:end].strip(" \t"), False))
            i = end
        # what ends the field
        if i < n and text[i] == ",":
            i += 1
            continue
        if not (len(fields) == 1 and fields[0] == ("", False)):
            records.append((record_line, fields))
        fields = []
        if i >= n:
            break
        i += 2 if text.startswith("\r\n", i) else 1
        line += 1
        record_line = line
    return records


def parse_csv(text: str, label: str = "<csv>") -> list[dict]:
    """Rows of a CSV document keyed by its header row, cells typed as Newman types them."""
    if text.startswith("\ufeff"):
        text = text[1:]
    records = _parse_csv_records(text, label)
    if not records:
        return []
    header = [cell for cell, _ in records[0][1]]
    rows = []
    for _, cells in records[1:]:
        rows.append({name: cast_csv_cell(cell, quoted) for name, (cell, quoted) in zip(header, cells, strict=False)})
    return rows


def parse_json_rows(doc: Any, label: str) -> list[dict]:
    """Rows from a parsed JSON document: an array of objects, or one object."""
    if isinstance(doc, dict):
        return [doc]
    if not isinstance(doc, list):
        kind = "null" if doc is None else type(doc).__name__
        raise IterationDataError(f"{label}: iteration data must be an array of objects (or one object), found {kind}")
    for index, row in enumerate(doc):
        if not isinstance(row, dict):
            kind = "null" if row is None else ("an array" if isinstance(row, list) else type(row).__name__)
            raise IterationDataError(f"{label}: [{index}] must be an object of column values, found {kind}")
    return doc



def load_iteration_data(path: str | os.PathLike[str]) -> list[dict]:
    """The rows of a ``-d`` file (JSON or CSV)."""
    label = os.fspath(path)
    text = read_text(path, IterationDataError)
    if text.startswith("\ufeff"):
        text = text[1:]
    suffix = Path(label).suffix.lower()
    if suffix == ".json":
        return parse_json_rows(parse_json_text(text, label, IterationDataError), label)
    if suffix != ".csv" and text.lstrip()[:1] in ("[", "{"):
        try:
            doc = json.loads(text)
        except RecursionError:
            raise IterationDataError(f"{label}: not valid JSON: nested too deeply") from None
        except ValueError:
            pass
        else:
            return parse_json_rows(doc, label)
    return parse_csv(text, label)


def iteration_count(rows: list[dict], n: int | None = None) -> int:
    """How many iterations run: ``-n`` if given, else one per data row, else 1."""
    if n is not None:
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise IterationDataError(f"--iteration-count must be a whole number of at least 1, got {n!r}")
        return n
    return len(rows) or 1


def row_for(rows: list[dict], iteration: int) -> dict:
    """The data row of a (0-based) iteration; past the end the last row is reused, as in Newman."""
    if not rows:
        return {}
    return dict(rows[min(max(iteration, 0), len(rows) - 1)])


def data_scope(rows: list[dict], iteration: int) -> VariableScope:
    """The iteration-data scope for one iteration, ready for ``ScopeChain(iteration_data=...)``."""
    return VariableScope.from_dict(row_for(rows, iteration), kind="data", name="iterationData")
