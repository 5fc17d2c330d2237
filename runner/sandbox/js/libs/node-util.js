/*
 * Node's `util` module for Postman scripts: format, inspect, inherits, the is* predicates,
 * deprecate, _extend, log, plus promisify, types, isDeepStrictEqual, TextEncoder/Decoder.
 * Why: scripts log with util.format/inspect and pasted helper code uses inherits; Newman's
 * sandbox bundles browserify's util 0.10, so format/inspect print the way that one does.
 * The newer helpers are extras (util 0.10 lacks them) for code copied from Node.
 * Written for pmreplay.
 */
__pmr_define("util", function (require) {
  "use strict";

  var toStr = Object.prototype.toString;
  var hasOwn = Object.prototype.hasOwnProperty;
  function tag(v) { return toStr.call(v).slice(8, -1); }

  var types = {
    isDate: function (v) { return tag(v) === "Date"; },
    isRegExp: function (v) { return tag(v) === "RegExp"; },
    isMap: function (v) { return tag(v) === "Map"; },
    isSet: function (v) { return tag(v) === "Set"; },
    isWeakMap: function (v) { return tag(v) === "WeakMap"; },
    isWeakSet: function (v) { return tag(v) === "WeakSet"; },
    isPromise: function (v) { return tag(v) === "Promise"; },
    isArrayBuffer: function (v) { return tag(v) === "ArrayBuffer"; },
    isAnyArrayBuffer: function (v) { return tag(v) === "ArrayBuffer" || tag(v) === "SharedArrayBuffer"; },
    isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isUint8Array: function (v) { return tag(v) === "Uint8Array"; },
    isDataView: function (v) { return v instanceof DataView; },
    isNativeError: function (v) { return tag(v) === "Error"; },
    isBoxedPrimitive: function (v) {
      return typeof v === "object" && v !== null && ["Number", "String", "Boolean", "Symbol", "BigInt"].indexOf(tag(v)) >= 0;
    },
    isGeneratorFunction: function (v) { return typeof v === "function" && tag(v) === "GeneratorFunction"; },
    isAsyncFunction: function (v) { return typeof v === "function" && tag(v) === "AsyncFunction"; },
    isSymbolObject: function (v) { return typeof v === "object" && tag(v) === "Symbol"; }
  };

  // ---- inspect and format, as Postman's bundled util 0.10 does them -----------------
  //
  // Newman's sandbox ships browserify's `util` (0.10.x), whose inspect predates today's
  // Node: single quotes, 60-column line breaking, Date.prototype.toString for dates, no
  // special output for Map/Set, "[Circular]". Scripts' logged output should read the same.

  var IDENT = /^[A-Za-z_][A-Za-z_0-9]*$/;

  function quoteString(str) {
    // JSON escaping, then single quotes instead of double quotes
    var body = JSON.stringify(str).slice(1, -1).replace(/'/g, "\\'").replace(/\\"/g, '"');
    return "'" + body + "'";
  }

  function keyName(key) {
    var json = JSON.stringify(String(key));
    if (IDENT.test(String(key))) return String(key);
    return "'" + json.slice(1, -1).replace(/'/g, "\\'").replace(/\\"/g, '"') + "'";
  }

  function primitive(value) {
    switch (typeof value) {
      case "undefined": return "undefined";
      case "string": return quoteString(value);
      case "number": return "" + value;
      case "boolean": return "" + value;
      case "symbol": return value.toString();
      case "bigint": return value + "n";
    }
    if (value === null) return "null";
    return null;
  }

  function functionLabel(fn) {
    return fn.name ? "[Function: " + fn.name + "]" : "[Function]";
  }

  function formatLegacy(ctx, value, depth) {
    var prim = primitive(value);
    if (prim !== null) return prim;
    // objects may format themselves with an inspect() method (moment does)
    if (typeof value.inspect === "function" && value.inspect !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      var custom = value.inspect(ctx.depth - depth, ctx);
      return typeof custom === "string" ? custom : formatLegacy(ctx, custom, depth);
    }
    var keys = Object.keys(value);
    if (ctx.showHidden) keys = Object.getOwnPropertyNames(value);
    var isErr = value instanceof Error || tag(value) === "Error";
    if (isErr && (keys.indexOf("message") >= 0 || keys.indexOf("description") >= 0)) {
      return "[" + Error.prototype.toString.call(value) + "]";
    }
    if (keys.length === 0) {
      if (typeof value === "function") return functionLabel(value);
      if (types.isRegExp(value)) return RegExp.prototype.toString.call(value);
      if (types.isDate(value)) return Date.prototype.toString.call(value);
      if (isErr) return "[" + Error.prototype.toString.call(value) + "]";
    }
    var base = "";
    var isArr = Array.isArray(value);
    var braces = isArr ? ["[", "]"] : ["{", "}"];
    if (typeof value === "function") base = " " + functionLabel(value);
    if (types.isRegExp(value)) base = " " + RegExp.prototype.toString.call(value);
    if (types.isDate(value)) base = " " + Date.prototype.toUTCString.call(value);
    if (isErr) base = " [" + Error.prototype.toString.call(value) + "]";
    if (keys.length === 0 && (!isArr || value.length === 0)) return braces[0] + base + braces[1];
    if (depth > ctx.depth) {
      return types.isRegExp(value) ? RegExp.prototype.toString.call(value) : "[Object]";
    }
    ctx.seen.push(value);
    var output = [];
    function property(key, asArrayItem) {
      var desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key] };
      var str;
      if (desc.get) str = desc.set ? "[Getter/Setter]" : "[Getter]";
      else if (desc.set) str = "[Setter]";
      else if (ctx.seen.indexOf(desc.value) !== -1) str = "[Circular]";
      else {
        str = formatLegacy(ctx, desc.value, depth + 1);
        if (str.indexOf("\n") !== -1) {
          // nested multi-line values are indented under their key
          str = asArrayItem
            ? str.split("\n").map(function (l) { return "  " + l; }).join("\n").slice(2)
            : "\n" + str.split("\n").map(function (l) { return "   " + l; }).join("\n");
        }
      }
      if (asArrayItem) return str;
      return keyName(key) + ": " + str;
    }
    if (isArr) {
      for (var i = 0; i < value.length; i++) {
        output.push(hasOwn.call(value, String(i)) ? property(String(i), true) : "");
      }
      keys.forEach(function (k) { if (!/^\d+$/.test(k)) output.push(property(k, false)); });
    } else {
      keys.forEach(function (k) { output.push(property(k, false)); });
    }
    ctx.seen.pop();
    var length = output.reduce(function (sum, cur) { return sum + cur.length + 1; }, 0);
    if (length > 60) {
      return braces[0] + (base === "" ? "" : base + "\n ") + " " + output.join(",\n  ") + " " + braces[1];
    }
    return braces[0] + base + " " + output.join(", ") + " " + braces[1];
  }

  function inspect(value, opts) {
    var ctx = { seen: [], depth: 2, showHidden: false };
    if (typeof opts === "boolean") ctx.showHidden = opts;
    else if (opts && typeof opts === "object") {
      if (opts.showHidden !== undefined) ctx.showHidden = !!opts.showHidden;
      if (opts.depth !== undefined) ctx.depth = opts.depth === null ? Infinity : opts.depth;
    }
    if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2] === null ? Infinity : arguments[2];
    return formatLegacy(ctx, value, 0);
  }
  inspect.custom = Symbol.for("nodejs.util.inspect.custom");
  inspect.colors = {};
  inspect.styles = {};

  // Only %s, %d, %j and %% are placeholders; other arguments are appended.
  function format(f) {
    var args = arguments;
    if (typeof f !== "string") {
      return Array.prototype.map.call(args, function (a) { return inspect(a); }).join(" ");
    }
    var i = 1;
    var str = f.replace(/%[sdj%]/g, function (token) {
      if (token === "%%") return "%";
      if (i >= args.length) return token;
      var a = args[i++];
      if (token === "%s") return String(a);
      if (token === "%d") return String(Number(a));
      try { return JSON.stringify(a); } catch (e) { return "[Circular]"; }
    });
    for (; i < args.length; i++) {
      var x = args[i];
      str += " " + (x === null || (typeof x !== "object" && typeof x !== "function") ? String(x) : inspect(x));
    }
    return str;
  }

  // ---- deep equality (shared with assert) -----------------------------------------

  function deepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : a === b) return true;
    var aObj = a !== null && typeof a === "object";
    var bObj = b !== null && typeof b === "object";
    if (!aObj || !bObj) {
      if (strict || aObj || bObj || typeof a === "function" || typeof b === "function") return false;
      return a == b || (a !== a && b !== b);
    }
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (tag(a) !== tag(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (types.isDate(a) && a.getTime() !== b.getTime()) return false;
    if (types.isRegExp(a) && String(a) !== String(b)) return false;
    if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
    if (types.isBoxedPrimitive(a) && !Object.is(a.valueOf(), b.valueOf())) return false;
    memo = memo || [];
    for (var m = 0; m < memo.length; m++) if (memo[m][0] === a && memo[m][1] === b) return true;
    memo.push([a, b]);
    if (types.isMap(a)) {
      if (a.size !== b.size) return false;
      var okMap = true;
      a.forEach(function (v, k) { if (okMap && (!b.has(k) || !deepEqual(v, b.get(k), strict, memo))) okMap = false; });
      if (!okMap) return false;
    } else if (types.isSet(a)) {
      if (a.size !== b.size) return false;
      var bs = Array.from(b);
      var okSet = Array.from(a).every(function (v) {
        if (b.has(v)) return true;
        return bs.some(function (w) { return deepEqual(v, w, strict, memo); });
      });
      if (!okSet) return false;
    } else if (types.isTypedArray(a)) {
      if (a.length !== b.length) return false;
      for (var t = 0; t < a.length; t++) if (!Object.is(a[t], b[t]) && !(!strict && a[t] == b[t])) return false;
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; i++) {
      if (!hasOwn.call(b, ka[i])) return false;
      if (!deepEqual(a[ka[i]], b[ka[i]], strict, memo)) return false;
    }
    return true;
  }

  // ---- TextEncoder / TextDecoder (UTF-8 only) -------------------------------------

  function TextEncoder() {}
  Object.defineProperty(TextEncoder.prototype, "encoding", { get: function () { return "utf-8"; } });
  TextEncoder.prototype.encode = function (str) {
    str = str === undefined ? "" : String(str);
    var bytes = [];
    for (var i = 0; i < str.length; i++) {
      var c = str.codePointAt(i);
      if (c > 0xffff) i++;
      else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) bytes.push(c);
      else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(bytes);
  };

  function TextDecoder(label, options) {
    var enc = String(label === undefined ? "utf-8" : label).toLowerCase();
    if (enc !== "utf-8" && enc !== "utf8" && enc !== "unicode-1-1-utf-8") {
      var err = new RangeError('The "' + label + '" encoding is not supported');
      err.code = "ERR_ENCODING_NOT_SUPPORTED";
      throw err;
    }
    this._fatal = !!(options && options.fatal);
    this._ignoreBOM = !!(options && options.ignoreBOM);
  }
  Object.defineProperty(TextDecoder.prototype, "encoding", { get: function () { return "utf-8"; } });
  TextDecoder.prototype.decode = function (input) {
    if (input === undefined) return "";
    var bytes = input instanceof Uint8Array ? input : ArrayBuffer.isView(input)
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
    var out = "";
    var fatal = this._fatal;
    function bad() {
      if (fatal) {
        var err = new TypeError("The encoded data was not valid for encoding utf-8");
        err.code = "ERR_ENCODING_INVALID_ENCODED_DATA";
        throw err;
      }
      return 0xfffd;
    }
    var i = 0;
    if (!this._ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    while (i < bytes.length) {
      var b = bytes[i];
      var need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
      var cp;
      if (need < 0) { cp = bad(); i++; }
      else {
        cp = need === 0 ? b : b & (0x3f >> need);
        var ok = true;
        for (var j = 1; j <= need; j++) {
          var cb = bytes[i + j];
          if (cb === undefined || (cb & 0xc0) !== 0x80) { ok = false; break; }
          cp = (cp << 6) | (cb & 0x3f);
        }
        if (!ok || (need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff))) {
          cp = bad();
          i += Math.max(j, 1);
        } else {
          i += need + 1;
        }
      }
      out += String.fromCodePoint(cp);
    }
    return out;
  };

  // ---- the module -----------------------------------------------------------------

  function inherits(ctor, superCtor) {
    if (typeof ctor !== "function" || typeof superCtor !== "function" || superCtor.prototype === undefined) {
      var err = new TypeError('The "ctor" and "superCtor" arguments must be functions with a prototype');
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  var customPromisify = Symbol.for("nodejs.util.promisify.custom");
  function promisify(original) {
    if (typeof original !== "function") {
      var err = new TypeError('The "original" argument must be of type function');
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
    if (original[customPromisify]) return original[customPromisify];
    function fn() {
      var self = this;
      var args = Array.prototype.slice.call(arguments);
      return new Promise(function (resolve, reject) {
        args.push(function (err, value) { if (err) reject(err); else resolve(value); });
        original.apply(self, args);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    return function () {
      var args = Array.prototype.slice.call(arguments);
      var cb = args.pop();
      original.apply(this, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
    };
  }

  function deprecate(fn, msg) {
    // Node prints a process warning once; the sandbox has no process, so just pass through.
    var wrapped = function () { return fn.apply(this, arguments); };
    wrapped.__pmr_deprecation = msg;
    return wrapped;
  }

  var util = {
    format: format,
    inspect: inspect,
    inherits: inherits,
    promisify: promisify,
    callbackify: callbackify,
    deprecate: deprecate,
    isDeepStrictEqual: function (a, b) { return deepEqual(a, b, true); },
    types: types,
    TextEncoder: typeof globalThis.TextEncoder === "function" ? globalThis.TextEncoder : TextEncoder,
    TextDecoder: typeof globalThis.TextDecoder === "function" ? globalThis.TextDecoder : TextDecoder,
    isArray: Array.isArray,
    isBoolean: function (v) { return typeof v === "boolean"; },
    isNull: function (v) { return v === null; },
    isNullOrUndefined: function (v) { return v === null || v === undefined; },
    isNumber: function (v) { return typeof v === "number"; },
    isString: function (v) { return typeof v === "string"; },
    isSymbol: function (v) { return typeof v === "symbol"; },
    isUndefined: function (v) { return v === undefined; },
    isRegExp: types.isRegExp,
    isObject: function (v) { return v !== null && typeof v === "object"; },
    isDate: types.isDate,
    isError: function (v) { return v instanceof Error || tag(v) === "Error"; },
    isFunction: function (v) { return typeof v === "function"; },
    isPrimitive: function (v) { return v === null || (typeof v !== "object" && typeof v !== "function"); },
    isBuffer: function (v) { return !!(v && v.constructor && typeof v.constructor.isBuffer === "function" && v.constructor.isBuffer(v)); },
    _extend: function (origin, add) {
      if (!add || typeof add !== "object") return origin;
      Object.keys(add).forEach(function (k) { origin[k] = add[k]; });
      return origin;
    },
    debuglog: function () { return function () {}; },
    log: function () {
      var d = new Date();
      var pad = function (n) { return n < 10 ? "0" + n : String(n); };
      var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      var stamp = d.getDate() + " " + months[d.getMonth()] + " " + [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(":");
      if (typeof console !== "undefined") console.log("%s - %s", stamp, format.apply(null, arguments));
    }
  };
  // assert reuses the loose/strict comparison; hidden so Object.keys(util) stays Node-like.
  Object.defineProperty(util, "__pmr_deepEqual", { value: deepEqual });
  return util;
});
