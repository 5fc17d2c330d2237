"""Helpers for the reporter tests: collections built in code and the real CLI as a subprocess."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def pmreplay(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "runner.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


def child_env(**extra: str) -> dict:
    """The test's environment without CI markers (unless given), with the repo importable from any cwd."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def item(name: str, url: str, tests: list[str] | None = None, **request) -> dict:
    events = [{"listen": "test", "script": {"exec": tests}}] if tests else []
    return {"name": name, "event": events, "request": {"method": "GET", "url": url, **request}}


def collection(name: str, items: list) -> dict:
    return {"info": {"name": name, "schema": SCHEMA}, "item": items}


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def closed_port() -> int:
    """A port nothing listens on: bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Page(HTMLParser):
    """Parses a report: every start tag with its attributes, the text by element id, nesting errors."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.by_id: dict[str, str] = {}
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self._stack: list[tuple[str, str | None]] = []
        self._text: dict[str, list[str]] = {}
        self._in_script = False
        self.feed(text)
        self.close()
        if self._stack:
            self.errors.append(f"unclosed: {[tag for tag, _ in self._stack]}")
        self.by_id = {key: "".join(parts).strip() for key, parts in self._text.items()}

    def handle_starttag(self, tag, attrs) -> None:
        attributes = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self._stack.append((tag, attributes.get("id")))
        if attributes.get("id"):
            self._text.setdefault(attributes["id"], [])
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs) -> None:
        self.tags.append((tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag) -> None:
        if tag in VOID:
            return
        if not self._stack or self._stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self._stack[-1][0] if self._stack else None})")
            return
        self._stack.pop()
        if tag == "script":
            self._in_script = False

    def handle_data(self, data) -> None:
        if self._in_script:
            self.scripts[-1] += data
            return
        for _, ident in self._stack:
            if ident:
                self._text[ident].append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]
