"""Load the sandbox's JavaScript library files into a bare V8 for library-level tests.

Why: the library files (`runner/sandbox/js/libs/*.js`) register modules with
``__pmr_define(name, factory)``; the sandbox prelude implements that, but library tests
should not depend on the whole `pm` machinery. This shim implements the same contract:
factories are called lazily, once, with ``require`` as their argument, and their return
value is the module's exports.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from py_mini_racer import LibAlreadyInitializedError, MiniRacer, init_mini_racer

LIBS_DIR = Path(__file__).resolve().parents[2] / "runner" / "sandbox" / "js" / "libs"

SHIM = r"""
var __pmr_factories = {}, __pmr_cache = {};
function __pmr_define(name, factory) { __pmr_factories[name] = factory; }
function require(name) {
  if (Object.prototype.hasOwnProperty.call(__pmr_cache, name)) return __pmr_cache[name];
  var f = __pmr_factories[name];
  if (!f) { var e = new Error("Cannot find module '" + name + "'"); e.code = 'MODULE_NOT_FOUND'; throw e; }
  var exported = f(require);
  __pmr_cache[name] = exported;
  return exported;
}
"""

_initialised = False


def js_with_libs(files: Iterable[str] | None = None) -> MiniRacer:
    """A fresh MiniRacer with the shim and the given library files (all when None) loaded.

    The caller must close it (``with js_with_libs() as mr:``).
    """
    global _initialised
    if not _initialised:
        try:
            init_mini_racer(flags=[])
        except LibAlreadyInitializedError:  # the sandbox engine initialised V8 first
            pass
        _initialised = True
    mr = MiniRacer()
    mr.eval(SHIM)
    paths = sorted(LIBS_DIR.glob("*.js")) if files is None else [LIBS_DIR / f for f in files]
    for path in paths:
        mr.eval(path.read_text(encoding="utf-8"))
    return mr
