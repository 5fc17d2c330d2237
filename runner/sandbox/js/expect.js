/*
 * pmreplay's chai-compatible BDD assertion library, exposed as globalThis.__pmr_chai.
 *
 * Why our own: Postman scripts lean on chai 4's `expect` API and, just as much, on its
 * exact failure wording (reports and CI logs are compared line by line with Newman's).
 * So the wording, the value display (loupe-style, truncated at 40 characters) and the
 * deep-equality rules below follow chai 4's observable behaviour; the code is ours.
 * Postman's response/request assertions (`.status`, `.header`, `.jsonBody`, ...) are
 * installed too, duck-typed on the asserted object, with postman-sandbox's wording; their
 * `.jsonSchema` validates like ajv 6 (the ajv Newman bundles), meta-schema check included.
 * chai's TDD `assert` interface is there for scripts that take it from require('chai').
 *
 * Plain script, evaluated once in global scope: everything lives in this IIFE and
 * only `__pmr_chai` is published.
 */
(function () {
  'use strict';

  var config = {
    includeStack: false,
    showDiff: true,
    truncateThreshold: 40,
    useProxy: true,
    proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON']
  };

  // ---------------------------------------------------------------- type names

  /* type-detect's naming: lower-case for primitives, tag names for objects. */
  function typeOf(obj) {
    var t = typeof obj;
    if (t !== 'object') return t;
    if (obj === null) return 'null';
    if (obj === globalThis) return 'global';
    if (Array.isArray(obj) && !(Symbol.toStringTag in obj)) return 'Array';
    var tag = obj[Symbol.toStringTag];
    if (typeof tag === 'string') return tag;
    var proto = Object.getPrototypeOf(obj);
    if (proto === RegExp.prototype) return 'RegExp';
    if (proto === Date.prototype) return 'Date';
    if (proto === Promise.prototype) return 'Promise';
    if (proto === Set.prototype) return 'Set';
    if (proto === Map.prototype) return 'Map';
    if (proto === WeakSet.prototype) return 'WeakSet';
    if (proto === WeakMap.prototype) return 'WeakMap';
    if (proto === null) return 'Object';
    return Object.prototype.toString.call(obj).slice(8, -1);
  }

  function funcName(fn) {
    if (typeof fn !== 'function') return null;
    return typeof fn.name === 'string' ? fn.name : '';
  }

  // ---------------------------------------------------------------- display

  var ELLIPSIS = '\u2026';
  var ESCAPES = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'" };
  var NEEDS_ESCAPE = /['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;
  var PLAIN_KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function cut(text, room) {
    text = String(text);
    if (text.length <= room) return text;
    if (room < 1) return ELLIPSIS;
    return text.slice(0, room - 1) + ELLIPSIS;
  }

  function showString(s, o) {
    s = s.replace(NEEDS_ESCAPE, function (ch) {
      return ESCAPES[ch] || '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
    });
    return "'" + cut(s, o.truncate - 2) + "'";
  }

  function showNumber(n, o) {
    if (n !== n) return 'NaN';
    if (n === Infinity) return 'Infinity';
    if (n === -Infinity) return '-Infinity';
    if (n === 0) return 1 / n === Infinity ? '+0' : '-0';
    return cut(n, o.truncate);
  }

  /*
   * Lays out list items within the remaining width the way chai's display does: it
   * stops early and appends `…(n)` for the items left out, looking one item ahead so
   * that the last item is only dropped when even it would not fit.
   */
  function showList(items, o, showItem, sep) {
    sep = sep || ', ';
    var n = items.length;
    if (!n) return '';
    var budget = o.truncate, out = '', ahead = '', rest = '';
    for (var i = 0; i < n; i += 1) {
      var last = i === n - 1, nextToLast = i === n - 2;
      rest = ELLIPSIS + '(' + (n - i) + ')';
      o.truncate = budget - out.length - (last ? 0 : sep.length);
      var piece = ahead || showItem(items[i], o) + (last ? '' : sep);
      var grown = out.length + piece.length;
      var grownWithRest = grown + rest.length;
      if (last && grown > budget && out.length + rest.length <= budget) break;
      if (!last && !nextToLast && grownWithRest > budget) break;
      ahead = last ? '' : showItem(items[i + 1], o) + (nextToLast ? '' : sep);
      if (!last && nextToLast && grownWithRest > budget && grown + ahead.length > budget) break;
      out += piece;
      if (!last && !nextToLast && grown + ahead.length >= budget) {
        rest = ELLIPSIS + '(' + (n - i - 1) + ')';
        break;
      }
      rest = '';
    }
    return out + rest;
  }

  /* Keys are quoted JSON-style (backslashes doubled, no truncation), unlike string values. */
  function quoteKey(key) {
    return JSON.stringify(key).replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
  }

  function showProperty(entry, o) {
    var key = entry[0];
    o.truncate -= 2;
    if (typeof key === 'string') key = PLAIN_KEY.test(key) ? key : quoteKey(key);
    else if (typeof key !== 'number') key = '[' + show(key, o) + ']';
    o.truncate -= String(key).length;
    return key + ': ' + show(entry[1], o);
  }

  function entriesOf(obj, keys) {
    return keys.map(function (k) { return [k, obj[k]]; });
  }

  function showArrayLike(arr, o, prefix) {
    var extra = Object.keys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return prefix + '[]';
    o.truncate -= 4 + prefix.length;
    // holes still count as items (shown as undefined)
    var items = showList(Array.prototype.slice.call(arr), o, show);
    o.truncate -= items.length;
    var props = extra.length ? showList(entriesOf(arr, extra), o, showProperty) : '';
    return prefix + '[ ' + items + (props ? ', ' + props : '') + ' ]';
  }

  function showObject(obj, o) {
    var names = Object.getOwnPropertyNames(obj);
    var syms = Object.getOwnPropertySymbols(obj);
    if (!names.length && !syms.length) return '{}';
    o.truncate -= 4;
    if (o.seen.indexOf(obj) >= 0) return '[Circular]';
    o.seen.push(obj);
    var a = showList(entriesOf(obj, names), o, showProperty);
    var b = showList(entriesOf(obj, syms), o, showProperty);
    o.seen.pop();
    return '{ ' + a + (a && b ? ', ' : '') + b + ' }';
  }

  var ERROR_OWN_SKIP = ['stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber',
    'columnNumber', 'number', 'description'];

  function showError(err, o) {
    var props = Object.getOwnPropertyNames(err).filter(function (k) { return ERROR_OWN_SKIP.indexOf(k) === -1; });
    var name = err.name;
    o.truncate -= String(name).length;
    var message = '';
    if (typeof err.message === 'string') message = cut(err.message, o.truncate);
    else props.unshift('message');
    message = message ? ': ' + message : '';
    o.truncate -= message.length + 5;
    var inner = showList(entriesOf(err, props), o, showProperty);
    return name + message + (inner ? ' { ' + inner + ' }' : '');
  }

  function showMapEntry(entry, o) {
    o.truncate -= 4;
    var key = show(entry[0], o);
    o.truncate -= key.length;
    return key + ' => ' + show(entry[1], o);
  }

  function showFunction(fn, o) {
    var name = funcName(fn);
    return name ? '[Function ' + cut(name, o.truncate - 11) + ']' : '[Function]';
  }

  function showDate(d, o) {
    var iso = isNaN(d.getTime()) ? null : d.toJSON();
    if (iso === null) return 'Invalid Date';
    var parts = iso.split('T');
    return parts[0] + 'T' + cut(parts[1], o.truncate - parts[0].length - 1);
  }

  function showRegExp(re, o) {
    // flags are read the way chai's display reads them (a '/' inside the source confuses it too)
    var flags = String(re).split('/')[2];
    return '/' + cut(re.source, o.truncate - flags.length - 2) + '/' + flags;
  }

  function showInstance(value, o) {
    var name = '';
    if (Symbol.toStringTag in value) name = value[Symbol.toStringTag];
    name = name || funcName(value.constructor);
    if (!name || name === '_class') name = '<Anonymous Class>';
    o.truncate -= String(name).length;
    return name + showObject(value, o);
  }

  /* One value as chai shows it inside messages; `o` is copied so callers keep their budget. */
  function show(value, opts) {
    var o = { truncate: opts.truncate, seen: opts.seen };
    var t = value === null ? 'null' : typeof value;
    switch (t) {
      case 'null': return 'null';
      case 'undefined': return 'undefined';
      case 'boolean': return String(value);
      case 'number': return showNumber(value, o);
      case 'bigint': {
        var digits = cut(String(value), o.truncate - 1);
        return digits === ELLIPSIS ? digits : digits + 'n';
      }
      case 'string': return showString(value, o);
      case 'symbol': return value.toString();
      case 'function': return showFunction(value, o);
      default: break;
    }
    var tag = Object.prototype.toString.call(value).slice(8, -1);
    switch (tag) {
      case 'Boolean': return String(value.valueOf());
      case 'Number': return showNumber(value.valueOf(), o);
      case 'String': return showString(value.valueOf(), o);
      case 'Symbol': return value.valueOf().toString();
      case 'Array': return showArrayLike(value, o, '');
      case 'Arguments': return showArrayLike(value, o, 'Arguments');
      case 'Date': return showDate(value, o);
      case 'RegExp': return showRegExp(value, o);
      case 'Map':
        // chai's display shows a single-entry Map as empty; kept for identical messages
        if (value.size - 1 <= 0) return 'Map{}';
        o.truncate -= 7;
        return 'Map{ ' + showList(Array.from(value), o, showMapEntry) + ' }';
      case 'Set':
        if (value.size === 0) return 'Set{}';
        o.truncate -= 7;
        return 'Set{ ' + showList(Array.from(value), o, show) + ' }';
      case 'Promise': return 'Promise{' + ELLIPSIS + '}';
      case 'WeakSet': return 'WeakSet{' + ELLIPSIS + '}';
      case 'WeakMap': return 'WeakMap{' + ELLIPSIS + '}';
      case 'Error': return showError(value, o);
      case 'Generator': case 'DataView': case 'ArrayBuffer': return '';
      case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray': case 'Int16Array': case 'Uint16Array':
      case 'Int32Array': case 'Uint32Array': case 'Float32Array': case 'Float64Array':
        return showArrayLike(value, o, value.constructor.name);
      default: break;
    }
    var custom = '';
    var chaiHook = Symbol.for('chai/inspect'), nodeHook = Symbol.for('nodejs.util.inspect.custom');
    if (typeof value[chaiHook] === 'function') custom = value[chaiHook](o);
    else if (typeof value[nodeHook] === 'function') custom = value[nodeHook](2, o);
    else if (typeof value.inspect === 'function') custom = value.inspect(2, o);
    if (custom) return typeof custom === 'string' ? custom : show(custom, o);
    var proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return showObject(value, o);
    if ('constructor' in value && value.constructor !== Object) return showInstance(value, o);
    return showObject(value, o);
  }

  function inspect(value) {
    return show(value, { truncate: config.truncateThreshold ? config.truncateThreshold : Infinity, seen: [] });
  }

  /* chai's objDisplay: long objects and arrays collapse to a summary. */
  function objDisplay(obj) {
    var str = inspect(obj);
    var tag = Object.prototype.toString.call(obj);
    if (config.truncateThreshold && str.length >= config.truncateThreshold) {
      if (tag === '[object Function]') return !obj.name ? '[Function]' : '[Function: ' + obj.name + ']';
      if (tag === '[object Array]') return '[ Array(' + obj.length + ') ]';
      if (tag === '[object Object]') {
        var keys = Object.keys(obj);
        var list = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
        return '{ Object (' + list + ') }';
      }
    }
    return str;
  }

  // ---------------------------------------------------------------- deep equality

  function sameScalar(a, b) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    return a !== a && b !== b;
  }

  function isPrimitive(v) {
    return v === null || (typeof v !== 'object' && typeof v !== 'function');
  }

  function enumerableKeys(obj) {
    var keys = [];
    for (var k in obj) keys.push(k);
    Object.getOwnPropertySymbols(obj).forEach(function (s) {
      if (Object.getOwnPropertyDescriptor(obj, s).enumerable) keys.push(s);
    });
    return keys;
  }

  function listEqual(a, b, memo) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i += 1) if (!deepEqual(a[i], b[i], memo)) return false;
    return true;
  }

  function iteratorItems(obj) {
    var out = [];
    try {
      if (obj && typeof obj[Symbol.iterator] === 'function') {
        var it = obj[Symbol.iterator](), step;
        while (!(step = it.next()).done) out.push(step.value);
      }
    } catch (e) { return []; }
    return out;
  }

  /* Sets and Maps compare as their forEach pairs, sorted the default (string) way. */
  function collectionEqual(a, b, memo) {
    if (a.size !== b.size) return false;
    if (a.size === 0) return true;
    var pa = [], pb = [];
    a.forEach(function (x, y) { pa.push([x, y]); });
    b.forEach(function (x, y) { pb.push([x, y]); });
    return listEqual(pa.sort(), pb.sort(), memo);
  }

  function structEqual(a, b, ta, memo) {
    switch (ta) {
      case 'String': case 'Number': case 'Boolean': case 'Date':
        return sameScalar(a.valueOf(), b.valueOf());
      case 'Promise': case 'Symbol': case 'function': case 'WeakMap': case 'WeakSet':
        return a === b;
      case 'Error':
        if (a.name !== b.name || a.message !== b.message) return false;
        break;
      case 'Arguments': case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray': case 'Int16Array':
      case 'Uint16Array': case 'Int32Array': case 'Uint32Array': case 'Float32Array': case 'Float64Array':
      case 'Array':
        return listEqual(a, b, memo);
      case 'RegExp':
        return String(a) === String(b);
      case 'Set': case 'Map':
        return collectionEqual(a, b, memo);
      default: break;
    }
    var ka = enumerableKeys(a), kb = enumerableKeys(b);
    if (ka.length && ka.length === kb.length) {
      var sa = ka.slice().sort(), sb = kb.slice().sort();
      for (var i = 0; i < sa.length; i += 1) if (sa[i] !== sb[i]) return false;
      for (var j = 0; j < ka.length; j += 1) if (!deepEqual(a[ka[j]], b[ka[j]], memo)) return false;
      return true;
    }
    var ia = iteratorItems(a), ib = iteratorItems(b);
    if (ia.length && ia.length === ib.length) return listEqual(ia, ib, memo);
    return !ka.length && !kb.length && !ia.length && !ib.length;
  }

  /* deep-eql's rules: same type name, then structure; -0 and +0 differ; NaN equals NaN. */
  function deepEqual(a, b, memo) {
    if (isPrimitive(a) || isPrimitive(b)) return sameScalar(a, b);
    if (a === b) return true;
    var ta = typeOf(a);
    if (ta !== typeOf(b)) return false;
    memo = memo || [];
    for (var i = 0; i < memo.length; i += 1) {
      if (memo[i][0] === a && memo[i][1] === b) return memo[i][2];
    }
    var entry = [a, b, true];
    memo.push(entry);
    var result = structEqual(a, b, ta, memo);
    entry[2] = result;
    return result;
  }

  function eql(a, b) { return deepEqual(a, b); }

  // ---------------------------------------------------------------- errors

  function AssertionError(message, props, ssf) {
    var self = this;
    if (!(self instanceof AssertionError)) return new AssertionError(message, props, ssf);
    self.message = message || 'Unspecified AssertionError';
    self.showDiff = false;
    if (props) {
      Object.keys(props).forEach(function (k) { self[k] = props[k]; });
    }
    if (Error.captureStackTrace) Error.captureStackTrace(self, ssf || AssertionError);
    else {
      try { throw new Error(); } catch (e) { self.stack = e.stack; }
    }
  }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.name = 'AssertionError';
  AssertionError.prototype.constructor = AssertionError;
  AssertionError.prototype.toJSON = function (stack) {
    var out = { name: this.name };
    var self = this;
    Object.keys(this).forEach(function (k) { out[k] = self[k]; });
    if (stack !== false && this.stack) out.stack = this.stack;
    return out;
  };

  // ---------------------------------------------------------------- flags, messages

  function flag(obj, key, value) {
    var flags = obj.__flags || (obj.__flags = Object.create(null));
    if (arguments.length === 3) flags[key] = value;
    else return flags[key];
  }

  function transferFlags(from, to, includeAll) {
    var src = from.__flags || Object.create(null);
    if (!to.__flags) to.__flags = Object.create(null);
    includeAll = arguments.length === 3 ? includeAll : true;
    Object.keys(src).forEach(function (k) {
      if (includeAll || (k !== 'object' && k !== 'ssfi' && k !== 'lockSsfi' && k !== 'message')) {
        to.__flags[k] = src[k];
      }
    });
  }

  function getActual(obj, args) {
    return args.length > 4 ? args[4] : obj._obj;
  }

  function getMessage(obj, args) {
    var negate = flag(obj, 'negate');
    var val = flag(obj, 'object');
    var expected = args[3];
    var actual = getActual(obj, args);
    var msg = negate ? args[2] : args[1];
    var prefix = flag(obj, 'message');
    if (typeof msg === 'function') msg = msg();
    msg = (msg || '')
      .replace(/#\{this\}/g, function () { return objDisplay(val); })
      .replace(/#\{act\}/g, function () { return objDisplay(actual); })
      .replace(/#\{exp\}/g, function () { return objDisplay(expected); });
    return prefix ? prefix + ': ' + msg : msg;
  }

  /* The node-assert style operator chai attaches to errors (used by diff-aware reporters). */
  function getOperator(obj, args) {
    var operator = flag(obj, 'operator');
    if (operator) return operator;
    var msg = flag(obj, 'negate') ? args[2] : args[1];
    if (typeof msg === 'function') msg = msg();
    msg = msg || '';
    if (!msg || /\shave\s/.test(msg)) return undefined;
    var isObject = ['Array', 'Object', 'function'].indexOf(typeOf(args[3])) !== -1;
    if (/\snot\s/.test(msg)) return isObject ? 'notDeepStrictEqual' : 'notStrictEqual';
    return isObject ? 'deepStrictEqual' : 'strictEqual';
  }

  function prefixOf(assertion) {
    var m = flag(assertion, 'message');
    return m ? m + ': ' : '';
  }

  // ---------------------------------------------------------------- Assertion

  var BUILTINS = ['__flags', '__methods', '_obj', 'assert'];

  function editDistance(a, b, cap) {
    if (Math.abs(a.length - b.length) >= cap) return cap;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j += 1) prev[j] = j;
    for (i = 1; i <= a.length; i += 1) {
      cur = [i];
      for (j = 1; j <= b.length; j += 1) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length];
  }

  function allPropertyNames(obj) {
    var names = [], seen = Object.create(null);
    for (var p = obj; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
      Object.getOwnPropertyNames(p).forEach(function (n) {
        if (!seen[n]) { seen[n] = true; names.push(n); }
      });
    }
    return names;
  }

  /* Unknown properties are typos (`.to.be.tru`): chai throws instead of passing silently. */
  function guard(target) {
    if (!config.useProxy || typeof Proxy === 'undefined') return target;
    return new Proxy(target, {
      get: function (t, property) {
        if (typeof property === 'string' && config.proxyExcludedKeys.indexOf(property) === -1 &&
            !Reflect.has(t, property)) {
          var best = null, bestDist = 4;
          allPropertyNames(t).forEach(function (name) {
            if (Object.prototype.hasOwnProperty.call(Object.prototype, name) || BUILTINS.indexOf(name) !== -1) return;
            var d = editDistance(property, name, bestDist);
            if (d < bestDist) { best = name; bestDist = d; }
          });
          if (best !== null) throw Error('Invalid Chai property: ' + property + '. Did you mean "' + best + '"?');
          throw Error('Invalid Chai property: ' + property);
        }
        return Reflect.get(t, property);
      }
    });
  }

  function Assertion(obj, msg, ssfi, lockSsfi) {
    flag(this, 'ssfi', ssfi || Assertion);
    flag(this, 'lockSsfi', lockSsfi);
    flag(this, 'object', obj);
    flag(this, 'message', msg);
    flag(this, 'eql', eql);
    return guard(this);
  }

  Object.defineProperty(Assertion, 'includeStack', {
    get: function () { return config.includeStack; },
    set: function (v) { config.includeStack = v; }
  });
  Object.defineProperty(Assertion, 'showDiff', {
    get: function () { return config.showDiff; },
    set: function (v) { config.showDiff = v; }
  });

  Assertion.prototype.assert = function (expr, msg, negateMsg, expected, _actual, showDiff) {
    var ok = flag(this, 'negate') ? !expr : expr;
    if (showDiff !== false) showDiff = true;
    if (expected === undefined && _actual === undefined) showDiff = false;
    if (config.showDiff !== true) showDiff = false;
    if (!ok) {
      var message = getMessage(this, arguments);
      var props = { actual: getActual(this, arguments), expected: expected, showDiff: showDiff };
      // chai derives the operator after its sloppy-mode `arguments` alias has swapped the
      // positive template for the final message; mirror that so error objects match
      var opArgs = Array.prototype.slice.call(arguments);
      opArgs[1] = message;
      var operator = getOperator(this, opArgs);
      if (operator) props.operator = operator;
      throw new AssertionError(message, props, config.includeStack ? this.assert : flag(this, 'ssfi'));
    }
  };

  Object.defineProperty(Assertion.prototype, '_obj', {
    get: function () { return flag(this, 'object'); },
    set: function (v) { flag(this, 'object', v); },
    configurable: true
  });

  function fork(from) {
    var next = new Assertion();
    transferFlags(from, next);
    return next;
  }

  function addProperty(name, getter) {
    getter = getter === undefined ? function () {} : getter;
    Object.defineProperty(Assertion.prototype, name, {
      get: function chaiPropertyGetter() {
        if (!flag(this, 'lockSsfi')) flag(this, 'ssfi', chaiPropertyGetter);
        var result = getter.call(this);
        return result === undefined ? fork(this) : result;
      },
      configurable: true
    });
  }

  /* `.length` straight after a method is a usage mistake chai reports instead of returning a number. */
  function lengthGuard(fn, name, chainable) {
    Object.defineProperty(fn, 'length', {
      get: function () {
        if (chainable) {
          throw Error('Invalid Chai property: ' + name + '.length. Due to a compatibility issue, "length" cannot ' +
            'directly follow "' + name + '". Use "' + name + '.lengthOf" instead.');
        }
        throw Error('Invalid Chai property: ' + name + '.length. See docs for proper usage of "' + name + '".');
      },
      configurable: true
    });
    return fn;
  }

  function addMethod(name, method) {
    Assertion.prototype[name] = lengthGuard(function chaiMethod() {
      if (!flag(this, 'lockSsfi')) flag(this, 'ssfi', chaiMethod);
      var result = method.apply(this, arguments);
      return result === undefined ? fork(this) : result;
    }, name, false);
  }

  /* Both `.include(x)` and `.include.members(...)`: the getter hands back a callable assertion. */
  function addChainableMethod(name, method, chainingBehavior) {
    if (typeof chainingBehavior !== 'function') chainingBehavior = function () {};
    var behavior = { method: method, chainingBehavior: chainingBehavior };
    if (!Assertion.prototype.__methods) Assertion.prototype.__methods = {};
    Assertion.prototype.__methods[name] = behavior;
    Object.defineProperty(Assertion.prototype, name, {
      get: function chainableGetter() {
        behavior.chainingBehavior.call(this);
        var self = this;
        var callable = function chainableCall() {
          if (!flag(self, 'lockSsfi')) flag(self, 'ssfi', chainableCall);
          var result = behavior.method.apply(self, arguments);
          return result === undefined ? fork(self) : result;
        };
        lengthGuard(callable, name, true);
        var proto = Object.create(this);
        proto.call = Function.prototype.call;
        proto.apply = Function.prototype.apply;
        proto.bind = Function.prototype.bind;
        Object.setPrototypeOf(callable, proto);
        return guard(callable);
      },
      configurable: true
    });
  }

  /* Plugins receive the previous getter as `_super` and call it with `_super.call(this)`. */
  function overwriteProperty(name, getter) {
    var desc = Object.getOwnPropertyDescriptor(Assertion.prototype, name);
    var original = desc && typeof desc.get === 'function' ? desc.get : function () {};
    Object.defineProperty(Assertion.prototype, name, {
      get: function overwritingPropertyGetter() {
        var lock = flag(this, 'lockSsfi');
        flag(this, 'lockSsfi', true);
        var result = getter(original).call(this);
        flag(this, 'lockSsfi', lock);
        return result === undefined ? fork(this) : result;
      },
      configurable: true
    });
  }

  function overwriteMethod(name, method) {
    var original = Assertion.prototype[name];
    var superFn = function () {
      if (typeof original === 'function') return original.apply(this, arguments);
      throw new Error(name + ' is not a function');
    };
    Assertion.prototype[name] = lengthGuard(function overwritingMethod() {
      var lock = flag(this, 'lockSsfi');
      flag(this, 'lockSsfi', true);
      var result = method(typeof original === 'function' ? original : superFn).apply(this, arguments);
      flag(this, 'lockSsfi', lock);
      return result === undefined ? fork(this) : result;
    }, name, false);
  }

  function overwriteChainableMethod(name, method, chainingBehavior) {
    var behavior = Assertion.prototype.__methods[name];
    var oldChain = behavior.chainingBehavior, oldMethod = behavior.method;
    behavior.chainingBehavior = function () {
      var r = chainingBehavior(oldChain).call(this);
      return r === undefined ? fork(this) : r;
    };
    behavior.method = function () {
      var r = method(oldMethod).apply(this, arguments);
      return r === undefined ? fork(this) : r;
    };
  }

  Assertion.addProperty = addProperty;
  Assertion.addMethod = addMethod;
  Assertion.addChainableMethod = addChainableMethod;
  Assertion.overwriteProperty = overwriteProperty;
  Assertion.overwriteMethod = overwriteMethod;
  Assertion.overwriteChainableMethod = overwriteChainableMethod;

  // ---------------------------------------------------------------- paths (nested)

  /* `a.b[1].c`, with `\\.` and `\\[` escaping literal dots and brackets, as chai parses it. */
  function parsePath(path) {
    var pieces = path.replace(/([^\\])\[/g, '$1.[').match(/(\\\.|[^.]+?)+/g) || [];
    return pieces.map(function (piece) {
      if (piece === 'constructor' || piece === '__proto__' || piece === 'prototype') return {};
      var index = /^\[(\d+)\]$/.exec(piece);
      return index ? { i: parseFloat(index[1]) } : { p: piece.replace(/\\([.[\]])/g, '$1') };
    });
  }

  function hasProperty(obj, name) {
    if (obj === undefined || obj === null) return false;
    return name in Object(obj);
  }

  /* Stops at the first falsy step, like chai, so `''` and `0` have no nested values. */
  function walk(obj, parts, upto) {
    var cur = obj, result;
    var end = upto === undefined ? parts.length : upto;
    for (var i = 0; i < end; i += 1) {
      if (cur) {
        cur = parts[i].p === undefined ? cur[parts[i].i] : cur[parts[i].p];
        if (i === end - 1) result = cur;
      }
    }
    return result;
  }

  function getPathInfo(obj, path) {
    var parts = parsePath(path);
    var last = parts[parts.length - 1] || {};
    var info = {
      parent: parts.length > 1 ? walk(obj, parts, parts.length - 1) : obj,
      name: last.p || last.i,
      value: walk(obj, parts)
    };
    info.exists = hasProperty(info.parent, info.name);
    return info;
  }

  // ---------------------------------------------------------------- core assertions

  ['to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of', 'same', 'but',
    'does', 'still', 'also'].forEach(function (chain) { addProperty(chain); });

  addProperty('not', function () { flag(this, 'negate', true); });
  addProperty('deep', function () { flag(this, 'deep', true); });
  addProperty('nested', function () { flag(this, 'nested', true); });
  addProperty('own', function () { flag(this, 'own', true); });
  addProperty('ordered', function () { flag(this, 'ordered', true); });
  addProperty('any', function () { flag(this, 'any', true); flag(this, 'all', false); });
  addProperty('all', function () { flag(this, 'all', true); flag(this, 'any', false); });
  addProperty('itself', function () { flag(this, 'itself', true); });

  function assertType(type, msg) {
    if (msg) flag(this, 'message', msg);
    type = type.toLowerCase();
    var obj = flag(this, 'object');
    var article = 'aeiou'.indexOf(type.charAt(0)) !== -1 ? 'an ' : 'a ';
    this.assert(type === typeOf(obj).toLowerCase(),
      'expected #{this} to be ' + article + type,
      'expected #{this} not to be ' + article + type);
  }
  addChainableMethod('an', assertType);
  addChainableMethod('a', assertType);

  function sameValueZero(a, b) { return a === b || (a !== a && b !== b); }

  function includeChain() { flag(this, 'contains', true); }

  function assertInclude(val, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var objType = typeOf(obj).toLowerCase();
    var negate = flag(this, 'negate');
    var ssfi = flag(this, 'ssfi');
    var isDeep = flag(this, 'deep');
    var descriptor = isDeep ? 'deep ' : '';
    var same = isDeep ? flag(this, 'eql') : sameValueZero;
    var pre = prefixOf(this);
    var included = false;
    switch (objType) {
      case 'string':
        included = obj.indexOf(val) !== -1;
        break;
      case 'weakset':
        if (isDeep) throw new AssertionError(pre + 'unable to use .deep.include for WeakSet', undefined, ssfi);
        included = obj.has(val);
        break;
      case 'map':
        obj.forEach(function (item) { included = included || same(item, val); });
        break;
      case 'set':
        if (isDeep) obj.forEach(function (item) { included = included || same(item, val); });
        else included = obj.has(val);
        break;
      case 'array':
        if (isDeep) included = obj.some(function (item) { return same(item, val); });
        else included = obj.indexOf(val) !== -1;
        break;
      default: {
        if (val !== Object(val)) {
          var vt = typeOf(val).toLowerCase();
          throw new AssertionError(pre + 'the given combination of arguments (' + objType + ' and ' + vt + ')' +
            ' is invalid for this assertion. You can use an array, a map, an object, a set, a string, ' +
            'or a weakset instead of a ' + vt, undefined, ssfi);
        }
        var props = Object.keys(val), firstErr = null, failures = 0;
        var self = this;
        props.forEach(function (prop) {
          var sub = new Assertion(obj);
          transferFlags(self, sub, true);
          flag(sub, 'lockSsfi', true);
          if (!negate || props.length === 1) {
            sub.property(prop, val[prop]);
            return;
          }
          try {
            sub.property(prop, val[prop]);
          } catch (err) {
            if (!(err instanceof AssertionError)) throw err;
            if (firstErr === null) firstErr = err;
            failures += 1;
          }
        });
        if (negate && props.length > 1 && failures === props.length) throw firstErr;
        return;
      }
    }
    this.assert(included,
      'expected #{this} to ' + descriptor + 'include ' + inspect(val),
      'expected #{this} to not ' + descriptor + 'include ' + inspect(val));
  }
  ['include', 'contain', 'contains', 'includes'].forEach(function (n) {
    addChainableMethod(n, assertInclude, includeChain);
  });

  addProperty('ok', function () {
    this.assert(flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  });
  addProperty('true', function () {
    this.assert(flag(this, 'object') === true, 'expected #{this} to be true', 'expected #{this} to be false',
      !flag(this, 'negate'));
  });
  addProperty('false', function () {
    this.assert(flag(this, 'object') === false, 'expected #{this} to be false', 'expected #{this} to be true',
      !!flag(this, 'negate'));
  });
  addProperty('null', function () {
    this.assert(flag(this, 'object') === null, 'expected #{this} to be null', 'expected #{this} not to be null');
  });
  addProperty('undefined', function () {
    this.assert(flag(this, 'object') === undefined, 'expected #{this} to be undefined',
      'expected #{this} not to be undefined');
  });
  addProperty('NaN', function () {
    this.assert(Number.isNaN(flag(this, 'object')), 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  });

  function assertExist() {
    var val = flag(this, 'object');
    this.assert(val !== null && val !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
  }
  addProperty('exist', assertExist);
  addProperty('exists', assertExist);

  addProperty('empty', function () {
    var val = flag(this, 'object'), ssfi = flag(this, 'ssfi'), pre = prefixOf(this), count;
    switch (typeOf(val).toLowerCase()) {
      case 'array': case 'string': count = val.length; break;
      case 'map': case 'set': count = val.size; break;
      case 'weakmap': case 'weakset':
        throw new AssertionError(pre + '.empty was passed a weak collection', undefined, ssfi);
      case 'function':
        throw new AssertionError((pre + '.empty was passed a function ' + funcName(val)).trim(), undefined, ssfi);
      default:
        if (val !== Object(val)) {
          throw new AssertionError(pre + '.empty was passed non-string primitive ' + inspect(val), undefined, ssfi);
        }
        count = Object.keys(val).length;
    }
    this.assert(count === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  });

  function assertArguments() {
    var t = typeOf(flag(this, 'object'));
    this.assert(t === 'Arguments', 'expected #{this} to be arguments but got ' + t,
      'expected #{this} to not be arguments');
  }
  addProperty('arguments', assertArguments);
  addProperty('Arguments', assertArguments);

  function assertEqual(val, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    if (flag(this, 'deep')) {
      var prev = flag(this, 'lockSsfi');
      flag(this, 'lockSsfi', true);
      this.eql(val);
      flag(this, 'lockSsfi', prev);
    } else {
      this.assert(val === obj, 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{exp}',
        val, this._obj, true);
    }
  }
  addMethod('equal', assertEqual);
  addMethod('equals', assertEqual);
  addMethod('eq', assertEqual);

  function assertEql(obj, msg) {
    if (msg) flag(this, 'message', msg);
    this.assert(flag(this, 'eql')(obj, flag(this, 'object')),
      'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}',
      obj, this._obj, true);
  }
  addMethod('eql', assertEql);
  addMethod('eqls', assertEql);

  /* Shared checks of above/least/below/most: argument types, and `.length` subjects. */
  function comparisonSetup(assertion, name, n) {
    var obj = flag(assertion, 'object');
    var doLength = flag(assertion, 'doLength');
    var pre = prefixOf(assertion);
    var ssfi = flag(assertion, 'ssfi');
    var objType = typeOf(obj).toLowerCase();
    var nType = typeOf(n).toLowerCase();
    var errorMessage = null;
    if (doLength && objType !== 'map' && objType !== 'set') {
      new Assertion(obj, flag(assertion, 'message'), ssfi, true).to.have.property('length');
    }
    if (!doLength && objType === 'date' && nType !== 'date') {
      errorMessage = pre + 'the argument to ' + name + ' must be a date';
    } else if (nType !== 'number' && (doLength || objType === 'number')) {
      errorMessage = pre + 'the argument to ' + name + ' must be a number';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      var printObj = objType === 'string' ? "'" + obj + "'" : obj;
      errorMessage = pre + 'expected ' + printObj + ' to be a number or a date';
    }
    if (errorMessage !== null) throw new AssertionError(errorMessage, undefined, ssfi);
    if (!doLength) return null;
    if (objType === 'map' || objType === 'set') return { descriptor: 'size', count: obj.size };
    return { descriptor: 'length', count: obj.length };
  }

  function assertAbove(n, msg) {
    if (msg) flag(this, 'message', msg);
    var len = comparisonSetup(this, 'above', n);
    if (len) {
      this.assert(len.count > n, 'expected #{this} to have a ' + len.descriptor + ' above #{exp} but got #{act}',
        'expected #{this} to not have a ' + len.descriptor + ' above #{exp}', n, len.count);
    } else {
      this.assert(flag(this, 'object') > n, 'expected #{this} to be above #{exp}', 'expected #{this} to be at most #{exp}', n);
    }
  }
  ['above', 'gt', 'greaterThan'].forEach(function (n) { addMethod(n, assertAbove); });

  function assertLeast(n, msg) {
    if (msg) flag(this, 'message', msg);
    var len = comparisonSetup(this, 'least', n);
    if (len) {
      this.assert(len.count >= n, 'expected #{this} to have a ' + len.descriptor + ' at least #{exp} but got #{act}',
        'expected #{this} to have a ' + len.descriptor + ' below #{exp}', n, len.count);
    } else {
      this.assert(flag(this, 'object') >= n, 'expected #{this} to be at least #{exp}', 'expected #{this} to be below #{exp}', n);
    }
  }
  ['least', 'gte', 'greaterThanOrEqual'].forEach(function (n) { addMethod(n, assertLeast); });

  function assertBelow(n, msg) {
    if (msg) flag(this, 'message', msg);
    var len = comparisonSetup(this, 'below', n);
    if (len) {
      this.assert(len.count < n, 'expected #{this} to have a ' + len.descriptor + ' below #{exp} but got #{act}',
        'expected #{this} to not have a ' + len.descriptor + ' below #{exp}', n, len.count);
    } else {
      this.assert(flag(this, 'object') < n, 'expected #{this} to be below #{exp}', 'expected #{this} to be at least #{exp}', n);
    }
  }
  ['below', 'lt', 'lessThan'].forEach(function (n) { addMethod(n, assertBelow); });

  function assertMost(n, msg) {
    if (msg) flag(this, 'message', msg);
    var len = comparisonSetup(this, 'most', n);
    if (len) {
      this.assert(len.count <= n, 'expected #{this} to have a ' + len.descriptor + ' at most #{exp} but got #{act}',
        'expected #{this} to have a ' + len.descriptor + ' above #{exp}', n, len.count);
    } else {
      this.assert(flag(this, 'object') <= n, 'expected #{this} to be at most #{exp}', 'expected #{this} to be above #{exp}', n);
    }
  }
  ['most', 'lte', 'lessThanOrEqual'].forEach(function (n) { addMethod(n, assertMost); });

  addMethod('within', function (start, finish, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var doLength = flag(this, 'doLength');
    var pre = prefixOf(this);
    var ssfi = flag(this, 'ssfi');
    var objType = typeOf(obj).toLowerCase();
    var startType = typeOf(start).toLowerCase();
    var finishType = typeOf(finish).toLowerCase();
    var range = startType === 'date' && finishType === 'date'
      ? start.toISOString() + '..' + finish.toISOString() : start + '..' + finish;
    var errorMessage = null;
    if (doLength && objType !== 'map' && objType !== 'set') {
      new Assertion(obj, flag(this, 'message'), ssfi, true).to.have.property('length');
    }
    if (!doLength && objType === 'date' && (startType !== 'date' || finishType !== 'date')) {
      errorMessage = pre + 'the arguments to within must be dates';
    } else if ((startType !== 'number' || finishType !== 'number') && (doLength || objType === 'number')) {
      errorMessage = pre + 'the arguments to within must be numbers';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      var printObj = objType === 'string' ? "'" + obj + "'" : obj;
      errorMessage = pre + 'expected ' + printObj + ' to be a number or a date';
    }
    if (errorMessage !== null) throw new AssertionError(errorMessage, undefined, ssfi);
    if (doLength) {
      var descriptor = 'length', count = obj.length;
      if (objType === 'map' || objType === 'set') { descriptor = 'size'; count = obj.size; }
      this.assert(count >= start && count <= finish, 'expected #{this} to have a ' + descriptor + ' within ' + range,
        'expected #{this} to not have a ' + descriptor + ' within ' + range);
    } else {
      this.assert(obj >= start && obj <= finish, 'expected #{this} to be within ' + range,
        'expected #{this} to not be within ' + range);
    }
  });

  function assertInstanceOf(constructor, msg) {
    if (msg) flag(this, 'message', msg);
    var target = flag(this, 'object');
    var isInstance;
    try {
      isInstance = target instanceof constructor;
    } catch (err) {
      if (err instanceof TypeError) {
        throw new AssertionError(prefixOf(this) + 'The instanceof assertion needs a constructor but ' +
          typeOf(constructor) + ' was given.', undefined, flag(this, 'ssfi'));
      }
      throw err;
    }
    var name = funcName(constructor);
    if (name === null) name = 'an unnamed constructor';
    this.assert(isInstance, 'expected #{this} to be an instance of ' + name,
      'expected #{this} to not be an instance of ' + name);
  }
  addMethod('instanceof', assertInstanceOf);
  addMethod('instanceOf', assertInstanceOf);

  function assertProperty(name, val, msg) {
    if (msg) flag(this, 'message', msg);
    var isNested = flag(this, 'nested');
    var isOwn = flag(this, 'own');
    var pre = prefixOf(this);
    var obj = flag(this, 'object');
    var ssfi = flag(this, 'ssfi');
    var nameType = typeof name;
    if (isNested) {
      if (nameType !== 'string') {
        throw new AssertionError(pre + 'the argument to property must be a string when using nested syntax',
          undefined, ssfi);
      }
    } else if (nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
      throw new AssertionError(pre + 'the argument to property must be a string, number, or symbol', undefined, ssfi);
    }
    if (isNested && isOwn) {
      throw new AssertionError(pre + 'The "nested" and "own" flags cannot be combined.', undefined, ssfi);
    }
    if (obj === null || obj === undefined) {
      throw new AssertionError(pre + 'Target cannot be null or undefined.', undefined, ssfi);
    }
    var isDeep = flag(this, 'deep');
    var negate = flag(this, 'negate');
    var info = isNested ? getPathInfo(obj, name) : null;
    var value = isNested ? info.value : obj[name];
    var same = isDeep ? flag(this, 'eql') : function (a, b) { return a === b; };
    var descriptor = (isDeep ? 'deep ' : '') + (isOwn ? 'own ' : '') + (isNested ? 'nested ' : '') + 'property ';
    var has;
    if (isOwn) has = Object.prototype.hasOwnProperty.call(obj, name);
    else if (isNested) has = info.exists;
    else has = hasProperty(obj, name);
    if (!negate || arguments.length === 1) {
      this.assert(has, 'expected #{this} to have ' + descriptor + inspect(name),
        'expected #{this} to not have ' + descriptor + inspect(name));
    }
    if (arguments.length > 1) {
      this.assert(has && same(val, value),
        'expected #{this} to have ' + descriptor + inspect(name) + ' of #{exp}, but got #{act}',
        'expected #{this} to not have ' + descriptor + inspect(name) + ' of #{act}', val, value);
    }
    flag(this, 'object', value);
  }
  addMethod('property', assertProperty);

  function assertOwnProperty() {
    flag(this, 'own', true);
    assertProperty.apply(this, arguments);
  }
  addMethod('ownProperty', assertOwnProperty);
  addMethod('haveOwnProperty', assertOwnProperty);

  function assertOwnPropertyDescriptor(name, descriptor, msg) {
    if (typeof descriptor === 'string') { msg = descriptor; descriptor = null; }
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var actual = Object.getOwnPropertyDescriptor(Object(obj), name);
    if (actual && descriptor) {
      this.assert(flag(this, 'eql')(descriptor, actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to match ' +
          inspect(descriptor) + ', got ' + inspect(actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to not match ' + inspect(descriptor),
        descriptor, actual, true);
    } else {
      this.assert(actual, 'expected #{this} to have an own property descriptor for ' + inspect(name),
        'expected #{this} to not have an own property descriptor for ' + inspect(name));
    }
    flag(this, 'object', actual);
  }
  addMethod('ownPropertyDescriptor', assertOwnPropertyDescriptor);
  addMethod('haveOwnPropertyDescriptor', assertOwnPropertyDescriptor);

  function lengthChain() { flag(this, 'doLength', true); }

  function assertLength(n, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var objType = typeOf(obj).toLowerCase();
    var descriptor = 'length', count;
    if (objType === 'map' || objType === 'set') {
      descriptor = 'size';
      count = obj.size;
    } else {
      new Assertion(obj, flag(this, 'message'), flag(this, 'ssfi'), true).to.have.property('length');
      count = obj.length;
    }
    // eslint-disable-next-line eqeqeq
    this.assert(count == n, 'expected #{this} to have a ' + descriptor + ' of #{exp} but got #{act}',
      'expected #{this} to not have a ' + descriptor + ' of #{act}', n, count);
  }
  addChainableMethod('length', assertLength, lengthChain);
  addChainableMethod('lengthOf', assertLength, lengthChain);

  function assertMatch(re, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    this.assert(re.exec(obj), 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
  }
  addMethod('match', assertMatch);
  addMethod('matches', assertMatch);

  addMethod('string', function (str, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    new Assertion(obj, flag(this, 'message'), flag(this, 'ssfi'), true).is.a('string');
    this.assert(obj.indexOf(str) !== -1, 'expected #{this} to contain ' + inspect(str),
      'expected #{this} to not contain ' + inspect(str));
  });

  function ownEnumerable(obj) {
    var keys = Object.keys(obj);
    Object.getOwnPropertySymbols(obj).forEach(function (s) {
      if (Object.getOwnPropertyDescriptor(obj, s).enumerable) keys.push(s);
    });
    return keys;
  }

  function byInspect(a, b) { return inspect(a) < inspect(b) ? -1 : 1; }

  function assertKeys(keys) {
    var obj = flag(this, 'object');
    var objType = typeOf(obj);
    var keysType = typeOf(keys);
    var ssfi = flag(this, 'ssfi');
    var isDeep = flag(this, 'deep');
    var deepStr = '', actual, ok = true;
    var pre = prefixOf(this);
    var mixedArgs = pre + 'when testing keys against an object or an array you must give a single ' +
      'Array|Object|String argument or multiple String arguments';
    if (objType === 'Map' || objType === 'Set') {
      deepStr = isDeep ? 'deeply ' : '';
      actual = [];
      obj.forEach(function (v, key) { actual.push(key); });
      if (keysType !== 'Array') keys = Array.prototype.slice.call(arguments);
    } else {
      actual = ownEnumerable(obj);
      if (keysType === 'Array') {
        if (arguments.length > 1) throw new AssertionError(mixedArgs, undefined, ssfi);
      } else if (keysType === 'Object') {
        if (arguments.length > 1) throw new AssertionError(mixedArgs, undefined, ssfi);
        keys = Object.keys(keys);
      } else {
        keys = Array.prototype.slice.call(arguments);
      }
      keys = keys.map(function (k) { return typeof k === 'symbol' ? k : String(k); });
    }
    if (!keys.length) throw new AssertionError(pre + 'keys required', undefined, ssfi);
    var len = keys.length;
    var any = flag(this, 'any');
    var all = flag(this, 'all');
    var expected = keys;
    var same = isDeep ? flag(this, 'eql') : function (a, b) { return a === b; };
    if (!any && !all) all = true;
    var found = function (k) { return actual.some(function (a) { return same(k, a); }); };
    if (any) ok = expected.some(found);
    if (all) {
      ok = expected.every(found);
      if (!flag(this, 'contains')) ok = ok && keys.length === actual.length;
    }
    var str;
    if (len > 1) {
      var shown = keys.map(function (k) { return inspect(k); });
      var lastKey = shown.pop();
      if (all) str = shown.join(', ') + ', and ' + lastKey;
      if (any) str = shown.join(', ') + ', or ' + lastKey;
    } else {
      str = inspect(keys[0]);
    }
    str = (len > 1 ? 'keys ' : 'key ') + str;
    str = (flag(this, 'contains') ? 'contain ' : 'have ') + str;
    this.assert(ok, 'expected #{this} to ' + deepStr + str, 'expected #{this} to not ' + deepStr + str,
      expected.slice(0).sort(byInspect), actual.sort(byInspect), true);
  }
  addMethod('keys', assertKeys);
  addMethod('key', assertKeys);

  /* A thrown non-error (a string, an object) names itself. */
  function checkErrorConstructorName(errorLike) {
    if (errorLike instanceof Error) return funcName(errorLike.constructor);
    if (typeof errorLike === 'function') {
      var name = funcName(errorLike);
      if (name === '') name = funcName(new errorLike()) || name;
      return name;
    }
    return errorLike;
  }

  function compatibleConstructor(thrown, errorLike) {
    if (errorLike instanceof Error) {
      return thrown.constructor === errorLike.constructor || thrown instanceof errorLike.constructor;
    }
    if (errorLike && (errorLike.prototype instanceof Error || errorLike === Error)) {
      return thrown.constructor === errorLike || thrown instanceof errorLike;
    }
    return false;
  }

  function compatibleMessage(thrown, matcher) {
    var text = typeof thrown === 'string' ? thrown : thrown && thrown.message;
    if (matcher instanceof RegExp) return matcher.test(text);
    if (typeof matcher === 'string') return text.indexOf(matcher) !== -1;
    return false;
  }

  function thrownMessage(err) {
    if (err && err.message) return err.message;
    if (typeof err === 'string') return err;
    return '';
  }

  function describeThrown(err) {
    if (err instanceof Error) return err.toString();
    return err && checkErrorConstructorName(err);
  }

  function assertThrows(errorLike, errMsgMatcher, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var ssfi = flag(this, 'ssfi');
    var negate = flag(this, 'negate') || false;
    new Assertion(obj, flag(this, 'message'), ssfi, true).is.a('function');
    if (errorLike instanceof RegExp || typeof errorLike === 'string') {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    var caught;
    try { obj(); } catch (err) { caught = err; }
    var noArgs = errorLike === undefined && errMsgMatcher === undefined;
    var bothArgs = Boolean(errorLike && errMsgMatcher);
    var errorLikeFail = false, matcherFail = false;

    if (noArgs || (!noArgs && !negate)) {
      var what = 'an error';
      if (errorLike instanceof Error) what = '#{exp}';
      else if (errorLike) what = checkErrorConstructorName(errorLike);
      var caughtShown = caught instanceof Error ? caught.toString()
        : typeof caught === 'string' ? caught : caught && checkErrorConstructorName(caught);
      this.assert(caught, 'expected #{this} to throw ' + what,
        'expected #{this} to not throw an error but #{act} was thrown',
        errorLike && errorLike.toString(), caughtShown);
    }

    if (errorLike && caught) {
      if (errorLike instanceof Error) {
        var sameInstance = caught === errorLike;
        if (sameInstance === negate) {
          if (bothArgs && negate) errorLikeFail = true;
          else {
            this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
              'expected #{this} to not throw #{exp}' + (caught && !negate ? ' but #{act} was thrown' : ''),
              errorLike.toString(), caught.toString());
          }
        }
      }
      var sameCtor = compatibleConstructor(caught, errorLike);
      if (sameCtor === negate) {
        if (bothArgs && negate) errorLikeFail = true;
        else {
          this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
            'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
            errorLike instanceof Error ? errorLike.toString() : errorLike && checkErrorConstructorName(errorLike),
            describeThrown(caught));
        }
      }
    }

    if (caught && errMsgMatcher !== undefined && errMsgMatcher !== null) {
      var placeholder = errMsgMatcher instanceof RegExp ? 'matching' : 'including';
      var sameMessage = compatibleMessage(caught, errMsgMatcher);
      if (sameMessage === negate) {
        if (bothArgs && negate) matcherFail = true;
        else {
          this.assert(negate, 'expected #{this} to throw error ' + placeholder + ' #{exp} but got #{act}',
            'expected #{this} to throw error not ' + placeholder + ' #{exp}', errMsgMatcher, thrownMessage(caught));
        }
      }
    }

    if (errorLikeFail && matcherFail) {
      this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
        errorLike instanceof Error ? errorLike.toString() : errorLike && checkErrorConstructorName(errorLike),
        describeThrown(caught));
    }
    flag(this, 'object', caught);
  }
  ['throw', 'throws', 'Throw'].forEach(function (n) { addMethod(n, assertThrows); });

  function respondTo(method, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var itself = flag(this, 'itself');
    var target = typeof obj === 'function' && !itself ? obj.prototype[method] : obj[method];
    this.assert(typeof target === 'function', 'expected #{this} to respond to ' + inspect(method),
      'expected #{this} to not respond to ' + inspect(method));
  }
  addMethod('respondTo', respondTo);
  addMethod('respondsTo', respondTo);

  function satisfy(matcher, msg) {
    if (msg) flag(this, 'message', msg);
    var result = matcher(flag(this, 'object'));
    this.assert(result, 'expected #{this} to satisfy ' + objDisplay(matcher),
      'expected #{this} to not satisfy' + objDisplay(matcher), !flag(this, 'negate'), result);
  }
  addMethod('satisfy', satisfy);
  addMethod('satisfies', satisfy);

  function closeTo(expected, delta, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    new Assertion(obj, flag(this, 'message'), flag(this, 'ssfi'), true).is.a('number');
    if (typeof expected !== 'number' || typeof delta !== 'number') {
      var deltaNote = delta === undefined ? ', and a delta is required' : '';
      throw new AssertionError(prefixOf(this) + 'the arguments to closeTo or approximately must be numbers' + deltaNote,
        undefined, flag(this, 'ssfi'));
    }
    this.assert(Math.abs(obj - expected) <= delta,
      'expected #{this} to be close to ' + expected + ' +/- ' + delta,
      'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
  }
  addMethod('closeTo', closeTo);
  addMethod('approximately', closeTo);

  function isSubsetOf(subset, superset, cmp, contains, ordered) {
    if (!contains) {
      if (subset.length !== superset.length) return false;
      superset = superset.slice();
    }
    return subset.every(function (elem, idx) {
      if (ordered) return cmp ? cmp(elem, superset[idx]) : elem === superset[idx];
      if (!cmp) {
        var at = superset.indexOf(elem);
        if (at === -1) return false;
        if (!contains) superset.splice(at, 1);
        return true;
      }
      return superset.some(function (other, at) {
        if (!cmp(elem, other)) return false;
        if (!contains) superset.splice(at, 1);
        return true;
      });
    });
  }

  addMethod('members', function (subset, msg) {
    if (msg) flag(this, 'message', msg);
    var obj = flag(this, 'object');
    var fm = flag(this, 'message'), ssfi = flag(this, 'ssfi');
    new Assertion(obj, fm, ssfi, true).to.be.an('array');
    new Assertion(subset, fm, ssfi, true).to.be.an('array');
    var contains = flag(this, 'contains');
    var ordered = flag(this, 'ordered');
    var subject, failMsg, failNegateMsg;
    if (contains) {
      subject = ordered ? 'an ordered superset' : 'a superset';
      failMsg = 'expected #{this} to be ' + subject + ' of #{exp}';
      failNegateMsg = 'expected #{this} to not be ' + subject + ' of #{exp}';
    } else {
      subject = ordered ? 'ordered members' : 'members';
      failMsg = 'expected #{this} to have the same ' + subject + ' as #{exp}';
      failNegateMsg = 'expected #{this} to not have the same ' + subject + ' as #{exp}';
    }
    var cmp = flag(this, 'deep') ? flag(this, 'eql') : undefined;
    this.assert(isSubsetOf(subset, obj, cmp, contains, ordered), failMsg, failNegateMsg, subset, obj, true);
  });

  addMethod('oneOf', function (list, msg) {
    if (msg) flag(this, 'message', msg);
    var expected = flag(this, 'object');
    var contains = flag(this, 'contains');
    var isDeep = flag(this, 'deep');
    var same = flag(this, 'eql');
    new Assertion(list, flag(this, 'message'), flag(this, 'ssfi'), true).to.be.an('array');
    if (contains) {
      this.assert(list.some(function (p) { return expected.indexOf(p) > -1; }),
        'expected #{this} to contain one of #{exp}', 'expected #{this} to not contain one of #{exp}', list, expected);
    } else if (isDeep) {
      this.assert(list.some(function (p) { return same(expected, p); }),
        'expected #{this} to deeply equal one of #{exp}', 'expected #{this} to deeply equal one of #{exp}',
        list, expected);
    } else {
      this.assert(list.indexOf(expected) > -1, 'expected #{this} to be one of #{exp}',
        'expected #{this} to not be one of #{exp}', list, expected);
    }
  });

  /* change / increase / decrease watch a property (or a getter function) around a call. */
  function deltaSetup(assertion, subject, prop, msg, behavior, numeric) {
    if (msg) flag(assertion, 'message', msg);
    var fn = flag(assertion, 'object');
    var fm = flag(assertion, 'message'), ssfi = flag(assertion, 'ssfi');
    new Assertion(fn, fm, ssfi, true).is.a('function');
    var initial;
    if (!prop) {
      new Assertion(subject, fm, ssfi, true).is.a('function');
      initial = subject();
    } else {
      new Assertion(subject, fm, ssfi, true).to.have.property(prop);
      initial = subject[prop];
    }
    if (numeric) new Assertion(initial, fm, ssfi, true).is.a('number');
    fn();
    var final = prop === undefined || prop === null ? subject() : subject[prop];
    var msgObj = prop === undefined || prop === null ? initial : '.' + prop;
    flag(assertion, 'deltaMsgObj', msgObj);
    flag(assertion, 'initialDeltaValue', initial);
    flag(assertion, 'finalDeltaValue', final);
    flag(assertion, 'deltaBehavior', behavior);
    return { initial: initial, final: final, msgObj: msgObj };
  }

  function assertChanges(subject, prop, msg) {
    var d = deltaSetup(this, subject, prop, msg, 'change', false);
    flag(this, 'realDelta', d.final !== d.initial);
    this.assert(d.initial !== d.final, 'expected ' + d.msgObj + ' to change', 'expected ' + d.msgObj + ' to not change');
  }
  addMethod('change', assertChanges);
  addMethod('changes', assertChanges);

  function assertIncreases(subject, prop, msg) {
    var d = deltaSetup(this, subject, prop, msg, 'increase', true);
    flag(this, 'realDelta', d.final - d.initial);
    this.assert(d.final - d.initial > 0, 'expected ' + d.msgObj + ' to increase',
      'expected ' + d.msgObj + ' to not increase');
  }
  addMethod('increase', assertIncreases);
  addMethod('increases', assertIncreases);

  function assertDecreases(subject, prop, msg) {
    var d = deltaSetup(this, subject, prop, msg, 'decrease', true);
    flag(this, 'realDelta', d.initial - d.final);
    this.assert(d.final - d.initial < 0, 'expected ' + d.msgObj + ' to decrease',
      'expected ' + d.msgObj + ' to not decrease');
  }
  addMethod('decrease', assertDecreases);
  addMethod('decreases', assertDecreases);

  addMethod('by', function (delta, msg) {
    if (msg) flag(this, 'message', msg);
    var msgObj = flag(this, 'deltaMsgObj');
    var behavior = flag(this, 'deltaBehavior');
    var ok = behavior === 'change'
      ? Math.abs(flag(this, 'finalDeltaValue') - flag(this, 'initialDeltaValue')) === Math.abs(delta)
      : flag(this, 'realDelta') === Math.abs(delta);
    this.assert(ok, 'expected ' + msgObj + ' to ' + behavior + ' by ' + delta,
      'expected ' + msgObj + ' to not ' + behavior + ' by ' + delta);
  });

  addProperty('extensible', function () {
    var obj = flag(this, 'object');
    this.assert(obj === Object(obj) && Object.isExtensible(obj), 'expected #{this} to be extensible',
      'expected #{this} to not be extensible');
  });
  addProperty('sealed', function () {
    var obj = flag(this, 'object');
    this.assert(obj === Object(obj) ? Object.isSealed(obj) : true, 'expected #{this} to be sealed',
      'expected #{this} to not be sealed');
  });
  addProperty('frozen', function () {
    var obj = flag(this, 'object');
    this.assert(obj === Object(obj) ? Object.isFrozen(obj) : true, 'expected #{this} to be frozen',
      'expected #{this} to not be frozen');
  });
  addProperty('finite', function () {
    var obj = flag(this, 'object');
    this.assert(typeof obj === 'number' && isFinite(obj), 'expected #{this} to be a finite number',
      'expected #{this} to not be a finite number');
  });

  // ---------------------------------------------------------------- Postman assertions

  /*
   * Postman's own assertions (`pm.response.to.have.status(200)`), keyed on the shape of
   * the subject instead of SDK classes so that any response/request object the engine
   * builds qualifies. Wording follows postman-sandbox so reports read the same.
   */
  function isResponse(obj) {
    return !!obj && typeof obj === 'object' && typeof obj.code === 'number' &&
      !!obj.headers && typeof obj.headers.get === 'function' && typeof obj.headers.has === 'function' &&
      typeof obj.text === 'function' && typeof obj.json === 'function' && 'responseTime' in obj;
  }

  function isRequest(obj) {
    return !!obj && typeof obj === 'object' && !isResponse(obj) && 'url' in obj && 'method' in obj &&
      !!obj.headers && typeof obj.headers === 'object';
  }

  function isPlainObject(v) {
    if (v === null || typeof v !== 'object' || Object.prototype.toString.call(v) !== '[object Object]') return false;
    var proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
  }

  /*
   * Paths as lodash's get/has read them (Postman's jsonBody uses those): `a.b[0].c`,
   * `a['x.y']`, an array of keys, or a key of the object itself written in full.
   */
  function lodashPath(obj, path) {
    if (Array.isArray(path)) return path.map(String);
    path = String(path);
    if (obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(Object(obj), path)) return [path];
    var keys = [], i = 0, name = '', pending = false;
    function flush(force) {
      if (name !== '' || force) keys.push(name);
      name = '';
      pending = false;
    }
    if (path.charAt(0) === '.') keys.push('');
    while (i < path.length) {
      var ch = path.charAt(i);
      if (ch === '.') {
        flush(pending);
        pending = true;
        i += 1;
      } else if (ch === '[') {
        var quote = path.charAt(i + 1);
        if (quote === '"' || quote === "'") {
          var j = i + 2, text = '';
          while (j < path.length && path.charAt(j) !== quote) {
            if (path.charAt(j) === '\\' && j + 1 < path.length) j += 1;
            text += path.charAt(j);
            j += 1;
          }
          if (path.charAt(j + 1) === ']') {
            flush(false);
            keys.push(text);
            i = j + 2;
            continue;
          }
        }
        var close = path.indexOf(']', i);
        var inside = close === -1 ? null : path.slice(i + 1, close);
        if (inside !== null && inside.indexOf('[') === -1) {
          flush(false);
          keys.push(inside);
          i = close + 1;
        } else {
          name += ch;
          i += 1;
        }
      } else {
        name += ch;
        pending = false;
        i += 1;
      }
    }
    flush(pending);
    return keys;
  }

  function pathHas(obj, path) {
    if (obj === null || obj === undefined) return false;
    var keys = lodashPath(obj, path), cur = obj;
    if (!keys.length) return false;
    for (var i = 0; i < keys.length; i += 1) {
      if (cur === null || cur === undefined || !Object.prototype.hasOwnProperty.call(Object(cur), keys[i])) return false;
      cur = cur[keys[i]];
    }
    return true;
  }

  function pathGet(obj, path) {
    var keys = lodashPath(obj, path), cur = obj;
    for (var i = 0; i < keys.length; i += 1) {
      if (cur === null || cur === undefined) return undefined;
      cur = cur[keys[i]];
    }
    return cur;
  }

  function firstLine(message) { return String(message).replace(/(.*?)\n.*/g, '$1'); }

  function jsonParseError(subject) {
    try {
      return { value: subject.json(), error: null };
    } catch (e) {
      var err = e && e.name === 'JSONError' && e.message ? firstLine(e.message) : (e && e.name) + ': ' + (e && e.message);
      return { value: undefined, error: err };
    }
  }

  function mustBeResponse(assertion) {
    new Assertion(assertion._obj).to.be.postmanResponse;
  }

  function needs(subject, prop, type) {
    new Assertion(subject).to.have.property(prop);
    if (type) new Assertion(subject[prop]).to.be.a(type);
  }

  addProperty('postmanRequest', function () {
    this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}',
      'not expecting a postman request object');
  });
  addProperty('postmanResponse', function () {
    this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}',
      'not expecting a postman response object');
  });
  addProperty('postmanRequestOrResponse', function () {
    this.assert(isResponse(this._obj) || isRequest(this._obj),
      'expecting a postman request or response object but got #{this}',
      'not expecting a postman request or response object');
  });

  function assertStatusClass(assertion, classCode) {
    mustBeResponse(assertion);
    needs(assertion._obj, 'code', 'number');
    var code = assertion._obj.code;
    assertion.assert(Math.floor(code / 100) === classCode, 'expected response code to be #{exp}XX but found #{act}',
      'expected response code to not be #{exp}XX', classCode, code);
  }

  addMethod('statusCodeClass', function (classCode) { assertStatusClass(this, classCode); });
  [['info', 1], ['success', 2], ['redirection', 3], ['clientError', 4], ['serverError', 5]].forEach(function (pair) {
    addProperty(pair[0], function () { assertStatusClass(this, pair[1]); });
  });

  addProperty('error', function () {
    mustBeResponse(this);
    needs(this._obj, 'code', 'number');
    var cls = Math.floor(this._obj.code / 100);
    this.assert(cls === 4 || cls === 5, 'expected response code to be 4XX or 5XX but found #{act}',
      'expected response code to not be 4XX or 5XX', null, this._obj.code);
  });

  function assertCode(assertion, code) {
    needs(assertion._obj, 'code', 'number');
    assertion.assert(assertion._obj.code === Number(code), 'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', Number(code), assertion._obj.code);
  }

  function assertReason(assertion, reason) {
    needs(assertion._obj, 'reason', 'function');
    var actual = assertion._obj.reason();
    assertion.assert(actual === reason, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', reason, actual);
  }

  addMethod('statusCode', function (code) {
    mustBeResponse(this);
    assertCode(this, code);
  });
  addMethod('statusReason', function (reason) {
    mustBeResponse(this);
    assertReason(this, String(reason));
  });
  addMethod('status', function (codeOrReason) {
    mustBeResponse(this);
    if (typeof codeOrReason === 'number' || codeOrReason instanceof Number) assertCode(this, codeOrReason);
    else assertReason(this, codeOrReason);
  });

  /*
   * Named statuses check the reason phrase and then the code, as Postman does. The
   * reason names are Postman's own, quirks included: `notAcceptable` wants "Acceptable"
   * and `unauthorised` wants "Unauthorised", so those never pass there either.
   */
  function assertNamedStatus(assertion, wantedReason, wantedCode) {
    var subject = assertion._obj;
    needs(subject, 'reason', 'function');
    var actual = String(subject.reason()).toUpperCase();
    var code = Number(typeof subject.details === 'function' ? (subject.details() || {}).code : subject.code);
    assertion.assert(actual === wantedReason, 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', wantedReason, actual);
    assertion.assert(code === wantedCode, 'expected response to have status code #{exp} but got #{act}',
      'expected response to not have status code #{act}', wantedCode, code);
  }

  [['accepted', 202, 'Accepted'], ['withoutContent', 204, 'No Content'], ['badRequest', 400, 'Bad Request'],
    ['unauthorised', 401, 'Unauthorised'], ['unauthorized', 401, 'Unauthorized'], ['forbidden', 403, 'Forbidden'],
    ['notFound', 404, 'Not Found'], ['notAcceptable', 406, 'Acceptable'],
    ['rateLimited', 429, 'Too Many Requests']].forEach(function (named) {
    addProperty(named[0], function () {
      mustBeResponse(this);
      assertNamedStatus(this, named[2].toUpperCase(), named[1]);
    });
  });

  // `.ok` stays chai's truthiness check for anything that is not a response.
  addProperty('ok', function () {
    if (!isResponse(this._obj)) {
      this.assert(flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
      return;
    }
    assertNamedStatus(this, 'OK', 200);
  });

  addMethod('header', function (key, value) {
    new Assertion(this._obj).to.be.postmanRequestOrResponse;
    new Assertion(this._obj).to.have.property('headers');
    var kind = isRequest(this._obj) ? 'request' : 'response';
    var headers = this._obj.headers;
    this.assert(headers.has(key), 'expected ' + kind + " to have header with key '" + String(key) + "'",
      'expected ' + kind + " to not have header with key '" + String(key) + "'", true, headers.has(key));
    if (arguments.length < 2) return;
    var one = typeof headers.one === 'function' ? headers.one(key) : { value: headers.get(key) };
    var actual = one ? one.value : undefined;
    this.assert(actual === value, "expected '" + String(key) + "' " + kind + ' header to be #{exp} but got #{act}',
      "expected '" + String(key) + "' " + kind + ' header to not be #{act}', value, actual);
  });

  function assertHasBody(assertion, text) {
    assertion.assert(typeof text === 'string' && text.length, 'expected response to have content in body',
      'expected response to not have content in body');
  }

  addProperty('withBody', function () {
    mustBeResponse(this);
    needs(this._obj, 'text', 'function');
    assertHasBody(this, this._obj.text());
  });

  addProperty('json', function () {
    mustBeResponse(this);
    needs(this._obj, 'json', 'function');
    var parsed = jsonParseError(this._obj);
    this.assert(!parsed.error, 'expected response body to be a valid json but got error ' + parsed.error,
      'expected response body not to be a valid json');
  });

  addMethod('body', function (content) {
    mustBeResponse(this);
    var data;
    if (isPlainObject(content)) {
      needs(this._obj, 'json', 'function');
      data = jsonParseError(this._obj).value;
      this.assert(deepEqual(data, content), 'expected response body json to equal #{exp} but got #{act}',
        'expected response body json to not equal #{exp} but got #{act}', content, data);
      return;
    }
    needs(this._obj, 'text', 'function');
    data = this._obj.text();
    if (arguments.length === 0) {
      assertHasBody(this, data);
      return;
    }
    if (content instanceof RegExp) {
      this.assert(content.exec(data) !== null, 'expected response body text to match #{exp} but got #{act}',
        'expected response body text #{act} to not match #{exp}', content, data);
      return;
    }
    this.assert(deepEqual(data, content), 'expected response body to equal #{exp} but got #{act}',
      'expected response body to not equal #{exp}', content, data);
  });

  addMethod('jsonBody', function (path, value) {
    mustBeResponse(this);
    needs(this._obj, 'json', 'function');
    var parsed = jsonParseError(this._obj);
    if (arguments.length === 0) {
      this.assert(!parsed.error, 'expected response body to be a valid json but got error ' + parsed.error,
        'expected response body not to be a valid json');
      return;
    }
    if (typeof path !== 'string') return;
    var body = parsed.value;
    this.assert(pathHas(body, path), 'expected #{act} in response to contain property #{exp}',
      'expected #{act} in response to not contain property #{exp}', path, body);
    if (arguments.length > 1) {
      var at = pathGet(body, path);
      this.assert(deepEqual(at, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
        'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, at);
    }
  });

  addChainableMethod('responseTime', function (value) {
    var time = flag(this, 'number');
    this.assert(typeof time === 'number', 'expected response to have a valid response time but got #{act}',
      'expected response to not have a valid response time but got #{act}', null, time);
    if (arguments.length) {
      this.assert(deepEqual(time, value), 'expected response to have a valid response time but got #{act}',
        'expected response to not have a valid response time but got #{act}', null, time);
    }
  }, function () {
    mustBeResponse(this);
    new Assertion(this._obj).to.have.property('responseTime');
    flag(this, 'number', this._obj.responseTime);
    this._obj = this._obj.responseTime;
  });

  addChainableMethod('responseSize', function (value) {
    var size = flag(this, 'number');
    this.assert(typeof size === 'number', 'expected response to have a valid response size but got #{act}',
      'expected response to not have a valid response size but got #{act}', null, size);
    if (arguments.length) {
      this.assert(deepEqual(size, value), 'expected response size to equal #{act} but got #{exp}',
        'expected response size to not equal #{act} but got #{exp}', value, size);
    }
  }, function () {
    mustBeResponse(this);
    needs(this._obj, 'size', 'function');
    var size = this._obj.size() || {};
    var total = (size.header || 0) + (size.body || 0);
    flag(this, 'number', total);
    this._obj = total;
  });

  addMethod('jsonSchema', function (schema, options) {
    new Assertion(schema).to.be.an('object');
    var subject = this._obj, data;
    if (isResponse(subject) || (isRequest(subject) && typeof subject.json === 'function')) data = subject.json();
    else data = subject;
    // Newman words these errors like ajv 6, which the built-in validator reproduces; a
    // registered ajv module is used only for options that only a real ajv can honour
    var wantsAjv = options && typeof options === 'object' && Object.keys(options).length > 0;
    var outcome = (wantsAjv && validateWithAjv(schema, data, options)) || validateSchema(schema, data);
    this.assert(outcome.valid, 'expected data to satisfy schema but found following errors: \n' + outcome.text,
      'expected data to not satisfy schema', true, outcome.valid);
  });

  /* Uses the sandbox's ajv module when one is registered; null means "not available". */
  function validateWithAjv(schema, data, options) {
    var Ajv;
    try {
      if (typeof require !== 'function') return null;
      Ajv = require('ajv');
    } catch (e) {
      return null;
    }
    if (Ajv && typeof Ajv !== 'function' && typeof Ajv.default === 'function') Ajv = Ajv.default;
    if (typeof Ajv !== 'function') return null;
    var opts = { allErrors: true, logger: false };
    Object.keys(options || {}).forEach(function (k) { opts[k] = options[k]; });
    var ajv = new Ajv(opts);
    var valid = ajv.validate(schema, data);
    return { valid: !!valid && !ajv.errors, text: ajv.errorsText() };
  }

  // ---------------------------------------------------------------- built-in JSON Schema (draft-07)

  /*
   * Fallback when no ajv module is present: the keywords API tests really use, with
   * ajv 6's error wording (Postman bundles ajv 6) so messages match Newman's.
   */
  function isIPv6(text) {
    var zone = text.indexOf('%');
    if (zone !== -1) {
      if (zone === text.length - 1) return false;
      text = text.slice(0, zone);
    }
    if (text.indexOf('.') !== -1) {
      var cut = text.lastIndexOf(':');
      if (!FORMATS.ipv4.test(text.slice(cut + 1))) return false;
      text = text.slice(0, cut + 1) + '0:0';
    }
    var halves = text.split('::');
    if (halves.length > 2) return false;
    var groups = function (part) { return part === '' ? [] : part.split(':'); };
    var all = groups(halves[0]).concat(halves.length === 2 ? groups(halves[1]) : []);
    if (!all.every(function (g) { return /^[0-9a-f]{1,4}$/i.test(g); })) return false;
    return halves.length === 2 ? all.length <= 7 : all.length === 8;
  }

  /* Public web URLs only (private and loopback IPv4 hosts are refused), as ajv's `url`. */
  function isWebUrl(text) {
    var m = /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?([^\s/?#:]+)(?::(\d{2,5}))?(?:[/?#]\S*)?$/i.exec(text);
    if (!m) return false;
    var host = m[1];
    var quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
    if (quad) {
      var o = quad.slice(1).map(Number);
      if (quad.slice(1).some(function (part) { return part.length > 1 && part.charAt(0) === '0' && o[0] !== 0; })) return false;
      if (o[0] === 10 || o[0] === 127 || (o[0] === 169 && o[1] === 254) || (o[0] === 192 && o[1] === 168) ||
          (o[0] === 172 && o[1] >= 16 && o[1] <= 31)) return false;
      return o[0] >= 1 && o[0] <= 223 && o[1] <= 255 && o[2] <= 255 && o[3] >= 1 && o[3] <= 254;
    }
    var labels = host.replace(/\.$/, '').split('.');
    if (labels.length < 2) return false;
    var tld = labels.pop();
    if (!/^[a-z\u00a1-\uffff]{2,}$/i.test(tld)) return false;
    return labels.every(function (l) { return /^[a-z0-9\u00a1-\uffff]+(?:-+[a-z0-9\u00a1-\uffff]+)*$/i.test(l); });
  }

  // Format checks rebuilt from the grammars ajv 6 applies in its default ("fast") mode.
  var LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  var CLOCK = '(?:[0-2]\\d:[0-5]\\d:[0-5]\\d|23:59:60)(?:\\.\\d+)?';
  var ZONE = '(?:z|[+-]\\d\\d(?::?\\d\\d)?)';
  var DAY = '\\d{4}-[01]\\d-[0-3]\\d';
  var SCHEME = '[a-z][a-z0-9+\\-.]*:';
  var PCT = '%[0-9a-f]{2}';
  var VARSPEC = '(?:[a-z0-9_]|' + PCT + ')+(?::[1-9]\\d{0,3}|\\*)?';
  var TEMPLATE_PART = '(?:[^\\x00-\\x20"\'<>%\\\\^`{|}]|' + PCT + '|\\{[+#./;?&=,!@|]?' + VARSPEC + '(?:,' + VARSPEC + ')*\\})';
  var POINTER = '(?:\\/(?:[^~/]|~0|~1)*)*';
  var OCTET = '(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)';

  function anchored(body, flags) { return new RegExp('^' + body + '$', flags); }

  var FORMATS = {
    'date-time': anchored(DAY + '[t\\s]' + CLOCK + ZONE, 'i'),
    date: anchored(DAY),
    time: anchored(CLOCK + ZONE + '?', 'i'),
    email: anchored("[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + LABEL + '(?:\\.' + LABEL + ')*', 'i'),
    hostname: anchored('(?=.{1,253}\\.?$)' + LABEL + '(?:\\.' + LABEL + ')*\\.?', 'i'),
    ipv4: anchored('(?:' + OCTET + '\\.){3}' + OCTET),
    ipv6: { test: function (t) { return isIPv6(t); } },
    uri: anchored('(?:' + SCHEME + ')(?:\\/?\\/)?[^\\s]*', 'i'),
    'uri-reference': anchored('(?:(?:' + SCHEME + ')?\\/?\\/)?(?:[^\\\\\\s#][^\\s#]*)?(?:#[^\\\\\\s]*)?', 'i'),
    'uri-template': anchored(TEMPLATE_PART + '*', 'i'),
    url: { test: function (t) { return isWebUrl(t); } },
    'json-pointer': anchored(POINTER),
    'json-pointer-uri-fragment': anchored("#(?:\\/(?:[a-z0-9_\\-.!$&'()*+,;:=@]|" + PCT + '|~0|~1)*)*', 'i'),
    'relative-json-pointer': anchored('(?:0|[1-9]\\d*)(?:#|' + POINTER + ')'),
    uuid: anchored('(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}', 'i'),
    regex: { test: function (t) {
      if (/[^\\]\\Z/.test(t)) return false; // ajv refuses Perl's \Z anchor
      try { new RegExp(t); return true; } catch (e) { return false; }
    } }
  };


  function jsonType(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    return typeof v;
  }

  function typeMatches(v, t) {
    var actual = jsonType(v);
    if (t === 'integer') return actual === 'number' && Math.floor(v) === v && isFinite(v);
    if (t === 'number') return actual === 'number';
    return actual === t;
  }

  /* JSON equality as ajv uses it for enum/const/uniqueItems (0 equals -0, NaN equals NaN). */
  function jsonEqual(a, b) {
    if (a === b) return true;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      if (Array.isArray(a) !== Array.isArray(b)) return false;
      var ka = Object.keys(a), kb = Object.keys(b);
      if (ka.length !== kb.length) return false;
      for (var i = 0; i < ka.length; i += 1) {
        if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !jsonEqual(a[ka[i]], b[ka[i]])) return false;
      }
      return true;
    }
    return a !== a && b !== b;
  }

  var SCHEMA_RULES = ['type', '$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'maximum', 'minimum',
    'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format', 'maxLength', 'minLength', 'pattern', 'maxItems',
    'minItems', 'items', 'additionalItems', 'contains', 'uniqueItems', 'maxProperties', 'minProperties', 'required',
    'dependencies', 'propertyNames', 'properties', 'patternProperties', 'additionalProperties'];

  function hasRules(schema) {
    if (typeof schema === 'boolean') return !schema;
    if (!schema || typeof schema !== 'object') return false;
    return SCHEMA_RULES.some(function (k) { return k in schema; });
  }

  /* Paths like ajv's errorsText: `.name` for plain declared names, `['x y']` otherwise. */
  function declaredPath(base, key) {
    if (/^[a-z$_][a-z$_0-9]*$/i.test(key)) return base + '.' + key;
    return base + "['" + String(key).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r').replace(/\f/g, '\\f').replace(/\t/g, '\\t') + "']";
  }

  function dynamicPath(base, key) { return base + "['" + key + "']"; }

  function resolveRef(root, ref) {
    if (ref === '#') return root;
    if (ref.indexOf('#/') !== 0) return undefined;
    return ref.slice(2).split('/').reduce(function (node, part) {
      part = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      return node === undefined || node === null ? undefined : node[part];
    }, root);
  }

  var SCALAR_TYPES = ['string', 'number', 'integer', 'boolean', 'null'];

  function duplicatePair(schema, data) {
    var itemType = schema.items && schema.items.type;
    var scalar = typeof itemType === 'string' ? SCALAR_TYPES.indexOf(itemType) !== -1
      : Array.isArray(itemType) && itemType.length > 0 && itemType.every(function (ty) { return SCALAR_TYPES.indexOf(ty) !== -1; });
    var i, j;
    if (scalar) {
      // ajv's fast path for scalar items: remembers the nearest later index of each value
      var types = Array.isArray(itemType) ? itemType : [itemType];
      var seen = Object.create(null);
      for (i = data.length - 1; i >= 0; i -= 1) {
        var item = data[i];
        if (!types.some(function (ty) { return typeMatches(item, ty); })) continue;
        var key = typeof item === 'string' ? '"' + item : String(item);
        if (typeof seen[key] === 'number') return [seen[key], i];
        seen[key] = i;
      }
      return null;
    }
    for (i = data.length - 1; i > 0; i -= 1) {
      for (j = i - 1; j >= 0; j -= 1) {
        if (jsonEqual(data[i], data[j])) return [j, i];
      }
    }
    return null;
  }

  function limitError(schema, data, path, errors, plain, exclusive, cmpWord, exclWord, holds) {
    var hasPlain = typeof schema[plain] === 'number', hasExcl = typeof schema[exclusive] === 'number';
    if (!hasPlain && !hasExcl) return;
    var useExcl = hasExcl && (!hasPlain || (plain === 'maximum' ? schema[exclusive] <= schema[plain]
      : schema[exclusive] >= schema[plain]));
    var limit = useExcl ? schema[exclusive] : schema[plain];
    if (!holds(data, limit, useExcl)) errors.push(path + ' should be ' + (useExcl ? exclWord : cmpWord) + ' ' + limit);
  }

  /*
   * Errors are collected in ajv 6's keyword order (type, then the number / string /
   * array / object keywords, then $ref/const/enum/not/anyOf/oneOf/allOf/if) so that the
   * joined text matches what Postman prints.
   */
  function checkSchema(schema, data, path, root, errors) {
    if (schema === true || schema === undefined) return;
    if (schema === false) { errors.push(path + ' boolean schema is false'); return; }
    if (typeof schema !== 'object' || schema === null) return;
    if (typeof schema.$ref === 'string') {
      var target = resolveRef(root, schema.$ref);
      if (target === undefined) throw new Error("can't resolve reference " + schema.$ref + ' from id #');
      checkSchema(target, data, path, root, errors);
      return;
    }
    var t = jsonType(data);
    if (schema.type !== undefined) {
      var types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some(function (ty) { return typeMatches(data, ty); })) errors.push(path + ' should be ' + types.join(','));
    }
    if (t === 'number') {
      limitError(schema, data, path, errors, 'maximum', 'exclusiveMaximum', '<=', '<', function (v, lim, ex) {
        return ex ? v < lim : v <= lim;
      });
      limitError(schema, data, path, errors, 'minimum', 'exclusiveMinimum', '>=', '>', function (v, lim, ex) {
        return ex ? v > lim : v >= lim;
      });
      if (typeof schema.multipleOf === 'number') {
        var q = data / schema.multipleOf;
        if (q !== parseInt(q, 10)) errors.push(path + ' should be multiple of ' + schema.multipleOf);
      }
    }
    if (t === 'string') {
      var len = Array.from(data).length;
      if (typeof schema.maxLength === 'number' && len > schema.maxLength) {
        errors.push(path + ' should NOT be longer than ' + schema.maxLength + ' characters');
      }
      if (typeof schema.minLength === 'number' && len < schema.minLength) {
        errors.push(path + ' should NOT be shorter than ' + schema.minLength + ' characters');
      }
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(data)) {
        errors.push(path + ' should match pattern "' + schema.pattern + '"');
      }
      if (typeof schema.format === 'string' && FORMATS[schema.format] && !FORMATS[schema.format].test(data)) {
        errors.push(path + ' should match format "' + schema.format + '"');
      }
    }
    if (t === 'array') checkArray(schema, data, path, root, errors);
    if (t === 'object') checkObject(schema, data, path, root, errors);
    if ('const' in schema && !jsonEqual(schema.const, data)) errors.push(path + ' should be equal to constant');
    if (Array.isArray(schema.enum) && !schema.enum.some(function (e) { return jsonEqual(e, data); })) {
      errors.push(path + ' should be equal to one of the allowed values');
    }
    var run = function (sub) {
      var found = [];
      checkSchema(sub, data, path, root, found);
      return found;
    };
    if (schema.not !== undefined && run(schema.not).length === 0) errors.push(path + ' should NOT be valid');
    if (Array.isArray(schema.anyOf)) {
      var anyRuns = schema.anyOf.map(run);
      if (!anyRuns.some(function (r) { return r.length === 0; })) {
        anyRuns.forEach(function (r) { errors.push.apply(errors, r); });
        errors.push(path + ' should match some schema in anyOf');
      }
    }
    if (Array.isArray(schema.oneOf)) {
      var oneRuns = schema.oneOf.map(run);
      var passing = oneRuns.filter(function (r) { return r.length === 0; }).length;
      if (passing !== 1) {
        if (passing === 0) oneRuns.forEach(function (r) { errors.push.apply(errors, r); });
        errors.push(path + ' should match exactly one schema in oneOf');
      }
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach(function (sub) { checkSchema(sub, data, path, root, errors); });
    }
    if (schema.if !== undefined) {
      var ifOk = run(schema.if).length === 0;
      var branch = ifOk ? schema.then : schema.else;
      if (branch !== undefined) {
        var branchErrors = run(branch);
        if (branchErrors.length) {
          errors.push.apply(errors, branchErrors);
          errors.push(path + ' should match "' + (ifOk ? 'then' : 'else') + '" schema');
        }
      }
    }
  }

  function checkArray(schema, data, path, root, errors) {
    if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) {
      errors.push(path + ' should NOT have more than ' + schema.maxItems + ' items');
    }
    if (typeof schema.minItems === 'number' && data.length < schema.minItems) {
      errors.push(path + ' should NOT have fewer than ' + schema.minItems + ' items');
    }
    if (Array.isArray(schema.items)) {
      schema.items.forEach(function (sub, idx) {
        if (idx < data.length) checkSchema(sub, data[idx], path + '[' + idx + ']', root, errors);
      });
      if (data.length > schema.items.length) {
        if (schema.additionalItems === false) {
          errors.push(path + ' should NOT have more than ' + schema.items.length + ' items');
        } else if (schema.additionalItems && typeof schema.additionalItems === 'object') {
          for (var k = schema.items.length; k < data.length; k += 1) {
            checkSchema(schema.additionalItems, data[k], path + '[' + k + ']', root, errors);
          }
        }
      }
    } else if (schema.items !== undefined) {
      data.forEach(function (item, idx) { checkSchema(schema.items, item, path + '[' + idx + ']', root, errors); });
    }
    if (schema.contains !== undefined) {
      var itemErrors = [], anyValid = false;
      data.forEach(function (item, idx) {
        var found = [];
        checkSchema(schema.contains, item, path + '[' + idx + ']', root, found);
        if (!found.length) anyValid = true;
        itemErrors.push.apply(itemErrors, found);
      });
      if (!anyValid) {
        errors.push.apply(errors, itemErrors);
        errors.push(path + ' should contain a valid item');
      }
    }
    if (schema.uniqueItems === true) {
      var pair = duplicatePair(schema, data);
      if (pair) errors.push(path + ' should NOT have duplicate items (items ## ' + pair[0] + ' and ' + pair[1] + ' are identical)');
    }
  }

  function checkObject(schema, data, path, root, errors) {
    var has = function (k) { return Object.prototype.hasOwnProperty.call(data, k); };
    var keys = Object.keys(data);
    var props = schema.properties && typeof schema.properties === 'object' ? schema.properties : {};
    var declared = Object.keys(props);
    if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) {
      errors.push(path + ' should NOT have more than ' + schema.maxProperties + ' properties');
    }
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
      errors.push(path + ' should NOT have fewer than ' + schema.minProperties + ' properties');
    }
    // required names whose declared schema has rules are reported where that property is checked
    var lateRequired = Object.create(null);
    if (Array.isArray(schema.required)) {
      schema.required.forEach(function (name) {
        if (declared.length && hasRules(props[name])) { lateRequired[name] = true; return; }
        if (!has(name)) errors.push(path + " should have required property '" + name + "'");
      });
    }
    if (schema.dependencies && typeof schema.dependencies === 'object') {
      var deps = schema.dependencies;
      Object.keys(deps).forEach(function (key) {
        if (!Array.isArray(deps[key]) || !has(key)) return;
        var list = deps[key];
        list.forEach(function (other) {
          if (!has(other)) {
            errors.push(path + ' should have ' + (list.length === 1 ? 'property ' + list[0] : 'properties ' + list.join(', ')) +
              ' when property ' + key + ' is present');
          }
        });
      });
      Object.keys(deps).forEach(function (key) {
        if (Array.isArray(deps[key]) || !has(key)) return;
        checkSchema(deps[key], data, path, root, errors);
      });
    }
    if (schema.propertyNames !== undefined) {
      keys.forEach(function (key) {
        var found = [];
        checkSchema(schema.propertyNames, key, path, root, found);
        if (found.length) {
          errors.push.apply(errors, found);
          errors.push(path + " property name '" + key + "' is invalid");
        }
      });
    }
    var patterns = schema.patternProperties && typeof schema.patternProperties === 'object' ? schema.patternProperties : {};
    var patternList = Object.keys(patterns);
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
      keys.forEach(function (key) {
        if (Object.prototype.hasOwnProperty.call(props, key)) return;
        if (patternList.some(function (pat) { return new RegExp(pat).test(key); })) return;
        if (schema.additionalProperties === false) errors.push(path + ' should NOT have additional properties');
        else checkSchema(schema.additionalProperties, data[key], dynamicPath(path, key), root, errors);
      });
    }
    declared.forEach(function (key) {
      if (has(key)) checkSchema(props[key], data[key], declaredPath(path, key), root, errors);
      else if (lateRequired[key]) errors.push(path + " should have required property '" + key + "'");
    });
    patternList.forEach(function (pat) {
      var re = new RegExp(pat);
      keys.forEach(function (key) {
        if (re.test(key)) checkSchema(patterns[pat], data[key], dynamicPath(path, key), root, errors);
      });
    });
  }

  var KNOWN_META = ['http://json-schema.org/draft-07/schema', 'http://json-schema.org/schema'];

  /*
   * The draft-07 meta-schema (a JSON Schema specification document). Schemas are checked
   * against it first, as ajv does, so a broken schema (`"type": "int"`, draft-03's
   * `"required": true`) fails with ajv's "schema is invalid: ..." instead of validating.
   */
  var META = {
    definitions: {
      schemaArray: { type: 'array', minItems: 1, items: { $ref: '#' } },
      nonNegativeInteger: { type: 'integer', minimum: 0 },
      nonNegativeIntegerDefault0: { allOf: [{ $ref: '#/definitions/nonNegativeInteger' }, { default: 0 }] },
      simpleTypes: { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] },
      stringArray: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] }
    },
    type: ['object', 'boolean'],
    properties: {
      $id: { type: 'string', format: 'uri-reference' },
      $schema: { type: 'string', format: 'uri' },
      $ref: { type: 'string', format: 'uri-reference' },
      $comment: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      default: true,
      readOnly: { type: 'boolean', default: false },
      examples: { type: 'array', items: true },
      multipleOf: { type: 'number', exclusiveMinimum: 0 },
      maximum: { type: 'number' },
      exclusiveMaximum: { type: 'number' },
      minimum: { type: 'number' },
      exclusiveMinimum: { type: 'number' },
      maxLength: { $ref: '#/definitions/nonNegativeInteger' },
      minLength: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
      pattern: { type: 'string', format: 'regex' },
      additionalItems: { $ref: '#' },
      items: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/schemaArray' }], default: true },
      maxItems: { $ref: '#/definitions/nonNegativeInteger' },
      minItems: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
      uniqueItems: { type: 'boolean', default: false },
      contains: { $ref: '#' },
      maxProperties: { $ref: '#/definitions/nonNegativeInteger' },
      minProperties: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
      required: { $ref: '#/definitions/stringArray' },
      additionalProperties: { $ref: '#' },
      definitions: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
      properties: { type: 'object', additionalProperties: { $ref: '#' }, default: {} },
      patternProperties: { type: 'object', additionalProperties: { $ref: '#' }, propertyNames: { format: 'regex' }, default: {} },
      dependencies: { type: 'object', additionalProperties: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/stringArray' }] } },
      propertyNames: { $ref: '#' },
      const: true,
      enum: { type: 'array', items: true },
      type: {
        anyOf: [{ $ref: '#/definitions/simpleTypes' },
          { type: 'array', items: { $ref: '#/definitions/simpleTypes' }, minItems: 1, uniqueItems: true }]
      },
      format: { type: 'string' },
      contentMediaType: { type: 'string' },
      contentEncoding: { type: 'string' },
      if: { $ref: '#' },
      then: { $ref: '#' },
      else: { $ref: '#' },
      allOf: { $ref: '#/definitions/schemaArray' },
      anyOf: { $ref: '#/definitions/schemaArray' },
      oneOf: { $ref: '#/definitions/schemaArray' },
      not: { $ref: '#' }
    },
    default: true
  };

  var OTHER_FORMATS = [];

  /* ajv refuses formats it does not know while compiling; report the first, with its schema path. */
  function unknownFormat(schema, path) {
    if (!schema || typeof schema !== 'object' || typeof schema.$ref === 'string') return null;
    if (typeof schema.format === 'string' && !FORMATS[schema.format] && OTHER_FORMATS.indexOf(schema.format) === -1) {
      return { format: schema.format, path: path };
    }
    var found = null;
    var visit = function (sub, subPath) { if (!found) found = unknownFormat(sub, subPath); };
    if (Array.isArray(schema.items)) schema.items.forEach(function (sub, i) { visit(sub, path + '/items/' + i); });
    else visit(schema.items, path + '/items');
    visit(schema.additionalItems, path + '/additionalItems');
    visit(schema.contains, path + '/contains');
    ['properties', 'patternProperties', 'dependencies'].forEach(function (kw) {
      if (schema[kw] && typeof schema[kw] === 'object') {
        Object.keys(schema[kw]).forEach(function (k) { visit(schema[kw][k], path + '/' + kw + '/' + k); });
      }
    });
    visit(schema.additionalProperties, path + '/additionalProperties');
    visit(schema.propertyNames, path + '/propertyNames');
    visit(schema.not, path + '/not');
    ['anyOf', 'oneOf', 'allOf'].forEach(function (kw) {
      if (Array.isArray(schema[kw])) schema[kw].forEach(function (sub, i) { visit(sub, path + '/' + kw + '/' + i); });
    });
    visit(schema.if, path + '/if');
    visit(schema.then, path + '/then');
    visit(schema.else, path + '/else');
    return found;
  }

  /* ajv 6 knows only the draft-07 meta-schema: any other `$schema` is an error, as in Postman. */
  function validateSchema(schema, data) {
    if (schema && typeof schema.$schema === 'string' && KNOWN_META.indexOf(schema.$schema.replace(/#$/, '')) === -1) {
      throw new Error('no schema with key or ref "' + schema.$schema + '"');
    }
    var metaErrors = [];
    checkSchema(META, schema, 'data', META, metaErrors);
    if (metaErrors.length) throw new Error('schema is invalid: ' + metaErrors.join(', '));
    var unknown = unknownFormat(schema, '#');
    if (unknown) throw new Error('unknown format "' + unknown.format + '" is used in schema at path "' + unknown.path + '"');
    var errors = [];
    checkSchema(schema, data, 'data', schema, errors);
    return { valid: errors.length === 0, text: errors.length ? errors.join(', ') : 'No errors' };
  }

  // ---------------------------------------------------------------- the chai object

  function expect(val, message) {
    return new Assertion(val, message);
  }
  expect.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    message = message || 'expect.fail()';
    throw new AssertionError(message, { actual: actual, expected: expected, operator: operator }, expect.fail);
  };

  /* chai's guard for plugin assertions: "object tested must be a string, or an array, but number given". */
  function expectTypes(obj, types) {
    var pre = prefixOf(obj);
    var ssfi = flag(obj, 'ssfi');
    var subject = flag(obj, 'object');
    types = types.map(function (t) { return t.toLowerCase(); }).sort();
    var str = types.map(function (t, index) {
      var art = 'aeiou'.indexOf(t.charAt(0)) !== -1 ? 'an' : 'a';
      var or = types.length > 1 && index === types.length - 1 ? 'or ' : '';
      return or + art + ' ' + t;
    }).join(', ');
    var objType = typeOf(subject).toLowerCase();
    if (!types.some(function (t) { return objType === t; })) {
      throw new AssertionError(pre + 'object tested must be ' + str + ', but ' + objType + ' given', undefined, ssfi);
    }
  }

  // ---------------------------------------------------------------- assert interface

  /*
   * chai's TDD `assert` style, for scripts that take it from require('chai'): each
   * function is a thin call into the BDD assertions, so messages stay identical.
   */
  function assert(express, errmsg) {
    new Assertion(null, null, assert, true).assert(express, errmsg, '[ negation message unavailable ]');
  }
  assert.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    message = message || 'assert.fail()';
    throw new AssertionError(message, { actual: actual, expected: expected, operator: operator }, assert.fail);
  };
  assert.equal = function (act, exp, msg) {
    var test = new Assertion(act, msg, assert.equal, true);
    // eslint-disable-next-line eqeqeq
    test.assert(exp == flag(test, 'object'), 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{act}',
      exp, act, true);
  };
  assert.notEqual = function (act, exp, msg) {
    var test = new Assertion(act, msg, assert.notEqual, true);
    // eslint-disable-next-line eqeqeq
    test.assert(exp != flag(test, 'object'), 'expected #{this} to not equal #{exp}', 'expected #{this} to equal #{act}',
      exp, act, true);
  };
  assert.operator = function (val, operator, val2, msg) {
    var ops = {
      '==': function (a, b) { return a == b; }, '===': function (a, b) { return a === b; }, // eslint-disable-line eqeqeq
      '>': function (a, b) { return a > b; }, '>=': function (a, b) { return a >= b; },
      '<': function (a, b) { return a < b; }, '<=': function (a, b) { return a <= b; },
      '!=': function (a, b) { return a != b; }, '!==': function (a, b) { return a !== b; } // eslint-disable-line eqeqeq
    };
    if (!ops[operator]) {
      msg = msg ? msg + ': ' : msg;
      throw new AssertionError(msg + 'Invalid operator "' + operator + '"', undefined, assert.operator);
    }
    var test = new Assertion(ops[operator](val, val2), msg, assert.operator, true);
    test.assert(flag(test, 'object') === true, 'expected ' + inspect(val) + ' to be ' + operator + ' ' + inspect(val2),
      'expected ' + inspect(val) + ' to not be ' + operator + ' ' + inspect(val2));
  };
  assert.throws = function (fn, errorLike, errMsgMatcher, msg) {
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    var result = new Assertion(fn, msg, assert.throws, true).to.throw(errorLike, errMsgMatcher);
    return flag(result, 'object');
  };
  assert.doesNotThrow = function (fn, errorLike, errMsgMatcher, msg) {
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    new Assertion(fn, msg, assert.doesNotThrow, true).to.not.throw(errorLike, errMsgMatcher);
  };
  assert.throw = assert.throws;
  assert.Throw = assert.throws;

  /* name -> [argument count before msg, chain of flags, final assertion or null for a property] */
  var ASSERT_TABLE = {
    isOk: [1, [], 'ok'], ok: [1, [], 'ok'], isNotOk: [1, ['not'], 'ok'], notOk: [1, ['not'], 'ok'],
    strictEqual: [2, [], 'equal'], notStrictEqual: [2, ['not'], 'equal'],
    deepEqual: [2, [], 'eql'], deepStrictEqual: [2, [], 'eql'], notDeepEqual: [2, ['not'], 'eql'],
    isAbove: [2, [], 'above'], isAtLeast: [2, [], 'least'], isBelow: [2, [], 'below'], isAtMost: [2, [], 'most'],
    isTrue: [1, [], 'true'], isFalse: [1, [], 'false'],
    isNaN: [1, [], 'NaN'], isNotNaN: [1, ['not'], 'NaN'], exists: [1, [], 'exist'], notExists: [1, ['not'], 'exist'],
    isFinite: [1, [], 'finite'], isEmpty: [1, [], 'empty'], isNotEmpty: [1, ['not'], 'empty'],
    isExtensible: [1, [], 'extensible'], isNotExtensible: [1, ['not'], 'extensible'],
    isSealed: [1, [], 'sealed'], isNotSealed: [1, ['not'], 'sealed'],
    isFrozen: [1, [], 'frozen'], isNotFrozen: [1, ['not'], 'frozen'],
    instanceOf: [2, [], 'instanceOf'], notInstanceOf: [2, ['not'], 'instanceOf'],
    include: [2, [], 'include'], notInclude: [2, ['not'], 'include'],
    deepInclude: [2, ['deep'], 'include'], notDeepInclude: [2, ['not', 'deep'], 'include'],
    nestedInclude: [2, ['nested'], 'include'], notNestedInclude: [2, ['not', 'nested'], 'include'],
    ownInclude: [2, ['own'], 'include'], notOwnInclude: [2, ['not', 'own'], 'include'],
    match: [2, [], 'match'], notMatch: [2, ['not'], 'match'],
    property: [2, [], 'property'], notProperty: [2, ['not'], 'property'],
    propertyVal: [3, [], 'property'], notPropertyVal: [3, ['not'], 'property'],
    deepPropertyVal: [3, ['deep'], 'property'], notDeepPropertyVal: [3, ['not', 'deep'], 'property'],
    ownProperty: [2, ['own'], 'property'], notOwnProperty: [2, ['not', 'own'], 'property'],
    ownPropertyVal: [3, ['own'], 'property'], notOwnPropertyVal: [3, ['not', 'own'], 'property'],
    nestedProperty: [2, ['nested'], 'property'], notNestedProperty: [2, ['not', 'nested'], 'property'],
    nestedPropertyVal: [3, ['nested'], 'property'], notNestedPropertyVal: [3, ['not', 'nested'], 'property'],
    lengthOf: [2, [], 'lengthOf'],
    hasAnyKeys: [2, ['any'], 'keys'], hasAllKeys: [2, ['all'], 'keys'], containsAllKeys: [2, ['contains', 'all'], 'keys'],
    doesNotHaveAnyKeys: [2, ['not', 'any'], 'keys'], doesNotHaveAllKeys: [2, ['not', 'all'], 'keys'],
    closeTo: [3, [], 'closeTo'], approximately: [3, [], 'closeTo'],
    sameMembers: [2, [], 'members'], notSameMembers: [2, ['not'], 'members'],
    sameDeepMembers: [2, ['deep'], 'members'], notSameDeepMembers: [2, ['not', 'deep'], 'members'],
    sameOrderedMembers: [2, ['ordered'], 'members'], notSameOrderedMembers: [2, ['not', 'ordered'], 'members'],
    sameDeepOrderedMembers: [2, ['deep', 'ordered'], 'members'],
    includeMembers: [2, ['contains'], 'members'], notIncludeMembers: [2, ['not', 'contains'], 'members'],
    includeDeepMembers: [2, ['deep', 'contains'], 'members'],
    includeOrderedMembers: [2, ['ordered', 'contains'], 'members'],
    oneOf: [2, [], 'oneOf']
  };

  Object.keys(ASSERT_TABLE).forEach(function (name) {
    var spec = ASSERT_TABLE[name], argc = spec[0], flags = spec[1], final = spec[2];
    assert[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var test = new Assertion(args[0], args[argc], assert[name], true);
      flags.forEach(function (f) {
        if (f === 'contains') flag(test, 'contains', true);
        else if (f === 'not') flag(test, 'negate', true);
        else test = test[f];
      });
      if (argc === 1) return void test[final];
      test[final].apply(test, args.slice(1, argc));
    };
  });

  [['isNull', 'equal', null, false], ['isNotNull', 'equal', null, true],
    ['isUndefined', 'equal', undefined, false], ['isDefined', 'equal', undefined, true],
    ['isNotTrue', 'equal', true, true], ['isNotFalse', 'equal', false, true]].forEach(function (spec) {
    assert[spec[0]] = function (val, msg) {
      var test = new Assertion(val, msg, assert[spec[0]], true);
      if (spec[3]) flag(test, 'negate', true);
      test[spec[1]](spec[2]);
    };
  });

  [['isFunction', 'function'], ['isObject', 'object'], ['isArray', 'array'], ['isString', 'string'],
    ['isNumber', 'number'], ['isBoolean', 'boolean']].forEach(function (spec) {
    var typeName = spec[0].slice(2);
    assert[spec[0]] = function (val, msg) { new Assertion(val, msg, assert[spec[0]], true).to.be.a(spec[1]); };
    assert['isNot' + typeName] = function (val, msg) {
      new Assertion(val, msg, assert['isNot' + typeName], true).to.not.be.a(spec[1]);
    };
  });
  assert.typeOf = function (val, type, msg) { new Assertion(val, msg, assert.typeOf, true).to.be.a(type); };
  assert.notTypeOf = function (val, type, msg) { new Assertion(val, msg, assert.notTypeOf, true).to.not.be.a(type); };

  var util = {
    expectTypes: expectTypes,
    getOwnEnumerableProperties: ownEnumerable,
    getOwnEnumerablePropertySymbols: function (obj) {
      return Object.getOwnPropertySymbols(obj).filter(function (s) {
        return Object.getOwnPropertyDescriptor(obj, s).enumerable;
      });
    },
    getProperties: function (obj) {
      var names = [];
      for (var p = obj; p !== null && p !== undefined; p = Object.getPrototypeOf(p)) {
        Object.getOwnPropertyNames(p).forEach(function (n) { if (names.indexOf(n) === -1) names.push(n); });
      }
      return names;
    },
    compareByInspect: byInspect,
    isNaN: Number.isNaN,
    isProxyEnabled: function () { return !!config.useProxy && typeof Proxy !== 'undefined'; },
    proxify: function (obj) { return guard(obj); },
    checkError: {
      compatibleInstance: function (thrown, errorLike) { return errorLike instanceof Error && thrown === errorLike; },
      compatibleConstructor: compatibleConstructor,
      compatibleMessage: compatibleMessage,
      getConstructorName: checkErrorConstructorName,
      getMessage: thrownMessage
    },
    flag: flag,
    transferFlags: transferFlags,
    inspect: inspect,
    objDisplay: objDisplay,
    type: typeOf,
    eql: eql,
    getMessage: getMessage,
    getActual: getActual,
    getOperator: getOperator,
    getPathInfo: getPathInfo,
    hasProperty: hasProperty,
    getName: funcName,
    test: function (obj, args) { return flag(obj, 'negate') ? !args[0] : args[0]; },
    addProperty: function (ctx, name, getter) { if (ctx === Assertion.prototype) addProperty(name, getter); else Object.defineProperty(ctx, name, { get: getter, configurable: true }); },
    addMethod: function (ctx, name, method) { if (ctx === Assertion.prototype) addMethod(name, method); else ctx[name] = method; },
    addChainableMethod: function (ctx, name, method, chain) { addChainableMethod(name, method, chain); },
    overwriteProperty: function (ctx, name, getter) { overwriteProperty(name, getter); },
    overwriteMethod: function (ctx, name, method) { overwriteMethod(name, method); },
    overwriteChainableMethod: function (ctx, name, method, chain) { overwriteChainableMethod(name, method, chain); }
  };

  var chai = {
    expect: expect,
    assert: assert,
    Assertion: Assertion,
    AssertionError: AssertionError,
    config: config,
    util: util,
    use: function (plugin) {
      if (chai.__used.indexOf(plugin) === -1) {
        plugin(chai, util);
        chai.__used.push(plugin);
      }
      return chai;
    }
  };
  Object.defineProperty(chai, '__used', { value: [], enumerable: false });

  globalThis.__pmr_chai = chai;
})();
