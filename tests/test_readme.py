"""The README's promises, checked against the code.

Why: the README is what a newcomer trusts first, and many hands edit both it and the CLI.
These tests fail when a flag the README mentions disappears from the parser, when a run flag
is added without a word in the README, when a dependency is added to ``pyproject.toml``
without its reason, or when ``.ci/run`` stops running the README's test command. They read
the files and the real parsers; nothing here runs the whole suite or needs the network
(the Python API example runs against the local echo server).
"""

from __future__ import annotations

import argparse
import ast
import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

from runner.cli import build_parser, split_reporter_options
from runner.reporters import REPORTERS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
INLINE_CODE = re.compile(r"`([^`\n]+)`")
FLAG = re.compile(r"(?:^|(?<=[\s/(\[|`]))(--?[a-zA-Z][a-zA-Z0-9<>-]*)")


def code_blocks(text: str | None = None) -> list[tuple[str, str]]:
    """(language, body) of every fenced block, in order."""
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(README if text is None else text)]


def sections(text: str | None = None) -> dict[str, str]:
    """Level-2 heading -> its text (including its sub-sections); "" holds the part before the first."""
    out: dict[str, str] = {}
    name = ""
    for line in (README if text is None else text).splitlines(keepends=True):
        if line.startswith("## "):
            name = line[3:].strip()
        out[name] = out.get(name, "") + line
    return out


def command_lines(block: str) -> list[str]:
    """Shell commands of a block: comments and blank lines dropped, ``\\`` continuations joined."""
    commands: list[str] = []
    pending = ""
    for raw in block.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        commands.append(pending + line)
        pending = ""
    return commands


def shell_commands() -> list[str]:
    return [cmd for lang, body in code_blocks() if lang in ("bash", "sh") for cmd in command_lines(body)]


def pmreplay_argv(command: str, sub: str) -> list[str] | None:
    """The argv after ``pmreplay`` for ``pmreplay <sub> ...`` (a leading ``cat x |`` is dropped), else None."""
    words = shlex.split(command, comments=True)
    if "|" in words:
        words = words[len(words) - words[::-1].index("|"):]
    for i, word in enumerate(words):
        if (word == "pmreplay" or word.endswith("/pmreplay")) and words[i + 1:i + 2] == [sub]:
            return words[i + 1:]
    return None


def option_strings(parser: argparse.ArgumentParser) -> set[str]:
    return {opt for action in parser._actions for opt in action.option_strings}


def run_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["run"]


def normalise(name: str) -> str:
    """A distribution name as pip compares them (PEP 503), without extras."""
    return re.sub(r"[-_.]+", "-", name.split("[")[0].strip()).lower()


def requirement_name(spec: str) -> str:
    return normalise(re.split(r"[\s<>=!~;]", spec.strip(), maxsplit=1)[0])


# --------------------------------------------------------------------------- the first lines


def quick_start() -> list[str]:
    lang, body = code_blocks()[0]
    assert lang == "bash", "the README's first code block should be the bash quick start"
    return command_lines(body)


def test_quick_start_is_exactly_install_and_run_then_test() -> None:
    commands = quick_start()
    assert len(commands) == 2, f"the quick start should be two commands, found {commands}"
    install_run, test = commands
    assert "python3 -m venv .venv" in install_run
    assert ".venv/bin/pip install -e '.[dev]'" in install_run
    assert re.search(r"\.venv/bin/pmreplay run \S+ --emulator$", install_run), install_run
    assert test == ".venv/bin/python -m pytest"
    assert README.index("```bash") < README.index("\n## "), "the quick start must come before any section"


def test_quick_start_runs_a_collection_that_exists_with_valid_flags() -> None:
    install_run = quick_start()[0]
    argv = pmreplay_argv(install_run.split("&&")[-1], "run")
    assert argv is not None
    assert (ROOT / argv[1]).is_file(), f"{argv[1]} is not in the repository"
    args = build_parser().parse_args(argv)
    assert args.emulator


def test_ci_runs_the_readme_test_command_after_installing_the_same_way() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install_run, test = quick_start()
    assert test in ci.splitlines(), f".ci/run should run the README's test command: {test}"
    assert "python3 -m venv .venv" in ci
    assert re.search(r"\.venv/bin/pip install (-q )?-e '\.\[dev\]'", ci), ".ci/run should install like the README"


# --------------------------------------------------------------------------- flags


def test_every_pmreplay_run_command_in_the_readme_parses() -> None:
    commands = [argv for cmd in shell_commands() if (argv := pmreplay_argv(cmd, "run"))]
    assert len(commands) >= 8, "expected the README's pmreplay run examples"
    for argv in commands:
        rest, reporter_options = split_reporter_options(argv)
        for name in reporter_options:
            assert name in REPORTERS, f"unknown reporter in README example: --reporter-{name}-..."
        try:
            build_parser().parse_args(rest)
        except SystemExit:
            pytest.fail(f"README example does not parse: pmreplay {shlex.join(argv)}")


def test_every_other_pmreplay_command_in_the_readme_parses() -> None:
    from aep_emulator.cli import _parser as emulator_parser
    from runner.envcli import build_parser as env_parser

    seen = 0
    for cmd in shell_commands():
        for sub, parser in (("env", env_parser), ("emulator", emulator_parser)):
            argv = pmreplay_argv(cmd, sub)
            if argv is None:
                continue
            seen += 1
            try:
                parser().parse_args(argv[1:])
            except SystemExit:
                pytest.fail(f"README example does not parse: pmreplay {shlex.join(argv)}")
    assert seen >= 6


def mentioned_flags(text: str) -> set[str]:
    """Flags in inline code and shell blocks; ``-e/--environment`` counts as both."""
    found: set[str] = set()
    for span in INLINE_CODE.findall(text):
        found.update(FLAG.findall(span))
    return found


def test_every_run_flag_the_readme_mentions_exists() -> None:
    """Prose outside the pytest and ``pmreplay env`` sections speaks of ``pmreplay run`` flags."""
    run_flags = option_strings(run_parser()) | option_strings(build_parser())
    from runner.envcli import build_parser as env_parser

    env_sub = next(a for a in env_parser()._actions if isinstance(a, argparse._SubParsersAction))
    env_flags = {opt for p in env_sub.choices.values() for opt in option_strings(p)}
    for title, text in sections().items():
        if title == "In pytest":
            continue
        allowed = run_flags | (env_flags if title == "Team environments and configuration" else set())
        for flag in mentioned_flags(text):
            if flag.startswith("--pmreplay-"):
                continue  # the pytest plugin's options, checked below
            if flag.startswith("--reporter-"):
                name = flag[len("--reporter-"):].split("-")[0]
                assert name == "<name>" or name in REPORTERS, f"README ({title}): unknown reporter in {flag}"
                if name in REPORTERS:
                    option = flag[len(f"--reporter-{name}-"):]
                    module = REPORTERS[name].partition(":")[0].replace(".", "/") + ".py"
                    source = (ROOT / module).read_text(encoding="utf-8")
                    assert f'"{option}"' in source, f"README ({title}): the {name} reporter has no option {option}"
                continue
            assert flag in allowed, f"README ({title}) mentions {flag}, which `pmreplay run` does not have"


def test_every_run_flag_is_documented() -> None:
    missing = sorted(opt for opt in option_strings(run_parser())
                     if opt.startswith("--") and opt != "--help" and f"`{opt}" not in README
                     and not re.search(rf"`[^`]*{re.escape(opt)}(?![\w-])[^`]*`", README))
    assert not missing, f"pmreplay run flags not mentioned in README.md: {missing}"


def test_every_pytest_option_the_readme_mentions_exists() -> None:
    source = (ROOT / "runner" / "pytest_plugin" / "options.py").read_text(encoding="utf-8")
    text = sections()["In pytest"]
    flags = {f for f in FLAG.findall(README) if f.startswith("--pmreplay-")}
    ini_keys = set(re.findall(r"`(pmreplay_[a-z_]+)", text)) - {"pmreplay_run", "pmreplay_emulator"}
    assert flags and ini_keys
    for name in sorted(flags):
        assert f'"{name}"' in source, f"README mentions {name}, which the pytest plugin does not define"
    for key in sorted(ini_keys):
        assert f'addini("{key}"' in source, f"README mentions ini key {key}, which the plugin does not define"


# --------------------------------------------------------------------------- dependencies


def dependency_table() -> set[str]:
    text = sections()["Dependencies and why"]
    names: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| package") or line.startswith("|---"):
            continue
        first = line.split("|")[1]
        first = re.sub(r"\(.*?\)", "", first)
        names.update(normalise(part) for part in first.split(",") if part.strip())
    return names


def test_every_dependency_is_named_with_its_reason() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = [requirement_name(spec) for spec in project["dependencies"]]
    for extra in project.get("optional-dependencies", {}).values():
        required += [requirement_name(spec) for spec in extra]
    table = dependency_table()
    missing = sorted(set(required) - table)
    assert not missing, f"dependencies in pyproject.toml without a line in the README's table: {missing}"


# --------------------------------------------------------------------------- examples


def test_python_yaml_and_toml_examples_are_well_formed() -> None:
    counts = {"python": 0, "yaml": 0, "toml": 0}
    for lang, body in code_blocks():
        if lang == "python":
            ast.parse(body)
        elif lang == "yaml":
            yaml.safe_load(body)
        elif lang == "toml":
            tomllib.loads(body)
        else:
            continue
        counts[lang] += 1
    assert all(counts.values()), counts


def test_environment_and_checks_examples_load(tmp_path: Path) -> None:
    from runner.checks import load_checks_file
    from runner.envfiles import load_env_file

    yaml_blocks = [body for lang, body in code_blocks() if lang == "yaml"]
    env_text = next(b for b in yaml_blocks if b.startswith("name:"))
    env_file = tmp_path / "sandbox.yaml"
    env_file.write_text(env_text, encoding="utf-8")
    scope = load_env_file(env_file, environ={"AEP_CLIENT_ID": "id-1", "AEP_CLIENT_SECRET": "s-2"})
    assert scope.to_dict() == {"PLATFORM_GATEWAY": "https://platform.adobe.io", "API_KEY": "id-1",
                      "CLIENT_SECRET": "s-2", "SANDBOX_NAME": "prod"}

    checks_text = next(b for b in yaml_blocks if b.startswith("ignore:"))
    checks_file = tmp_path / "c.pmreplay.yaml"
    checks_file.write_text(checks_text, encoding="utf-8")
    config = load_checks_file(checks_file)
    assert config.has_response_rules


def test_python_api_runs_twice_in_one_process(echo_url: str) -> None:
    """``import runner; runner.run(...)`` as the README shows, called twice in one process."""
    import runner

    collection = {
        "info": {"name": "readme", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "Get", "request": {"method": "GET", "url": echo_url + "/get"},
                  "event": [{"listen": "test", "script": {"exec": [
                      "pm.test('status', () => pm.response.to.have.status(200));"]}}]}],
    }
    for _ in range(2):
        summary = runner.run(collection, env_vars={"SANDBOX_NAME": "dev"})
        assert summary.exit_code == 0
        assert summary.stats["assertions"]["total"] == 1
        assert summary.executions[-1].response.code == 200
    assert callable(runner.run)


# --------------------------------------------------------------------------- aep_emulator/README.md

EMULATOR_README = (ROOT / "aep_emulator" / "README.md").read_text(encoding="utf-8")


def test_emulator_readme_lists_exactly_the_emulator_options() -> None:
    from aep_emulator.cli import _parser as emulator_parser

    usage = code_blocks(EMULATOR_README)[0][1]
    assert usage.startswith("python -m aep_emulator")
    listed = {flag for flag in FLAG.findall(usage.replace("[", " ")) if flag.startswith("--")}
    actual = {opt for opt in option_strings(emulator_parser()) if opt.startswith("--") and opt != "--help"}
    assert listed == actual, f"README only: {sorted(listed - actual)}; parser only: {sorted(actual - listed)}"


def test_emulator_readme_python_example_runs() -> None:
    """The ``running_emulator`` example, executed as written, then asked for a real answer."""
    import requests

    body = next(b for lang, b in code_blocks(EMULATOR_README) if lang == "python")
    namespace: dict = {}
    exec(compile(body + "\n    seen = requests.get(emu.base_url + '/no/such/path', timeout=10).status_code\n",
                 "aep_emulator/README.md", "exec"), {"requests": requests}, namespace)
    assert namespace["seen"] >= 400


# --------------------------------------------------------------------------- docs/architecture.md


def test_every_module_is_in_the_architecture_map() -> None:
    """A new module without a line in the map is how the map goes stale."""
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for path in sorted((ROOT / "runner").rglob("*.py")):
        rel = path.relative_to(ROOT / "runner")
        if rel.name == "__init__.py" and rel.parent == Path("."):
            continue
        name = rel.name if rel.name != "__init__.py" else f"{rel.parent.name}/"
        if f"`{name}`" not in architecture and f"`{rel.as_posix()}`" not in architecture:
            missing.append(f"runner/{rel.as_posix()}")
    for path in sorted((ROOT / "aep_emulator").glob("*.py")):
        if path.name != "__init__.py" and f"`{path.name}`" not in EMULATOR_README:
            missing.append(f"aep_emulator/{path.name}")
    assert not missing, f"modules not described in docs/architecture.md or aep_emulator/README.md: {missing}"
