"""The report's Handlebars subset for ``pm.visualizer`` templates, checked against real Handlebars.

The differential test installs handlebars 4.7.8 from npm into ~/.cache (as Postman's app uses
Handlebars 4) and skips with the reason when node or npm is missing or the install fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from runner.reporters._visualizer import Unsupported, render_template

ROWS = {"rows": [{"name": "Ada <L>", "age": 36, "tags": ["a", "b"], "ok": True},
                 {"name": "Grace", "age": 0, "tags": [], "ok": False, "note": None}],
        "title": "People & \"things\"", "meta": {"count": 2, "by": {"who": "x=y`z'"}}, "empty": [], "obj": {}}

CASES = [
    ("<h1>{{title}}</h1>", ROWS),
    ("{{{title}}} {{& title}}", ROWS),
    ("<table>{{#each rows}}<tr><td>{{@index}}</td><td>{{name}}</td><td>{{age}}</td><td>{{tags}}</td></tr>{{/each}}</table>", ROWS),
    ("{{#each rows}}{{#if ok}}yes{{else}}no{{/if}}{{#unless tags}}-none{{/unless}};{{/each}}", ROWS),
    ("{{#each rows}}{{#if @first}}[{{/if}}{{this.name}}/{{../title}}{{#if @last}}]{{/if}}{{/each}}", ROWS),
    ("{{#each meta}}{{@key}}={{this}},{{/each}}", ROWS),
    ("{{#with meta.by}}{{who}}{{/with}}|{{meta/by/who}}|{{meta.count}}", ROWS),
    ("{{#each empty}}x{{else}}nothing{{/each}} {{#if obj}}obj-true{{/if}} {{#if empty}}e{{else}}empty-false{{/if}}", ROWS),
    ("{{! a comment }}{{!-- another --}}a  {{~title~}}  b", ROWS),
    ("{{missing}}|{{rows.5.name}}|{{rows.0.note}}|{{rows.1.note}}|{{rows.length}}", ROWS),
    ("{{#each this}}{{name}} {{/each}}", [{"name": "top"}, {"name": "level"}]),
    ("{{this}} {{[weird-key]}} {{a.[0]}}", {"weird-key": 1.5, "a": ["first"]}),
    ("{{#each rows}}{{#each tags}}{{../name}}:{{this}}@{{@index}} {{/each}}{{/each}}", ROWS),
    ("{{#with missing}}x{{else}}no with{{/with}} {{true_}}{{n}}", {"true_": True, "n": 2.0}),
]


def _handlebars() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are needed to compare with real Handlebars")
    folder = Path.home() / ".cache" / "pmreplay-handlebars"
    if not (folder / "node_modules" / "handlebars" / "package.json").exists():
        folder.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder),
                                    "handlebars@4.7.8"], capture_output=True, text=True, timeout=300)
        if installed.returncode != 0:
            pytest.skip(f"npm could not install handlebars: {installed.stderr.strip()[-200:]}")
    return folder


def test_same_output_as_handlebars():
    folder = _handlebars()
    script = ("const H=require('handlebars');let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{"
              "process.stdout.write(JSON.stringify(JSON.parse(s).map(([t,d])=>H.compile(t)(d))));});")
    result = subprocess.run(["node", "-e", script], input=json.dumps(CASES), capture_output=True, text=True,
                            cwd=folder, timeout=60)
    assert result.returncode == 0, result.stderr
    expected = json.loads(result.stdout)
    for (template, data), want in zip(CASES, expected, strict=True):
        assert render_template(template, data) == want, template


def test_escapes_what_it_prints():
    assert render_template("<b>{{v}}</b>", {"v": "<script>x</script>"}) == "<b>&lt;script&gt;x&lt;/script&gt;</b>"


@pytest.mark.parametrize("template", [
    "{{#each rows}}x", "{{/each}}", "{{> partial}}", "{{formatDate when}}", "{{#custom x}}y{{/custom}}",
    "{{#if a}}x{{/each}}", "{{{raw}}", "{{else}}",
])
def test_outside_the_subset_is_refused(template):
    with pytest.raises(Unsupported):
        render_template(template, {})
