"""Sandbox modules whose JavaScript comes from maintained PyPI packages (lodash, moment).

Why: the project rule is to depend on a maintained library rather than copy it into the
repository. The XStatic packages ship lodash and moment as plain UMD files; we read them
from the installed package at run time and wrap each in a ``__pmr_define`` factory, so the
library sees a CommonJS ``module``/``exports`` pair, exports itself there, and never
touches the sandbox's global scope (user scripts get ``_`` only through the engine's lazy
global getter, like in Postman).

The engine evaluates every source returned by :func:`vendored_modules` after the files in
``js/libs/`` (the shims in ``js/libs/vendor-shims.js`` patch the vendored modules lazily
when they are first required).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from runner.errors import PmreplayError

# (module name, importable XStatic package, file inside its BASE_DIR)
_VENDORED: tuple[tuple[str, str, str], ...] = (
    ("lodash", "xstatic.pkg.lodash", "lodash.min.js"),
    ("moment", "xstatic.pkg.moment", "moment.min.js"),
)

# The UMD file runs inside a function whose parameters shadow the globals a UMD wrapper
# probes: `define` is undefined so no AMD path is taken, `module`/`exports` make it take
# the CommonJS path, and `this` is a throwaway object so nothing lands on globalThis.
_WRAPPER = """__pmr_define({name}, function (require) {{
  var module = {{ exports: {{}} }};
  (function (module, exports, define) {{
{source}
  }}).call({{}}, module, module.exports, undefined);
  var exported = module.exports;
  if (typeof globalThis.__pmr_vendor_patch === "function") {{
    exported = globalThis.__pmr_vendor_patch({name}, exported) || exported;
  }}
  return exported;
}});
"""


def _package_file(package: str, filename: str) -> Path:
    """Locate a file of an installed XStatic package, with a one-line error when it is absent."""
    try:
        module = __import__(package, fromlist=["BASE_DIR"])
    except ImportError as exc:
        dist = "XStatic-" + package.rsplit(".", 1)[-1]
        raise PmreplayError(f"missing Python package {dist} (needed by the script sandbox): {exc}") from None
    path = Path(module.BASE_DIR) / filename
    if not path.is_file():
        raise PmreplayError(f"{package} is installed but has no {filename} in {module.BASE_DIR}")
    return path


def vendored_modules() -> list[tuple[str, str]]:
    """Return ``(module name, JavaScript source)`` pairs ready to be evaluated in the sandbox.

    Each source is a single ``__pmr_define`` call, so evaluating it only registers the
    module; the library itself runs on the first ``require``.
    """
    return list(_load_all())


@cache
def _load_all() -> tuple[tuple[str, str], ...]:
    """Read and wrap the files once per process: they do not change during a run."""
    modules = []
    for name, package, filename in _VENDORED:
        source = _package_file(package, filename).read_text(encoding="utf-8")
        # A trailing `//` comment (source maps) must not swallow the wrapper's closing brace.
        wrapped = _WRAPPER.format(name=f'"{name}"', source=source + "\n")
        modules.append((name, wrapped))
    return tuple(modules)
