"""Collection loading: versions, encodings, malformed input, folder selection."""

from __future__ import annotations

import codecs
import json

import pytest

from runner.collection import CollectionError, build_collection, effective_auth, load_collection
from runner.errors import PmreplayError
from runner.urls import apply_path_variables, parse_url, url_to_string


def v21(items, **extra):
    return {"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": items, **extra}


def test_v21_tree_and_order(tmp_path):
    data = v21([
        {"name": "A", "item": [{"name": "a1", "request": "http://x/a1"}, {"name": "a2", "request": {"url": "http://x/a2"}}]},
        {"name": "b", "request": {"method": "post", "url": "http://x/b"}},
    ])
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data))
    collection = load_collection(str(path))
    assert [i.name for i in collection.all_items()] == ["a1", "a2", "b"]
    assert collection.all_items()[2].request["method"] == "POST"
    assert collection.all_items()[0].path() == ["A", "a1"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings(tmp_path, encoding):
    text = json.dumps(v21([{"name": "é", "request": "http://x/"}]), ensure_ascii=False)
    raw = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        raw = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + raw
    path = tmp_path / "c.json"
    path.write_bytes(raw)
    assert load_collection(str(path)).all_items()[0].name == "é"


def test_v20_auth_object_becomes_array():
    collection = build_collection(v21([{"name": "r", "request": {"url": "http://x", "auth": {
        "type": "basic", "basic": {"username": "u", "password": "p"}}}}]), "c")
    auth = collection.all_items()[0].request["auth"]
    assert auth["basic"] == [{"key": "username", "value": "u", "type": "string"},
                             {"key": "password", "value": "p", "type": "string"}]


def test_auth_inheritance_and_noauth():
    collection = build_collection(v21([
        {"name": "F", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]}, "item": [
            {"name": "inherits", "request": "http://x"},
            {"name": "none", "request": {"url": "http://x", "auth": {"type": "noauth"}}},
        ]},
        {"name": "top", "request": "http://x"},
    ], auth={"type": "basic", "basic": []}), "c")
    inherits, none, top = collection.all_items()
    assert effective_auth(inherits)["type"] == "bearer"
    assert effective_auth(none) is None
    assert effective_auth(top)["type"] == "basic"


@pytest.mark.parametrize("data, message", [
    ([1, 2], "not a Postman collection"),
    ({"info": {"name": "x"}}, "expected 'info' and 'item'"),
    (v21([{"name": "broken"}]), "item[0] ('broken') has neither a request nor items"),
    (v21([{"name": "F", "item": [{"name": "ok", "request": "http://x"}, {"name": "bad"}]}]),
     "item[0].item[1] ('bad') has neither a request nor items"),
    (v21([{"name": "r", "request": {"url": 42}}]), "item[0].request.url is not a URL"),
    (v21([{"name": "r", "request": {"url": {"host": 5}}}]), "item[0].request.url.host must be"),
])
def test_malformed_collections_name_the_json_path(data, message):
    with pytest.raises(CollectionError) as info:
        build_collection(data, "coll.json")
    assert message in str(info.value)
    assert str(info.value).startswith("coll.json: ")


def test_not_json_and_missing_file(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("{ nope")
    with pytest.raises(PmreplayError, match=r"not valid JSON: .* at line 1 column 3"):
        load_collection(str(path))
    with pytest.raises(PmreplayError, match="collection file not found"):
        load_collection(str(tmp_path / "missing.json"))


def test_v1_is_converted():
    v1 = {"id": "c1", "name": "Old", "order": ["r2"], "folders_order": ["f1"],
          "folders": [{"id": "f1", "name": "Folder", "order": ["r1"]}],
          "requests": [
              {"id": "r1", "name": "one", "url": "http://x/1", "method": "GET", "headers": "A: 1\n//B: 2",
               "tests": "tests['ok'] = true;"},
              {"id": "r2", "name": "two", "url": "http://x/:id", "method": "POST", "dataMode": "raw",
               "rawModeData": "{}", "pathVariables": {"id": "7"}},
          ]}
    collection = build_collection(v1, "old.json")
    one, two = collection.all_items()
    assert one.path() == ["Folder", "one"]
    assert one.request["header"] == [{"key": "A", "value": "1"}, {"key": "B", "value": "2", "disabled": True}]
    assert one.scripts("test") == ["tests['ok'] = true;"]
    assert two.request["body"] == {"mode": "raw", "raw": "{}"}
    assert apply_path_variables(url_to_string(two.request["url"]), two.request["url"]["variable"]) == "http://x/7"
    assert collection.warnings


def test_folder_selection_rules():
    collection = build_collection(v21([
        {"name": "1: Setup", "id": "f1", "item": [{"name": "login", "request": "http://x"}]},
        {"name": "2: Work", "item": [{"name": "Nested", "item": [{"name": "deep", "request": "http://x"}]},
                                     {"name": "shallow", "request": "http://x"}]},
        {"name": "login", "request": "http://x/top"},
    ]), "c")
    # direct children first: the top-level request named "login" wins over the nested one
    assert [i.request["url"] for i in collection.select(["login"])] == ["http://x/top"]
    # collection order by default, CLI order with preserve_order; each item once
    assert [i.name for i in collection.select(["2: Work", "f1", "Nested"])] == ["login", "deep", "shallow"]
    assert [i.name for i in collection.select(["2: Work", "f1"], preserve_order=True)] == ["deep", "shallow", "login"]
    # label before the colon
    assert [i.name for i in collection.select(["2"])] == ["deep", "shallow"]
    with pytest.raises(CollectionError, match="did you mean: 'Nested'"):
        collection.select(["Nestd"])


def test_url_objects_build_like_postman():
    url = {"raw": "ignored", "protocol": "https", "host": ["{{HOST}}"], "port": "8443", "path": ["a", ":id", ""],
           "query": [{"key": "x", "value": "1"}, {"key": "off", "value": "2", "disabled": True},
                     {"key": "flag", "value": None}], "hash": "top"}
    assert url_to_string(url) == "https://{{HOST}}:8443/a/:id/?x=1&flag#top"
    assert url_to_string({"raw": "{{BASE}}/x"}) == "{{BASE}}/x"
    parsed = parse_url("https://user:pw@api.example.com:8080/v1/items?a=1&b#frag")
    assert parsed["host"] == ["api", "example", "com"] and parsed["port"] == "8080"
    assert parsed["auth"] == {"user": "user", "password": "pw"}
    assert parsed["query"] == [{"key": "a", "value": "1"}, {"key": "b", "value": None}]
    assert parse_url("{{PLATFORM_GATEWAY}}/data")["host"] == ["{{PLATFORM_GATEWAY}}"]
