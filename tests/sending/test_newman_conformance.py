"""What reaches the server: pmreplay's Sender against real Newman, request by request.

Both send the same requests to the same echo server; the echo server's view (method, request
target, body, header names in order and most values) must agree. Values that are random or
name the tool (Postman-Token, User-Agent, multipart boundaries) are compared by shape only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from runner.sending import Sender, SendOptions

pytestmark = pytest.mark.conformance

NEWMAN = Path(os.environ.get("PMREPLAY_NEWMAN", "/root/.cache/pmreplay-newman/node_modules/.bin/newman"))

ITEMS: list[dict] = [
    {"method": "GET", "url": "/plain?x=a b&y=%20&z=\"<>`{}|&w='"},
    {"method": "GET", "url": "/headers", "header": [
        {"key": "X-One", "value": "1"}, {"key": "accept", "value": "application/json"},
        {"key": "X-Off", "value": "no", "disabled": True}]},
    {"method": "POST", "url": "/raw-json", "body": {
        "mode": "raw", "raw": "{\"a\": \"//keep\", // drop\n \"b\": /* x */ 2}",
        "options": {"raw": {"language": "json"}}}},
    {"method": "POST", "url": "/raw-xml", "body": {"mode": "raw", "raw": "<a/>",
                                                   "options": {"raw": {"language": "xml"}}}},
    {"method": "PUT", "url": "/raw-plain", "body": {"mode": "raw", "raw": "plain"}},
    {"method": "POST", "url": "/urlencoded", "body": {"mode": "urlencoded", "urlencoded": [
        {"key": "a b", "value": "c&d é*~'()!"}, {"key": "a b", "value": "2"},
        {"key": "z", "value": "off", "disabled": True}]}},
    {"method": "POST", "url": "/graphql", "body": {"mode": "graphql", "graphql": {
        "query": "{ a }", "variables": "{\"x\": 1}"}}},
    {"method": "GET", "url": "/pruned", "body": {"mode": "raw", "raw": "dropped"}},
    {"method": "POST", "url": "/nobody"},
    {"method": "DELETE", "url": "/basic", "auth": {"type": "basic", "basic": [
        {"key": "username", "value": "u"}, {"key": "password", "value": "p"}]},
     "header": [{"key": "Authorization", "value": "Explicit"}, {"key": "X-After", "value": "1"}]},
    {"method": "GET", "url": "/apikey", "auth": {"type": "apikey", "apikey": [
        {"key": "key", "value": "k"}, {"key": "value", "value": "v"}, {"key": "in", "value": "query"}]}},
    {"method": "POST", "url": "/form", "body": {"mode": "formdata", "formdata": [
        {"key": "t", "value": "v", "type": "text"}, {"key": "f", "type": "file", "src": "upload.txt"}]}},
    {"method": "GET", "url": "/cookies/set?c1=v1"},
    {"method": "OPTIONS", "url": "/with-cookie", "auth": {"type": "oauth2", "oauth2": [
        {"key": "accessToken", "value": "tok"}, {"key": "addTokenTo", "value": "header"}]}},
    {"method": "POST", "url": "/redirect-to?url=/after-redirect&status_code=302",
     "body": {"mode": "raw", "raw": "x"}},
    {"method": "PATCH", "url": "/redirect-to?url=/after-307&status_code=307",
     "body": {"mode": "raw", "raw": "kept"}},
]

RANDOM_VALUES = {"postman-token", "user-agent", "accept-encoding"}


def _view(echo: dict) -> dict:
    body = echo["body"] or ""
    if "--" in body and "Content-Disposition" in body:  # multipart: compare with boundaries blanked
        boundary = body.split("\r\n", 1)[0]
        body = body.replace(boundary, "--BOUNDARY")
    headers = []
    for key, value in echo["headers"]:
        low = key.lower()
        if low in RANDOM_VALUES:
            value = "*"
        elif low == "content-type" and value.startswith("multipart/form-data"):
            value = "multipart/form-data"
        elif low == "content-length" and "--BOUNDARY" in body:
            value = "*"  # boundary lengths differ between tools
        elif low in ("host", "referer"):
            value = value.split("://")[-1]
        headers.append((low, value))
    return {"method": echo["method"], "url": echo["url"], "body": body, "headers": headers}


@pytest.mark.skipif(not NEWMAN.exists() or shutil.which("node") is None,
                    reason="Newman is not installed (set PMREPLAY_NEWMAN to its bin/newman)")
def test_requests_on_the_wire_match_newman(echo_url, tmp_path):
    items = [{"name": f"r{i}", "request": dict(item, url="{{base}}" + item["url"])}
             for i, item in enumerate(ITEMS)]
    collection = {"info": {"name": "wire", "schema":
                           "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                  "item": items}
    (tmp_path / "c.json").write_text(json.dumps(collection))
    (tmp_path / "upload.txt").write_text("file body\n")
    subprocess.run([str(NEWMAN), "run", "c.json", "--env-var", f"base={echo_url}", "-r", "json",
                    "--reporter-json-export", "out.json"], cwd=tmp_path, capture_output=True, timeout=120)
    report = json.loads((tmp_path / "out.json").read_text())
    newman = [_view(json.loads(bytes(e["response"]["stream"]["data"]).decode()))
              for e in report["run"]["executions"]]
    newman_recorded = [[h["key"].lower() for h in e["request"]["header"] if not h.get("disabled")]
                       for e in report["run"]["executions"]]
    assert len(newman) == len(ITEMS)
    with Sender(SendOptions(working_dir=tmp_path)) as sender:
        ours, ours_recorded = [], []
        for item in ITEMS:
            ex = sender.send(dict(item, url=echo_url + item["url"]))
            assert ex.error is None, ex.error
            ours.append(_view(json.loads(ex.response.body)))
            ours_recorded.append([h["key"].lower() for h in ex.request["header"]])
    # Exchange.request (what reporters show) lists the headers Newman records for the first hop
    for index, (theirs, mine) in enumerate(zip(newman_recorded, ours_recorded, strict=True)):
        # the HTTP layer sets form Content-Types after Newman took its record; we keep it
        form = ITEMS[index].get("body", {}).get("mode") in ("formdata", "urlencoded")
        mine = [k for k in mine if not (form and k == "content-type")]
        assert mine == theirs, f"recorded headers of {ITEMS[index]['url']}"
    differing = [f"{ITEMS[i]['method']} {ITEMS[i]['url']}:\n  newman   {theirs}\n  pmreplay {mine}"
                 for i, (theirs, mine) in enumerate(zip(newman, ours, strict=True)) if mine != theirs]
    assert not differing, "\n".join(differing)


@pytest.mark.skipif(not NEWMAN.exists() or shutil.which("node") is None,
                    reason="Newman is not installed (set PMREPLAY_NEWMAN to its bin/newman)")
def test_cookie_jar_files_interchange_with_newman(echo_url, tmp_path):
    """Newman reads the jar we export, and we read the jar Newman exports."""
    collection = {"info": {"name": "jar", "schema":
                           "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                  "item": [{"name": "set", "request": {"method": "GET", "url": "{{base}}/cookies/set?from_newman=n1"}},
                           {"name": "echo", "request": {"method": "GET", "url": "{{base}}/echo"}}]}
    (tmp_path / "c.json").write_text(json.dumps(collection))
    with Sender() as sender:
        sender.send({"method": "GET", "url": f"{echo_url}/cookies/set?from_pmreplay=p1"})
        sender.export_cookie_jar(tmp_path / "ours.json")
    subprocess.run([str(NEWMAN), "run", "c.json", "--env-var", f"base={echo_url}", "--cookie-jar", "ours.json",
                    "--export-cookie-jar", "theirs.json", "-r", "json", "--reporter-json-export", "out.json"],
                   cwd=tmp_path, capture_output=True, timeout=120)
    report = json.loads((tmp_path / "out.json").read_text())
    first = json.loads(bytes(report["run"]["executions"][0]["response"]["stream"]["data"]).decode())
    assert dict(first["headers"]).get("Cookie") == "from_pmreplay=p1"
    with Sender(SendOptions(cookie_jar_path=str(tmp_path / "theirs.json"))) as sender:
        ex = sender.send({"method": "GET", "url": f"{echo_url}/echo"})
    sent = dict(json.loads(ex.response.body)["headers"])
    assert sorted(sent["Cookie"].split("; ")) == ["from_newman=n1", "from_pmreplay=p1"]
