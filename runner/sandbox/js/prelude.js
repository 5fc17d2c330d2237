/*
 * pmreplay sandbox prelude: the module registry, timers, console capture and promise
 * bookkeeping that every other sandbox file builds on.
 *
 * Why it exists: V8 alone has no `require`, no timers and no console. Postman scripts
 * expect all three, and the engine must know when a script's asynchronous work is done
 * without calling back into Python for every timer, so timers live in a JS queue that
 * the Python driver pumps (runner/sandbox/engine.py). Everything here is hidden behind
 * the `__pmr` prefix so user scripts only see what Postman exposes.
 */
(function (global) {
  'use strict';

  var factories = Object.create(null);
  var cache = Object.create(null);
  var hasOwn = Object.prototype.hasOwnProperty;

  // Modules that Postman's sandbox refuses; listing them keeps the error identical even
  // if a library file ever registered one by mistake.
  var FORBIDDEN = { fs: 1, child_process: 1, http: 1, https: 1, net: 1, crypto: 1, os: 1, process: 1, vm: 1 };

  function notFound(name) {
    var err = new Error("Cannot find module '" + name + "'");
    err.code = 'MODULE_NOT_FOUND';
    return err;
  }

  function define(name, factory) {
    if (typeof name !== 'string' || typeof factory !== 'function') {
      throw new TypeError('__pmr_define(name, factory) needs a string and a function');
    }
    factories[name] = factory;
    delete cache[name];
  }

  function requireModule(name) {
    if (typeof name !== 'string') { throw new TypeError('require() needs a module name string'); }
    // Node accepts "node:events" and trailing ".js"; Postman scripts copied from Node do too.
    var key = name.indexOf('node:') === 0 ? name.slice(5) : name;
    if (FORBIDDEN[key]) { throw notFound(name); }
    if (hasOwn.call(cache, key)) { return cache[key]; }
    if (key === 'chai' && !factories.chai && global.__pmr_chai) { return global.__pmr_chai; }
    var factory = factories[key] || (/\.js$/.test(key) ? factories[key.slice(0, -3)] : undefined);
    if (!factory) { throw notFound(name); }
    var exported = factory(requireModule);
    cache[key] = exported;
    return exported;
  }

  Object.defineProperty(global, '__pmr_define', { value: define, writable: false, configurable: false });

  // ---------------------------------------------------------------- promises
  // The engine must learn cheaply whether a script left asynchronous work behind. Any
  // `.then` on any promise sets a flag, and rejections of promises built through the
  // global `Promise` are tracked so an unhandled one can fail the script as in Node.
  var NativePromise = global.Promise;
  var nativeThen = NativePromise.prototype.then;
  var tracker = { touched: false, rejections: [] };

  Object.defineProperty(NativePromise.prototype, 'then', {
    configurable: true, writable: true,
    value: function then(onFulfilled, onRejected) {
      tracker.touched = true;
      var box = this && this.__pmr_box;
      if (box) { box.handled = true; }
      return nativeThen.call(this, onFulfilled, onRejected);
    }
  });

  // The global Promise is a subclass so that rejections nobody handles can be found after
  // microtasks drain; `instanceof Promise` stays true for native (async function) promises.
  class Promise extends NativePromise {
    constructor(executor) {
      if (typeof executor !== 'function') {
        throw new TypeError('Promise resolver ' + String(executor) + ' is not a function');
      }
      var box = { handled: false, settled: false, rejected: false, reason: undefined };
      super(function (resolve, reject) {
        var rejectTracked = function (reason) {
          if (!box.rejected && !box.settled) {
            box.rejected = true;
            box.reason = reason;
            tracker.rejections.push(box);
          }
          reject(reason);
        };
        var resolveTracked = function (value) {
          if (!box.rejected) { box.settled = true; }
          resolve(value);
        };
        try { executor(resolveTracked, rejectTracked); } catch (e) { rejectTracked(e); }
      });
      Object.defineProperty(this, '__pmr_box', { value: box });
      tracker.touched = true;
    }
    static [Symbol.hasInstance](value) { return value instanceof NativePromise; }
  }


  // ---------------------------------------------------------------- timers
  // A queue keyed by due time. Callbacks only run when the Python driver calls
  // __pmr_timers.fireDue(), one per evaluation, so V8 drains microtasks between
  // timer callbacks just as Node does.
  var timers = new Map();
  var nextTimerId = 1;

  function addTimer(fn, delay, args, repeat) {
    if (typeof fn !== 'function') {
      throw new TypeError('The "callback" argument must be of type function. Received ' + typeof fn);
    }
    var ms = Number(delay);
    if (!(ms >= 1) || ms > 2147483647) { ms = repeat === null ? 0 : 1; }
    ms = Math.floor(ms);
    var id = nextTimerId++;
    timers.set(id, { id: id, fn: fn, args: args, due: Date.now() + ms, every: repeat ? ms : 0 });
    return id;
  }

  function clearTimer(id) {
    if (id && typeof id === 'object' && typeof id.__pmr_id === 'number') { id = id.__pmr_id; }
    timers.delete(id);
  }

  function nextTimer() {
    var best = null;
    timers.forEach(function (t) {
      if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) { best = t; }
    });
    return best;
  }

  var timerApi = {
    setTimeout: function setTimeout(fn, delay) {
      return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), false);
    },
    setInterval: function setInterval(fn, delay) {
      return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), true);
    },
    setImmediate: function setImmediate(fn) {
      return addTimer(fn, 0, Array.prototype.slice.call(arguments, 1), null);
    },
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    clearImmediate: clearTimer
  };

  var timerControl = {
    // ms until the next timer is due (0 when one is due now), or -1 when none is queued.
    nextDelay: function () {
      var t = nextTimer();
      if (!t) { return -1; }
      return Math.max(0, t.due - Date.now());
    },
    // Runs the earliest due timer; returns false when none was due.
    fireDue: function () {
      var t = nextTimer();
      if (!t || t.due > Date.now()) { return false; }
      if (t.every) { t.due = Date.now() + t.every; } else { timers.delete(t.id); }
      t.fn.apply(global, t.args);
      return true;
    },
    count: function () { return timers.size; },
    reset: function () { timers.clear(); }
  };

  // ---------------------------------------------------------------- console
  // Messages are converted to JSON-able values here, once, so the engine can ship them
  // to Python with the rest of the result in one JSON string.
  function toPlain(value, seen, depth) {
    if (value === undefined) { return 'undefined'; }
    if (value === null) { return null; }
    var t = typeof value;
    if (t === 'string' || t === 'boolean') { return value; }
    if (t === 'number') { return isFinite(value) ? value : String(value); }
    if (t === 'bigint') { return String(value) + 'n'; }
    if (t === 'symbol') { return value.toString(); }
    if (t === 'function') { return '[Function: ' + (value.name || 'anonymous') + ']'; }
    if (seen.indexOf(value) >= 0) { return '[Circular]'; }
    if (depth > 20) { return '[Object]'; }
    if (value instanceof Error) {
      return { name: value.name, message: value.message };
    }
    if (typeof value.toJSON === 'function') {
      var converted;
      try { converted = value.toJSON(); } catch (e) { return String(value); }
      if (converted !== value) { return toPlain(converted, seen, depth + 1); }
    }
    seen.push(value);
    var out;
    if (Array.isArray(value)) {
      out = [];
      for (var i = 0; i < value.length; i++) { out.push(toPlain(value[i], seen, depth + 1)); }
    } else if (value instanceof Map) {
      out = {};
      value.forEach(function (v, k) { out[String(k)] = toPlain(v, seen, depth + 1); });
    } else if (value instanceof Set) {
      out = [];
      value.forEach(function (v) { out.push(toPlain(v, seen, depth + 1)); });
    } else {
      out = {};
      var keys = Object.keys(value);
      for (var j = 0; j < keys.length; j++) {
        var v;
        try { v = value[keys[j]]; } catch (e) { v = '[Getter error]'; }
        out[keys[j]] = toPlain(v, seen, depth + 1);
      }
    }
    seen.pop();
    return out;
  }

  var consoleSink = { entries: null };
  function makeLogger(level) {
    return function () {
      var messages = [];
      for (var i = 0; i < arguments.length; i++) { messages.push(toPlain(arguments[i], [], 0)); }
      if (consoleSink.entries) { consoleSink.entries.push({ level: level, messages: messages }); }
    };
  }
  var consoleObject = {
    log: makeLogger('log'), info: makeLogger('info'), warn: makeLogger('warn'),
    error: makeLogger('error'), debug: makeLogger('debug')
  };

  Object.defineProperty(global, '__pmr_base', {
    value: Object.freeze({
      require: requireModule,
      NativePromise: NativePromise,
      tracker: tracker,
      timers: timerApi,
      timerControl: timerControl,
      console: consoleObject,
      consoleSink: consoleSink,
      toPlain: function (value) { return toPlain(value, [], 0); }
    }),
    writable: false, configurable: false
  });

  // ---------------------------------------------------------------- globals
  function installValue(name, value) {
    var existing = Object.getOwnPropertyDescriptor(global, name);
    if (existing && !existing.configurable) {
      global[name] = value;   // mini-racer's own `var setTimeout`: writable, not configurable
    } else {
      Object.defineProperty(global, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
  }
  var coreGlobals = { require: requireModule, console: consoleObject, Promise: Promise };
  Object.keys(timerApi).forEach(function (name) { coreGlobals[name] = timerApi[name]; });
  var coreNames = Object.keys(coreGlobals);
  coreNames.forEach(function (name) { installValue(name, coreGlobals[name]); });
  // A script may overwrite `console` or `setTimeout`; the next script gets them back.
  global.__pmr_restoreCore = function () {
    for (var i = 0; i < coreNames.length; i++) {
      if (global[coreNames[i]] !== coreGlobals[coreNames[i]]) { installValue(coreNames[i], coreGlobals[coreNames[i]]); }
    }
  };
  // mini-racer installs its own Atomics-based setTimeout helper; hide it from scripts.
  try { global.__timer_manager = undefined; } catch (e) { /* not present */ }

  // Libraries Postman exposes as globals, resolved on first use so unused ones cost nothing.
  function lazyGlobal(name, resolve) {
    Object.defineProperty(global, name, {
      configurable: true, enumerable: false,
      get: function () {
        var value;
        // `typeof _` must never throw, even while a library is missing from this build.
        try { value = resolve(); } catch (e) { return undefined; }
        Object.defineProperty(global, name, { value: value, writable: true, configurable: true });
        return value;
      },
      set: function (value) {
        Object.defineProperty(global, name, { value: value, writable: true, configurable: true });
      }
    });
  }
  function fromModule(moduleName, pick) {
    return function () {
      var m = requireModule(moduleName);
      return pick ? pick(m) : m;
    };
  }
  global.__pmr_installLazyGlobals = function () {
    lazyGlobal('_', fromModule('lodash3'));
    lazyGlobal('CryptoJS', fromModule('crypto-js'));
    lazyGlobal('tv4', fromModule('tv4'));
    lazyGlobal('cheerio', fromModule('cheerio'));
    lazyGlobal('xml2Json', fromModule('xml2json'));
    lazyGlobal('Buffer', fromModule('buffer', function (m) { return m.Buffer; }));
    if (typeof global.atob !== 'function') { lazyGlobal('atob', fromModule('atob')); }
    if (typeof global.btoa !== 'function') { lazyGlobal('btoa', fromModule('btoa')); }
  };
})(globalThis);
