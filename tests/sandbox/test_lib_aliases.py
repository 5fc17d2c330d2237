"""require('postman-collection') and require('chai') map onto sdk.js / expect.js objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.jslib import js_with_libs

JS_DIR = Path(__file__).resolve().parents[2] / "runner" / "sandbox" / "js"


def _with(*files: str):
    mr = js_with_libs(["aliases.js"])
    for name in files:
        path = JS_DIR / name
        if not path.is_file():
            mr.close()
            pytest.skip(f"{name} is not in this tree yet")
        mr.eval(path.read_text(encoding="utf-8"))
    return mr


def test_postman_collection_exposes_sdk_constructors() -> None:
    with _with("sdk.js") as mr:
        out = json.loads(mr.eval(
            "var sdk = require('postman-collection');"
            "var u = new sdk.Url('https://example.com:8080/a/b?x=1#h');"
            "JSON.stringify({keys: ['Url', 'Request', 'Response', 'Header', 'QueryParam', 'PropertyList', 'VariableScope']"
            ".map(function (k) { return typeof sdk[k]; }), host: u.getHost(), sameObject: sdk.Url === globalThis.__pmr_sdk.Url})"
        ))
    assert out == {"keys": ["function"] * 7, "host": "example.com", "sameObject": True}


def test_chai_is_the_expect_library() -> None:
    with _with("expect.js") as mr:
        assert mr.eval("require('chai') === globalThis.__pmr_chai && typeof require('chai').expect") == "function"


def test_missing_backing_object_is_module_not_found() -> None:
    with js_with_libs(["aliases.js"]) as mr:
        assert mr.eval("try { require('chai'); 'no error' } catch (e) { e.message + ' ' + e.code }") == (
            "Cannot find module 'chai' MODULE_NOT_FOUND"
        )
