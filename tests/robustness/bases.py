"""Realistic starting points for the fuzzers: small v2.1, v2.0 and v1 collections, the repo's
tutorial and (when present) the published AEP collection.

Why hand-written small ones as well: they exercise every request part the big ones leave
out (all body modes, several auth types, url objects, path variables, per-item
protocolProfileBehavior, collection variables of odd types) in one cheap run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "collections" / "aep-streaming-tutorial.postman_collection.json"
SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
SCHEMA_V20 = "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"


def shared_dir() -> Path:
    env = os.environ.get("PMREPLAY_SHARED")
    return Path(env) if env else ROOT / ".." / "shared"


def published_collection() -> Path:
    return shared_dir() / "aep-collection" / "AEP - Profile integration for ISVs 2020-03-06.postman_collection.json"


def _script(lines: list[str]) -> dict:
    return {"type": "text/javascript", "exec": lines}


def small_v21(base_url: str) -> dict[str, Any]:
    """Every body mode, several auths, url objects, scripts at three levels."""
    return {
        "info": {"name": "robust v2.1", "schema": SCHEMA_V21},
        "variable": [{"key": "base", "value": base_url}, {"key": "n", "value": 3, "type": "number"},
                     {"key": "flag", "value": True, "type": "boolean"}],
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
        "event": [{"listen": "prerequest", "script": _script(["pm.variables.set('token', 'abc');"])}],
        "protocolProfileBehavior": {"followRedirects": True},
        "item": [
            {"name": "folder", "auth": {"type": "basic", "basic": [{"key": "username", "value": "u"},
                                                                    {"key": "password", "value": "p"}]},
             "event": [{"listen": "test", "script": _script(["pm.test('folder', () => {});"])}],
             "item": [
                 {"name": "raw json", "request": {
                     "method": "POST", "url": "{{base}}/raw?x=1&y",
                     "header": [{"key": "Content-Type", "value": "application/json"},
                                {"key": "X-Off", "value": "1", "disabled": True}],
                     "body": {"mode": "raw", "raw": "{\"a\": {{n}}}", "options": {"raw": {"language": "json"}}}},
                  "event": [{"listen": "test", "script": _script([
                      "pm.test('ok', () => pm.response.to.have.status(200));",
                      "pm.environment.set('seen', pm.response.json().method);"])}]},
                 {"name": "urlencoded", "protocolProfileBehavior": {"disableBodyPruning": True},
                  "request": {"method": "PUT", "url": {
                      "raw": "{{base}}/form/:id", "protocol": "http", "host": ["{{base}}"], "path": ["form", ":id"],
                      "variable": [{"key": "id", "value": "7"}], "query": [{"key": "q", "value": "1"}]},
                      "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"},
                                                                    {"key": "b", "value": "2", "disabled": True}]}}},
             ]},
            {"name": "formdata", "request": {"method": "POST", "url": "{{base}}/fd", "auth": {"type": "noauth"},
                                             "body": {"mode": "formdata", "formdata": [
                                                 {"key": "t", "value": "v", "type": "text"},
                                                 {"key": "f", "src": "missing.bin", "type": "file"}]}}},
            {"name": "graphql", "request": {"method": "POST", "url": "{{base}}/gql",
                                            "auth": {"type": "apikey", "apikey": [
                                                {"key": "key", "value": "X-Key"}, {"key": "value", "value": "k"}]},
                                            "body": {"mode": "graphql", "graphql": {"query": "{ a }",
                                                                                     "variables": "{\"v\": 1}"}}}},
            {"name": "file body", "request": {"method": "POST", "url": "{{base}}/file",
                                              "body": {"mode": "file", "file": {"src": "nope.txt"}}}},
            {"name": "string request", "request": "{{base}}/plain"},
            {"name": "digest", "request": {"method": "GET", "url": "{{base}}/digest",
                                           "auth": {"type": "digest", "digest": [
                                               {"key": "username", "value": "u"}, {"key": "password", "value": "p"},
                                               {"key": "realm", "value": "r"}, {"key": "nonce", "value": "n"}]}},
             "event": [{"listen": "test", "script": _script(["postman.setNextRequest(null);"])}]},
        ],
    }


def small_v20(base_url: str) -> dict[str, Any]:
    """v2.0 shapes: object-form auth parameters, string headers, string url."""
    return {
        "info": {"name": "robust v2.0", "schema": SCHEMA_V20},
        "item": [
            {"name": "basic", "request": {"url": f"{base_url}/v20", "method": "GET",
                                          "header": "X-A: 1\nX-B: 2",
                                          "auth": {"type": "basic", "basic": {"username": "u", "password": "p"}}},
             "event": [{"listen": "test", "script": {"exec": "tests['ok'] = responseCode.code === 200;"}}]},
            {"name": "oauth1", "request": {"url": f"{base_url}/o1", "method": "POST",
                                           "auth": {"type": "oauth1", "oauth1": {
                                               "consumerKey": "ck", "consumerSecret": "cs",
                                               "signatureMethod": "HMAC-SHA1", "addParamsToHeader": True}},
                                           "body": {"mode": "raw", "raw": "x"}}},
        ],
    }


def small_v1(base_url: str) -> dict[str, Any]:
    """The old v1 export: flat requests, folders by id, ``order`` lists, dataMode."""
    return {
        "id": "c1", "name": "robust v1", "order": ["r1"], "folders": [
            {"id": "f1", "name": "F", "order": ["r2"]}],
        "requests": [
            {"id": "r1", "name": "one", "url": f"{base_url}/v1/one", "method": "POST",
             "headers": "Content-Type: application/x-www-form-urlencoded\n", "dataMode": "urlencoded",
             "data": [{"key": "a", "value": "1", "type": "text"}],
             "tests": "tests['code'] = responseCode.code === 200;", "preRequestScript": "var a = 1;"},
            {"id": "r2", "name": "two", "url": f"{base_url}/v1/two", "method": "PUT", "dataMode": "raw",
             "rawModeData": "{\"b\": 2}", "currentHelper": "basicAuth",
             "helperAttributes": {"username": "u", "password": "p"}, "pathVariables": {}},
        ],
    }


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
