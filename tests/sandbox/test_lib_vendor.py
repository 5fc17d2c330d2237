"""lodash and moment in the sandbox: vendored from the XStatic PyPI packages, plus our shims."""

from __future__ import annotations

import pytest

from runner.sandbox.libs_vendor import vendored_modules
from tests.sandbox.test_lib_common import assert_same, run_node, run_ours

FILES = ["vendor-shims.js"]

LODASH_CASES = [
    "require('lodash').get({a: {b: [{c: 3}]}}, 'a.b[0].c')",
    "require('lodash').get({a: 1}, 'x.y', 'dflt')",
    "require('lodash').has({a: {b: 1}}, 'a.b')",
    "require('lodash').set({}, 'a.b[1].c', 5)",
    "require('lodash').pick({a: 1, b: 2, c: 3}, ['a', 'c'])",
    "require('lodash').omit({a: 1, b: 2, c: 3}, 'b')",
    "require('lodash').map([{n: 1}, {n: 2}], 'n')",
    "require('lodash').filter([{a: 1, ok: true}, {a: 2, ok: false}], {ok: true})",
    "require('lodash').find([{id: 1}, {id: 2}], ['id', 2])",
    "require('lodash').findIndex([5, 7, 9], function (x) { return x > 6; })",
    "require('lodash').sortBy([{n: 'b', v: 2}, {n: 'a', v: 2}, {n: 'c', v: 1}], ['v', 'n'])",
    "require('lodash').orderBy([{n: 'b', v: 2}, {n: 'a', v: 1}], ['v'], ['desc'])",
    "require('lodash').groupBy([1.3, 2.1, 2.4], Math.floor)",
    "require('lodash').keyBy([{id: 'a', v: 1}, {id: 'b', v: 2}], 'id')",
    "require('lodash').countBy(['one', 'two', 'three'], 'length')",
    "require('lodash').uniq([2, 1, 2, 3, 1])",
    "require('lodash').uniqBy([{x: 1}, {x: 2}, {x: 1}], 'x')",
    "require('lodash').difference([1, 2, 3], [2])",
    "require('lodash').intersection([1, 2, 3], [2, 3, 4])",
    "require('lodash').union([1, 2], [2, 3])",
    "require('lodash').flatten([1, [2, [3]]])",
    "require('lodash').flattenDeep([1, [2, [3, [4]]]])",
    "require('lodash').chunk([1, 2, 3, 4, 5], 2)",
    "require('lodash').zip(['a', 'b'], [1, 2])",
    "require('lodash').zipObject(['a', 'b'], [1, 2])",
    "require('lodash').merge({a: {b: 1, c: [1]}}, {a: {d: 2, c: [9, 8]}})",
    "require('lodash').defaults({a: 1}, {a: 2, b: 3})",
    "require('lodash').cloneDeep({a: [1, {b: 2}]})",
    "require('lodash').isEqual({a: [1, 2]}, {a: [1, 2]})",
    "[require('lodash').isEmpty({}), require('lodash').isEmpty([1]), require('lodash').isEmpty(''), require('lodash').isEmpty(null)]",
    "[require('lodash').isString('x'), require('lodash').isNumber(NaN), require('lodash').isPlainObject({}), require('lodash').isArray([]), require('lodash').isNil(undefined), require('lodash').isInteger(1.5)]",
    "require('lodash').camelCase('Foo Bar-baz')",
    "require('lodash').snakeCase('fooBar Baz')",
    "require('lodash').kebabCase('Foo Bar')",
    "require('lodash').startCase('foo_bar')",
    "require('lodash').capitalize('hELLO')",
    "require('lodash').padStart('5', 3, '0')",
    "require('lodash').truncate('hi-diddly-ho there, neighborino', {length: 24, separator: ' '})",
    "require('lodash').trim('  x  ')",
    "require('lodash').template('hello <%= user %>!')({user: 'ada'})",
    "require('lodash').escape('<a href=\"x\">&</a>')",
    "require('lodash').range(0, 10, 3)",
    "require('lodash').times(3, String)",
    "require('lodash').sum([1, 2, 3])",
    "require('lodash').sumBy([{n: 1}, {n: 2}], 'n')",
    "require('lodash').maxBy([{n: 1}, {n: 5}], 'n')",
    "require('lodash').mean([1, 2, 3, 4])",
    "require('lodash').round(4.006, 2)",
    "require('lodash').clamp(10, -5, 5)",
    "require('lodash').inRange(3, 2, 4)",
    "require('lodash').mapValues({a: 1, b: 2}, function (v) { return v * 10; })",
    "require('lodash').mapKeys({a: 1}, function (v, k) { return k + v; })",
    "require('lodash').invert({a: 'x', b: 'y'})",
    "require('lodash').toPairs({a: 1, b: 2})",
    "require('lodash').fromPairs([['a', 1], ['b', 2]])",
    "require('lodash').partition([1, 2, 3, 4], function (n) { return n % 2; })",
    "require('lodash').reduce([1, 2, 3], function (s, n) { return s + n; }, 10)",
    "require('lodash').chain([3, 1, 2]).sortBy().map(function (n) { return n * 2; }).value()",
    "require('lodash')([1, 2, 3]).filter(function (n) { return n > 1; }).value()",
    "require('lodash').includes([1, 2, 3], 2)",
    "require('lodash').every([true, 1], Boolean)",
    "require('lodash').some([null, 0, 'x'], Boolean)",
    "require('lodash').size({a: 1, b: 2})",
    "require('lodash').last([1, 2, 3])",
    "require('lodash').take([1, 2, 3], 2)",
    "require('lodash').without([1, 2, 1, 3], 1)",
    "require('lodash').compact([0, 1, false, 2, '', 3])",
    "require('lodash').toNumber('3.2')",
    "require('lodash').toString([1, 2])",
    "require('lodash').isMatch({a: 1, b: 2}, {b: 2})",
    "require('lodash').xor([2, 1], [2, 3])",
    "require('lodash').unset({a: {b: 1}}, 'a.b')",
    "typeof require('lodash').uniqueId()",
    "require('lodash').VERSION.split('.')[0]",
]

MOMENT_CASES = [
    "require('moment').utc('2024-03-05T07:08:09.123Z').format()",
    "require('moment').utc('2024-03-05T07:08:09.123Z').format('YYYY-MM-DD HH:mm:ss.SSS')",
    "require('moment').utc('2024-03-05T07:08:09Z').format('dddd, MMMM Do YYYY, h:mm:ss a')",
    "require('moment').utc('2024-03-05T07:08:09Z').format('ddd MMM D YY [at] hA Z ZZ X x')",
    "require('moment').utc('2024-03-05T07:08:09Z').toISOString()",
    "require('moment').utc('2024-03-05T07:08:09Z').unix()",
    "require('moment').utc('2024-03-05T07:08:09Z').valueOf()",
    "require('moment').utc('2024-01-31T00:00:00Z').add(1, 'month').format('YYYY-MM-DD')",
    "require('moment').utc('2024-03-05T00:00:00Z').subtract(10, 'days').format('YYYY-MM-DD')",
    "require('moment').utc('2024-03-05T10:11:12Z').startOf('day').toISOString()",
    "require('moment').utc('2024-03-05T10:11:12Z').endOf('month').toISOString()",
    "require('moment').utc('2024-03-06T10:11:12Z').startOf('isoWeek').format('YYYY-MM-DD')",
    "require('moment').utc('2024-03-05').diff(require('moment').utc('2024-01-01'), 'days')",
    "require('moment').utc('2024-03-05').diff(require('moment').utc('2023-01-01'), 'months', true)",
    "require('moment').utc('2024-03-05').isBefore('2024-03-06')",
    "require('moment').utc('2024-03-05').isAfter('2024-03-06')",
    "require('moment').utc('2024-03-05').isSame('2024-03-05T23:00:00Z', 'day')",
    "require('moment').utc('2024-03-05').isBetween('2024-03-01', '2024-03-10')",
    "require('moment').utc('2024-03-10').isBetween('2024-03-01', '2024-03-10', null, '[]')",
    "require('moment').utc('2024-03-05').isSameOrAfter('2024-03-05')",
    "require('moment').utc('2024-03-05').isSameOrBefore('2024-03-04')",
    "require('moment')('2024-02-30', 'YYYY-MM-DD', true).isValid()",
    "require('moment')('05/03/2024', 'DD/MM/YYYY').format('YYYY-MM-DD')",
    "require('moment').utc('2024-03-05T07:08:09Z').utcOffset(120).format()",
    "require('moment').utc('2024-03-05T07:08:09Z').utcOffset('-03:30').format()",
    "require('moment').utc('2024-03-05T07:08:09Z').utcOffset()",
    "require('moment').utc('2024-03-05T07:08:09.5Z').toObject()",
    "require('moment').utc('2024-03-01').to(require('moment').utc('2024-03-04'))",
    "require('moment').utc('2024-03-01').from(require('moment').utc('2024-03-04'))",
    "require('moment').duration(90, 'minutes').asHours()",
    "require('moment').duration(3661, 'seconds').hours()",
    "require('moment').duration(2, 'days').humanize()",
    "require('moment').duration({hours: 1, minutes: 30}).toISOString()",
    "require('moment').unix(1700000000).utc().format()",
    "require('moment').utc([2024, 0, 15]).format('L LT')",
    "require('moment').utc('2024-03-05T07:08:09Z').day()",
    "require('moment').utc('2024-03-05T07:08:09Z').isoWeek()",
    "require('moment').utc('2024-03-05T07:08:09Z').dayOfYear()",
    "require('moment').utc('2024-03-05T07:08:09Z').daysInMonth()",
    "require('moment').isMoment(require('moment')())",
    "require('moment').isDate(new Date())",
    "require('moment').utc('2024-03-05T07:08:09Z').toJSON()",
    "require('moment').utc('2024-03-05T07:08:09Z').clone().add(1, 'h').hours()",
    "require('moment').max(require('moment').utc('2024-01-01'), require('moment').utc('2024-02-01')).toISOString()",
    "require('moment').utc('2024-03-05T07:08:09Z').isUTC()",
    "require('moment').HTML5_FMT.DATE",
    "require('moment').utc('2024-03-05T07:08:09Z').inspect()",
    "require('moment').utc('2024-03-05T07:08:09Z').utcOffset(60).inspect()",
    "require('moment').utc('2024-03-05T07:08:09Z').format(require('moment').HTML5_FMT.DATETIME_LOCAL_SECONDS)",
]


def test_vendored_sources_come_from_the_xstatic_packages() -> None:
    modules = dict(vendored_modules())
    assert set(modules) == {"lodash", "moment"}
    assert modules["lodash"].startswith('__pmr_define("lodash"')
    assert "4.16.4" in modules["lodash"] and "2.8.4" in modules["moment"]


def test_vendored_libraries_do_not_leak_globals() -> None:
    cases = [
        "[typeof require('lodash').chunk, typeof require('moment').utc]",
        "[typeof _, typeof moment, typeof module, typeof exports, typeof define]",
        "require('lodash') === require('lodash')",
    ]
    assert run_ours(cases, FILES, vendored=True) == [
        ["function", "function"],
        ["undefined", "undefined", "undefined", "undefined", "undefined"],
        True,
    ]


def test_lodash_and_moment_literal_values() -> None:
    cases = [
        "require('lodash').get({a: {b: [{c: 3}]}}, 'a.b[0].c')",
        "require('lodash').sortBy([{n: 'b', v: 2}, {n: 'a', v: 2}, {n: 'c', v: 1}], ['v', 'n']).map(function (o) { return o.n; })",
        "require('lodash').template('hello <%= user %>!')({user: 'ada'})",
        "require('moment').utc('2024-03-05T07:08:09.123Z').format('YYYY-MM-DD HH:mm:ss.SSS')",
        "require('moment').utc('2024-01-31T00:00:00Z').add(1, 'month').format('YYYY-MM-DD')",
        "require('moment').utc('2024-03-05').isBetween('2024-03-01', '2024-03-10')",
        "require('moment').utc('2024-03-05T07:08:09Z').utcOffset(120).format()",
        "require('moment').utc('2024-03-01').to(require('moment').utc('2024-03-04'))",
    ]
    assert run_ours(cases, FILES, vendored=True) == [
        3,
        ["c", "a", "b"],
        "hello ada!",
        "2024-03-05 07:08:09.123",
        "2024-02-29",
        True,
        "2024-03-05T09:08:09+02:00",
        "in 3 days",
    ]


@pytest.mark.conformance
def test_lodash_same_as_lodash_4_17() -> None:
    cases = LODASH_CASES
    assert_same(cases, run_ours(cases, FILES, vendored=True), run_node(cases, {"lodash": "lodash@4"}))


@pytest.mark.conformance
def test_moment_same_as_moment_2() -> None:
    cases = MOMENT_CASES
    assert_same(cases, run_ours(cases, FILES, vendored=True), run_node(cases, {"moment": "moment@2"}))


# lodash 3.10 names and call shapes, for the `_` global Postman scripts see
LODASH3_EXPRS = [
    "_.pluck([{a: 1}, {a: 2}], 'a')",
    '_.where([{a: 1, b: 2}, {a: 1, b: 3}, {a: 2}], {a: 1})',
    '_.findWhere([{a: 1, b: 2}, {a: 1, b: 3}], {b: 3})',
    "_.indexBy([{id: 'x'}, {id: 'y'}], 'id')",
    '_.pairs({a: 1, b: 2})',
    "_.sortByOrder([{n: 'b', v: 1}, {n: 'a', v: 2}], ['v'], [false])",
    "_.sortByAll([{n: 'b', v: 1}, {n: 'a', v: 1}], ['v', 'n'])",
    '_.contains([1, 2, 3], 2)',
    "_.include('abc', 'b')",
    '_.any([0, 1])',
    '_.all([1, 0])',
    '_.detect([1, 2, 3], function (n) { return n > 1; })',
    '_.foldl([1, 2, 3], function (s, n) { return s + n; })',
    "_.padLeft('5', 3, '0')",
    "_.padRight('5', 3, '0')",
    "_.trimLeft('  x ')",
    "_.trunc('hi-diddly-ho there, neighborino', 24)",
    "_.object([['a', 1], ['b', 2]])",
    "_.object(['a', 'b'], [1, 2])",
    '_.uniq([1, 2, 1, 3])',
    "_.uniq([{x: 1}, {x: 1}, {x: 2}], 'x')",
    '_.unique([2.1, 2.4, 3.1], Math.floor)',
    "_.max([{n: 1}, {n: 5}], 'n')",
    '_.max([1, 5, 3])',
    '_.max([])',
    '_.min([{n: 1}, {n: 5}], function (o) { return o.n; })',
    "_.sum([{n: 1}, {n: 5}], 'n')",
    '_.sum([1, 2])',
    '_.flatten([1, [2, [3]]], true)',
    '_.flatten([1, [2, [3]]])',
    "_.pick({a: 1, b: 'x'}, _.isNumber)",
    "_.omit({a: 1, b: 'x'}, _.isNumber)",
    "_.pick({a: 1, b: 2}, 'a')",
    "_.capitalize('hELLO')",
    '_.first([1, 2, 3])',
    '_.last([1, 2, 3])',
    '_.rest([1, 2, 3])',
    '_.methods({f: function () {}, x: 1})',
    "_([{a: 1}, {a: 2}]).pluck('a').value()",
    "_.get({a: {b: 1}}, 'a.b')",
    '_.map([1, 2], function (n) { return n * 2; })',
    '_.filter([1, 2, 3], function (n) { return n % 2; })',
    '_.keys({a: 1, b: 2})',
    '_.isEqual({a: [1]}, {a: [1]})',
    '_.merge({a: {b: 1}}, {a: {c: 2}})',
    '_.range(3)',
    '_.compose(function (x) { return x + 1; }, function (x) { return x * 2; })(3)',
    '_.includes([1, 2], 2)',
]
LODASH3_CASES = ["(function(){ var _ = require('lodash3'); return " + e + "; })()" for e in LODASH3_EXPRS]


def test_lodash3_keeps_require_lodash_untouched() -> None:
    cases = [
        "[typeof require('lodash3').pluck, typeof require('lodash').pluck, require('lodash3') === require('lodash')]",
        "require('lodash3').pluck([{a: 1}, {a: 2}], 'a')",
        "require('lodash3').max([])",
        "require('lodash3').capitalize('hELLO') + ' ' + require('lodash').capitalize('hELLO')",
    ]
    assert run_ours(cases, FILES, vendored=True) == [["function", "undefined", False], [1, 2], {"number": "-Infinity"}, "HELLO Hello"]


@pytest.mark.conformance
def test_lodash3_same_as_lodash_3_10() -> None:
    cases = LODASH3_CASES
    assert_same(cases, run_ours(cases, FILES, vendored=True), run_node(cases, {"lodash3": "lodash3@3.10.2"}))


def test_moment_inspect_like_moment_2_30() -> None:
    cases = ["require('moment').utc('2024-01-02T03:04:05Z').inspect()"]
    assert run_ours(cases, FILES, vendored=True) == ['moment.utc("2024-01-02T03:04:05.000+00:00")']


def test_missing_xstatic_package_is_a_one_line_error() -> None:
    from runner.errors import PmreplayError
    from runner.sandbox.libs_vendor import _package_file

    with pytest.raises(PmreplayError) as info:
        _package_file("xstatic.pkg.no_such_library", "x.js")
    assert "XStatic-no_such_library" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(PmreplayError, match="has no missing.js"):
        _package_file("xstatic.pkg.lodash", "missing.js")
