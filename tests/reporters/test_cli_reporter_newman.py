"""Conformance: the ``cli`` reporter's stdout next to Newman's for the same collection, line by line.

Volatile parts are normalised (times, sizes, ports, uuids, the tool's name in the banner,
column padding inside the summary box, which follows the length of the timing line).
The collection avoids the places where pmreplay differs from Newman on purpose or outside
the reporter (see the module docstring of ``runner/reporters/cli.py`` and the report).
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess

import pytest

from runner.reporters.cli import js_inspect
from tests.reporters.support import child_env, collection, item, pmreplay, write_json
from tests.support.conformance import newman_or_skip

pytestmark = pytest.mark.conformance

ANSI = re.compile(r"\x1b\[[0-9;]*m")
UNITS = re.compile(r"\b\d+(\.\d+)?(µs|ms|s|B|kB|MB)\b")
BOX = set("┌┐└┘├┤┬┴┼─│|-")


def normalise(text: str) -> list[str]:
    text = ANSI.sub("", text)
    text = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", text)
    text = re.sub(r"(?<=-script):\d+(:\d+)?", "", text)
    text = UNITS.sub("N", text)
    lines = [line.rstrip() for line in text.split("\n")]
    if lines and lines[0] in ("newman", "pmreplay"):
        lines[0] = "<banner>"
    out = []
    for line in lines:
        if line[:1] in BOX:  # the summary box: widths follow the timing line, compared elsewhere
            line = re.sub(r"-+", "-", re.sub(r"─+", "─", re.sub(r" +", " ", line)))
        out.append(line)
    return out


def conformance_collection(base: str, legacy: bool) -> dict:
    """``legacy``: an item using the legacy API (pmreplay notes that once per run, Newman once per script run,
    so it is left out of multi-iteration comparisons)."""
    legacy_items = [item("legacy", f"{base}/get", [
        "pm.test('legacy inside', () => { tests['legacy'] = responseCode.code === 200; });"])] if legacy else []
    return collection("Conformance Ünïcödé", [*legacy_items,
        item("root pass", f"{base}/get?x=1", [
            "pm.test('status is 200', () => pm.response.to.have.status(200));",
            "pm.test('fails', () => pm.expect(1).to.equal(2));",
            "pm.test.skip('later', () => {});"]),
        {"name": "Folder", "item": [
            item("in folder", f"{base}/status/404", ["pm.test('is 200', () => pm.response.to.have.status(200));"]),
            {"name": "Sub ✓", "item": [
                item("logs", f"{base}/get", [
                    "console.log('text', 42, null, true, {a: 1, b: [1, 2]}, [3, 'x']);",
                    "console.warn('multi\\nline');",
                    "console.error({first: 'a long value here', second: 'another long value', third: 3});",
                    "console.info([1,2,3,4,5,6,7,8,9,10]);",
                    "console.log('x'.repeat(70));"]),
            ]},
            {"name": "errors", "event": [
                {"listen": "prerequest", "script": {"exec": ["undefinedThing.call();"]}},
                {"listen": "test", "script": {"exec": ["null.x;"]}}],
             "request": {"method": "GET", "url": f"{base}/get"}},
        ]},
        {"name": "skipped", "event": [{"listen": "prerequest", "script": {"exec": ["pm.execution.skipRequest();"]}}],
         "request": {"method": "GET", "url": f"{base}/get"}},
        item("send", f"{base}/get", [
            f"pm.sendRequest('{base}/sent', (e, r) => {{ console.log('sent', r.code); }});"]),
        item("after skip", f"{base}/post", ["pm.test('posted', () => pm.expect(pm.response.json().method).to.eql('POST'));"],
             method="POST", body={"mode": "raw", "raw": "{}"}),
    ])


@pytest.mark.parametrize("flags", [
    ("-n", "2"),
    ("--disable-unicode",),
    ("--reporter-cli-no-success-assertions", "--reporter-cli-no-banner", "--reporter-cli-no-console"),
    ("--reporter-cli-no-summary", "--reporter-cli-no-assertions"),
], ids=["two-iterations", "disable-unicode", "no-success-banner-console", "no-summary-assertions"])
def test_stdout_matches_newman_line_by_line(tmp_path, echo_url, flags):
    newman = newman_or_skip()
    path = write_json(tmp_path / "c.json", conformance_collection(echo_url, legacy="-n" not in flags))
    theirs = subprocess.run([newman, "run", str(path), *flags], capture_output=True, text=True, timeout=300,
                            env=child_env())
    ours = pmreplay("run", str(path), *flags, env=child_env())
    assert theirs.returncode == ours.returncode == 1, ours.stderr
    expected, actual = normalise(theirs.stdout), normalise(ours.stdout)
    assert len(expected) > 25 and any("failure" in line for line in expected)  # Newman really ran it
    assert actual == expected, "\n".join(difflib.unified_diff(expected, actual, "newman", "pmreplay", lineterm=""))


def test_js_inspect_matches_node(tmp_path):
    newman_or_skip()  # node comes with it
    values = [
        {"a-b": 1, "ok": [1, {"x": None}]}, {"first": "a long value here", "second": "x" * 20, "third": 3},
        list(range(1, 11)), list("abcdefg"), list(range(150)), {"a": {"b": {"c": {"d": 1}}}},
        {"k": "x" * 60}, [[1, 2, [3, [4]]]], {"$x": 1, "a b": 2, "n": -0.5, "big": 1e21, "f": 1.25e-7},
        ["a" * 20, "b", "c", "d", "e", "f", "g", "h"], [{"a": 1}] * 8, list(range(1000, 1030)),
        {"nested": {"list": list(range(20))}}, "it's", "a'b\"c", "tab\tand\nnewline", [], {},
    ]
    script = ("const u = require('util'); const values = " + json.dumps(values) + ";\n"
              "for (const v of values) console.log(JSON.stringify(u.inspect(v, "
              "{breakLength: 44, depth: 25, maxArrayLength: 100})));")
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    assert [js_inspect(v) for v in values] == expected
