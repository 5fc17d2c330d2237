"""Environment and globals files: formats, encodings, layering, ${env:NAME} references, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.envfiles import (
    EnvFileError,
    apply_pairs,
    export_scope,
    load_env_file,
    load_scope,
    parse_key_value,
)
from runner.errors import PmreplayError
from runner.variables import ScopeChain, VariableScope

POSTMAN_ENV = {
    "id": "5f0c-env", "name": "AEP", "_postman_variable_scope": "environment",
    "values": [
        {"key": "IMS", "value": "ims-na1.adobelogin.com", "type": "default", "enabled": True},
        {"key": "RETRIES", "value": 3, "type": "default", "enabled": True},
        {"key": "CLIENT_SECRET", "value": "", "type": "secret", "enabled": True},
        {"key": "OLD", "value": "x", "type": "default", "disabled": True},
    ],
}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def one_line_error(exc_info) -> str:
    message = str(exc_info.value)
    assert "\n" not in message and "Traceback" not in message
    assert isinstance(exc_info.value, PmreplayError)
    return message


# ---------------------------------------------------------------------------
# Loading


def test_postman_json(tmp_path):
    scope = load_env_file(write(tmp_path / "aep.postman_environment.json", json.dumps(POSTMAN_ENV)))
    assert (scope.name, scope.id, scope.kind) == ("AEP", "5f0c-env", "environment")
    assert scope.get("IMS") == "ims-na1.adobelogin.com"
    assert scope.get("RETRIES") == 3
    assert not scope.has("OLD")
    assert scope.secret_keys() == {"CLIENT_SECRET"}


@pytest.mark.parametrize("wrapper", ["environment", "globals"])
def test_wrapper_is_unwrapped(tmp_path, wrapper):
    scope = load_env_file(write(tmp_path / "w.json", json.dumps({wrapper: POSTMAN_ENV})), kind=wrapper)
    assert scope.get("IMS") == "ims-na1.adobelogin.com" and scope.name == "AEP"


def test_untyped_list_entry_is_any_and_mapping_entry_default(tmp_path):
    listed = load_env_file(write(tmp_path / "l.json", '{"values": [{"key": "k", "value": "v"}]}'))
    mapped = load_env_file(write(tmp_path / "m.yaml", "values:\n  k: v\n  s: {value: x}\n"))
    assert [e["type"] for e in listed.values] == ["any"]
    assert [e["type"] for e in mapped.values] == ["default", "default"]


def test_enabled_false_is_kept_and_ignored_like_newman(tmp_path):
    doc = {"values": [{"key": "k", "value": "v", "enabled": False}]}
    assert load_env_file(write(tmp_path / "e.json", json.dumps(doc))).get("k") == "v"


@pytest.mark.parametrize(("encoding", "prefix"), [
    ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b""),
])
def test_encodings(tmp_path, encoding, prefix):
    doc = {"name": "Ümlaut", "values": [{"key": "greeting", "value": "héllo ✓"}]}
    path = tmp_path / "enc.json"
    path.write_bytes(prefix + json.dumps(doc, ensure_ascii=False).encode(encoding))
    scope = load_env_file(path)
    assert scope.name == "Ümlaut" and scope.get("greeting") == "héllo ✓"


def test_yaml_list_form(tmp_path):
    path = write(tmp_path / "env.yaml", "name: AEP\nid: abc\nvalues:\n  - {key: a, value: 1}\n"
                                        "  - key: b\n    value: two\n    disabled: true\n")
    scope = load_env_file(path)
    assert scope.name == "AEP" and scope.get("a") == 1 and not scope.has("b")


def test_yaml_friendly_mapping_form(tmp_path):
    path = write(tmp_path / "env.yml", """
name: AEP emulator
values:
  IMS: https://ims.example
  RETRIES: 3
  RELEASED: 2020-03-06
  CLIENT_SECRET: {value: s3cr3t, type: secret}
  OLD_TOKEN: {value: abc, disabled: true}
  PAYLOAD: {a: 1, value: 2}
  EMPTY:
""")
    scope = load_env_file(path)
    assert scope.to_dict() == {"IMS": "https://ims.example", "RETRIES": 3, "RELEASED": "2020-03-06",
                               "CLIENT_SECRET": "s3cr3t", "PAYLOAD": {"a": 1, "value": 2}, "EMPTY": None}
    assert scope.secret_keys() == {"CLIENT_SECRET"}
    assert scope.values[4] == {"key": "OLD_TOKEN", "value": "abc", "disabled": True, "type": "default"}


def test_yaml_typing_is_plain(tmp_path):
    path = write(tmp_path / "plain.yaml", "values:\n  on_flag: on\n  answer: no\n  mode: '0755'\n  octal: 0755\n"
                                          "  time: 12:30\n  hex: 0x1F\n  real: true\n  n: -5\n  f: 1.5\n  z: 0\n"
                                          "  nothing: ~\n  inf: .inf\n")
    assert load_env_file(path).to_dict() == {
        "on_flag": "on", "answer": "no", "mode": "0755", "octal": "0755", "time": "12:30", "hex": "0x1F",
        "real": True, "n": -5, "f": 1.5, "z": 0, "nothing": None, "inf": ".inf"}


def test_unknown_extension_tries_json_then_yaml(tmp_path):
    assert load_env_file(write(tmp_path / "env.txt", json.dumps(POSTMAN_ENV))).name == "AEP"
    assert load_env_file(write(tmp_path / "env2.txt", "values:\n  K: v\n")).get("K") == "v"


def test_values_feed_the_scope_chain(tmp_path):
    env = load_env_file(write(tmp_path / "env.yaml", "values:\n  host: 127.0.0.1\n  port: 8080\n"))
    assert ScopeChain(environment=env).substitute("http://{{host}}:{{port}}/x") == "http://127.0.0.1:8080/x"


# ---------------------------------------------------------------------------
# Errors: one line, naming the file and the JSON path


def test_missing_file(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(tmp_path / "nope.json")
    assert one_line_error(exc) == f"{tmp_path / 'nope.json'}: no such file"


def test_directory(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(tmp_path)
    assert "is a directory" in one_line_error(exc)


def test_invalid_json(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "bad.json", '{"values": [1,}'))
    message = one_line_error(exc)
    assert message.startswith(f"{tmp_path / 'bad.json'}: not valid JSON (line 1, column")


def test_invalid_yaml(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "bad.yaml", "values:\n  a: [1, 2\n"))
    assert "bad.yaml: not valid YAML (line" in one_line_error(exc)


def test_neither_json_nor_yaml(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "bad.env", "values: [unclosed\n"))
    assert "neither JSON nor YAML" in one_line_error(exc)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"values": [{"key": "k", "value": "caf\u00e9"}]}'.encode("latin-1"))
    with pytest.raises(EnvFileError) as exc:
        load_env_file(path)
    assert "not UTF-8 text" in one_line_error(exc)


@pytest.mark.parametrize(("doc", "fragment"), [
    ([1, 2], "expected an object with 'values'"),
    (None, "found empty"),
    ({"values": "x"}, "'values' must be a list"),
    ({"IMS": "x"}, "no 'values' (expected a list of {key, value} objects or a mapping"),
    ({"values": [{"key": "a", "value": 1}, "oops"]}, "values[1] must be an object"),
    ({"values": [{"key": "a"}, {"key": "b"}, {"key": "c"}, {"value": 1}]}, "values[3].key is missing"),
    ({"values": [{"key": 5, "value": 1}]}, "values[0].key must be a string, found a number"),
    ({"values": [{"key": "a", "value": 1, "type": 3}]}, "values[0].type must be a string"),
    ({"values": [{"key": "a", "value": 1, "disabled": "yes"}]}, "values[0].disabled must be true or false"),
    ({"name": 5, "values": []}, "'name' must be a string"),
])
def test_wrong_shape(tmp_path, doc, fragment):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "shape.json", json.dumps(doc)))
    message = one_line_error(exc)
    assert message.startswith(str(tmp_path / "shape.json") + ": ")
    assert fragment in message


def test_null_values_is_an_empty_scope(tmp_path):
    scope = load_env_file(write(tmp_path / "empty.yaml", "name: Empty\nvalues:\n"))
    assert scope.values == [] and scope.name == "Empty"


def test_yaml_non_string_key(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "k.yaml", "values:\n  1: x\n"))
    assert "values.1: variable names must be strings" in one_line_error(exc)


# ---------------------------------------------------------------------------
# ${env:NAME} references


def test_env_reference_whole_embedded_default_and_escape(tmp_path):
    path = write(tmp_path / "refs.yaml", """
values:
  SECRET: {value: "${env:AEP_SECRET}", type: secret}
  AUTH: "Bearer ${env:AEP_TOKEN}!"
  REGION: "${env:AEP_REGION:-va7}"
  EMPTY_DEFAULT: "${env:AEP_EMPTY:-fallback}"
  LITERAL: "$${env:AEP_SECRET}"
  NESTED: {value: {list: ["${env:AEP_TOKEN}"]}}
  PLAIN: "$notaref {{var}}"
""")
    environ = {"AEP_SECRET": "s3cr3t", "AEP_TOKEN": "tok", "AEP_EMPTY": ""}
    scope = load_env_file(path, environ=environ)
    assert scope.to_dict() == {"SECRET": "s3cr3t", "AUTH": "Bearer tok!", "REGION": "va7",
                               "EMPTY_DEFAULT": "fallback", "LITERAL": "${env:AEP_SECRET}",
                               "NESTED": {"list": ["tok"]}, "PLAIN": "$notaref {{var}}"}
    assert scope.secret_keys() == {"SECRET"}


def test_env_reference_reads_the_real_process_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PMREPLAY_TEST_VARS_TOKEN", "from-os")
    path = write(tmp_path / "env.json", json.dumps({"values": [{"key": "t", "value": "${env:PMREPLAY_TEST_VARS_TOKEN}"}]}))
    assert load_env_file(path).get("t") == "from-os"


def test_unset_env_reference_is_a_clear_error(tmp_path):
    path = write(tmp_path / "aep.yaml", "values:\n  CLIENT_SECRET: {value: '${env:AEP_CLIENT_SECRET}', type: secret}\n")
    with pytest.raises(EnvFileError) as exc:
        load_env_file(path, environ={})
    assert one_line_error(exc) == (f"{path}: values.CLIENT_SECRET references $AEP_CLIENT_SECRET, "
                                   "which is not set in the process environment")


def test_unset_env_reference_in_list_form_names_the_json_path(tmp_path):
    doc = {"values": [{"key": "a", "value": 1}, {"key": "b", "value": "x-${env:NOPE_VAR}"}]}
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "e.json", json.dumps(doc)), environ={})
    assert "values[1].value references $NOPE_VAR" in one_line_error(exc)


def test_malformed_env_reference(tmp_path):
    with pytest.raises(EnvFileError) as exc:
        load_env_file(write(tmp_path / "e.yaml", "values:\n  A: '${env:1BAD}'\n"), environ={})
    assert "malformed reference '${env:1BAD}'" in one_line_error(exc)


# ---------------------------------------------------------------------------
# Layering several files


def test_later_files_override_per_key_and_name_comes_from_first(tmp_path):
    team = write(tmp_path / "team.json", json.dumps({
        "id": "team-id", "name": "Team", "values": [
            {"key": "a", "value": "team-a"}, {"key": "b", "value": "team-b1"},
            {"key": "b", "value": "team-b2"}, {"key": "c", "value": "team-c"}]}))
    mine = write(tmp_path / "mine.yaml", "name: Personal\nvalues:\n  b: mine-b\n  d: mine-d\n")
    scope = load_scope([str(team), str(mine)], "environment", environ={})
    assert (scope.name, scope.id) == ("Team", "team-id")
    assert [(e["key"], e["value"]) for e in scope.values] == [
        ("a", "team-a"), ("b", "mine-b"), ("c", "team-c"), ("d", "mine-d")]


def test_name_taken_from_a_later_file_when_the_first_has_none(tmp_path):
    first = write(tmp_path / "1.yaml", "values:\n  a: 1\n")
    second = write(tmp_path / "2.yaml", "name: Second\nvalues:\n  a: 2\n")
    scope = load_scope([str(first), str(second)], "globals")
    assert scope.name == "Second" and scope.kind == "globals" and scope.get("a") == 2


def test_no_files_is_an_empty_scope():
    scope = load_scope([], "globals")
    assert scope.values == [] and scope.kind == "globals"


def test_a_disabled_override_hides_the_base_value(tmp_path):
    base = write(tmp_path / "base.yaml", "values:\n  a: 1\n")
    override = write(tmp_path / "o.yaml", "values:\n  a: {value: 2, disabled: true}\n")
    assert not load_scope([str(base), str(override)]).has("a")


# ---------------------------------------------------------------------------
# --env-var pairs


@pytest.mark.parametrize(("text", "pair"), [
    ("K=V", ("K", "V")), ("K=a=b", ("K", "a=b")), ("K=", ("K", "")), ("url=http://x/?a=1&b=2", ("url", "http://x/?a=1&b=2")),
])
def test_parse_key_value(text, pair):
    assert parse_key_value(text) == pair


def test_parse_key_value_errors():
    with pytest.raises(EnvFileError) as exc:
        parse_key_value("novalue", "--global-var")
    assert one_line_error(exc) == "--global-var expects KEY=VALUE, got 'novalue' (no '=')"
    with pytest.raises(EnvFileError, match="empty KEY"):
        parse_key_value("=v")


def test_apply_pairs_sets_after_files_like_newman():
    scope = VariableScope([{"key": "a", "value": "file", "type": "default"},
                           {"key": "b", "value": "off", "disabled": True}])
    apply_pairs(scope, ["a=cli", "b=on", "c=new"])
    assert scope.to_dict() == {"a": "cli", "b": "on", "c": "new"}
    assert scope.values[0]["type"] == "default"


# ---------------------------------------------------------------------------
# Export


def test_export_round_trip_keeps_json_types(tmp_path):
    scope = VariableScope([{"key": "n", "value": 5, "type": "default"}, {"key": "s", "value": "x", "type": "secret"},
                           {"key": "off", "value": "y", "type": "default", "disabled": True}],
                          name="AEP", id="env-1", kind="environment")
    scope.set("obj", {"a": [1, None]})
    scope.set("flag", True)
    path = tmp_path / "out" / "env.json"
    export_scope(scope, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["values"] == [
        {"key": "n", "value": 5, "type": "default"}, {"key": "s", "value": "x", "type": "secret"},
        {"key": "off", "value": "y", "type": "default", "disabled": True},
        {"key": "obj", "value": {"a": [1, None]}, "type": "any"}, {"key": "flag", "value": True, "type": "any"}]
    assert doc["_postman_exported_using"].startswith("pmreplay/")
    reloaded = load_env_file(path)
    assert reloaded.to_dict() == scope.to_dict() and reloaded.name == "AEP" and reloaded.id == "env-1"


def test_export_over_the_loaded_file_leaves_no_temp_files(tmp_path):
    path = write(tmp_path / "env.json", json.dumps(POSTMAN_ENV))
    scope = load_env_file(path)
    scope.set("RETRIES", 4)
    export_scope(scope, path)
    assert load_env_file(path).get("RETRIES") == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["env.json"]


def test_export_unicode_is_written_as_utf8(tmp_path):
    scope = VariableScope([{"key": "k", "value": "✓ é"}])
    export_scope(scope, tmp_path / "u.json")
    assert "✓ é" in (tmp_path / "u.json").read_text(encoding="utf-8")


def test_export_error_is_one_line(tmp_path):
    blocker = write(tmp_path / "file", "x")
    with pytest.raises(EnvFileError) as exc:
        export_scope(VariableScope(), blocker / "env.json")
    assert "cannot write the export" in one_line_error(exc)
