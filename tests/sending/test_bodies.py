"""Body modes, Content-Type inference, comment stripping, pruning and file handling."""

from __future__ import annotations

import base64
import json
import os

import pytest

from runner.sending import Sender, SendOptions, strip_json_comments
from tests.sending.helpers import echoed, header


def _post(url: str, body: dict | None, headers: list[dict] | None = None, method: str = "POST") -> dict:
    return {"method": method, "url": url, "header": headers or [], "body": body}


@pytest.mark.parametrize("language, expected", [
    ("json", "application/json"), ("javascript", "application/javascript"), ("xml", "application/xml"),
    ("html", "text/html"), ("text", "text/plain"), (None, "text/plain"),
])
def test_raw_content_type_from_language(sender, echo_url, language, expected):
    body = {"mode": "raw", "raw": "<a>1</a>"}
    if language:
        body["options"] = {"raw": {"language": language}}
    ex = sender.send(_post(f"{echo_url}/echo", body))
    assert header(ex, "Content-Type") == expected
    assert echoed(ex)["body"] == "<a>1</a>"


def test_explicit_content_type_wins_case_insensitively(sender, echo_url):
    body = {"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}}
    ex = sender.send(_post(f"{echo_url}/echo", body, [{"key": "content-type", "value": "application/vnd.x+json"}]))
    types = [v for k, v in echoed(ex)["headers"] if k.lower() == "content-type"]
    assert types == ["application/vnd.x+json"]


def test_json_comments_stripped_outside_strings(sender, echo_url):
    raw = '{\n  "url": "http://x//y", // line comment\n  /* block */ "s": "/* keep */"\n}'
    ex = sender.send(_post(f"{echo_url}/echo", {"mode": "raw", "raw": raw,
                                                "options": {"raw": {"language": "json"}}}))
    assert echoed(ex)["json"] == {"url": "http://x//y", "s": "/* keep */"}
    assert ex.request["body"]["raw"] == echoed(ex)["body"]


def test_comments_kept_when_language_is_not_json(sender, echo_url):
    raw = "a // b"
    ex = sender.send(_post(f"{echo_url}/echo", {"mode": "raw", "raw": raw,
                                                "options": {"raw": {"language": "javascript"}}}))
    assert echoed(ex)["body"] == raw


def test_strip_json_comments_handles_escaped_quotes():
    assert strip_json_comments('{"a": "x\\"//y"} // z') == '{"a": "x\\"//y"} '
    assert strip_json_comments("[1, /* two */ 3]") == "[1,  3]"


def test_urlencoded_repeats_duplicates_and_skips_disabled(sender, echo_url):
    body = {"mode": "urlencoded", "urlencoded": [
        {"key": "a b", "value": "c&d é*"}, {"key": "a b", "value": "2"},
        {"key": "off", "value": "x", "disabled": True}]}
    ex = sender.send(_post(f"{echo_url}/echo", body))
    assert header(ex, "Content-Type") == "application/x-www-form-urlencoded"
    # encodeURIComponent-style plus the RFC 3986 reserved !'()* (what Newman sends)
    assert echoed(ex)["body"] == "a%20b=c%26d%20%C3%A9%2A&a%20b=2"


def test_formdata_text_and_file_parts(tmp_path, echo_url):
    (tmp_path / "one.txt").write_text("first file")
    (tmp_path / "two.bin").write_bytes(b"\x00\x01binary")
    body = {"mode": "formdata", "formdata": [
        {"key": "name", "value": "value", "type": "text"},
        {"key": "meta", "value": '{"a":1}', "type": "text", "contentType": "application/json"},
        {"key": "files", "type": "file", "src": ["one.txt", str(tmp_path / "two.bin")]},
        {"key": "skipped", "value": "no", "type": "text", "disabled": True},
    ]}
    with Sender(SendOptions(working_dir=tmp_path)) as sender:
        ex = sender.send(_post(f"{echo_url}/echo", body))
    ctype = header(ex, "Content-Type")
    assert ctype.startswith("multipart/form-data; boundary=")
    raw = base64.b64decode(echoed(ex)["body_b64"])
    boundary = ctype.split("boundary=")[1].encode()
    parts = [p for p in raw.split(b"--" + boundary) if p.strip(b"-\r\n")]
    assert len(parts) == 4
    assert b'name="name"' in parts[0] and parts[0].endswith(b"\r\n\r\nvalue\r\n")
    assert b"Content-Type: application/json" in parts[1]
    assert b'filename="one.txt"' in parts[2] and b"first file" in parts[2]
    assert b'filename="two.bin"' in parts[3] and b"\x00\x01binary" in parts[3]
    assert b"skipped" not in raw
    assert ex.warnings == []
    assert ex.request["body"]["mode"] == "formdata"


def test_formdata_missing_file_is_a_warning_and_part_dropped(sender, echo_url):
    body = {"mode": "formdata", "formdata": [
        {"key": "keep", "value": "v", "type": "text"},
        {"key": "f", "type": "file", "src": "missing.bin"}]}
    ex = sender.send(_post(f"{echo_url}/echo", body))
    assert ex.warnings == ['Form param `f`, file load error: "missing.bin", no such file']
    raw = base64.b64decode(echoed(ex)["body_b64"])
    assert b'name="keep"' in raw and b'name="f"' not in raw


def test_no_insecure_file_read_refuses_outside_working_dir(tmp_path, echo_url):
    outside = tmp_path.parent / f"outside-{os.getpid()}.txt"
    outside.write_text("secret")
    inside = tmp_path / "in"
    inside.mkdir()
    try:
        body = {"mode": "formdata", "formdata": [{"key": "f", "type": "file", "src": str(outside)}]}
        with Sender(SendOptions(working_dir=inside, insecure_file_read=False)) as sender:
            ex = sender.send(_post(f"{echo_url}/echo", body))
        assert ex.warnings == ["Form param `f`, file load error: PPERM: insecure file access outside working directory"]
        assert b"secret" not in base64.b64decode(echoed(ex)["body_b64"])
        with Sender(SendOptions(working_dir=inside)) as sender:  # default: allowed
            ex = sender.send(_post(f"{echo_url}/echo", body))
        assert ex.warnings == [] and b"secret" in base64.b64decode(echoed(ex)["body_b64"])
    finally:
        outside.unlink()


def test_file_mode_src_and_content(tmp_path, echo_url):
    (tmp_path / "payload.bin").write_bytes(b"\xffraw bytes")
    with Sender(SendOptions(working_dir=tmp_path)) as sender:
        ex = sender.send(_post(f"{echo_url}/echo", {"mode": "file", "file": {"src": "payload.bin"}}))
        assert base64.b64decode(echoed(ex)["body_b64"]) == b"\xffraw bytes"
        ex = sender.send(_post(f"{echo_url}/echo", {"mode": "file", "file": {"content": "inline"}}))
        assert echoed(ex)["body"] == "inline"
        ex = sender.send(_post(f"{echo_url}/echo", {"mode": "file", "file": {"src": "nope.bin"}}))
        assert ex.warnings == ['Binary file load error: "nope.bin", no such file']
        assert echoed(ex)["body"] == ""


def test_graphql_body_with_string_variables(sender, echo_url):
    body = {"mode": "graphql", "graphql": {"query": "query Q($x: Int) { a(x: $x) }",
                                           "operationName": "Q", "variables": '{"x": 1}'}}
    ex = sender.send(_post(f"{echo_url}/echo", body))
    assert header(ex, "Content-Type") == "application/json"
    assert echoed(ex)["json"] == {"query": "query Q($x: Int) { a(x: $x) }", "operationName": "Q",
                                  "variables": {"x": 1}}


def test_graphql_bad_variables_warns(sender, echo_url):
    body = {"mode": "graphql", "graphql": {"query": "{a}", "variables": "{oops"}}
    ex = sender.send(_post(f"{echo_url}/echo", body))
    assert echoed(ex)["json"] == {"query": "{a}"}
    assert len(ex.warnings) == 1 and "GraphQL variables" in ex.warnings[0]


@pytest.mark.parametrize("method", ["GET", "COPY", "HEAD", "PURGE", "UNLOCK"])
def test_body_pruned_for_bodyless_methods(sender, echo_url, method):
    spec = _post(f"{echo_url}/echo", {"mode": "raw", "raw": "drop me"}, method=method)
    ex = sender.send(spec)
    assert ex.error is None and ex.request["body"] is None
    if method != "HEAD":
        assert echoed(ex)["body"] == "" and header(ex, "Content-Type") is None


def test_disable_body_pruning_sends_get_body(sender, echo_url):
    spec = _post(f"{echo_url}/echo", {"mode": "raw", "raw": "keep me"}, method="GET")
    ex = sender.send(spec, {"disableBodyPruning": True})
    assert echoed(ex)["body"] == "keep me"
    assert header(ex, "Content-Type") == "text/plain"


def test_post_without_body_sends_zero_length(sender, echo_url):
    ex = sender.send(_post(f"{echo_url}/echo", None))
    assert header(ex, "Content-Length") == "0"


@pytest.mark.parametrize("route", ["gzip", "brotli"])
def test_recorded_body_and_response_fields(sender, echo_url, route):
    ex = sender.send(_post(f"{echo_url}/{route}", {"mode": "raw", "raw": "x"}))
    encoded_length = int({h["key"]: h["value"] for h in ex.response.header}["Content-Length"])
    assert encoded_length != len(ex.response.body)
    payload = json.loads(ex.response.body)  # decoded from gzip
    assert payload["body"] == "x"
    assert ex.response.response_size == len(ex.response.body)
    assert ex.response.code == 200 and ex.response.status == "OK"
    assert ex.request["body"] == {"mode": "raw", "raw": "x"}
