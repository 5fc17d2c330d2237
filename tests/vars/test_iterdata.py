"""Iteration data files. The CSV typing cases were observed by running Newman 6.2.2 with a CSV
file and a test script recording ``typeof`` of every ``pm.iterationData`` value into an exported
environment (re-checked live in test_newman_conformance.py when Newman is installed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from runner.errors import PmreplayError
from runner.iterdata import (
    IterationDataError,
    cast_csv_cell,
    data_scope,
    iteration_count,
    load_iteration_data,
    parse_csv,
    row_for,
)
from runner.variables import ScopeChain

SHARED = Path(os.environ.get("PMREPLAY_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
AEP_COLLECTION_DIR = SHARED / "aep-collection"

# The CSV Newman was run with, and the row it produced (JSON.stringify of pm.iterationData.toObject()).
NEWMAN_CSV = (
    "\ufeffint,lead,zero,boolish,empty,float,quoted,spaced,hex,exp,neg,plus,text,mixed,inf,big,dot,nnum\r\n"
    '123,007,0,true,,1.5,"42", 42 ,0x10,1e3,-3,+5,hello,12abc,Infinity,12345678901234567890,.5,-0\r\n'
    '"a,b","multi\nline","q""uote",FALSE,x\r\n'
    "1,2\r\n"
)
NEWMAN_ROWS = [
    {"int": 123, "lead": 7, "zero": 0, "boolish": "true", "empty": "", "float": 1.5, "quoted": "42", "spaced": 42,
     "hex": 0, "exp": 1000, "neg": -3, "plus": 5, "text": "hello", "mixed": "12abc", "inf": "Infinity",
     "big": 12345678901234567000.0, "dot": 0.5, "nnum": 0},
    {"int": "a,b", "lead": "multi\nline", "zero": 'q"uote', "boolish": "FALSE", "empty": "x"},
    {"int": 1, "lead": 2},
]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_typing_matches_newman(tmp_path):
    rows = load_iteration_data(write(tmp_path / "data.csv", NEWMAN_CSV))
    assert rows == NEWMAN_ROWS
    # Python's == says 7 == 7.0: compare the JSON text too, as Newman's JSON.stringify wrote it.
    assert json.dumps(rows[0]["lead"]) == "7" and json.dumps(rows[0]["exp"]) == "1000"
    assert json.dumps(rows[0]["big"]) == "1.2345678901234567e+19"  # a double, as in JavaScript


@pytest.mark.parametrize(("cell", "quoted", "value"), [
    ("123", False, 123), ("007", False, 7), ("0", False, 0), ("-0", False, 0), ("+5", False, 5),
    ("1.50", False, 1.5), (".5", False, 0.5), ("5.", False, 5), ("1e3", False, 1000), ("1E-2", False, 0.01),
    ("0x10", False, 0), ("0b1", False, 0), ("true", False, "true"), ("", False, ""), ("Infinity", False, "Infinity"),
    ("12abc", False, "12abc"), ("1e400", False, "1e400"), ("1_000", False, "1_000"), ("42", True, "42"),
    ("007", True, "007"), ("abc", False, "abc"), ("1 2", False, "1 2"),
])
def test_cast_csv_cell(cell, quoted, value):
    result = cast_csv_cell(cell, quoted)
    assert result == value and type(result) is type(value)


def test_short_rows_extra_cells_and_whitespace(tmp_path):
    # Newman: "1,2,3" under a two-column header keeps a and b; "  \"q\"  " is the string "q".
    rows = parse_csv('a,b\n1,2,3\nx"y,  "q"  \n')
    assert rows == [{"a": 1, "b": 2}, {"a": 'x"y', "b": "q"}]


def test_blank_lines_are_skipped_unlike_newman():
    # Newman yields {"a": ""} for a blank or whitespace-only line; we skip it (documented difference).
    assert parse_csv("a,b\n\n1,2\n   \r\n\r\n3,4\n\n") == [{"a": 1, "b": 2}, {"a": 3, "b": 4}]


def test_line_endings_and_trailing_comma():
    assert parse_csv("a,b\r1,\r\n2,x") == [{"a": 1, "b": ""}, {"a": 2, "b": "x"}]


def test_header_only_and_empty_file(tmp_path):
    assert parse_csv("a,b\n") == []
    assert load_iteration_data(write(tmp_path / "empty.csv", "")) == []


def test_quoted_header_and_duplicate_columns():
    assert parse_csv('"the key",k,k\nv,1,2\n') == [{"the key": "v", "k": 2}]


def test_unclosed_quote_is_a_one_line_error(tmp_path):
    path = write(tmp_path / "bad.csv", 'a,b\n1,"open\n2,3\n')
    with pytest.raises(IterationDataError) as exc:
        load_iteration_data(path)
    assert str(exc.value) == f"{path}: line 2: a quoted field is never closed"


def test_text_after_closing_quote_is_an_error_like_newman(tmp_path):
    path = write(tmp_path / "bad.csv", 'a,b\n"ab"c,2\n')
    with pytest.raises(IterationDataError) as exc:
        load_iteration_data(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: line 2: unexpected 'c' after a closing quote") and "\n" not in message


@pytest.mark.parametrize(("encoding", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                               ("utf-8", b"\xef\xbb\xbf")])
def test_csv_encodings(tmp_path, encoding, bom):
    path = tmp_path / "data.csv"
    path.write_bytes(bom + "name,n\nJosé,1\n".encode(encoding))
    assert load_iteration_data(path) == [{"name": "José", "n": 1}]


# ---------------------------------------------------------------------------
# JSON


def test_json_array_keeps_types(tmp_path):
    rows = [{"a": "007", "b": 1, "c": None, "d": {"x": [1]}, "e": True}]
    assert load_iteration_data(write(tmp_path / "d.json", json.dumps(rows))) == rows


def test_json_single_object_is_one_row(tmp_path):
    assert load_iteration_data(write(tmp_path / "d.json", '{"a": 1}')) == [{"a": 1}]


def test_json_with_bom_and_utf16(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(b"\xff\xfe" + '[{"a": "é"}]'.encode("utf-16-le"))
    assert load_iteration_data(path) == [{"a": "é"}]
    path.write_bytes(b"\xef\xbb\xbf" + b'[{"a": 2}]')
    assert load_iteration_data(path) == [{"a": 2}]


def test_json_sniffed_without_extension(tmp_path):
    assert load_iteration_data(write(tmp_path / "data.txt", ' [{"a": 1}]')) == [{"a": 1}]
    assert load_iteration_data(write(tmp_path / "data2.txt", "a\n1\n")) == [{"a": 1}]


@pytest.mark.parametrize(("text", "fragment"), [
    ("[1, 2]", "[0] must be an object of column values, found int"),
    ('[{"a": 1}, [1]]', "[1] must be an object of column values, found an array"),
    ('"text"', "must be an array of objects (or one object), found str"),
    ("[{]", "not valid JSON (line 1, column 3)"),
])
def test_json_wrong_shape(tmp_path, text, fragment):
    path = write(tmp_path / "d.json", text)
    with pytest.raises(IterationDataError) as exc:
        load_iteration_data(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: ") and fragment in message and "\n" not in message
    assert isinstance(exc.value, PmreplayError)


def test_missing_file(tmp_path):
    with pytest.raises(IterationDataError, match="no such file"):
        load_iteration_data(tmp_path / "nope.csv")


# ---------------------------------------------------------------------------
# Iterations


def test_iteration_count():
    rows = [{"a": 1}, {"a": 2}, {"a": 3}]
    assert iteration_count(rows) == 3
    assert iteration_count([]) == 1
    assert iteration_count(rows, 5) == 5
    assert iteration_count([], 2) == 2
    for bad in (0, -1, True, 1.5):
        with pytest.raises(IterationDataError, match="at least 1"):
            iteration_count(rows, bad)


def test_row_for_reuses_last_row():
    rows = [{"a": 1}, {"a": 2}]
    assert [row_for(rows, i)["a"] for i in range(4)] == [1, 2, 2, 2]
    assert row_for([], 3) == {}
    row_for(rows, 0)["a"] = 99
    assert rows[0]["a"] == 1  # a copy


def test_data_scope_substitutes_with_js_formatting():
    scope = data_scope([{"id": 7, "ratio": 1.0, "name": "x"}], 4)
    assert ScopeChain(iteration_data=scope).substitute("{{id}}/{{ratio}}/{{name}}") == "7/1/x"


def test_published_aep_sample_data_loads_as_iteration_data():
    if not AEP_COLLECTION_DIR.is_dir():
        pytest.skip(f"shared AEP collection folder not found at {AEP_COLLECTION_DIR} (set PMREPLAY_SHARED)")
    path = AEP_COLLECTION_DIR / "AEP loyalty profiles.json"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    rows = load_iteration_data(path)
    assert len(rows) > 1 and all(isinstance(r, dict) for r in rows)
    first = rows[0]
    scope = data_scope(rows, 0)
    assert scope.get("person") == first["person"]
