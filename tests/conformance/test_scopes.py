"""Variable scopes under Newman and pmreplay: precedence, set/unset/clear, types, export."""

from __future__ import annotations

import pytest

from tests.support.conformance import DUMP_COLLECTION_VARIABLES, assert_same, collection, item, scope_file

pytestmark = pytest.mark.conformance

SCOPE_READS = [
    "const names = ['only_g', 'g_e', 'g_e_c', 'all', 'data_only', 'missing'];",
    "const out = {};",
    "names.forEach(n => { out[n] = [pm.variables.get(n), pm.globals.get(n), pm.environment.get(n),",
    "  pm.collectionVariables.get(n), pm.iterationData.get(n), pm.variables.has(n)]; });",
    "pm.environment.set('reads_' + pm.info.iteration, JSON.stringify(out));",
    "pm.test('replaceIn resolves across scopes', () => pm.expect(pm.variables.replaceIn('{{all}}-{{only_g}}-{{missing}}'))",
    "  .to.equal('local-g-{{missing}}'));",
]


def test_precedence_and_reads_match(conformance):
    doc = collection([
        item("set local", conformance.url + "/scopes/{{g_e_c}}?d={{data_only}}&a={{all}}",
             prerequest="pm.variables.set('all', 'local');", test=SCOPE_READS),
        item("local persists", conformance.url + "/scopes/next?a={{all}}",
             test="pm.environment.set('after_' + pm.info.iteration, pm.variables.get('all'));"),
    ], variables=[{"key": "g_e_c", "value": "c"}, {"key": "all", "value": "c"}])
    env = scope_file({"g_e": "e", "g_e_c": "e", "all": "e"})
    globs = scope_file({"only_g": "g", "g_e": "g", "g_e_c": "g", "all": "g"})
    data = [{"all": "row0", "data_only": "d0"}, {"data_only": "d1", "all": "row1"}]
    newman, ours = conformance.both(doc, environment=env, globals_doc=globs, data=data)
    assert_same(newman, ours)
    assert len(newman.wire) == 4 and newman.exit_code == 0


def test_set_unset_clear_and_types_export(conformance):
    lines = [
        "pm.environment.set('num', 5); pm.environment.set('bool', false); pm.environment.set('obj', {a: [1, 2]});",
        "pm.environment.set('arr', [1, 'x']); pm.environment.set('nul', null); pm.environment.set('str', 'v');",
        "pm.environment.set('undef', undefined);",
        "pm.environment.unset('gone'); pm.globals.clear(); pm.globals.set('after_clear', 1.5);",
        "pm.collectionVariables.set('cv_new', 'n'); pm.collectionVariables.unset('cv_old');",
        "pm.collectionVariables.set('cv_num', 3);",
        "pm.test('has', () => { pm.expect(pm.environment.has('num')).to.be.true;",
        "  pm.expect(pm.environment.has('gone')).to.be.false; pm.expect(pm.globals.has('g1')).to.be.false; });",
        "pm.test('toObject', () => pm.expect(pm.collectionVariables.toObject()).to.eql({keep: 'k', cv_new: 'n', cv_num: 3}));",
        "pm.test('env get types', () => { pm.expect(pm.environment.get('num')).to.be.a('number');",
        "  pm.expect(pm.environment.get('obj')).to.eql({a: [1, 2]}); });",
    ]
    doc = collection([item("scopes", conformance.url + "/types", test=lines)],
                     variables=[{"key": "keep", "value": "k"}, {"key": "cv_old", "value": "o"}],
                     events=[DUMP_COLLECTION_VARIABLES])
    env = scope_file([{"key": "gone", "value": "x", "type": "default"},
                      {"key": "typed", "value": "7", "type": "number"},
                      {"key": "secret", "value": "s3", "type": "secret"}])
    globs = scope_file({"g1": "1", "g2": "2"})
    newman, ours = conformance.both(doc, environment=env, globals_doc=globs)
    assert_same(newman, ours)
    assert newman.environment["num"] == ("any", 5)


def test_untouched_scopes_export_as_loaded(conformance):
    # no script touches the environment: the export keeps file types
    doc = collection([item("plain", conformance.url + "/plain?x={{x}}")])
    env = scope_file([{"key": "x", "value": "1", "type": "default"}, {"key": "n", "value": 2, "type": "number"},
                      {"key": "t", "value": "true", "type": "boolean"}, {"key": "off", "value": "o", "disabled": True}])
    newman, ours = conformance.both(doc, environment=env, flags=["--env-var", "cli=v"])
    assert_same(newman, ours, "wire", "environment", "globals")


def test_env_var_and_global_var_flags(conformance):
    doc = collection([item("flags", conformance.url + "/flags/{{e}}/{{g}}", test=[
        "pm.test('flags', () => pm.expect([pm.environment.get('e'), pm.globals.get('g')]).to.eql(['cli', 'gcli']));"])])
    newman, ours = conformance.both(doc, environment=scope_file({"e": "file"}), flags=[
        "--env-var", "e=cli", "--global-var", "g=gcli"])
    assert_same(newman, ours)


def test_csv_iterations_and_data_reads(conformance):
    csv = "id,name,zero\n1,alpha,007\n2,\"b,eta\",0.50\n"
    doc = collection([item("row", conformance.url + "/row/{{id}}?n={{name}}", test=[
        "pm.environment.set('row' + pm.info.iteration, JSON.stringify(pm.iterationData.toObject()));",
        "pm.environment.set('legacy' + iteration, JSON.stringify(data));",
        "pm.test('count ' + pm.info.iterationCount, () => pm.expect(pm.iterationData.has('id')).to.be.true);"])])
    newman, ours = conformance.both(doc, data=csv)
    assert_same(newman, ours)
    newman3, ours3 = conformance.both(doc, data=csv, flags=["-n", "3"])
    assert_same(newman3, ours3)
