"""Optional tier: the HTML report opened in headless Chromium (Debian's ``chromium`` package).

Why a browser: the parser tests prove what the file says; this proves what a person sees — the
inline script runs under the report's own CSP, and nothing is fetched from the network even when a
``pm.visualizer`` template asks for a remote image. Skipped where Chromium is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.reporters.support import Page, pmreplay, write_json
from tests.reporters.test_html import demo_collection

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")


@contextmanager
def beacon_server() -> Iterator[tuple[str, list[str]]]:
    """Counts every request: a report that opens offline must never reach it."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def opened(tmp_path_factory, echo_url):
    folder = tmp_path_factory.mktemp("browser")
    with beacon_server() as (beacon, hits):
        path = write_json(folder / "demo.json", demo_collection(echo_url, beacon=f"{beacon}/from-report.png"))
        out = folder / "report.html"
        result = pmreplay("run", str(path), "-r", "html", "--reporter-html-export", str(out))
        assert result.returncode == 1, result.stderr
        dom = chromium(out, folder / "profile", "--dump-dom")
        assert dom.returncode == 0, dom.stderr[-2000:]
        shot = folder / "report.png"
        taken = chromium(out, folder / "profile", "--window-size=1280,1800", f"--screenshot={shot}")
        assert taken.returncode == 0, taken.stderr[-2000:]
        # the control: the same harness does see an image that a page without the CSP loads
        control = folder / "control.html"
        control.write_text(f'<!DOCTYPE html><img src="{beacon}/control.png">', encoding="utf-8")
        chromium(control, folder / "profile", "--dump-dom")
        report_hits = list(hits)
    return dom.stdout, shot, report_hits


def test_script_ran_and_summary_renders(opened):
    dom, _, _ = opened
    page = Page(dom)
    body = page.all("body")[0]
    assert "js" in body["class"].split() and body["data-ready"] == "true"
    assert page.by_id["count-line"] == "4 executions, 2 with failures"
    assert page.by_id["stat-requests"] == "4"
    assert page.by_id["stat-assertions-failed"] == "1"


def test_nothing_is_fetched_from_the_network(opened):
    _, _, hits = opened
    assert "/control.png" in hits, "the harness must be able to see a fetch"
    assert [h for h in hits if h != "/control.png"] == []


def test_screenshot_is_drawn(opened):
    _, shot, _ = opened
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a blank page compresses to a few hundred bytes
