"""The sandbox libraries against Newman itself: the same calls run in a real Newman
pre-request script and in our V8, results compared as JSON.

Why: Newman is the reference. Its sandbox bundles particular (often old) versions -
lodash 3 as the `_` global, util 0.10, assert 2.0, ajv 6, cheerio 0.22, csv-parse 1.2,
xml2js 0.4, tv4 1.3, moment 2.30 - and this checks we answer like those, not like today's
npm releases. Skips when Newman is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from runner.sandbox.libs_vendor import vendored_modules
from tests.sandbox.test_lib_common import _RUNNER, assert_same
from tests.support.jslib import js_with_libs

NEWMAN = Path("/root/.cache/pmreplay-newman/node_modules/.bin/newman")

# The globals Postman scripts see, as the engine defines them (lazy getters there).
GLOBALS = "var _ = require('lodash3'), tv4 = require('tv4'), cheerio = require('cheerio'), xml2Json = require('xml2json');"

CASES = [
    "[typeof URL, typeof URLSearchParams, typeof TextEncoder]",
    "_.pluck([{a: 1}, {a: 2}], 'a')",
    "_.where([{a: 1, b: 2}, {a: 2}], {a: 1})",
    "_.max([{n: 1}, {n: 5}], 'n')",
    "_.capitalize('hELLO')",
    "require('lodash').capitalize('hELLO')",
    "require('lodash').get({a: [{b: 1}]}, 'a[0].b')",
    "require('util').inspect({a: 1, b: 'two', c: [1, 2, 3], d: {e: {f: {g: 1}}}})",
    "require('util').inspect({data: [{id: 1, name: 'alpha', tags: ['a', 'b']}, {id: 2, name: 'beta', tags: []}], total: 2, page: {n: 1, size: 20}})",
    "require('util').format('%s is %d years and %i, %f, %j %%', 'Bob', 42.5, '42.9', '1.5', {a: [1]})",
    "require('util').inspect(new Map([['a', 1]]))",
    "require('util').inspect(require('moment').utc('2024-01-02T03:04:05Z'))",
    "require('url').parse('https://user:pw@Host.com:8080/p/a/t/h?query=string&a=1#hash')",
    "require('url').parse('https://host.com/p?a=1&a=2&b=%20x+y', true).query",
    "require('url').resolve('http://example.com/a/b/c', '../d?x=1')",
    "require('querystring').stringify({a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: {}, g: 'é!'})",
    "require('querystring').parse('a=1&b=2&a=3&c=hello%20world&d=x+y&e')",
    "require('path').join('/foo', 'bar', 'baz/asdf', 'quux', '..')",
    "require('path').relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb')",
    "(function(){ try { require('assert').strictEqual(1, 2); } catch (e) { return [e.name, e.code, e.message, e.operator, e.generatedMessage]; } })()",
    "(function(){ try { require('assert').deepEqual({a: 1}, {a: 2}); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(function(){ try { require('assert').ok(0); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(function(){ var E = require('events'); var e = new E(); try { e.emit('error', 'plain'); } catch (err) { return [err.message, err.code]; } })()",
    "(function(){ var E = require('events'); var e = new E(); var got = []; e.once('x', function (v) { got.push(v); }); e.emit('x', 1); e.emit('x', 2); return got; })()",
    "require('punycode').toASCII('mañana.com')",
    "xml2Json('<a><b id=\"1\">t</b><b>u</b></a>')",
    "xml2Json('<broken>')",
    "(function(){ var r; require('xml2js').parseString('<r><i k=\"1\">x</i><i>y</i></r>', function (e, x) { r = x; }); return r; })()",
    "new (require('xml2js').Builder)().buildObject({a: {$: {id: 1}, b: ['x', 'y']}})",
    "require('csv-parse/lib/sync')('a,b\\n1,2\\n', {columns: true, auto_parse: true})",
    "(function(){ try { return require('csv-parse/lib/sync')('a,b\\n1\\n'); } catch (e) { return e.message; } })()",
    "cheerio.load('<p>caf\\u00e9</p><ul><li>a<li>b</ul>').html()",
    "cheerio.load('<div><a href=\"/x\">l</a></div>')('a').attr('href')",
    "tv4.validate({a: 1}, {properties: {a: {type: 'string'}}}) || [tv4.error.code, tv4.error.message, tv4.error.dataPath]",
    "(function(){ var Ajv = require('ajv'); var a = new Ajv({allErrors: true}); a.validate({type: 'object', required: ['x'], properties: {e: {type: 'string', format: 'email'}, d: {type: 'string', format: 'date'}}}, {e: 'x', d: '2024-02-30'}); return [a.errors, a.errorsText()]; })()",
    "(function(){ var Ajv = require('ajv'); try { new Ajv().compile({type: 'string', format: 'foo'}); return 'ok'; } catch (e) { return e.message; } })()",
    "(function(){ var Ajv = require('ajv'); try { return new Ajv().validate({$schema: 'http://json-schema.org/draft-04/schema#', type: 'string'}, 's'); } catch (e) { return e.message; } })()",
    "require('moment').utc('2024-03-05T07:08:09.123Z').format()",
    "require('moment').utc('2024-03-05').isBetween('2024-03-01', '2024-03-10')",
    "require('moment').utc('2024-03-05T07:08:09Z').utcOffset(120).format()",
]


def _newman_results(cases: list[str], tmp_path: Path) -> list:
    # direct eval: Postman's `_`, `tv4`, `cheerio`, `xml2Json` are scope variables, not globals
    runner = _RUNNER.strip().replace("(0, eval)(", "eval(")
    script = "var cases = " + json.dumps(cases) + ";\npm.environment.set('out', " + runner + "(cases));\n"
    collection = {
        "info": {"name": "libs", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "r", "event": [{"listen": "prerequest", "script": {"exec": script.split("\n")}}],
                  "request": {"method": "GET", "url": "http://127.0.0.1:9/"}}],
    }
    (tmp_path / "c.json").write_text(json.dumps(collection), encoding="utf-8")
    (tmp_path / "e.json").write_text(json.dumps({"name": "e", "values": []}), encoding="utf-8")
    subprocess.run(
        [str(NEWMAN), "run", str(tmp_path / "c.json"), "-e", str(tmp_path / "e.json"),
         "--export-environment", str(tmp_path / "out.json"), "--reporters", "cli", "--timeout-request", "2000"],
        capture_output=True, text=True, timeout=180,
    )
    env = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    (value,) = [v["value"] for v in env["values"] if v["key"] == "out"]
    return json.loads(value)


@pytest.mark.conformance
def test_libraries_answer_like_newman(tmp_path: Path) -> None:
    if not NEWMAN.exists() or not shutil.which("node"):
        pytest.skip(f"Newman is not installed at {NEWMAN}")
    theirs = _newman_results(CASES, tmp_path)
    with js_with_libs() as mr:
        for _name, source in vendored_modules():
            mr.eval(source)
        mr.eval(GLOBALS)
        ours = json.loads(mr.eval(_RUNNER + "(" + json.dumps(CASES) + ")"))
    assert_same(CASES, ours, theirs)
