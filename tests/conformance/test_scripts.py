"""Script behaviour under Newman and pmreplay: legacy API, request rewriting, assertion messages, errors."""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item, item_facts, scope_file

pytestmark = pytest.mark.conformance


def test_legacy_api(conformance):
    url = conformance.url
    doc = collection([
        item("legacy", url + "/legacy?q=1", method="POST", header=[{"key": "X-Req", "value": "r"}],
             body={"mode": "raw", "raw": "{\"a\": 1}"},
             prerequest=["postman.setEnvironmentVariable('pre', 'p'); postman.setGlobalVariable('gpre', 2);",
                         "environment.direct = 'ignored';"],
             test=[
                 "tests['status ok'] = responseCode.code === 200;",
                 "tests['fails'] = responseCode.code === 201;",
                 "tests['name'] = responseCode.name === 'OK';",
                 "tests['time'] = typeof responseTime === 'number';",
                 "var body = JSON.parse(responseBody);",
                 "tests['body method ' + body.method] = true;",
                 "tests['header'] = postman.getResponseHeader('content-type') === 'application/json';",
                 "tests['headers obj'] = responseHeaders['Content-Type'] === 'application/json';",
                 "tests['env read ' + environment.pre] = globals.gpre === '2' || globals.gpre === 2;",
                 "tests['data ' + JSON.stringify(data)] = true;",
                 "tests['iteration ' + iteration] = true;",
                 "tests['request ' + request.method + ' ' + request.url] = typeof request.headers === 'object';",
                 "postman.setEnvironmentVariable('post', JSON.stringify(request.data));",
                 "postman.clearEnvironmentVariable('pre'); postman.setEnvironmentVariable('num', 3);",
                 "postman.clearGlobalVariables(); postman.setGlobalVariable('g_after', 'x');",
                 "postman.setNextRequest('last');"]),
        item("skipped", url + "/skipped"),
        item("last", url + "/last", test=[
            "tests['env is plain object'] = typeof environment === 'object' && environment.post !== undefined;",
            "postman.clearEnvironmentVariables();", "postman.setEnvironmentVariable('only', 'me');"]),
    ])
    newman, ours = conformance.both(doc, data=[{"row": "r1"}], environment=scope_file({"keep": "k"}))
    assert_same(newman, ours)
    assert ("GET", "/skipped") not in newman.wire


def test_request_rewriting_in_prerequest(conformance):
    url = conformance.url
    pre = [
        "pm.request.headers.add({key: 'X-Added', value: 'a'});",
        "pm.request.headers.upsert({key: 'X-Existing', value: 'upserted'});",
        "pm.request.headers.remove('X-Remove');",
        "pm.request.url.query.add('added=1');",
        "pm.request.url.query.remove('drop');",
        "pm.request.addQueryParams('more=2');",
        "pm.request.url.path.push('extra');",
        "pm.request.method = 'PUT';",
        "pm.request.body.update({mode: 'raw', raw: JSON.stringify({rewritten: pm.variables.get('v')})});",
        "pm.request.headers.add({key: 'Content-Type', value: 'application/json'});",
        "pm.environment.set('seen_url', pm.request.url.toString());",
        "pm.environment.set('seen_headers', JSON.stringify(pm.request.headers.toObject()));",
    ]
    test = [
        "pm.test('sent url', () => pm.expect(pm.request.url.toString()).to.include('added=1'));",
        "pm.test('sent method', () => pm.expect(pm.request.method).to.equal('PUT'));",
        "const j = pm.response.json();",
        "pm.environment.set('echo_path', j.url); pm.environment.set('echo_body', j.body);",
        "pm.environment.set('echo_headers', JSON.stringify(j.headers.filter(h => h[0].startsWith('X-'))));",
        "const sent = pm.request.headers.toObject(); delete sent['user-agent']; delete sent['postman-token'];",
        "pm.environment.set('test_headers', JSON.stringify(sent));",
    ]
    doc = collection([
        item("rewrite", url + "/rewrite/{{v}}?keep=1&drop=2", method="POST", prerequest=pre, test=test,
             header=[{"key": "X-Existing", "value": "old"}, {"key": "X-Remove", "value": "gone"}],
             body={"mode": "raw", "raw": "original"}),
    ])
    newman, ours = conformance.both(doc, environment=scope_file({"v": "val", "base": url}))
    assert_same(newman, ours)
    assert_same(newman, ours, "wire_bodies")


ASSERTIONS = [
    "pm.expect(1).to.equal(2)",
    "pm.expect({a: 1}).to.eql({a: 2})",
    "pm.expect('abc').to.include('z')",
    "pm.expect([1, 2]).to.have.lengthOf(3)",
    "pm.expect({a: 1}).to.have.property('b')",
    "pm.expect({a: 1}).to.have.property('a', 2)",
    "pm.expect(5).to.be.above(6)",
    "pm.expect(5).to.be.below(1)",
    "pm.expect(5).to.be.within(6, 7)",
    "pm.expect('abc').to.match(/^z/)",
    "pm.expect(3).to.be.oneOf([1, 2])",
    "pm.expect({a: 1, b: 2}).to.have.all.keys('a')",
    "pm.expect(null).to.exist",
    "pm.expect(undefined).to.not.be.undefined",
    "pm.expect('x').to.be.a('number')",
    "pm.expect([]).to.not.be.empty",
    "pm.expect(true).to.be.false",
    "pm.expect(1, 'custom message').to.equal(2)",
    "pm.expect([1, {a: 2}]).to.deep.include({a: 3})",
    "pm.expect(() => 1).to.throw()",
    "pm.expect(0.1 + 0.2).to.be.closeTo(1, 0.01)",
    "pm.expect('a').to.be.oneOf(['a']); pm.expect('b').to.not.equal('b')",
    "pm.response.to.have.status(201)",
    "pm.response.to.have.status('Created')",
    "pm.response.to.have.header('X-Missing')",
    "pm.response.to.have.header('Content-Type', 'text/plain')",
    "pm.response.to.have.jsonBody('method', 'POST')",
    "pm.response.to.have.jsonBody('nope')",
    "pm.response.to.be.clientError",
    "pm.response.to.be.ok",
    "pm.response.to.not.be.json",
    "pm.response.to.have.body('x')",
    "pm.expect(Number.isInteger(pm.response.responseTime)).to.be.false",
    "pm.expect(pm.response.json()).to.have.nested.property('query[0][0]', 'zz')",
    "pm.expect(pm.response.headers.get('Content-Type')).to.eql('text/html')",
    "throw new Error('plain throw')",
    "undefinedCall()",
]


def test_assertion_messages(conformance):
    lines = [f"pm.test({f'#{i} {src}'!r}, () => {{ {src}; }});" for i, src in enumerate(ASSERTIONS)]
    lines += [
        "pm.test.skip('skipped test', () => { throw new Error('never'); });",
        "pm.test('passes', () => pm.expect(pm.response.code).to.equal(200));",
        "pm.test('no callback');",
        "pm.test('returns a value', () => false);",
        "pm.test('done style', done => { pm.expect(1).to.equal(1); done(); });",
        "pm.test('done with error', done => done(new Error('via done')));",
        "pm.expect(1).to.equal(1);",
    ]
    doc = collection([item("assert", conformance.url + "/assert?a=b", test=lines)])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)
    assert len(newman.assertions) > len(ASSERTIONS)


@pytest.mark.parametrize("where", ["collection", "folder", "item"])
def test_script_errors(conformance, where):
    url = conformance.url
    bad_pre, bad_test = "var x = ;", "null.prop;"
    inner = [
        item("first", url + "/first", prerequest="pm.environment.set('ran_first', true);",
             test="pm.test('first test', () => {}); pm.environment.set('t_first', true);"),
        item("second", url + "/second"),
    ]
    events = [{"listen": "prerequest", "script": {"exec": [bad_pre]}},
              {"listen": "test", "script": {"exec": ["pm.environment.set('before_throw', 1);", bad_test,
                                                     "pm.environment.set('after_throw', 1);"]}}]
    if where == "collection":
        doc = collection(inner, events=events)
    elif where == "folder":
        doc = collection([{"name": "folder", "event": events, "item": inner}])
    else:
        inner[0]["event"] = events + inner[0]["event"]
        doc = collection(inner)
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)
    assert newman.exit_code == ours.exit_code == 1


def test_errors_in_prerequest_still_send_and_other_error_kinds(conformance):
    url = conformance.url
    doc = collection([
        item("throws object", url + "/a", prerequest="throw {name: 'Custom', message: 'obj'};"),
        item("type error", url + "/b", prerequest="pm.environment.set('p', 1); (void 0).x;",
             test="pm.test('ran', () => {});"),
        item("range error", url + "/c", test="new Array(-1);"),
        item("error in test callback then more", url + "/d", test=[
            "pm.test('t1', () => { null.f(); });", "pm.test('t2', () => {});", "pm.expect(1).to.equal(2);"]),
        item("request error", "http://127.0.0.1:9/refused", test="pm.test('no response', () => {});"),
        item("bad url var", "{{undefined_base}}/x"),
        item("after", url + "/after"),
    ])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)


# --------------------------------------------------------------------------- small sandbox cases
# One run holds many small cases (one item each, results in environment keys named after the
# item); each case is then checked on its own. Found by this tier and fixed in runner/sandbox/js.

CASES: dict[str, dict] = {
    # the legacy request.headers object has lower-cased keys in Newman
    "legacy request.headers": {"test": "tests['lower'] = request.headers['x-req'] === 'r' && !request.headers['X-Req'];"},
    # pm.test records a test when it completes, so an inner test comes before its outer test
    "nested test order": {"test": "pm.test('outer', () => { pm.test('inner', () => {}); });"},
    # a thrown non-Error fails the test with an AssertionError named after the test
    "thrown string": {"test": "pm.test('named', () => { throw 'a string'; });"},
    # the global JSON.parse of Newman's sandbox throws Postman's JSONError
    "JSON.parse error": {"test": "JSON.parse('{bad');"},
    # pm.request.url may be assigned a string, pm.request.auth a plain object
    "url assigned a string": {"prerequest": [
        "pm.request.url = pm.variables.replaceIn('{{base}}/swapped?x=1');",
        "pm.request.auth = {type: 'bearer', bearer: [{key: 'token', value: 'tok'}]};"],
        "test": "pm.environment.set('url assigned a string', pm.response.json().headers.filter(h => h[0] === 'Authorization'));"},
    # Newman gives test scripts an empty pm.response when the request failed
    "response after a request error": {"url": "http://127.0.0.1:9/refused", "test": [
        "const r = {}; const t = (k, f) => { try { r[k] = f(); } catch (e) { r[k] = e.name + ': ' + e.message; } };",
        "t('type', () => typeof pm.response); t('code', () => String(pm.response.code));",
        "t('json', () => pm.response.json()); t('headers', () => pm.response.headers.count());",
        "t('legacy', () => JSON.stringify([responseCode, typeof responseBody, responseHeaders, String(responseTime)]));",
        "pm.environment.set('response after a request error', JSON.stringify(r));",
        "pm.test('ok', () => pm.response.to.be.ok);", "pm.test('status', () => pm.response.to.have.status(200));"]},
    # assorted pm API values
    "pm api values": {"test": [
        "pm.variables.set('loc', 'L'); pm.environment.set('nest', '{{loc}}-{{base}}');",
        "const h = pm.response.headers; const o = {};",
        "o.envName = pm.environment.name; o.vars = Object.keys(pm.variables.toObject()).sort();",
        "o.replace = pm.variables.replaceIn('{{loc}}|{{nest}}|{{missing}}|{{ loc }}|{{}}');",
        "o.envReplace = pm.environment.replaceIn ? pm.environment.replaceIn('{{loc}}') : 'none';",
        "o.reason = pm.response.reason(); o.ctype = h.get('content-type'); o.hasCT = h.has('Content-Type');",
        "o.headerObj = Object.keys(h.toObject()).sort(); o.code = pm.response.code; o.status = pm.response.status;",
        "o.reqHeaders = pm.request.headers.count() > 5; o.method = pm.request.method;",
        "o.json = pm.response.json().method; o.textType = typeof pm.response.text();",
        "o.idShape = /^[0-9a-f-]{36}$/.test(pm.info.requestId); o.eventName = pm.info.eventName;",
        "o.str = String(pm.request.url); o.query = pm.request.url.query.toObject();",
        "pm.environment.set('pm api values', JSON.stringify(o));"]},
    # chai's inspection of pm.response in a message: Newman shows "PostmanResponse{ …(10) }"
    "inspect pm.response": {"test": "pm.test('code', () => pm.expect(pm.response).to.have.property('code', 404));"},
}
KNOWN_GAPS: dict[str, str] = {
    "inspect pm.response": "sandbox gap: chai shows pm.response as \"Response{ code: 200, …(7) }\" where Newman "
                           "shows \"PostmanResponse{ …(10) }\"",
    "response after a request error": "sandbox gap: after a request error Newman's empty pm.response fails "
                                      "to.be.ok (\"expected response to have status reason 'OK' but got 'UNDEFINED'\"), "
                                      "to.have.status says \"expected PostmanResponse{ …(5) } to have property 'code'\", "
                                      "json() says '\"undefined\" is not valid JSON', responseHeaders is {}",
}


@pytest.fixture(scope="module")
def case_runs(conformance):
    items = [item(name, case.get("url", conformance.url + "/case"), header=[{"key": "X-Req", "value": "r"}],
                  prerequest=case.get("prerequest"), test=case.get("test")) for name, case in CASES.items()]
    return conformance.both(collection(items), environment=scope_file({"base": conformance.url}))


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=False)) if name in KNOWN_GAPS
    else name for name in CASES])
def test_sandbox_case(case_runs, name):
    newman, ours = case_runs
    assert item_facts(ours, name) == item_facts(newman, name)
    assert item_facts(newman, name) != {"assertions": [[]], "failures": [], "environment": {}}, "records nothing"
