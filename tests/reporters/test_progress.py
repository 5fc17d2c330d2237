"""Progress output: a status line only on a real terminal outside CI, and ``-r progress``.

The terminal is a real pseudo-terminal (``pty``): the CLI decides from ``isatty`` as it would in
a person's shell, and the test reads exactly the bytes that terminal would show.
"""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys

import pytest

from runner.events import EventBus
from runner.reporters.progress import CLEAR, Progress, Tracker, auto_progress, in_ci
from tests.reporters.support import ROOT, child_env, collection, item, pmreplay, write_json


def run_in_pty(args: list[str], env: dict) -> tuple[int, str]:
    """The CLI with stdout and stderr on one pseudo-terminal, as in an interactive shell."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "runner.cli", *args], stdin=slave, stdout=slave, stderr=slave,
                            cwd=ROOT, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                raise AssertionError("no output from the CLI for 60 s")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        code = proc.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def long_run(tmp_path_factory, echo_url):
    """3 requests x 8 iterations = 24 executions (over the automatic threshold); one assertion fails each time."""
    folder = tmp_path_factory.mktemp("progress")
    items = [item(f"req {n}", f"{echo_url}/n/{n}", [f"pm.test('check {n}', () => pm.expect({n}).to.not.equal(2));"])
             for n in range(3)]
    return str(write_json(folder / "long.json", collection("long run", items)))


@pytest.fixture(scope="module")
def short_run(tmp_path_factory, echo_url):
    folder = tmp_path_factory.mktemp("progress-short")
    return str(write_json(folder / "short.json", collection("short", [item("one", f"{echo_url}/one")])))


def test_status_line_on_a_terminal_then_cleared_before_the_summary(long_run):
    code, out = run_in_pty(["run", long_run, "-n", "8"], child_env())
    assert code == 1
    assert CLEAR in out
    assert "24/24" in out and "✗ 8 failed" in out and "iteration 8/8" in out and "long run" in out
    # the cli reporter's own lines are all there, untouched
    assert out.count("→ req 1") == 8
    before_table, _, after = re.sub(r"\x1b\[[0-9;]*m", "", out).partition("┌")  # colours aside (grey borders)
    assert before_table.endswith(CLEAR + "\r\n")  # the line was erased before the table began
    assert CLEAR not in after and "24/24" not in after
    assert re.search(r"assertions │ +24 │ +8 │", after)


def test_no_status_line_in_ci(long_run):
    code, out = run_in_pty(["run", long_run, "-n", "8"], child_env(CI="true"))
    assert code == 1
    assert CLEAR not in out and "/24" not in out
    assert out.count("→ req 1") == 8


def test_no_status_line_when_not_a_terminal(long_run):
    result = pmreplay("run", long_run, "-n", "8", env=child_env())
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert result.stderr == ""


def test_no_status_line_for_short_runs(short_run):
    code, out = run_in_pty(["run", short_run, "-n", "20"], child_env())
    assert code == 0
    assert CLEAR not in out and "█" not in out and "░" not in out
    assert "Iteration 20/20" in out  # the cli reporter ran all of it


def test_no_status_line_when_silent(long_run):
    code, out = run_in_pty(["run", long_run, "-n", "8", "--silent"], child_env())
    assert code == 1
    assert out == ""


def test_forced_progress_reporter_not_a_terminal_is_compact(long_run):
    result = pmreplay("run", long_run, "-n", "2", "-r", "progress", env=child_env())
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("pmreplay: long run failed: 6 requests, 6 assertions, 2 failures in ")
    assert lines[1:] == ["  1. check 2: expected 2 to not equal 2 (req 2)",
                         "  2. check 2: expected 2 to not equal 2 (req 2)"]
    assert "\x1b" not in result.stdout


def test_forced_progress_reporter_on_a_terminal_shows_the_bar(short_run):
    code, out = run_in_pty(["run", short_run, "-n", "3", "-r", "progress"], child_env())
    assert code == 0
    assert "3/3" in out and CLEAR in out
    bar, _, result = out.rstrip().rpartition(CLEAR)
    assert "3/3" in bar  # drawn in place until the end ...
    assert result.startswith("pmreplay: short passed: 3 requests")  # ... then erased for the result line
    assert "\r\n" not in bar


def test_forced_progress_reporter_uses_ascii_when_asked(short_run):
    code, out = run_in_pty(["run", short_run, "-n", "2", "-r", "progress", "--disable-unicode"], child_env())
    assert code == 0
    assert "#" * 20 + " 2/2" in out and "█" not in out


def test_auto_progress_needs_terminals_and_the_cli_reporter():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    env = {"TERM": "xterm"}
    assert auto_progress(["cli"], stdout=Tty(), stderr=Tty(), environ=env) is not None
    assert auto_progress(["cli"], stdout=io.StringIO(), stderr=Tty(), environ=env) is None
    assert auto_progress(["cli"], stdout=Tty(), stderr=io.StringIO(), environ=env) is None
    assert auto_progress(["json"], stdout=Tty(), stderr=Tty(), environ=env) is None
    assert auto_progress(["cli", "progress"], stdout=Tty(), stderr=Tty(), environ=env) is None
    assert auto_progress(["cli"], stdout=Tty(), stderr=Tty(), environ={"TERM": "dumb"}) is None
    assert auto_progress(["cli"], stdout=Tty(), stderr=Tty(), environ={"CI": "1"}) is None
    assert auto_progress(["cli"], silent=True, stdout=Tty(), stderr=Tty(), environ=env) is None


@pytest.mark.parametrize("value, expected", [("true", True), ("1", True), ("woodpecker", True), ("", False),
                                             ("false", False), ("0", False)])
def test_ci_detection(value, expected):
    assert in_ci({"CI": value}) is expected


def test_progress_line_counts():
    progress = Progress(total=10, done=5, failures=2, current="Folder / Item", iteration=1, iterations=2)
    assert progress.line() == "██████████░░░░░░░░░░ 5/10  ✗ 2 failed  iteration 2/2  Folder / Item"
    assert progress.line(unicode=False) == "##########---------- 5/10  x 2 failed  iteration 2/2  Folder / Item"


def test_tracker_without_a_line_still_counts():
    bus = EventBus()
    tracker = Tracker(bus, None)
    bus.emit("start", None, {"items": [object(), object()], "iteration_count": 3})
    bus.emit("item", None, {})
    bus.emit("assertion", None, {"error": {"message": "x"}})
    bus.emit("assertion", None, {"error": None, "skipped": True})
    assert (tracker.progress.total, tracker.progress.done, tracker.progress.failures) == (6, 1, 1)
