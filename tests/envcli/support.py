"""The real ``pmreplay`` CLI in a subprocess, isolated from the developer's own configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def pmreplay(*args: str, cwd: Path, home: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m runner.cli`` in ``cwd``; HOME points at ``home`` so ``~/.postman/newmanrc`` is ours."""
    environ = {k: v for k, v in os.environ.items() if k != "PMREPLAY_NO_CONFIG"}
    environ["HOME"] = str(home or cwd)
    environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "runner.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=environ, timeout=120)


def write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))
    return path


def environment(path: Path, values: dict, name: str = "env") -> Path:
    return write_json(path, {"name": name, "values": [{"key": k, "value": v, "type": "default"}
                                                      for k, v in values.items()]})


def probe_collection(path: Path, echo_url: str) -> Path:
    """Two requests (folders A and B); each records WHO and MODE as assertion names the JSON report keeps."""
    def item(name: str) -> dict:
        return {"name": name, "event": [{"listen": "test", "script": {"exec": [
            "pm.test('who=' + pm.environment.get('WHO'), () => pm.response.to.have.status(200));",
            "pm.test('mode=' + pm.environment.get('MODE'), () => {});",
        ]}}], "request": {"method": "GET", "url": f"{echo_url}/probe/{name}"}}

    return write_json(path, {"info": {"name": "config probe", "schema": SCHEMA}, "item": [
        {"name": "A", "item": [item("a1")]}, {"name": "B", "item": [item("b1")]}]})


def report(path: Path) -> dict:
    """What a JSON report says: iterations, the requests run and the assertion names."""
    data = json.loads(path.read_text())
    run = data["run"]
    return {
        "iterations": run["stats"]["iterations"]["total"],
        "items": [e["item"]["name"] for e in run["executions"]],
        "assertions": sorted({a["assertion"] for e in run["executions"] for a in e.get("assertions", [])}),
    }
