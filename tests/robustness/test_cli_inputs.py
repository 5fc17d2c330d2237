"""The real ``pmreplay`` command with bad files and bad flag values: exit 1, one stderr line,
no traceback (run as a subprocess, like a user or a CI job would).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.bases import SCHEMA_V21
from tests.robustness.support import assert_clean_cli_error, pmreplay

SCALE = float(os.environ.get("PMREPLAY_FUZZ_SCALE", "1"))


def _collection(url: str) -> dict:
    return {"info": {"name": "cli robust", "schema": SCHEMA_V21},
            "item": [{"name": "ping", "request": {"method": "GET", "url": f"{url}/ping"},
                      "event": [{"listen": "test", "script": {"exec": [
                          "pm.test('200', () => pm.response.to.have.status(200));"]}}]}]}


@pytest.fixture(scope="module")
def files(tmp_path_factory, echo_url) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli-robust")
    good = root / "good.postman_collection.json"
    good.write_text(json.dumps(_collection(echo_url)))
    paths = {"good": good, "dir": root / "adir", "root": root}
    paths["dir"].mkdir()
    for name, content in {
        "empty.json": b"", "nul.json": b"\x00\x00\x00", "latin1.json": "{\"info\": \"caf\xe9\"}".encode("latin-1"),
        "trunc.json": b'{"info": {"name": "x"}, "item": [', "array.json": b"[1, 2]", "number.json": b"42",
        "noitem.json": b'{"info": {"name": "x"}}', "itemstr.json": b'{"info": {"name": "x"}, "item": "x"}',
        "badenv.json": b'{"values": 5}', "envlist.json": b"[]", "badcsv.csv": b'a,b\n"1,2\n',
        "binary.csv": bytes(range(256)), "yamlbomb.yaml": b"a: &a [*a]\n", "deep.json": b"[" * 100_000,
        "v1bad.json": b'{"requests": [{"id": [1]}], "order": [[1]]}',
        "bigint.json": b'{"values": [{"key": "a", "value": ' + b"1" * 5000 + b"}]}",
        "deep.yaml": b"a: " + b"[" * 5000 + b"\n",
    }.items():
        (root / name).write_bytes(content)
        paths[name] = root / name
    return paths


BAD_COLLECTIONS = ["missing.json", "empty.json", "nul.json", "latin1.json", "trunc.json", "array.json",
                   "number.json", "noitem.json", "itemstr.json", "deep.json", "v1bad.json", "bigint.json", "dir"]


@pytest.mark.parametrize("name", BAD_COLLECTIONS)
def test_bad_collection_file(files, name):
    path = files["root"] / name if name != "dir" else files["dir"]
    result = pmreplay("run", str(path))
    assert_clean_cli_error(result, must_contain=path.name)


@pytest.mark.parametrize("flag,name", [
    ("-e", "missing.json"), ("-e", "badenv.json"), ("-e", "envlist.json"), ("-e", "dir"), ("-e", "deep.json"),
    ("-e", "yamlbomb.yaml"), ("-g", "trunc.json"), ("-g", "binary.csv"), ("-d", "badcsv.csv"),
    ("-d", "binary.csv"), ("-d", "missing.csv"), ("-d", "number.json"), ("-d", "deep.json"), ("-d", "dir"),
    ("-e", "bigint.json"), ("-e", "deep.yaml"), ("-g", "deep.json"), ("-d", "bigint.json"),
])
def test_bad_side_files(files, flag, name):
    path = files["root"] / name if name != "dir" else files["dir"]
    result = pmreplay("run", str(files["good"]), flag, str(path))
    assert_clean_cli_error(result, must_contain=path.name)


@pytest.mark.parametrize("args", [
    ["-n", "0"], ["-n", "abc"], ["-n", "-3"], ["-n", "1e9999"], ["--delay-request", "-1"],
    ["--timeout-request", "soon"], ["--timeout", "99999999999999999999999999x"], ["--bail", "sometimes"],
    ["--env-var", "=x"], ["--env-var", "novalue"], ["--global-var", ""], ["-r", "nosuch"],
    ["--color", "purple"], ["--connect-to", "a:b"], ["--map-file", "x"], ["--reporter-json"],
    ["--folder", "no such folder"], ["--ssl-client-cert", "/nonexistent/cert.pem"],
    ["--ssl-extra-ca-certs", "/nonexistent/ca.pem"], ["--cookie-jar", "/nonexistent/jar.json"],
    ["--unknown-flag"], ["--timeout-script", "1.5"], ["--retries", "many"],
])
def test_bad_flags(files, args):
    result = pmreplay("run", str(files["good"]), *args)
    assert_clean_cli_error(result)


KEYS = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12)


@settings(max_examples=int(12 * SCALE), deadline=None, derandomize=SCALE == 1, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pairs=st.lists(st.tuples(KEYS, st.sampled_from(["=", "", "=="]), KEYS), min_size=1, max_size=3),
       count=st.one_of(st.none(), st.sampled_from(["1", "2", "0", "x", "-1", " 1", "１"])))
def test_env_var_and_count_values(files, pairs, count):
    """Any --env-var text either runs (exit 0) or is refused cleanly."""
    args = []
    for key, sep, value in pairs:
        args += ["--env-var", f"{key}{sep}{value}"]
    if count is not None:
        args += ["-n", count]
    result = pmreplay("run", str(files["good"]), *args, "-r", "json", "--reporter-json-export",
                      str(files["root"] / "out.json"))
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode != 0:
        assert_clean_cli_error(result)


BUGGY_RUN = ("import sys, runner.api\n"
             "def broken(*args, **kwargs):\n"
             "    raise KeyError('simulated bug\\nsecond line')\n"
             "runner.api.run = broken\n"
             "from runner.cli import main\n"
             "sys.exit(main(sys.argv[1:]))\n")


def test_an_internal_bug_still_ends_in_one_line(files):
    """The last-resort handler: one line and exit 1; PMREPLAY_DEBUG=1 brings the traceback back."""
    import subprocess
    import sys

    from tests.robustness.support import ROOT

    args = [sys.executable, "-c", BUGGY_RUN, "run", str(files["good"])]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "PMREPLAY_DEBUG": ""})
    assert_clean_cli_error(result, must_contain="internal error: KeyError")
    debug = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120,
                           env={**os.environ, "PMREPLAY_DEBUG": "1"})
    assert debug.returncode != 0 and "Traceback" in debug.stderr
