"""csv-parse's sync API in the sandbox: `csv-parse/lib/sync` against csv-parse 1.2.4 (the
version Postman bundles), `csv-parse/sync` against csv-parse 4, plus literal checks."""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_lib_common import assert_same, run_node, run_ours

FILES = ["csv-parse.js"]

INPUTS: list[tuple[str, str | None]] = [
    ("a,b\n1,2\n", None),
    ("a,b\n1,2\n", "{columns: true}"),
    ("a,b\n1,2", "{}"),
    ("a,b\n\n1,2\n", None),
    ("a,b\n\n1,2\n", "{relax_column_count: true}"),
    ("a,b\n\n1,2\n", "{skip_empty_lines: true}"),
    ("a,b\n  \n1,2\n", "{skip_empty_lines: true}"),
    (" a , b \n", "{trim: true}"),
    (" a , b \n", "{ltrim: true}"),
    (" a , b \n", "{rtrim: true}"),
    ('"a" ,b\n', None),
    ('"a" ,b\n', "{trim: true}"),
    ("1,2.5,x,,-3,1e3, 4,0x10,true\n", "{cast: true}"),
    ("\ufeffa,b\n1,2\n", "{columns: true}"),
    ("\ufeffa,b\n1,2\n", "{columns: true, bom: true}"),
    ('a;b\r\n1;"x;""y"""\r\n', "{delimiter: ';'}"),
    ("a,b\n1,2,3\n", "{columns: true, relax_column_count: true}"),
    ("a,b\n1\n", "{columns: true}"),
    ("a,b\n1,2,3\n", None),
    ("#c\na,b\n1,2 #x\n", "{comment: '#'}"),
    ("a,b\n1,2\n3,4\n", "{from_line: 2}"),
    ("a,b\n1,2\n3,4\n", "{from_line: 2, columns: true}"),
    ("a,b\n1,2\n", "{columns: ['x', null]}"),
    ("a,b\n1,2\n", "{columns: ['x', 'y', 'z']}"),
    ("a,b\n1,2\n", "{cast: function (v, c) { return c.header ? v.toUpperCase() : v + ':' + c.column + ':' + c.index + ':' + c.lines + ':' + c.records + ':' + c.quoting; }}"),
    ('a,"b"\n1,2\n', "{columns: true, cast: function (v, c) { return c.header ? v.toUpperCase() : v + ':' + c.column + ':' + c.index + ':' + c.quoting; }}"),
    ("a,b\n1,2\n", "{columns: function (h) { return h.map(function (x) { return 'col_' + x; }); }}"),
    ("a,a\n1,2\n", "{columns: true}"),
    ("a,a\n1,2\n", "{columns: true, columns_duplicates_to_array: true}"),
    ('x"y,b\n', "{relax: true}"),
    ('x"y,b\n', None),
    ('"x"y,b\n', None),
    ('a,"b\n', None),
    ("a\n\n\nb\n", "{skip_empty_lines: true}"),
    ("a, ,c\n,,\n", "{skip_lines_with_empty_values: true}"),
    ("a,b\n1,2\n", "{columns: true, objname: 'a'}"),
    ("a,b\n1,2\n3,4\n5,6", "{to_line: 2}"),
    ("a\tb\n", "{delimiter: '\\t'}"),
    ("", "{columns: true}"),
    ('"a\\"b",c\n', "{escape: '\\\\'}"),
    ('"multi\nline",x\ny,z\n', None),
    ("a|b||c\n", "{delimiter: ['|', '||']}"),
    ("a,b\r1,2\r", None),
    ("id,name,email\n1,Ada,ada@example.com\n2,\"Lovelace, Ada\",\"a\"\"b@x.io\"\n", "{columns: true, skip_empty_lines: true}"),
    ("a,b\n1,2\n3,4\n", "{from: 2}"),
    ("a,b\n1,2\nx\n3,4\n", "{skip_lines_with_error: true}"),
    ("a,b\n1,2\n", "{quote: false}"),
    ("'a,b',c\n", "{quote: \"'\"}"),
    ('"a\nb",c\n1,2,3\n', None),
    ('x\n"a\nb\nc', None),
    ('"a\nb",c\n1,2\n', "{cast: function (v, c) { return v + ':' + c.lines; }}"),
]


def _case(text: str, options: str | None, fn: str = "require('csv-parse/lib/sync')") -> str:
    call = fn + "(" + json.dumps(text) + ("" if options is None else ", " + options) + ")"
    return "(function(){ try { return " + call + "; } catch (e) { return {code: e.code, message: e.message}; } })()"


# require('csv-parse/sync').parse behaves like csv-parse 4's lib/sync
V4_OURS = [_case(t, o, "require('csv-parse/sync').parse") for t, o in INPUTS]
V4_REAL = [_case(t, o) for t, o in INPUTS]
# require('csv-parse/lib/sync') behaves like csv-parse 1.2.4 (Postman's) for the options 1.x knows
_V4_ONLY = ("cast", "from_line", "to_line", "bom", "columns_duplicates_to_array", "skip_lines_with_error", "delimiter: [", "info", "raw:")
LEGACY_INPUTS = [(t, o) for t, o in INPUTS if not (o and any(k in o for k in _V4_ONLY))] + [
    ("a,b\n\n1,2\n", "{columns: true}"),
    ("a,b\n1,2\n\n3\n", None),
    ("1,2.5,x,,-3,1e3, 4,0x10,true,007\n", "{auto_parse: true}"),
    ("a;b\r\n1;2\r\n", "{delimiter: ';', rowDelimiter: '\r\n'}"),
    ("a,b\n1,2\n3,4\n", "{from: 2, to: 2}"),
    ("a,b\n1,2\n3,4\n", "{columns: true, from: 2}"),
    ('a,b\n"x""y",2\n', "{columns: true, objname: 'a'}"),
]
LEGACY_OURS = [_case(t, o) for t, o in LEGACY_INPUTS]
LEGACY_REAL = [_case(t, o, "require('csvparse1/lib/sync')") for t, o in LEGACY_INPUTS]


def test_csv_literal_records() -> None:
    cases = [
        _case("a,b\n1,2\n", "{columns: true}"),
        _case('id,name\n1,"Doe, ""J"""\n', None),
        _case("1,2.5,x\n", "{cast: true}"),
        _case("a,b\n1,2,3\n", None, "require('csv-parse/sync').parse"),
        "require('csv-parse/sync').parse('x;y\\n', {delimiter: ';'})",
        _case("a,b\n1,2,3\n", None),
        _case("\ufeffa,b\n\n1,2\n", "{columns: true}"),
    ]
    assert run_ours(cases, FILES) == [
        [{"a": "1", "b": "2"}],
        [["id", "name"], ["1", 'Doe, "J"']],
        [[1, 2.5, "x"]],
        {"code": "CSV_INCONSISTENT_RECORD_LENGTH", "message": "Invalid Record Length: expect 2, got 3 on line 2"},
        [["x", "y"]],
        {"code": {"undefined": True}, "message": "Number of columns is inconsistent on line 2"},
        [{"a": ""}, {"a": "1", "b": "2"}],
    ]


def test_bad_input_is_a_clear_error() -> None:
    (result,) = run_ours([_case("a", "{delimiter: ''}")], FILES)
    assert result["code"] == "CSV_INVALID_OPTION_DELIMITER"


@pytest.mark.conformance
def test_lib_sync_same_as_csv_parse_1_2_4_bundled_by_postman() -> None:
    theirs = run_node(LEGACY_REAL, {"csvparse1": "csvparse1@npm:csv-parse@1.2.4"})
    assert_same(LEGACY_OURS, run_ours(LEGACY_OURS, FILES), theirs)


@pytest.mark.conformance
def test_sync_same_as_csv_parse_4() -> None:
    assert_same(V4_OURS, run_ours(V4_OURS, FILES), run_node(V4_REAL, {"csv-parse": "csv-parse@4"}))
