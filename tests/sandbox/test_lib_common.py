"""Helpers shared by the library tests: run the same JavaScript in our sandbox and in Node.

Why: every library is checked twice: against literal expected values (meaningful without
Node), and, when node and npm exist, against the real npm package for the same inputs, so
drift from the library scripts were written for shows up as a test failure.
This module holds no tests itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from runner.sandbox.libs_vendor import vendored_modules
from tests.support.jslib import js_with_libs

NPM_DIR = Path("/root/.cache/pmreplay-npm")

# Each case is a JavaScript expression; it is evaluated with `require` available and the
# result is compared as JSON. A thrown error becomes {"throws": <message>} on both sides.
_RUNNER = r"""
(function (cases) {
  return JSON.stringify(cases.map(function (src) {
    try {
      var v = (0, eval)("(function () { return (" + src + "); })")();
      return v === undefined ? {"undefined": true} : JSON.parse(JSON.stringify(v, function (k, x) {
        if (x === undefined) return {"undefined": true};
        if (typeof x === "number" && !isFinite(x)) return {"number": String(x)};
        return x;
      }));
    } catch (e) {
      return {"throws": String(e && e.message)};
    }
  }));
})
"""


def run_ours(cases: list[str], files: list[str] | None = None, vendored: bool = False) -> list:
    """Evaluate each case in a bare V8 with our library files (all by default) loaded."""
    with js_with_libs(files) as mr:
        if vendored:
            for _name, source in vendored_modules():
                mr.eval(source)
        return json.loads(mr.eval(_RUNNER + "(" + json.dumps(cases) + ")"))


def ensure_npm(packages: dict[str, str]) -> None:
    """Install the real packages (name -> version spec) into NPM_DIR or skip the test.

    Each entry is checked by requiring "<name>/package.json" and matching the major
    version, so an existing cache is reused and nothing is downloaded twice.
    """
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node and npm are needed to compare with the real npm packages")
    missing = []
    for name, spec in packages.items():
        pkg_json = NPM_DIR / "node_modules" / name / "package.json"
        want_major = spec.split("@")[-1].split(".")[0] if "@" in spec else None
        if pkg_json.is_file():
            version = json.loads(pkg_json.read_text(encoding="utf-8")).get("version", "")
            if want_major is None or version.split(".")[0] == want_major:
                continue
        missing.append(spec)
    if not missing:
        return
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    if not (NPM_DIR / "package.json").exists():
        (NPM_DIR / "package.json").write_text('{"name": "pmreplay-npm", "private": true}\n', encoding="utf-8")
    proc = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NPM_DIR), *missing],
        capture_output=True,
        text=True,
        timeout=240,
    )
    if proc.returncode != 0:
        pytest.skip(f"npm install {' '.join(missing)} failed: {proc.stderr.strip().splitlines()[-1:]}")


def run_node(cases: list[str], packages: dict[str, str]) -> list:
    """Evaluate each case in Node with the real packages; skips when node/npm are absent."""
    ensure_npm(packages)
    script = "var cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));\nprocess.stdout.write(" + _RUNNER + "(cases));\n"
    env = dict(os.environ, NODE_PATH=str(NPM_DIR / "node_modules"), TZ="UTC")
    proc = subprocess.run(
        ["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def assert_same(cases: list[str], ours: list, theirs: list) -> None:
    """Compare case by case so a failure names the JavaScript that differs."""
    diffs = [f"{src}\n   ours:  {a!r}\n   real:  {b!r}" for src, a, b in zip(cases, ours, theirs, strict=True) if a != b]
    assert not diffs, "differences from the real library:\n" + "\n".join(diffs)
