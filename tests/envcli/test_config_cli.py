"""Configuration defaults for ``pmreplay run``, through the real CLI against the local echo server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runner.config import ConfigError, load_run_defaults
from tests.envcli.support import environment, pmreplay, probe_collection, report, write_json


@pytest.fixture
def project(tmp_path: Path, echo_url: str) -> Path:
    """A project folder with a collection, a base and an override environment, and an empty HOME."""
    root = tmp_path / "project"
    probe_collection(root / "c.postman_collection.json", echo_url)
    environment(root / "envs" / "base.json", {"WHO": "base", "MODE": "file"})
    environment(root / "envs" / "override.json", {"WHO": "override"})
    (root / "sub").mkdir()
    (tmp_path / "home").mkdir()
    return root


def run_in(cwd: Path, *args: str, **kwargs) -> object:
    home = next(p / "home" for p in cwd.parents if (p / "home").is_dir())  # the fixture's empty HOME
    result = pmreplay("run", *args, "--no-color", cwd=cwd, home=home, **kwargs)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_pmreplay_toml_found_upwards_with_paths_beside_it(project):
    (project / "pmreplay.toml").write_text(
        'environment = ["envs/base.json"]\niteration-count = 2\nreporters = ["json"]\n'
        '[reporter.json]\nexport = "out/run.json"\n')
    result = run_in(project / "sub", "../c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    seen = report(project / "out" / "run.json")
    assert seen["iterations"] == 2
    assert seen["items"] == ["a1", "b1", "a1", "b1"]
    assert "who=base" in seen["assertions"]


def test_command_line_wins_and_lists_layer_after_the_configuration(project):
    (project / "pmreplay.toml").write_text(
        'environment = ["envs/base.json"]\niteration_count = 2\nreporters = "json"\n'
        'env_var = {MODE = "config"}\n[reporter.json]\nexport = "out/run.json"\n')
    result = run_in(project / "sub", "../c.postman_collection.json", "-n", "1", "-e", "../envs/override.json",
                    "--env-var", "MODE=cli", "--reporter-json-export", "here.json")
    assert result.returncode == 0, result.stderr
    assert not (project / "out" / "run.json").exists()
    seen = report(project / "sub" / "here.json")
    assert seen["iterations"] == 1
    # the configured base file loaded first, the command line's override on top; --env-var after both
    assert seen["assertions"] == ["mode=cli", "who=override"]


def test_configured_env_var_applies_without_command_line_values(project):
    (project / "pmreplay.toml").write_text(
        'environment = ["envs/base.json"]\nreporters = "json"\nenv_var = ["MODE=config"]\n'
        '[reporter.json]\nexport = "r.json"\n')
    result = run_in(project, "c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    assert report(project / "r.json")["assertions"] == ["mode=config", "who=base"]


def test_pyproject_table_is_read_and_pmreplay_toml_beside_it_wins(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.pmreplay]\nenvironment = ["envs/base.json"]\nreporters = "json"\n'
        '[tool.pmreplay.reporter.json]\nexport = "py.json"\n')
    inner = project / "sub"
    (inner / "pyproject.toml").write_text('[project]\nname = "inner, without a [tool.pmreplay] table"\n')
    result = run_in(inner, "../c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    assert "who=base" in report(project / "py.json")["assertions"]

    (project / "pmreplay.toml").write_text(
        'environment = ["envs/override.json"]\nreporters = "json"\n[reporter.json]\nexport = "own.json"\n')
    result = run_in(inner, "../c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    assert "who=override" in report(project / "own.json")["assertions"]


def test_search_stops_at_the_repository_root(project):
    (project.parent / "pmreplay.toml").write_text("frob = 1\n")  # would be an error if it were read
    (project / ".git").mkdir()
    result = run_in(project, "c.postman_collection.json", "-e", "envs/base.json")
    assert result.returncode == 0, result.stderr
    (project / ".git").rmdir()
    result = run_in(project, "c.postman_collection.json", "-e", "envs/base.json")
    assert result.returncode == 1
    assert "pmreplay.toml: unknown setting 'frob'" in result.stderr


def test_newmanrc_files_merge_like_newman_and_toml_sits_above_them(project):
    home = project.parent / "home"
    write_json(home / ".postman" / "newmanrc", {
        "environment": "envs/override.json", "iterationCount": 3, "reporters": ["json"],
        "reporter": {"json": {"export": "home.json"}}})
    write_json(project / ".newmanrc", {"environment": "envs/base.json",
                                       "reporter": {"json": {"export": "rc.json"}}})
    result = run_in(project, "c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    seen = report(project / "rc.json")  # ./.newmanrc over ~/.postman/newmanrc, merged key by key
    assert seen["iterations"] == 3
    assert "who=base" in seen["assertions"]
    assert not (project / "home.json").exists()

    (project / "pmreplay.toml").write_text("iteration_count = 1\n")
    result = run_in(project, "c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    assert report(project / "rc.json")["iterations"] == 1


def test_command_line_folder_replaces_the_configured_one(project):
    (project / "pmreplay.toml").write_text(
        'folder = ["A"]\nenvironment = ["envs/base.json"]\nreporters = "json"\n[reporter.json]\nexport = "r.json"\n')
    assert run_in(project, "c.postman_collection.json").returncode == 0
    assert report(project / "r.json")["items"] == ["a1"]
    assert run_in(project, "c.postman_collection.json", "--folder", "B").returncode == 0
    assert report(project / "r.json")["items"] == ["b1"]


@pytest.mark.parametrize("name, text, message", [
    ("pmreplay.toml", "frob = 1\n", "pmreplay.toml: unknown setting 'frob'"),
    ("pmreplay.toml", "iteration_count = 0\n", "pmreplay.toml: iteration_count: must be at least 1, got 0"),
    ("pmreplay.toml", "insecure = \"yes\"\n", "pmreplay.toml: insecure: expected true or false"),
    ("pmreplay.toml", "color = \"purple\"\n", "pmreplay.toml: color: 'purple' is not one of auto, on, off"),
    ("pmreplay.toml", "environment = [\n", "pmreplay.toml: not valid TOML"),
    ("pmreplay.toml", "bail = \"sometimes\"\n", "pmreplay.toml: bail: unknown modifier 'sometimes'"),
    ("pmreplay.toml", "collection = \"c.json\"\n", "unknown setting 'collection' (give the collection on the command line)"),
    ("pyproject.toml", "[tool.pmreplay]\ntimeoutRequest = -5\n",
     "pyproject.toml [tool.pmreplay]: timeoutRequest: must not be negative"),
    (".newmanrc", "{\"iterationCount\": 2,}", ".newmanrc: not valid JSON (line 1"),
    (".newmanrc", "{\"requestAgents\": {}}", ".newmanrc: unknown setting 'requestAgents'"),
    (".newmanrc", "{\"reporter\": {\"json\": \"out.json\"}}", ".newmanrc: reporter.json: expected a table of options"),
])
def test_bad_configuration_is_one_line_naming_file_and_key(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    result = pmreplay("run", "c.json", cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_pmreplay_no_config_skips_every_file(project):
    (project / "pmreplay.toml").write_text("frob = 1\n")
    write_json(project / ".newmanrc", {"nonsense": True})
    result = run_in(project, "c.postman_collection.json", "-e", "envs/base.json", env={"PMREPLAY_NO_CONFIG": "1"})
    assert result.returncode == 0, result.stderr


def test_other_subcommands_ignore_a_broken_configuration(tmp_path):
    (tmp_path / "pmreplay.toml").write_text("frob = 1\n")
    environment(tmp_path / "e.json", {"A": "1"})
    result = pmreplay("env", "show", "e.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------
# How keys and values map (in process: no run needed)


def test_newman_spellings_map_to_run_options(tmp_path):
    write_json(tmp_path / ".newmanrc", {
        "iterationCount": 2, "insecureFileRead": False, "noColor": True, "bail": ["folder"],
        "envVar": [{"key": "A", "value": 1}], "globalVar": [{"key": "G", "value": True}],
        "timeoutRequest": 500, "suppressExitCode": True, "exportEnvironment": "out/env.json",
        "reporter": {"cli": {"noSummary": True}, "junit": {"export": "junit.xml"}}})
    defaults = load_run_defaults(tmp_path, home=tmp_path / "nohome")
    assert defaults == {
        "iteration_count": 2, "no_insecure_file_read": True, "color": "off", "bail": "folder",
        "env_var": [("A", "1")], "global_var": [("G", "true")], "timeout_request": 500,
        "suppress_exit_code": True, "export_environment": "out/env.json",  # rc files: relative to the cwd
        "reporter_options": {"cli": {"no-summary": True}, "junit": {"export": "junit.xml"}},
    }


def test_a_run_object_in_any_rc_file_hides_the_top_level_settings(tmp_path):
    """Observed with Newman 6.2: rc files merge, then only ``run`` is used when present."""
    home = tmp_path / "home"
    write_json(home / ".postman" / "newmanrc", {"environment": "e.json", "iterationCount": 3,
                                                "run": {"timeout": 100}})
    write_json(tmp_path / ".newmanrc", {"run": {"iterationCount": 2}, "delayRequest": 5})
    assert load_run_defaults(tmp_path, home=home) == {"timeout": 100, "iteration_count": 2}
    write_json(home / ".postman" / "newmanrc", {"environment": "e.json", "iterationCount": 3})
    write_json(tmp_path / ".newmanrc", {"iterationCount": 2})
    assert load_run_defaults(tmp_path, home=home) == {"environment": ["e.json"], "iteration_count": 2}


def test_toml_paths_resolve_beside_the_file(tmp_path):
    (tmp_path / "pmreplay.toml").write_text(
        'globals = "g.json"\nmap-file = ["data.csv=fixtures/data.csv"]\nworking_dir = "bodies"\n'
        'bail = true\nreporters = ["cli", "junit"]\ncookie-jar = "/abs/jar.json"\n'
        '[reporter.html]\nexport = "out/r.html"\nmax_body = 100\n')
    (tmp_path / "sub").mkdir()
    defaults = load_run_defaults(tmp_path / "sub", home=tmp_path / "nohome")
    assert defaults == {
        "globals": [str(tmp_path.resolve() / "g.json")],
        "map_file": [("data.csv", str(tmp_path.resolve() / "fixtures" / "data.csv"))],
        "working_dir": str(tmp_path.resolve() / "bodies"), "bail": "failure", "reporters": "cli,junit",
        "cookie_jar": "/abs/jar.json",
        "reporter_options": {"html": {"export": str(tmp_path.resolve() / "out" / "r.html"), "max-body": "100"}},
    }


def test_no_files_no_defaults(tmp_path):
    (tmp_path / ".git").mkdir()
    assert load_run_defaults(tmp_path, home=tmp_path) == {}


def test_a_list_where_one_value_belongs_is_refused(tmp_path):
    (tmp_path / "pmreplay.toml").write_text('iteration_data = ["a.csv", "b.csv"]\n')
    with pytest.raises(ConfigError, match="iteration_data: expected a value like the command line's, found a list"):
        load_run_defaults(tmp_path, home=tmp_path)


def test_the_json_summary_reaches_a_configured_export_directory(project):
    """Newman lets ``export`` name a folder; a configured one resolves beside the config too."""
    (project / "reports").mkdir()
    (project / "pmreplay.toml").write_text(
        'environment = ["envs/base.json"]\nreporters = "json"\n[reporter.json]\nexport = "reports"\n')
    result = run_in(project / "sub", "../c.postman_collection.json")
    assert result.returncode == 0, result.stderr
    written = list((project / "reports").iterdir())
    assert len(written) == 1 and written[0].suffix == ".json"
    assert json.loads(written[0].read_text())["run"]["stats"]["iterations"]["total"] == 1
