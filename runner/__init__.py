"""pmreplay's runner: replay Postman collections headlessly, Newman-compatible.

``runner.run(...)`` is the Python API (see ``runner.api.run``).

Why the module-class trick below: the package also has a submodule ``runner/run.py`` (the run
loop). The first ``import runner.run`` -- done by ``runner.api`` itself -- makes Python set the
package attribute ``run`` to that submodule, which would silently replace the function: the
second ``runner.run(...)`` in a program would fail with "'module' object is not callable". So
when the submodule is attached, it is made callable too; ``runner.run`` stays both the API
function and, for ``import runner.run``, the run-loop module.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def run(*args: Any, **kwargs: Any):
    """Run a collection; see :func:`runner.api.run` (imported lazily so ``import runner`` stays cheap)."""
    from runner.api import run as _run

    return _run(*args, **kwargs)


_run_function = run  # the name ``run`` itself is rebound to the submodule once that is imported


class _CallableRunModule(types.ModuleType):
    """``runner/run.py`` once imported: still the module, and callable as ``runner.run(...)``."""

    def __call__(self, *args: Any, **kwargs: Any):
        return _run_function(*args, **kwargs)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name == "run" and type(value) is types.ModuleType:
            value.__class__ = _CallableRunModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = ["run"]
