/*
 * rs256-signer.js - a small, self-contained RS256 (RSASSA-PKCS1-v1_5 + SHA-256) JWS signer
 * written for the pmreplay AEP emulator.
 *
 * Why it exists: Adobe's 2020 tutorial collection downloads a crypto library at run time
 * and calls KJUR.jws.JWS.sign("RS256", header, payload, pemPrivateKey) to build the IMS
 * JWT. The emulator serves this file in place of that download so the collection runs
 * offline. It offers only that call, and it must work when evaluated with
 * `eval(text)` inside a function, so it declares one top-level `var KJUR` and no modules.
 *
 * Keys: unencrypted PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY") PEM.
 * Signing uses the Chinese Remainder Theorem with BigInt arithmetic, and the signature
 * is checked with the public exponent before it is returned.
 */
var KJUR = (function () {
  "use strict";

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  function base64Decode(text) {
    var clean = String(text).replace(/[^A-Za-z0-9+/]/g, "");
    var out = [];
    var buffer = 0;
    var bits = 0;
    for (var i = 0; i < clean.length; i++) {
      buffer = (buffer << 6) | ALPHABET.indexOf(clean.charAt(i));
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((buffer >> bits) & 0xff);
      }
    }
    return out;
  }

  function base64UrlEncode(bytes) {
    var out = "";
    var i;
    for (i = 0; i + 2 < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
    }
    var rest = bytes.length - i;
    if (rest === 1) {
      var one = bytes[i] << 16;
      out += ALPHABET[(one >> 18) & 63] + ALPHABET[(one >> 12) & 63];
    } else if (rest === 2) {
      var two = (bytes[i] << 16) | (bytes[i + 1] << 8);
      out += ALPHABET[(two >> 18) & 63] + ALPHABET[(two >> 12) & 63] + ALPHABET[(two >> 6) & 63];
    }
    return out.replace(/\+/g, "-").replace(/\//g, "_");
  }

  function utf8Bytes(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (code < 0x80) {
        out.push(code);
      } else if (code < 0x800) {
        out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      } else if (code < 0x10000) {
        out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      } else {
        out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      }
    }
    return out;
  }

  /* ---- SHA-256 (FIPS 180-4) ---- */
  var ROUND = [];
  var INITIAL = [];
  (function makeConstants() {
    /* first 32 bits of the fractional parts of the square / cube roots of the first primes */
    var primes = [];
    for (var candidate = 2; primes.length < 64; candidate++) {
      var isPrime = true;
      for (var j = 0; j < primes.length && primes[j] * primes[j] <= candidate; j++) {
        if (candidate % primes[j] === 0) { isPrime = false; break; }
      }
      if (isPrime) primes.push(candidate);
    }
    function frac32(x) { return ((x - Math.floor(x)) * 4294967296) >>> 0; }
    for (var k = 0; k < 64; k++) {
      if (k < 8) INITIAL.push(frac32(Math.sqrt(primes[k])));
      ROUND.push(frac32(Math.cbrt(primes[k])));
    }
  })();

  function sha256(bytes) {
    var length = bytes.length;
    var padded = bytes.slice();
    padded.push(0x80);
    while (padded.length % 64 !== 56) padded.push(0);
    var bitsHigh = Math.floor(length / 0x20000000);
    var bitsLow = (length * 8) >>> 0;
    padded.push((bitsHigh >>> 24) & 255, (bitsHigh >>> 16) & 255, (bitsHigh >>> 8) & 255, bitsHigh & 255,
                (bitsLow >>> 24) & 255, (bitsLow >>> 16) & 255, (bitsLow >>> 8) & 255, bitsLow & 255);
    var h = INITIAL.slice();
    var w = new Array(64);
    for (var offset = 0; offset < padded.length; offset += 64) {
      for (var t = 0; t < 16; t++) {
        var p = offset + t * 4;
        w[t] = ((padded[p] << 24) | (padded[p + 1] << 16) | (padded[p + 2] << 8) | padded[p + 3]) >>> 0;
      }
      for (t = 16; t < 64; t++) {
        var x = w[t - 15];
        var y = w[t - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (t = 0; t < 64; t++) {
        var bigS1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var choose = (e & f) ^ (~e & g);
        var temp1 = (hh + bigS1 + choose + ROUND[t] + w[t]) >>> 0;
        var bigS0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var majority = (a & b) ^ (a & c) ^ (b & c);
        var temp2 = (bigS0 + majority) >>> 0;
        hh = g; g = f; f = e; e = (d + temp1) >>> 0;
        d = c; c = b; b = a; a = (temp1 + temp2) >>> 0;
      }
      h[0] = (h[0] + a) >>> 0; h[1] = (h[1] + b) >>> 0; h[2] = (h[2] + c) >>> 0; h[3] = (h[3] + d) >>> 0;
      h[4] = (h[4] + e) >>> 0; h[5] = (h[5] + f) >>> 0; h[6] = (h[6] + g) >>> 0; h[7] = (h[7] + hh) >>> 0;
    }
    var digest = [];
    for (var i = 0; i < 8; i++) {
      digest.push((h[i] >>> 24) & 255, (h[i] >>> 16) & 255, (h[i] >>> 8) & 255, h[i] & 255);
    }
    return digest;
  }

  /* ---- DER reading (just what private keys need) ---- */
  function readElement(bytes, pos) {
    if (pos + 2 > bytes.length) throw new Error("rs256-signer: truncated DER data");
    var tag = bytes[pos];
    var len = bytes[pos + 1];
    var start = pos + 2;
    if (len & 0x80) {
      var count = len & 0x7f;
      if (count === 0 || count > 4) throw new Error("rs256-signer: unsupported DER length");
      len = 0;
      for (var i = 0; i < count; i++) len = len * 256 + bytes[start + i];
      start += count;
    }
    if (start + len > bytes.length) throw new Error("rs256-signer: truncated DER data");
    return { tag: tag, start: start, end: start + len };
  }

  function readChildren(bytes, element) {
    var items = [];
    var pos = element.start;
    while (pos < element.end) {
      var child = readElement(bytes, pos);
      items.push(child);
      pos = child.end;
    }
    return items;
  }

  function toBigInt(bytes, element) {
    var hex = "";
    for (var i = element.start; i < element.end; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return hex ? BigInt("0x" + hex) : 0n;
  }

  function parsePkcs1(bytes, element) {
    if (element.tag !== 0x30) throw new Error("rs256-signer: RSA key is not a DER SEQUENCE");
    var parts = readChildren(bytes, element);
    if (parts.length < 9) throw new Error("rs256-signer: RSA private key has too few fields");
    for (var i = 0; i < 9; i++) {
      if (parts[i].tag !== 0x02) throw new Error("rs256-signer: RSA private key field is not an INTEGER");
    }
    return {
      n: toBigInt(bytes, parts[1]), e: toBigInt(bytes, parts[2]), d: toBigInt(bytes, parts[3]),
      p: toBigInt(bytes, parts[4]), q: toBigInt(bytes, parts[5]), dp: toBigInt(bytes, parts[6]),
      dq: toBigInt(bytes, parts[7]), qi: toBigInt(bytes, parts[8]),
      size: Math.ceil((parts[1].end - parts[1].start - (bytes[parts[1].start] === 0 ? 1 : 0)))
    };
  }

  var RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

  function parsePem(pem) {
    if (typeof pem !== "string") throw new Error("rs256-signer: the key must be a PEM string");
    var text = pem.replace(/\\n/g, "\n");
    var match = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
    if (!match) throw new Error("rs256-signer: no PEM private key found");
    var label = match[1];
    if (label === "ENCRYPTED PRIVATE KEY" || /Proc-Type:.*ENCRYPTED/.test(match[2])) {
      throw new Error("rs256-signer: encrypted private keys are not supported");
    }
    var bytes = base64Decode(match[2]);
    var outer = readElement(bytes, 0);
    if (label === "RSA PRIVATE KEY") return parsePkcs1(bytes, outer);
    if (label !== "PRIVATE KEY") throw new Error("rs256-signer: unsupported PEM type " + label);
    var fields = readChildren(bytes, outer);
    if (fields.length < 3 || fields[1].tag !== 0x30 || fields[2].tag !== 0x04) {
      throw new Error("rs256-signer: malformed PKCS#8 private key");
    }
    var algorithm = readChildren(bytes, fields[1]);
    var oid = bytes.slice(algorithm[0].start, algorithm[0].end);
    if (oid.length !== RSA_OID.length || oid.some(function (v, i) { return v !== RSA_OID[i]; })) {
      throw new Error("rs256-signer: the PKCS#8 key is not an RSA key");
    }
    return parsePkcs1(bytes, readElement(bytes, fields[2].start));
  }

  /* ---- RSA ---- */
  function modPow(base, exponent, modulus) {
    var result = 1n;
    base %= modulus;
    while (exponent > 0n) {
      if (exponent & 1n) result = (result * base) % modulus;
      exponent >>= 1n;
      base = (base * base) % modulus;
    }
    return result;
  }

  /* DER prefix of DigestInfo{sha256, NULL, OCTET STRING(32)} (RFC 8017, section 9.2) */
  var SHA256_PREFIX = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                       0x01, 0x05, 0x00, 0x04, 0x20];

  function signBytes(key, message) {
    var digestInfo = SHA256_PREFIX.concat(sha256(message));
    var k = key.size;
    if (k < digestInfo.length + 11) throw new Error("rs256-signer: RSA key too short");
    var encoded = [0x00, 0x01];
    for (var i = 0; i < k - digestInfo.length - 3; i++) encoded.push(0xff);
    encoded.push(0x00);
    encoded = encoded.concat(digestInfo);
    var m = toBigInt(encoded, { start: 0, end: encoded.length });
    var s1 = modPow(m, key.dp, key.p);
    var s2 = modPow(m, key.dq, key.q);
    var h = (key.qi * (s1 - s2)) % key.p;
    if (h < 0n) h += key.p;
    var s = s2 + h * key.q;
    if (modPow(s, key.e, key.n) !== m) throw new Error("rs256-signer: signature self-check failed (bad key)");
    var hex = s.toString(16);
    while (hex.length < k * 2) hex = "0" + hex;
    var out = [];
    for (i = 0; i < hex.length; i += 2) out.push(parseInt(hex.substr(i, 2), 16));
    return out;
  }

  function asJson(value) {
    return typeof value === "string" ? value : JSON.stringify(value);
  }

  function sign(alg, header, payload, key) {
    var headerText = asJson(header);
    var algorithm = alg;
    if (algorithm === null || algorithm === undefined || algorithm === "") {
      algorithm = JSON.parse(headerText).alg;
    }
    if (algorithm !== "RS256") {
      throw new Error("rs256-signer: only RS256 is supported, not " + algorithm);
    }
    var pem = typeof key === "string" ? key : (key && key.pem);
    var parsed = parsePem(pem);
    var signingInput = base64UrlEncode(utf8Bytes(headerText)) + "." + base64UrlEncode(utf8Bytes(asJson(payload)));
    return signingInput + "." + base64UrlEncode(signBytes(parsed, utf8Bytes(signingInput)));
  }

  return {
    jws: { JWS: { sign: sign } },
    crypto: { Util: { sha256: function (text) {
      return sha256(utf8Bytes(String(text))).map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
    } } }
  };
})();
