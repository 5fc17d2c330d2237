"""Shared checks for the robustness tests: what "did not crash" means, in one place."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from runner.api import run
from runner.errors import PmreplayError
from runner.summary import RunSummary

ROOT = Path(__file__).resolve().parents[2]


def assert_one_line(exc: PmreplayError, must_name: str | None = None) -> None:
    text = str(exc)
    assert text.strip(), "empty error message"
    assert "\n" not in text.strip(), f"error message spans lines: {text!r}"
    assert "Traceback" not in text
    if must_name is not None:
        assert must_name in text, f"error does not name {must_name!r}: {text!r}"


def run_everything(collection: Any, **kwargs: Any) -> RunSummary | None:
    """Run with the cli, json and junit reporters; None when the input was rejected cleanly.

    Anything other than a ``PmreplayError`` escapes and fails the calling test.
    """
    stream = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="pmreplay-robust-") as out:
        options = {"json": {"export": f"{out}/r.json"}, "junit": {"export": f"{out}/r.xml"}}
        kwargs.setdefault("timeout_ms", 8000)
        kwargs.setdefault("timeout_script_ms", 2000)
        try:
            summary = run(collection, reporters=["cli", "json", "junit"], reporter_options=options,
                          stream=stream, **kwargs)
        except PmreplayError as exc:
            assert_one_line(exc)
            return None
        json.dumps(summary.to_json())
        report = json.loads(Path(f"{out}/r.json").read_text(encoding="utf-8"))
        assert "run" in report
        assert Path(f"{out}/r.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert "Traceback" not in stream.getvalue()
    return summary


def pmreplay(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "runner.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, input=stdin, timeout=120)


def assert_clean_cli_error(result: subprocess.CompletedProcess, must_contain: str | None = None) -> None:
    """Exit 1, exactly one line on stderr, no traceback."""
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr[-3000:]
    lines = [line for line in result.stderr.split("\n") if line.strip()]  # a terminal's lines, not str.splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    if must_contain is not None:
        assert must_contain in lines[0], lines[0]
