"""pmreplay's runner: replay Postman collections headlessly, Newman-compatible.

``runner.run(...)`` is the Python API (see ``runner.api.run``); the run loop itself lives in
``runner.loop`` so that no submodule shadows this function.
"""

from __future__ import annotations

from typing import Any


def run(*args: Any, **kwargs: Any):
    """Run a collection; see :func:`runner.api.run` (imported lazily so ``import runner`` stays cheap)."""
    from runner.api import run as _run

    return _run(*args, **kwargs)


__all__ = ["run"]
