"""Scopes and substitution. Cases marked "Newman" were observed by running Newman 6.2.2
against the echo server with an environment holding each kind of value (see
test_newman_conformance.py, which re-checks the substitution cases live when Newman is installed)."""

from __future__ import annotations

import math

import pytest
import requests

from runner.variables import (
    MAX_SUBSTITUTION_PASSES,
    ScopeChain,
    VariableScope,
    js_number,
    js_number_to_string,
    js_string,
)


def env(*entries: dict) -> VariableScope:
    return VariableScope(list(entries), name="test", kind="environment")


def chain(**scopes: VariableScope) -> ScopeChain:
    return ScopeChain(**scopes)


# ---------------------------------------------------------------------------
# VariableScope


def test_last_enabled_duplicate_wins():
    # Newman: {{d2}} with two enabled "d2" entries sent "second".
    scope = env({"key": "d2", "value": "first"}, {"key": "d2", "value": "second"})
    assert scope.get("d2") == "second"


def test_disabled_duplicate_falls_through_to_enabled_one():
    # Newman: d1 enabled "first" then d1 disabled -> "first".
    scope = env({"key": "d1", "value": "first"}, {"key": "d1", "value": "second", "disabled": True})
    assert scope.get("d1") == "first"
    assert scope.has("d1")


def test_disabled_only_entry_is_invisible():
    scope = env({"key": "dis", "value": "hidden", "disabled": True})
    assert scope.get("dis") is None
    assert not scope.has("dis")
    assert scope.to_dict() == {}


def test_enabled_false_is_ignored_like_newman():
    # Newman: {"enabled": false} entries are still used.
    scope = env({"key": "en", "value": "visible?", "enabled": False})
    assert scope.get("en") == "visible?"


def test_set_updates_last_enabled_entry_in_place():
    # Newman export after pm.environment.set('d2', 'updated'): the second entry changed.
    scope = env({"key": "d2", "value": "first"}, {"key": "d2", "value": "second"})
    scope.set("d2", "updated")
    assert [e["value"] for e in scope.values] == ["first", "updated"]


def test_set_on_disabled_only_key_appends_new_entry():
    # Newman export: the disabled "dis" entry stayed and a new enabled one was appended.
    scope = env({"key": "dis", "value": "hidden", "disabled": True}, {"key": "other", "value": 1})
    scope.set("dis", "set-on-disabled")
    assert scope.values[0] == {"key": "dis", "value": "hidden", "disabled": True, "type": "any"}
    assert scope.values[-1] == {"key": "dis", "value": "set-on-disabled", "type": "any"}
    assert scope.get("dis") == "set-on-disabled"


def test_new_entries_get_type_any_like_newman_export():
    # Newman exports script-set values of every JS type with "type": "any", value kept as JSON.
    scope = env()
    for key, value in [("n", 5), ("f", 1.5), ("b", True), ("o", {"a": 1}), ("a", [1, "x"]), ("z", None)]:
        scope.set(key, value)
    assert {e["key"]: e["type"] for e in scope.values} == dict.fromkeys("nfboaz", "any")
    assert scope.to_dict() == {"n": 5, "f": 1.5, "b": True, "o": {"a": 1}, "a": [1, "x"], "z": None}


def test_number_type_casts_like_javascript_number():
    # Newman: a "type": "number" entry with value "007" substitutes as 7; setting "abc" exports null (NaN).
    scope = env({"key": "numstr", "value": "007", "type": "number"})
    assert scope.get("numstr") == 7
    scope.set("numstr", "abc")
    assert scope.get("numstr") is None  # NaN, held as the null it exports as
    exported = scope.to_export()["values"][0]
    assert exported == {"key": "numstr", "value": None, "type": "number"}


def test_string_boolean_array_object_types():
    scope = env({"key": "s", "value": 5, "type": "string"}, {"key": "b", "value": "false", "type": "boolean"},
                {"key": "e", "value": "", "type": "boolean"}, {"key": "a", "value": [1, 2], "type": "array"},
                {"key": "o", "value": '{"x": 1}', "type": "object"}, {"key": "bad", "value": "[1]", "type": "object"})
    assert scope.get("s") == "5"
    assert scope.get("b") is True  # JavaScript Boolean("false")
    assert scope.get("e") is False
    assert scope.get("a") == [1, 2]
    assert scope.values[3]["value"] == "[1,2]"  # arrays are stored as JSON text
    assert scope.get("o") == {"x": 1}
    assert scope.get("bad") is None


def test_unknown_types_pass_values_through():
    # "default" and "secret" are not postman-collection types: values are used as they are.
    scope = env({"key": "sec", "value": 12, "type": "secret"}, {"key": "d", "value": "x", "type": "default"})
    assert scope.get("sec") == 12
    assert scope.secret_keys() == {"sec"}


def test_explicit_type_on_set():
    scope = env({"key": "k", "value": "1"})
    scope.set("k", "42", "number")
    assert scope.get("k") == 42
    assert scope.values[0]["type"] == "number"


def test_unset_removes_enabled_entries_and_keeps_disabled():
    scope = env({"key": "k", "value": 1}, {"key": "k", "value": 2, "disabled": True}, {"key": "k", "value": 3},
                {"key": "other", "value": 4})
    scope.unset("k")
    assert [(e["key"], e["value"]) for e in scope.values] == [("k", 2), ("other", 4)]
    assert not scope.has("k")


def test_clear_and_replace_values():
    scope = env({"key": "k", "value": 1})
    scope.clear()
    assert scope.values == []
    scope.replace_values([{"key": "a", "value": "b"}])
    assert scope.values == [{"key": "a", "value": "b", "type": "any"}]


def test_replace_values_copies_its_input():
    source = [{"key": "o", "value": {"nested": [1]}}]
    scope = env()
    scope.replace_values(source)
    scope.values[0]["value"]["nested"].append(2)
    assert source[0]["value"] == {"nested": [1]}


def test_to_dict_last_enabled_wins():
    scope = env({"key": "k", "value": 1}, {"key": "k", "value": 2}, {"key": "k", "value": 3, "disabled": True})
    assert scope.to_dict() == {"k": 2}


def test_to_export_shape():
    scope = VariableScope([{"key": "a", "value": 1, "type": "default"}, {"key": "b", "value": "x", "disabled": True}],
                          name="AEP", id="env-1", kind="environment")
    out = scope.to_export()
    assert out["id"] == "env-1" and out["name"] == "AEP"
    assert out["_postman_variable_scope"] == "environment"
    assert out["_postman_exported_using"].startswith("pmreplay/")
    assert out["_postman_exported_at"].endswith("Z") and len(out["_postman_exported_at"]) == 24
    assert out["values"] == [{"key": "a", "value": 1, "type": "default"},
                             {"key": "b", "value": "x", "type": "any", "disabled": True}]


def test_globals_export_without_id_gets_a_uuid_and_default_name():
    # Newman's globals export carries a generated id and the name "globals".
    out = VariableScope(kind="globals").to_export()
    assert len(out["id"]) == 36 and out["name"] == "globals" and out["_postman_variable_scope"] == "globals"


# ---------------------------------------------------------------------------
# JavaScript value formatting


@pytest.mark.parametrize(("value", "text"), [
    (5, "5"), (1.0, "1"), (1.5, "1.5"), (-0.0, "0"), (1e21, "1e+21"), (1e-7, "1e-7"), (123e-20, "1.23e-18"),
    (0.000001, "0.000001"), (1e20, "100000000000000000000"), (10**21, "1e+21"), (2.5e-5, "0.000025"),
    (1234.5678, "1234.5678"), (-42, "-42"), (0.1 + 0.2, "0.30000000000000004"), (math.inf, "Infinity"),
    (-math.inf, "-Infinity"), (math.nan, "NaN"), (12345678901234567890, "12345678901234567000"),
])
def test_js_number_to_string(value, text):
    assert js_number_to_string(value) == text


@pytest.mark.parametrize(("value", "text"), [
    # Newman: null -> "null", objects -> "[object Object]", arrays joined with commas, booleans lower case.
    (None, "null"), ({"a": 1}, "[object Object]"), ([1, 2], "1,2"), ([1, None, [2, 3], {"a": 1}], "1,,2,3,[object Object]"),
    (True, "true"), (False, "false"), ("str", "str"), ([], ""),
])
def test_js_string(value, text):
    assert js_string(value) == text


@pytest.mark.parametrize(("text", "number"), [
    ("007", 7), (" 12 ", 12), ("", 0), ("1.5", 1.5), ("1e3", 1000), ("0x10", 16), ("-Infinity", -math.inf),
    ("+5", 5), (".5", 0.5), ("5.", 5),
])
def test_js_number(text, number):
    assert js_number(text) == number


@pytest.mark.parametrize("text", ["abc", "12abc", "1_000", "0x", "inf", "nan", "1e"])
def test_js_number_nan(text):
    assert math.isnan(js_number(text))


# ---------------------------------------------------------------------------
# ScopeChain


def test_precedence_local_data_env_collection_globals():
    names = ["local", "iteration_data", "environment", "collection", "globals_"]
    for winner_index, winner in enumerate(names):
        scopes = {name: VariableScope([{"key": "v", "value": name}] if i >= winner_index else [])
                  for i, name in enumerate(names)}
        assert chain(**scopes).resolve("v") == (True, winner)


def test_disabled_in_higher_scope_falls_through_to_lower():
    c = chain(environment=env({"key": "v", "value": "env", "disabled": True}),
              globals_=VariableScope([{"key": "v", "value": "global"}]))
    assert c.resolve("v") == (True, "global")


def test_null_value_is_found_and_wins():
    c = chain(environment=env({"key": "v", "value": None}), globals_=VariableScope([{"key": "v", "value": "g"}]))
    assert c.resolve("v") == (True, None)
    assert c.substitute("{{v}}") == "null"


def test_resolve_unknown():
    assert chain().resolve("nope") == (False, None)
    assert chain().resolve("$notAThing") == (False, None)


def test_user_variable_named_like_dynamic_wins():
    # Newman: an environment entry "$guid" = "my-guid" substituted as "my-guid".
    c = chain(environment=env({"key": "$guid", "value": "my-guid"}))
    assert c.substitute("{{$guid}}") == "my-guid"


def test_dynamic_variable_resolves_when_no_user_value():
    found, value = chain().resolve("$randomInt")
    assert found and 0 <= int(value) <= 1000


def test_each_dynamic_occurrence_is_fresh():
    # Newman: "{{$randomInt}}/{{$randomInt}}/..." gave different numbers. Use a deterministic
    # generator to check that every occurrence asks for a new value.
    calls = iter(range(100))
    c = ScopeChain(dynamic=lambda name: str(next(calls)) if name == "$counter" else None)
    assert c.substitute("{{$counter}}-{{$counter}}-{{$counter}}") == "0-1-2"


NEWMAN_ENV = env(
    {"key": "s", "value": "str"}, {"key": "n", "value": 5}, {"key": "f", "value": 1.5}, {"key": "f1", "value": 1.0},
    {"key": "big", "value": 1e21}, {"key": "small", "value": 1e-7}, {"key": "b", "value": True},
    {"key": "bf", "value": False}, {"key": "o", "value": {"a": 1}}, {"key": "arr", "value": [1, 2]},
    {"key": "nul", "value": None}, {"key": " spaced ", "value": "withspaces"}, {"key": "spaced", "value": "nospaces"},
    {"key": "", "value": "emptykey"}, {"key": "x", "value": "ted"}, {"key": "nested", "value": "NESTED"},
    {"key": "loop", "value": "{{loop}}"}, {"key": "chain", "value": "{{c1}}"}, {"key": "c1", "value": "{{c2}}"},
    {"key": "c2", "value": "end"}, {"key": "grow", "value": "a{{grow}}"},
)

# Each template and what Newman 6.2.2 sent on the wire for it with the environment above.
NEWMAN_SUBSTITUTIONS = [
    ("s={{s}}", "s=str"), ("n={{n}}", "n=5"), ("f={{f}}", "f=1.5"), ("f1={{f1}}", "f1=1"),
    ("big={{big}}", "big=1e+21"), ("small={{small}}", "small=1e-7"), ("b={{b}}", "b=true"),
    ("bf={{bf}}", "bf=false"), ("o={{o}}", "o=[object Object]"), ("arr={{arr}}", "arr=1,2"),
    ("nul={{nul}}", "nul=null"), ("spaced={{ spaced }}", "spaced=withspaces"), ("nospace={{spaced}}", "nospace=nospaces"),
    ("empty={{}}", "empty=emptykey"), ("unknown={{nope}}", "unknown={{nope}}"), ("nest={{nes{{x}}}}", "nest=NESTED"),
    ("loop={{loop}}", "loop={{loop}}"), ("chain={{chain}}", "chain=end"),
    ("grow={{grow}}", "grow=" + "a" * MAX_SUBSTITUTION_PASSES + "{{grow}}"),
    ("brace={{{s}}}", "brace={str}"), ("open={{s", "open={{s"), ("tri={{ {{s}} }}", "tri={{ str }}"),
    ("newline={{a\nb}}", "newline={{a\nb}}"), ("dynsp={{ $randomInt }}", "dynsp={{ $randomInt }}"),
    ("unknowndyn={{$notAThing}}", "unknowndyn={{$notAThing}}"),
]


@pytest.mark.parametrize(("template", "expected"), NEWMAN_SUBSTITUTIONS)
def test_substitution_matches_newman(template, expected):
    assert chain(environment=NEWMAN_ENV).substitute(template) == expected


def test_substitute_leaves_non_strings_alone():
    c = chain()
    assert c.substitute(5) == 5  # type: ignore[arg-type]
    assert c.substitute("") == ""


def test_substitute_deep_values_not_dict_keys():
    c = chain(environment=env({"key": "hk", "value": "X-From-Var"}, {"key": "v", "value": 7}))
    spec = {"header": [{"key": "{{hk}}", "value": "{{v}}"}], "{{hk}}": "{{v}}", "n": 3, "none": None,
            "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "{{v}}", "disabled": False}]}}
    out = c.substitute_deep(spec)
    assert out == {"header": [{"key": "X-From-Var", "value": "7"}], "{{hk}}": "7", "n": 3, "none": None,
                   "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "7", "disabled": False}]}}
    assert spec["header"][0]["key"] == "{{hk}}"  # a copy, the input is untouched


def test_substituted_request_on_the_wire(echo_url):
    """A substituted request reaches a real server as Newman sent it (header name from a variable)."""
    c = chain(environment=env({"key": "base", "value": echo_url}, {"key": "hk", "value": "X-From-Var"},
                              {"key": "id", "value": 1.0}, {"key": "flag", "value": True}))
    spec = c.substitute_deep({"method": "POST", "url": "{{base}}/items/{{id}}?flag={{flag}}",
                              "header": [{"key": "{{hk}}", "value": "{{flag}}-{{id}}"}],
                              "body": {"mode": "raw", "raw": '{"id": {{id}}, "missing": "{{nope}}"}'}})
    response = requests.request(spec["method"], spec["url"], data=spec["body"]["raw"].encode(),
                                headers={h["key"]: h["value"] for h in spec["header"]}, timeout=10)
    echoed = response.json()
    assert echoed["path"] == "/items/1"
    assert echoed["query"] == [["flag", "true"]]
    assert ["X-From-Var", "true-1"] in echoed["headers"]
    assert echoed["json"] == {"id": 1, "missing": "{{nope}}"}
