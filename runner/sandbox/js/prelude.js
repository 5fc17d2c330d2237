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
  var newlyCached = [];   // modules first loaded by the script being run
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
    if (hasOwn.call(cache, key)) { touchModule(key); return cache[key]; }
    if (key === 'chai' && !factories.chai && global.__pmr_chai) { return global.__pmr_chai; }
    var factory = factories[key] || (/\.js$/.test(key) ? factories[key.slice(0, -3)] : undefined);
    if (!factory) { throw notFound(name); }
    var exported = factory(requireModule);
    cache[key] = exported;
    protectModule(key, exported);
    touchModule(key);
    // Remembered in case this script turns out to have poisoned a built-in the factory
    // captured (see forgetNewModules).
    newlyCached[newlyCached.length] = key;
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

  // ---------------------------------------------------------------- integrity
  // One isolate serves every script of a run, so a script that redefines
  // `Object.prototype.toJSON`, `JSON.stringify`, `Array.prototype.push` or a chai method
  // would otherwise reach the engine's result serialisation and every later script
  // (forged test results, a crashed runner). After each script the protected objects'
  // own properties, prototypes and extensibility are put back exactly as they were when
  // the engine sealed the sandbox. Everything used here is captured now and called
  // directly (never through `.call`, Map, Array methods or a descriptor that inherits
  // from Object.prototype), so a poisoned intrinsic cannot disarm the restore itself.
  var R_ownKeys = Reflect.ownKeys;
  var R_getDesc = Reflect.getOwnPropertyDescriptor;
  var R_define = Reflect.defineProperty;
  var R_delete = Reflect.deleteProperty;
  var R_getProto = Reflect.getPrototypeOf;
  var R_setProto = Reflect.setPrototypeOf;
  var R_isExt = Reflect.isExtensible;
  var R_is = Object.is;   // NaN-valued properties (Number.NaN) are unchanged, not 'changed' every time
  var protectedRecords = [];   // {obj, proto, ext, keys, descs, table, symbols}
  var protectedIndex = new WeakSet();
  var WS_has = WeakSet.prototype.has;
  var WS_add = WeakSet.prototype.add;
  var R_apply = Reflect.apply;

  function plainDesc(d) {
    var out = Object.create(null);
    if (R_getDesc(d, 'get') || R_getDesc(d, 'set')) {
      out.get = d.get; out.set = d.set;
    } else {
      out.value = d.value; out.writable = d.writable;
    }
    out.enumerable = d.enumerable; out.configurable = d.configurable;
    return out;
  }

  // Snapshot one object; the record goes to `into` (the always-checked list by default).
  function protect(obj, into) {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) { return; }
    if (R_apply(WS_has, protectedIndex, [obj])) { return; }
    R_apply(WS_add, protectedIndex, [obj]);
    var keys = R_ownKeys(obj);
    var descs = [];
    var table = Object.create(null);
    var symbols = [];
    for (var i = 0; i < keys.length; i++) {
      descs[i] = plainDesc(R_getDesc(obj, keys[i]));
      if (typeof keys[i] === 'symbol') { symbols[symbols.length] = keys[i]; } else { table[keys[i]] = true; }
    }
    var list = into || protectedRecords;
    list[list.length] = {
      obj: obj, proto: R_getProto(obj), ext: R_isExt(obj), keys: keys, descs: descs,
      table: table, symbols: symbols
    };
  }

  function knownKey(rec, key) {
    if (typeof key !== 'symbol') { return rec.table[key] === true; }
    for (var i = 0; i < rec.symbols.length; i++) { if (rec.symbols[i] === key) { return true; } }
    return false;
  }

  function sameDesc(cur, snap) {
    if (cur === undefined) { return false; }
    if (cur.enumerable !== snap.enumerable || cur.configurable !== snap.configurable) { return false; }
    if ('writable' in snap) { return R_is(cur.value, snap.value) && cur.writable === snap.writable; }
    return cur.get === snap.get && cur.set === snap.set;
  }

  // Puts one object back; `state` collects {changed, clean}.
  function restoreRecord(rec, state) {
    var obj = rec.obj;
    var keys = R_ownKeys(obj);
    if (keys.length !== rec.keys.length) {
      for (var i = 0; i < keys.length; i++) {
        if (!knownKey(rec, keys[i])) {
          state.changed = true;
          if (!R_delete(obj, keys[i])) { state.clean = false; }
        }
      }
    }
    for (var j = 0; j < rec.keys.length; j++) {
      var key = rec.keys[j];
      var snap = rec.descs[j];
      if (!sameDesc(R_getDesc(obj, key), snap)) {
        state.changed = true;
        if (!R_define(obj, key, snap)) { state.clean = false; }
      }
    }
    if (R_getProto(obj) !== rec.proto) {
      state.changed = true;
      if (!R_setProto(obj, rec.proto)) { state.clean = false; }
    }
    if (rec.ext && !R_isExt(obj)) { state.changed = true; state.clean = false; }
  }

  // Module exports are snapshotted when first loaded but only checked after a script that
  // asked for them (require or a library global): the only way a script reaches them, and
  // it keeps scripts that use no library from paying for lodash's 300 functions.
  var moduleRecords = Object.create(null);   // module key -> records
  var touchedModules = [];
  function protectModule(key, exported) {
    var list = [];
    protect(exported, list);
    var pd = exported !== null && (typeof exported === 'object' || typeof exported === 'function')
      ? R_getDesc(exported, 'prototype') : undefined;
    if (pd && 'value' in pd) { protect(pd.value, list); }
    moduleRecords[key] = list;
  }
  function touchModule(key) {
    for (var i = 0; i < touchedModules.length; i++) { if (touchedModules[i] === key) { return; } }
    touchedModules[touchedModules.length] = key;
  }

  // Returns {changed, clean}: changed when anything had to be put back, clean false when
  // something could not be (a frozen prototype, a non-configurable redefinition).
  function restoreProtected() {
    var state = { changed: false, clean: true };
    for (var r = 0; r < protectedRecords.length; r++) { restoreRecord(protectedRecords[r], state); }
    for (var m = 0; m < touchedModules.length; m++) {
      var list = moduleRecords[touchedModules[m]] || [];
      for (var k = 0; k < list.length; k++) { restoreRecord(list[k], state); }
    }
    touchedModules.length = 0;
    return state;
  }

  // What the engine's own code and every script lean on: the global object, the built-ins
  // below with their prototypes, and the hidden iterator/generator/typed-array intrinsics.
  // Why not everything reachable: each property checked costs time after every script
  // (about half a microsecond); this set keeps the check near a tenth of a millisecond.
  var CORE = ['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt',
    'Date', 'RegExp', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError',
    'JSON', 'Math', 'Reflect', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'ArrayBuffer',
    'Uint8Array', 'console', 'require'];
  function protectIntrinsics() {
    protect(Object.prototype);
    protect(Function.prototype);
    protect(global);
    for (var i = 0; i < CORE.length; i++) { protectWithPrototype(global[CORE[i]]); }
    var hidden = [
      R_getProto(Promise.prototype),
      R_getProto(function* () {}), R_getProto(async function () {}),
      R_getProto([][Symbol.iterator]()), R_getProto(R_getProto([][Symbol.iterator]())),
      R_getProto(new Map()[Symbol.iterator]()), R_getProto(new Set()[Symbol.iterator]()),
      R_getProto(''[Symbol.iterator]()), R_getProto(Int8Array), R_getProto(Int8Array.prototype),
      timerControl, consoleObject
    ];
    for (var h = 0; h < hidden.length; h++) { protect(hidden[h]); }
  }

  function protectWithPrototype(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) { return; }
    protect(value);
    var pd = R_getDesc(value, 'prototype');
    if (pd && 'value' in pd) { protect(pd.value); }
  }

  // The engine's per-script state objects change on every run by design; they are sealed
  // (no accessors, no new keys) and reset by the driver instead of being restored.
  R_apply(WS_add, protectedIndex, [Object.seal(tracker)]);
  R_apply(WS_add, protectedIndex, [Object.seal(consoleSink)]);

  var integrity = Object.freeze({
    protectIntrinsics: protectIntrinsics,
    restore: restoreProtected,
    // After a script that tampered with shared objects, modules it loaded may hold
    // poisoned captures; they are dropped and load afresh for the next script.
    forgetNewModules: function (drop) {
      for (var i = 0; i < newlyCached.length; i++) {
        if (drop) { delete cache[newlyCached[i]]; delete moduleRecords[newlyCached[i]]; }
      }
      newlyCached.length = 0;
    }
  });

  // Why a cap: a few C++ builtins (Array.prototype.fill, Array.from on a huge array-like)
  // fill a dictionary past V8's hash-table maximum without checking the heap limit, which
  // aborts the whole process. Writing more elements than the heap could hold at 8 bytes
  // each can never succeed, so such calls fail early with a RangeError instead.
  var limits = { maxElements: 1 << 25 };
  function tooMany(n) {
    return typeof n === 'number' && n > limits.maxElements;
  }
  function elementCap(n) {
    return new RangeError('Invalid array length: ' + n + ' elements exceed the sandbox memory limit');
  }
  var nativeFill = Array.prototype.fill;
  var nativeFrom = Array.from;
  var toLength = function (v) { var n = Math.floor(Number(v)); return n > 0 && isFinite(n) ? n : (n === Infinity ? n : 0); };
  Object.defineProperty(Array.prototype, 'fill', {
    configurable: true, writable: true, enumerable: false,
    value: function fill(value) {
      if (this !== null && this !== undefined && !ArrayBuffer.isView(this)) {
        var len = toLength(this.length);
        var start = arguments.length > 1 ? Number(arguments[1]) || 0 : 0;
        var end = arguments.length > 2 && arguments[2] !== undefined ? Number(arguments[2]) : len;
        if (start < 0) { start = Math.max(len + start, 0); }
        if (end < 0) { end = Math.max(len + end, 0); }
        if (tooMany(Math.min(end, len) - Math.min(start, len))) { throw elementCap(len); }
      }
      return R_apply(nativeFill, this, arguments);
    }
  });
  Object.defineProperty(Array, 'from', {
    configurable: true, writable: true, enumerable: false,
    value: function from(items) {
      if (items !== null && items !== undefined && typeof items[Symbol.iterator] !== 'function' &&
          tooMany(toLength(items.length))) {
        throw elementCap(toLength(items.length));
      }
      return R_apply(nativeFrom, this, arguments);
    }
  });

  // Why a buffer budget: ArrayBuffer and typed-array storage lives outside the V8 heap, so
  // the engine's heap cap never sees it and a script could take gigabytes of the runner's
  // memory. Each script may allocate buffers up to the memory limit in total; beyond
  // that the allocation fails as V8's own does. The constructors stay the same objects to
  // scripts (a Proxy keeps name, prototype and instanceof), and WebAssembly, whose
  // memories and instances allocate the same way, is not offered.
  var bufferBudget = { used: 0, max: 256 * 1024 * 1024 };
  function chargeBuffer(bytes) {
    var n = Number(bytes);
    if (!(n > 0)) { return; }
    bufferBudget.used += n;
    if (bufferBudget.used > bufferBudget.max) {
      bufferBudget.used -= n;
      throw new RangeError('Array buffer allocation failed: the script\'s buffers exceed the sandbox memory limit (' +
        Math.round(bufferBudget.max / 1048576) + ' MB)');
    }
  }
  function guardConstructor(name, sizeOf) {
    var target = global[name];
    if (typeof target !== 'function') { return; }
    var guarded = new Proxy(target, {
      construct: function (t, args, newTarget) {
        chargeBuffer(sizeOf(args, t));
        return Reflect.construct(t, args, newTarget === guarded ? t : newTarget);
      }
    });
    Object.defineProperty(target.prototype, 'constructor', { value: guarded, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(global, name, { value: guarded, writable: true, configurable: true, enumerable: false });
  }
  function viewBytes(args, t) {
    var a = args[0];
    var per = t.BYTES_PER_ELEMENT || 1;
    if (typeof a === 'number') { return a * per; }
    if (a === null || typeof a !== 'object' || a instanceof ArrayBuffer ||
        (typeof SharedArrayBuffer === 'function' && a instanceof SharedArrayBuffer)) { return 0; }
    var len = Number(a.length);
    return (len > 0 ? len : 0) * per;
  }
  function bufferBytes(args) {
    var opts = args[1];
    var max = opts && typeof opts === 'object' ? Number(opts.maxByteLength) || 0 : 0;
    return Math.max(Number(args[0]) || 0, max);
  }
  ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Float16Array']
    .forEach(function (name) { guardConstructor(name, viewBytes); });
  var nativeResize = ArrayBuffer.prototype.resize;
  guardConstructor('ArrayBuffer', bufferBytes);
  guardConstructor('SharedArrayBuffer', bufferBytes);
  if (typeof nativeResize === 'function') {
    Object.defineProperty(ArrayBuffer.prototype, 'resize', {
      configurable: true, writable: true, enumerable: false,
      value: function resize(n) { chargeBuffer(Number(n) - this.byteLength); return R_apply(nativeResize, this, arguments); }
    });
  }
  ['transfer', 'transferToFixedLength'].forEach(function (name) {
    var native = ArrayBuffer.prototype[name];
    if (typeof native !== 'function') { return; }
    Object.defineProperty(ArrayBuffer.prototype, name, {
      configurable: true, writable: true, enumerable: false,
      value: function () { chargeBuffer(arguments.length ? Number(arguments[0]) : this.byteLength); return R_apply(native, this, arguments); }
    });
  });
  try { delete global.WebAssembly; } catch (e) { /* not configurable: leave it */ }

  var privateControls = {
    resetBuffers: function () { bufferBudget.used = 0; },
    setLimits: function (maxElements, maxBufferBytes) {
      if (typeof maxElements === 'number' && maxElements > 0) { limits.maxElements = maxElements; }
      if (typeof maxBufferBytes === 'number' && maxBufferBytes > 0) { bufferBudget.max = maxBufferBytes; }
    }
  };

  Object.defineProperty(global, '__pmr_base', {
    value: Object.freeze({
      integrity: integrity,
      // Controls a script must not reach: handed out once, to pm.js, while it loads
      // (before any user code exists); every later call gets null.
      takePrivate: function () {
        var p = privateControls;
        privateControls = null;
        return p;
      },
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
  // The getter stays in place and asks the module cache each time (one lookup), so using
  // `_` does not count as a change to the global object in the integrity check after each
  // script, and a module dropped from the cache is never served again.
  // While a library loads it may probe the very global it backs (lodash reads `_` for
  // noConflict); that read answers undefined instead of loading the library again.
  function lazyGlobal(name, resolve) {
    var resolving = false;
    Object.defineProperty(global, name, {
      configurable: true, enumerable: false,
      get: function () {
        if (resolving) { return undefined; }
        resolving = true;
        // `typeof _` must never throw, even while a library is missing from this build.
        try { return resolve(); } catch (e) { return undefined; } finally { resolving = false; }
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
