"""The pure pieces: expression parsing, chai-style printing, equality, diffs and baseline file names."""

from __future__ import annotations

import json
import re

import pytest

from runner.baseline import differences, json_differences, relative_path, slug, text_differences
from runner.checks import (
    ChecksError,
    default_checks_file,
    inspect,
    parse_check,
    parse_flag,
    parse_value,
    same,
)
from runner.collection import build_collection
from runner.jsonpaths import JsonPathError, format_path, without


def test_operator_is_found_outside_brackets_and_quotes():
    check = parse_check("$.items[?(@.name == 'a b')].qty >= 2", "t")
    assert (check.source, check.op, check.expected) == ("$.items[?(@.name == 'a b')].qty", ">=", 2)
    check = parse_check("body contains 'x == y'", "t")
    assert (check.source, check.op, check.expected) == ("body", "contains", "x == y")
    check = parse_check("$.a not exists", "t")
    assert (check.op, check.expected) == ("not exists", None)
    assert parse_check("header:ETag <= 3", "t").op == "<="


@pytest.mark.parametrize("text, value", [
    ("200", 200), ('"200"', "200"), ("007", "007"), ("null", None), ("[1, 2]", [1, 2]), ("plain text", "plain text"),
    ("'quoted'", "quoted"), ("true", True),
])
def test_values_are_json_literals_when_they_can_be(text, value):
    assert parse_value(text) == value and type(parse_value(text)) is type(value)


def test_matches_accepts_slash_form_with_flags():
    check = parse_check("body matches /^ab+c$/im", "t")
    assert check.expected.pattern == "^ab+c$" and check.expected.flags & re.I and check.expected.flags & re.M


@pytest.mark.parametrize("text, message", [
    ("status", "has no operator"), ("== 1", "has no operator"), ("status ==", "has no value after '=='"),
    ("$.a exists 3", "'exists' takes no value"), ("$.a type is str", "'type is' needs one of"),
    ("nope == 1", "unknown source 'nope'"), ("header: == 1", "needs a name after 'header:'"),
])
def test_bad_expressions(text, message):
    with pytest.raises(ChecksError, match=re.escape(message)):
        parse_check(text, "where")


@pytest.mark.parametrize("value, shown", [
    ("it's", "'it\\'s'"), (1.0, "1"), (1e21, "1e+21"), (True, "true"), (None, "null"), ([], "[]"),
    ({"a": 1, "b-c": [1, "x"]}, "{ a: 1, 'b-c': [ 1, 'x' ] }"), ({}, "{}"),
])
def test_inspect_prints_like_chai(value, shown):
    assert inspect(value) == shown


def test_inspect_shortens_long_values():
    assert len(inspect("x" * 1000)) == 200


def test_json_equality_keeps_booleans_apart_from_numbers():
    assert same(1, 1.0) and same({"a": [1, None]}, {"a": [1.0, None]})
    assert not same(True, 1) and not same(0, False) and not same([1], [1, 2]) and not same("1", 1)


def test_flag_selector_may_contain_colons():
    collection = build_collection({"info": {"name": "c"}, "item": [
        {"name": "3a: Stream", "request": {"url": "http://x/"}}, {"name": "3a", "request": {"url": "http://x/"}}]},
        "mem")
    rule = parse_flag("3a: Stream:status == 200", "assert", collection.root)
    assert rule.selector == "3a: Stream" and rule.checks[0].source == "status"
    assert parse_flag("3a:status == 200", "assert", collection.root).selector == "3a"
    capture = parse_flag("3a: Stream:TOKEN=$.a.b", "capture", collection.root)
    assert (capture.selector, capture.captures[0].var, capture.captures[0].source) == ("3a: Stream", "TOKEN", "$.a.b")


def test_default_checks_file_naming(tmp_path):
    coll = tmp_path / "orders.postman_collection.json"
    coll.write_text("{}")
    assert default_checks_file(str(coll)) is None
    (tmp_path / "orders.pmreplay.yml").write_text("")
    assert default_checks_file(str(coll)) == tmp_path / "orders.pmreplay.yml"
    (tmp_path / "orders.pmreplay.yaml").write_text("")
    assert default_checks_file(str(coll)) == tmp_path / "orders.pmreplay.yaml"
    plain = tmp_path / "orders.json"
    assert default_checks_file(str(plain)) == tmp_path / "orders.pmreplay.yaml"
    assert default_checks_file("-") is None and default_checks_file("https://example.test/c.json") is None


def test_without_removes_wildcard_matches_and_leaves_the_original():
    doc = {"id": 1, "items": [{"id": 2, "createdAt": 3, "keep": True}, {"createdAt": 4}]}
    assert without(doc, ["$..id", "$.items[*].createdAt"]) == {"items": [{"keep": True}, {}]}
    assert doc["items"][0]["id"] == 2
    with pytest.raises(JsonPathError, match="bad JSONPath"):
        without(doc, ["$.[["])


def test_json_differences_name_each_path():
    expected = {"a": {"b": 1, "gone": "x"}, "list": [1, 2, 3], "odd key": True}
    actual = {"a": {"b": 2, "new": None}, "list": [1, 2], "odd key": "true"}
    assert json_differences(expected, actual) == [
        "$.a.b: expected 1, got 2", "$.a.gone: missing (expected 'x')", "$.a.new: unexpected (got null)",
        "$.list[2]: missing (expected 3)", "$['odd key']: expected true, got 'true'"]
    assert format_path(["a", 0, "it's"]) == "$.a[0]['it\\'s']"


def test_differences_cover_status_headers_and_body_kinds():
    base = {"status": 200, "headers": {"content-type": "application/json"}, "json": {"id": 1, "v": 1}}
    now = {"status": 500, "headers": {}, "json": {"id": 2, "v": 1}}
    assert differences(base, now, ["$.id"]) == ["status: expected 200, got 500",
                                                "header content-type: expected 'application/json', got absent"]
    assert differences({"status": 200, "json": {}}, {"status": 200, "text": "x"}, []) == [
        "body: expected JSON, got text"]
    assert differences({"status": 200}, {"error": "connect ECONNREFUSED"}, []) == [
        "no response: connect ECONNREFUSED (the baseline has status 200)"]
    assert text_differences("a\nb\n", "a\nc\n")[-2:] == ["-b", "+c"]


def test_baseline_paths_are_stable_and_unique_among_siblings():
    data = {"info": {"name": "c"}, "item": [
        {"name": "Users / Admin?", "item": [{"name": "Get", "request": {"url": "http://x/"}},
                                            {"name": "get", "request": {"url": "http://x/"}}]},
        {"name": "Ünïcode ✓", "request": {"url": "http://x/"}}]}
    items = build_collection(json.loads(json.dumps(data)), "mem").all_items()
    assert [relative_path(i, 0).as_posix() for i in items] == [
        "users-admin/get/iteration-1.json", "users-admin/get-2/iteration-1.json", "n-code/iteration-1.json"]
    assert relative_path(items[0], 2, repeat=3).as_posix() == "users-admin/get/iteration-3.run-3.json"
    assert slug("...") == "unnamed"


def test_python_api_takes_the_same_hooks(tmp_path, echo_url):
    from runner.api import run
    from runner.baseline import BaselineComparer, BaselineRecorder
    from runner.checks import checks_hook
    from tests.checks.support import request, write_collection

    path = write_collection(tmp_path, [request("make", f"{echo_url}/make", "POST", {"id": 7}),
                                       request("use", f"{echo_url}/use/{{{{ID}}}}")])
    hook = checks_hook(path, captures=["make:ID=$.json.id"], asserts=["use:$.path == /use/7", "use:status == 500"])
    summary = run(path, response_hooks=[hook, BaselineRecorder(tmp_path / "base")], silent=True)
    assert summary.environment.get("ID") == 7
    failed = [f.error["message"] for f in summary.failures]
    assert failed == ["expected 200 to equal 500"]
    again = run(path, response_hooks=[checks_hook(path, captures=["make:ID=$.json.id"]),
                                      BaselineComparer(tmp_path / "base", ignore=["$.headers"])], silent=True)
    assert again.exit_code == 0
    assert checks_hook(path, use_default_file=False) is None
    with pytest.raises(ChecksError, match="no request matches 'nobody'"):
        checks_hook(path, asserts=["nobody:status == 200"])
