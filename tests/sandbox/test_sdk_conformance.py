"""sdk.js against the real postman-collection 4 package, case by case.

Why: Postman scripts rely on the SDK's exact behaviour (URL re-serialisation, list
lookups, JSON error messages).  Each case is a JavaScript expression over `S` (the SDK);
Node evaluates it with `S = require('postman-collection')`, our V8 with
`S = __pmr_sdk`, and the JSON results must be equal.  Skipped when node/npm are missing.
Deliberate differences are left out of the table: `PropertyList#get` skips disabled
members, `append`/`prepend` accept plain items, `Url#toJSON` carries `raw`,
`Request#toJSON` always has `header`, `getRaw`/`current` are aliases instead of throwing,
RFC 5987 `filename*=UTF-8''...` is decoded, reason phrases are the plain IANA ones,
and `dataURI` encodes the body as UTF-8 (what Newman does with a response stream).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sandbox.test_sdk_helpers import new_racer

pytestmark = pytest.mark.conformance

NPM_DIR = Path(os.environ.get("PMREPLAY_NPM_DIR", "/root/.cache/pmreplay-npm"))
PACKAGE = "postman-collection"
MAJOR = "4"

# Evaluates every case; a thrown error becomes {"throws": [name, message]}.
_EVAL_ALL = r"""
(function (S, cases) {
  return JSON.stringify(cases.map(function (src) {
    try {
      var v = (new Function('S', 'return (' + src + ');'))(S);
      return JSON.parse(JSON.stringify(v === undefined ? {"undefined": true} : v, function (k, x) {
        return x === undefined ? {"undefined": true} : x;
      }));
    } catch (e) {
      return {"throws": [e && e.name, String(e && e.message)]};
    }
  }));
})
"""

URLS = [
    "https://postman-echo.com/get?a=1&b=2",
    "{{HOST}}/path/to?x={{y}}",
    "localhost:3000/a",
    "http://[::1]:8080/p?q",
    "https://[2001:db8::1]/x",
    "https://user:pa:ss@host.com/",
    "http://u@h/",
    "http://h/?a=1&a=2&b&=c&&d=",
    "http://h/p#frag?x",
    "http://h/p?x=1#h#2",
    "//h/p",
    "/just/path",
    "http://h/a%20b?c=%2F&d=e=f",
    "{{url}}/{{path.x}}?a={{b#c}}",
    "https://{{sub}}.example.com:{{port}}/v1/:id/items/:id.json",
    "HTTP://EXAMPLE.com/",
    "http:///h/p",
    "file:///etc/passwd",
    "https://h/p/",
    "https://h",
    "https://h?",
    "  https://h/ lead",
    "http://h\\a\\b",
    "https://h.com:443/x?",
    "a.b.c",
    "https://h/p?q=a b&r=ü",
    "{{base}}?filter={{f&g}}&x",
    "http://h/?=&",
    "http://{{a.b}}:{{c}}@h/",
    "",
    "http://h:/p",
    "http://h/p?a=1&",
    "{{proto}}://{{host}}:{{port}}/{{p1}}/{{p2}}?{{q}}={{v}}#{{h}}",
    "http://h/:a/:b?x=:a",
    "https://api.adobe.io/data/foundation/catalog/dataSets?limit=5&orderBy=desc:created",
    "{{PLATFORM_GATEWAY}}/data/foundation/schemaregistry/tenant/schemas/{{SCHEMA_ID}}",
    "https://h/p;matrix=1/q?x=%7B%7D&y=[1]",
]


def _url_case(url: str) -> str:
    u = json.dumps(url)
    return (
        f"(function () {{ var x = new S.Url({u}); return {{"
        " str: x.toString(), forced: x.toString(true), host: x.getHost(), path: x.getPath(),"
        " unresolved: x.path ? x.getPath(true) : null, qs: x.getQueryString(), pq: x.getPathWithQuery(),"
        " remote: x.getRemote(), remote80: x.getRemote(true),"
        " query: x.query.map(function (q) { return [q.key, q.value]; }),"
        " protocol: x.protocol, port: x.port, auth: x.auth, hash: x.hash, segs: x.path, hostParts: x.host,"
        " vars: x.variables.map(function (v) { return v.key; }),"
        " oauth: x.host ? x.getOAuth1BaseUrl() : null,"
        f" parsed: (function (p) {{ delete p.variable; return p; }})(S.Url.parse({u}))"
        " }; })()"
    )


OTHER_CASES = [
    # header lists
    "(function () { var h = new S.PropertyList(S.Header, null, [{key: 'A', value: '1'}, {key: 'b', value: '2'}, {key: 'a', value: '3'}, 'X-Y: z', 'NoColon']);"
    " return [h.toObject(), h.toObject(true, true), h.toObject(false, false, true), h.toString(), h.get('a'), h.get('B'),"
    " h.has('b'), h.has('a', '1'), h.has('a', '9'), h.toJSON(), h.count(), h.indexOf('a'), h.idx(1).key]; })()",
    "(function () { var h = new S.PropertyList(S.Header, null, 'A: 1\\r\\nB: 2\\r\\nA: 3');"
    " h.remove('a'); var r = [h.toJSON()]; h.upsert({key: 'B', value: 'new'}); h.upsert({key: 'C', value: 'c'}); r.push(h.toJSON());"
    " h.prepend(new S.Header({key: 'first', value: 'f'})); h.insertAfter(new S.Header({key: 'after', value: 'a'}), h.idx(0));"
    " h.insert(new S.Header({key: 'mid', value: 'm'}), h.idx(2)); r.push(h.toJSON());"
    " h.remove(function (x) { return x.key.length > 3; }); r.push(h.map(function (x) { return x.key; }));"
    " r.push(h.reduce(function (a, x) { return a + x.value; }, '')); h.clear(); r.push(h.count()); return r; })()",
    # duplicates resolve to the member added most recently, wherever it sits
    "(function () { var h = new S.PropertyList(S.Header, null, [{key: 'x', value: '2'}]); h.prepend(new S.Header({key: 'X', value: '1'}));"
    " var r = [h.get('x'), h.one('x').value, h.indexOf('x'), h.toObject()]; h.upsert({key: 'x', value: 'u'}); r.push(h.toJSON());"
    " h.remove('X'); r.push(h.count(), h.get('x')); return r; })()",
    "(function () { var r = new S.Request({url: 'http://x', header: {A: '1', 'Content-Type': 'text/plain'}});"
    " var h = new S.PropertyList(S.Header, null, {B: '2'}); h.populate({C: '3'}); return [r.headers.toJSON(), h.toJSON()]; })()",
    # query params
    "S.QueryParam.parse('a=1&b&=c&&d=&e=f=g')",
    "[new S.QueryParam({key: 'a&b', value: 'c&#=d'}).toString(), new S.QueryParam({key: '{{x&y}}', value: '{{p#q}}'}).toString(),"
    " new S.QueryParam({key: null, value: 'v'}).toString(), S.QueryParam.unparse({x: '1', y: '2'})]",
    "(function () { var u = new S.Url('http://h/p?a=1&b=2&a=3&c&d='); var r = [u.query.toObject(), u.query.get('a'), u.query.toString()];"
    " u.query.remove(function (p) { return p.key === 'a'; }); r.push(u.toString()); u.addQueryParams('x=1&y'); r.push(u.toString());"
    " u.addQueryParams([{key: 'z', value: '&#='}]); r.push(u.toString()); u.removeQueryParams(['x', 'z']); r.push(u.toString());"
    " u.removeQueryParams('y'); r.push(u.toString()); u.query.add({key: 'dis', value: '1', disabled: true}); r.push(u.toString());"
    " u.query.each(function (p) { p.disabled = true; }); r.push(u.toString(), u.getQueryString(), u.getPathWithQuery());"
    " u.update('https://n/{{x}}'); r.push(u.toString(), u.toString(true)); return r; })()",
    # path variables
    "(function () { var u = new S.Url('http://h/:id/x/:name.json'); var r = [u.getPath()];"
    " u.variables.upsert({key: 'id', value: '42'}); u.variables.upsert({key: 'name', value: 'file'});"
    " r.push(u.getPath(), u.getPath(true), u.toString()); return r; })()",
    # variable scopes
    "(function () { var vs = new S.VariableScope([{key: 'a', value: '1'}, {key: 'a', value: '2', disabled: true},"
    " {key: 'n', value: 3, type: 'number'}, {key: 'o', value: '{\"x\":1}', type: 'object'}]);"
    " var r = [vs.get('a'), vs.has('a'), vs.get('n'), vs.get('o'), vs.get('nope'), vs.has('nope')];"
    " vs.set('n', '5'); r.push(vs.get('n')); vs.set('new', true); r.push(vs.get('new')); vs.set('t', 'x', 'number'); r.push(vs.get('t'));"
    " vs.unset('a'); r.push(vs.get('a'), vs.has('a')); r.push(vs.replaceIn('{{n}}-{{new}}-{{missing}}'));"
    " r.push(vs.replaceIn({u: '{{n}}', l: ['{{new}}', 3]})); vs.clear(); r.push(vs.values.count()); return r; })()",
    "(function () { var vs = new S.VariableScope([{key: 'a', value: '{{b}}'}, {key: 'b', value: '{{c}}'}, {key: 'c', value: 'end'},"
    " {key: 'x', value: 'ted'}, {key: 'nestted', value: 'deep'}, {key: 'self', value: '{{self}}y'}]);"
    " return [vs.replaceIn('{{a}}'), vs.replaceIn('{{nest{{x}}}}'), vs.replaceIn('{{self}}'), vs.replaceIn('{{ a }}')]; })()",
    "(function () { var vs = new S.VariableScope([{key: 'n', value: null}, {key: 'u'}, {key: 'o', value: {a: 1}}, {key: 'arr', value: [1, 2]},"
    " {key: 'z', value: 0}, {key: 'e', value: ''}, {key: 'f', value: false}, {key: 'd', value: 'D', disabled: true}]);"
    " vs.set('u2', undefined); vs.set('n2', null);"
    " return ['{{n}}', '{{u}}', '{{o}}', '{{arr}}', '{{z}}', '{{e}}', '{{f}}', '{{u2}}', '{{n2}}', '{{d}}', '{{zz}}']"
    ".map(function (t) { return vs.replaceIn(t); }); })()",
    # variables
    "[new S.Variable({key: 'n', value: '5', type: 'number'}).get(), new S.Variable({key: 'o', value: {x: 1}, type: 'object'}).value,"
    " new S.Variable({key: 'b', value: 'yes', type: 'boolean'}).get(), new S.Variable({key: 'a', value: [1, 2], type: 'array'}).toString(),"
    " new S.Variable({key: 'z', value: null}).toString()]",
    # bodies
    "[['raw', 'x'], ['urlencoded', [{key: 'a', value: '1'}, {key: 'b', value: '&', disabled: true}, {key: 'c', value: 'x y'}]],"
    " ['formdata', [{key: 'f', value: 'v'}]], ['file', {src: '/x'}], ['graphql', {query: '{a}'}], ['raw', ''],"
    " ['urlencoded', 'a=1&b=2'], ['file', undefined]].map(function (c) { var o = {mode: c[0]}; o[c[0]] = c[1];"
    " var b = new S.RequestBody(o); return [b.mode, b.toString(), b.isEmpty()]; })",
    # requests
    "(function () { var r = new S.Request({url: 'http://h/p?a=1', method: 'post', header: [{key: 'K', value: 'v'}, {key: 'k2', value: 'v2'}],"
    " body: {mode: 'raw', raw: '{\"a\":1}'}}); var out = [r.method, r.getHeaders(), r.getHeaders({ignoreCase: true}),"
    " r.getHeaders({enabled: true, multiValue: true})]; r.addHeader({key: 'X', value: '1'}); r.upsertHeader({key: 'X', value: '2'});"
    " r.upsertHeader({key: 'x', value: '3'}); out.push(r.headers.toJSON()); r.removeHeader('k'); out.push(r.headers.toJSON());"
    " r.removeHeader('k', {ignoreCase: true}); out.push(r.headers.toJSON()); r.addQueryParams('b=2'); r.removeQueryParams('a');"
    " out.push(r.url.toString(), r.size()); r.authorizeUsing('bearer', {token: 't'}); out.push(r.auth.parameters().toObject(), r.auth.type);"
    " r.authorizeUsing({type: 'basic', username: 'u'}); out.push(r.auth.type, r.auth.parameters().get('username'));"
    " var c = r.clone(); c.headers.add({key: 'only', value: 'clone'}); out.push(r.headers.count() !== c.headers.count(), c.url.toString(), c.body.raw);"
    " r.authorizeUsing(null); out.push(r.auth === undefined, new S.Request('h.com/x').method, new S.Request({url: 'x', method: null}).method);"
    " return out; })()",
    # responses
    "['hello', '<html>', '{\"a\":1,}', '', '   ', '{\"a\":', '[1,2\\n,3', '{\"a\": undefined}', 'null', '{\"a\":1}garbage',"
    " '  {\"a\":\\n  tru}', '\\ufeff{\"bom\":true}', '[1,]', '{\"a\" 1}', '\"unterminated', '{\"a\":\"\\\\x\"}', '01', 'x'.repeat(100) + 'y',"
    " 'callback({\"a\":1});', '{\"deep\": {\"list\": [1, 2, {\"k\": \"v\"}]}}', '[1,', '{\"a\":[1,', '[[1,', '[1,,2]', '[,1]',"
    " '{\"a\":1 \"b\"}', '{\"k\":\"v\\n\"}', '\"abc\\ndef', '{1:2}', '{1', '[-]', '-a', '{\"a\":\"x\"\\n\"b\":2}', '[1,\\n', '<!DOCTYPE html>\\n<html>'].map(function (b) { var r = new S.Response({code: 200, body: b});"
    " var j, p; try { j = r.json(); } catch (e) { j = [e.name, e.message]; } try { p = r.jsonp(); } catch (e) { p = [e.name, e.message]; }"
    " return [j, p]; })",
    "[['application/json; charset=utf-8', 'attachment; filename=\"x.json\"'], ['text/html; charset=ISO-8859-1', null], [null, null],"
    " ['image/png', 'inline; filename=pic.png'], ['application/vnd.api+json', null], ['text/plain', 'attachment; filename=\"a\\\\\"b.txt\"'],"
    " ['application/xml', null], ['application/octet-stream', null], ['foo/bar', null], ['application/pdf', null], ['text/csv', null]]"
    ".map(function (c) { var h = []; c[0] && h.push({key: 'content-type', value: c[0]}); c[1] && h.push({key: 'Content-Disposition', value: c[1]});"
    " var r = new S.Response({code: 201, header: h, body: '{}'}); return [r.contentInfo(), r.dataURI(), r.reason(), r.size()]; })",
    "[200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 418, 429, 500, 502, 503].map(function (c) { return new S.Response({code: c}).reason(); })",
    "(function () { var r = new S.Response({code: 200, header: [{key: 'X-A', value: '1'}, {key: 'x-a', value: '2'}], body: 'b',"
    " cookie: [{name: 'S', value: 'a b'}, {name: 't', value: '1', domain: 'h', path: '/', httpOnly: true}]});"
    " return [r.headers.get('x-A'), r.headers.toObject(), r.cookies.get('s'), r.cookies.has('T'), r.cookies.toObject(), r.cookies.toString(),"
    " r.cookies.idx(1).toString(), r.text()]; })()",
    "(function () { var k = new S.Cookie('sid=abc; Path=/; HttpOnly; Domain=x.com; Foo=bar; Flag');"
    " return [k.name, k.value, k.path, k.httpOnly, k.domain, k.toString(), k.valueOf()]; })()",
]

CASES = [_url_case(u) for u in URLS] + OTHER_CASES


def _ensure_package() -> None:
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node and npm are needed to compare with the real postman-collection package")
    pkg_json = NPM_DIR / "node_modules" / PACKAGE / "package.json"
    if pkg_json.is_file():
        version = json.loads(pkg_json.read_text(encoding="utf-8")).get("version", "")
        if version.split(".")[0] == MAJOR:
            return
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    if not (NPM_DIR / "package.json").exists():
        (NPM_DIR / "package.json").write_text('{"name": "pmreplay-npm", "private": true}\n', encoding="utf-8")
    proc = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NPM_DIR), f"{PACKAGE}@{MAJOR}"],
        capture_output=True, text=True, timeout=240,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"npm install {PACKAGE}@{MAJOR} failed: {last}")


@pytest.fixture(scope="module")
def real_results() -> list:
    _ensure_package()
    script = (
        "var cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        f"process.stdout.write({_EVAL_ALL}(require('{PACKAGE}'), cases));\n"
    )
    env = dict(os.environ, NODE_PATH=str(NPM_DIR / "node_modules"), TZ="UTC")
    proc = subprocess.run(["node", "-e", script], input=json.dumps(CASES), capture_output=True, text=True,
                          timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def our_results() -> list:
    mr = new_racer()
    try:
        return json.loads(mr.eval(f"{_EVAL_ALL}(globalThis.__pmr_sdk, {json.dumps(CASES)})"))
    finally:
        mr.close()


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"url:{u!r}" for u in URLS] + [f"case{i}" for i in range(len(OTHER_CASES))])
def test_same_as_postman_collection(index, real_results, our_results):
    assert our_results[index] == real_results[index], CASES[index]
