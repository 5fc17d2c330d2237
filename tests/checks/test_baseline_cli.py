"""Regression baselines through the real CLI against the local echo server."""

from __future__ import annotations

import json

import pytest

from tests.checks.support import assertion_counts, failures, pmreplay, request, write_collection

# the echo server answers with the request's headers: Postman-Token and Host change every run
VOLATILE = ("--ignore", "$.headers")


@pytest.fixture()
def echo_collection(tmp_path, echo_url):
    return write_collection(tmp_path, [
        {"name": "Orders", "item": [
            request("Create order", f"{echo_url}/orders?v={{{{v}}}}", "POST", {"qty": 2, "sku": "A-1"}),
            request("Status", f"{echo_url}/status/{{{{code}}}}"),
        ]},
        request("Greeting", f"{echo_url}/text?body=hello%0A{{{{who}}}}%0Abye"),
    ])


def run(collection, *args, v="1", code="200", who="world"):
    return pmreplay(str(collection), "--env-var", f"v={v}", "--env-var", f"code={code}", "--env-var", f"who={who}",
                    *args)


def test_record_writes_one_readable_file_per_response(tmp_path, echo_collection):
    base = tmp_path / "baseline"
    result = run(echo_collection, "--record-baseline", str(base), "-n", "2", "--baseline-header", "Content-Length")
    assert result.returncode == 0, result.stdout + result.stderr
    files = sorted(p.relative_to(base).as_posix() for p in base.rglob("*.json"))
    assert files == [f"{folder}/iteration-{n}.json" for folder in ("greeting", "orders/create-order", "orders/status")
                     for n in (1, 2)]
    text = (base / "orders/create-order/iteration-1.json").read_text()
    assert text.startswith("{\n  \"request\": \"POST http://127.0.0.1:")
    record = json.loads(text)
    assert record["status"] == 200
    assert set(record["headers"]) == {"content-type", "content-length"}
    assert record["json"]["json"] == {"qty": 2, "sku": "A-1"}
    assert json.loads((base / "greeting/iteration-1.json").read_text())["text"] == "hello\nworld\nbye"


def test_compare_passes_unchanged_and_reports_differences(tmp_path, echo_collection):
    base = tmp_path / "baseline"
    assert run(echo_collection, "--record-baseline", str(base)).returncode == 0

    same = run(echo_collection, "--compare-baseline", str(base), *VOLATILE)
    assert same.returncode == 0, failures(same.stdout)
    assert "✓  [baseline] orders/create-order/iteration-1.json" in same.stdout

    changed = run(echo_collection, "--compare-baseline", str(base), *VOLATILE, v="2", code="404", who="moon")
    assert changed.returncode == 1
    report = failures(changed.stdout)
    assert f"response differs from baseline {base}/orders/create-order/iteration-1.json:" in report
    assert "$.url: expected '/orders?v=1', got '/orders?v=2'" in report
    assert "$.query[0][1]: expected '1', got '2'" in report
    assert "status: expected 200, got 404" in report
    assert "-world" in report and "+moon" in report and "@@" in report
    assert assertion_counts(changed.stdout) == (3, 3)


def test_ignore_paths_with_wildcards_and_from_the_checks_file(tmp_path, echo_collection):
    base = tmp_path / "baseline"
    assert run(echo_collection, "--record-baseline", str(base)).returncode == 0
    flags = run(echo_collection, "--compare-baseline", str(base), *VOLATILE, "--ignore", "$.url",
                "--ignore", "$.query[*][1]", "--folder", "Create order", v="9")
    assert flags.returncode == 0, failures(flags.stdout)

    (tmp_path / "c.pmreplay.yaml").write_text(
        "ignore: ['$.headers']\nrequests:\n  Orders / Create order:\n    ignore: ['$..url', '$.query']\n")
    from_file = run(echo_collection, "--compare-baseline", str(base), "--folder", "Orders", v="9")
    assert from_file.returncode == 0, failures(from_file.stdout)
    not_ignored = run(echo_collection, "--compare-baseline", str(base), "--no-checks", "--folder", "Orders", v="9")
    assert not_ignored.returncode == 1
    assert "$.headers[" in failures(not_ignored.stdout)


def test_headers_named_in_the_checks_file_are_recorded_and_compared(tmp_path, echo_url):
    path = write_collection(tmp_path, [request("text", f"{echo_url}/text?body={{{{body}}}}")])
    (tmp_path / "c.pmreplay.yaml").write_text("baseline:\n  headers: [Content-Length]\n")
    base = tmp_path / "baseline"
    assert pmreplay(str(path), "--record-baseline", str(base), "--env-var", "body=abc").returncode == 0
    record = json.loads((base / "text/iteration-1.json").read_text())
    assert record["headers"] == {"content-length": "3", "content-type": "text/plain"}
    result = pmreplay(str(path), "--compare-baseline", str(base), "--env-var", "body=abcd", "--no-checks")
    assert result.returncode == 1
    assert "header content-length: expected '3', got '4'" in failures(result.stdout)


def test_missing_baseline_file_says_how_to_record_it(tmp_path, echo_collection):
    base = tmp_path / "baseline"
    assert run(echo_collection, "--record-baseline", str(base), "--folder", "Greeting").returncode == 0
    result = run(echo_collection, "--compare-baseline", str(base))
    assert result.returncode == 1
    assert (f"no baseline at {base}/orders/status/iteration-1.json; record it with --record-baseline {base}"
            in failures(result.stdout))
    assert "✓  [baseline] greeting/iteration-1.json" in result.stdout


def test_secret_environment_values_are_masked_in_baselines(tmp_path, echo_url):
    path = write_collection(tmp_path, [request("echo", f"{echo_url}/login?token={{{{token}}}}", tests=[
        "pm.environment.set('token', pm.environment.get('token'), 'secret');"])])
    base = tmp_path / "baseline"
    assert pmreplay(str(path), "--record-baseline", str(base), "--env-var", "token=s3cr3t-value").returncode == 0
    text = (base / "echo/iteration-1.json").read_text()
    assert "s3cr3t-value" not in text
    assert "/login?token=********" in text


@pytest.mark.parametrize("args, message", [
    (["--record-baseline", "a", "--compare-baseline", "b"], "cannot be used in the same run"),
    (["--compare-baseline", "no-such-dir"], "no baseline directory 'no-such-dir' (record one with --record-baseline"),
    (["--compare-baseline", ".", "--ignore", "id"], "--ignore: 'id' is not a JSONPath expression"),
    (["--compare-baseline", ".", "--ignore", "$.[["], "--ignore: bad JSONPath '$.[['"),
])
def test_bad_baseline_options_are_one_line(tmp_path, echo_collection, args, message):
    result = pmreplay(str(echo_collection), *args, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
