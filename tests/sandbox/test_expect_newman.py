"""Postman's response assertions compared with Newman itself over real HTTP.

Why: the Postman assertions (`pm.response.to.have.status`, `.jsonBody`, `.jsonSchema`, named
statuses, ...) come from postman-sandbox, not chai; their wording and their quirks are
checked here against the real thing. The same test scripts run in Newman and in our
sandbox, against the same responses of a local echo server; every test's outcome and
failure message must match.
"""

from __future__ import annotations

import json
import subprocess
from urllib.parse import quote

import pytest
import requests

from runner.sandbox import Sandbox
from tests.support.newman import find_or_install_newman

pytestmark = pytest.mark.conformance

BODY = '{"user":{"id":7,"tags":["a","b"]},"ok":true}'

# request name -> path on the echo server
REQUESTS = {
    "json": "/text?type=application/json&body=" + quote(BODY),
    "text": "/text?type=text/plain&body=hello%20world",
    "empty": "/text?type=text/plain&body=",
    "missing": "/status/404",
    "created": "/status/201",
}

# test scripts run against every response above (names must be unique)
TESTS = [
    "pm.response.to.have.status(200);",
    "pm.response.to.have.status(404);",
    "pm.response.to.have.status('OK');",
    "pm.response.to.have.status('Not Found');",
    "pm.response.to.not.have.status(200);",
    "pm.response.to.have.statusCode(201);",
    "pm.response.to.have.statusReason('Created');",
    "pm.response.to.have.statusCodeClass(2);",
    "pm.response.to.be.success;",
    "pm.response.to.be.info;",
    "pm.response.to.be.redirection;",
    "pm.response.to.be.clientError;",
    "pm.response.to.be.serverError;",
    "pm.response.to.be.error;",
    "pm.response.to.not.be.error;",
    "pm.response.to.be.ok;",
    "pm.response.to.not.be.ok;",
    "pm.response.to.be.notFound;",
    "pm.response.to.be.badRequest;",
    "pm.response.to.be.accepted;",
    "pm.response.to.have.header('Content-Type');",
    "pm.response.to.have.header('content-type', 'application/json');",
    "pm.response.to.have.header('X-Nope');",
    "pm.response.to.not.have.header('Content-Type');",
    "pm.response.to.have.body();",
    "pm.response.to.have.body('hello world');",
    "pm.response.to.have.body(/wor/);",
    "pm.response.to.not.have.body(/wor/);",
    "pm.response.to.have.body({user: {id: 7, tags: ['a', 'b']}, ok: true});",
    "pm.response.to.have.body({user: {id: 8}});",
    "pm.response.to.be.withBody;",
    "pm.response.to.be.json;",
    "pm.response.to.not.be.json;",
    "pm.response.to.have.jsonBody();",
    "pm.response.to.have.jsonBody('user.tags[1]');",
    "pm.response.to.have.jsonBody('user.tags[1]', 'b');",
    "pm.response.to.have.jsonBody('user.id', 8);",
    "pm.response.to.have.jsonBody('user.name');",
    "pm.response.to.not.have.jsonBody('user.id');",
    "pm.response.to.have.jsonSchema({type: 'object', required: ['user']});",
    "pm.response.to.have.jsonSchema({properties: {user: {properties: {id: {type: 'string'}}}}, required: ['zz']});",
    "pm.response.to.not.have.jsonSchema({type: 'object'});",
    "pm.expect(pm.response.code).to.be.oneOf([200, 201]);",
    "pm.expect(pm.response.text()).to.include('user');",
    "pm.expect(pm.response.json()).to.have.nested.property('user.tags').that.has.lengthOf(3);",
    "pm.expect(pm.response.headers.get('Content-Type')).to.equal('text/plain');",
    "pm.expect(pm.response.code).to.equal(200);",
    "pm.expect(pm.request).to.have.header('Accept', 'application/json');",
    "pm.expect(pm.request).to.have.header('X-Absent');",
    "pm.expect(pm.request).to.be.postmanRequest;",
    "pm.expect(pm.response).to.not.be.postmanResponse;",
    "pm.expect(pm.response.json()).to.have.jsonSchema({required: ['user']});",
    "pm.expect({}).to.be.postmanResponse;",
]
# Not compared here: messages that display the response object itself (Newman shows
# `PostmanResponse{ …(10) }`), which depends on the SDK's object layout, not on expect.js.


def script_lines() -> list[str]:
    return [f"pm.test({json.dumps('t' + str(i))}, function () {{ {body} }});" for i, body in enumerate(TESTS)]


def newman_outcomes(newman: str, base: str, tmp_path) -> dict[str, dict[str, dict]]:
    collection = {
        "info": {"name": "expect", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [
            {"name": name,
             "request": {"method": "GET", "url": base + path, "header": [{"key": "Accept", "value": "application/json"}]},
             "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": script_lines()}}]}
            for name, path in REQUESTS.items()
        ],
    }
    coll = tmp_path / "collection.json"
    coll.write_text(json.dumps(collection), encoding="utf-8")
    report = tmp_path / "report.json"
    subprocess.run([newman, "run", str(coll), "--reporters", "json", "--reporter-json-export", str(report)],
                   capture_output=True, text=True, timeout=240)
    run = json.loads(report.read_text(encoding="utf-8"))["run"]
    out: dict[str, dict[str, dict]] = {}
    for execution in run["executions"]:
        per = out.setdefault(execution["item"]["name"], {})
        for a in execution.get("assertions", []):
            err = a.get("error")
            per[a["assertion"]] = {"passed": not err, "message": err["message"] if err else None}
    return out


def our_outcomes(base: str) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    script = "\n".join(script_lines())
    with Sandbox() as sandbox:
        for name, path in REQUESTS.items():
            resp = requests.get(base + path, headers={"Accept": "application/json"}, timeout=10)
            context = {
                "scopes": {},
                "request": {"method": "GET", "url": base + path,
                            "header": [{"key": "Accept", "value": "application/json"}]},
                "response": {"code": resp.status_code, "status": resp.reason,
                             "header": [{"key": k, "value": v} for k, v in resp.raw.headers.items()],
                             "body": resp.text, "responseTime": 5, "responseSize": len(resp.content)},
                "info": {"eventName": "test", "iteration": 0, "iterationCount": 1, "requestName": name,
                         "requestId": name},
            }
            result = sandbox.execute("test", script, context)
            assert result["error"] is None, result["error"]
            out[name] = {t["name"]: {"passed": t["passed"], "message": t["error"]["message"] if t["error"] else None}
                         for t in result["tests"]}
    return out


def test_postman_assertions_match_newman(echo_url, tmp_path):
    newman = find_or_install_newman()
    if newman is None:
        pytest.skip("Newman is not installed and node/npm are unavailable: cannot compare with Newman")
    theirs = newman_outcomes(newman, echo_url, tmp_path)
    ours = our_outcomes(echo_url)
    assert set(theirs) == set(REQUESTS)
    mismatches = []
    for name in REQUESTS:
        for i, body in enumerate(TESTS):
            key = "t" + str(i)
            # Newman appends the stack to nothing; compare the message's first lines only
            t, o = theirs[name].get(key), ours[name].get(key)
            if o is not None and o["message"]:
                o = dict(o, message=o["message"].split("\n    at ")[0])
            if t != o:
                mismatches.append({"request": name, "test": body, "newman": t, "ours": o})
    assert mismatches == [], json.dumps(mismatches, indent=1)
    outcomes = [v["passed"] for per in theirs.values() for v in per.values()]
    assert outcomes.count(True) >= 40 and outcomes.count(False) >= 80
