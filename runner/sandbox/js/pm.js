/*
 * pmreplay sandbox: the `pm` object, Postman's legacy globals and the per-script driver
 * (`__pmr_exec`) that runner/sandbox/engine.py calls.
 *
 * Why a driver in JS: every call from Python into V8 costs a few tenths of a millisecond,
 * so one evaluation runs a whole script and returns everything it recorded (scopes, tests,
 * console, request changes) as a single JSON string. Only scripts that leave timers,
 * promises or pm.sendRequest calls behind need further evaluations ("steps").
 *
 * Built on __pmr_sdk (sdk.js: Request, Response, VariableScope, replaceIn, ...) and
 * __pmr_chai (expect.js); both are read lazily so load order problems surface as clear
 * errors inside the script instead of at startup.
 */
(function (global) {
  'use strict';

  var base = global.__pmr_base;
  var controls = base.takePrivate();   // buffer budget and limits; scripts never see these
  var sealed = false;
  var SCRIPT_URL = 'sandbox-script.js';   // the name Postman gives scripts in stack traces
  var SCOPE_NAMES = ['globals', 'collectionVariables', 'environment', 'iterationData', '_variables'];
  var RETURNED_SCOPES = ['globals', 'environment', 'collectionVariables', '_variables'];
  var hasOwn = Object.prototype.hasOwnProperty;
  // Captured once: a script that overwrites these must not break the engine for the next one.
  var stringify = JSON.stringify;
  var ownNames = Object.getOwnPropertyNames;

  var compiled = new Map();          // wrapper source -> compiled function (scripts repeat per request)
  var deprecationsSeen = Object.create(null);
  var baselineGlobals = null;        // global names that exist before any user script runs
  var S = null;                      // state of the script being executed

  function sdk() {
    if (!global.__pmr_sdk) { throw new Error('pmreplay sandbox: the SDK object model (sdk.js) is not loaded'); }
    return global.__pmr_sdk;
  }
  function chai() {
    if (!global.__pmr_chai) { throw new Error('pmreplay sandbox: the assertion library (expect.js) is not loaded'); }
    return global.__pmr_chai;
  }

  // ---------------------------------------------------------------- errors
  var LINE_RE = new RegExp(SCRIPT_URL.replace(/\./g, '\\.') + ':(\\d+):(\\d+)');

  function errorInfo(e) {
    var info;
    if (e !== null && typeof e === 'object') {
      info = {
        name: String(e.name || (e.constructor && e.constructor.name) || 'Error'),
        message: e.message === undefined ? String(e) : String(e.message),
        stack: typeof e.stack === 'string' ? e.stack : null
      };
    } else {
      info = { name: 'Error', message: String(e), stack: null };
    }
    var m = info.stack ? LINE_RE.exec(info.stack) : null;
    info.line = m ? Number(m[1]) : null;
    if (info.stack) {
      // Frames of the sandbox's own code mean nothing to the script's author.
      var lines = info.stack.split('\n');
      info.stack = lines.filter(function (l, i) { return i === 0 || !/^\s+at /.test(l) || l.indexOf(SCRIPT_URL) >= 0; }).join('\n');
    }
    return info;
  }

  // Thrown by pm.execution.skipRequest(): like Newman, the script ends there and nothing it
  // does afterwards (variables, tests, console, timers) is kept. Not an error.
  var SKIP_SIGNAL = { toString: function () { return 'pm.execution.skipRequest()'; } };

  function setError(e) {
    if (e === SKIP_SIGNAL) { if (S) { S.skipDone = true; } return; }
    if (S && !S.error) { S.error = errorInfo(e); }
  }

  // ---------------------------------------------------------------- compile
  function compile(source, isAsync) {
    var wrapper = '(' + (isAsync ? 'async ' : '') + 'function () {' + source + '\n})\n//# sourceURL=' + SCRIPT_URL;
    var fn = compiled.get(wrapper);
    if (!fn) {
      fn = (0, eval)(wrapper);
      if (compiled.size > 500) { compiled.clear(); }
      compiled.set(wrapper, fn);
    }
    return fn;
  }

  // ---------------------------------------------------------------- helpers
  function lazy(obj, name, factory) {
    Object.defineProperty(obj, name, {
      configurable: true, enumerable: true,
      get: function () {
        var value = factory();
        Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: true });
        return value;
      },
      set: function (value) {
        Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: true });
      }
    });
  }

  function noteDeprecation(name) {
    if (!deprecationsSeen[name]) {
      deprecationsSeen[name] = true;
      if (S) { S.deprecations.push(name); }
    }
  }

  function scopeValues(name) {
    var scopes = S.ctx.scopes || {};
    var values = scopes[name];
    if (name === 'iterationData' && !values && S.ctx.data && typeof S.ctx.data === 'object') {
      values = Object.keys(S.ctx.data).map(function (k) { return { key: k, value: S.ctx.data[k] }; });
    }
    return Array.isArray(values) ? values : [];
  }

  // The sdk VariableScope of one scope, built on first use so untouched scopes cost nothing.
  function scope(name) {
    var st = S;
    if (!st.scopes[name]) { st.scopes[name] = new (sdk().VariableScope)(scopeValues(name)); }
    return st.scopes[name];
  }

  // Precedence for pm.variables and {{name}} in scripts: local first, globals last.
  var PRECEDENCE = ['_variables', 'iterationData', 'environment', 'collectionVariables', 'globals'];

  function resolveVariable(key) {
    for (var i = 0; i < PRECEDENCE.length; i++) {
      var sc = scope(PRECEDENCE[i]);
      if (sc.has(key)) { return sc.get(key); }
    }
    return undefined;
  }

  // What a {{key}} lookup hands to replaceIn: the Variable itself when the sdk offers it,
  // so null/undefined values substitute the way Postman's do instead of keeping the token.
  function effective(sc, key) {
    if (typeof sc.effectiveVariable === 'function') { return sc.effectiveVariable(key); }
    return sc.has(key) ? sc.get(key) : undefined;
  }

  function replaceWith(template, lookup) {
    if (template === undefined || template === null) { return template; }
    return sdk().replaceIn(template, lookup);
  }

  function dynamicLookup(name) {
    var dyn = sdk().dynamicVariables;
    if (name && name.charAt(0) === '$' && dyn && typeof dyn[name] === 'function') { return dyn[name](); }
    return undefined;
  }

  // pm.environment / pm.globals / pm.collectionVariables share this shape.
  function scopeFacade(name, readOnly) {
    var facade = {
      get: function (key) { return scope(name).get(key); },
      has: function (key) { return scope(name).has(key); },
      toObject: function () { return scope(name).toObject(); },
      toJSON: function () { return scope(name).toJSON(); },
      replaceIn: function (template) {
        var sc = scope(name);
        return replaceWith(template, function (key) { return effective(sc, key); });
      }
    };
    if (readOnly) {
      facade.unset = function (key) { scope(name).unset(key); };
    } else {
      facade.set = function (key, value, type) { S.touched[name] = true; scope(name).set(key, value, type); };
      facade.unset = function (key) { S.touched[name] = true; scope(name).unset(key); };
      facade.clear = function () { S.touched[name] = true; scope(name).clear(); };
    }
    return facade;
  }

  function variablesFacade() {
    return {
      get: function (key) { return resolveVariable(key); },
      has: function (key) {
        for (var i = 0; i < PRECEDENCE.length; i++) { if (scope(PRECEDENCE[i]).has(key)) { return true; } }
        return false;
      },
      set: function (key, value, type) { S.touched._variables = true; scope('_variables').set(key, value, type); },
      unset: function (key) { S.touched._variables = true; scope('_variables').unset(key); },
      clear: function () { S.touched._variables = true; scope('_variables').clear(); },
      toObject: function () {
        var out = {};
        for (var i = PRECEDENCE.length - 1; i >= 0; i--) { Object.assign(out, scope(PRECEDENCE[i]).toObject()); }
        return out;
      },
      replaceIn: function (template) {
        return replaceWith(template, function (key) {
          for (var i = 0; i < PRECEDENCE.length; i++) {
            var sc = scope(PRECEDENCE[i]);
            if (sc.has(key)) { return effective(sc, key); }
          }
          return dynamicLookup(key);
        });
      }
    };
  }

  function decorateResponse(res) {
    // `pm.response.to.have.status(200)`: a fresh assertion per access so flags never leak.
    // Non-enumerable, so toJSON() and console output never see it.
    Object.defineProperty(res, 'to', {
      configurable: true, enumerable: false,
      get: function () { return chai().expect(this).to; }
    });
    return res;
  }

  function headersToArray(header) {
    if (!header || Array.isArray(header) || typeof header !== 'object' || typeof header.each === 'function') { return header; }
    return Object.keys(header).map(function (k) { return { key: k, value: header[k] }; });
  }

  // pm.sendRequest accepts a URL string, an SDK Request or a plain request object.
  function normaliseOutgoing(req) {
    var Request = sdk().Request;
    var request;
    if (typeof req === 'string') {
      request = new Request({ method: 'GET', url: req });
    } else if (req instanceof Request) {
      request = req;
    } else if (req && typeof req === 'object') {
      var copy = Object.assign({}, req);
      copy.header = headersToArray(copy.header || copy.headers);
      delete copy.headers;
      request = new Request(copy);
    } else {
      throw new TypeError('pm.sendRequest needs a URL string or a request object');
    }
    var json = request.toJSON();
    json.url = request.url.toString();
    json.method = json.method || 'GET';
    return json;
  }

  function sendRequest(req, callback) {
    var st = S;
    var spec;
    try {
      spec = normaliseOutgoing(req);
    } catch (e) {
      if (typeof callback === 'function') { callback(e, null); return undefined; }
      return Promise.reject(e);
    }
    var id = ++st.sendSeq;
    var record = { request: spec, response: null, error: null };
    st.sendRecords.push(record);
    st.outbox.push({ id: id, request: spec });
    if (typeof callback === 'function') {
      st.sends.set(id, { record: record, callback: callback });
      return undefined;
    }
    return new Promise(function (resolve, reject) {
      st.sends.set(id, { record: record, resolve: resolve, reject: reject });
    });
  }

  // ---------------------------------------------------------------- pm.test
  function recordFailure(rec, e) {
    if (!rec.passed) { return; }
    rec.passed = false;
    if (e === null || (typeof e !== 'object' && typeof e !== 'function')) {
      // Newman: a thrown string (or number) fails the test as an AssertionError named after it
      rec.error = { name: 'AssertionError', message: rec.name, stack: null };
      return;
    }
    var info = errorInfo(e);
    rec.error = { name: info.name, message: info.message, stack: info.stack };
  }

  // Like Newman, a test is recorded when it completes: a test nested in another comes
  // first, and an async test lands after the sync tests that finished before it.
  function complete(st, rec) {
    var i = st.pendingRecs.indexOf(rec);
    if (i < 0) { return; }
    st.pendingRecs.splice(i, 1);
    st.tests.push(rec);
  }

  function makeTest() {
    function test(name, fn) {
      var st = S;
      // Like Postman: the name is whatever was given, stringified, and a test without a
      // function simply passes (pm.test(fn) is named after the function's source).
      var rec = { name: String(name), passed: true, skipped: false, error: null };
      st.pendingRecs.push(rec);
      if (typeof fn !== 'function') { complete(st, rec); return st.pm; }
      if (fn.length > 0) {
        var finished = false;
        var done = function (err) {
          if (finished) { return; }
          finished = true;
          st.pendingTests--;
          if (err) { recordFailure(rec, err); }
          complete(st, rec);
        };
        st.pendingTests++;
        try { fn.call(st.pm, done); } catch (e) { recordFailure(rec, e); done(); }
        return st.pm;
      }
      var outcome;
      try { outcome = fn.call(st.pm); } catch (e) { recordFailure(rec, e); complete(st, rec); return st.pm; }
      if (outcome && typeof outcome.then === 'function') {
        st.pendingTests++;
        var settled = false;
        var settle = function (err, failed) {
          if (settled) { return; }
          settled = true;
          st.pendingTests--;
          if (failed) { recordFailure(rec, err); }
          complete(st, rec);
        };
        outcome.then(function () { settle(null, false); }, function (err) { settle(err, true); });
      } else {
        complete(st, rec);
      }
      return st.pm;
    }
    test.skip = function (name) {
      S.tests.push({ name: String(name), passed: true, skipped: true, error: null });
      return S.pm;
    };
    return test;
  }

  // ---------------------------------------------------------------- pm
  function buildPm(st) {
    var ctx = st.ctx;
    var pm = {};
    var env = scopeFacade('environment');
    env.name = ctx.environmentName === undefined ? undefined : ctx.environmentName;
    pm.environment = env;
    pm.globals = scopeFacade('globals');
    pm.collectionVariables = scopeFacade('collectionVariables');
    pm.iterationData = scopeFacade('iterationData', true);
    pm.variables = variablesFacade();

    var info = Object.assign({ eventName: st.listen, iteration: 0, iterationCount: 1, requestName: undefined, requestId: undefined }, ctx.info || {});
    info.eventName = st.listen;
    pm.info = info;

    lazy(pm, 'request', function () {
      st.requestBuilt = true;
      // `pm.request.to.have.header(...)` works like pm.response.to: expect.js duck-types it.
      return decorateResponse(new (sdk().Request)(ctx.request || { method: 'GET', url: '' }));
    });
    lazy(pm, 'response', function () {
      if (ctx.response) { return decorateResponse(new (sdk().Response)(ctx.response)); }
      // Newman: a test script after a failed request gets an empty response; a
      // pre-request script has none at all.
      return st.listen === 'test' ? decorateResponse(new (sdk().Response)({})) : undefined;
    });
    lazy(pm, 'cookies', function () {
      var list = new (sdk().CookieList)(null, ctx.cookies || []);
      list.jar = function () {
        throw new Error('pm.cookies.jar() is not supported by pmreplay');
      };
      return list;
    });

    var location = (ctx.location || []).slice();
    location.current = location.length ? location[location.length - 1] : undefined;
    pm.execution = {
      location: location,
      setNextRequest: function (name) { st.nextRequest = { set: true, value: name === undefined ? null : name }; },
      skipRequest: function () {
        // Newman: only pre-request scripts have it; a test script gets a TypeError
        if (st.listen !== 'prerequest') { throw new TypeError('pm.execution.skipRequest is not a function'); }
        st.skipRequest = true;
        throw SKIP_SIGNAL;
      }
    };
    pm.visualizer = {
      set: function (template, data, options) {
        st.visualizer = { template: template, data: data === undefined ? null : base.toPlain(data), options: options === undefined ? null : base.toPlain(options) };
      },
      clear: function () { st.visualizer = null; }
    };
    pm.test = makeTest();
    Object.defineProperty(pm, 'expect', { enumerable: true, get: function () { return chai().expect; } });
    pm.sendRequest = sendRequest;
    return pm;
  }

  // ---------------------------------------------------------------- legacy API
  function legacyPostman(st) {
    function scoped(name, scopeName, fn) {
      return function () {
        noteDeprecation('postman.' + name);
        return fn.apply(null, arguments);
      };
    }
    var p = {
      setEnvironmentVariable: scoped('setEnvironmentVariable', 'environment', function (k, v) { st.pm.environment.set(k, v); }),
      getEnvironmentVariable: scoped('getEnvironmentVariable', 'environment', function (k) { return st.pm.environment.get(k); }),
      clearEnvironmentVariable: scoped('clearEnvironmentVariable', 'environment', function (k) { st.pm.environment.unset(k); }),
      clearEnvironmentVariables: scoped('clearEnvironmentVariables', 'environment', function () { st.pm.environment.clear(); }),
      setGlobalVariable: scoped('setGlobalVariable', 'globals', function (k, v) { st.pm.globals.set(k, v); }),
      getGlobalVariable: scoped('getGlobalVariable', 'globals', function (k) { return st.pm.globals.get(k); }),
      clearGlobalVariable: scoped('clearGlobalVariable', 'globals', function (k) { st.pm.globals.unset(k); }),
      clearGlobalVariables: scoped('clearGlobalVariables', 'globals', function () { st.pm.globals.clear(); }),
      setNextRequest: scoped('setNextRequest', null, function (name) { st.pm.execution.setNextRequest(name); }),
      getResponseHeader: scoped('getResponseHeader', null, function (name) {
        var headers = (st.ctx.response && st.ctx.response.header) || [];
        var wanted = String(name).toLowerCase();
        var found;
        for (var i = 0; i < headers.length; i++) {
          if (String(headers[i].key).toLowerCase() === wanted) { found = headers[i].value; }
        }
        return found;
      }),
      getResponseCookie: scoped('getResponseCookie', null, function (name) {
        var cookies = st.ctx.cookies || [];
        for (var i = 0; i < cookies.length; i++) {
          if (cookies[i].name === name) { return Object.assign({}, cookies[i]); }
        }
        return undefined;
      })
    };
    return p;
  }

  function headerObject(headers, lowerCase) {
    var out = {};
    (headers || []).forEach(function (h) {
      if (h && !h.disabled && h.key !== undefined) { out[lowerCase ? String(h.key).toLowerCase() : h.key] = h.value; }
    });
    return out;
  }

  function legacyRequest(st) {
    var r = st.pm.request;
    var json = r.toJSON();
    var data = {};
    var body = json.body;
    if (body) {
      if (body.mode === 'raw') { data = body.raw === undefined ? '' : body.raw; }
      else if (body.mode === 'urlencoded' || body.mode === 'formdata') {
        (body[body.mode] || []).forEach(function (p) { if (!p.disabled) { data[p.key] = p.value; } });
      }
    }
    return {
      url: r.url.toString(),
      method: r.method,
      headers: headerObject(json.header, true),   // Newman lower-cases the legacy request's keys
      data: data,
      id: st.ctx.info && st.ctx.info.requestId,
      name: st.ctx.info && st.ctx.info.requestName
    };
  }

  var LEGACY = {
    tests: function (st) { return st.legacyTests; },
    postman: function (st) { return st.legacyPostman || (st.legacyPostman = legacyPostman(st)); },
    globals: function (st) { return st.pm.globals.toObject(); },
    environment: function (st) { return st.pm.environment.toObject(); },
    data: function (st) { return st.pm.iterationData.toObject(); },
    iteration: function (st) { return st.pm.info.iteration; },
    request: function (st) { return legacyRequest(st); },
    responseBody: function (st) { return st.ctx.response ? st.ctx.response.body : undefined; },
    responseCode: function (st) {
      var r = st.ctx.response || (st.listen === 'test' ? {} : null);
      return r ? { code: r.code, name: r.status, detail: r.status, standardName: r.status } : undefined;
    },
    responseHeaders: function (st) { return st.ctx.response ? headerObject(st.ctx.response.header) : undefined; },
    responseTime: function (st) { return st.ctx.response ? st.ctx.response.responseTime : undefined; },
    responseCookies: function (st) { return (st.ctx.cookies || []).map(function (c) { return Object.assign({}, c); }); }
  };
  // Newman 6.2 warns when a script reads or writes a property of these objects
  // (`tests['x'] = ...`, `data.foo`, `JSON.stringify(request)`), not on a bare mention,
  // and never for the primitive ones (responseBody, responseTime, iteration). postman.*
  // methods note their own names when called.
  var WATCHED_LEGACY = {
    tests: true, globals: true, environment: true, data: true, request: true,
    responseCode: true, responseHeaders: true, responseCookies: true
  };

  function watched(name, value) {
    if (value === null || typeof value !== 'object') { return value; }
    return new Proxy(value, {
      get: function (target, key, receiver) {
        if (typeof key === 'string') { noteDeprecation(name); }
        return Reflect.get(target, key, receiver);
      },
      set: function (target, key, v, receiver) {
        noteDeprecation(name);
        return Reflect.set(target, key, v, receiver);
      },
      has: function (target, key) { noteDeprecation(name); return Reflect.has(target, key); },
      ownKeys: function (target) { noteDeprecation(name); return Reflect.ownKeys(target); },
      deleteProperty: function (target, key) { noteDeprecation(name); return Reflect.deleteProperty(target, key); }
    });
  }

  function installGlobals() {
    Object.defineProperty(global, 'pm', {
      configurable: true, enumerable: false,
      get: function () { return S ? S.pm : undefined; },
      set: function (v) { if (S) { S.pm = v; } }
    });
    Object.keys(LEGACY).forEach(function (name) {
      Object.defineProperty(global, name, {
        configurable: true, enumerable: false,
        get: function () {
          if (!S) { return undefined; }
          if (hasOwn.call(S.legacy, name)) { return S.legacy[name]; }
          var value = LEGACY[name](S);
          if (WATCHED_LEGACY[name]) { value = watched(name, value); }
          S.legacy[name] = value;
          return value;
        },
        set: function (v) { if (S) { S.legacy[name] = v; } }
      });
    });
    global.__pmr_installLazyGlobals();
  }

  // ---------------------------------------------------------------- execution state
  function newState(payload) {
    var st = {
      listen: payload.listen === 'prerequest' ? 'prerequest' : 'test',
      ctx: payload.context || {},
      scopes: Object.create(null),
      touched: Object.create(null),
      tests: [],
      console: [],
      nextRequest: { set: false, value: null },
      skipRequest: false,
      visualizer: null,
      error: null,
      deprecations: [],
      sendSeq: 0,
      sendRecords: [],
      outbox: [],
      sends: new Map(),
      pendingTests: 0,
      pendingRecs: [],
      scriptPending: false,
      legacy: Object.create(null),
      legacyTests: {},
      requestBuilt: false,
      pm: null
    };
    return st;
  }

  function legacyTestResults(st) {
    Object.keys(st.legacyTests).forEach(function (name) {
      var value = st.legacyTests[name];
      var passed = Boolean(value);
      var shown = String(value);   // Newman: "expected 0 to be truthy", "expected  to be truthy"
      st.tests.push({
        name: name, passed: passed, skipped: false,
        error: passed ? null : { name: 'AssertionError', message: 'expected ' + shown + ' to be truthy', stack: null }
      });
    });
  }

  function cleanGlobals() {
    var names = ownNames(global);
    for (var i = 0; i < names.length; i++) {
      if (!baselineGlobals.has(names[i])) {
        try { delete global[names[i]]; } catch (e) { /* non-configurable: leave it */ }
      }
    }
  }

  function collectResult(st, extraError) {
    if (extraError && !st.error) { st.error = extraError; }
    if (hasOwn.call(st.legacy, 'tests') || Object.keys(st.legacyTests).length) { legacyTestResults(st); }
    st.pendingRecs.splice(0).forEach(function (rec) {
      if (rec.passed) {
        rec.passed = false;
        var why = st.error || { name: 'Error', message: 'test did not complete before the script ended' };
        rec.error = { name: why.name, message: why.message, stack: null };
      }
      st.tests.push(rec);
    });
    var scopes = {};
    // A scope the script never changed comes back as null: the engine reuses the
    // caller's list instead of shipping it back through JSON (it may hold a whole library).
    // Every change goes through the facades, which mark the scope as touched.
    RETURNED_SCOPES.forEach(function (name) {
      scopes[name] = st.scopes[name] && st.touched[name] ? st.scopes[name].toJSON() : null;
    });
    var request = st.ctx.request === undefined ? null : st.ctx.request;
    if (st.requestBuilt) {
      try { request = requestJSON(st.pm.request); } catch (e) { setError(e); }
    }
    return {
      scopes: scopes,
      request: request,
      tests: st.tests,
      console: st.console,
      nextRequest: st.nextRequest,
      skipRequest: st.skipRequest,
      error: st.error,
      visualizer: st.visualizer,
      deprecations: st.deprecations,
      sendRequests: st.sendRecords
    };
  }

  // Scripts assign plain values to pm.request fields (`pm.request.url = '...'`,
  // `pm.request.auth = {type: 'bearer', ...}`, `pm.request.headers = [...]`); Postman
  // accepts that, so turn them back into SDK objects before serialising.
  function requestJSON(request) {
    var S_ = sdk();
    if (request.url !== undefined && !(request.url instanceof S_.Url)) {
      request.url = new S_.Url(typeof request.url === 'string' ? request.url : (request.url || ''));
    }
    if (request.auth && !(request.auth instanceof S_.RequestAuth)) {
      request.auth = new S_.RequestAuth(request.auth);
    }
    if (request.headers && typeof request.headers.each !== 'function') {
      request.headers = new S_.PropertyList(S_.Header, request, headersToArray(request.headers) || []);
    }
    if (request.body && !(request.body instanceof S_.RequestBody)) {
      request.body = new S_.RequestBody(request.body);
    }
    if (typeof request.method === 'string') { request.method = request.method.toUpperCase(); }
    return request.toJSON();
  }

  function finish(extraError) {
    var st = S;
    // Undo whatever the script did to shared objects before any engine code runs again.
    var integrity = base.integrity.restore();

    base.integrity.forgetNewModules(integrity.changed);
    var result;
    try {
      result = collectResult(st, extraError);
    } catch (e) {
      st.error = st.error || errorInfo(e);
      result = collectResult(st);
    }
    var json;
    try {
      json = stringify(result);
    } catch (e) {
      json = stringify(base.toPlain(result));
    }
    S = null;
    base.consoleSink.entries = null;
    base.timerControl.reset();
    base.tracker.rejections = [];   // a fresh array: the script may have replaced it
    cleanGlobals();
    // Something shared could not be put back (a frozen prototype): the engine replaces the isolate.
    return '{"state":"done"' + (integrity.clean ? '' : ',"restart":true') + ',"result":' + json + '}';
  }

  function checkUnhandled() {
    var list = base.tracker.rejections;
    for (var i = 0; i < list.length; i++) {
      if (!list[i].handled) {
        var reason = list[i].reason;
        list.length = 0;
        if (reason === SKIP_SIGNAL) { setError(reason); return; }
        var info = errorInfo(reason);
        if (!(reason instanceof Error)) { info.message = 'Unhandled promise rejection: ' + info.message; }
        if (S && !S.error) { S.error = info; }
        return;
      }
    }
    list.length = 0;
  }

  function step() {
    if (!S) { return '{"state":"idle"}'; }
    checkUnhandled();
    if (S.error || S.skipDone) { return finish(); }
    if (S.outbox.length) {
      var out = S.outbox;
      S.outbox = [];
      return stringify({ state: 'send', requests: out });
    }
    var delay = base.timerControl.nextDelay();
    if (delay === 0) {
      try { base.timerControl.fireDue(); } catch (e) { setError(e); }
      return '{"state":"continue"}';
    }
    if (delay > 0) { return '{"state":"wait","ms":' + delay + '}'; }
    if (S.sends.size) { return '{"state":"stuck","why":"sendRequest"}'; }
    if (S.scriptPending || S.pendingTests > 0) { return '{"state":"stuck","why":"promise"}'; }
    return finish();
  }

  function run(payload) {
    if (baselineGlobals === null) { throw new Error('pmreplay sandbox not initialised'); }
    global.__pmr_restoreCore();
    S = newState(payload);
    var st = S;
    base.tracker.touched = false;
    base.tracker.rejections = [];   // a fresh array: the script may have replaced it
    base.timerControl.reset();
    if (controls) { controls.resetBuffers(); }
    base.consoleSink.entries = st.console;
    var source = typeof payload.script === 'string' ? payload.script : '';
    var isAsync = /\bawait\b/.test(source);
    try {
      st.pm = buildPm(st);
    } catch (e) {
      return finish(errorInfo(e));
    }
    var fn;
    try {
      fn = compile(source, isAsync);
    } catch (e) {
      var info = errorInfo(e);
      info.compile = true;
      return finish(info);
    }
    try {
      var outcome = fn.call(global);
      if (isAsync) {
        st.scriptPending = true;
        outcome.then(function () { st.scriptPending = false; },
          function (e) { st.scriptPending = false; if (S === st) { setError(e); } });
      }
    } catch (e) {
      setError(e);
      return finish();
    }
    if (!isAsync && !base.tracker.touched && !st.outbox.length && !st.pendingTests &&
        base.timerControl.count() === 0) {
      return finish();
    }
    return '{"state":"continue"}';
  }

  function deliver(items) {
    var st = S;
    if (!st) { return; }
    items.forEach(function (item) {
      var entry = st.sends.get(item.id);
      if (!entry) { return; }
      st.sends.delete(item.id);
      var err = null;
      var res = null;
      if (item.error) {
        entry.record.error = String(item.error);
        err = new Error(String(item.error));
      } else {
        entry.record.response = item.response;
        try { res = decorateResponse(new (sdk().Response)(item.response)); } catch (e) { err = e; }
      }
      try {
        if (entry.callback) { entry.callback(err, res); }
        else if (err) { entry.reject(err); }
        else { entry.resolve(res); }
      } catch (e) {
        setError(e);
      }
    });
  }

  function abort(error) {
    if (!S) { return '{"state":"idle"}'; }
    return finish(error);
  }

  // Called once by the engine after every sandbox file has loaded.
  // The sdk's classes and chai's Assertion decide what every later script's pm.response,
  // pm.expect and test results mean; a script must not be able to rewrite them for the
  // rest of the run. Frozen rather than restored after each script: no per-script cost.
  function freezeEngineClasses() {
    var roots = [global.__pmr_sdk, global.__pmr_chai];
    for (var r = 0; r < roots.length; r++) {
      var root = roots[r];
      if (!root) { continue; }
      var keys = ownNames(root);
      for (var i = 0; i < keys.length; i++) {
        var d = Object.getOwnPropertyDescriptor(root, keys[i]);
        var v = d && d.value;
        if (typeof v === 'function' && v.prototype && ownNames(v.prototype).length > 1) {
          Object.freeze(v.prototype);
          Object.freeze(v);
        }
      }
      Object.freeze(root);
    }
  }

  // `limits` ({maxElements, maxBufferBytes}) follow the engine's memory cap. Only the
  // first call counts: a script calling it again must not re-baseline the sandbox.
  function seal(limits) {
    if (sealed) { return; }
    sealed = true;
    if (limits && controls) { controls.setLimits(limits.maxElements, limits.maxBufferBytes); }
    installGlobals();
    baselineGlobals = new Set(Object.getOwnPropertyNames(global));
    baselineGlobals.add('__pmr_exec');
    base.integrity.protectIntrinsics();
    freezeEngineClasses();
  }

  // Postman's sandbox parses with a lenient JSON whose failures are JSONErrors with a
  // position ("Unexpected token 'b' at 1:2"); the sdk builds those. Native parse first, so
  // valid JSON costs nothing extra; the guard stops the sdk's own JSON.parse call recursing.
  var nativeParse = JSON.parse;
  var inFallback = false;
  Object.defineProperty(JSON, 'parse', {
    configurable: true, writable: true, enumerable: false,
    value: function parse(text, reviver) {
      try {
        return nativeParse(text, reviver);
      } catch (err) {
        var parseLenient = global.__pmr_sdk && global.__pmr_sdk.parseJSON;
        if (inFallback || typeof parseLenient !== 'function') { throw err; }
        inFallback = true;
        try { return parseLenient(String(text), reviver); } finally { inFallback = false; }
      }
    }
  });

  Object.defineProperty(global, '__pmr_exec', {
    value: Object.freeze({ run: run, step: step, deliver: deliver, abort: abort, seal: seal }),
    writable: false, configurable: false
  });
})(globalThis);
