"""Flow control under Newman and pmreplay: setNextRequest loops and jumps, skipRequest, bail, iterations."""

from __future__ import annotations

import pytest

from tests.support.conformance import assert_same, collection, item, scope_file

pytestmark = pytest.mark.conformance


def test_set_next_request_loop_and_jumps(conformance):
    url = conformance.url
    doc = collection([
        item("start", url + "/start", test="pm.environment.set('n', 0);"),
        item("loop", url + "/loop?n={{n}}", test=[
            "const n = pm.environment.get('n') + 1; pm.environment.set('n', n);",
            "pm.test('loop ' + n, () => pm.expect(n).to.be.below(4));",
            "if (n < 3) { postman.setNextRequest('loop'); }"]),
        item("jump over", url + "/jump", test="pm.execution.setNextRequest('target');"),
        item("skipped by jump", url + "/never"),
        {"name": "folder", "item": [
            item("target", url + "/target", prerequest="pm.execution.setNextRequest('ignored-by-test');",
                 test="pm.execution.setNextRequest('by id');"),
            item("between", url + "/between"),
        ]},
        {"id": "fixed-id", **item("by id", url + "/by-id", test="pm.execution.setNextRequest(null);")},
        item("after null", url + "/after-null"),
    ])
    newman, ours = conformance.both(doc, flags=["-n", "2"])
    assert_same(newman, ours)
    assert ("GET", "/never") not in newman.wire


@pytest.mark.parametrize("target", ["no such request", "prerequest only"])
def test_set_next_request_unknown_or_prerequest(conformance, target):
    url = conformance.url
    doc = collection([
        item("one", url + "/one", prerequest="pm.execution.setNextRequest('three');",
             test=f"if ('{target}' === 'no such request') pm.execution.setNextRequest('{target}');"),
        item("two", url + "/two"),
        item("three", url + "/three", test="pm.test('three ran', () => {});"),
    ])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)


def test_skip_request_in_item_folder_and_collection_scripts(conformance):
    url = conformance.url
    doc = collection([
        item("skip me", url + "/skipped", prerequest=[
            "pm.environment.set('before_skip', 1); pm.execution.skipRequest(); pm.environment.set('after_skip', 1);"],
            test="pm.test('test script of a skipped request', () => {});"),
        {"name": "skipping folder", "event": [{"listen": "prerequest", "script": {"exec": [
            "if (pm.info.requestName === 'in folder') pm.execution.skipRequest();"]}}],
         "item": [item("in folder", url + "/in-folder", prerequest="pm.environment.set('item_pre_ran', true);"),
                  item("sibling", url + "/sibling")]},
        item("normal", url + "/normal", test="pm.test('normal', () => pm.response.to.have.status(200));"),
    ], events=[{"listen": "prerequest", "script": {"exec": [
        "pm.environment.set('pre_' + pm.info.requestName, (pm.environment.get('pre_' + pm.info.requestName) || 0) + 1);"]}}])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)


BAIL_ITEMS = [
    ("fails", "/status/500", None, "pm.test('is 200', () => pm.response.to.have.status(200));"),
    ("errors", "/x", "undefinedFunction();", None),
    ("refused", "http://127.0.0.1:9/refused", None, None),
    ("last", "/last", None, None),
]


def _bail_collection(url: str) -> dict:
    return collection([item(name, path if path.startswith("http") else url + path, prerequest=pre, test=test)
                       for name, path, pre, test in BAIL_ITEMS])


@pytest.mark.parametrize("bail", [[], ["--bail", "folder,failure"]])
def test_bail_modes(conformance, bail):
    newman, ours = conformance.both(_bail_collection(conformance.url), flags=[*bail, "-n", "2"])
    if bail:
        # both stop after the first failed assertion; Newman then loses its report (test_deliberate.py)
        assert_same(newman, ours, "wire")
        assert newman.summary == {} and ours.failures
    else:
        assert_same(newman, ours)
    assert newman.exit_code == ours.exit_code == 1


def test_data_iterations_with_delay_and_folder(conformance):
    url = conformance.url
    doc = collection([
        {"name": "A", "item": [item("a1", url + "/a1?v={{v}}"), item("a2", url + "/a2")]},
        {"name": "B", "item": [item("b1", url + "/b1?v={{v}}", test="pm.test('it ' + pm.info.iteration, () => {});")]},
        item("top", url + "/top"),
    ], events=[{"listen": "test", "script": {"exec": [
        "pm.environment.set('seen', (pm.environment.get('seen') || '') + pm.info.requestName + pm.info.iteration);"]}}])
    data = [{"v": "one"}, {"v": "two"}]
    newman, ours = conformance.both(doc, data=data, environment=scope_file({}),
                                    flags=["--folder", "B", "--folder", "a2", "--delay-request", "1"])
    assert_same(newman, ours)


def test_skip_request_ends_the_script_and_is_missing_in_tests(conformance):
    url = conformance.url
    doc = collection([
        item("skip", url + "/skip", prerequest=[
            "pm.environment.set('a', 1); pm.execution.skipRequest(); pm.environment.set('b', 1);",
            "pm.test('after skip', () => {}); console.log('after'); pm.variables.set('loc', 1);",
            "setTimeout(() => pm.environment.set('timer', 1), 1);"]),
        item("in test", url + "/t", test=[
            "pm.environment.set('c', pm.variables.get('loc') || 'none'); pm.execution.skipRequest();",
            "pm.environment.set('d', 1);"]),
    ])
    newman, ours = conformance.both(doc)
    assert_same(newman, ours)
    assert newman.failures[0][3:] == ("TypeError", "pm.execution.skipRequest is not a function")
