"""Export and report paths that cannot be written: one-line errors, nothing half-written,
and exports over the loaded file keep what the user had (content, mode, symlinks).
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from runner.api import run
from runner.errors import PmreplayError
from tests.robustness.bases import SCHEMA_V21
from tests.robustness.support import assert_clean_cli_error, assert_one_line, pmreplay

EXPORTS = ("export_environment", "export_globals", "export_collection", "export_cookie_jar")


def _collection(url: str) -> dict:
    return {"info": {"name": "files", "schema": SCHEMA_V21},
            "variable": [{"key": "c", "value": "1"}],
            "item": [{"name": "set", "request": {"method": "GET", "url": f"{url}/cookies/set?k=v"},
                      "event": [{"listen": "test", "script": {"exec": [
                          "pm.environment.set('seen', 'yes'); pm.globals.set('g', 2);",
                          "pm.collectionVariables.set('c', 'changed');"]}}]}]}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith((".tmp", ".json")))


@pytest.mark.parametrize("option", EXPORTS)
def test_export_into_missing_directories_creates_them(echo_url, tmp_path, option):
    target = tmp_path / "new" / "deeper" / "out.json"
    run(_collection(echo_url), **{option: str(target)})
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data  # whole JSON


@pytest.mark.parametrize("option", EXPORTS)
@pytest.mark.parametrize("where", ["directory", "under a file"])
def test_unwritable_export_is_one_line_and_leaves_nothing(echo_url, tmp_path, option, where):
    (tmp_path / "afile").write_text("keep")
    (tmp_path / "adir").mkdir()
    target = tmp_path / "adir" if where == "directory" else tmp_path / "afile" / "out.json"
    with pytest.raises(PmreplayError) as info:
        run(_collection(echo_url), **{option: str(target)})
    assert_one_line(info.value, must_name=str(target))
    assert (tmp_path / "afile").read_text() == "keep"
    assert list((tmp_path / "adir").iterdir()) == []
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
@pytest.mark.parametrize("option", EXPORTS)
def test_read_only_directory(echo_url, tmp_path, option):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PmreplayError) as info:
            run(_collection(echo_url), **{option: str(folder / "out.json")})
        assert_one_line(info.value, must_name=str(folder / "out.json"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_export_over_the_loaded_file_keeps_mode_and_symlink(echo_url, tmp_path):
    real = tmp_path / "real.postman_environment.json"
    real.write_text(json.dumps({"name": "mine", "values": [{"key": "a", "value": "1", "enabled": True}]}))
    real.chmod(0o640)
    link = tmp_path / "env.json"
    link.symlink_to(real.name)
    globals_file = tmp_path / "globals.json"
    globals_file.write_text(json.dumps({"values": [{"key": "g", "value": "1"}]}))
    collection_file = tmp_path / "c.json"
    collection_file.write_text(json.dumps(_collection(echo_url)))
    run(str(collection_file), environment=str(link), globals=str(globals_file), export_environment=str(link),
        export_globals=str(globals_file), export_collection=str(collection_file))
    assert link.is_symlink() and os.readlink(link) == real.name
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    values = {v["key"]: v["value"] for v in json.loads(real.read_text())["values"]}
    assert values == {"a": "1", "seen": "yes"}
    assert {v["key"]: v["value"] for v in json.loads(globals_file.read_text())["values"]}["g"] == 2
    exported = json.loads(collection_file.read_text())
    assert {v["key"]: v["value"] for v in exported["variable"]}["c"] == "changed"
    assert _leftovers(tmp_path) == []


def test_exports_to_a_fifo_write_through_it(echo_url, tmp_path):
    """Like ``--export-environment /dev/stdout``: the special file is written, not replaced."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    run(_collection(echo_url), export_environment=str(fifo))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["values"][0]["key"] == "seen"


@pytest.mark.parametrize("reporter,ext", [("json", "json"), ("junit", "xml"), ("html", "html")])
def test_report_export_to_a_directory_writes_inside_like_newman(echo_url, tmp_path, reporter, ext):
    out = tmp_path / "reports"
    out.mkdir()
    run(_collection(echo_url), reporters=[reporter], reporter_options={reporter: {"export": str(out)}})
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].suffix == f".{ext}" and files[0].stat().st_size > 0


@pytest.mark.parametrize("flag", ["--export-environment", "--export-globals", "--export-collection",
                                  "--export-cookie-jar", "--reporter-json-export", "--reporter-junit-export"])
def test_cli_unwritable_paths(echo_url, tmp_path, flag):
    path = tmp_path / "c.json"
    path.write_text(json.dumps(_collection(echo_url)))
    (tmp_path / "afile").write_text("keep")
    reporters = ["-r", flag.split("-")[3]] if flag.startswith("--reporter-") else []
    result = pmreplay("run", str(path), *reporters, flag, str(tmp_path / "afile" / "out"))
    assert_clean_cli_error(result, must_contain="afile")
    assert (tmp_path / "afile").read_text() == "keep"
