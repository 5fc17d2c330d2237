"""xml2js / xml2json in the sandbox, against literal values and the real xml2js 0.4."""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_lib_common import assert_same, run_node, run_ours

FILES = ["xml2js.js"]

SOAP = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n'
    "  <soap:Body>\n"
    '    <GetUserResponse xmlns="http://example.com/">\n'
    '      <User id="42" active="true">\n'
    "        <Name>Ada &amp; Co</Name>\n"
    "        <Email>ada@example.com</Email>\n"
    "        <Role>admin</Role><Role>dev</Role>\n"
    "        <Note><![CDATA[<b>bold</b> & more]]></Note>\n"
    "        <!-- a comment -->\n"
    "        <Empty/>\n"
    "        <Spaces>   padded   text  </Spaces>\n"
    "        <Num>&#65;&#x42;</Num>\n"
    "      </User>\n"
    "    </GetUserResponse>\n"
    "  </soap:Body>\n"
    "</soap:Envelope>\n"
)

DOCS = [
    SOAP,
    "<a>  </a>",
    '<a x="1">t<b/>u</a>',
    '<a x="1"><![CDATA[ ]]></a>',
    "",
    "<root><item>1</item><item>2</item><single>x</single></root>",
    "<a><b><c>deep</c></b></a>",
    "<a>line1\n   line2   \n</a>",
    '<a k="x\ty\nz" e="&lt;&#x263A;&gt;">1</a>',
    '<r k="v">t<a>1</a><b x="y"/><a>2</a>u</r>',
]

BAD = ["<a>&foo;</a>", "<a><b></a>", "<a>", "text<a/>", '<a x="1" x="2"/>', "<a x=1/>"]

OPTION_SETS = [
    None,
    {"explicitArray": False},
    {"mergeAttrs": True},
    {"mergeAttrs": True, "explicitArray": False},
    {"ignoreAttrs": True, "explicitArray": False},
    {"trim": True, "normalize": True, "explicitArray": False},
    {"explicitCharkey": True},
    {"explicitRoot": False, "explicitArray": False},
    {"attrkey": "@", "charkey": "#text", "explicitArray": False, "normalizeTags": True},
    {"emptyTag": None, "explicitArray": False},
    {"explicitChildren": True},
    {"explicitChildren": True, "preserveChildrenOrder": True},
    {"explicitChildren": True, "preserveChildrenOrder": True, "charsAsChildren": True},
    {"explicitChildren": True, "explicitArray": False, "childkey": "kids"},
]


def _parse_case(doc: str, options: dict | None) -> str:
    opts = "" if options is None else json.dumps(options) + ", "
    return (
        "(function(){ var out; require('xml2js').parseString(" + json.dumps(doc) + ", " + opts
        + "function (err, res) { out = err ? {error: err.message.split('\\n')[0]} : res; }); return out; })()"
    )


PARSE_CASES = [_parse_case(d, o) for d in DOCS for o in OPTION_SETS]
ERROR_CASES = [_parse_case(d, None) for d in BAD]

BUILD_CASES = [
    "new (require('xml2js').Builder)().buildObject({root: {$: {id: 1}, name: 'a&b<c>', list: [{item: 'x'}, {item: 'y'}], empty: '', n: null, t: {_: 'txt', $: {k: 'v\"q'}}, arr: ['p', 'q'], num: 5, bool: false}})",
    "new (require('xml2js').Builder)({headless: true, renderOpts: {pretty: false}}).buildObject({a: 1, b: 2})",
    "new (require('xml2js').Builder)({rootName: 'Envelope'}).buildObject({Body: {Op: {x: '1'}}})",
    "new (require('xml2js').Builder)({headless: true}).buildObject({order: {$: {id: 'o1'}, line: [{sku: 'A', qty: 2}, {sku: 'B', qty: 1}]}})",
    "new (require('xml2js').Builder)({cdata: true, headless: true}).buildObject({a: {b: '<x>', c: 'plain'}})",
    "new (require('xml2js').Builder)({xmldec: {version: '1.0', encoding: 'ISO-8859-1'}}).buildObject({a: 'x'})",
    "(function(){ var x = require('xml2js'); var obj; x.parseString('<r><a k=\"1\">t</a><b>2</b></r>', function (e, r) { obj = r; }); return new x.Builder({headless: true}).buildObject(obj); })()",
]

XML2JSON_OPTIONS = {"explicitArray": False, "async": False, "trim": True, "mergeAttrs": False}


def test_xml2js_literal_shapes() -> None:
    cases = [
        _parse_case("<root><item>1</item><item>2</item><single>x</single></root>", None),
        _parse_case('<a x="1">t<b/>u</a>', None),
        _parse_case('<a x="1" y="2">t</a>', {"mergeAttrs": True}),
        _parse_case("<a>&foo;</a>", None),
        "require('xml2json')(" + json.dumps(SOAP) + ")['soap:Envelope']['soap:Body'].GetUserResponse.User",
        "require('xml2json')('<broken>')",
        "(function(){ var r; new (require('xml2js').Parser)({explicitArray: false}).parseString('<a><b>1</b></a>', function (e, v) { r = v; }); return r; })()",
        "new (require('xml2js').Builder)({headless: true}).buildObject({a: {$: {id: 1}, b: ['x', 'y'], c: 'q&r'}})",
    ]
    assert run_ours(cases, FILES) == [
        {"root": {"item": ["1", "2"], "single": ["x"]}},
        {"a": {"_": "tu", "$": {"x": "1"}, "b": [""]}},
        {"a": {"_": "t", "x": ["1"], "y": ["2"]}},
        {"error": "Invalid character entity"},
        {
            "$": {"id": "42", "active": "true"},
            "Name": "Ada & Co",
            "Email": "ada@example.com",
            "Role": ["admin", "dev"],
            "Note": "<b>bold</b> & more",
            "Empty": "",
            "Spaces": "padded   text",
            "Num": "AB",
        },
        {"undefined": True},
        {"a": {"b": "1"}},
        '<a id="1">\n  <b>x</b>\n  <b>y</b>\n  <c>q&amp;r</c>\n</a>',
    ]


def test_error_message_names_line_and_column() -> None:
    (result,) = run_ours(
        ["(function(){ var m; require('xml2js').parseString('<a>\\n<b></a>', function (e) { m = e.message; }); return m; })()"],
        FILES,
    )
    assert result.splitlines()[:3] == ["Unexpected close tag", "Line: 1", "Column: 7"]


def test_parse_string_promise_and_callback_rethrow() -> None:
    from tests.support.jslib import js_with_libs

    with js_with_libs(FILES) as mr:
        mr.eval(
            "var got = []; require('xml2js').parseStringPromise('<a>1</a>').then(function (r) { got.push(r); });"
            "require('xml2js').parseStringPromise('<a>').catch(function (e) { got.push(e.message.split('\\n')[0]); });"
            "var calls = []; try { require('xml2js').parseString('<a/>', function (err, r) { calls.push(err ? 'err:' + err.message : 'ok');"
            " if (!err) throw new Error('assertion failed'); }); } catch (e) { calls.push('outer'); }"
        )
        assert json.loads(mr.eval("JSON.stringify(got)")) == [{"a": "1"}, "Unclosed root tag"]
        assert json.loads(mr.eval("JSON.stringify(calls)")) == ["ok", "err:assertion failed"]


NPM = {"xml2js": "xml2js@0.4"}


@pytest.mark.conformance
def test_parse_same_as_xml2js() -> None:
    assert_same(PARSE_CASES, run_ours(PARSE_CASES, FILES), run_node(PARSE_CASES, NPM))


@pytest.mark.conformance
def test_errors_same_first_line_as_xml2js() -> None:
    assert_same(ERROR_CASES, run_ours(ERROR_CASES, FILES), run_node(ERROR_CASES, NPM))


@pytest.mark.conformance
def test_builder_same_as_xml2js() -> None:
    assert_same(BUILD_CASES, run_ours(BUILD_CASES, FILES), run_node(BUILD_CASES, NPM))


@pytest.mark.conformance
def test_xml2json_same_as_postman_options() -> None:
    ours = run_ours(["require('xml2json')(" + json.dumps(d) + ")" for d in DOCS if d], FILES)
    theirs = run_node([_parse_case(d, XML2JSON_OPTIONS) for d in DOCS if d], NPM)
    assert ours == theirs
