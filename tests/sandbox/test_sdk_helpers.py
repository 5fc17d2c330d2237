"""Helpers for the SDK tests (no tests here): load sdk.js into a bare V8, evaluate snippets.

Why: the SDK object model must work on its own (pm.js is built on top of it by another
module), so its tests load nothing but sdk.js and read results back as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

from py_mini_racer import LibAlreadyInitializedError, MiniRacer, init_mini_racer

SDK_JS = Path(__file__).resolve().parents[2] / "runner" / "sandbox" / "js" / "sdk.js"

# Runs `body` (a function body using `S` for the SDK) and hands back JSON; a thrown
# error becomes {"throws": {name, message}} so tests can assert on it.
_WRAP = r"""
(function () {
  var S = globalThis.__pmr_sdk;
  try {
    var v = (function () { %s })();
    return JSON.stringify(v === undefined ? {"undefined": true} : v, function (k, x) {
      return x === undefined ? {"undefined": true} : x;
    });
  } catch (e) {
    return JSON.stringify({"throws": {"name": e && e.name, "message": String(e && e.message)}});
  }
})()
"""


def new_racer() -> MiniRacer:
    """A MiniRacer with sdk.js evaluated; the caller closes it."""
    try:
        init_mini_racer(flags=[])
    except LibAlreadyInitializedError:
        pass
    mr = MiniRacer()
    mr.eval(SDK_JS.read_text(encoding="utf-8"))
    return mr


def run(mr: MiniRacer, body: str):
    """Evaluate a JS function body (with `S` = __pmr_sdk) and return its JSON result."""
    return json.loads(mr.eval(_WRAP % body))
