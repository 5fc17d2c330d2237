"""``pmreplay env show|convert|check|diff`` through the real CLI (exit codes: 0 ok, 1 found, 2 bad input)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from runner.envfiles import load_env_file, load_scope
from tests.envcli.support import ROOT, pmreplay, write_json

GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"


def env(tmp_path: Path, *args: str, environ: dict | None = None):
    result = pmreplay("env", *args, cwd=tmp_path, env=environ)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def layered(tmp_path: Path) -> tuple[Path, Path]:
    base = write_json(tmp_path / "base.json", {"id": "e1", "name": "Team", "values": [
        {"key": "HOST", "value": "https://api.example", "type": "default"},
        {"key": "RETRIES", "value": 3, "type": "number"},
        {"key": "CLIENT_SECRET", "value": "${env:PMR_TEST_CS}", "type": "secret"},
        {"key": "OLD", "value": "x", "type": "default", "disabled": True},
        {"key": "GH", "value": GITHUB_TOKEN, "type": "default"},
    ], "_postman_variable_scope": "environment"})
    local = tmp_path / "local.yaml"
    local.write_text("values:\n  HOST: http://127.0.0.1:8080\n  EXTRA: {value: '1', type: string}\n")
    return base, local


# ---------------------------------------------------------------------------
# show


def test_show_lists_merged_values_with_their_source_and_masks_secrets(tmp_path, layered):
    result = env(tmp_path, "show", "base.json", "local.yaml", environ={"PMR_TEST_CS": "s3cr3t-value"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Team: 6 values from 2 files"
    host = next(line for line in lines if line.split()[0] == "HOST")
    assert "http://127.0.0.1:8080" in host and "<- local.yaml (overrides base.json)" in host
    secret = next(line for line in lines if line.split()[0] == "CLIENT_SECRET")
    assert "********" in secret and "via ${env:PMR_TEST_CS}" in secret
    assert "s3cr3t-value" not in result.stdout
    assert GITHUB_TOKEN not in result.stdout  # not typed secret, but it looks like one
    assert "[disabled]" in next(line for line in lines if line.split()[0] == "OLD")

    revealed = env(tmp_path, "show", "base.json", "local.yaml", "--reveal", environ={"PMR_TEST_CS": "s3cr3t-value"})
    assert "s3cr3t-value" in revealed.stdout and GITHUB_TOKEN in revealed.stdout


def test_show_masks_a_secret_inside_other_values_and_keeps_one_line_per_value(tmp_path):
    write_json(tmp_path / "e.json", {"values": [
        {"key": "TOKEN", "value": "abc-123-secret", "type": "secret"},
        {"key": "HEADER", "value": "Bearer abc-123-secret", "type": "default"},
        {"key": "NOTE", "value": "two\nlines", "type": "default"},
    ]})
    result = env(tmp_path, "show", "e.json")
    assert result.returncode == 0, result.stderr
    assert "abc-123-secret" not in result.stdout
    assert "HEADER  Bearer ********" in result.stdout
    assert 'NOTE    "two\\nlines"' in result.stdout
    assert len(result.stdout.splitlines()) == 4


def test_show_names_an_unset_reference_instead_of_failing(tmp_path, layered):
    result = env(tmp_path, "show", "base.json")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.split()[0] == "CLIENT_SECRET")
    assert "${env:PMR_TEST_CS} (unset: PMR_TEST_CS)" in line


def test_show_json_agrees_with_the_layering_a_run_uses(tmp_path, layered, monkeypatch):
    result = env(tmp_path, "show", "base.json", "local.yaml", "--json", "--reveal",
                 environ={"PMR_TEST_CS": "from-os"})
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    monkeypatch.setenv("PMR_TEST_CS", "from-os")
    scope = load_scope([str(tmp_path / "base.json"), str(tmp_path / "local.yaml")])
    assert [(r["key"], r["value"], r["type"], r["disabled"]) for r in shown["values"]] == [
        (e["key"], e["value"], e["type"], bool(e.get("disabled"))) for e in scope.values]
    assert shown["name"] == scope.name == "Team"
    by_key = {r["key"]: r for r in shown["values"]}
    assert by_key["HOST"]["source"] == "local.yaml" and by_key["HOST"]["overrides"] == "base.json"
    assert by_key["CLIENT_SECRET"]["references"] == ["${env:PMR_TEST_CS}"]
    masked = json.loads(env(tmp_path, "show", "base.json", "--json", environ={"PMR_TEST_CS": "from-os"}).stdout)
    assert {r["key"] for r in masked["values"] if r["masked"]} == {"CLIENT_SECRET", "GH"}


# ---------------------------------------------------------------------------
# convert


ODD_VALUES = [
    {"key": "S", "value": "plain", "type": "default"},
    {"key": "N", "value": 42, "type": "number"},
    {"key": "F", "value": 1.5, "type": "default"},
    {"key": "B", "value": True, "type": "boolean"},
    {"key": "NULL", "value": None, "type": "any"},
    {"key": "LOOKS_TYPED", "value": "true", "type": "default"},
    {"key": "OCTAL", "value": "0755", "type": "default"},
    {"key": "DATE", "value": "2020-03-06", "type": "default"},
    {"key": "TIME", "value": "12:30", "type": "default"},
    {"key": "REF", "value": "Bearer ${env:PMR_TEST_TOKEN}", "type": "secret"},
    {"key": "FALLBACK", "value": "${env:PMR_UNSET:-dflt}", "type": "default"},
    {"key": "OBJ", "value": {"value": 1, "type": "x"}, "type": "default"},
    {"key": "LIST", "value": [1, "two"], "type": "array"},
    {"key": "OFF", "value": "gone", "type": "default", "disabled": True},
    {"key": "LEGACY", "value": "kept", "type": "default", "enabled": False},
    {"key": "DOC", "value": "d", "type": "string", "description": "what it is"},
    {"key": "EMPTY_SECRET", "value": "", "type": "secret"},
]


def test_convert_round_trip_keeps_keys_values_types_and_flags(tmp_path):
    write_json(tmp_path / "in.json", {"id": "i1", "name": "Odd", "values": ODD_VALUES,
                                      "_postman_variable_scope": "environment"})
    to_yaml = env(tmp_path, "convert", "in.json", "out.yaml", environ={"PMR_TEST_TOKEN": "resolved!"})
    assert to_yaml.returncode == 0, to_yaml.stderr
    text = (tmp_path / "out.yaml").read_text()
    assert "S: plain" in text  # the friendly mapping form
    assert "${env:PMR_TEST_TOKEN}" in text and "resolved!" not in text
    back = env(tmp_path, "convert", "out.yaml", "back.json")
    assert back.returncode == 0, back.stderr
    doc = json.loads((tmp_path / "back.json").read_text())
    assert doc["values"] == ODD_VALUES
    assert (doc["id"], doc["name"], doc["_postman_variable_scope"]) == ("i1", "Odd", "environment")


def test_converted_files_load_to_the_same_scope(tmp_path, monkeypatch):
    (tmp_path / "team.yaml").write_text(
        "name: Team\nvalues:\n  HOST: http://h\n  PORT: 8080\n  ON: on\n"
        "  TOKEN: {value: '${env:PMR_TEST_TOKEN}', type: secret}\n  OLD: {value: x, disabled: true}\n")
    result = env(tmp_path, "convert", "team.yaml", "team.json")
    assert result.returncode == 0, result.stderr
    assert "team.yaml -> team.json (json, 5 values)" in result.stderr
    monkeypatch.setenv("PMR_TEST_TOKEN", "t0k")
    a, b = load_env_file(tmp_path / "team.yaml"), load_env_file(tmp_path / "team.json")
    assert a.values == b.values and a.name == b.name == "Team"
    assert b.get("TOKEN") == "t0k" and b.get("ON") == "on" and b.get("PORT") == 8080


def test_convert_keeps_duplicate_keys_by_writing_the_list_form(tmp_path):
    values = [{"key": "K", "value": "first", "type": "default"},
              {"key": "K", "value": "second", "type": "default", "disabled": True}]
    write_json(tmp_path / "dup.json", {"name": "d", "values": values})
    assert env(tmp_path, "convert", "dup.json", "dup.yml").returncode == 0
    assert isinstance(yaml.safe_load((tmp_path / "dup.yml").read_text())["values"], list)
    assert env(tmp_path, "convert", "dup.yml", "-", "--to", "json").returncode == 0
    assert json.loads(env(tmp_path, "convert", "dup.yml", "-", "--to", "json").stdout)["values"] == values


def test_convert_unwraps_a_newman_style_wrapper(tmp_path):
    write_json(tmp_path / "w.json", {"environment": {"name": "W", "values": [{"key": "A", "value": "1"}]}})
    result = env(tmp_path, "convert", "w.json", "-", "--to", "yaml")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout) == {"name": "W", "values": {"A": {"value": "1", "type": "any"}}}


@pytest.mark.parametrize("args, message", [
    (["convert", "in.json", "-"], "writing to stdout needs --to json or --to yaml"),
    (["convert", "in.json", "out.txt"], "out.txt: cannot tell the format from the extension"),
    (["convert", "missing.json", "o.yaml"], "missing.json: no such file"),
    (["convert", "in.json", "o.yaml", "--to", "xml"], "invalid choice: 'xml'"),
    (["show", "bad.json"], "bad.json: not valid JSON (line 1, column 2)"),
    (["show", "novalues.json"], "novalues.json: no 'values'"),
    (["diff", "in.json"], "the following arguments are required: B"),
    (["frob"], "invalid choice: 'frob'"),
    ([], "the following arguments are required: ACTION"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    write_json(tmp_path / "in.json", {"values": []})
    write_json(tmp_path / "novalues.json", {"name": "x"})
    (tmp_path / "bad.json").write_text("{nope")
    result = env(tmp_path, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


# ---------------------------------------------------------------------------
# check


def test_check_reports_one_line_per_finding_and_exits_1(tmp_path):
    write_json(tmp_path / "shared.json", {"name": "s", "values": [
        {"key": "SIGNING_KEY", "value": PEM, "type": "default"},
        {"key": "GH", "value": GITHUB_TOKEN, "type": "default"},
        {"key": "DB_PASSWORD", "value": "hunter2", "type": "default"},
        {"key": "CLIENT_SECRET", "value": "${env:CLIENT_SECRET}", "type": "secret"},
        {"key": "ACCESS_TOKEN", "value": "", "type": "secret"},
        {"key": "TOKEN_URL", "value": "https://ims.example/token", "type": "default"},
        {"key": "IMS_ORG", "value": "0123456789ABCDEF01234567@AdobeOrg", "type": "default"},
        {"key": "SANDBOX_ID", "value": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "type": "default"},
    ]})
    result = env(tmp_path, "check", "shared.json")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "shared.json: values.SIGNING_KEY: looks like a private key",
        "shared.json: values.GH: looks like a GitHub token",
        "shared.json: values.DB_PASSWORD: is named like a password and holds a literal value",
    ]
    assert "3 possible secrets found" in result.stderr


def test_check_allows_marked_entries_and_patterns(tmp_path):
    (tmp_path / "team.yaml").write_text(
        "values:\n"
        "  DB_PASSWORD: hunter2   # pmreplay: allow (throwaway local database)\n"
        f"  GH: {GITHUB_TOKEN}\n"
        "  CLIENT_SECRET:\n    value: local-only-secret\n    type: secret   # pmreplay: allow\n"
        "  PUBLIC_TOKEN: abc123\n")
    result = env(tmp_path, "check", "team.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["team.yaml: values.GH: looks like a GitHub token",
                                          "team.yaml: values.PUBLIC_TOKEN: is named like a token and holds a literal value"]
    clean = env(tmp_path, "check", "team.yaml", "--allow", "GH", "--allow", "PUBLIC_*")
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout == "" and "no secrets found in 1 file" in clean.stderr


def test_an_allow_comment_covers_only_its_own_entry_in_the_list_form(tmp_path):
    (tmp_path / "list.yaml").write_text(
        "values:\n"
        "  - key: DB_PASSWORD\n    value: hunter2\n    type: default\n"
        "  - key: API_TOKEN   # pmreplay: allow\n    value: abc123\n"
        "  - key: SECRET_KEY\n    value: xyz789\n")
    result = env(tmp_path, "check", "list.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "list.yaml: values.DB_PASSWORD: is named like a password and holds a literal value",
        "list.yaml: values.SECRET_KEY: is named like a secret key and holds a literal value",
    ]


def test_check_accepts_a_description_marker_in_postman_json(tmp_path):
    write_json(tmp_path / "e.json", {"values": [
        {"key": "API_KEY", "value": "emulator-client", "type": "default", "description": "pmreplay: allow"}]})
    assert env(tmp_path, "check", "e.json").returncode == 0


def test_the_repository_environments_pass_check(tmp_path):
    """What we ship for sharing holds no secret: the emulator file leaves CLIENT_SECRET empty (--emulator fills it)."""
    paths = [ROOT / "environments" / "aep-emulator.postman_environment.json",
             ROOT / "environments" / "aep-sandbox.template.yaml"]
    result = env(tmp_path, "check", *map(str, paths))
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_reads_every_file_before_judging(tmp_path):
    write_json(tmp_path / "ok.json", {"values": [{"key": "A", "value": "1"}]})
    result = env(tmp_path, "check", "ok.json", "missing.yaml")
    assert result.returncode == 2
    assert "missing.yaml: no such file" in result.stderr


# ---------------------------------------------------------------------------
# diff


def test_diff_lists_added_removed_and_changed_with_secrets_masked(tmp_path):
    write_json(tmp_path / "staging.json", {"values": [
        {"key": "HOST", "value": "https://staging", "type": "default"},
        {"key": "TOKEN", "value": "old-token-value", "type": "secret"},
        {"key": "GONE", "value": "bye", "type": "default"},
        {"key": "MODE", "value": "a", "type": "default"},
    ]})
    (tmp_path / "prod.yaml").write_text(
        "values:\n  HOST: https://prod\n  TOKEN: {value: new-token-value, type: secret}\n"
        "  MODE: {value: a, type: string, disabled: true}\n  NEW: 1\n")
    result = env(tmp_path, "diff", "staging.json", "prod.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "--- staging.json", "+++ prod.yaml",
        '- GONE = "bye"',
        '~ HOST: value "https://staging" -> "https://prod"',
        "~ TOKEN: value changed (masked)",
        "~ MODE: type default -> string; now disabled",
        "+ NEW = 1",
    ]
    (tmp_path / "prod2.yaml").write_text(
        "values:\n  HOST: https://staging\n  TOKEN: {value: old-token-value, type: secret}\n"
        "  GONE: bye\n  MODE: a\n  AUTH: Bearer old-token-value\n")
    inside = env(tmp_path, "diff", "staging.json", "prod2.yaml")
    assert inside.stdout.splitlines()[2:] == ['+ AUTH = "Bearer ********"']
    revealed = env(tmp_path, "diff", "staging.json", "prod.yaml", "--reveal")
    assert '~ TOKEN: value "old-token-value" -> "new-token-value"' in revealed.stdout


def test_diff_of_equal_content_in_two_formats_is_empty(tmp_path):
    write_json(tmp_path / "a.json", {"name": "A", "values": [{"key": "X", "value": "1", "type": "default"},
                                                             {"key": "Y", "value": 2, "type": "default"}]})
    (tmp_path / "b.yaml").write_text("name: B\nvalues:\n  X: '1'\n  Y: 2\n")
    result = env(tmp_path, "diff", "a.json", "b.yaml")
    assert (result.returncode, result.stdout) == (0, "")
    (tmp_path / "c.yaml").write_text("values:\n  X: 1\n  Y: 2\n")  # the number 1 is not the text "1"
    assert env(tmp_path, "diff", "a.json", "c.yaml").stdout.splitlines()[2] == '~ X: value "1" -> 1'
