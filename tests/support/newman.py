"""Find Newman for the conformance tests and the benchmark, installing it with npm when possible.

Why a cache outside the repo: Newman is the reference we compare against, not a dependency
of pmreplay; it is installed from the npm registry into ``~/.cache/pmreplay-newman`` once
per machine (``PMREPLAY_NEWMAN`` points at another executable).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CACHE = Path(os.environ.get("PMREPLAY_NEWMAN_CACHE", Path.home() / ".cache" / "pmreplay-newman"))
VERSION = "6"


def newman_path() -> Path:
    return CACHE / "node_modules" / ".bin" / "newman"


def find_or_install_newman() -> str | None:
    """The newman executable, or None when neither it nor node+npm is available (the caller skips)."""
    explicit = os.environ.get("PMREPLAY_NEWMAN")
    if explicit:
        return explicit
    path = newman_path()
    if path.exists():
        return str(path)
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (CACHE / "package.json").exists():
        (CACHE / "package.json").write_text('{"name": "pmreplay-newman-cache", "private": true}\n')
    try:
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", f"newman@{VERSION}"], cwd=CACHE,
                       capture_output=True, timeout=600, check=True)
    except (subprocess.SubprocessError, OSError):
        return None
    return str(path) if path.exists() else None
