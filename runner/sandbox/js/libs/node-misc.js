/*
 * Smaller Node core modules Newman's sandbox also lets scripts require: `timers`,
 * `punycode` (RFC 3492 / IDNA host names) and `string_decoder` (UTF-8, base64, hex, ...
 * over the sandbox's Buffer). Written for pmreplay.
 */
__pmr_define("timers", function (require) {
  "use strict";
  // The sandbox's own timer functions, looked up when required so the engine's versions win.
  var g = globalThis;
  var out = {};
  ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate"].forEach(function (name) {
    if (typeof g[name] === "function") out[name] = g[name];
  });
  return out;
});

__pmr_define("punycode", function (require) {
  "use strict";
  var BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, INITIAL_BIAS = 72, INITIAL_N = 128;

  function error(type) {
    var messages = {
      overflow: "Overflow: input needs wider integers to process",
      "not-basic": "Illegal input >= 0x80 (not a basic code point)",
      "invalid-input": "Invalid input"
    };
    throw new RangeError(messages[type]);
  }

  function ucs2decode(string) {
    var out = [];
    for (var i = 0; i < string.length; i++) {
      var c = string.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < string.length) {
        var d = string.charCodeAt(i + 1);
        if ((d & 0xfc00) === 0xdc00) { out.push(((c & 0x3ff) << 10) + (d & 0x3ff) + 0x10000); i++; continue; }
      }
      out.push(c);
    }
    return out;
  }
  function ucs2encode(codePoints) {
    return codePoints.map(function (cp) { return String.fromCodePoint(cp); }).join("");
  }

  function digitToBasic(d) { return d + 22 + 75 * (d < 26 ? 1 : 0); }
  function basicToDigit(cp) {
    if (cp >= 0x30 && cp <= 0x39) return cp - 0x16;   // 0-9 are digits 26-35
    if (cp >= 0x41 && cp <= 0x5a) return cp - 0x41;   // A-Z are 0-25
    if (cp >= 0x61 && cp <= 0x7a) return cp - 0x61;   // a-z are 0-25
    return BASE;
  }
  // Bias adaptation after each delta (RFC 3492 section 6.1)
  function adapt(delta, numPoints, first) {
    var k = 0;
    delta = first ? Math.floor(delta / DAMP) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    while (delta > ((BASE - TMIN) * TMAX) >> 1) {
      delta = Math.floor(delta / (BASE - TMIN));
      k += BASE;
    }
    return Math.floor(k + (BASE - TMIN + 1) * delta / (delta + SKEW));
  }

  function decode(input) {
    var output = [];
    var basic = input.lastIndexOf("-");
    if (basic < 0) basic = 0;
    for (var j = 0; j < basic; j++) {
      if (input.charCodeAt(j) >= 0x80) error("not-basic");
      output.push(input.charCodeAt(j));
    }
    var n = INITIAL_N, bias = INITIAL_BIAS, i = 0;
    for (var index = basic > 0 ? basic + 1 : 0; index < input.length;) {
      var oldi = i;
      for (var w = 1, k = BASE; ; k += BASE) {
        if (index >= input.length) error("invalid-input");
        var digit = basicToDigit(input.charCodeAt(index++));
        if (digit >= BASE || digit > Math.floor((0x7fffffff - i) / w)) error("overflow");
        i += digit * w;
        var t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (digit < t) break;
        if (w > Math.floor(0x7fffffff / (BASE - t))) error("overflow");
        w *= BASE - t;
      }
      var out = output.length + 1;
      bias = adapt(i - oldi, out, oldi === 0);
      if (Math.floor(i / out) > 0x7fffffff - n) error("overflow");
      n += Math.floor(i / out);
      i %= out;
      output.splice(i++, 0, n);
    }
    return ucs2encode(output);
  }

  function encode(input) {
    var codePoints = ucs2decode(input);
    var output = [];
    codePoints.forEach(function (cp) { if (cp < 0x80) output.push(String.fromCharCode(cp)); });
    var basicLength = output.length;
    var handled = basicLength;
    if (basicLength) output.push("-");
    var n = INITIAL_N, delta = 0, bias = INITIAL_BIAS;
    while (handled < codePoints.length) {
      var m = 0x7fffffff;
      codePoints.forEach(function (cp) { if (cp >= n && cp < m) m = cp; });
      if (m - n > Math.floor((0x7fffffff - delta) / (handled + 1))) error("overflow");
      delta += (m - n) * (handled + 1);
      n = m;
      for (var c = 0; c < codePoints.length; c++) {
        var cur = codePoints[c];
        if (cur < n && ++delta > 0x7fffffff) error("overflow");
        if (cur === n) {
          var q = delta;
          for (var k = BASE; ; k += BASE) {
            var t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (q < t) break;
            output.push(String.fromCharCode(digitToBasic(t + (q - t) % (BASE - t))));
            q = Math.floor((q - t) / (BASE - t));
          }
          output.push(String.fromCharCode(digitToBasic(q)));
          bias = adapt(delta, handled + 1, handled === basicLength);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return output.join("");
  }

  // Apply fn to each label of a domain (or of the part after "@" in an e-mail address).
  function mapDomain(string, fn) {
    var parts = string.split("@");
    var result = "";
    if (parts.length > 1) { result = parts[0] + "@"; string = parts[1]; }
    string = string.replace(/[\u3002\uFF0E\uFF61]/g, ".");
    return result + string.split(".").map(fn).join(".");
  }

  return {
    version: "1.4.1",
    ucs2: { decode: ucs2decode, encode: ucs2encode },
    decode: decode,
    encode: encode,
    toASCII: function (input) {
      return mapDomain(input, function (s) { return /[^\0-\x7E]/.test(s) ? "xn--" + encode(s) : s; });
    },
    toUnicode: function (input) {
      return mapDomain(input, function (s) { return /^xn--/.test(s) ? decode(s.slice(4).toLowerCase()) : s; });
    }
  };
});

__pmr_define("string_decoder", function (require) {
  "use strict";

  function normalizeEncoding(enc) {
    var e = String(enc === undefined || enc === null ? "utf8" : enc).toLowerCase().replace(/-/g, "");
    var map = { utf8: "utf8", ucs2: "utf16le", utf16le: "utf16le", latin1: "latin1", binary: "latin1", base64: "base64", hex: "hex", ascii: "ascii" };
    if (!map[e]) throw new TypeError("Unknown encoding: " + enc);
    return map[e];
  }

  // How many bytes a UTF-8 sequence starting with this byte needs (0 for a continuation byte).
  function utf8Length(byte) {
    if (byte <= 0x7f) return 1;
    if (byte >> 5 === 0x06) return 2;
    if (byte >> 4 === 0x0e) return 3;
    if (byte >> 3 === 0x1e) return 4;
    return byte >> 6 === 0x02 ? 0 : 1;
  }

  function StringDecoder(encoding) {
    if (!(this instanceof StringDecoder)) return new StringDecoder(encoding);
    this.encoding = normalizeEncoding(encoding);
    this._pending = [];
  }
  StringDecoder.prototype._Buffer = function () { return require("buffer").Buffer; };

  // Keep back the bytes of an incomplete trailing character (UTF-8 / UTF-16) or base64 group.
  StringDecoder.prototype.write = function (buf) {
    var Buffer = this._Buffer();
    if (typeof buf === "string") return buf;
    var bytes = Array.prototype.slice.call(this._pending).concat(Array.prototype.slice.call(buf));
    var keep = 0;
    if (this.encoding === "utf8") {
      for (var back = 1; back <= Math.min(3, bytes.length); back++) {
        var b = bytes[bytes.length - back];
        var need = utf8Length(b);
        if (need === 0) continue;
        if (need > back) keep = back;
        break;
      }
    } else if (this.encoding === "utf16le") {
      keep = bytes.length % 2;
      if (!keep && bytes.length >= 2) {
        var hi = bytes[bytes.length - 1];
        if (hi >= 0xd8 && hi <= 0xdb) keep = 2;
      }
    } else if (this.encoding === "base64") {
      keep = bytes.length % 3;
    }
    this._pending = bytes.slice(bytes.length - keep);
    var ready = bytes.slice(0, bytes.length - keep);
    return ready.length ? Buffer.from(ready).toString(this.encoding) : "";
  };
  StringDecoder.prototype.end = function (buf) {
    var out = buf !== undefined ? this.write(buf) : "";
    if (this._pending.length) {
      var Buffer = this._Buffer();
      out += this.encoding === "utf8" ? "\ufffd" : Buffer.from(this._pending).toString(this.encoding);
      this._pending = [];
    }
    return out;
  };
  StringDecoder.prototype.text = function (buf, offset) { return this.write(buf.slice(offset || 0)); };

  return { StringDecoder: StringDecoder };
});
