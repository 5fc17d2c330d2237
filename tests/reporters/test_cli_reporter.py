"""The ``cli`` reporter through the real CLI against the echo server: Newman's layout line by line.

The expected lines were taken from Newman 6 runs of the same collections (see also
``test_cli_reporter_newman.py``, which compares with a live Newman when one is installed).
"""

from __future__ import annotations

import fcntl
import http.client
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from datetime import datetime

import pytest

from runner.reporters.cli import clock_time, cut_lines, human_ms, human_size, js_inspect, js_string
from tests.reporters.support import ROOT, child_env, closed_port, collection, item, pmreplay, write_json

ANSI = re.compile(r"\x1b\[[0-9;]*m")
SIZE_TIME = r"\d+(\.\d+)?k?B, \d+ms"


def demo_collection(base: str, dead_port: int) -> dict:
    """Nested folders, passing/failing/skipped tests, script errors, request error, console, sendRequest,
    skipRequest, non-ASCII names."""
    return collection("Cli Demo", [
        item("top ok", f"{base}/get?a=1", [
            "pm.test('status is 200', () => pm.response.to.have.status(200));",
            "pm.test('fails', () => pm.expect(1).to.equal(2));",
            "pm.test.skip('skipped one', () => {});"]),
        {"name": "Folder A", "item": [
            item("inner 1", f"{base}/status/404", ["pm.test('is 200', () => pm.response.to.have.status(200));"]),
            {"name": "Sub B", "item": [
                item("deep", f"{base}/post", [
                    "console.log('hello', {a: 1, b: [1, 2]}, [3, 'x']);",
                    "console.warn('line1\\nline2');",
                    "console.info(42, null, undefined, true);",
                    "console.log({first: 'a long value here', second: 'another long value', third: 3});"],
                    method="POST", body={"mode": "raw", "raw": "{\"x\": 1}"}),
            ]},
            {"name": "inner 2", "event": [
                {"listen": "prerequest", "script": {"exec": ["x.y.z = 1;"]}},
                {"listen": "test", "script": {"exec": ["throw new TypeError('bad test');"]}}],
             "request": {"method": "GET", "url": f"{base}/get"}},
        ]},
        item("refused", f"http://127.0.0.1:{dead_port}/nothing", ["pm.test('never', () => {});"]),
        {"name": "skipme", "event": [{"listen": "prerequest", "script": {"exec": ["pm.execution.skipRequest();"]}}],
         "request": {"method": "GET", "url": f"{base}/get"}},
        item("send", f"{base}/get", [
            f"pm.sendRequest('{base}/sr', (e, r) => {{ console.log('sr', r.code); "
            "pm.test('sr ok', () => pm.expect(r.code).to.eql(200)); });"]),
        item("Ünïcödé ✓ name", f"{base}/get", ["pm.test('ümlaut test', () => {});"]),
    ])


@pytest.fixture(scope="module")
def demo(tmp_path_factory, echo_url):
    """One two-iteration run of the demo collection, shared by the layout tests."""
    folder = tmp_path_factory.mktemp("cli-demo")
    path = write_json(folder / "demo.json", demo_collection(echo_url, closed_port()))
    result = pmreplay("run", str(path), "-n", "2", env=child_env())
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    return result.stdout, echo_url


def block(lines: list[str], start: str, length: int) -> list[str]:
    index = lines.index(start)
    return lines[index:index + length]


def test_banner_iterations_items_and_folders(demo):
    out, base = demo
    lines = out.split("\n")
    assert lines[:5] == ["pmreplay", "", "Cli Demo", "", "Iteration 1/2"]
    assert block(lines, "→ top ok", 1) == ["→ top ok"]
    # a folder line only when the folder changes; the full path of nested folders
    assert lines[lines.index("↳ inner 1") - 2:lines.index("↳ inner 1") + 1] == ["", "❏ Folder A", "↳ inner 1"]
    assert lines[lines.index("↳ deep") - 2:lines.index("↳ deep")] == ["", "❏ Folder A / Sub B"]
    assert lines[lines.index("↳ inner 2") - 1] == "❏ Folder A"
    assert "→ Ünïcödé ✓ name" in lines
    assert lines.count("Iteration 2/2") == 1
    # an item skipped by pm.execution.skipRequest shows its name and nothing else
    after = block(lines, "→ skipme", 3)
    assert after[1:] == ["", "→ send"]


def test_request_and_assertion_lines(demo):
    out, base = demo
    lines = out.split("\n")
    top = block(lines, "→ top ok", 5)
    assert re.fullmatch(rf"  GET {re.escape(base)}/get\?a=1 \[200 OK, {SIZE_TIME}\]", top[1]), top[1]
    assert top[2:] == ["  ✓  status is 200", "  1. fails", "  -  [skipped] skipped one"]
    inner = block(lines, "↳ inner 1", 3)
    assert re.fullmatch(rf"  GET {re.escape(base)}/status/404 \[404 Not Found, {SIZE_TIME}\]", inner[1])
    assert inner[2] == "  2. is 200"
    # failure numbers run on through the iterations (Newman numbers failures, not assertions)
    assert "  6. fails" in lines and "  7. is 200" in lines


def test_sizes_count_the_header_block_like_newman(demo):
    """Newman's size: body + ``HTTP/X.X <code> <reason>`` CRLF CRLF + each ``Key: value`` CRLF."""
    out, base = demo
    line = next(x for x in out.split("\n") if x.startswith(f"  GET {base}/status/404 "))
    shown = int(re.search(r"Not Found, (\d+)B", line).group(1))
    connection = http.client.HTTPConnection(base.split("//")[1], timeout=30)
    try:
        connection.request("GET", "/status/404")
        response = connection.getresponse()
        body = response.read()
        headers = response.getheaders()
    finally:
        connection.close()
    expected = len(body) + len("HTTP/X.X 404 Not Found\r\n\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in headers)
    assert shown == expected, (line, headers)


def test_script_errors_request_errors_and_send_requests(demo):
    out, base = demo
    lines = out.split("\n")
    inner2 = block(lines, "↳ inner 2", 4)
    assert inner2[1] == "  3⠄ ReferenceError in prerequest-script"
    assert inner2[2].startswith(f"  GET {base}/get [200 OK")
    assert inner2[3] == "  4⠄ TypeError in test-script"
    refused = block(lines, "→ refused", 4)
    assert re.fullmatch(r"  GET http://127\.0\.0\.1:\d+/nothing \[errored\]", refused[1])
    assert refused[2].startswith("     ") and "127.0.0.1" in refused[2]
    assert refused[3] == "  ✓  never"
    send = block(lines, "→ send", 7)
    assert send[1].startswith(f"  GET {base}/get [200 OK")
    # the script's own request comes before what the script printed after it
    assert re.fullmatch(rf"  GET {re.escape(base)}/sr \[200 OK, {SIZE_TIME}\]", send[2]), send
    assert send[3:] == ["  ┌", "  │ 'sr', 200", "  └", "  ✓  sr ok"]


def test_console_block_merges_messages_in_node_inspect_style(demo):
    out, _ = demo
    lines = out.split("\n")
    deep = block(lines, "↳ deep", 13)
    assert deep[2:] == [
        "  ┌",
        "  │ 'hello', { a: 1, b: [ 1, 2 ] }, [ 3, 'x' ]",
        "  │ 'line1\\nline2'",
        "  │ 42, null, undefined, true",
        "  │ {",
        "  │   first: 'a long value here',",
        "  │   second: 'another long value',",
        "  │   third: 3",
        "  │ }",
        "  └",
        "",
    ]


def test_no_escape_codes_without_a_terminal(demo):
    out, _ = demo
    assert "\x1b" not in out


def box_of(lines: list[str], corner: str = "┌", fill: str = "─") -> list[str]:
    """The summary box: from its top border to the line before the next blank line."""
    start = next(i for i, line in enumerate(lines) if line.startswith(corner + fill * 25))
    end = lines.index("", start)
    return lines[start:end]


def test_summary_table_is_a_well_formed_box(demo):
    out, _ = demo
    box = box_of(out.split("\n"))
    assert len({len(line) for line in box}) == 1, "\n".join(box)
    assert re.fullmatch(r"│ {25}│ +executed │ +failed │", box[1]), box[1]
    labels = [re.match(r"│ +([a-z-]+) │", line).group(1) for line in box if re.match(r"│ +[a-z-]+ │", line)]
    assert labels == ["iterations", "requests", "test-scripts", "prerequest-scripts", "assertions"]
    assertions = next(line for line in box if " assertions │" in line)
    assert re.fullmatch(r"│ {14}assertions │ +14 │ +4 │", assertions)
    requests = next(line for line in box if " requests │" in line)
    assert re.fullmatch(r"│ {16}requests │ +16 │ +2 │", requests)  # pm.sendRequest calls count, as in Newman
    iterations = next(line for line in box if " iterations │" in line)
    assert re.fullmatch(r"│ {14}iterations │ +2 │ +0 │", iterations)
    spans = [line for line in box if line.startswith("│ total") or line.startswith("│ average")]
    assert [s.split(":")[0] for s in spans] == ["│ total run duration", "│ total data received",
                                                "│ average response time"]
    assert re.search(r"\[min: \S+, max: \S+, s\.d\.: \S+\] │$", spans[2])
    # the count columns are widened evenly so the longest line fits exactly (one space each side)
    longest = max(len(s.rstrip(" │")) for s in spans)
    assert len(box[0]) in (longest + 2, longest + 3)
    assert box[0].count("┬") == 2 and box[-1].startswith("└") and "┴" in next(x for x in box if x.startswith("├─") and "┴" in x)


def test_failure_list(demo):
    out, _ = demo
    lines = out.split("\n")
    head = next(i for i, line in enumerate(lines) if re.fullmatch(r" +#  failure +detail +", line))
    table = lines[head:]
    table = table[:next((i for i, x in enumerate(table) if x == ""), len(table))]
    assert len({len(line) for line in table}) == 1, "\n".join(table)
    rows = [line.rstrip() for line in table]
    assert rows[0].startswith("   #  failure         detail")
    assert rows[1] == ""
    assert rows[2:6] == [
        " 01.  AssertionError  fails",
        "      iteration: 1    expected 1 to equal 2",
        "                      at assertion:1 in test-script",
        '                      inside "top ok"',
    ]
    assert " 03.  ReferenceError" in rows
    assert '                      inside "Folder A / inner 2"' in rows
    assert "                      at prerequest-script" in rows
    assert " 10.  Error" in rows
    assert rows[-1] == '                      inside "refused"'


def test_colour_only_with_color_on_and_on_a_terminal(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("Colours", [
        item("one", f"{echo_url}/get", ["pm.test('good', () => {});", "pm.test('bad', () => { throw new Error('x'); });"]),
    ]))
    coloured = pmreplay("run", str(path), "--color", "on", env=child_env()).stdout
    assert "\x1b[32m  ✓ \x1b[39m \x1b[90mgood\x1b[39m" in coloured
    assert "\x1b[31m\x1b[1m  1.\x1b[22m\x1b[39m \x1b[31m\x1b[1mbad\x1b[22m\x1b[39m" in coloured
    plain = pmreplay("run", str(path), "--color", "off", env=child_env()).stdout
    assert "\x1b" not in plain

    def before_summary(text: str) -> list[str]:
        text = re.sub(r"\d+(\.\d+)?(µs|ms|kB|B)\b", "N", text)
        return text[:text.index("┌─")].split("\n")

    assert before_summary(ANSI.sub("", coloured)) == before_summary(plain)


def run_on_terminal(args: list[str], columns: int) -> str:
    """The CLI with stdout and stderr on a pseudo-terminal of the given width; what it printed, ANSI kept."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    chunks = []
    try:
        proc = subprocess.Popen([sys.executable, "-m", "runner.cli", *args], cwd=ROOT, env=child_env(),
                                stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
        os.close(follower)
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace").replace("\r\n", "\n")


def test_on_a_terminal_colour_is_automatic_and_text_follows_the_window(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("Terminal", [
        item("one", f"{echo_url}/get", ["console.log('y'.repeat(120));", "pm.test('good', () => {});",
                                        "pm.test('bad', () => pm.expect(1).to.equal(2));"]),
    ]))
    out = run_on_terminal(["run", str(path)], columns=100)
    assert "\x1b[32m" in out and "good" in out
    lines = [ANSI.sub("", line) for line in out.split("\n")]
    # console text is cut at the window width less six columns (Newman's rule), not at 54
    assert "  │ '" + "y" * 93 in lines
    # the failure list follows the window (five columns short of it, as in Newman): index, name, detail
    head = next(line for line in lines if re.fullmatch(r" +#  failure +detail +", line))
    assert len(head) == 95


def test_disable_unicode_uses_plain_symbols(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("Plain", [
        {"name": "F", "item": [item("inner", f"{echo_url}/get", ["console.log('hi');", "pm.test('ok', () => {});"])]},
        item("root", f"{echo_url}/get"),
    ]))
    lines = pmreplay("run", str(path), "--disable-unicode", env=child_env()).stdout.split("\n")
    assert block(lines, "Folder F", 7)[1:] == ["Sub-folder inner", lines[lines.index("Sub-folder inner") + 1],
                                               "  -", "  | 'hi'", "  -", "  Pass  ok"]
    assert "Root root" in lines
    box = box_of(lines, "-", "-")
    assert box[0] == box[-1] == "-" * len(box[0])
    assert box[1].startswith("|") and box[2].startswith("--------------------------+")
    assert len({len(line) for line in box}) == 1
    assert not any(ch in "\n".join(lines) for ch in "┌│└✓→↳❏")


def test_reporter_options_hide_parts(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("Options", [
        item("one", f"{echo_url}/get", ["console.log('printed');", "pm.test('good', () => {});",
                                        "pm.test('bad', () => pm.expect(1).to.equal(2));",
                                        "pm.test.skip('later', () => {});"]),
    ]))
    quiet = pmreplay("run", str(path), "--reporter-cli-no-summary", "--reporter-cli-no-console",
                     "--reporter-cli-no-success-assertions", "--reporter-cli-no-banner", env=child_env()).stdout
    lines = quiet.split("\n")
    assert lines[0] == "Options"
    assert "pmreplay" not in lines
    assert "'printed'" not in quiet and "  ┌" not in quiet
    assert "  1. bad" in lines and "good" not in quiet and "[skipped]" not in quiet
    assert "executed" not in quiet
    assert any(re.fullmatch(r" +#  failure +detail +", line) for line in lines)

    other = pmreplay("run", str(path), "--reporter-cli-no-failures", "--reporter-cli-no-assertions",
                     "--reporter-cli-show-timestamps", env=child_env()).stdout
    assert "failure" not in other and "  1. bad" not in other and "✓" not in other
    assert "executed" in other
    assert re.search(r"^  \[\d{1,2}/\d{1,2}/\d{4}, \d{1,2}:\d\d:\d\d [AP]M\]  GET http://", other, re.M), other
    assert re.search(r"^  \[\d{1,2}:\d\d:\d\d [AP]M\]$", other, re.M), other  # the console block's time

    assert pmreplay("run", str(path), "--silent", env=child_env()).stdout == ""
    assert pmreplay("run", str(path), "--reporter-cli-silent", env=child_env()).stdout == ""


def test_verbose_shows_masked_headers_and_clipped_bodies(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("Verbose", [
        item("post", f"{echo_url}/post", method="POST",
             header=[{"key": "Content-Type", "value": "application/json"},
                     {"key": "Authorization", "value": "Bearer sekrit-token-123"}],
             body={"mode": "raw", "raw": json.dumps({"k": "v" * 3000})}),
        item("text", f"{echo_url}/text?body=hello%0A%0Aworld&type=text/plain"),
        item("binary", f"{echo_url}/text?body=%00%01%02&type=application/octet-stream"),
    ]))
    out = pmreplay("run", str(path), "--verbose", env=child_env()).stdout
    lines = out.split("\n")
    assert "sekrit-token-123" not in out
    assert "  │ Authorization: Bearer ********" in lines
    post = block(lines, "→ post", 3)
    assert post[1] == f"  POST {echo_url}/post  "
    assert re.fullmatch(r"  200 OK ★ \d+ms time ★ [\d.]+kB↑ [\d.]+kB↓ size ★ \d+↑ 4↓ headers ★ 0 cookies", post[2])
    assert "  ┌ ↑ raw ★ 3.01kB" in lines
    assert "  │ (showing 2.05kB/3.01kB)" in lines
    assert any(re.fullmatch(r"  ┌ ↓ application/json ★ text ★ json ★ utf8 ★ [\d.]+kB", x) for x in lines)
    assert all(len(x) <= 4 + 54 for x in lines if x.startswith("  │ "))
    text = block(lines, "  ┌ ↓ text/plain ★ text ★ plain ★ utf8 ★ 12B", 4)
    assert text[1:] == ["  │ hello", "  │ world", "  └"]
    binary = block(lines, "  ┌ ↓ application/octet-stream ★ unknown ★ raw ★ utf8 ★ 3B", 3)
    assert binary[1:] == ["  │ (binary, 3B)", "  └"]


def test_secrets_are_masked_everywhere(tmp_path, echo_url):
    env = write_json(tmp_path / "env.json", {"name": "e", "values": [
        {"key": "token", "value": "hunter2-secret", "type": "secret", "enabled": True},
        {"key": "tricky", "value": "q'uo\"te\\x", "type": "secret", "enabled": True}]})
    path = write_json(tmp_path / "c.json", collection("Masking", [
        item("uses {{token}}", f"{echo_url}/get?t={{{{token}}}}", [
            "console.log('token is', pm.environment.get('token'));",
            "console.log({tricky: pm.environment.get('tricky')});",
            "pm.test('sees ' + pm.environment.get('token'), () => pm.expect(1).to.equal(2));"],
             header=[{"key": "X-Api-Key", "value": "{{token}}"}]),
    ]))
    for flags in ((), ("--verbose",)):
        out = pmreplay("run", str(path), "-e", str(env), *flags, env=child_env()).stdout
        assert "hunter2-secret" not in out
        assert "uo" not in out  # neither raw nor as an escaped string literal
        assert "{ tricky: '********' }" in out
        assert "'token is', '********'" in out
        assert "  1. sees ********" in out
        assert "/get?t=********" in out
    assert "  │ X-Api-Key: ********" in out


def test_file_warnings_and_next_request_note(tmp_path, echo_url):
    path = write_json(tmp_path / "c.json", collection("Warn", [
        {"name": "upload", "event": [{"listen": "test", "script": {"exec": ["pm.execution.setNextRequest('after');"]}}],
         "request": {"method": "POST", "url": f"{echo_url}/post", "body": {"mode": "formdata", "formdata": [
             {"key": "f", "type": "file", "src": str(tmp_path / "missing.bin")}]}}},
        item("skipped by next request", f"{echo_url}/get"),
        item("after", f"{echo_url}/get"),
    ]))
    lines = pmreplay("run", str(path), env=child_env()).stdout.split("\n")
    upload = block(lines, "→ upload", 3)
    assert upload[1] == "  ┌"
    assert upload[2].startswith("  │ 'Form param `f`, file load error")
    note = lines.index("Attempting to set next request to after")
    assert lines[note - 1:note + 3] == ["", "Attempting to set next request to after", "", "→ after"]
    assert "→ skipped by next request" not in lines


# ---------------------------------------------------------------------- formatting helpers (facts from Newman)

@pytest.mark.parametrize(("size", "text"), [
    (0, "0B"), (999, "999B"), (1000, "1kB"), (1023, "1.02kB"), (1500, "1.5kB"), (4720, "4.72kB"),
    (10240, "10.24kB"), (999999, "1MB"), (1234567, "1.23MB"), (5e9, "5GB")])
def test_human_size(size, text):
    assert human_size(size) == text


@pytest.mark.parametrize(("ms", "text"), [
    (0, "0µs"), (0.5, "500µs"), (1, "1ms"), (12.7, "12ms"), (1997.9, "1997ms"), (1998, "1.9s"), (2000, "2s"),
    (2345, "2.3s"), (59999, "59.9s"), (60000, "1m"), (61500, "1m 1.5s"), (125432, "2m 5.4s"),
    (3600000, "1h"), (3725000, "1h 2m 5s"), (172805000, "2d 5s")])
def test_human_ms(ms, text):
    assert human_ms(ms) == text


@pytest.mark.parametrize(("value", "text"), [
    ("plain", "'plain'"), ("it's", '"it\'s"'), ("a'b\"c", "`a'b\"c`"), ("tab\there", "'tab\\there'"),
    (None, "null"), ("undefined", "undefined"), (True, "true"), (1.0, "1"), (1.5, "1.5"), ([], "[]"), ({}, "{}"),
    ({"a-b": 1, "ok": [1, {"x": None}]}, "{\n  'a-b': 1,\n  ok: [ 1, { x: null } ]\n}"),
    ({"a": 1, "$b": [1, 2]}, "{ a: 1, '$b': [ 1, 2 ] }"),
    ({"a": {"b": {"c": {"d": 1}}}}, "{\n  a: { b: { c: { d: 1 } } }\n}"),
    (list(range(1, 11)), "[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]"),
    (list("abcdefg"), "[\n  'a', 'b', 'c',\n  'd', 'e', 'f',\n  'g'\n]"),
    (1.25e-7, "1.25e-7"), (1e21, "1e+21"),
    ({"type": "Error", "name": "Error", "message": "boom"},
     "{\n  type: 'Error',\n  name: 'Error',\n  message: 'boom'\n}"),
])
def test_js_inspect(value, text):
    """Expected texts are Node 20's ``util.inspect`` with Newman's options (breakLength 44)."""
    assert js_inspect(value) == text


def test_cut_lines_cuts_at_54_and_drops_empty_lines():
    assert cut_lines("x" * 60 + "\n\nshort") == ["x" * 54, "x" * 6, "short"]
    assert js_string("a\nb") == "'a\\nb'"


@pytest.mark.parametrize(("moment", "text"), [
    (datetime(2026, 1, 2, 0, 0, 0), "12:00:00 AM"), (datetime(2026, 1, 2, 12, 0, 5), "12:00:05 PM"),
    (datetime(2026, 1, 2, 15, 5, 9), "3:05:09 PM"), (datetime(2026, 1, 2, 9, 59, 59), "9:59:59 AM")])
def test_clock_time_like_node_to_locale_time_string(moment, text):
    assert clock_time(moment) == text
