/*
 * Node's `assert` module for Postman scripts.
 * Why: some collections test with require('assert') instead of pm.expect; a failure must be
 * an AssertionError carrying actual/expected/operator and a Node-like message so the test
 * report reads the same as under Newman (whose sandbox bundles the `assert` 2.0 module, a
 * port of Node 10's). Written for pmreplay on top of our `util`.
 */
__pmr_define("assert", function (require) {
  "use strict";
  var util = require("util");
  var inspect = util.inspect;
  var deepEqual = util.__pmr_deepEqual;

  function AssertionError(options) {
    if (!(this instanceof AssertionError)) return new AssertionError(options);
    options = options || {};
    var msg = options.message;
    var generated = msg === undefined || msg === null;
    if (generated) msg = defaultMessage(options.actual, options.expected, options.operator);
    var err = new Error(String(msg));
    Object.setPrototypeOf(err, AssertionError.prototype);
    Object.defineProperty(err, "name", { value: "AssertionError", writable: true, configurable: true, enumerable: false });
    err.generatedMessage = generated;
    err.code = "ERR_ASSERTION";
    err.actual = options.actual;
    err.expected = options.expected;
    err.operator = options.operator;
    if (err.stack) err.stack = "AssertionError [ERR_ASSERTION]: " + err.message + err.stack.slice(err.stack.indexOf("\n"));
    return err;
  }
  AssertionError.prototype = Object.create(Error.prototype, {
    constructor: { value: AssertionError, writable: true, configurable: true },
    name: { value: "AssertionError", writable: true, configurable: true }
  });
  AssertionError.prototype.toString = function () { return "AssertionError [ERR_ASSERTION]: " + this.message; };

  function multi(v) {
    return inspect(v, { depth: 1000 });
  }

  // Lines prefixed "+ " (actual only), "- " (expected only), "  " (both), like Node's diff.
  function diff(actual, expected) {
    var a = expandedInspect(actual).split("\n");
    var e = expandedInspect(expected).split("\n");
    var n = a.length, m = e.length;
    var lcs = [];
    for (var i = 0; i <= n; i++) { lcs.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) {
      for (var j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === e[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    var out = [];
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === e[j]) { out.push("  " + a[i]); i++; j++; }
      else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) { out.push("+ " + a[i]); i++; }
      else { out.push("- " + e[j]); j++; }
    }
    return out.join("\n");
  }

  // Objects are shown one property per line so the diff lines up on properties.
  function expandedInspect(v) {
    if (v === null || typeof v !== "object") return inspect(v);
    var isArr = Array.isArray(v);
    var keys = Object.keys(v);
    if (!keys.length) return isArr ? "[]" : "{}";
    var lines = [isArr ? "[" : "{"];
    keys.forEach(function (k) {
      var inner = expandedInspect(v[k]).split("\n").join("\n  ");
      lines.push("  " + (isArr ? "" : (/^[A-Za-z_$][\w$]*$/.test(k) ? k : inspect(k)) + ": ") + inner + ",");
    });
    lines[lines.length - 1] = lines[lines.length - 1].replace(/,$/, "");
    lines.push(isArr ? "]" : "}");
    return lines.join("\n");
  }

  function defaultMessage(actual, expected, operator) {
    switch (operator) {
      case "==": return inspect(actual) + " == " + inspect(expected);
      case "!=": return inspect(actual) + " != " + inspect(expected);
      case "strictEqual":
        if (typeof actual !== "object" && typeof expected !== "object" || actual === null || expected === null) {
          return "Expected values to be strictly equal:\n\n" + inspect(actual) + " !== " + inspect(expected) + "\n";
        }
        return "Expected values to be strictly equal:\n+ actual - expected\n\n" + diff(actual, expected);
      case "notStrictEqual":
        return 'Expected "actual" to be strictly unequal to: ' + inspect(expected);
      case "deepStrictEqual":
        return "Expected values to be strictly deep-equal:\n+ actual - expected\n\n" + diff(actual, expected);
      case "deepEqual":
        // worded like the assert 2.0 module Postman bundles (Node 10's text)
        return "Expected values to be loosely deep-equal:\n\n" + multi(actual) + "\n\nshould equal\n\n" + multi(expected);
      case "notDeepStrictEqual":
        return 'Expected "actual" not to be strictly deep-equal to: ' + inspect(expected);
      case "notDeepEqual":
        return 'Expected "actual" not to be loosely deep-equal to: ' + inspect(expected);
      case "fail": return "Failed";
      default: return inspect(actual) + " " + operator + " " + inspect(expected);
    }
  }

  function fail(options, stackStart) {
    if (options.message instanceof Error) throw options.message;
    throw new AssertionError(options);
  }

  function ok(value, message) {
    if (arguments.length === 0) {
      fail({ message: "No value argument passed to `assert.ok()`", actual: undefined, expected: true, operator: "==" });
    }
    if (!value) {
      fail({
        // without access to the caller's source, assert 2.0 (Postman's) says "<value> == true"
        message: message === undefined ? inspect(value) + " == true" : message,
        actual: value, expected: true, operator: "=="
      });
    }
  }

  var assert = function assert(value, message) {
    if (arguments.length === 0) ok();
    else ok(value, message);
  };
  assert.ok = function (value, message) {
    if (arguments.length === 0) ok();
    else ok(value, message);
  };
  assert.AssertionError = AssertionError;

  assert.fail = function (message) {
    if (arguments.length >= 2) {
      // the deprecated (actual, expected, message, operator) form
      var operator = arguments[3] === undefined ? "!=" : arguments[3];
      fail({ actual: arguments[0], expected: arguments[1], message: arguments.length === 2 ? undefined : arguments[2], operator: operator });
    }
    var err = new AssertionError({ message: message === undefined ? "Failed" : message, operator: "fail" });
    err.generatedMessage = message === undefined;
    if (message instanceof Error) throw message;
    throw err;
  };
  assert.equal = function (actual, expected, message) {
    if (!(actual == expected || (actual !== actual && expected !== expected))) fail({ actual: actual, expected: expected, message: message, operator: "==" });
  };
  assert.notEqual = function (actual, expected, message) {
    if (actual == expected || (actual !== actual && expected !== expected)) fail({ actual: actual, expected: expected, message: message, operator: "!=" });
  };
  assert.strictEqual = function (actual, expected, message) {
    if (!Object.is(actual, expected)) fail({ actual: actual, expected: expected, message: message, operator: "strictEqual" });
  };
  assert.notStrictEqual = function (actual, expected, message) {
    if (Object.is(actual, expected)) fail({ actual: actual, expected: expected, message: message, operator: "notStrictEqual" });
  };
  assert.deepEqual = function (actual, expected, message) {
    if (!deepEqual(actual, expected, false)) fail({ actual: actual, expected: expected, message: message, operator: "deepEqual" });
  };
  assert.notDeepEqual = function (actual, expected, message) {
    if (deepEqual(actual, expected, false)) fail({ actual: actual, expected: expected, message: message, operator: "notDeepEqual" });
  };
  assert.deepStrictEqual = function (actual, expected, message) {
    if (!deepEqual(actual, expected, true)) fail({ actual: actual, expected: expected, message: message, operator: "deepStrictEqual" });
  };
  assert.notDeepStrictEqual = function (actual, expected, message) {
    if (deepEqual(actual, expected, true)) fail({ actual: actual, expected: expected, message: message, operator: "notDeepStrictEqual" });
  };
  assert.match = function (string, regexp, message) {
    if (typeof string !== "string" || !regexp.test(string)) {
      fail({
        actual: string, expected: regexp, operator: "match",
        message: message !== undefined ? message : typeof string !== "string"
          ? 'The "string" argument must be of type string. Received type ' + typeof string + " (" + inspect(string) + ")"
          : "The input did not match the regular expression " + inspect(regexp) + ". Input:\n\n" + inspect(string) + "\n"
      });
    }
  };
  assert.doesNotMatch = function (string, regexp, message) {
    if (typeof string === "string" && regexp.test(string)) {
      fail({
        actual: string, expected: regexp, operator: "doesNotMatch",
        message: message !== undefined ? message : "The input was expected to not match the regular expression " + inspect(regexp) + ". Input:\n\n" + inspect(string) + "\n"
      });
    }
  };
  assert.ifError = function (err) {
    if (err !== null && err !== undefined) {
      var msg = "ifError got unwanted exception: " + (err && typeof err === "object" && typeof err.message === "string" ? err.message : inspect(err));
      fail({ actual: err, expected: null, operator: "ifError", message: msg });
    }
  };

  function isClassLike(fn) {
    return typeof fn === "function" && fn.prototype !== undefined && (fn === Error || fn.prototype instanceof Error);
  }

  // Decide whether a caught error satisfies `expected` (class, RegExp, validation function or object).
  function checkThrown(actual, expected, message, fnName) {
    if (expected === undefined) return;
    if (expected instanceof RegExp) {
      var str = String(actual);
      if (expected.test(str)) return;
      fail({
        actual: actual, expected: expected, operator: fnName,
        message: message || "The input did not match the regular expression " + inspect(expected) + ". Input:\n\n" + inspect(str) + "\n"
      });
    }
    if (typeof expected === "function") {
      if (isClassLike(expected)) {
        if (actual instanceof expected) return;
        throw actual;
      }
      if (expected.call({}, actual) === true) return;
      fail({
        actual: actual, expected: expected, operator: fnName,
        message: message || "The " + (expected.name ? '"' + expected.name + '" validation function' : "validation function") +
          " is expected to return \"true\". Received " + inspect(expected.call({}, actual)) + "\n\nCaught error:\n\n" + String(actual)
      });
    }
    if (expected && typeof expected === "object") {
      Object.keys(expected).forEach(function (k) {
        var want = expected[k];
        var got = actual === null || actual === undefined ? undefined : actual[k];
        var same = want instanceof RegExp && typeof got === "string" ? want.test(got) : deepEqual(got, want, true);
        if (!same) {
          fail({
            actual: actual, expected: expected, operator: fnName,
            message: message || "Expected values to be strictly deep-equal:\n+ actual - expected\n\n" +
              diff(pick(actual, Object.keys(expected)), expected)
          });
        }
      });
    }
  }
  function pick(obj, keys) {
    var out = {};
    keys.forEach(function (k) { if (obj !== null && obj !== undefined && k in Object(obj)) out[k] = obj[k]; });
    return out;
  }

  assert.throws = function (fn, expected, message) {
    if (typeof fn !== "function") {
      var err = new TypeError('The "fn" argument must be of type function. Received ' + inspect(fn));
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
    if (typeof expected === "string") { message = expected; expected = undefined; }
    var threw = false, caught;
    try { fn(); } catch (e) { threw = true; caught = e; }
    if (!threw) {
      var name = expected && expected.name && typeof expected === "function" ? " (" + expected.name + ")" : "";
      fail({ actual: undefined, expected: expected, operator: "throws", message: "Missing expected exception" + name + (message ? ": " + message : ".") });
    }
    checkThrown(caught, expected, message, "throws");
  };
  assert.doesNotThrow = function (fn, expected, message) {
    if (typeof expected === "string") { message = expected; expected = undefined; }
    try { fn(); } catch (e) {
      if (expected === undefined || (typeof expected === "function" && isClassLike(expected) && e instanceof expected) ||
          (expected instanceof RegExp && expected.test(String(e)))) {
        fail({
          actual: e, expected: expected, operator: "doesNotThrow",
          message: "Got unwanted exception" + (message ? ": " + message : ".") + "\nActual message: \"" + (e && e.message) + "\""
        });
      }
      throw e;
    }
  };
  assert.rejects = function (promiseOrFn, expected, message) {
    return Promise.resolve().then(function () {
      return typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn;
    }).then(function () {
      if (typeof expected === "string") { message = expected; expected = undefined; }
      var name = expected && typeof expected === "function" && expected.name ? " (" + expected.name + ")" : "";
      fail({ actual: undefined, expected: expected, operator: "rejects", message: "Missing expected rejection" + name + (message ? ": " + message : ".") });
    }, function (err) {
      if (typeof expected === "string") { message = expected; expected = undefined; }
      checkThrown(err, expected, message, "rejects");
    });
  };
  assert.doesNotReject = function (promiseOrFn, expected, message) {
    return Promise.resolve().then(function () {
      return typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn;
    }).then(function () {}, function (e) {
      if (typeof expected === "string") message = expected;
      fail({
        actual: e, expected: expected, operator: "doesNotReject",
        message: "Got unwanted rejection" + (message ? ": " + message : ".") + "\nActual message: \"" + (e && e.message) + "\""
      });
    });
  };

  var strict = function strict(value, message) {
    if (arguments.length === 0) ok();
    else ok(value, message);
  };
  Object.keys(assert).forEach(function (k) { strict[k] = assert[k]; });
  strict.equal = assert.strictEqual;
  strict.notEqual = assert.notStrictEqual;
  strict.deepEqual = assert.deepStrictEqual;
  strict.notDeepEqual = assert.notDeepStrictEqual;
  strict.strict = strict;
  assert.strict = strict;
  return assert;
});
