"""The SDK object model (sdk.js) on its own, in a bare V8.

Expected values are Postman's (checked against postman-collection 4 while writing; the
live comparison is in test_sdk_conformance.py).
"""

from __future__ import annotations

import json
import re
import time

import pytest

from tests.sandbox.test_sdk_helpers import new_racer, run


@pytest.fixture(scope="module")
def mr():
    racer = new_racer()
    yield racer
    racer.close()


def js(mr, body: str):
    return run(mr, body)


# ---------------------------------------------------------------- loading


def test_only_the_sdk_global_is_published(mr):
    names = js(mr, "return Object.keys(S).sort();")
    for name in ("PropertyList", "Header", "QueryParam", "Variable", "Url", "RequestBody", "RequestAuth",
                 "Request", "Response", "Cookie", "CookieList", "VariableScope", "replaceIn", "dynamicVariables"):
        assert name in names
    leaked = js(mr, "return ['PropertyList', 'Url', 'Header', 'Request', 'replaceIn', 'hasOwn', 'isString']"
                    ".filter(function (n) { return n in globalThis; });")
    assert leaked == []


# ---------------------------------------------------------------- PropertyList / Header


HEADERS = "var h = new S.PropertyList(S.Header, null, [{key: 'A', value: '1'}, {key: 'b', value: '2'}, {key: 'a', value: '3'}, 'X-Y: z']);"


def test_headers_from_objects_and_strings(mr):
    assert js(mr, HEADERS + "return h.toJSON();") == [
        {"key": "A", "value": "1"}, {"key": "b", "value": "2"}, {"key": "a", "value": "3"}, {"key": "X-Y", "value": "z"},
    ]
    assert js(mr, HEADERS + "return [h.count(), h.idx(3) instanceof S.Header, h.idx(3).toString()];") == [
        4, True, "X-Y: z",
    ]


def test_header_lookup_is_case_insensitive_and_last_wins(mr):
    assert js(mr, HEADERS + "return [h.get('a'), h.get('A'), h.get('B'), h.get('x-y'), h.get('nope'), h.one('A').value];") == [
        "3", "3", "2", "z", {"undefined": True}, "3",
    ]
    assert js(mr, HEADERS + "return [h.has('B'), h.has('a', '1'), h.has('a', '9'), h.has('zzz'), h.indexOf('a')];") == [
        True, True, False, False, 2,
    ]


def test_duplicates_resolve_to_the_most_recently_added(mr):
    body = """
        var h = new S.PropertyList(S.Header, null, [{key: 'x', value: 'old'}]);
        h.prepend(new S.Header({key: 'X', value: 'new'}));
        h.upsert({key: 'x', value: 'updated'});
        return [h.get('x'), h.indexOf('x'), h.map(function (m) { return m.key + '=' + m.value; })];
    """
    assert js(mr, body) == ["updated", 0, ["x=updated", "x=old"]]


def test_get_ignores_disabled_members(mr):
    assert js(mr, "var h = new S.PropertyList(S.Header, null, [{key: 'K', value: 'on'}, {key: 'K', value: 'off', disabled: true}]);"
                  "return [h.get('K'), h.has('K')];") == ["on", True]


def test_to_object_semantics(mr):
    out = js(mr, HEADERS + "return [h.toObject(), h.toObject(false, true), h.toObject(true), h.toObject(false, false, true)];")
    assert out[0] == {"a": ["1", "3"], "b": "2", "x-y": "z"}  # headers: keys lower-cased, duplicates collected
    assert out[1] == {"A": "1", "b": "2", "a": "3", "X-Y": "z"}
    assert out[2] == out[0]
    dis = js(mr, "var h = new S.PropertyList(S.Header, null, [{key: 'K', value: '1'}, {key: 'D', value: '2', disabled: true}]);"
                 "return [h.toObject(), h.toObject(true)];")
    assert dis == [{"k": "1", "d": "2"}, {"k": "1"}]
    # a Variable list is case-sensitive and single-valued: the last one wins
    assert js(mr, "var v = new S.PropertyList(S.Variable, null, [{key: 'a', value: 1}, {key: 'a', value: 2}, {key: 'A', value: 3}]);"
                  "return v.toObject();") == {"a": 2, "A": 3}


def test_header_list_to_string(mr):
    assert js(mr, HEADERS + "h.add({key: 'off', value: 'x', disabled: true}); return h.toString();") == (
        "A: 1\r\nb: 2\r\na: 3\r\nX-Y: z\r\n"
    )


def test_remove_by_key_predicate_and_item(mr):
    assert js(mr, HEADERS + "h.remove('A'); return h.map(function (x) { return x.key; });") == ["b", "X-Y"]
    assert js(mr, HEADERS + "h.remove(function (x) { return x.value > '1'; }); return h.map('key');") == ["A"]
    assert js(mr, HEADERS + "h.remove(h.idx(1)); return h.map('key');") == ["A", "a", "X-Y"]
    assert js(mr, HEADERS + "h.remove(function (x) { return x.key === this.k; }, {k: 'b'}); return h.map('key');") == [
        "A", "a", "X-Y",
    ]


def test_removing_inside_each_does_not_skip_members(mr):
    body = HEADERS + """
        var seen = [];
        h.each(function (x) { seen.push(x.key); if (x.key.toLowerCase() === 'a' || x.key === 'b') { h.remove(x.key); } });
        return [seen, h.map('key')];
    """
    seen, left = js(mr, body)
    # 'A' removes both A and a; the removed 'a' is not visited; b and X-Y are not skipped
    assert seen == ["A", "b", "X-Y"]
    assert left == ["X-Y"]


def test_each_context_and_index(mr):
    assert js(mr, HEADERS + "var out = []; h.each(function (x, i) { out.push(i + ':' + x.key + ':' + this.tag); }, {tag: 't'}); return out;") == [
        "0:A:t", "1:b:t", "2:a:t", "3:X-Y:t",
    ]


def test_add_upsert_insert_prepend_append(mr):
    body = HEADERS + """
        h.upsert({key: 'B', value: 'new'});
        h.upsert({key: 'C', value: 'c'});
        h.prepend({key: 'first', value: 'f'});
        h.append('last: l');
        h.insert(new S.Header({key: 'mid', value: 'm'}), h.idx(2));
        h.insertAfter({key: 'after', value: 'a'}, h.idx(0));
        h.add(null); h.add(undefined);
        return h.map(function (x) { return x.key + '=' + x.value; });
    """
    assert js(mr, body) == ["first=f", "after=a", "A=1", "mid=m", "B=new", "a=3", "X-Y=z", "C=c", "last=l"]
    assert js(mr, HEADERS + "return [h.upsert({key: 'a', value: 'z'}), h.upsert({key: 'q', value: 'z'}), h.upsert(null)];") == [
        False, True, None,
    ]


def test_find_filter_map_reduce_clear_populate(mr):
    body = HEADERS + """
        var r = [h.find(function (x) { return x.value === '2'; }).key,
                 h.filter(function (x) { return x.key.length === 1; }).length,
                 h.find({key: 'a'}).value,
                 h.reduce(function (acc, x) { return acc + x.value; }, ''),
                 h.all().length];
        h.clear(); r.push(h.count());
        h.populate('K: v\\r\\nK2:  v2 '); r.push(h.toJSON());
        h.repopulate([{key: 'z', value: '1'}]); r.push(h.toJSON());
        return r;
    """
    assert js(mr, body) == [
        "b", 3, "3", "123z", 4, 0,
        [{"key": "K", "value": "v"}, {"key": "K2", "value": "v2"}],
        [{"key": "z", "value": "1"}],
    ]


def test_assimilate(mr):
    body = """
        var v = new S.PropertyList(S.Variable, null, [{key: 'a', value: 1}, {key: 'b', value: 2}]);
        v.assimilate([{key: 'b', value: 20}, {key: 'c', value: 3}]);
        var first = v.toObject();
        v.assimilate([{key: 'c', value: 30}], true);
        return [first, v.toObject()];
    """
    assert js(mr, body) == [{"a": 1, "b": 20, "c": 3}, {"c": 30}]


def test_header_class(mr):
    assert js(mr, "var a = new S.Header('Content-Type: application/json'), b = new S.Header('v', 'K'), c = new S.Header({key: 'D', value: 'x', disabled: true});"
                  "return [a.key, a.value, b.key, b.value, a.toString(), c.toJSON(), String(a.valueOf())];") == [
        "Content-Type", "application/json", "K", "v", "Content-Type: application/json",
        {"key": "D", "value": "x", "disabled": True}, "application/json",
    ]
    assert js(mr, "return S.Header.parse('A: 1\\r\\nB: two words\\r\\n folded\\r\\nbad line');") == [
        {"key": "A", "value": "1"}, {"key": "B", "value": "two words folded"},
    ]


# ---------------------------------------------------------------- QueryParam


def test_query_param_parse_and_unparse(mr):
    assert js(mr, "return S.QueryParam.parse('a=1&b&=c&&d=&e=f=g');") == [
        {"key": "a", "value": "1"}, {"key": "b", "value": None}, {"key": "", "value": "c"},
        {"key": None, "value": None}, {"key": "d", "value": ""}, {"key": "e", "value": "f=g"},
    ]
    assert js(mr, "return [new S.QueryParam('k=v').toString(), new S.QueryParam({key: 'k', value: null}).toString(),"
                  " new S.QueryParam({key: null, value: 'v'}).toString(), new S.QueryParam({key: 'a&b', value: 'c&#=d'}).toString(),"
                  " new S.QueryParam({key: '{{x&y}}', value: '{{p#q}}'}).toString()];") == [
        "k=v", "k", "=v", "a%26b=c%26%23=d", "{{x&y}}={{p#q}}",
    ]
    assert js(mr, "return [S.QueryParam.unparse([{key: 'a', value: '1'}, {key: 'b', value: '2', disabled: true}, {key: 'c', value: null}]),"
                  " S.QueryParam.unparse({x: '1', y: '2'})];") == ["a=1&c", "x=1&y=2"]


# ---------------------------------------------------------------- Url


URL_TABLE = [
    # raw, toString, host, path, query string, protocol, port
    ("https://postman-echo.com/get?a=1&b=2", "https://postman-echo.com/get?a=1&b=2", "postman-echo.com", "/get", "a=1&b=2", "https", None),
    ("{{HOST}}/path/to?x={{y}}", "{{HOST}}/path/to?x={{y}}", "{{HOST}}", "/path/to", "x={{y}}", None, None),
    ("localhost:3000/a", "localhost:3000/a", "localhost", "/a", "", None, "3000"),
    ("http://[::1]:8080/p?q", "http://[::1]:8080/p?q", "[::1]", "/p", "q", "http", "8080"),
    ("https://[2001:db8::1]/x", "https://[2001:db8::1]/x", "[2001:db8::1]", "/x", "", "https", None),
    ("http://h/?a=1&a=2&b&=c&&d=", "http://h/?a=1&a=2&b&=c&&d=", "h", "/", "a=1&a=2&b&=c&&d=", "http", None),
    ("http://h/p?x=1#h#2", "http://h/p?x=1#h#2", "h", "/p", "x=1", "http", None),
    ("http://h/p#frag?x", "http://h/p#frag?x", "h", "/p", "", "http", None),
    ("http://h/a%20b?c=%2F&d=e=f", "http://h/a%20b?c=%2F&d=e=f", "h", "/a%20b", "c=%2F&d=e=f", "http", None),
    ("{{url}}/{{path.x}}?a={{b#c}}", "{{url}}/{{path.x}}?a={{b#c}}", "{{url}}", "/{{path.x}}", "a={{b#c}}", None, None),
    ("https://{{sub}}.example.com:{{port}}/v1", "https://{{sub}}.example.com:{{port}}/v1", "{{sub}}.example.com", "/v1", "", "https", "{{port}}"),
    ("http:///h/p", "http://h/p", "h", "/p", "", "http", None),
    ("file:///etc/passwd", "file:///etc/passwd", "", "/etc/passwd", "", "file", None),
    ("https://h", "https://h", "h", "/", "", "https", None),
    ("https://h?", "https://h?", "h", "/", "", "https", None),
    ("  https://h/p/", "https://h/p/", "h", "/p/", "", "https", None),
    ("http://h\\a\\b", "http://h/a/b", "h", "/a/b", "", "http", None),
    ("https://h/p?q=a b&r=ü", "https://h/p?q=a b&r=ü", "h", "/p", "q=a b&r=ü", "https", None),
    ("/just/path", "/just/path", "", "/just/path", "", None, None),
]


@pytest.mark.parametrize("raw,string,host,path,qs,protocol,port", URL_TABLE)
def test_url_round_trip(mr, raw, string, host, path, qs, protocol, port):
    out = js(mr, f"var u = new S.Url({raw!r}); return [u.toString(), u.getHost(), u.getPath(), u.getQueryString(), u.protocol === undefined ? null : u.protocol, u.port === undefined ? null : u.port];")
    assert out == [string, host, path, qs, protocol, port]


def test_url_parts(mr):
    out = js(mr, "var u = new S.Url('https://user:pa:ss@Host.com:8443/a/b?x=1&y#top');"
                 "return [u.auth, u.host, u.path, u.hash, u.query.toJSON(), u.getRemote(), u.getPathWithQuery(), u.getOAuth1BaseUrl()];")
    assert out == [
        {"user": "user", "password": "pa:ss"}, ["Host", "com"], ["a", "b"], "top",
        [{"key": "x", "value": "1"}, {"key": "y", "value": None}],
        "Host.com:8443", "/a/b?x=1&y", "https://host.com:8443/a/b",
    ]
    assert js(mr, "var u = new S.Url('http://u@h/'); return [u.auth, u.toString()];") == [
        {"user": "u", "password": {"undefined": True}}, "http://u@h/",
    ]
    assert js(mr, "var u = new S.Url('http://{{a.b}}:{{c}}@h/'); return [u.auth, u.getHost()];") == [
        {"user": "{{a.b}}", "password": "{{c}}"}, "h",
    ]


def test_url_force_protocol_and_remote(mr):
    assert js(mr, "var u = new S.Url('example.com/x'); return [u.toString(), u.toString(true), u.getRemote(), u.getRemote(true)];") == [
        "example.com/x", "http://example.com/x", "example.com", "example.com:80",
    ]
    assert js(mr, "return new S.Url('https://h/').getRemote(true);") == "h:443"


def test_url_query_mutations(mr):
    body = """
        var u = new S.Url('http://h/p?a=1&b=2&a=3&c&d=');
        var r = [u.query.get('a'), u.query.toObject()];
        u.query.remove(function (p) { return p.key === 'a'; }); r.push(u.toString());
        u.addQueryParams('x=1&y'); r.push(u.toString());
        u.addQueryParams([{key: 'z', value: '&#='}]); r.push(u.toString());
        u.removeQueryParams(['x', 'z']); r.push(u.toString());
        u.removeQueryParams('y'); r.push(u.toString());
        u.query.add({key: 'dis', value: '1', disabled: true}); r.push(u.toString());
        u.query.each(function (p) { p.disabled = true; }); r.push(u.toString(), u.getQueryString(), u.getPathWithQuery());
        return r;
    """
    assert js(mr, body) == [
        "3", {"a": ["1", "3"], "b": "2", "c": "", "d": ""},
        "http://h/p?b=2&c&d=",
        "http://h/p?b=2&c&d=&x=1&y",
        "http://h/p?b=2&c&d=&x=1&y&z=%26%23=",
        "http://h/p?b=2&c&d=&y",
        "http://h/p?b=2&c&d=",
        "http://h/p?b=2&c&d=",
        "http://h/p", "", "/p",
    ]


def test_url_path_variables(mr):
    body = """
        var u = new S.Url('http://h/:id/x/:name.json/:id');
        var r = [u.variables.map('key'), u.getPath()];
        u.variables.upsert({key: 'id', value: '42'});
        u.variables.upsert({key: 'name', value: 'file'});
        r.push(u.getPath(), u.getPath(true), u.toString(), u.toJSON().variable);
        return r;
    """
    assert js(mr, body) == [
        ["id", "name"], "/:id/x/:name.json/:id", "/42/x/file.json/42", "/:id/x/:name.json/:id",
        "http://h/42/x/file.json/42",
        [{"key": "id", "value": "42", "type": "any"}, {"key": "name", "value": "file", "type": "any"}],
    ]


def test_url_parse_and_to_json(mr):
    assert js(mr, "return S.Url.parse('https://u:p@h.com:81/a/:v?x=1#f');") == {
        "raw": "https://u:p@h.com:81/a/:v?x=1#f", "protocol": "https", "auth": {"user": "u", "password": "p"},
        "host": ["h", "com"], "port": "81", "path": ["a", ":v"], "query": [{"key": "x", "value": "1"}],
        "hash": "f", "variable": [{"key": "v"}],
    }
    assert js(mr, "return new S.Url('{{base}}/users?id={{id}}').toJSON();") == {
        "raw": "{{base}}/users?id={{id}}", "host": ["{{base}}"], "path": ["users"],
        "query": [{"key": "id", "value": "{{id}}"}], "variable": [],
    }


def test_url_from_v21_object(mr):
    body = """
        var u = new S.Url({raw: 'ignored', protocol: 'https', host: '{{env.host}}.example.com', port: '8080',
                           path: '/v1/users/:id', query: [{key: 'q', value: '1'}, {key: 'off', value: '2', disabled: true}],
                           variable: [{key: 'id', value: '7'}], hash: 'h'});
        return [u.host, u.path, u.toString(), u.getPath(true)];
    """
    assert js(mr, body) == [
        ["{{env.host}}", "example", "com"], ["v1", "users", ":id"],
        "https://{{env.host}}.example.com:8080/v1/users/7?q=1#h", "/v1/users/:id",
    ]
    assert js(mr, "var u = new S.Url({host: ['h'], path: '/', query: {a: '1', b: '2'}}); return u.toString();") == "h/?a=1&b=2"
    assert js(mr, "var u = new S.Url({host: ['h'], variable: [{id: 'legacy', value: 'x'}], path: [':legacy']}); return u.getPath();") == "/x"


def test_url_update_and_get_raw(mr):
    assert js(mr, "var u = new S.Url('http://a/b?c=1'); u.update('https://x/y'); return [u.toString(), u.getRaw(), u.query.count()];") == [
        "https://x/y", "https://x/y", 0,
    ]
    assert js(mr, "var u = new S.Url(); return [u.toString(), u.getPath(), u.getHost()];") == ["", "/", ""]


# ---------------------------------------------------------------- RequestBody


def test_request_body_modes(mr):
    body = """
        return [['raw', 'x'], ['urlencoded', [{key: 'a', value: '1'}, {key: 'b', value: '&', disabled: true}, {key: 'c', value: 'x y'}]],
                ['formdata', [{key: 'f', value: 'v'}]], ['file', {src: '/x'}], ['graphql', {query: '{a}'}], ['raw', ''],
                ['urlencoded', 'a=1&b=2'], ['file', undefined]].map(function (c) {
            var o = {mode: c[0]}; o[c[0]] = c[1];
            var b = new S.RequestBody(o);
            return [b.mode, b.toString(), b.isEmpty()];
        });
    """
    assert js(mr, body) == [
        ["raw", "x", False], ["urlencoded", "a=1&c=x y", False], ["formdata", "", False], ["file", "", False],
        ["graphql", "", False], ["raw", "", True], ["urlencoded", "a=1&b=2", False], ["file", "", True],
    ]


def test_request_body_update_and_json(mr):
    body = """
        var b = new S.RequestBody({mode: 'raw', raw: '{"a":1}', options: {raw: {language: 'json'}}});
        var first = b.toJSON();
        b.update({mode: 'urlencoded', urlencoded: [{key: 'k', value: 'v'}]});
        var second = b.toJSON();
        b.update('plain text');
        return [first, second, b.mode, b.raw, new S.RequestBody('s').raw,
                new S.RequestBody({mode: 'formdata', formdata: [{key: 'f', type: 'file', src: '/a.txt'}]}).toJSON()];
    """
    assert js(mr, body) == [
        {"mode": "raw", "raw": '{"a":1}', "options": {"raw": {"language": "json"}}},
        {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "v"}]},
        "raw", "plain text", "s",
        {"mode": "formdata", "formdata": [{"key": "f", "type": "file", "src": "/a.txt"}]},
    ]


# ---------------------------------------------------------------- RequestAuth


def test_request_auth(mr):
    body = """
        var a = new S.RequestAuth({type: 'bearer', bearer: [{key: 'token', value: 't', type: 'string'}],
                                   basic: [{key: 'username', value: 'u', type: 'string'}]});
        var r = [a.type, a.parameters().get('token'), a.parameters().toObject(), a.current().get('token')];
        a.update({token: 't2'}); r.push(a.parameters().get('token'));
        a.update([{key: 'extra', value: 'e'}]); r.push(a.parameters().count());
        a.use('apikey', {key: 'X-Key', value: 'secret', in: 'header'}); r.push(a.type, a.parameters().toObject());
        a.clear('basic'); r.push('basic' in a);
        r.push(a.toJSON());
        return r;
    """
    out = js(mr, body)
    assert out[:9] == [
        "bearer", "t", {"token": "t"}, "t", "t2", 2, "apikey", {"key": "X-Key", "value": "secret", "in": "header"}, False,
    ]
    assert out[9] == {
        "type": "apikey",
        "bearer": [{"key": "token", "value": "t2", "type": "string"}, {"key": "extra", "value": "e", "type": "any"}],
        "apikey": [{"key": "key", "value": "X-Key", "type": "any"}, {"key": "value", "value": "secret", "type": "any"},
                   {"key": "in", "value": "header", "type": "any"}],
    }


# ---------------------------------------------------------------- Request


def test_request_basics_and_to_json(mr):
    body = """
        var r = new S.Request({url: 'http://h/p?a=1', method: 'post', header: [{key: 'K', value: 'v'}],
                               body: {mode: 'raw', raw: '{}'}, auth: {type: 'bearer', bearer: [{key: 'token', value: 't', type: 'string'}]}});
        return [r.method, r.url instanceof S.Url, r.headers instanceof S.PropertyList, r.body instanceof S.RequestBody,
                r.auth instanceof S.RequestAuth, r.toJSON()];
    """
    out = js(mr, body)
    assert out[:5] == ["POST", True, True, True, True]
    assert out[5] == {
        "method": "POST",
        "url": {"raw": "http://h/p?a=1", "protocol": "http", "host": ["h"], "path": ["p"],
                "query": [{"key": "a", "value": "1"}], "variable": []},
        "header": [{"key": "K", "value": "v"}],
        "body": {"mode": "raw", "raw": "{}"},
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t", "type": "string"}]},
    }
    assert js(mr, "var r = new S.Request('h.com/x'); return [r.method, r.url.toString(), r.body, r.toJSON().header];") == [
        "GET", "h.com/x", {"undefined": True}, [],
    ]
    assert js(mr, "return new S.Request({url: 'x', method: null}).method;") == "GET"


def test_request_headers_from_a_plain_object(mr):
    assert js(mr, "return new S.Request({url: 'http://x', header: {A: '1', 'Content-Type': 'text/plain'}}).headers.toJSON();") == [
        {"key": "A", "value": "1"}, {"key": "Content-Type", "value": "text/plain"},
    ]


def test_request_header_helpers(mr):
    body = """
        var r = new S.Request({url: 'http://h/', header: [{key: 'K', value: 'v'}, {key: 'k2', value: 'v2'}, {key: 'off', value: '0', disabled: true}]});
        var out = [r.getHeaders(), r.getHeaders({ignoreCase: true}), r.getHeaders({enabled: true})];
        r.addHeader({key: 'X', value: '1'}); r.upsertHeader({key: 'X', value: '2'}); r.upsertHeader({key: 'Y', value: '3'});
        out.push(r.headers.map(function (h) { return h.key + '=' + h.value; }));
        r.removeHeader('k'); out.push(r.headers.count());
        r.removeHeader('k', {ignoreCase: true}); out.push(r.headers.map('key'));
        r.removeHeader({key: 'X'}); out.push(r.headers.map('key'));
        var seen = []; r.forEachHeader(function (h, req) { seen.push(h.key + (req === r)); }); out.push(seen);
        return out;
    """
    assert js(mr, body) == [
        {"K": "v", "k2": "v2", "off": "0"}, {"k": "v", "k2": "v2", "off": "0"}, {"K": "v", "k2": "v2"},
        ["K=v", "k2=v2", "off=0", "X=2", "Y=3"], 5, ["k2", "off", "X", "Y"], ["k2", "off", "Y"],
        ["k2true", "offtrue", "Ytrue"],
    ]


def test_request_query_auth_clone_size(mr):
    body = """
        var r = new S.Request({url: 'http://h/p?a=1', method: 'POST', body: {mode: 'raw', raw: 'héllo'}});
        r.addQueryParams('b=2'); r.removeQueryParams('a');
        var out = [r.url.toString()];
        r.authorizeUsing('bearer', {token: 't'}); out.push(r.auth.type, r.auth.parameters().toObject());
        r.authorizeUsing({type: 'basic', username: 'u', password: 'p'}); out.push(r.auth.type, r.auth.parameters().get('username'));
        var c = r.clone(); c.headers.add({key: 'only', value: 'clone'}); c.url.query.clear();
        out.push(r.headers.count(), c.headers.count(), r.url.toString(), c.url.toString(), c.body.raw, c.auth.type);
        out.push(r.size());
        r.authorizeUsing(null); out.push(r.auth === undefined);
        return out;
    """
    assert js(mr, body) == [
        "http://h/p?b=2", "bearer", {"token": "t"}, "basic", "u", 0, 1, "http://h/p?b=2", "http://h/p", "héllo",
        "basic", {"body": 6, "header": 24, "total": 30, "source": "COMPUTED"}, True,
    ]


def test_request_update(mr):
    body = """
        var r = new S.Request({url: 'http://a/', header: [{key: 'A', value: '1'}]});
        r.update({url: 'http://b/x', method: 'put', header: [{key: 'B', value: '2'}], body: {mode: 'raw', raw: 'r'}});
        return [r.url.toString(), r.method, r.headers.map('key'), r.body.raw];
    """
    assert js(mr, body) == ["http://b/x", "PUT", ["B"], "r"]


# ---------------------------------------------------------------- Response


RESP = """
    var r = new S.Response({code: 201, status: 'Created', header: [{key: 'Content-Type', value: 'application/json; charset=utf-8'},
        {key: 'X-Dup', value: '1'}, {key: 'x-dup', value: '2'}], body: '{"a":[1,{"b":null}]}', responseTime: 12, responseSize: 20,
        cookie: [{name: 'sid', value: 'abc', domain: 'h', path: '/'}]});
"""


def test_response_basics(mr):
    out = js(mr, RESP + "return [r.code, r.status, r.reason(), r.responseTime, r.responseSize, r.text(), r.json(),"
                        " r.headers.get('content-type'), r.headers.get('X-DUP'), r.cookies.get('SID'), r.cookies.has('sid')];")
    assert out == [201, "Created", "Created", 12, 20, '{"a":[1,{"b":null}]}', {"a": [1, {"b": None}]},
                   "application/json; charset=utf-8", "2", "abc", True]


def test_response_reason_defaults_from_code(mr):
    assert js(mr, "return [200, 204, 404, 418, 429, 503].map(function (c) { return new S.Response({code: c}).reason(); });") == [
        "OK", "No Content", "Not Found", "I'm a teapot (RFC 2324)", "Too Many Requests", "Service Unavailable",
    ]
    assert js(mr, "return new S.Response({code: 200, status: 'Fine'}).reason();") == "Fine"


def test_response_json_reviver_bom_and_jsonp(mr):
    assert js(mr, "return new S.Response({code: 200, body: '\\ufeff{\"n\": 2}'}).json(function (k, v) { return typeof v === 'number' ? v * 10 : v; });") == {"n": 20}
    assert js(mr, "return new S.Response({code: 200, body: 'callback({\"a\":1});'}).jsonp();") == {"a": 1}


@pytest.mark.parametrize("body,message", [
    ("hello", "Unexpected token 'h' at 1:1\nhello\n^"),
    ("<html>", "Unexpected token '<' at 1:1\n<html>\n^"),
    ('{"a":1,}', 'Trailing comma in object at 1:8\n{"a":1,}\n       ^'),
    ("[1,]", "Trailing comma in array at 1:4\n[1,]\n   ^"),
    ("", "No data, empty input at 1:1\n\n^"),
    ("   ", "No data, only a whitespace at 1:4\n   \n   ^"),
    ('{"a":', 'No value found for key a at 1:6\n{"a":\n     ^'),
    ('{"a": undefined}', 'No value found for key a at 1:7\n{"a": undefined}\n      ^'),
    ("[1,2\n,3", "Unexpected end of input at 2:3\n,3\n  ^"),
    ('{"a":1}garbage', "Unexpected token 'g' at 1:8\n{\"a\":1}garbage\n       ^"),
    ('  {"a":\n  tru}', "Unexpected token 't' at 2:3\n  tru}\n  ^"),
    ('"open', 'Unexpected end of input at 1:6\n"open\n     ^'),
    ("[1,", "No data, only a whitespace at 1:4\n[1,\n   ^"),
    ('{"a":[1,', 'No value found for key a at 1:9\n{"a":[1,\n        ^'),
    ("[[1,", "Unexpected end of input at 1:5\n[[1,\n    ^"),
    ("[1,,2]", "Elisions are not supported at 1:5\n[1,,2]\n    ^"),
    ('{"a":1 "b"}', "Unexpected token 'b' at 1:9\n{\"a\":1 \"b\"}\n        ^"),
    ('{"k":"v\n"}', "Unexpected token '\"' at 1:9\n{\"k\":\"v\n       ^"),
    ("{1:2}", "Wrong key type: 1 at 1:5\n{1:2}\n    ^"),
    ("[-]", 'Bad numeric literal - "-" at 1:2\n[-]\n ^'),
    ("x" * 100 + "y", "Unexpected token 'x' at 1:1\n" + "x" * 79 + "\n^"),
])
def test_response_json_error_like_postman(mr, body, message):
    out = js(mr, f"new S.Response({{code: 200, body: {body!r}}}).json();")
    assert out == {"throws": {"name": "JSONError", "message": message}}


def test_response_json_error_is_a_syntax_error(mr):
    assert js(mr, "try { new S.Response({code: 200, body: 'x'}).json(); } catch (e) { return [e instanceof SyntaxError, e.name]; }") == [
        True, "JSONError",
    ]


def test_response_size_data_uri_to_json(mr):
    out = js(mr, RESP + "return [r.size(), r.dataURI(), r.toJSON()];")
    assert out[0] == {"body": 20, "header": 91, "total": 111}
    assert out[1] == "data:application/json;base64, eyJhIjpbMSx7ImIiOm51bGx9XX0="
    assert out[2] == {
        "status": "Created", "code": 201,
        "header": [{"key": "Content-Type", "value": "application/json; charset=utf-8"},
                   {"key": "X-Dup", "value": "1"}, {"key": "x-dup", "value": "2"}],
        "body": '{"a":[1,{"b":null}]}', "cookie": [{"name": "sid", "value": "abc", "domain": "h", "path": "/"}],
        "responseTime": 12, "responseSize": 20,
    }
    # without responseSize: Content-Length, then the UTF-8 length of the body
    assert js(mr, "return [new S.Response({code: 200, header: [{key: 'Content-Length', value: '99'}], body: 'x'}).size().body,"
                  " new S.Response({code: 200, body: 'é'}).size().body, new S.Response({code: 200, body: 'é'}).dataURI()];") == [
        99, 2, "data:text/plain;base64, w6k=",
    ]


@pytest.mark.parametrize("ctype,disposition,expected", [
    ("application/json; charset=utf-8", 'attachment; filename="x.json"',
     {"contentType": "application/json", "mimeType": "text", "mimeFormat": "json", "charset": "utf8", "fileExtension": "json", "fileName": "x.json"}),
    ("text/html; charset=ISO-8859-1", None,
     {"contentType": "text/html", "mimeType": "text", "mimeFormat": "html", "charset": "iso-8859-1", "fileExtension": "html", "fileName": "response.html"}),
    (None, None,
     {"contentType": "text/plain", "mimeType": "text", "mimeFormat": "plain", "charset": "utf8", "fileExtension": "txt", "fileName": "response.txt"}),
    ("image/png", "inline; filename=pic.png",
     {"contentType": "image/png", "mimeType": "image", "mimeFormat": "image", "charset": "utf8", "fileExtension": "png", "fileName": "pic.png"}),
    ("application/vnd.api+json", None,
     {"contentType": "application/vnd.api+json", "mimeType": "text", "mimeFormat": "json", "charset": "utf8", "fileName": "response"}),
    ("application/xml", None,
     {"contentType": "application/xml", "mimeType": "text", "mimeFormat": "xml", "charset": "utf8", "fileExtension": "xml", "fileName": "response.xml"}),
    ("application/octet-stream", 'attachment; filename="a\\"b.bin"',
     {"contentType": "application/octet-stream", "mimeType": "application", "mimeFormat": "raw", "charset": "utf8", "fileExtension": "bin", "fileName": 'a"b.bin'}),
    ("foo/bar", None,
     {"contentType": "foo/bar", "mimeType": "unknown", "mimeFormat": "raw", "charset": "utf8", "fileName": "response"}),
])
def test_response_content_info(mr, ctype, disposition, expected):
    headers = []
    if ctype:
        headers.append({"key": "content-type", "value": ctype})
    if disposition:
        headers.append({"key": "Content-Disposition", "value": disposition})
    assert js(mr, f"return new S.Response({{code: 200, header: {json.dumps(headers)}, body: ''}}).contentInfo();") == expected


def test_content_disposition_rfc5987_name(mr):
    assert js(mr, "return new S.Response({code: 200, header: [{key: 'Content-Disposition', value: \"attachment; filename*=UTF-8''na%C3%AFve.txt\"}]}).contentInfo().fileName;") == "naïve.txt"


# ---------------------------------------------------------------- Cookie / CookieList


def test_cookies(mr):
    body = """
        var c = new S.CookieList(null, [{name: 'S', value: 'a b'}, {name: 't', value: '1', domain: 'h', path: '/', httpOnly: true, secure: false}]);
        var k = new S.Cookie('sid=abc; Path=/; HttpOnly; Domain=x.com; Foo=bar; Flag');
        return [c.get('s'), c.idx(0).value, c.get('T'), c.has('S'), c.has('nope'), c.toObject(), c.toString(), c.idx(1).toString(),
                k.name, k.value, k.path, k.httpOnly, k.domain, k.hostOnly, k.toString(), c instanceof S.PropertyList, c.count()];
    """
    assert js(mr, body) == [
        "a b", "a%20b", "1", True, False, {"s": "a b", "t": "1"}, "S=a%20b; t=1", "t=1; Domain=h; Path=/; HttpOnly",
        "sid", "abc", "/", True, "x.com", {"undefined": True}, "sid=abc; Domain=x.com; Path=/; HttpOnly; Foo=bar; Flag", True, 2,
    ]


# ---------------------------------------------------------------- Variable / VariableScope


def test_variable_types(mr):
    body = """
        var v = new S.Variable({key: 'n', value: '5', type: 'number'});
        var o = new S.Variable({key: 'o', value: {x: 1}, type: 'object'});
        var b = new S.Variable({key: 'b', value: 'yes', type: 'boolean'});
        var a = new S.Variable({key: 'a', value: [1, 2], type: 'array'});
        var any = new S.Variable({key: 'x', value: {k: 1}});
        return [v.get(), typeof v.get(), o.value, o.get(), b.get(), a.get(), a.toString(), any.get(), any.type,
                v.toJSON(), new S.Variable({key: 'z', value: null}).toString()];
    """
    assert js(mr, body) == [
        5, "number", '{"x":1}', {"x": 1}, True, [1, 2], "1,2", {"k": 1}, "any",
        {"key": "n", "value": 5, "type": "number"}, "null",
    ]


def test_variable_scope(mr):
    body = """
        var vs = new S.VariableScope([{key: 'a', value: '1'}, {key: 'a', value: '2', disabled: true},
                                      {key: 'n', value: 3, type: 'number'}, {key: 'o', value: '{"x":1}', type: 'object'},
                                      {key: 'hidden', value: 'h', disabled: true}]);
        var r = [vs.get('a'), vs.has('a'), vs.get('n'), vs.get('o'), vs.get('nope'), vs.has('nope'), vs.has('hidden'), vs.get('hidden'), vs.toObject()];
        vs.set('n', '5'); r.push(vs.get('n'));
        vs.set('new', true); r.push(vs.get('new'));
        vs.set('t', 'x', 'number'); r.push(vs.get('t'));
        vs.unset('a'); r.push(vs.get('a'), vs.has('a'));
        r.push(vs.toJSON().map(function (v) { return [v.key, v.type, !!v.disabled]; }));
        vs.clear(); r.push(vs.values.count(), vs.toObject());
        return r;
    """
    assert js(mr, body) == [
        "1", True, 3, {"x": 1}, {"undefined": True}, False, False, {"undefined": True},
        {"a": "1", "n": 3, "o": {"x": 1}},
        5, True, None,  # NaN serialises as null
        {"undefined": True}, False,
        [["a", "any", True], ["n", "number", False], ["o", "object", False], ["hidden", "any", True],
         ["new", "any", False], ["t", "number", False]],
        0, {},
    ]


def test_variable_scope_keeps_postman_variable_kinds(mr):
    body = """
        var vs = new S.VariableScope([{key: 's', value: 'pw', type: 'secret'}, {key: 'd', value: '1', type: 'default'}]);
        vs.set('s', 'new'); vs.set('d', 2);
        return [vs.get('s'), vs.get('d'), vs.toJSON()];
    """
    assert js(mr, body) == ["new", 2, [{"key": "s", "value": "new", "type": "secret"}, {"key": "d", "value": 2, "type": "default"}]]


def test_variable_scope_last_enabled_duplicate_wins(mr):
    assert js(mr, "var vs = new S.VariableScope([{key: 'k', value: 'first'}, {key: 'k', value: 'second'}]);"
                  "vs.set('k', 'third'); return [vs.get('k'), vs.toJSON().map(function (v) { return v.value; })];") == [
        "third", ["first", "third"],
    ]


def test_variable_scope_replace_in_substitutes_any_defined_variable(mr):
    body = """
        var vs = new S.VariableScope([{key: 'n', value: null}, {key: 'u'}, {key: 'o', value: {a: 1}}, {key: 'd', value: 'D', disabled: true}]);
        vs.set('n2', null);
        return [['{{n}}', '{{u}}', '{{o}}', '{{d}}', '{{n2}}', '{{zz}}'].map(function (t) { return vs.replaceIn(t); }),
                vs.effectiveVariable('n') instanceof S.Variable, vs.effectiveVariable('d') === undefined];
    """
    assert js(mr, body) == [["null", "", "[object Object]", "{{d}}", "null", "{{zz}}"], True, True]


def test_variable_scope_replace_in(mr):
    assert js(mr, "var vs = new S.VariableScope([{key: 'host', value: 'h'}, {key: 'n', value: 2, type: 'number'}]);"
                  "return [vs.replaceIn('http://{{host}}/{{n}}/{{missing}}'), vs.replaceIn({u: '{{host}}', l: ['{{n}}', 3]})];") == [
        "http://h/2/{{missing}}", {"u": "h", "l": ["2", 3]},
    ]


# ---------------------------------------------------------------- replaceIn / dynamic variables


def test_replace_in_basics(mr):
    body = """
        var vars = {a: 'A', n: 0, f: false, nul: null, obj: {x: 1}, arr: [1, 2], x: 'ted', nestted: 'deep', fn: function () { return 'called'; }};
        var look = function (k) { return Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : undefined; };
        return ['{{a}}-{{n}}-{{f}}', '{{nul}}|{{obj}}|{{arr}}', '{{nest{{x}}}}', '{{missing}} {{ a }}', '{{fn}}', 'no tokens', '{{}}']
            .map(function (t) { return S.replaceIn(t, look); });
    """
    assert js(mr, body) == ["A-0-false", "{{nul}}|[object Object]|1,2", "deep", "{{missing}} {{ a }}", "called", "no tokens", "{{}}"]


def test_replace_in_rescans_at_most_19_times(mr):
    # a value that rebuilds its own token grows once per pass
    out = js(mr, "return S.replaceIn('{{a}}', function (k) { return k === 'a' ? '{{a}}x' : undefined; });")
    assert out == "{{a}}" + "x" * 19
    assert js(mr, "return S.replaceIn('{{a}}', function (k) { return {a: '{{b}}', b: '{{c}}', c: 'end'}[k]; });") == "end"


def test_replace_in_objects_returns_a_copy(mr):
    body = """
        var src = {url: '{{h}}/x', header: [{key: 'A', value: '{{v}}'}], n: 1, no: null};
        var out = S.replaceIn(src, function (k) { return {h: 'H', v: 'V'}[k]; });
        return [out, src.url, S.replaceIn(42, function () { return 'x'; }), S.replaceIn('{{k}}', {k: 'from object'})];
    """
    assert js(mr, body) == [
        {"url": "H/x", "header": [{"key": "A", "value": "V"}], "n": 1, "no": None}, "{{h}}/x", 42, "from object",
    ]


def test_dynamic_variables(mr):
    body = """
        var d = S.dynamicVariables, out = {};
        Object.keys(d).forEach(function (k) { out[k] = d[k](); });
        return out;
    """
    out = js(mr, body)
    for name in ("$guid", "$randomUUID", "$timestamp", "$isoTimestamp", "$randomInt", "$randomAlphaNumeric",
                 "$randomBoolean", "$randomHexColor", "$randomEmail", "$randomFirstName", "$randomLastName",
                 "$randomFullName", "$randomWord", "$randomIP", "$randomPassword"):
        assert name in out
    uuid = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
    assert re.match(uuid, out["$guid"]) and re.match(uuid, out["$randomUUID"])
    assert abs(out["$timestamp"] - time.time()) < 3600
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", out["$isoTimestamp"])
    assert 0 <= out["$randomInt"] <= 1000
    assert re.match(r"^[a-z0-9]$", out["$randomAlphaNumeric"])
    assert isinstance(out["$randomBoolean"], bool)
    assert re.match(r"^#[0-9a-f]{6}$", out["$randomHexColor"])
    assert re.match(r"^[^@\s]+@[^@\s]+\.[a-z]+$", out["$randomEmail"])
    assert len(out["$randomFullName"].split(" ")) == 2
    assert all(0 <= int(p) <= 255 for p in out["$randomIP"].split("."))
    assert len(out["$randomPassword"]) >= 8
    # fed through replaceIn the way pm.variables.replaceIn does
    assert re.match(r"^id-\d+$", js(mr, "return S.replaceIn('id-{{$randomInt}}', function (k) { return S.dynamicVariables[k]; });"))
