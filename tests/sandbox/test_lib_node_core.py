"""Node core modules in the sandbox: url, querystring, path, events (util/assert elsewhere).

Why: scripts call these exactly as in Node; the tables are compared with real Node when it
exists, and the literal checks keep the suite meaningful without it.
"""

from __future__ import annotations

import pytest

from tests.sandbox.test_lib_common import assert_same, run_node, run_ours

FILES = ["node-url.js", "node-path.js", "node-events.js"]

URL_CASES = [
    "require('url').parse('https://user:pw@Host.com:8080/p/a/t/h?query=string&a=1#hash')",
    "require('url').parse('https://host.com/p?a=1&a=2&b=%20x+y', true).query",
    "require('url').parse('/just/a/path?x=1')",
    "require('url').parse('http://example.com')",
    "require('url').parse('mailto:someone@example.com')",
    "require('url').parse('http://[::1]:3000/x')",
    "require('url').parse('http://h.com/a b\"c')",
    "require('url').format({protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: {page: 1, format: 'json'}})",
    "require('url').format(require('url').parse('http://a.com:80/x?y=1#z'))",
    "require('url').format({protocol: 'http:', host: 'a.com', pathname: 'x', search: 'q=1', hash: 'h'})",
    "require('url').resolve('/one/two/three', 'four')",
    "require('url').resolve('http://example.com/', '/one')",
    "require('url').resolve('http://example.com/one', '/two')",
    "require('url').resolve('http://example.com/a/b/c', '../d?x=1')",
    "require('url').resolve('http://example.com/a/b', 'https://other.org/z')",
    "require('url').resolve('http://example.com/a/b', '//cdn.net/lib.js')",
    "require('url').resolve('http://example.com/a/b?q=1', '#frag')",
    "(function(){ var URL = require('url').URL; var u = new URL('https://User:Pw@EXAMPLE.com:443/a/./b/../c d?x=1 2&y=%41#frag'); return [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash]; })()",
    "(function(){ var URL = require('url').URL; var u = new URL('../x?y=1', 'http://h.com:8080/a/b/c'); return u.href; })()",
    "(function(){ var URL = require('url').URL; var u = new URL('http://h.com/p?a=1&b=2&a=3'); return [u.searchParams.get('a'), u.searchParams.getAll('a'), u.searchParams.has('b'), u.searchParams.get('zz')]; })()",
    "(function(){ var URL = require('url').URL; var u = new URL('http://h.com/p?a=1'); u.searchParams.append('q', 'a b&c'); u.searchParams.set('a', '9'); u.hash = 'top'; u.pathname = '/new path'; return u.toString(); })()",
    "(function(){ var URLSearchParams = require('url').URLSearchParams; var p = new URLSearchParams({b: '2', a: 'x y', c: '~!*()\\''}); p.sort(); return [p.toString(), Array.from(p.keys()), p.size]; })()",
    "(function(){ var URLSearchParams = require('url').URLSearchParams; var p = new URLSearchParams('?a=1&b=%zz&c=x+y&a=2'); p.delete('a'); return Array.from(p.entries()); })()",
    "(function(){ var URL = require('url').URL; try { new URL('not a url'); } catch (e) { return [e.name, e.message, e.code]; } })()",
    "(function(){ var URL = require('url').URL; var u = new URL('http://h.com'); u.port = '8080'; u.search = 'k=v w'; return [u.href, JSON.stringify({u: u})]; })()",
    "new (require('url').URL)('file:///tmp/x.txt').href",
    "new (require('url').URL)('HTTP://h.com:80/').href",
    "require('querystring').parse('a=1&b=2&a=3&c=hello%20world&d=x+y&e')",
    "require('querystring').parse('a:1;b:2', ';', ':')",
    "require('querystring').stringify({a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: {}, g: 'é!'})",
    "require('querystring').stringify({w: 'x'}, ';', ':')",
    "require('querystring').escape('a b&c=d/é')",
    "require('querystring').unescape('a%20b%zz%C3%A9')",
    "require('querystring').decode('x=1')",
]

PATH_CASES = [
    "require('path').join('/foo', 'bar', 'baz/asdf', 'quux', '..')",
    "require('path').join('a', '', '../..', 'b/')",
    "require('path').join()",
    "require('path').normalize('/foo/bar//baz/asdf/quux/..')",
    "require('path').normalize('./a/../../b/./c/')",
    "require('path').normalize('')",
    "require('path').resolve('/foo/bar', './baz')",
    "require('path').resolve('/foo/bar', '/tmp/file/')",
    "require('path').basename('/foo/bar/baz/asdf/quux.html')",
    "require('path').basename('/foo/bar/baz/asdf/quux.html', '.html')",
    "require('path').basename('/a/b/')",
    "require('path').dirname('/foo/bar/baz/asdf/quux')",
    "require('path').dirname('a')",
    "require('path').dirname('/a')",
    "[require('path').extname('index.html'), require('path').extname('index.coffee.md'), require('path').extname('index.'), require('path').extname('index'), require('path').extname('.index'), require('path').extname('.index.md')]",
    "require('path').relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb')",
    "require('path').relative('/a/b', '/a/b/c/d')",
    "[require('path').isAbsolute('/foo/bar'), require('path').isAbsolute('qux/'), require('path').isAbsolute('.'), require('path').isAbsolute('')]",
    "require('path').parse('/home/user/dir/file.txt')",
    "require('path').parse('file.tar.gz')",
    "require('path').format({root: '/ignored', dir: '/home/user/dir', base: 'file.txt'})",
    "require('path').format({root: '/', name: 'file', ext: 'txt'})",
    "[require('path').sep, require('path').delimiter, require('path').posix === require('path')]",
    "(function(){ try { require('path').join('a', 1); } catch (e) { return [e.name, e.code]; } })()",
]

EVENTS_CASES = [
    """(function(){ var E = require('events'); var e = new E(); var log = [];
        e.on('x', function (a, b) { log.push(['on', a, b]); });
        e.once('x', function (a) { log.push(['once', a]); });
        e.prependListener('x', function () { log.push(['first']); });
        var r1 = e.emit('x', 1, 2); var r2 = e.emit('x', 3); var r3 = e.emit('nothing');
        return [log, r1, r2, r3, e.listenerCount('x'), e.eventNames()]; })()""",
    """(function(){ var E = require('events').EventEmitter; var e = new E(); var n = 0;
        function f() { n++; } e.on('a', f); e.on('a', f); e.off('a', f); e.emit('a');
        e.removeListener('a', f); e.emit('a'); e.on('b', f); e.removeAllListeners(); e.emit('b');
        return [n, e.listeners('a').length, e.getMaxListeners(), e.setMaxListeners(20).getMaxListeners()]; })()""",
    """(function(){ var E = require('events'); var e = new E(); function g() {}
        e.once('a', g); return [e.listeners('a')[0] === g, e.rawListeners('a')[0] === g]; })()""",
    """(function(){ var E = require('events'); var e = new E();
        try { e.emit('error', new Error('boom')); } catch (err) { return err.message; } })()""",
    """(function(){ var E = require('events'); function Sub() { E.call(this); }
        Sub.prototype = Object.create(E.prototype); var s = new Sub(); var got;
        s.on('ev', function (v) { got = [v, this === s]; }); s.emit('ev', 5); return got; })()""",
    """(function(){ var E = require('events'); var e = new E(); var seen = [];
        e.on('newListener', function (name) { seen.push(name); }); e.on('q', function(){}); return seen; })()""",
]


def test_url_querystring_path_events_literal() -> None:
    cases = [
        "require('url').parse('https://user:pw@Host.com:8080/p/a?q=s#h').hostname",
        "require('url').parse('https://h.com/p?a=1&a=2', true).query.a",
        "require('url').resolve('http://example.com/a/b/c', '../d')",
        "new (require('url').URL)('https://EXAMPLE.com:443/a/./b/../c?x=1#f').href",
        "new (require('url').URLSearchParams)({a: 'x y', b: '&'}).toString()",
        "typeof URL",
        "require('querystring').stringify({a: [1, 2], b: 'x y'})",
        "require('path').join('/foo', 'bar', 'baz/asdf', 'quux', '..')",
        "require('path').relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb')",
        "require('path').parse('/home/user/dir/file.txt')",
        EVENTS_CASES[0],
    ]
    assert run_ours(cases, FILES) == [
        "host.com",
        ["1", "2"],
        "http://example.com/a/d",
        "https://example.com/a/c?x=1#f",
        "a=x+y&b=%26",
        "undefined",
        "a=1&a=2&b=x%20y",
        "/foo/bar/baz/asdf",
        "../../impl/bbb",
        {"root": "/", "dir": "/home/user/dir", "base": "file.txt", "ext": ".txt", "name": "file"},
        [[["first"], ["on", 1, 2], ["once", 1], ["first"], ["on", 3, {"undefined": True}]], True, True, False, 2, ["x"]],
    ]


def test_unhandled_error_event_is_worded_like_postmans_events() -> None:
    case = "(function(){ var E = require('events'); var e = new E(); try { e.emit('error', 'plain'); } catch (err) { return [err.message, err.context]; } })()"
    assert run_ours([case], FILES) == [['Unhandled "error" event. (plain)', "plain"]]


def test_missing_node_module_is_a_clear_error() -> None:
    assert run_ours(["require('fs')"], FILES) == [{"throws": "Cannot find module 'fs'"}]


@pytest.mark.conformance
@pytest.mark.parametrize("cases", [URL_CASES, PATH_CASES, EVENTS_CASES], ids=["url", "path", "events"])
def test_same_as_node(cases: list[str]) -> None:
    assert_same(cases, run_ours(cases, FILES), run_node(cases, {}))
