"""Builders for the checks/baseline tests: collections on disk and the real ``pmreplay`` CLI in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def pmreplay(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "runner.cli", "run", *args, "--no-color"], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=180)


def request(name: str, url: str, method: str = "GET", body: dict | None = None, tests: list[str] | None = None,
            **extra) -> dict:
    item: dict = {"name": name, "request": {"method": method, "url": url}, **extra}
    if body is not None:
        item["request"]["header"] = [{"key": "Content-Type", "value": "application/json"}]
        item["request"]["body"] = {"mode": "raw", "raw": json.dumps(body)}
    if tests:
        item["event"] = [{"listen": "test", "script": {"exec": tests}}]
    return item


def write_collection(directory: Path, items: list, name: str = "c.postman_collection.json") -> Path:
    path = directory / name
    path.write_text(json.dumps({"info": {"name": "checks test", "schema": SCHEMA}, "item": items}))
    return path


def failures(stdout: str) -> str:
    """The failure table at the end of the CLI report (where assertion messages are printed)."""
    marker = stdout.find("#  failure")
    return stdout[marker:] if marker >= 0 else ""


def assertion_counts(stdout: str) -> tuple[int, int]:
    """(executed, failed) from the summary table's assertions row, whatever its column widths."""
    import re

    match = re.search(r"assertions\s*│\s*(\d+)\s*│\s*(\d+)\s*│", stdout)
    assert match, stdout
    return int(match.group(1)), int(match.group(2))
