"""The `pm` API and Postman's legacy globals, exercised through ``Sandbox.execute``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from runner.sandbox import Sandbox, deprecation_message

SHARED = Path(os.environ.get("PMREPLAY_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
AEP_COLLECTION = SHARED / "aep-collection" / "AEP - Profile integration for ISVs 2020-03-06.postman_collection.json"
JSRSASIGN_DIR = Path("/root/.cache/pmreplay-jsrsasign")


@pytest.fixture(scope="module")
def sb():
    with Sandbox(timeout_ms=5000) as sandbox:
        yield sandbox


def scope(values: dict) -> list[dict]:
    return [{"key": k, "value": v, "type": "string" if isinstance(v, str) else "any"} for k, v in values.items()]


def as_dict(values: list[dict]) -> dict:
    return {v["key"]: v["value"] for v in values if not v.get("disabled")}


RESPONSE = {
    "code": 201,
    "status": "Created",
    "header": [
        {"key": "Content-Type", "value": "application/json; charset=utf-8"},
        {"key": "X-Request-Id", "value": "abc-123"},
    ],
    "body": '{"id": "conn-42", "items": [{"n": 1}, {"n": 2}], "ok": true}',
    "responseTime": 37,
    "responseSize": 61,
}


def messages(result: dict) -> list:
    assert result["error"] is None, result["error"]
    return [entry["messages"] for entry in result["console"]]


# ------------------------------------------------------------------ variables
def test_scope_get_set_unset_types(sb):
    r = sb.execute("test", """
        pm.environment.set('n', 5);
        pm.environment.set('b', false);
        pm.environment.set('o', {deep: [1, 2]});
        pm.environment.unset('gone');
        pm.globals.set('g', 'G');
        pm.collectionVariables.set('c', 'C2');
        console.log(pm.environment.get('n') + 1, pm.environment.has('gone'), pm.environment.get('missing'),
                    pm.environment.name, typeof pm.environment.get('o'));
        console.log(pm.globals.toObject(), pm.collectionVariables.get('c'));
    """, {
        "scopes": {"environment": scope({"gone": "x"}), "globals": [], "collectionVariables": scope({"c": "C1"})},
        "environmentName": "AEP emulator",
    })
    assert messages(r) == [[6, False, "undefined", "AEP emulator", "object"], [{"g": "G"}, "C2"]]
    env = {v["key"]: v for v in r["scopes"]["environment"]}
    assert env["n"]["value"] == 5 and env["b"]["value"] is False and env["o"]["value"] == {"deep": [1, 2]}
    assert "gone" not in env
    assert all("type" in v for v in r["scopes"]["environment"])
    assert as_dict(r["scopes"]["globals"]) == {"g": "G"}
    assert as_dict(r["scopes"]["collectionVariables"]) == {"c": "C2"}


def test_variables_precedence_and_local_scope(sb):
    ctx = {"scopes": {
        "globals": scope({"k": "global", "onlyGlobal": "g"}),
        "collectionVariables": scope({"k": "collection"}),
        "environment": scope({"k": "environment"}),
        "iterationData": scope({"k": "data"}),
        "_variables": [],
    }}
    r = sb.execute("test", """
        console.log(pm.variables.get('k'), pm.variables.get('onlyGlobal'), pm.variables.has('nope'));
        pm.variables.set('k', 'local');
        console.log(pm.variables.get('k'), pm.environment.get('k'), pm.variables.toObject().k);
        console.log(pm.variables.replaceIn('{{k}}/{{onlyGlobal}}/{{unknown}}'));
    """, ctx)
    assert messages(r) == [["data", "g", False], ["local", "environment", "local"], ["local/g/{{unknown}}"]]
    assert as_dict(r["scopes"]["_variables"]) == {"k": "local"}
    assert as_dict(r["scopes"]["environment"]) == {"k": "environment"}
    assert "iterationData" not in r["scopes"]


def test_disabled_values_are_invisible(sb):
    r = sb.execute("test", "console.log(pm.environment.get('a'), pm.variables.get('a'))", {"scopes": {
        "environment": [{"key": "a", "value": "on"}, {"key": "a", "value": "off", "disabled": True}],
        "globals": [{"key": "a", "value": "global"}],
    }})
    assert messages(r) == [["on", "on"]]


def test_replace_in_dynamic_variables(sb):
    r = sb.execute("test", "console.log(pm.variables.replaceIn('{{$guid}}|{{$timestamp}}|{{$randomInt}}'))", {})
    guid, ts, rnd = messages(r)[0][0].split("|")
    assert len(guid) == 36 and guid.count("-") == 4
    assert ts.isdigit() and 0 <= int(rnd) <= 1000


def test_iteration_data_is_read_only(sb):
    r = sb.execute("test", """
        console.log(pm.iterationData.get('row'), typeof pm.iterationData.set, pm.iterationData.toObject());
        console.log(data.row);
    """, {"scopes": {"iterationData": scope({"row": "r1"})}})
    assert messages(r) == [["r1", "undefined", {"row": "r1"}], ["r1"]]


# ------------------------------------------------------------------ request
def test_prerequest_rewrites_the_request(sb):
    r = sb.execute("prerequest", """
        pm.request.headers.add({key: 'X-Added', value: '1'});
        pm.request.headers.upsert({key: 'Accept', value: 'text/plain'});
        pm.request.headers.remove('X-Drop');
        pm.request.url.query.remove(function (q) { return q.key === 'drop'; });
        pm.request.url.addQueryParams('added=yes');
        pm.request.method = 'PUT';
        pm.request.body.update({mode: 'raw', raw: '{"changed": true}'});
    """, {"request": {
        "method": "POST",
        "url": "http://127.0.0.1:1/items?keep=1&drop=2",
        "header": [{"key": "Accept", "value": "*/*"}, {"key": "X-Drop", "value": "x"}],
        "body": {"mode": "raw", "raw": "{}"},
    }})
    assert r["error"] is None, r["error"]
    req = r["request"]
    assert req["method"] == "PUT"
    assert {(h["key"], h["value"]) for h in req["header"]} == {("Accept", "text/plain"), ("X-Added", "1")}
    url = req["url"] if isinstance(req["url"], str) else req["url"]["raw"]
    assert url == "http://127.0.0.1:1/items?keep=1&added=yes"
    assert req["body"]["mode"] == "raw" and json.loads(req["body"]["raw"]) == {"changed": True}


def test_plain_values_assigned_to_request_fields(sb):
    r = sb.execute("prerequest", """
        pm.request.url = 'http://127.0.0.1:1/swapped?x=1';
        pm.request.auth = {type: 'bearer', bearer: [{key: 'token', value: 'tok'}]};
    """, {"request": {"method": "GET", "url": "http://127.0.0.1:1/original", "header": []}})
    assert r["error"] is None, r["error"]
    assert r["request"]["url"]["raw"] == "http://127.0.0.1:1/swapped?x=1"
    assert r["request"]["auth"]["type"] == "bearer"
    assert r["request"]["auth"]["bearer"][0]["value"] == "tok"


def test_response_in_test_script_after_a_failed_request(sb):
    r = sb.execute("test", "console.log(typeof pm.response, pm.response.code, JSON.stringify(responseCode))", {"response": None})
    assert messages(r) == [["object", "undefined", "{}"]]
    r = sb.execute("prerequest", "console.log(typeof pm.response)", {})
    assert messages(r) == [["undefined"]]


def test_untouched_request_is_returned_as_given(sb):
    request = {"method": "GET", "url": "http://h/{{path}}", "header": []}
    assert sb.execute("prerequest", "1", {"request": request})["request"] == request


def _aep_scripts() -> dict[str, str]:
    if not AEP_COLLECTION.exists():
        pytest.skip(f"the published AEP collection is not available at {AEP_COLLECTION}")
    collection = json.loads(AEP_COLLECTION.read_text(encoding="utf-8"))
    found: dict[str, str] = {}

    def walk(items):
        for item in items:
            if "item" in item:
                walk(item["item"])
                continue
            for event in item.get("event", []):
                found.setdefault(f"{item['name']}|{event['listen']}", "\n".join(event["script"]["exec"]))
    walk(collection["item"])
    return found


def test_aep_header_and_query_cleanup_script(sb):
    scripts = _aep_scripts()
    script = scripts["Schema: Return {TENANT_ID} and Schema Registry usage information|prerequest"]
    r = sb.execute("prerequest", script, {
        "scopes": {"environment": scope({"API_KEY": "key-1", "EMPTY": ""})},
        "request": {
            "method": "GET",
            "url": "https://platform.adobe.io/data/foundation/schemaregistry/stats?a={{API_KEY}}&b={{MISSING}}&c=plain",
            "header": [
                {"key": "x-api-key", "value": "{{API_KEY}}"},
                {"key": "x-sandbox-name", "value": "{{MISSING}}"},
                {"key": "x-empty", "value": "{{EMPTY}}"},
                {"key": "Accept", "value": "application/json"},
            ],
        },
    })
    assert r["error"] is None, r["error"]
    assert [h["key"] for h in r["request"]["header"]] == ["x-api-key", "Accept"]
    query = r["request"]["url"]["query"]
    assert [(q["key"], q["value"]) for q in query] == [("a", "{{API_KEY}}"), ("c", "plain")]


# ------------------------------------------------------------------ response
def test_response_api(sb):
    r = sb.execute("test", """
        var res = pm.response;
        console.log(res.code, res.status, res.responseTime, res.headers.get('content-type'), res.json().id,
                    res.text().length, res.reason());
        console.log(pm.response.headers.has('X-Request-Id'), typeof res.size().total);
    """, {"response": RESPONSE})
    assert messages(r) == [[201, "Created", 37, "application/json; charset=utf-8", "conn-42", len(RESPONSE["body"]), "Created"],
                           [True, "number"]]


def test_response_assertions_through_pm_response_to(sb):
    r = sb.execute("test", """
        pm.test('status', function () { pm.response.to.have.status(201); });
        pm.test('wrong status', function () { pm.response.to.have.status(200); });
        pm.test('not', function () { pm.response.to.not.have.status(404); });
        pm.test('header', function () { pm.response.to.have.header('X-Request-Id'); });
    """, {"response": RESPONSE})
    assert r["error"] is None, r["error"]
    assert [t["passed"] for t in r["tests"]] == [True, False, True, True]
    assert r["tests"][1]["error"]["name"] == "AssertionError"
    assert "200" in r["tests"][1]["error"]["message"]


def test_capture_response_field_into_environment(sb):
    r = sb.execute("test", 'pm.environment.set("CONNECTION_ID", pm.response.json().id);',
                   {"response": RESPONSE, "scopes": {"environment": []}})
    assert as_dict(r["scopes"]["environment"]) == {"CONNECTION_ID": "conn-42"}


def test_cookies(sb):
    r = sb.execute("test", """
        console.log(pm.cookies.get('session'), pm.cookies.has('session'), pm.cookies.has('nope'));
        try { pm.cookies.jar(); } catch (e) { console.log(e.message); }
    """, {"response": RESPONSE, "cookies": [{"name": "session", "value": "s1", "domain": "127.0.0.1", "path": "/"}]})
    out = messages(r)
    assert out[0] == ["s1", True, False]
    assert "not supported" in out[1][0]


# ------------------------------------------------------------------ tests
def test_pm_test_pass_fail_skip_done_and_chaining(sb):
    r = sb.execute("test", """
        var ret = pm.test('passes', function () { pm.expect(1).to.equal(1); });
        console.log(ret === pm);
        pm.test('fails', function () { pm.expect(404).to.equal(200); });
        pm.test('throws', function () { undefinedThing(); });
        pm.test.skip('skipped', function () { throw new Error('never runs'); });
        pm.test('done ok', function (done) { setTimeout(function () { done(); }, 1); });
        pm.test('done err', function (done) { done(new Error('callback said no')); });
        pm.test('no function');
    """, {})
    assert r["error"] is None
    got = [(t["name"], t["passed"], t["skipped"]) for t in r["tests"]]
    # recorded as they complete, like Newman: 'done ok' finishes last
    assert got == [("passes", True, False), ("fails", False, False), ("throws", False, False),
                   ("skipped", True, True), ("done err", False, False), ("no function", True, False),
                   ("done ok", True, False)]
    assert r["tests"][1]["error"]["message"] == "expected 404 to equal 200"
    assert r["tests"][1]["error"]["name"] == "AssertionError"
    assert r["tests"][2]["error"]["name"] == "ReferenceError"
    assert r["tests"][4]["error"]["message"] == "callback said no"
    assert messages(r) == [[True]]


def test_pm_test_nesting_and_thrown_values_like_newman(sb):
    r = sb.execute("test", """
        pm.test('outer', function () { pm.test('inner', function () {}); });
        pm.test('named', function () { throw 'a string'; });
        pm.test('obj', function () { throw {name: 'X', message: 'm'}; });
    """, {})
    assert [t["name"] for t in r["tests"]] == ["inner", "outer", "named", "obj"]
    assert r["tests"][2]["error"] == {"name": "AssertionError", "message": "named", "stack": None}
    assert (r["tests"][3]["error"]["name"], r["tests"][3]["error"]["message"]) == ("X", "m")


def test_json_parse_failures_are_postman_json_errors(sb):
    r = sb.execute("test", """
        try { JSON.parse('{bad'); } catch (e) { console.log(e.name, e.message); }
        console.log(JSON.parse('\\ufeff{"a": 1}').a);
    """, {})
    assert messages(r) == [["JSONError", "Unexpected token 'b' at 1:2\n{bad\n ^"], [1]]


# ------------------------------------------------------------------ info, flow, visualizer
def test_info_and_execution(sb):
    r = sb.execute("prerequest", """
        console.log(pm.info.eventName, pm.info.iteration, pm.info.iterationCount, pm.info.requestName, pm.info.requestId);
        console.log(pm.execution.location, pm.execution.location.current);
        pm.execution.setNextRequest('Other');
        pm.execution.skipRequest();
    """, {"info": {"iteration": 2, "iterationCount": 3, "requestName": "Get user", "requestId": "id-1"},
          "location": ["Coll", "Folder", "Get user"]})
    assert messages(r) == [["prerequest", 2, 3, "Get user", "id-1"], [["Coll", "Folder", "Get user"], "Get user"]]
    assert r["nextRequest"] == {"set": True, "value": "Other"}
    assert r["skipRequest"] is True


def test_set_next_request_null_and_legacy(sb):
    r = sb.execute("test", "postman.setNextRequest('A'); pm.execution.setNextRequest(null);", {})
    assert r["nextRequest"] == {"set": True, "value": None}
    assert sb.execute("test", "1", {})["nextRequest"] == {"set": False, "value": None}


def test_skip_request_ends_the_prerequest_script(sb):
    r = sb.execute("prerequest", "console.log('before'); pm.execution.skipRequest(); console.log('after');", {})
    assert r["error"] is None
    assert r["skipRequest"] is True
    assert messages(r) == [["before"]]
    # Newman: calling it from a test script is a TypeError and skips nothing
    r = sb.execute("test", "pm.execution.skipRequest();", {})
    assert r["skipRequest"] is False
    assert r["error"]["name"] == "TypeError"


def test_visualizer(sb):
    r = sb.execute("test", "pm.visualizer.set('<b>{{x}}</b>', {x: 1}, {opt: true});", {})
    assert r["visualizer"] == {"template": "<b>{{x}}</b>", "data": {"x": 1}, "options": {"opt": True}}
    assert sb.execute("test", "pm.visualizer.set('t'); pm.visualizer.clear();", {})["visualizer"] is None


# ------------------------------------------------------------------ legacy API
def test_legacy_globals():
    sb = Sandbox()  # its own: deprecations are noted once per sandbox
    r = sb.execute("test", """
        tests['status is 201'] = responseCode.code === 201;
        tests['falsy fails'] = 0;
        tests['empty string'] = '';
        console.log(responseCode.name, responseTime, responseHeaders['X-Request-Id'], JSON.parse(responseBody).id);
        console.log(postman.getResponseHeader('x-request-id'), postman.getResponseCookie('session').value,
                    responseCookies.length, iteration);
        console.log(globals.g, environment.e, request.method, request.url, request.headers['x-h'], request.data);
        postman.setEnvironmentVariable('e2', 'v2');
        postman.setGlobalVariable('g2', 'w2');
        console.log(postman.getEnvironmentVariable('e2'), postman.getGlobalVariable('g2'));
        postman.clearEnvironmentVariable('e');
        postman.clearGlobalVariables();
    """, {
        "response": RESPONSE,
        "cookies": [{"name": "session", "value": "s1"}],
        "scopes": {"globals": scope({"g": "G"}), "environment": scope({"e": "E"})},
        "request": {"method": "POST", "url": "http://h/p", "header": [{"key": "X-H", "value": "hv"}],
                    "body": {"mode": "raw", "raw": "payload"}},
        "info": {"iteration": 1},
    })
    assert messages(r) == [
        ["Created", 37, "abc-123", "conn-42"],
        ["abc-123", "s1", 1, 1],
        ["G", "E", "POST", "http://h/p", "hv", "payload"],
        ["v2", "w2"],
    ]
    assert [(t["name"], t["passed"]) for t in r["tests"]] == [
        ("status is 201", True), ("falsy fails", False), ("empty string", False)]
    # Newman's wording, checked against Newman 6.2
    assert r["tests"][1]["error"] == {"name": "AssertionError", "message": "expected 0 to be truthy", "stack": None}
    assert r["tests"][2]["error"]["message"] == "expected  to be truthy"
    assert as_dict(r["scopes"]["environment"]) == {"e2": "v2"}
    assert r["scopes"]["globals"] == []
    assert {"tests", "responseCode", "postman.setEnvironmentVariable"} <= set(r["deprecations"])
    sb.close()


def test_deprecations_reported_once_per_sandbox():
    with Sandbox() as sandbox:
        first = sandbox.execute("test", "tests['a'] = 1; tests['b'] = 1;", {"response": RESPONSE})
        second = sandbox.execute("test", "tests['x'] = true; data.foo = 'bar';", {"response": RESPONSE})
        assert first["deprecations"] == ["tests"]
        assert second["deprecations"] == ["data"]
        # like Newman 6.2: mentioning a legacy name, or a primitive one, notes nothing
        third = sandbox.execute("test", "var d = data; var b = responseBody; var t = responseTime;", {"response": RESPONSE})
        assert third["deprecations"] == []
        assert sandbox.execute("test", "JSON.stringify(request)", {})["deprecations"] == ["request"]
    assert deprecation_message("tests") == 'Using "tests" is deprecated. Use "pm.test()" instead.'
    assert deprecation_message("data") == 'Using "data" is deprecated. Use "pm.iterationData" instead.'
    assert deprecation_message("postman.setNextRequest") == \
        'Using "postman.setNextRequest" is deprecated. Use "pm.execution.setNextRequest()" instead.'


def test_legacy_library_round_trip_through_globals(sb):
    library = "var MYLIB = { twice: function (x) { return x * 2; } };"
    r1 = sb.execute("test", 'postman.setGlobalVariable("lib-js", responseBody);',
                    {"response": dict(RESPONSE, body=library), "scopes": {"globals": []}})
    assert as_dict(r1["scopes"]["globals"]) == {"lib-js": library}
    r2 = sb.execute("prerequest", 'eval(postman.getGlobalVariable("lib-js")); console.log(MYLIB.twice(21));',
                    {"scopes": {"globals": r1["scopes"]["globals"]}})
    assert messages(r2) == [[42]]
    # the eval'd library stayed inside that script
    assert messages(sb.execute("test", "console.log(typeof MYLIB)", {})) == [["undefined"]]


# ------------------------------------------------------------------ acceptance: AEP JWT signing
def _jsrsasign_text() -> str:
    lib = JSRSASIGN_DIR / "node_modules" / "jsrsasign" / "lib" / "jsrsasign-all-min.js"
    if not lib.exists():
        if not shutil.which("npm"):
            pytest.skip("npm is not installed, so jsrsasign cannot be fetched for the JWT acceptance test")
        JSRSASIGN_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "install", "--silent", "--prefix", str(JSRSASIGN_DIR), "jsrsasign"],
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not lib.exists():
            pytest.skip(f"npm install jsrsasign failed: {done.stderr.strip()[:200]}")
    return lib.read_text(encoding="utf-8")


def test_aep_auth_prerequest_signs_verifiable_rs256_jwt():
    jwt = pytest.importorskip("jwt")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    scripts = _aep_scripts()
    library = _jsrsasign_text()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode()
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    env = scope({
        "IMS": "ims-na1.adobelogin.com",
        "IMS_ORG": "ORG@AdobeOrg",
        "TECHNICAL_ACCOUNT_ID": "TECH@techacct.adobe.com",
        "API_KEY": "api-key-1",
        "META_SCOPE": "ent_dataservices_sdk,ent_other",
        "PRIVATE_KEY": private_pem,
    })
    with Sandbox(timeout_ms=20000) as sandbox:
        init = sandbox.execute("test", scripts["INIT: Load Crypto Library for RS256|test"], {
            "response": {"code": 200, "status": "OK", "header": [], "body": library,
                         "responseTime": 1, "responseSize": len(library)},
            "scopes": {"globals": [], "environment": env},
        })
        assert init["error"] is None, init["error"]
        auth = sandbox.execute("prerequest", scripts["AUTH: Generate JWT and Access Token|prerequest"], {
            "scopes": {"globals": init["scopes"]["globals"], "environment": env},
            "request": {"method": "POST", "url": "https://{{IMS}}/ims/exchange/jwt/", "header": []},
        })
    assert auth["error"] is None, auth["error"]
    token = as_dict(auth["scopes"]["environment"])["JWT_TOKEN"]
    claims = jwt.decode(token, public_pem, algorithms=["RS256"],
                        audience="https://ims-na1.adobelogin.com/c/api-key-1")
    assert claims["iss"] == "ORG@AdobeOrg" and claims["sub"] == "TECH@techacct.adobe.com"
    assert claims["https://ims-na1.adobelogin.com/s/ent_dataservices_sdk"] is True
    assert claims["https://ims-na1.adobelogin.com/s/ent_other"] is True
    assert auth["console"][1]["messages"] == [token]


def test_request_assertions_through_pm_request_to(sb):
    r = sb.execute("test", """
        pm.test('has', function () { pm.request.to.have.header('X-A'); });
        pm.test('missing', function () { pm.request.to.have.header('nope'); });
    """, {"request": {"method": "GET", "url": "http://a/b", "header": [{"key": "X-A", "value": "1"}]}})
    assert [t["passed"] for t in r["tests"]] == [True, False]
    assert r["tests"][1]["error"]["message"] == "expected request to have header with key 'nope'"


def test_replace_in_null_undefined_and_objects_like_newman(sb):
    # output checked against Newman 6.2 with the same script
    r = sb.execute("test", """
        pm.environment.set('n', null); pm.environment.set('u', undefined);
        pm.environment.set('num', 5); pm.environment.set('o', {a: 1});
        console.log(pm.variables.replaceIn('[{{n}}][{{u}}][{{num}}][{{o}}][{{missing}}]'),
                    pm.environment.replaceIn('{{num}}{{missing}}'));
    """, {})
    assert messages(r) == [["[null][][5][[object Object]][{{missing}}]", "5{{missing}}"]]


def test_scopes_only_read_come_back_unchanged(sb):
    env = [{"key": "a", "value": "1", "type": "string"}, {"key": "a", "value": "off", "disabled": True}]
    r = sb.execute("test", "pm.environment.get('a'); pm.variables.get('a'); pm.globals.toObject();",
                   {"scopes": {"environment": env, "globals": []}})
    assert r["scopes"]["environment"] == env
    assert r["scopes"]["globals"] == []
