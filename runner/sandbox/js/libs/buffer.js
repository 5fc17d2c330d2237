/*
 * pmreplay's own `buffer`, `atob` and `btoa` modules for the script sandbox.
 *
 * Why: Postman scripts build Basic-auth headers and decode JWTs with
 * `Buffer.from(x).toString('base64')` and `atob`/`btoa`.  Our V8 has no Node
 * runtime, so this is a Node-compatible Buffer written from Node's documented API.
 * Where Node and Newman differ, Newman wins because collections are written against
 * it: Newman bundles the browser `buffer` package, so decoding bad UTF-8 yields one
 * U+FFFD per offending byte, hex parsing stops at the first unparsable pair, base64
 * parsing skips foreign characters and accepts both alphabets, and out-of-range
 * reads/writes throw that package's messages.  `atob`/`btoa` are likewise the lenient
 * npm packages Newman uses (latin1 <-> base64 through Buffer), not the browser's
 * strict ones: `btoa('\u20ac')` keeps the low byte instead of throwing.
 *
 * Buffer is a Uint8Array whose prototype chain goes through Buffer.prototype, so
 * typed-array methods, indexing and `length` all behave natively.
 */
__pmr_define("buffer", function (require) {
  "use strict";

  var K_MAX_LENGTH = 0x7fffffff;
  var ENCODINGS = {
    utf8: "utf8", "utf-8": "utf8",
    hex: "hex",
    base64: "base64", base64url: "base64url",
    latin1: "latin1", binary: "latin1",
    ascii: "ascii",
    ucs2: "utf16le", "ucs-2": "utf16le", utf16le: "utf16le", "utf-16le": "utf16le"
  };

  function normaliseEncoding(encoding) {
    if (encoding === undefined || encoding === null || encoding === "") return "utf8";
    var canonical = ENCODINGS[String(encoding).toLowerCase()];
    if (!canonical) throw new TypeError("Unknown encoding: " + encoding);
    return canonical;
  }

  // ---------------------------------------------------------------- encoders
  function utf8Encode(str) {
    var out = [];
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        var next = str.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          c = 0xfffd;  // lone surrogate
        }
      }
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }

  // Each byte that does not start a complete, shortest-form, non-surrogate sequence
  // becomes one U+FFFD and decoding resumes at the next byte (Newman's behaviour).
  function utf8Decode(bytes, start, end) {
    var units = [];
    var parts = [];
    var i = start;
    while (i < end) {
      var b0 = bytes[i];
      var cp = -1;
      var len = b0 > 0xef ? 4 : b0 > 0xdf ? 3 : b0 > 0xbf ? 2 : 1;
      if (i + len <= end) {
        if (len === 1) {
          if (b0 < 0x80) cp = b0;
        } else if (len === 2) {
          var c1 = bytes[i + 1];
          if ((c1 & 0xc0) === 0x80) {
            cp = ((b0 & 0x1f) << 6) | (c1 & 0x3f);
            if (cp < 0x80) cp = -1;
          }
        } else if (len === 3) {
          var d1 = bytes[i + 1];
          var d2 = bytes[i + 2];
          if ((d1 & 0xc0) === 0x80 && (d2 & 0xc0) === 0x80) {
            cp = ((b0 & 0x0f) << 12) | ((d1 & 0x3f) << 6) | (d2 & 0x3f);
            if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) cp = -1;
          }
        } else {
          var e1 = bytes[i + 1];
          var e2 = bytes[i + 2];
          var e3 = bytes[i + 3];
          if ((e1 & 0xc0) === 0x80 && (e2 & 0xc0) === 0x80 && (e3 & 0xc0) === 0x80) {
            cp = ((b0 & 0x0f) << 18) | ((e1 & 0x3f) << 12) | ((e2 & 0x3f) << 6) | (e3 & 0x3f);
            if (cp < 0x10000 || cp > 0x10ffff) cp = -1;
          }
        }
      }
      if (cp === -1) {
        units.push(0xfffd);
        i += 1;
      } else {
        if (cp > 0xffff) {
          cp -= 0x10000;
          units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff));
        } else {
          units.push(cp);
        }
        i += len;
      }
      if (units.length >= 8192) {
        parts.push(String.fromCharCode.apply(null, units));
        units = [];
      }
    }
    if (units.length) parts.push(String.fromCharCode.apply(null, units));
    return parts.join("");
  }

  function charsFromBytes(bytes, start, end, mask) {
    var parts = [];
    for (var i = start; i < end; i += 8192) {
      var stop = Math.min(end, i + 8192);
      var chunk = new Array(stop - i);
      for (var j = i; j < stop; j++) chunk[j - i] = bytes[j] & mask;
      parts.push(String.fromCharCode.apply(null, chunk));
    }
    return parts.join("");
  }

  var HEX = [];
  for (var h = 0; h < 256; h++) HEX[h] = (h < 16 ? "0" : "") + h.toString(16);

  function hexDecode(str) {
    var out = [];
    var n = str.length >>> 1;
    for (var i = 0; i < n; i++) {
      var v = parseInt(str.substr(i * 2, 2), 16);
      if (v !== v) break;  // NaN: stop at the first unparsable pair
      out.push(v);
    }
    return out;
  }

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var B64_LOOKUP = {};
  for (var bi = 0; bi < 64; bi++) {
    B64_LOOKUP[B64.charAt(bi)] = bi;
    B64_LOOKUP[B64URL.charAt(bi)] = bi;
  }

  function base64Decode(str) {
    str = str.split("=")[0];
    var out = [];
    var acc = 0;
    var bits = 0;
    var chars = [];
    for (var i = 0; i < str.length; i++) {
      var v = B64_LOOKUP[str.charAt(i)];
      if (v !== undefined) chars.push(v);
    }
    if (chars.length < 2) return out;
    for (var k = 0; k < chars.length; k++) {
      acc = ((acc << 6) | chars[k]) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((acc >>> bits) & 0xff);
      }
    }
    return out;
  }

  function base64Encode(bytes, start, end, alphabet, pad) {
    var out = [];
    for (var i = start; i < end; i += 3) {
      var b0 = bytes[i];
      var b1 = i + 1 < end ? bytes[i + 1] : 0;
      var b2 = i + 2 < end ? bytes[i + 2] : 0;
      var triple = (b0 << 16) | (b1 << 8) | b2;
      out.push(alphabet.charAt(triple >>> 18), alphabet.charAt((triple >>> 12) & 63));
      if (i + 1 < end) out.push(alphabet.charAt((triple >>> 6) & 63));
      else if (pad) out.push("=");
      if (i + 2 < end) out.push(alphabet.charAt(triple & 63));
      else if (pad) out.push("=");
    }
    return out.join("");
  }

  function bytesFromString(str, encoding) {
    switch (normaliseEncoding(encoding)) {
      case "utf8": return utf8Encode(str);
      case "hex": return hexDecode(str);
      case "base64":
      case "base64url": return base64Decode(str);
      case "latin1":
      case "ascii": {
        var out = new Array(str.length);
        for (var i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
        return out;
      }
      default: {  // utf16le
        var units = [];
        for (var j = 0; j < str.length; j++) {
          var c = str.charCodeAt(j);
          units.push(c & 0xff, c >>> 8);
        }
        return units;
      }
    }
  }

  function stringFromBytes(bytes, encoding, start, end) {
    switch (normaliseEncoding(encoding)) {
      case "utf8": return utf8Decode(bytes, start, end);
      case "hex": {
        var out = new Array(end - start);
        for (var i = start; i < end; i++) out[i - start] = HEX[bytes[i]];
        return out.join("");
      }
      case "base64": return base64Encode(bytes, start, end, B64, true);
      case "base64url": return base64Encode(bytes, start, end, B64URL, false);
      case "latin1": return charsFromBytes(bytes, start, end, 0xff);
      case "ascii": return charsFromBytes(bytes, start, end, 0x7f);
      default: {  // utf16le
        var units = [];
        for (var j = start; j + 1 < end; j += 2) units.push(bytes[j] | (bytes[j + 1] << 8));
        var parts = [];
        for (var k = 0; k < units.length; k += 8192) {
          parts.push(String.fromCharCode.apply(null, units.slice(k, k + 8192)));
        }
        return parts.join("");
      }
    }
  }

  // ---------------------------------------------------------------- Buffer
  function wrap(u8) {
    Object.setPrototypeOf(u8, Buffer.prototype);
    return u8;
  }

  function createBuffer(length) {
    if (length > K_MAX_LENGTH) {
      throw new RangeError('The value "' + length + '" is invalid for option "size"');
    }
    return wrap(new Uint8Array(length));
  }

  function assertSize(size) {
    if (typeof size !== "number") throw new TypeError('"size" argument must be of type number');
    if (size < 0 || size !== size) {
      throw new RangeError('The value "' + size + '" is invalid for option "size"');
    }
  }

  // Called with or without `new`; typed-array species construction also lands here
  // with (length) or (arrayBuffer, byteOffset, length).
  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === "number") {
      if (typeof encodingOrOffset === "string") {
        throw new TypeError('The "string" argument must be of type string. Received type number');
      }
      assertSize(arg);
      return createBuffer(arg | 0);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Object.setPrototypeOf(Buffer.prototype, Uint8Array.prototype);
  Object.setPrototypeOf(Buffer, Uint8Array);
  Buffer.prototype._isBuffer = true;
  Buffer.poolSize = 8192;

  function fromArrayLike(arr) {
    var n = arr.length < 0 ? 0 : arr.length | 0;
    var buf = createBuffer(n);
    for (var i = 0; i < n; i++) buf[i] = arr[i] & 255;
    return buf;
  }

  Buffer.from = function (value, encodingOrOffset, length) {
    if (typeof value === "string") return fromArrayLike(bytesFromString(value, encodingOrOffset));
    if (typeof value === "number") {
      throw new TypeError('The "value" argument must not be of type number. Received type number');
    }
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer)) {
      var offset = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset) | 0;
      if (offset < 0 || offset > value.byteLength) throw new RangeError('"offset" is outside of buffer bounds');
      var len = length === undefined ? value.byteLength - offset : Number(length) | 0;
      if (len < 0 || offset + len > value.byteLength) throw new RangeError('"length" is outside of buffer bounds');
      return wrap(new Uint8Array(value, offset, len));
    }
    if (ArrayBuffer.isView(value)) {
      if (value instanceof Uint8Array) return wrap(new Uint8Array(value));
      return fromArrayLike(value);
    }
    if (value !== null && typeof value === "object") {
      var prim = typeof value.valueOf === "function" ? value.valueOf() : value;
      if (prim !== null && prim !== undefined && prim !== value) return Buffer.from(prim, encodingOrOffset, length);
      if (value.type === "Buffer" && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (typeof value.length === "number") return fromArrayLike(value);
      if (typeof value[Symbol.toPrimitive] === "function") {
        return Buffer.from(value[Symbol.toPrimitive]("string"), encodingOrOffset, length);
      }
    }
    throw new TypeError(
      "The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. " +
      "Received type " + typeof value
    );
  };

  Buffer.alloc = function (size, fill, encoding) {
    assertSize(size);
    var buf = createBuffer(size | 0);
    if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, buf.length, encoding);
    return buf;
  };
  Buffer.allocUnsafe = function (size) {
    assertSize(size);
    return createBuffer(size | 0);
  };
  Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

  Buffer.isBuffer = function (obj) {
    return obj instanceof Buffer;
  };

  Buffer.isEncoding = function (encoding) {
    return typeof encoding === "string" && hasOwn(ENCODINGS, encoding.toLowerCase());
  };

  function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  Buffer.byteLength = function (value, encoding) {
    if (typeof value === "string") {
      // Newman's buffer counts hex by length alone, even when the digits are invalid.
      if (normaliseEncoding(encoding) === "hex") return value.length >>> 1;
      return bytesFromString(value, encoding).length;
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    throw new TypeError(
      'The "string" argument must be one of type string, Buffer, or ArrayBuffer. Received type ' + typeof value
    );
  };

  Buffer.concat = function (list, totalLength) {
    if (!Array.isArray(list)) throw new TypeError('"list" argument must be an Array of Buffers');
    if (list.length === 0) return Buffer.alloc(0);
    var i;
    if (totalLength === undefined) {
      totalLength = 0;
      for (i = 0; i < list.length; i++) totalLength += list[i].length;
    }
    var out = Buffer.alloc(totalLength);
    var pos = 0;
    for (i = 0; i < list.length && pos < totalLength; i++) {
      var item = list[i];
      if (!(item instanceof Uint8Array)) throw new TypeError('"list" argument must be an Array of Buffers');
      var take = Math.min(item.length, totalLength - pos);
      out.set(take === item.length ? item : item.subarray(0, take), pos);
      pos += take;
    }
    return out;
  };

  function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
    var n = Math.min(aEnd - aStart, bEnd - bStart);
    for (var i = 0; i < n; i++) {
      if (a[aStart + i] !== b[bStart + i]) return a[aStart + i] < b[bStart + i] ? -1 : 1;
    }
    var la = aEnd - aStart;
    var lb = bEnd - bStart;
    return la < lb ? -1 : la > lb ? 1 : 0;
  }

  Buffer.compare = function (a, b) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) {
      throw new TypeError('The "buf1", "buf2" arguments must be one of type Buffer or Uint8Array');
    }
    return compareBytes(a, 0, a.length, b, 0, b.length);
  };

  var proto = Buffer.prototype;

  function clampIndex(value, length, fallback) {
    if (value === undefined) return fallback;
    value = Number(value);
    if (value !== value) return 0;
    value = Math.trunc(value);
    if (value < 0) value += length;
    return Math.min(Math.max(value, 0), length);
  }

  proto.toString = function (encoding, start, end) {
    var len = this.length;
    start = start === undefined || start < 0 ? 0 : Math.min(start | 0, len);
    end = end === undefined || end > len ? len : end | 0;
    if (end <= start) return "";
    return stringFromBytes(this, encoding, start, end);
  };
  proto.toLocaleString = proto.toString;

  proto.toJSON = function () {
    return {type: "Buffer", data: Array.prototype.slice.call(this, 0)};
  };

  proto.inspect = function () {
    var n = Math.min(this.length, 50);
    var hex = [];
    for (var i = 0; i < n; i++) hex.push(HEX[this[i]]);
    return "<Buffer" + (hex.length ? " " + hex.join(" ") : "") + (this.length > n ? " ... " + (this.length - n) + " more bytes" : "") + ">";
  };

  proto.subarray = function (start, end) {
    var len = this.length;
    var s = clampIndex(start, len, 0);
    var e = clampIndex(end, len, len);
    if (e < s) e = s;
    return wrap(new Uint8Array(this.buffer, this.byteOffset + s, e - s));
  };
  // Node's Buffer#slice shares memory (unlike Uint8Array#slice).
  proto.slice = proto.subarray;

  proto.equals = function (other) {
    if (!(other instanceof Uint8Array)) throw new TypeError("Argument must be a Buffer");
    return this === other || compareBytes(this, 0, this.length, other, 0, other.length) === 0;
  };

  proto.compare = function (target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!(target instanceof Uint8Array)) {
      throw new TypeError('The "target" argument must be one of type Buffer or Uint8Array');
    }
    targetStart = targetStart === undefined ? 0 : targetStart;
    targetEnd = targetEnd === undefined ? target.length : targetEnd;
    sourceStart = sourceStart === undefined ? 0 : sourceStart;
    sourceEnd = sourceEnd === undefined ? this.length : sourceEnd;
    if (targetStart < 0 || targetEnd > target.length || sourceStart < 0 || sourceEnd > this.length) {
      throw new RangeError("out of range index");
    }
    return compareBytes(this, sourceStart, Math.max(sourceStart, sourceEnd), target, targetStart, Math.max(targetStart, targetEnd));
  };

  proto.copy = function (target, targetStart, sourceStart, sourceEnd) {
    targetStart = targetStart | 0;
    sourceStart = sourceStart | 0;
    sourceEnd = sourceEnd === undefined ? this.length : Math.min(sourceEnd | 0, this.length);
    if (targetStart >= target.length || sourceEnd <= sourceStart) return 0;
    if (targetStart < 0) throw new RangeError("targetStart out of bounds");
    if (sourceStart < 0 || sourceStart >= this.length) throw new RangeError("Index out of range");
    var n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
    Uint8Array.prototype.set.call(target, this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  };

  proto.write = function (string, offset, length, encoding) {
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      length = this.length;
    } else if (typeof length === "string") {
      encoding = length;
      length = undefined;
    }
    offset = offset === undefined ? 0 : offset >>> 0;
    var remaining = this.length - offset;
    if (length === undefined || length > remaining) length = remaining;
    if (offset > this.length || length < 0) throw new RangeError("Attempt to write outside buffer bounds");
    var enc = normaliseEncoding(encoding);
    var bytes = bytesFromString(String(string), enc);
    var n = Math.min(bytes.length, length);
    if (enc === "utf8" && n < bytes.length) {
      while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;  // never split a character
    } else if (enc === "utf16le" && n % 2) {
      n--;
    }
    for (var i = 0; i < n; i++) this[offset + i] = bytes[i];
    return n;
  };

  proto.fill = function (value, offset, end, encoding) {
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      end = this.length;
    } else if (typeof end === "string") {
      encoding = end;
      end = this.length;
    }
    offset = offset === undefined ? 0 : offset >>> 0;
    end = end === undefined ? this.length : end >>> 0;
    if (offset < 0 || end > this.length) throw new RangeError("Out of range index");
    if (end <= offset) return this;
    var pattern;
    if (typeof value === "number") {
      Uint8Array.prototype.fill.call(this, value & 255, offset, end);
      return this;
    } else if (typeof value === "boolean") {
      Uint8Array.prototype.fill.call(this, Number(value), offset, end);
      return this;
    } else if (typeof value === "string") {
      pattern = bytesFromString(value, encoding);
    } else if (value instanceof Uint8Array) {
      pattern = value;
    } else {
      pattern = [0];
    }
    if (pattern.length === 0) {
      if (typeof value === "string" && value.length) throw new TypeError('The value "' + value + '" is invalid for argument "value"');
      pattern = [0];
    }
    for (var i = offset; i < end; i++) this[i] = pattern[(i - offset) % pattern.length];
    return this;
  };

  function needleBytes(value, encoding) {
    if (typeof value === "number") return [value & 255];
    if (typeof value === "string") return bytesFromString(value, encoding);
    if (value instanceof Uint8Array) return value;
    throw new TypeError('The "value" argument must be one of type number, string, Buffer, or Uint8Array');
  }

  proto.indexOf = function (value, byteOffset, encoding) {
    if (typeof byteOffset === "string") {
      encoding = byteOffset;
      byteOffset = 0;
    }
    var needle = needleBytes(value, encoding);
    var start = clampIndex(byteOffset, this.length, 0);
    if (needle.length === 0) return start;
    outer:
    for (var i = start; i <= this.length - needle.length; i++) {
      for (var j = 0; j < needle.length; j++) {
        if (this[i + j] !== needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  };

  proto.lastIndexOf = function (value, byteOffset, encoding) {
    if (typeof byteOffset === "string") {
      encoding = byteOffset;
      byteOffset = undefined;
    }
    var needle = needleBytes(value, encoding);
    var start = byteOffset === undefined ? this.length - needle.length : clampIndex(byteOffset, this.length, 0);
    outer:
    for (var i = Math.min(start, this.length - needle.length); i >= 0; i--) {
      for (var j = 0; j < needle.length; j++) {
        if (this[i + j] !== needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  };

  proto.includes = function (value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  };

  function swapper(size) {
    return function () {
      if (this.length % size) throw new RangeError("Buffer size must be a multiple of " + (size * 8) + "-bits");
      for (var i = 0; i < this.length; i += size) {
        for (var a = i, b = i + size - 1; a < b; a++, b--) {
          var t = this[a];
          this[a] = this[b];
          this[b] = t;
        }
      }
      return this;
    };
  }
  proto.swap16 = swapper(2);
  proto.swap32 = swapper(4);
  proto.swap64 = swapper(8);

  // ---------------------------------------------------------------- numeric access
  function checkRead(buf, offset, size) {
    if (offset % 1 !== 0 || offset < 0) throw new RangeError("offset is not uint");
    if (offset + size > buf.length) throw new RangeError("Trying to access beyond buffer length");
  }

  function checkWrite(buf, value, offset, size, min, max) {
    if (value > max || value < min) throw new RangeError('"value" argument is out of bounds');
    if (offset + size > buf.length || offset < 0) throw new RangeError("Index out of range");
  }

  function readUnsigned(buf, offset, size, littleEndian) {
    var v = 0;
    for (var i = 0; i < size; i++) {
      var b = buf[offset + (littleEndian ? size - 1 - i : i)];
      v = v * 256 + b;
    }
    return v;
  }

  function writeUnsigned(buf, value, offset, size, littleEndian) {
    for (var i = 0; i < size; i++) {
      var b = value % 256;
      if (b < 0) b += 256;
      buf[offset + (littleEndian ? i : size - 1 - i)] = b;
      value = Math.floor(value / 256);
    }
  }

  function defineInt(size, signed, littleEndian) {
    var suffix = size === 1 ? "" : littleEndian ? "LE" : "BE";
    var base = (signed ? "Int" : "UInt") + size * 8 + suffix;
    var range = Math.pow(2, size * 8);
    var min = signed ? -range / 2 : 0;
    var max = signed ? range / 2 - 1 : range - 1;
    proto["read" + base] = function (offset) {
      offset = offset === undefined ? 0 : offset;
      checkRead(this, offset, size);
      var v = readUnsigned(this, offset, size, littleEndian);
      return signed && v > max ? v - range : v;
    };
    proto["write" + base] = function (value, offset) {
      value = +value;
      offset = offset === undefined ? 0 : offset >>> 0;
      checkWrite(this, value, offset, size, min, max);
      writeUnsigned(this, Math.trunc(value), offset, size, littleEndian);
      return offset + size;
    };
    if (!signed) {  // Node also spells these readUint8 / writeUint16LE ...
      proto["read" + base.replace("UInt", "Uint")] = proto["read" + base];
      proto["write" + base.replace("UInt", "Uint")] = proto["write" + base];
    }
  }
  [1, 2, 4].forEach(function (size) {
    [false, true].forEach(function (signed) {
      defineInt(size, signed, false);
      if (size > 1) defineInt(size, signed, true);
    });
  });

  function defineVariable(signed, littleEndian) {
    var name = (signed ? "Int" : "UInt") + (littleEndian ? "LE" : "BE");
    proto["read" + name] = function (offset, byteLength) {
      checkRead(this, offset, byteLength);
      var v = readUnsigned(this, offset, byteLength, littleEndian);
      var range = Math.pow(2, 8 * byteLength);
      return signed && v >= range / 2 ? v - range : v;
    };
    proto["write" + name] = function (value, offset, byteLength) {
      var range = Math.pow(2, 8 * byteLength);
      checkWrite(this, +value, offset, byteLength, signed ? -range / 2 : 0, signed ? range / 2 - 1 : range - 1);
      writeUnsigned(this, Math.trunc(+value), offset, byteLength, littleEndian);
      return offset + byteLength;
    };
    if (!signed) {
      proto["readUint" + (littleEndian ? "LE" : "BE")] = proto["read" + name];
      proto["writeUint" + (littleEndian ? "LE" : "BE")] = proto["write" + name];
    }
  }
  defineVariable(false, false);
  defineVariable(false, true);
  defineVariable(true, false);
  defineVariable(true, true);

  function defineFloat(kind, size, littleEndian) {
    var name = kind + (littleEndian ? "LE" : "BE");
    var getter = size === 4 ? "getFloat32" : "getFloat64";
    var setter = size === 4 ? "setFloat32" : "setFloat64";
    proto["read" + name] = function (offset) {
      offset = offset === undefined ? 0 : offset;
      checkRead(this, offset, size);
      return new DataView(this.buffer, this.byteOffset, this.length)[getter](offset, littleEndian);
    };
    proto["write" + name] = function (value, offset) {
      offset = offset === undefined ? 0 : offset >>> 0;
      if (offset + size > this.length) throw new RangeError("Index out of range");
      new DataView(this.buffer, this.byteOffset, this.length)[setter](offset, +value, littleEndian);
      return offset + size;
    };
  }
  defineFloat("Float", 4, true);
  defineFloat("Float", 4, false);
  defineFloat("Double", 8, true);
  defineFloat("Double", 8, false);

  function SlowBuffer(length) {
    return Buffer.alloc(+length);
  }

  return {
    Buffer: Buffer,
    SlowBuffer: SlowBuffer,
    INSPECT_MAX_BYTES: 50,
    kMaxLength: K_MAX_LENGTH
  };
});

__pmr_define("atob", function (require) {
  "use strict";
  var Buffer = require("buffer").Buffer;
  // Newman's atob: lenient base64 (both alphabets, junk skipped) decoded to a binary string.
  return function atob(str) {
    return Buffer.from(str, "base64").toString("latin1");
  };
});

__pmr_define("btoa", function (require) {
  "use strict";
  var Buffer = require("buffer").Buffer;
  // Newman's btoa: every character keeps its low byte (no InvalidCharacterError).
  return function btoa(str) {
    var text = str instanceof Buffer ? str : str.toString();
    return Buffer.from(text, "latin1").toString("base64");
  };
});
