/*
 * pmreplay's own implementation of the `crypto-js` API that Postman scripts use.
 *
 * Why: Postman's sandbox ships crypto-js 3.3.0 and collections call it directly
 * (`CryptoJS.HmacSHA256(...)`, `CryptoJS.AES.encrypt(...)`).  No maintained Python
 * package provides it, so this file re-implements the public surface from the
 * algorithm specifications (FIPS 180-4, FIPS 197, FIPS 46-3, RFC 1321, RFC 2104,
 * RFC 2898, RFC 4503, Keccak, RIPEMD-160, RC4, OpenSSL's EVP_BytesToKey) with
 * crypto-js 3.3.0 semantics, checked against the real package by the tests:
 * PBKDF2 defaults to SHA1, one iteration and a 128-bit key, SHA3 is the original
 * Keccak padding, block cipher modes always apply the configured padding, CTR only
 * increments the last 32-bit word of the counter.
 *
 * Data model (as in crypto-js): a WordArray is `{words, sigBytes}` where `words` are
 * signed 32-bit integers holding bytes big-endian.  All arithmetic stays in 32-bit
 * integers (`| 0`, `>>> 0`); SHA-512 and Keccak use hi/lo pairs of 32-bit halves.
 *
 * Random numbers (WordArray.random, salts, Iso10126 padding) come from Math.random:
 * they are NOT cryptographically strong, exactly like crypto-js 3.3.0 in Postman.
 */
__pmr_define("crypto-js", function (require) {
  "use strict";

  function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  // ------------------------------------------------------------------ object model
  // crypto-js's prototype-based classes: Class.extend({...}), Class.create(...),
  // instance.clone(), and `new Class.init(...)` all have to keep working because
  // scripts copied from Stack Overflow use every one of these forms.
  var Base = {
    extend: function (overrides) {
      var parent = this;
      var sub = Object.create(parent);
      if (overrides) sub.mixIn(overrides);
      if (!overrides || !hasOwn(overrides, "init")) {
        sub.init = function () {
          parent.init.apply(this, arguments);
        };
      }
      sub.init.prototype = sub;
      sub.$super = parent;
      return sub;
    },
    create: function () {
      var instance = Object.create(this);
      instance.init.apply(instance, arguments);
      return instance;
    },
    init: function () {},
    mixIn: function (props) {
      for (var key in props) {
        if (hasOwn(props, key)) this[key] = props[key];
      }
      return this;
    },
    clone: function () {
      var copy = Object.create(Object.getPrototypeOf(this));
      for (var key in this) {
        if (hasOwn(this, key)) copy[key] = this[key];
      }
      return copy;
    }
  };
  Base.init.prototype = Base;

  function mergeCfg(defaults, cfg) {
    var out = {};
    var key;
    for (key in defaults) out[key] = defaults[key];
    if (cfg) {
      for (key in cfg) {
        // An explicit `undefined` keeps the default (scripts pass `{hasher: maybeUndefined}`).
        if (hasOwn(cfg, key) && cfg[key] !== undefined) out[key] = cfg[key];
      }
    }
    return out;
  }

  function byteAt(words, i) {
    return (words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
  }

  function swap32(x) {
    return (x << 24) | ((x << 8) & 0xff0000) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }

  function randomWord() {
    return (Math.random() * 0x100000000) | 0;
  }

  // ------------------------------------------------------------------ WordArray
  var WordArray = Base.extend({
    init: function (words, sigBytes) {
      if (typeof ArrayBuffer !== "undefined" &&
          (words instanceof ArrayBuffer || ArrayBuffer.isView(words))) {
        var bytes = words instanceof ArrayBuffer ? new Uint8Array(words)
          : new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
        var packed = [];
        for (var i = 0; i < bytes.length; i++) {
          packed[i >>> 2] |= bytes[i] << (24 - (i % 4) * 8);
        }
        this.words = packed;
        this.sigBytes = bytes.length;
        return;
      }
      words = this.words = words || [];
      this.sigBytes = sigBytes !== undefined ? sigBytes : words.length * 4;
    },
    toString: function (encoder) {
      return (encoder || Hex).stringify(this);
    },
    concat: function (other) {
      var mine = this.words;
      var theirs = other.words;
      var mySig = this.sigBytes;
      var theirSig = other.sigBytes;
      this.clamp();
      if (mySig % 4) {
        for (var i = 0; i < theirSig; i++) {
          var b = byteAt(theirs, i);
          mine[(mySig + i) >>> 2] |= b << (24 - ((mySig + i) % 4) * 8);
        }
      } else {
        for (var j = 0; j < theirSig; j += 4) {
          mine[(mySig + j) >>> 2] = theirs[j >>> 2] | 0;
        }
      }
      this.sigBytes += theirSig;
      return this;
    },
    clamp: function () {
      var words = this.words;
      var sig = this.sigBytes;
      if (sig < 0) return;
      if (sig % 4) words[sig >>> 2] &= 0xffffffff << (32 - (sig % 4) * 8);
      words.length = Math.ceil(sig / 4);
    },
    clone: function () {
      var copy = Base.clone.call(this);
      copy.words = this.words.slice(0);
      return copy;
    },
    random: function (nBytes) {
      var words = [];
      for (var i = 0; i < nBytes; i += 4) words.push(randomWord());
      return WordArray.create(words, nBytes);
    }
  });

  // ------------------------------------------------------------------ encoders
  var HEX_BYTES = [];
  for (var hb = 0; hb < 256; hb++) HEX_BYTES[hb] = (hb < 16 ? "0" : "") + hb.toString(16);

  var Hex = {
    stringify: function (wa) {
      var words = wa.words;
      var out = [];
      for (var i = 0; i < wa.sigBytes; i++) out.push(HEX_BYTES[byteAt(words, i)]);
      return out.join("");
    },
    parse: function (hex) {
      var len = hex.length;
      var words = [];
      for (var i = 0; i < len; i += 2) {
        words[i >>> 3] |= parseInt(hex.substr(i, 2), 16) << (24 - (i % 8) * 4);
      }
      return WordArray.create(words, len / 2);
    }
  };

  var Latin1 = {
    stringify: function (wa) {
      var words = wa.words;
      var chunk = [];
      var parts = [];
      for (var i = 0; i < wa.sigBytes; i++) {
        chunk.push(byteAt(words, i));
        if (chunk.length === 8192) {
          parts.push(String.fromCharCode.apply(null, chunk));
          chunk = [];
        }
      }
      if (chunk.length) parts.push(String.fromCharCode.apply(null, chunk));
      return parts.join("");
    },
    parse: function (str) {
      var len = str.length;
      var words = [];
      for (var i = 0; i < len; i++) {
        words[i >>> 2] |= (str.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8);
      }
      return WordArray.create(words, len);
    }
  };

  // Encode a JS string as UTF-8 byte values.  A lone surrogate throws URIError like
  // crypto-js (which goes through encodeURIComponent).
  function utf8Bytes(str) {
    var bytes = [];
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c < 0x80) {
        bytes.push(c);
      } else if (c < 0x800) {
        bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      } else if (c >= 0xd800 && c <= 0xdfff) {
        var next = str.charCodeAt(i + 1);
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) throw new URIError("URI malformed");
        var cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      } else {
        bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      }
    }
    return bytes;
  }

  function wordArrayFromBytes(bytes) {
    var words = [];
    for (var i = 0; i < bytes.length; i++) words[i >>> 2] |= bytes[i] << (24 - (i % 4) * 8);
    return WordArray.create(words, bytes.length);
  }

  var Utf8 = {
    stringify: function (wa) {
      try {
        /* eslint-disable-next-line no-undef */
        return decodeURIComponent(escape(Latin1.stringify(wa)));
      } catch (e) {
        throw new Error("Malformed UTF-8 data");
      }
    },
    parse: function (str) {
      // crypto-js goes through encodeURIComponent, which stringifies numbers, null...
      return wordArrayFromBytes(utf8Bytes(String(str)));
    }
  };

  function utf16Stringify(wa, littleEndian) {
    var words = wa.words;
    var chars = [];
    for (var i = 0; i < wa.sigBytes; i += 2) {
      var unit = (words[i >>> 2] >>> (16 - (i % 4) * 8)) & 0xffff;
      if (littleEndian) unit = ((unit << 8) & 0xff00) | ((unit >>> 8) & 0xff);
      chars.push(String.fromCharCode(unit));
    }
    return chars.join("");
  }

  function utf16Parse(str, littleEndian) {
    var words = [];
    for (var i = 0; i < str.length; i++) {
      var unit = str.charCodeAt(i);
      if (littleEndian) unit = ((unit << 8) & 0xff00) | ((unit >>> 8) & 0xff);
      words[i >>> 1] |= unit << (16 - (i % 2) * 16);
    }
    return WordArray.create(words, str.length * 2);
  }

  var Utf16BE = {
    stringify: function (wa) { return utf16Stringify(wa, false); },
    parse: function (str) { return utf16Parse(str, false); }
  };
  var Utf16LE = {
    stringify: function (wa) { return utf16Stringify(wa, true); },
    parse: function (str) { return utf16Parse(str, true); }
  };

  var B64_STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var B64_URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  function b64Stringify(wa, alphabet, pad) {
    var words = wa.words;
    var sig = wa.sigBytes;
    var out = [];
    for (var i = 0; i < sig; i += 3) {
      var b0 = byteAt(words, i);
      var b1 = i + 1 < sig ? byteAt(words, i + 1) : 0;
      var b2 = i + 2 < sig ? byteAt(words, i + 2) : 0;
      var triple = (b0 << 16) | (b1 << 8) | b2;
      out.push(alphabet.charAt(triple >>> 18), alphabet.charAt((triple >>> 12) & 63));
      if (i + 1 < sig) out.push(alphabet.charAt((triple >>> 6) & 63));
      else if (pad) out.push("=");
      if (i + 2 < sig) out.push(alphabet.charAt(triple & 63));
      else if (pad) out.push("=");
    }
    return out.join("");
  }

  // Like crypto-js, decoding stops at the first "=" and tolerates foreign characters
  // (they count as zero bits) instead of throwing.
  function b64Parse(str, lookup) {
    var end = str.indexOf("=");
    if (end !== -1) str = str.slice(0, end);
    var words = [];
    var nBytes = 0;
    var acc = 0;
    var bits = 0;
    for (var i = 0; i < str.length; i++) {
      var v = lookup[str.charCodeAt(i)];
      acc = ((acc << 6) | (v === undefined ? 0 : v)) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        words[nBytes >>> 2] |= ((acc >>> bits) & 0xff) << (24 - (nBytes % 4) * 8);
        nBytes++;
      }
    }
    return WordArray.create(words, nBytes);
  }

  function b64Lookup(alphabets) {
    var map = [];
    for (var a = 0; a < alphabets.length; a++) {
      for (var i = 0; i < 64; i++) map[alphabets[a].charCodeAt(i)] = i;
    }
    return map;
  }
  var B64_STD_LOOKUP = b64Lookup([B64_STD]);
  var B64_URL_LOOKUP = b64Lookup([B64_URL]);

  var Base64 = {
    stringify: function (wa) { return b64Stringify(wa, B64_STD, true); },
    parse: function (str) { return b64Parse(str, B64_STD_LOOKUP); },
    _map: B64_STD + "="
  };
  // crypto-js 4.2 API (not in Postman's 3.3.0, harmless to offer): URL-safe alphabet,
  // no padding unless urlSafe === false.
  var Base64url = {
    stringify: function (wa, urlSafe) {
      if (urlSafe === false) return b64Stringify(wa, B64_STD, true);
      return b64Stringify(wa, B64_URL, false);
    },
    parse: function (str, urlSafe) {
      return b64Parse(str, urlSafe === false ? B64_STD_LOOKUP : B64_URL_LOOKUP);
    }
  };

  // ------------------------------------------------------------------ buffered blocks
  var BufferedBlockAlgorithm = Base.extend({
    reset: function () {
      this._data = WordArray.create();
      this._nDataBytes = 0;
    },
    _append: function (data) {
      if (typeof data === "string") data = Utf8.parse(data);
      this._data.concat(data);
      this._nDataBytes += data.sigBytes;
    },
    _process: function (doFlush) {
      var data = this._data;
      var words = data.words;
      var sig = data.sigBytes;
      var blockSize = this.blockSize;
      var nBlocks = sig / (blockSize * 4);
      nBlocks = doFlush ? Math.ceil(nBlocks) : Math.max((nBlocks | 0) - this._minBufferSize, 0);
      var nWords = nBlocks * blockSize;
      var nBytes = Math.min(nWords * 4, sig);
      var processed;
      if (nWords) {
        for (var offset = 0; offset < nWords; offset += blockSize) this._doProcessBlock(words, offset);
        processed = words.splice(0, nWords);
        data.sigBytes -= nBytes;
      }
      return WordArray.create(processed, nBytes);
    },
    clone: function () {
      var copy = Base.clone.call(this);
      copy._data = this._data.clone();
      return copy;
    },
    _minBufferSize: 0
  });

  // ------------------------------------------------------------------ hashers
  var Hasher = BufferedBlockAlgorithm.extend({
    cfg: {},
    init: function (cfg) {
      this.cfg = mergeCfg(this.cfg, cfg);
      this.reset();
    },
    reset: function () {
      BufferedBlockAlgorithm.reset.call(this);
      this._doReset();
    },
    update: function (message) {
      this._append(message);
      this._process();
      return this;
    },
    finalize: function (message) {
      if (message) this._append(message);
      return this._doFinalize();
    },
    clone: function () {
      var copy = BufferedBlockAlgorithm.clone.call(this);
      copy._hash = this._hash.slice(0);
      return copy;
    },
    blockSize: 16,
    _createHelper: function (hasher) {
      return function (message, cfg) {
        return hasher.create(cfg).finalize(message);
      };
    },
    _createHmacHelper: function (hasher) {
      return function (message, key) {
        return HMAC.create(hasher, key).finalize(message);
      };
    }
  });

  // Merkle-Damgard padding: 0x80, zeros, then the message bit length (64 or 128 bits),
  // big-endian for the SHA family, little-endian for MD5 / RIPEMD-160.
  function mdPad(hasher, littleEndian) {
    var data = hasher._data;
    if (data.sigBytes !== data.sigBytes) {
      nanPad(hasher);
      return;
    }
    data.clamp();
    var words = data.words;
    var blockWords = hasher.blockSize;
    var lenBits = blockWords * 4;  // 64 for 512-bit blocks, 128 for 1024-bit blocks
    var nBitsLeft = data.sigBytes * 8;
    var nBitsTotal = hasher._nDataBytes * 8;
    words[nBitsLeft >>> 5] |= 0x80 << (24 - (nBitsLeft % 32));
    var total = Math.ceil((nBitsLeft + 1 + lenBits) / (blockWords * 32)) * blockWords;
    for (var i = (nBitsLeft >>> 5) + 1; i < total; i++) words[i] = 0;
    var hi = Math.floor(nBitsTotal / 0x100000000) | 0;
    var lo = nBitsTotal | 0;
    if (littleEndian) {
      words[total - 2] = swap32(lo);
      words[total - 1] = swap32(hi);
    } else {
      words[total - 2] = hi;
      words[total - 1] = lo;
    }
    data.sigBytes = total * 4;
    hasher._process();
  }

  // A message that is neither a string nor a WordArray (a number, an object) leaves
  // crypto-js with a NaN byte count; its padding arithmetic then degenerates to "0x80 in
  // the first word, zero length, one block".  Scripts hashing `Date.now()` get that
  // fixed digest in Postman rather than an error, so reproduce it.
  function nanPad(hasher) {
    var words = hasher._data.words;
    var blockWords = hasher.blockSize;
    words[0] |= 0x80;
    for (var i = 1; i < blockWords; i++) words[i] = words[i] | 0;
    words[blockWords - 2] = 0;
    words[blockWords - 1] = 0;
    hasher._data.sigBytes = Math.max(words.length, blockWords) * 4;
    hasher._process();
  }

  // --- MD5 (RFC 1321)
  var MD5_T = [];
  for (var mi = 0; mi < 64; mi++) MD5_T[mi] = (Math.abs(Math.sin(mi + 1)) * 0x100000000) | 0;
  var MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  var MD5_X = new Int32Array(16);

  var MD5 = Hasher.extend({
    _doReset: function () {
      this._hash = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
    },
    _doProcessBlock: function (M, offset) {
      var X = MD5_X;
      for (var k = 0; k < 16; k++) X[k] = swap32(M[offset + k] | 0);
      var H = this._hash;
      var a = H[0];
      var b = H[1];
      var c = H[2];
      var d = H[3];
      for (var i = 0; i < 64; i++) {
        var round = i >> 4;
        var f;
        var g;
        if (round === 0) {
          f = (b & c) | (~b & d);
          g = i;
        } else if (round === 1) {
          f = (d & b) | (~d & c);
          g = (5 * i + 1) & 15;
        } else if (round === 2) {
          f = b ^ c ^ d;
          g = (3 * i + 5) & 15;
        } else {
          f = c ^ (b | ~d);
          g = (7 * i) & 15;
        }
        var s = MD5_S[(round << 2) | (i & 3)];
        var x = (a + f + MD5_T[i] + X[g]) | 0;
        a = d;
        d = c;
        c = b;
        b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
      }
      H[0] = (H[0] + a) | 0;
      H[1] = (H[1] + b) | 0;
      H[2] = (H[2] + c) | 0;
      H[3] = (H[3] + d) | 0;
    },
    _doFinalize: function () {
      mdPad(this, true);
      return WordArray.create(this._hash.map(swap32), 16);
    }
  });

  // --- SHA-1 (FIPS 180-4)
  var SHA1_W = new Int32Array(80);
  var SHA1 = Hasher.extend({
    _doReset: function () {
      this._hash = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0];
    },
    _doProcessBlock: function (M, offset) {
      var W = SHA1_W;
      var i;
      for (i = 0; i < 16; i++) W[i] = M[offset + i] | 0;
      for (i = 16; i < 80; i++) {
        var t = W[i - 3] ^ W[i - 8] ^ W[i - 14] ^ W[i - 16];
        W[i] = (t << 1) | (t >>> 31);
      }
      var H = this._hash;
      var a = H[0];
      var b = H[1];
      var c = H[2];
      var d = H[3];
      var e = H[4];
      for (i = 0; i < 80; i++) {
        var f;
        var k;
        if (i < 20) {
          f = (b & c) | (~b & d);
          k = 0x5a827999;
        } else if (i < 40) {
          f = b ^ c ^ d;
          k = 0x6ed9eba1;
        } else if (i < 60) {
          f = (b & c) | (b & d) | (c & d);
          k = 0x8f1bbcdc | 0;
        } else {
          f = b ^ c ^ d;
          k = 0xca62c1d6 | 0;
        }
        var tmp = (((a << 5) | (a >>> 27)) + f + e + k + W[i]) | 0;
        e = d;
        d = c;
        c = (b << 30) | (b >>> 2);
        b = a;
        a = tmp;
      }
      H[0] = (H[0] + a) | 0;
      H[1] = (H[1] + b) | 0;
      H[2] = (H[2] + c) | 0;
      H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0;
    },
    _doFinalize: function () {
      mdPad(this, false);
      return WordArray.create(this._hash.slice(0), 20);
    }
  });

  // --- SHA-2 constants: fractional parts of square / cube roots of the first primes,
  // derived exactly with BigInt integer roots instead of a pasted table.
  function firstPrimes(n) {
    var primes = [];
    for (var candidate = 2; primes.length < n; candidate++) {
      var isPrime = true;
      for (var p = 0; p < primes.length && primes[p] * primes[p] <= candidate; p++) {
        if (candidate % primes[p] === 0) {
          isPrime = false;
          break;
        }
      }
      if (isPrime) primes.push(candidate);
    }
    return primes;
  }

  function bigIntRoot(n, k) {
    var K = BigInt(k);
    var bits = n.toString(2).length;
    var x = BigInt(1) << BigInt(Math.ceil(bits / k) + 1);
    for (;;) {
      var y = ((K - BigInt(1)) * x + n / (x ** (K - BigInt(1)))) / K;
      if (y >= x) return x;
      x = y;
    }
  }

  // Returns [hi32, lo32] of the first 64 fractional bits of p^(1/k).
  function frac64(p, k) {
    var scaled = bigIntRoot(BigInt(p) << BigInt(64 * k), k);
    var frac = scaled & ((BigInt(1) << BigInt(64)) - BigInt(1));
    return [Number(frac >> BigInt(32)) | 0, Number(frac & BigInt(0xffffffff)) | 0];
  }

  var SHA2 = null;
  function sha2Constants() {
    if (SHA2) return SHA2;
    var primes = firstPrimes(80);
    var K512 = new Int32Array(160);
    for (var i = 0; i < 80; i++) {
      var kc = frac64(primes[i], 3);
      K512[2 * i] = kc[0];
      K512[2 * i + 1] = kc[1];
    }
    var H512 = [];
    var H384 = [];
    for (var j = 0; j < 8; j++) {
      var h = frac64(primes[j], 2);
      var h2 = frac64(primes[j + 8], 2);
      H512.push(h[0], h[1]);
      H384.push(h2[0], h2[1]);
    }
    var K256 = new Int32Array(64);
    for (var m = 0; m < 64; m++) K256[m] = K512[2 * m];
    SHA2 = {
      K256: K256,
      H256: [H512[0], H512[2], H512[4], H512[6], H512[8], H512[10], H512[12], H512[14]],
      H224: [H384[1], H384[3], H384[5], H384[7], H384[9], H384[11], H384[13], H384[15]],
      K512: K512,
      H512: H512,
      H384: H384
    };
    return SHA2;
  }

  // --- SHA-256 / SHA-224
  var SHA256_W = new Int32Array(64);
  var SHA256 = Hasher.extend({
    _doReset: function () {
      this._hash = sha2Constants().H256.slice(0);
    },
    _doProcessBlock: function (M, offset) {
      var K = SHA2.K256;
      var W = SHA256_W;
      var i;
      for (i = 0; i < 16; i++) W[i] = M[offset + i] | 0;
      for (i = 16; i < 64; i++) {
        var x = W[i - 15];
        var y = W[i - 2];
        var g0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var g1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        W[i] = (g0 + W[i - 7] + g1 + W[i - 16]) | 0;
      }
      var H = this._hash;
      var a = H[0];
      var b = H[1];
      var c = H[2];
      var d = H[3];
      var e = H[4];
      var f = H[5];
      var g = H[6];
      var h = H[7];
      for (i = 0; i < 64; i++) {
        var s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (h + s1 + ch + K[i] + W[i]) | 0;
        var s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (s0 + maj) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0;
      H[1] = (H[1] + b) | 0;
      H[2] = (H[2] + c) | 0;
      H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0;
      H[5] = (H[5] + f) | 0;
      H[6] = (H[6] + g) | 0;
      H[7] = (H[7] + h) | 0;
    },
    _outBytes: 32,
    _doFinalize: function () {
      mdPad(this, false);
      return WordArray.create(this._hash.slice(0), this._outBytes);
    }
  });

  var SHA224 = SHA256.extend({
    _doReset: function () {
      this._hash = sha2Constants().H224.slice(0);
    },
    _outBytes: 28
  });

  // --- SHA-512 / SHA-384 on hi/lo pairs
  var SHA512_W = new Int32Array(160);
  var SHA512 = Hasher.extend({
    _doReset: function () {
      this._hash = sha2Constants().H512.slice(0);
    },
    _doProcessBlock: function (M, offset) {
      var K = SHA2.K512;
      var W = SHA512_W;
      var i;
      var xh;
      var xl;
      for (i = 0; i < 32; i++) W[i] = M[offset + i] | 0;
      for (i = 16; i < 80; i++) {
        xh = W[2 * (i - 15)];
        xl = W[2 * (i - 15) + 1];
        var g0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
        var g0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
        xh = W[2 * (i - 2)];
        xl = W[2 * (i - 2) + 1];
        var g1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
        var g1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
        var lo = (g0l >>> 0) + (g1l >>> 0) + (W[2 * (i - 7) + 1] >>> 0) + (W[2 * (i - 16) + 1] >>> 0);
        W[2 * i] = (g0h + g1h + W[2 * (i - 7)] + W[2 * (i - 16)] + Math.floor(lo / 0x100000000)) | 0;
        W[2 * i + 1] = lo | 0;
      }
      var H = this._hash;
      var ah = H[0], al = H[1], bh = H[2], bl = H[3], ch = H[4], cl = H[5], dh = H[6], dl = H[7];
      var eh = H[8], el = H[9], fh = H[10], fl = H[11], gh = H[12], gl = H[13], hh = H[14], hl = H[15];
      for (i = 0; i < 80; i++) {
        var s1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
        var s1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
        var chh = (eh & fh) ^ (~eh & gh);
        var chl = (el & fl) ^ (~el & gl);
        var t1l = (hl >>> 0) + (s1l >>> 0) + (chl >>> 0) + (K[2 * i + 1] >>> 0) + (W[2 * i + 1] >>> 0);
        var t1h = (hh + s1h + chh + K[2 * i] + W[2 * i] + Math.floor(t1l / 0x100000000)) | 0;
        t1l = t1l | 0;
        var s0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
        var s0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
        var majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
        var majl = (al & bl) ^ (al & cl) ^ (bl & cl);
        var t2l = (s0l >>> 0) + (majl >>> 0);
        var t2h = (s0h + majh + Math.floor(t2l / 0x100000000)) | 0;
        hh = gh; hl = gl;
        gh = fh; gl = fl;
        fh = eh; fl = el;
        var newEl = (dl >>> 0) + (t1l >>> 0);
        eh = (dh + t1h + Math.floor(newEl / 0x100000000)) | 0;
        el = newEl | 0;
        dh = ch; dl = cl;
        ch = bh; cl = bl;
        bh = ah; bl = al;
        var newAl = (t1l >>> 0) + (t2l >>> 0);
        ah = (t1h + t2h + Math.floor(newAl / 0x100000000)) | 0;
        al = newAl | 0;
      }
      var state = [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl];
      for (i = 0; i < 16; i += 2) {
        var sumLo = (H[i + 1] >>> 0) + (state[i + 1] >>> 0);
        H[i] = (H[i] + state[i] + Math.floor(sumLo / 0x100000000)) | 0;
        H[i + 1] = sumLo | 0;
      }
    },
    blockSize: 32,
    _outBytes: 64,
    _doFinalize: function () {
      mdPad(this, false);
      return WordArray.create(this._hash.slice(0, this._outBytes / 4), this._outBytes);
    }
  });

  var SHA384 = SHA512.extend({
    _doReset: function () {
      this._hash = sha2Constants().H384.slice(0);
    },
    _outBytes: 48
  });

  // --- SHA3 as crypto-js has it: Keccak[c = 2 * outputLength] with the original
  // 0x01 padding (not FIPS-202's 0x06).
  var KECCAK = null;
  function keccakConstants() {
    if (KECCAK) return KECCAK;
    var rho = new Int32Array(25);
    var x = 1;
    var y = 0;
    for (var t = 0; t < 24; t++) {
      rho[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
      var nx = y;
      var ny = (2 * x + 3 * y) % 5;
      x = nx;
      y = ny;
    }
    var pi = new Int32Array(25);  // destination lane of lane (x, y)
    for (var px = 0; px < 5; px++) {
      for (var py = 0; py < 5; py++) pi[px + 5 * py] = py + 5 * ((2 * px + 3 * py) % 5);
    }
    var rcHi = new Int32Array(24);
    var rcLo = new Int32Array(24);
    var lfsr = 1;
    for (var round = 0; round < 24; round++) {
      for (var j = 0; j < 7; j++) {
        if (lfsr & 1) {
          var bit = (1 << j) - 1;
          if (bit < 32) rcLo[round] ^= 1 << bit;
          else rcHi[round] ^= 1 << (bit - 32);
        }
        lfsr = lfsr & 0x80 ? ((lfsr << 1) ^ 0x71) & 0xff : (lfsr << 1) & 0xff;
      }
    }
    KECCAK = {rho: rho, pi: pi, rcHi: rcHi, rcLo: rcLo};
    return KECCAK;
  }

  var KB_HI = new Int32Array(25);
  var KB_LO = new Int32Array(25);
  var KC_HI = new Int32Array(5);
  var KC_LO = new Int32Array(5);

  function keccakF(hi, lo) {
    var k = KECCAK;
    var x;
    var y;
    for (var round = 0; round < 24; round++) {
      // theta
      for (x = 0; x < 5; x++) {
        KC_HI[x] = hi[x] ^ hi[x + 5] ^ hi[x + 10] ^ hi[x + 15] ^ hi[x + 20];
        KC_LO[x] = lo[x] ^ lo[x + 5] ^ lo[x + 10] ^ lo[x + 15] ^ lo[x + 20];
      }
      for (x = 0; x < 5; x++) {
        var nh = KC_HI[(x + 1) % 5];
        var nl = KC_LO[(x + 1) % 5];
        var dh = KC_HI[(x + 4) % 5] ^ ((nh << 1) | (nl >>> 31));
        var dl = KC_LO[(x + 4) % 5] ^ ((nl << 1) | (nh >>> 31));
        for (y = 0; y < 25; y += 5) {
          hi[x + y] ^= dh;
          lo[x + y] ^= dl;
        }
      }
      // rho and pi
      for (var lane = 0; lane < 25; lane++) {
        var r = k.rho[lane];
        var h = hi[lane];
        var l = lo[lane];
        var dest = k.pi[lane];
        if (r === 0) {
          KB_HI[dest] = h;
          KB_LO[dest] = l;
        } else if (r < 32) {
          KB_HI[dest] = (h << r) | (l >>> (32 - r));
          KB_LO[dest] = (l << r) | (h >>> (32 - r));
        } else if (r === 32) {
          KB_HI[dest] = l;
          KB_LO[dest] = h;
        } else {
          var m = r - 32;
          KB_HI[dest] = (l << m) | (h >>> (32 - m));
          KB_LO[dest] = (h << m) | (l >>> (32 - m));
        }
      }
      // chi
      for (y = 0; y < 25; y += 5) {
        for (x = 0; x < 5; x++) {
          var i1 = y + ((x + 1) % 5);
          var i2 = y + ((x + 2) % 5);
          hi[y + x] = KB_HI[y + x] ^ (~KB_HI[i1] & KB_HI[i2]);
          lo[y + x] = KB_LO[y + x] ^ (~KB_LO[i1] & KB_LO[i2]);
        }
      }
      // iota
      hi[0] ^= k.rcHi[round];
      lo[0] ^= k.rcLo[round];
    }
  }

  var SHA3 = Hasher.extend({
    cfg: {outputLength: 512},
    _doReset: function () {
      keccakConstants();
      this._hi = new Int32Array(25);
      this._lo = new Int32Array(25);
      this.blockSize = (1600 - 2 * this.cfg.outputLength) / 32;
    },
    _doProcessBlock: function (M, offset) {
      var lanes = this.blockSize / 2;
      for (var i = 0; i < lanes; i++) {
        this._lo[i] ^= swap32(M[offset + 2 * i] | 0);
        this._hi[i] ^= swap32(M[offset + 2 * i + 1] | 0);
      }
      keccakF(this._hi, this._lo);
    },
    _doFinalize: function () {
      var data = this._data;
      var words = data.words;
      if (data.sigBytes !== data.sigBytes) {
        // crypto-js with a NaN byte count (non-string message): the padding lands
        // outside the data and nothing more is absorbed.
        words[0] |= 0x1;
        data.sigBytes = words.length * 4;
        this._process();
        return this._squeeze();
      }
      data.clamp();
      var nBitsLeft = data.sigBytes * 8;
      var blockBits = this.blockSize * 32;
      words[nBitsLeft >>> 5] |= 0x1 << (24 - (nBitsLeft % 32));
      var totalWords = (Math.ceil((nBitsLeft + 1) / blockBits) * blockBits) >>> 5;
      for (var i = (nBitsLeft >>> 5) + 1; i < totalWords; i++) words[i] = 0;
      words[totalWords - 1] |= 0x80;
      data.sigBytes = totalWords * 4;
      this._process();
      return this._squeeze();
    },
    _squeeze: function () {
      var outBytes = this.cfg.outputLength / 8;
      var out = [];
      for (var lane = 0; out.length * 4 < outBytes; lane++) {
        out.push(swap32(this._lo[lane]), swap32(this._hi[lane]));
      }
      return WordArray.create(out, outBytes);
    },
    clone: function () {
      var copy = BufferedBlockAlgorithm.clone.call(this);
      copy._hi = this._hi.slice(0);
      copy._lo = this._lo.slice(0);
      return copy;
    }
  });

  // --- RIPEMD-160
  var RMD_R = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
    3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
    1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
    4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13
  ];
  var RMD_RP = [
    5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
    6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
    15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
    8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
    12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11
  ];
  var RMD_S = [
    11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
    7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
    11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
    11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
    9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6
  ];
  var RMD_SP = [
    8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
    9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
    9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
    15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
    8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11
  ];
  var RMD_K = [0, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc | 0, 0xa953fd4e | 0];
  var RMD_KP = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0];
  var RMD_X = new Int32Array(16);

  function rmdF(j, x, y, z) {
    if (j < 16) return x ^ y ^ z;
    if (j < 32) return (x & y) | (~x & z);
    if (j < 48) return (x | ~y) ^ z;
    if (j < 64) return (x & z) | (y & ~z);
    return x ^ (y | ~z);
  }

  var RIPEMD160 = Hasher.extend({
    _doReset: function () {
      this._hash = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0];
    },
    _doProcessBlock: function (M, offset) {
      var X = RMD_X;
      for (var k = 0; k < 16; k++) X[k] = swap32(M[offset + k] | 0);
      var H = this._hash;
      var al = H[0], bl = H[1], cl = H[2], dl = H[3], el = H[4];
      var ar = al, br = bl, cr = cl, dr = dl, er = el;
      for (var j = 0; j < 80; j++) {
        var round = (j / 16) | 0;
        var t = (al + rmdF(j, bl, cl, dl) + X[RMD_R[j]] + RMD_K[round]) | 0;
        var s = RMD_S[j];
        t = (((t << s) | (t >>> (32 - s))) + el) | 0;
        al = el;
        el = dl;
        dl = (cl << 10) | (cl >>> 22);
        cl = bl;
        bl = t;
        t = (ar + rmdF(79 - j, br, cr, dr) + X[RMD_RP[j]] + RMD_KP[round]) | 0;
        s = RMD_SP[j];
        t = (((t << s) | (t >>> (32 - s))) + er) | 0;
        ar = er;
        er = dr;
        dr = (cr << 10) | (cr >>> 22);
        cr = br;
        br = t;
      }
      var tmp = (H[1] + cl + dr) | 0;
      H[1] = (H[2] + dl + er) | 0;
      H[2] = (H[3] + el + ar) | 0;
      H[3] = (H[4] + al + br) | 0;
      H[4] = (H[0] + bl + cr) | 0;
      H[0] = tmp;
    },
    _doFinalize: function () {
      mdPad(this, true);
      return WordArray.create(this._hash.map(swap32), 20);
    }
  });

  // ------------------------------------------------------------------ HMAC (RFC 2104)
  var HMAC = Base.extend({
    init: function (hasher, key) {
      hasher = this._hasher = hasher.create();
      if (typeof key === "string") key = Utf8.parse(key);
      var blockWords = hasher.blockSize;
      if (key.sigBytes > blockWords * 4) key = hasher.finalize(key);
      key.clamp();  // in place, like crypto-js (same error for a non-WordArray key too)
      var ikey = key.clone();
      var okey = key.clone();
      var iw = ikey.words;
      var ow = okey.words;
      for (var i = 0; i < blockWords; i++) {
        iw[i] = (iw[i] | 0) ^ 0x36363636;
        ow[i] = (ow[i] | 0) ^ 0x5c5c5c5c;
      }
      ikey.sigBytes = okey.sigBytes = blockWords * 4;
      this._iKey = ikey;
      this._oKey = okey;
      this.reset();
    },
    reset: function () {
      this._hasher.reset();
      this._hasher.update(this._iKey);
    },
    update: function (message) {
      this._hasher.update(message);
      return this;
    },
    finalize: function (message) {
      var hasher = this._hasher;
      var inner = hasher.finalize(message);
      hasher.reset();
      return hasher.finalize(this._oKey.clone().concat(inner));
    }
  });

  // ------------------------------------------------------------------ key derivation
  var PBKDF2 = Base.extend({
    cfg: {keySize: 128 / 32, hasher: SHA1, iterations: 1},
    init: function (cfg) {
      this.cfg = mergeCfg(this.cfg, cfg);
    },
    compute: function (password, salt) {
      var cfg = this.cfg;
      var hmac = HMAC.create(cfg.hasher, password);
      var derived = WordArray.create();
      var index = WordArray.create([1]);
      var keySize = cfg.keySize;
      var iterations = cfg.iterations;
      while (derived.words.length < keySize) {
        var block = hmac.update(salt).finalize(index);
        hmac.reset();
        var bw = block.words;
        var u = block;
        for (var i = 1; i < iterations; i++) {
          u = hmac.finalize(u);
          hmac.reset();
          var uw = u.words;
          for (var j = 0; j < bw.length; j++) bw[j] ^= uw[j];
        }
        derived.concat(block);
        index.words[0]++;
      }
      derived.sigBytes = keySize * 4;
      return derived;
    }
  });

  // OpenSSL's EVP_BytesToKey: D_i = hash^iterations(D_{i-1} || password || salt).
  var EvpKDF = Base.extend({
    cfg: {keySize: 128 / 32, hasher: MD5, iterations: 1},
    init: function (cfg) {
      this.cfg = mergeCfg(this.cfg, cfg);
    },
    compute: function (password, salt) {
      var cfg = this.cfg;
      var hasher = cfg.hasher.create();
      var derived = WordArray.create();
      var block;
      while (derived.words.length < cfg.keySize) {
        if (block) hasher.update(block);
        block = hasher.update(password).finalize(salt);
        hasher.reset();
        for (var i = 1; i < cfg.iterations; i++) {
          block = hasher.finalize(block);
          hasher.reset();
        }
        derived.concat(block);
      }
      derived.sigBytes = cfg.keySize * 4;
      return derived;
    }
  });

  // ------------------------------------------------------------------ cipher framework
  var CipherParams = Base.extend({
    init: function (params) {
      this.mixIn(params);
    },
    toString: function (formatter) {
      return (formatter || this.formatter).stringify(this);
    }
  });

  var SALTED = [0x53616c74, 0x65645f5f];  // "Salted__"

  var OpenSSLFormatter = {
    stringify: function (params) {
      var ct = params.ciphertext;
      var salt = params.salt;
      var out = salt ? WordArray.create(SALTED.slice(0)).concat(salt).concat(ct) : ct;
      return out.toString(Base64);
    },
    parse: function (str) {
      var ct = Base64.parse(str);
      var words = ct.words;
      var salt;
      if (words[0] === SALTED[0] && words[1] === SALTED[1]) {
        salt = WordArray.create(words.slice(2, 4));
        words.splice(0, 4);
        ct.sigBytes -= 16;
      }
      return CipherParams.create({ciphertext: ct, salt: salt});
    }
  };

  var HexFormatter = {
    stringify: function (params) {
      return params.ciphertext.toString(Hex);
    },
    parse: function (str) {
      return CipherParams.create({ciphertext: Hex.parse(str)});
    }
  };

  var ENC = 1;
  var DEC = 2;

  var Cipher = BufferedBlockAlgorithm.extend({
    cfg: {},
    createEncryptor: function (key, cfg) {
      return this.create(ENC, key, cfg);
    },
    createDecryptor: function (key, cfg) {
      return this.create(DEC, key, cfg);
    },
    init: function (xformMode, key, cfg) {
      this.cfg = mergeCfg(this.cfg, cfg);
      this._xformMode = xformMode;
      this._key = key;
      this.reset();
    },
    reset: function () {
      BufferedBlockAlgorithm.reset.call(this);
      this._doReset();
    },
    process: function (data) {
      this._append(data);
      return this._process();
    },
    finalize: function (data) {
      if (data) this._append(data);
      return this._doFinalize();
    },
    keySize: 128 / 32,
    ivSize: 128 / 32,
    _ENC_XFORM_MODE: ENC,
    _DEC_XFORM_MODE: DEC,
    _createHelper: function (cipher) {
      function strategy(key) {
        return typeof key === "string" ? PasswordBasedCipher : SerializableCipher;
      }
      return {
        encrypt: function (message, key, cfg) {
          return strategy(key).encrypt(cipher, message, key, cfg);
        },
        decrypt: function (ciphertext, key, cfg) {
          return strategy(key).decrypt(cipher, ciphertext, key, cfg);
        }
      };
    }
  });

  var StreamCipher = Cipher.extend({
    _doFinalize: function () {
      return this._process(true);
    },
    blockSize: 1
  });

  // --- block cipher modes
  function modeState(cipher, iv) {
    var n = cipher.blockSize;
    var block = [];
    for (var i = 0; i < n; i++) block[i] = iv ? iv[i] | 0 : 0;
    return block;
  }

  // crypto-js fails on the first block when a chaining mode has no IV (a WordArray key
  // without `iv`); Postman scripts see that TypeError, so they see it here too.
  function makeMode(encryptBlockFn, decryptBlockFn, needsIv) {
    function processor(fn, cipher, iv) {
      var state = {cipher: cipher, prev: modeState(cipher, iv)};
      return {
        processBlock: function (words, offset) {
          if (needsIv && !iv) throw new TypeError("Cannot read properties of undefined (reading '0')");
          fn(state, words, offset);
        }
      };
    }
    return {
      createEncryptor: function (cipher, iv) { return processor(encryptBlockFn, cipher, iv); },
      createDecryptor: function (cipher, iv) { return processor(decryptBlockFn, cipher, iv); }
    };
  }

  function xorInto(words, offset, stream, n) {
    for (var i = 0; i < n; i++) words[offset + i] = (words[offset + i] | 0) ^ stream[i];
  }

  var CBC = makeMode(
    function (st, words, offset) {
      var n = st.cipher.blockSize;
      xorInto(words, offset, st.prev, n);
      st.cipher.encryptBlock(words, offset);
      st.prev = words.slice(offset, offset + n);
    },
    function (st, words, offset) {
      var n = st.cipher.blockSize;
      var ct = words.slice(offset, offset + n);
      st.cipher.decryptBlock(words, offset);
      xorInto(words, offset, st.prev, n);
      st.prev = ct;
    },
    true
  );

  var ECB = makeMode(
    function (st, words, offset) { st.cipher.encryptBlock(words, offset); },
    function (st, words, offset) { st.cipher.decryptBlock(words, offset); }
  );

  function cfbStep(st, words, offset, decrypting) {
    var n = st.cipher.blockSize;
    var stream = st.prev.slice(0);
    st.cipher.encryptBlock(stream, 0);
    var ct = decrypting ? words.slice(offset, offset + n) : null;
    xorInto(words, offset, stream, n);
    st.prev = decrypting ? ct : words.slice(offset, offset + n);
  }
  var CFB = makeMode(
    function (st, words, offset) { cfbStep(st, words, offset, false); },
    function (st, words, offset) { cfbStep(st, words, offset, true); },
    true
  );

  function ofbStep(st, words, offset) {
    st.cipher.encryptBlock(st.prev, 0);
    xorInto(words, offset, st.prev, st.cipher.blockSize);
  }
  var OFB = makeMode(ofbStep, ofbStep, true);

  // crypto-js increments only the last 32-bit word of the counter (no carry).
  function ctrStep(st, words, offset) {
    var n = st.cipher.blockSize;
    var stream = st.prev.slice(0);
    st.cipher.encryptBlock(stream, 0);
    st.prev[n - 1] = (st.prev[n - 1] + 1) | 0;
    xorInto(words, offset, stream, n);
  }
  var CTR = makeMode(ctrStep, ctrStep, true);

  // Brian Gladman's CTR variant as crypto-js has it: the counter is incremented before
  // use, byte-wise from the top byte of the first word, carrying into the second word.
  function gladmanIncWord(word) {
    if (((word >> 24) & 0xff) !== 0xff) return (word + 0x01000000) | 0;
    var b1 = (word >> 16) & 0xff;
    var b2 = (word >> 8) & 0xff;
    var b3 = word & 0xff;
    if (b1 !== 0xff) {
      b1++;
    } else {
      b1 = 0;
      if (b2 !== 0xff) {
        b2++;
      } else {
        b2 = 0;
        b3 = b3 === 0xff ? 0 : b3 + 1;
      }
    }
    return (b1 << 16) | (b2 << 8) | b3;
  }
  function ctrGladmanStep(st, words, offset) {
    var counter = st.prev;
    counter[0] = gladmanIncWord(counter[0]);
    if (counter[0] === 0) counter[1] = gladmanIncWord(counter[1]);
    var stream = counter.slice(0);
    st.cipher.encryptBlock(stream, 0);
    xorInto(words, offset, stream, st.cipher.blockSize);
  }
  var CTRGladman = makeMode(ctrGladmanStep, ctrGladmanStep, true);

  // Base for script-defined modes written crypto-js style:
  // `var M = CryptoJS.lib.BlockCipherMode.extend(); M.Encryptor = M.extend({processBlock: ...})`.
  var BlockCipherMode = Base.extend({
    createEncryptor: function (cipher, iv) {
      return this.Encryptor.create(cipher, iv);
    },
    createDecryptor: function (cipher, iv) {
      return this.Decryptor.create(cipher, iv);
    },
    init: function (cipher, iv) {
      this._cipher = cipher;
      this._iv = iv;
    }
  });

  // --- paddings (blockSize in 32-bit words)
  // The low byte of the word holding the last byte, exactly as crypto-js reads it: the
  // same thing for whole blocks, and the same garbage for truncated ciphertexts.
  function lastByte(data) {
    return data.words[(data.sigBytes - 1) >>> 2] & 0xff;
  }
  function zeroBytes(n) {
    var words = [];
    for (var i = 0; i < n; i += 4) words.push(0);
    return WordArray.create(words, n);
  }
  function padCount(data, blockSize) {
    var blockBytes = blockSize * 4;
    return blockBytes - (data.sigBytes % blockBytes);
  }
  function unpadByLastByte(data) {
    data.sigBytes -= lastByte(data);
  }

  var Pkcs7 = {
    pad: function (data, blockSize) {
      var n = padCount(data, blockSize);
      var word = (n << 24) | (n << 16) | (n << 8) | n;
      var words = [];
      for (var i = 0; i < n; i += 4) words.push(word);
      data.concat(WordArray.create(words, n));
    },
    unpad: unpadByLastByte
  };

  var AnsiX923 = {
    pad: function (data, blockSize) {
      var n = padCount(data, blockSize);
      data.concat(zeroBytes(n - 1)).concat(WordArray.create([n << 24], 1));
    },
    unpad: unpadByLastByte
  };

  var Iso10126 = {
    pad: function (data, blockSize) {
      var n = padCount(data, blockSize);
      data.concat(WordArray.random(n - 1)).concat(WordArray.create([n << 24], 1));
    },
    unpad: unpadByLastByte
  };

  var ZeroPadding = {
    pad: function (data, blockSize) {
      var blockBytes = blockSize * 4;
      data.clamp();
      data.concat(zeroBytes(blockBytes - ((data.sigBytes % blockBytes) || blockBytes)));
    },
    unpad: function (data) {
      var i = data.sigBytes - 1;
      while (i >= 0 && byteAt(data.words, i) === 0) i--;
      data.sigBytes = i + 1;
    }
  };

  var Iso97971 = {
    pad: function (data, blockSize) {
      data.concat(WordArray.create([0x80000000], 1));
      ZeroPadding.pad(data, blockSize);
    },
    unpad: function (data) {
      ZeroPadding.unpad(data);
      data.sigBytes--;
    }
  };

  var NoPadding = {pad: function () {}, unpad: function () {}};

  var BlockCipher = Cipher.extend({
    cfg: {mode: CBC, padding: Pkcs7},
    reset: function () {
      Cipher.reset.call(this);
      var cfg = this.cfg;
      var iv = cfg.iv && cfg.iv.words;
      if (this._xformMode === ENC) {
        this._mode = cfg.mode.createEncryptor(this, iv);
        this._minBufferSize = 0;
      } else {
        this._mode = cfg.mode.createDecryptor(this, iv);
        this._minBufferSize = 1;
      }
    },
    _doProcessBlock: function (words, offset) {
      this._mode.processBlock(words, offset);
    },
    _doFinalize: function () {
      var padding = this.cfg.padding;
      if (this._xformMode === ENC) {
        padding.pad(this._data, this.blockSize);
        return this._process(true);
      }
      var out = this._process(true);
      padding.unpad(out);
      return out;
    },
    blockSize: 128 / 32
  });

  var SerializableCipher = Base.extend({
    cfg: {format: OpenSSLFormatter},
    encrypt: function (cipher, message, key, cfg) {
      cfg = mergeCfg(this.cfg, cfg);
      var encryptor = cipher.createEncryptor(key, cfg);
      var ciphertext = encryptor.finalize(message);
      var used = encryptor.cfg;
      return CipherParams.create({
        ciphertext: ciphertext,
        key: key,
        iv: used.iv,
        algorithm: cipher,
        mode: used.mode,
        padding: used.padding,
        blockSize: cipher.blockSize,
        formatter: cfg.format
      });
    },
    decrypt: function (cipher, ciphertext, key, cfg) {
      cfg = mergeCfg(this.cfg, cfg);
      ciphertext = this._parse(ciphertext, cfg.format);
      return cipher.createDecryptor(key, cfg).finalize(ciphertext.ciphertext);
    },
    _parse: function (ciphertext, format) {
      return typeof ciphertext === "string" ? format.parse(ciphertext, this) : ciphertext;
    }
  });

  var OpenSSLKdf = {
    execute: function (password, keySize, ivSize, salt) {
      if (!salt) salt = WordArray.random(64 / 8);
      var key = EvpKDF.create({keySize: keySize + ivSize}).compute(password, salt);
      var iv = WordArray.create(key.words.slice(keySize), ivSize * 4);
      key.sigBytes = keySize * 4;
      return CipherParams.create({key: key, iv: iv, salt: salt});
    }
  };

  var PasswordBasedCipher = SerializableCipher.extend({
    cfg: {format: OpenSSLFormatter, kdf: OpenSSLKdf},
    encrypt: function (cipher, message, password, cfg) {
      cfg = mergeCfg(this.cfg, cfg);
      var derived = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize);
      cfg.iv = derived.iv;
      var params = SerializableCipher.encrypt.call(this, cipher, message, derived.key, cfg);
      params.mixIn(derived);
      return params;
    },
    decrypt: function (cipher, ciphertext, password, cfg) {
      cfg = mergeCfg(this.cfg, cfg);
      ciphertext = this._parse(ciphertext, cfg.format);
      var derived = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize, ciphertext.salt);
      cfg.iv = derived.iv;
      return SerializableCipher.decrypt.call(this, cipher, ciphertext, derived.key, cfg);
    }
  });

  // ------------------------------------------------------------------ AES (FIPS 197)
  var AES_T = null;
  function aesTables() {
    if (AES_T) return AES_T;
    var exp = new Uint8Array(256);
    var log = new Uint8Array(256);
    var xtime = function (a) { return ((a << 1) ^ (a & 0x80 ? 0x11b : 0)) & 0xff; };
    for (var i = 0, x = 1; i < 255; i++) {
      exp[i] = x;
      log[x] = i;
      x ^= xtime(x);  // multiply by the generator 3
    }
    var mul = function (a, b) { return a && b ? exp[(log[a] + log[b]) % 255] : 0; };
    var rotl8 = function (v, n) { return ((v << n) | (v >>> (8 - n))) & 0xff; };
    var sbox = new Uint8Array(256);
    var inv = new Uint8Array(256);
    for (var a = 0; a < 256; a++) {
      var q = a === 0 ? 0 : exp[(255 - log[a]) % 255];
      var s = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63;
      sbox[a] = s;
      inv[s] = a;
    }
    var te = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];
    var td = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];
    for (var b = 0; b < 256; b++) {
      var sv = sbox[b];
      var e0 = (mul(sv, 2) << 24) | (sv << 16) | (sv << 8) | mul(sv, 3);
      var iv = inv[b];
      var d0 = (mul(iv, 14) << 24) | (mul(iv, 9) << 16) | (mul(iv, 13) << 8) | mul(iv, 11);
      for (var r = 0; r < 4; r++) {
        te[r][b] = r === 0 ? e0 : (e0 >>> (8 * r)) | (e0 << (32 - 8 * r));
        td[r][b] = r === 0 ? d0 : (d0 >>> (8 * r)) | (d0 << (32 - 8 * r));
      }
    }
    AES_T = {sbox: sbox, inv: inv, te: te, td: td, xtime: xtime};
    return AES_T;
  }

  function aesSubWord(sbox, w) {
    return (sbox[w >>> 24] << 24) | (sbox[(w >>> 16) & 255] << 16) | (sbox[(w >>> 8) & 255] << 8) | sbox[w & 255];
  }

  function aesCrypt(M, offset, keys, nRounds, t0, t1, t2, t3, box, inverse) {
    var s0 = (M[offset] | 0) ^ keys[0];
    var s1 = (M[offset + 1] | 0) ^ keys[1];
    var s2 = (M[offset + 2] | 0) ^ keys[2];
    var s3 = (M[offset + 3] | 0) ^ keys[3];
    // Encryption reads row r from column c + r (ShiftRows), decryption from c - r.
    var k = 4;
    for (var round = 1; round < nRounds; round++) {
      var n0;
      var n1;
      var n2;
      var n3;
      if (!inverse) {
        n0 = t0[s0 >>> 24] ^ t1[(s1 >>> 16) & 255] ^ t2[(s2 >>> 8) & 255] ^ t3[s3 & 255] ^ keys[k];
        n1 = t0[s1 >>> 24] ^ t1[(s2 >>> 16) & 255] ^ t2[(s3 >>> 8) & 255] ^ t3[s0 & 255] ^ keys[k + 1];
        n2 = t0[s2 >>> 24] ^ t1[(s3 >>> 16) & 255] ^ t2[(s0 >>> 8) & 255] ^ t3[s1 & 255] ^ keys[k + 2];
        n3 = t0[s3 >>> 24] ^ t1[(s0 >>> 16) & 255] ^ t2[(s1 >>> 8) & 255] ^ t3[s2 & 255] ^ keys[k + 3];
      } else {
        n0 = t0[s0 >>> 24] ^ t1[(s3 >>> 16) & 255] ^ t2[(s2 >>> 8) & 255] ^ t3[s1 & 255] ^ keys[k];
        n1 = t0[s1 >>> 24] ^ t1[(s0 >>> 16) & 255] ^ t2[(s3 >>> 8) & 255] ^ t3[s2 & 255] ^ keys[k + 1];
        n2 = t0[s2 >>> 24] ^ t1[(s1 >>> 16) & 255] ^ t2[(s0 >>> 8) & 255] ^ t3[s3 & 255] ^ keys[k + 2];
        n3 = t0[s3 >>> 24] ^ t1[(s2 >>> 16) & 255] ^ t2[(s1 >>> 8) & 255] ^ t3[s0 & 255] ^ keys[k + 3];
      }
      s0 = n0;
      s1 = n1;
      s2 = n2;
      s3 = n3;
      k += 4;
    }
    // Final round: no MixColumns, just the (inverse) S-box over the shifted rows.
    var st = [s0, s1, s2, s3];
    var step = inverse ? 3 : 1;
    for (var col = 0; col < 4; col++) {
      M[offset + col] = ((box[st[col] >>> 24] << 24) |
        (box[(st[(col + step) % 4] >>> 16) & 255] << 16) |
        (box[(st[(col + 2 * step) % 4] >>> 8) & 255] << 8) |
        box[st[(col + 3 * step) % 4] & 255]) ^ keys[k + col];
    }
  }

  var AES = BlockCipher.extend({
    _doReset: function () {
      var t = aesTables();
      var key = this._key;
      var keyWords = key.words;
      var nk = key.sigBytes / 4;
      var nRounds = this._nRounds = nk + 6;
      var total = (nRounds + 1) * 4;
      var ks = this._keySchedule = [];
      var rcon = 1;
      for (var i = 0; i < total; i++) {
        if (i < nk) {
          ks[i] = keyWords[i] | 0;
          continue;
        }
        var w = ks[i - 1];
        if (i % nk === 0) {
          w = aesSubWord(t.sbox, (w << 8) | (w >>> 24)) ^ (rcon << 24);
          rcon = t.xtime(rcon);
        } else if (nk > 6 && i % nk === 4) {
          w = aesSubWord(t.sbox, w);
        }
        ks[i] = ks[i - nk] ^ w;
      }
      var dks = this._invKeySchedule = [];
      for (var r = 0; r <= nRounds; r++) {
        for (var j = 0; j < 4; j++) {
          var kw = ks[4 * (nRounds - r) + j];
          if (r > 0 && r < nRounds) {
            kw = t.td[0][t.sbox[kw >>> 24]] ^ t.td[1][t.sbox[(kw >>> 16) & 255]] ^
              t.td[2][t.sbox[(kw >>> 8) & 255]] ^ t.td[3][t.sbox[kw & 255]];
          }
          dks[4 * r + j] = kw;
        }
      }
    },
    encryptBlock: function (M, offset) {
      var t = AES_T;
      aesCrypt(M, offset, this._keySchedule, this._nRounds, t.te[0], t.te[1], t.te[2], t.te[3], t.sbox, false);
    },
    decryptBlock: function (M, offset) {
      var t = AES_T;
      aesCrypt(M, offset, this._invKeySchedule, this._nRounds, t.td[0], t.td[1], t.td[2], t.td[3], t.inv, true);
    },
    keySize: 256 / 32
  });

  // ------------------------------------------------------------------ DES / TripleDES (FIPS 46-3)
  // A plain bit-array implementation: DES is legacy and rare in scripts, so clarity
  // over speed.  Tables are the standard's, 1-based bit positions.
  var DES_IP = [
    58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
    62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
    57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
    61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7
  ];
  var DES_FP = [];
  for (var fpi = 0; fpi < 64; fpi++) DES_FP[DES_IP[fpi] - 1] = fpi + 1;
  var DES_E = [
    32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
    16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1
  ];
  var DES_P = [
    16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
    2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25
  ];
  var DES_PC1 = [
    57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
    63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4
  ];
  var DES_PC2 = [
    14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
    41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32
  ];
  var DES_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
  var DES_S = [
    [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
      4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
    [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
      0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
    [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
      13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
    [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
      10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
    [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
      4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
    [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
      9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
    [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
      1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
    [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
      7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11]
  ];

  function desBits(w0, w1) {
    var bits = new Array(64);
    for (var i = 0; i < 32; i++) {
      bits[i] = (w0 >>> (31 - i)) & 1;
      bits[32 + i] = (w1 >>> (31 - i)) & 1;
    }
    return bits;
  }

  function desPermute(bits, table) {
    var out = new Array(table.length);
    for (var i = 0; i < table.length; i++) out[i] = bits[table[i] - 1];
    return out;
  }

  function desSubkeys(w0, w1) {
    var cd = desPermute(desBits(w0 | 0, w1 | 0), DES_PC1);
    var c = cd.slice(0, 28);
    var d = cd.slice(28);
    var keys = [];
    for (var round = 0; round < 16; round++) {
      for (var s = 0; s < DES_SHIFTS[round]; s++) {
        c.push(c.shift());
        d.push(d.shift());
      }
      keys.push(desPermute(c.concat(d), DES_PC2));
    }
    return keys;
  }

  function desFeistel(r, key) {
    var e = desPermute(r, DES_E);
    var out = [];
    for (var box = 0; box < 8; box++) {
      var b = [];
      for (var k = 0; k < 6; k++) b.push(e[box * 6 + k] ^ key[box * 6 + k]);
      var v = DES_S[box][((b[0] << 1) | b[5]) * 16 + ((b[1] << 3) | (b[2] << 2) | (b[3] << 1) | b[4])];
      out.push((v >>> 3) & 1, (v >>> 2) & 1, (v >>> 1) & 1, v & 1);
    }
    return desPermute(out, DES_P);
  }

  function desCrypt(M, offset, subkeys, decrypting) {
    var bits = desPermute(desBits(M[offset] | 0, M[offset + 1] | 0), DES_IP);
    var l = bits.slice(0, 32);
    var r = bits.slice(32);
    for (var round = 0; round < 16; round++) {
      var f = desFeistel(r, subkeys[decrypting ? 15 - round : round]);
      var next = new Array(32);
      for (var i = 0; i < 32; i++) next[i] = l[i] ^ f[i];
      l = r;
      r = next;
    }
    var out = desPermute(r.concat(l), DES_FP);
    var w0 = 0;
    var w1 = 0;
    for (var j = 0; j < 32; j++) {
      w0 = (w0 << 1) | out[j];
      w1 = (w1 << 1) | out[32 + j];
    }
    M[offset] = w0;
    M[offset + 1] = w1;
  }

  var DES = BlockCipher.extend({
    _doReset: function () {
      var w = this._key.words;
      this._subkeys = desSubkeys(w[0], w[1]);
    },
    encryptBlock: function (M, offset) {
      desCrypt(M, offset, this._subkeys, false);
    },
    decryptBlock: function (M, offset) {
      desCrypt(M, offset, this._subkeys, true);
    },
    keySize: 64 / 32,
    ivSize: 64 / 32,
    blockSize: 64 / 32
  });

  // EDE with three independent 64-bit keys taken from a 192-bit key, as crypto-js 3.3.0
  // does (a shorter key leaves the missing parts zero).
  var TripleDES = BlockCipher.extend({
    _doReset: function () {
      var w = this._key.words;
      this._k1 = desSubkeys(w[0], w[1]);
      this._k2 = desSubkeys(w[2], w[3]);
      this._k3 = desSubkeys(w[4], w[5]);
    },
    encryptBlock: function (M, offset) {
      desCrypt(M, offset, this._k1, false);
      desCrypt(M, offset, this._k2, true);
      desCrypt(M, offset, this._k3, false);
    },
    decryptBlock: function (M, offset) {
      desCrypt(M, offset, this._k3, true);
      desCrypt(M, offset, this._k2, false);
      desCrypt(M, offset, this._k1, true);
    },
    keySize: 192 / 32,
    ivSize: 64 / 32,
    blockSize: 64 / 32
  });

  // ------------------------------------------------------------------ Rabbit (RFC 4503)
  var RABBIT_A = [0x4d34d34d, 0xd34d34d3 | 0, 0x34d34d34, 0x4d34d34d, 0xd34d34d3 | 0, 0x34d34d34, 0x4d34d34d, 0xd34d34d3 | 0];

  // g(u, v) = low 32 bits XOR high 32 bits of (u + v)^2, computed exactly in doubles.
  function rabbitG(x) {
    x = x >>> 0;
    var hi = x >>> 16;
    var lo = x & 0xffff;
    var mid = 2 * hi * lo;
    var low = lo * lo + (mid % 0x10000) * 0x10000;
    var high = hi * hi + Math.floor(mid / 0x10000) + Math.floor(low / 0x100000000);
    return (high ^ (low % 0x100000000)) | 0;
  }

  function rotl32(x, n) {
    return (x << n) | (x >>> (32 - n));
  }

  function rabbitNext(st) {
    var X = st.X;
    var C = st.C;
    var G = [];
    var i;
    for (i = 0; i < 8; i++) {
      var sum = (C[i] >>> 0) + (RABBIT_A[i] >>> 0) + st.b;
      st.b = sum >= 0x100000000 ? 1 : 0;
      C[i] = sum | 0;
    }
    for (i = 0; i < 8; i++) G[i] = rabbitG((X[i] + C[i]) | 0);
    X[0] = (G[0] + rotl32(G[7], 16) + rotl32(G[6], 16)) | 0;
    X[1] = (G[1] + rotl32(G[0], 8) + G[7]) | 0;
    X[2] = (G[2] + rotl32(G[1], 16) + rotl32(G[0], 16)) | 0;
    X[3] = (G[3] + rotl32(G[2], 8) + G[1]) | 0;
    X[4] = (G[4] + rotl32(G[3], 16) + rotl32(G[2], 16)) | 0;
    X[5] = (G[5] + rotl32(G[4], 8) + G[3]) | 0;
    X[6] = (G[6] + rotl32(G[5], 16) + rotl32(G[4], 16)) | 0;
    X[7] = (G[7] + rotl32(G[6], 8) + G[5]) | 0;
  }

  // `legacy` is crypto-js's RabbitLegacy: the key words are used without the
  // little-endian byte swap that RFC 4503's byte order needs (the IV is still swapped).
  function rabbitCipher(legacy) {
    return StreamCipher.extend({
      _doReset: function () {
        var kw = this._key.words;
        var K = [];
        for (var k = 0; k < 4; k++) K[k] = legacy ? kw[k] | 0 : swap32(kw[k] | 0);
        // crypto-js 3.3.0 swaps the caller's key words in place, so reusing that key
        // WordArray later (e.g. to decrypt) behaves differently; Postman scripts get
        // that, so they get it here too.
        if (!legacy) for (var kk = 0; kk < 4; kk++) kw[kk] = K[kk];
        var X = [
          K[0], (K[3] << 16) | (K[2] >>> 16), K[1], (K[0] << 16) | (K[3] >>> 16),
          K[2], (K[1] << 16) | (K[0] >>> 16), K[3], (K[2] << 16) | (K[1] >>> 16)
        ];
        var C = [
          rotl32(K[2], 16), (K[0] & 0xffff0000) | (K[1] & 0xffff), rotl32(K[3], 16), (K[1] & 0xffff0000) | (K[2] & 0xffff),
          rotl32(K[0], 16), (K[2] & 0xffff0000) | (K[3] & 0xffff), rotl32(K[1], 16), (K[3] & 0xffff0000) | (K[0] & 0xffff)
        ];
        var st = this._state = {X: X, C: C, b: 0};
        var i;
        for (i = 0; i < 4; i++) rabbitNext(st);
        for (i = 0; i < 8; i++) C[i] ^= X[(i + 4) & 7];
        var iv = this.cfg.iv;
        if (iv) {
          var i0 = swap32(iv.words[0] | 0);
          var i2 = swap32(iv.words[1] | 0);
          var i1 = (i0 >>> 16) | (i2 & 0xffff0000);
          var i3 = (i2 << 16) | (i0 & 0xffff);
          var ivs = [i0, i1, i2, i3, i0, i1, i2, i3];
          for (i = 0; i < 8; i++) C[i] ^= ivs[i];
          for (i = 0; i < 4; i++) rabbitNext(st);
        }
      },
      _doProcessBlock: function (M, offset) {
        var st = this._state;
        rabbitNext(st);
        var X = st.X;
        var S = [
          X[0] ^ (X[5] >>> 16) ^ (X[3] << 16),
          X[2] ^ (X[7] >>> 16) ^ (X[5] << 16),
          X[4] ^ (X[1] >>> 16) ^ (X[7] << 16),
          X[6] ^ (X[3] >>> 16) ^ (X[1] << 16)
        ];
        for (var i = 0; i < 4; i++) M[offset + i] = (M[offset + i] | 0) ^ swap32(S[i]);
      },
      blockSize: 128 / 32,
      ivSize: 64 / 32
    });
  }
  var Rabbit = rabbitCipher(false);
  var RabbitLegacy = rabbitCipher(true);

  // ------------------------------------------------------------------ RC4
  var RC4 = StreamCipher.extend({
    _doReset: function () {
      var key = this._key;
      var keyWords = key.words;
      var keyBytes = key.sigBytes;
      var S = this._S = new Uint8Array(256);
      var i;
      for (i = 0; i < 256; i++) S[i] = i;
      for (i = 0, this._j = 0; i < 256; i++) {
        var kb = byteAt(keyWords, i % keyBytes);
        this._j = (this._j + S[i] + kb) & 255;
        var tmp = S[i];
        S[i] = S[this._j];
        S[this._j] = tmp;
      }
      this._i = this._j = 0;
      var drop = this.cfg.drop || 0;
      for (var d = 0; d < drop; d++) this._keystreamWord();
    },
    _keystreamWord: function () {
      var S = this._S;
      var i = this._i;
      var j = this._j;
      var word = 0;
      for (var n = 0; n < 4; n++) {
        i = (i + 1) & 255;
        j = (j + S[i]) & 255;
        var tmp = S[i];
        S[i] = S[j];
        S[j] = tmp;
        word |= S[(S[i] + S[j]) & 255] << (24 - n * 8);
      }
      this._i = i;
      this._j = j;
      return word;
    },
    _doProcessBlock: function (M, offset) {
      M[offset] = (M[offset] | 0) ^ this._keystreamWord();
    },
    keySize: 256 / 32,
    ivSize: 0
  });
  var RC4Drop = RC4.extend({cfg: {drop: 192}});

  // ------------------------------------------------------------------ x64 words
  // crypto-js's 64-bit word containers; kept for scripts that build SHA-512 inputs
  // with them.  Only the conversions scripts use are provided.
  var X64Word = Base.extend({
    init: function (high, low) {
      this.high = high;
      this.low = low;
    }
  });
  var X64WordArray = Base.extend({
    init: function (words, sigBytes) {
      words = this.words = words || [];
      this.sigBytes = sigBytes !== undefined ? sigBytes : words.length * 8;
    },
    toX32: function () {
      var out = [];
      for (var i = 0; i < this.words.length; i++) out.push(this.words[i].high, this.words[i].low);
      return WordArray.create(out, this.sigBytes);
    },
    clone: function () {
      var copy = Base.clone.call(this);
      copy.words = this.words.map(function (w) { return w.clone(); });
      return copy;
    }
  });

  // ------------------------------------------------------------------ exports
  var C = {};
  C.x64 = {Word: X64Word, WordArray: X64WordArray};
  C.lib = {
    Base: Base,
    WordArray: WordArray,
    BufferedBlockAlgorithm: BufferedBlockAlgorithm,
    Hasher: Hasher,
    Cipher: Cipher,
    StreamCipher: StreamCipher,
    BlockCipher: BlockCipher,
    BlockCipherMode: BlockCipherMode,
    CipherParams: CipherParams,
    SerializableCipher: SerializableCipher,
    PasswordBasedCipher: PasswordBasedCipher
  };
  C.enc = {
    Hex: Hex,
    Latin1: Latin1,
    Utf8: Utf8,
    Utf16: Utf16BE,
    Utf16BE: Utf16BE,
    Utf16LE: Utf16LE,
    Base64: Base64,
    Base64url: Base64url
  };
  C.algo = {
    MD5: MD5,
    SHA1: SHA1,
    SHA224: SHA224,
    SHA256: SHA256,
    SHA384: SHA384,
    SHA512: SHA512,
    SHA3: SHA3,
    RIPEMD160: RIPEMD160,
    HMAC: HMAC,
    PBKDF2: PBKDF2,
    EvpKDF: EvpKDF,
    AES: AES,
    DES: DES,
    TripleDES: TripleDES,
    RC4: RC4,
    RC4Drop: RC4Drop,
    Rabbit: Rabbit,
    RabbitLegacy: RabbitLegacy
  };
  C.mode = {CBC: CBC, ECB: ECB, CFB: CFB, OFB: OFB, CTR: CTR, CTRGladman: CTRGladman};
  C.pad = {
    Pkcs7: Pkcs7,
    AnsiX923: AnsiX923,
    Iso10126: Iso10126,
    Iso97971: Iso97971,
    ZeroPadding: ZeroPadding,
    NoPadding: NoPadding
  };
  C.format = {OpenSSL: OpenSSLFormatter, Hex: HexFormatter};
  C.kdf = {OpenSSL: OpenSSLKdf};

  ["MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3", "RIPEMD160"].forEach(function (name) {
    C[name] = Hasher._createHelper(C.algo[name]);
    C["Hmac" + name] = Hasher._createHmacHelper(C.algo[name]);
  });
  C.PBKDF2 = function (password, salt, cfg) {
    return PBKDF2.create(cfg).compute(password, salt);
  };
  C.EvpKDF = function (password, salt, cfg) {
    return EvpKDF.create(cfg).compute(password, salt);
  };
  C.AES = Cipher._createHelper(AES);
  C.DES = Cipher._createHelper(DES);
  C.TripleDES = Cipher._createHelper(TripleDES);
  C.RC4 = Cipher._createHelper(RC4);
  C.RC4Drop = Cipher._createHelper(RC4Drop);
  C.Rabbit = Cipher._createHelper(Rabbit);
  C.RabbitLegacy = Cipher._createHelper(RabbitLegacy);
  return C;
});
