/*
 * pmreplay's own `uuid` module for the script sandbox.
 *
 * Why: Postman's `require('uuid')` is a function returning a random (v4) UUID that
 * also carries `.v4`; scripts written against the npm `uuid` package additionally
 * call `v1`, `v3`, `v5`, `validate`, `version`, `parse`, `stringify` and `NIL`, so the
 * module offers both shapes (RFC 4122 layouts, written from the RFC).
 *
 * Randomness: `crypto.getRandomValues` when the isolate has it, otherwise
 * Math.random.  Math.random is NOT cryptographically strong; that matches Postman,
 * whose sandbox uuid also uses Math.random.
 */
__pmr_define("uuid", function (require) {
  "use strict";

  var NIL = "00000000-0000-0000-0000-000000000000";
  var UUID_RE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/i;

  function rng() {
    var bytes = new Uint8Array(16);
    var c = typeof globalThis !== "undefined" ? globalThis.crypto : undefined;
    if (c && typeof c.getRandomValues === "function") {
      c.getRandomValues(bytes);
    } else {
      for (var i = 0; i < 16; i++) bytes[i] = (Math.random() * 256) & 255;
    }
    return bytes;
  }

  var HEX = [];
  for (var h = 0; h < 256; h++) HEX[h] = (h + 0x100).toString(16).slice(1);

  function unsafeStringify(bytes, offset) {
    var o = offset || 0;
    var s = "";
    for (var i = 0; i < 16; i++) {
      s += HEX[bytes[o + i]];
      if (i === 3 || i === 5 || i === 7 || i === 9) s += "-";
    }
    return s;
  }

  function validate(value) {
    return typeof value === "string" && UUID_RE.test(value);
  }

  function stringify(bytes, offset) {
    var s = unsafeStringify(bytes, offset);
    if (!validate(s)) throw new TypeError("Stringified UUID is invalid");
    return s;
  }

  function parse(value) {
    if (!validate(value)) throw new TypeError("Invalid UUID");
    var hex = value.replace(/-/g, "");
    var out = new Uint8Array(16);
    for (var i = 0; i < 16; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }

  function version(value) {
    if (!validate(value)) throw new TypeError("Invalid UUID");
    return parseInt(value.substr(14, 1), 16);
  }

  // Write into a caller-supplied buffer (npm uuid's `buf, offset` arguments) or
  // return the canonical string.
  function emit(bytes, buf, offset) {
    if (buf) {
      offset = offset || 0;
      if (offset < 0 || offset + 16 > buf.length) {
        throw new RangeError("UUID byte range " + offset + ":" + (offset + 15) + " is out of buffer bounds");
      }
      for (var i = 0; i < 16; i++) buf[offset + i] = bytes[i];
      return buf;
    }
    return unsafeStringify(bytes);
  }

  function v4(options, buf, offset) {
    options = options || {};
    var rnds = options.random || (options.rng || rng)();
    var bytes = new Uint8Array(16);
    for (var i = 0; i < 16; i++) bytes[i] = rnds[i];
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return emit(bytes, buf, offset);
  }

  // --- v1: 60-bit count of 100 ns intervals since 1582-10-15, clock sequence, node.
  var GREGORIAN_OFFSET_MS = 12219292800000;
  var v1State = {node: null, clockseq: null, lastMSecs: 0, lastNSecs: 0};

  function v1(options, buf, offset) {
    options = options || {};
    var node = options.node || v1State.node;
    var clockseq = options.clockseq !== undefined ? options.clockseq : v1State.clockseq;
    if (node == null || clockseq == null) {
      var seed = (options.rng || rng)();
      if (node == null) {
        // Random node id with the multicast bit set, as RFC 4122 section 4.5 asks.
        node = v1State.node = [seed[0] | 0x01, seed[1], seed[2], seed[3], seed[4], seed[5]];
      }
      if (clockseq == null) clockseq = v1State.clockseq = ((seed[6] << 8) | seed[7]) & 0x3fff;
    }
    var msecs = options.msecs !== undefined ? options.msecs : Date.now();
    var nsecs = options.nsecs !== undefined ? options.nsecs : v1State.lastNSecs + 1;
    var dt = msecs - v1State.lastMSecs + (nsecs - v1State.lastNSecs) / 10000;
    if (dt < 0 && options.clockseq === undefined) clockseq = (clockseq + 1) & 0x3fff;
    if ((dt < 0 || msecs > v1State.lastMSecs) && options.nsecs === undefined) nsecs = 0;
    if (nsecs >= 10000) throw new Error("uuid.v1(): Can't create more than 10M uuids/sec");
    v1State.lastMSecs = msecs;
    v1State.lastNSecs = nsecs;
    v1State.clockseq = clockseq;

    var ms = msecs + GREGORIAN_OFFSET_MS;
    // ms * 10000 exceeds 2^53, so split ms = hi * 2^28 + lo: hi * 2^28 * 10000 / 2^32
    // is exactly hi * 625, and lo * 10000 + nsecs stays well inside double precision.
    var msLo = ms % 0x10000000;
    var lowPart = msLo * 10000 + nsecs;
    var timeLow = lowPart % 0x100000000;
    var timeHigh = (((ms - msLo) / 0x10000000) * 625 + Math.floor(lowPart / 0x100000000)) & 0xfffffff;
    var bytes = new Uint8Array(16);
    bytes[0] = (timeLow >>> 24) & 0xff;
    bytes[1] = (timeLow >>> 16) & 0xff;
    bytes[2] = (timeLow >>> 8) & 0xff;
    bytes[3] = timeLow & 0xff;
    bytes[4] = (timeHigh >>> 8) & 0xff;
    bytes[5] = timeHigh & 0xff;
    bytes[6] = ((timeHigh >>> 24) & 0x0f) | 0x10;
    bytes[7] = (timeHigh >>> 16) & 0xff;
    bytes[8] = (clockseq >>> 8) | 0x80;
    bytes[9] = clockseq & 0xff;
    for (var i = 0; i < 6; i++) bytes[10 + i] = node[i];
    return emit(bytes, buf, offset);
  }

  // --- v3 / v5: hash(namespace bytes || name bytes), truncated to 16 bytes.
  function utf8Bytes(str) {
    var esc = unescape(encodeURIComponent(str));  // eslint-disable-line no-undef
    var out = [];
    for (var i = 0; i < esc.length; i++) out.push(esc.charCodeAt(i));
    return out;
  }

  function nameBased(versionNumber, hashName) {
    function generate(name, namespace, buf, offset) {
      var nameBytes = typeof name === "string" ? utf8Bytes(name) : Array.prototype.slice.call(name);
      var nsBytes = typeof namespace === "string" ? parse(namespace) : namespace;
      if (!nsBytes || nsBytes.length !== 16) {
        throw new TypeError("Namespace must be array-like (16 iterable integer values, 0-255)");
      }
      var CryptoJS = require("crypto-js");
      var all = Array.prototype.slice.call(nsBytes).concat(nameBytes);
      var words = [];
      for (var i = 0; i < all.length; i++) words[i >>> 2] |= (all[i] & 0xff) << (24 - (i % 4) * 8);
      var digest = CryptoJS[hashName](CryptoJS.lib.WordArray.create(words, all.length));
      var bytes = new Uint8Array(16);
      for (var j = 0; j < 16; j++) bytes[j] = (digest.words[j >>> 2] >>> (24 - (j % 4) * 8)) & 0xff;
      bytes[6] = (bytes[6] & 0x0f) | (versionNumber << 4);
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      return emit(bytes, buf, offset);
    }
    generate.DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    generate.URL = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
    return generate;
  }

  var v3 = nameBased(3, "MD5");
  var v5 = nameBased(5, "SHA1");

  // The module itself is callable (Postman's shape) and carries the npm API.
  var uuid = function (options, buf, offset) {
    return v4(options, buf, offset);
  };
  uuid.v1 = v1;
  uuid.v3 = v3;
  uuid.v4 = v4;
  uuid.v5 = v5;
  uuid.NIL = NIL;
  uuid.validate = validate;
  uuid.version = version;
  uuid.parse = parse;
  uuid.stringify = stringify;
  return uuid;
});
