"""Run collection scripts and rs256-signer.js in a bare V8 (mini-racer) for the emulator tests.

Why a tiny pm shim instead of the project's sandbox: these tests check the emulator, so
they must not depend on the runner; the shim gives the few calls the AEP collection's
scripts make (environment/variables/globals, responseBody, header and query filters).
"""

from __future__ import annotations

import json

from py_mini_racer import LibAlreadyInitializedError, MiniRacer, init_mini_racer

_ready = False

SHIM = r"""
function __run(script, stateJson, responseBody) {
  var st = JSON.parse(stateJson);
  var logs = [];
  var pick = function (k) {
    if (Object.prototype.hasOwnProperty.call(st.locals, k)) return st.locals[k];
    if (Object.prototype.hasOwnProperty.call(st.env, k)) return st.env[k];
    return st.globals[k];
  };
  var pm = {
    environment: { get: function (k) { return st.env[k]; }, set: function (k, v) { st.env[k] = v; } },
    variables: { get: pick, set: function (k, v) { st.locals[k] = v; } },
    request: {
      headers: {
        each: function (fn) { st.headers.slice().forEach(fn); },
        remove: function (k) { st.headers = st.headers.filter(function (h) { return h.key !== k; }); }
      },
      url: { query: { remove: function (fn) { st.query = st.query.filter(function (q) { return !fn(q); }); } } }
    }
  };
  var postman = {
    getGlobalVariable: function (k) { return st.globals[k]; },
    setGlobalVariable: function (k, v) { st.globals[k] = v; }
  };
  var console = { log: function () { logs.push(Array.prototype.join.call(arguments, " ")); } };
  new Function("pm", "postman", "console", "responseBody", script)(pm, postman, console, responseBody);
  st.logs = logs;
  return JSON.stringify(st);
}
"""


def new_js() -> MiniRacer:
    global _ready
    if not _ready:
        try:
            init_mini_racer(flags=[])
        except LibAlreadyInitializedError:
            pass
        _ready = True
    return MiniRacer()


class ScriptRunner:
    """Keeps the variable scopes of one collection run."""

    def __init__(self, env: dict) -> None:
        self.env = dict(env)
        self.globals: dict = {}
        self.locals: dict = {}
        self.js = new_js()
        self.js.eval(SHIM)

    def close(self) -> None:
        self.js.close()

    def run(self, script: str, headers: list | None = None, response_body: str | None = None) -> dict:
        state = {"env": self.env, "globals": self.globals, "locals": self.locals, "headers": headers or [],
                 "query": []}
        out = json.loads(self.js.call("__run", script, json.dumps(state), response_body, timeout_sec=30))
        self.env, self.globals, self.locals = out["env"], out["globals"], out["locals"]
        return out

    def resolve(self, text: str) -> str:
        def value(name: str) -> str | None:
            for scope in (self.locals, self.env, self.globals):
                if name in scope:
                    v = scope[name]
                    return v if isinstance(v, str) else json.dumps(v)
            return None

        import re

        return re.sub(r"\{\{([^{}]+)\}\}", lambda m: value(m.group(1)) if value(m.group(1)) is not None
                      else m.group(0), text)
