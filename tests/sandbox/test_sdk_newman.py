"""pm.request / pm.response in real Newman versus the same operations on our SDK objects.

Why: Newman's sandbox bundles its own copy of the SDK and builds `pm.request` from the
collection and `pm.response` from the wire; this checks that our Request/Response,
built from the same data, answer the same.  Newman runs a collection against the local
echo server; every script stores its results (and, for responses, the raw response it
saw) in the environment, which Newman exports.  Skipped when Newman or node is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.sandbox.test_sdk_helpers import new_racer

pytestmark = pytest.mark.conformance

NEWMAN = Path(os.environ.get("PMREPLAY_NEWMAN", "/root/.cache/pmreplay-newman/node_modules/.bin/newman"))

# Runs on pm.request in a pre-request script (and on S.Request(<same JSON>) here).
REQUEST_OPS = r"""
function (req) {
  var out = [];
  out.push(req.method, req.url.toString(), req.url.getHost(), req.url.getPath(), req.url.getQueryString(),
           req.url.query.toObject(), req.headers.toObject(), req.headers.get('content-type'), req.getHeaders(),
           req.body ? [req.body.mode, req.body.toString(), req.body.isEmpty()] : null,
           req.auth ? [req.auth.type, req.auth.parameters().toObject()] : null);
  // (removing inside each() is left out: Postman's own list then skips members and
  // hands undefined to the callback, which ours deliberately does not)
  var seen = [], drop = [];
  req.headers.each(function (h) { seen.push(h.key); if (h.key.indexOf('X-Drop') === 0) { drop.push(h.key); } });
  drop.forEach(function (k) { req.headers.remove(k); });
  out.push(seen, req.headers.map(function (h) { return h.key; }));
  req.url.query.remove(function (q) { return q.key === 'drop'; });
  req.addQueryParams('added=1&flag');
  req.headers.upsert({key: 'Accept', value: 'application/json'});
  req.upsertHeader({key: 'X-New', value: 'n'});
  req.removeHeader('x-keep', {ignoreCase: true});
  out.push(req.url.toString(), req.url.getPathWithQuery(), req.headers.toString(), req.headers.has('accept'),
           req.size().body);
  return out;
}
"""

# Runs on pm.response in a test script (and on S.Response(<what Newman saw>) here).
RESPONSE_OPS = r"""
function (res) {
  var json, jsonp;
  try { json = res.json(); } catch (e) { json = [e.name, e.message]; }
  try { jsonp = res.jsonp(); } catch (e) { jsonp = [e.name, e.message]; }
  return [res.code, res.status, res.reason(), res.text(), json, jsonp, res.headers.get('content-type'),
          res.headers.has('Content-Length'), res.contentInfo(), res.dataURI(), res.size().body];
}
"""

REQUESTS = [
    {
        "method": "post",
        "url": "/anything/:id/items?drop=1&keep=2&b&{{q}}=v",
        "header": [
            {"key": "Content-Type", "value": "application/json"},
            {"key": "X-Drop-1", "value": "a"},
            {"key": "X-Drop-2", "value": "b"},
            {"key": "x-keep", "value": "k"},
            {"key": "X-Off", "value": "o", "disabled": True},
            {"key": "accept", "value": "*/*"},
        ],
        "body": {"mode": "raw", "raw": "{\"héllo\": 1}", "options": {"raw": {"language": "json"}}},
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{tok}}", "type": "string"}]},
    },
    {
        "method": "PUT",
        "url": "/form?x=%2F&y=a b",
        "header": [{"key": "X-Keep", "value": "1"}, {"key": "x-keep", "value": "2"}],
        "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}, {"key": "b", "value": "&", "disabled": True}]},
    },
]

RESPONSES = [
    ("json", "application/json; charset=utf-8", '{"a": [1, {"b": null}], "é": "ü"}'),
    ("invalid-json", "application/json", '{"a": 1,}'),
    ("html", "text/html; charset=ISO-8859-1", "<!DOCTYPE html>\n<html><body>hi</body></html>"),
    ("jsonp", "application/javascript", 'cb({"x": 1});'),
    ("empty", "text/plain", ""),
    ("truncated", "application/json", '[1, 2, {"k": "v"'),
]


def _script(lines: str) -> dict:
    return {"type": "text/javascript", "exec": lines.strip().splitlines()}


def _collection(base: str) -> dict:
    items = []
    for i, req in enumerate(REQUESTS):
        spec = dict(req, url=base + req["url"])
        pre = f"pm.environment.set('req{i}', JSON.stringify(({REQUEST_OPS})(pm.request)));"
        items.append({"name": f"req{i}", "request": spec, "event": [{"listen": "prerequest", "script": _script(pre)}]})
    for name, ctype, body in RESPONSES:
        url = f"{base}/text?type={quote(ctype)}&body={quote(body)}"
        test = (
            f"pm.environment.set('res-{name}', JSON.stringify({{result: ({RESPONSE_OPS})(pm.response),"
            " raw: {code: pm.response.code, status: pm.response.status, header: pm.response.headers.toJSON(),"
            " body: pm.response.text(), responseSize: pm.response.responseSize}}));"
        )
        items.append({"name": name, "request": {"method": "GET", "url": url},
                      "event": [{"listen": "test", "script": _script(test)}]})
    return {
        "info": {"name": "sdk-conformance",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items,
    }


@pytest.fixture(scope="module")
def newman_env(echo_url, tmp_path_factory) -> dict:
    if not NEWMAN.exists() or not shutil.which("node"):
        pytest.skip(f"Newman ({NEWMAN}) and node are needed for this comparison")
    work = tmp_path_factory.mktemp("sdk-newman")
    (work / "collection.json").write_text(json.dumps(_collection(echo_url.rstrip("/"))), encoding="utf-8")
    env = {"name": "sdk", "values": [{"key": "tok", "value": "secret", "type": "default"},
                                     {"key": "q", "value": "qq", "type": "default"}]}
    (work / "env.json").write_text(json.dumps(env), encoding="utf-8")
    proc = subprocess.run(
        [str(NEWMAN), "run", str(work / "collection.json"), "-e", str(work / "env.json"), "--reporters", "cli",
         "--export-environment", str(work / "out.json")],
        capture_output=True, text=True, timeout=180,
    )
    assert (work / "out.json").exists(), proc.stdout + proc.stderr
    values = json.loads((work / "out.json").read_text(encoding="utf-8"))["values"]
    return {v["key"]: v["value"] for v in values}


@pytest.fixture(scope="module")
def racer():
    mr = new_racer()
    yield mr
    mr.close()


@pytest.mark.parametrize("index", range(len(REQUESTS)))
def test_request_operations_match_newman(index, newman_env, racer, echo_url):
    theirs = json.loads(newman_env[f"req{index}"])
    spec = dict(REQUESTS[index], url=echo_url.rstrip("/") + REQUESTS[index]["url"])
    ours = json.loads(racer.eval(f"JSON.stringify(({REQUEST_OPS})(new __pmr_sdk.Request({json.dumps(spec)})))"))
    assert ours == theirs


@pytest.mark.parametrize("name", [r[0] for r in RESPONSES])
def test_response_operations_match_newman(name, newman_env, racer):
    seen = json.loads(newman_env[f"res-{name}"])
    ours = json.loads(racer.eval(f"JSON.stringify(({RESPONSE_OPS})(new __pmr_sdk.Response({json.dumps(seen['raw'])})))"))
    assert ours == seen["result"]
