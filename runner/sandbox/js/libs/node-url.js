/*
 * Node's `querystring` and `url` modules, plus minimal WHATWG URL / URLSearchParams.
 * Why: Postman scripts build and take apart URLs with require('url') / require('querystring').
 * Newman's sandbox has no URL/URLSearchParams globals (and mini-racer's V8 has none either),
 * so they are offered only as require('url').URL / .URLSearchParams, never as globals.
 * Written for pmreplay; behaviour follows Node.
 */
__pmr_define("querystring", function (require) {
  "use strict";

  function qsEscape(str) {
    if (typeof str !== "string") {
      if (typeof str === "object") str = String(str);
      else str += "";
    }
    return encodeURIComponent(str);
  }

  // decodeURIComponent, but a malformed escape keeps going byte by byte instead of throwing.
  function qsUnescape(s) {
    try {
      return decodeURIComponent(s);
    } catch (e) {
      return s.replace(/(%[0-9a-fA-F]{2})+/g, function (run) {
        try { return decodeURIComponent(run); } catch (e2) { return run; }
      });
    }
  }

  function stringifyPrimitive(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number" && isFinite(v)) return "" + v;
    if (typeof v === "bigint" || typeof v === "boolean") return "" + v;
    return "";
  }

  function stringify(obj, sep, eq, options) {
    sep = sep || "&";
    eq = eq || "=";
    var encode = (options && typeof options.encodeURIComponent === "function") ? options.encodeURIComponent : qs.escape;
    if (obj === null || typeof obj !== "object") return "";
    var out = [];
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      var ks = encode(stringifyPrimitive(k)) + eq;
      if (Array.isArray(v)) {
        v.forEach(function (item) { out.push(ks + encode(stringifyPrimitive(item))); });
      } else {
        out.push(ks + encode(stringifyPrimitive(v)));
      }
    });
    return out.join(sep);
  }

  function parse(str, sep, eq, options) {
    var obj = Object.create(null);
    if (typeof str !== "string" || str.length === 0) return obj;
    sep = sep || "&";
    eq = eq || "=";
    var maxKeys = (options && typeof options.maxKeys === "number") ? options.maxKeys : 1000;
    var decode = (options && typeof options.decodeURIComponent === "function") ? options.decodeURIComponent : qs.unescape;
    var parts = str.split(sep);
    if (maxKeys > 0 && parts.length > maxKeys) parts = parts.slice(0, maxKeys);
    parts.forEach(function (part) {
      if (!part.length && parts.length > 1) return;
      var idx = part.indexOf(eq);
      var k, v;
      if (idx >= 0) { k = part.slice(0, idx); v = part.slice(idx + eq.length); }
      else { k = part; v = ""; }
      k = decode(k.replace(/\+/g, " "));
      v = decode(v.replace(/\+/g, " "));
      if (!(k in obj)) obj[k] = v;
      else if (Array.isArray(obj[k])) obj[k].push(v);
      else obj[k] = [obj[k], v];
    });
    return obj;
  }

  var qs = {
    escape: qsEscape,
    unescape: qsUnescape,
    stringify: stringify,
    encode: stringify,
    parse: parse,
    decode: parse
  };
  return qs;
});

__pmr_define("url", function (require) {
  "use strict";
  var querystring = require("querystring");

  var SPECIAL_PORTS = { "ftp:": "21", "file:": "", "http:": "80", "https:": "443", "ws:": "80", "wss:": "443" };
  var SLASHED = { "http:": true, "https:": true, "ftp:": true, "gopher:": true, "file:": true };

  function invalidUrl(input) {
    var err = new TypeError("Invalid URL");
    err.code = "ERR_INVALID_URL";
    err.input = input;
    return err;
  }

  // Percent-encode characters outside `keep` (a regexp matching characters that stay).
  function encodeSet(str, escapeRe) {
    return str.replace(escapeRe, function (ch) { return encodeURIComponent(ch).replace(/%25/g, "%"); });
  }
  var PATH_ESCAPE = /[\u0000-\u001f "<>`{}\u007f-\uffff]/g;
  var QUERY_ESCAPE = /[\u0000-\u001f "<>'\u007f-\uffff]/g;
  var QUERY_ESCAPE_NONSPECIAL = /[\u0000-\u001f "<>\u007f-\uffff]/g;
  var FRAGMENT_ESCAPE = /[\u0000-\u001f "<>`\u007f-\uffff]/g;
  var USERINFO_ESCAPE = /[\u0000-\u001f "<>`{}#?\/:;=@\[\\\]^|\u007f-\uffff]/g;

  function removeDotSegments(path) {
    var input = path.split("/");
    var out = [];
    for (var i = 0; i < input.length; i++) {
      var seg = input[i];
      var last = i === input.length - 1;
      var lower = seg.toLowerCase();
      if (seg === ".." || lower === ".%2e" || lower === "%2e." || lower === "%2e%2e") {
        if (out.length > 1) out.pop();
        if (last) out.push("");
      } else if (seg === "." || lower === "%2e") {
        if (last) out.push("");
      } else {
        out.push(seg);
      }
    }
    return out.join("/");
  }

  // Split an absolute URL string into WHATWG-like components, or return null.
  function parseAbsolute(input) {
    var m = /^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$/.exec(input);
    if (!m) return null;
    var protocol = m[1].toLowerCase() + ":";
    var rest = m[2];
    var special = Object.prototype.hasOwnProperty.call(SPECIAL_PORTS, protocol);
    var rec = { protocol: protocol, username: "", password: "", hostname: "", port: "", pathname: "", search: "", hash: "", opaque: false, hasHost: false };
    if (special) rest = rest.replace(/\\/g, "/");
    var hashIdx = rest.indexOf("#");
    if (hashIdx >= 0) { rec.hash = rest.slice(hashIdx); rest = rest.slice(0, hashIdx); }
    var qIdx = rest.indexOf("?");
    if (qIdx >= 0) { rec.search = rest.slice(qIdx); rest = rest.slice(0, qIdx); }
    if (special || rest.slice(0, 2) === "//") {
      // special schemes tolerate any number of slashes; file: and others take exactly two
      rest = (special && protocol !== "file:") ? rest.replace(/^\/*/, "") : rest.replace(/^\/\//, "");
      var slash = rest.indexOf("/");
      var authority = slash >= 0 ? rest.slice(0, slash) : rest;
      rec.pathname = slash >= 0 ? rest.slice(slash) : (special ? "/" : "");
      var at = authority.lastIndexOf("@");
      if (at >= 0) {
        var userinfo = authority.slice(0, at);
        authority = authority.slice(at + 1);
        var colon = userinfo.indexOf(":");
        rec.username = encodeSet(colon >= 0 ? userinfo.slice(0, colon) : userinfo, USERINFO_ESCAPE);
        rec.password = colon >= 0 ? encodeSet(userinfo.slice(colon + 1), USERINFO_ESCAPE) : "";
      }
      var hm = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
      var host = hm[1];
      var port = hm[2] === undefined ? "" : hm[2];
      if (port !== "" && !/^\d+$/.test(port)) return null;
      if (port !== "") {
        var pn = parseInt(port, 10);
        if (pn > 65535) return null;
        port = String(pn);
      }
      if (special && protocol !== "file:" && host === "") return null;
      if (/[\s<>^|%]/.test(host.replace(/%[0-9a-fA-F]{2}/g, ""))) return null;
      try { host = decodeURIComponent(host); } catch (e) { return null; }
      rec.hostname = special ? host.toLowerCase() : host;
      rec.port = SPECIAL_PORTS[protocol] === port ? "" : port;
      rec.hasHost = true;
    } else {
      rec.pathname = rest;
      rec.opaque = rest.charAt(0) !== "/";
    }
    return rec;
  }

  function finish(rec) {
    var special = Object.prototype.hasOwnProperty.call(SPECIAL_PORTS, rec.protocol);
    if (!rec.opaque) {
      rec.pathname = encodeSet(removeDotSegments(rec.pathname), PATH_ESCAPE);
      if (special && rec.pathname === "") rec.pathname = "/";
    } else {
      rec.pathname = encodeSet(rec.pathname, /[\u0000-\u001f\u007f-\uffff]/g);
    }
    if (rec.search === "?") rec.search = "";
    if (rec.search) rec.search = encodeSet(rec.search, special ? QUERY_ESCAPE : QUERY_ESCAPE_NONSPECIAL);
    if (rec.hash === "#") rec.hash = "";
    if (rec.hash) rec.hash = encodeSet(rec.hash, FRAGMENT_ESCAPE);
    return rec;
  }

  function resolveRelative(input, base) {
    var rec = { protocol: base.protocol, username: base.username, password: base.password, hostname: base.hostname, port: base.port,
      pathname: base.pathname, search: base.search, hash: "", opaque: base.opaque, hasHost: base.hasHost };
    var special = Object.prototype.hasOwnProperty.call(SPECIAL_PORTS, base.protocol);
    if (special) input = input.replace(/\\/g, "/");
    if (input.slice(0, 2) === "//") return parseAbsolute(base.protocol + input);
    var hashIdx = input.indexOf("#");
    var hash = "";
    if (hashIdx >= 0) { hash = input.slice(hashIdx); input = input.slice(0, hashIdx); }
    rec.hash = hash;
    if (input === "") return rec;
    if (base.opaque) return null;
    var qIdx = input.indexOf("?");
    var search = null;
    if (qIdx >= 0) { search = input.slice(qIdx); input = input.slice(0, qIdx); }
    if (input !== "") {
      if (input.charAt(0) === "/") rec.pathname = input;
      else rec.pathname = base.pathname.slice(0, base.pathname.lastIndexOf("/") + 1) + input;
      rec.search = search === null ? "" : search;
    } else if (search !== null) {
      rec.search = search;
    }
    return rec;
  }

  function parseWhatwg(input, base) {
    input = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
    var rec = parseAbsolute(input);
    if (!rec && base !== undefined) {
      var b = base instanceof URL ? base._rec : parseWhatwg(base);
      rec = resolveRelative(input, b);
    }
    if (!rec) throw invalidUrl(input);
    return finish(rec);
  }

  function URLSearchParams(init) {
    if (!(this instanceof URLSearchParams)) throw new TypeError("Class constructor URLSearchParams cannot be invoked without 'new'");
    this._list = [];
    this._url = null;
    if (init === undefined || init === null) return;
    if (typeof init === "object" || typeof init === "function") {
      if (typeof init[Symbol.iterator] === "function") {
        var self = this;
        Array.from(init).forEach(function (pair) {
          pair = Array.from(pair);
          if (pair.length !== 2) throw new TypeError("Each query pair must be an iterable [name, value] tuple");
          self._list.push([String(pair[0]), String(pair[1])]);
        });
      } else {
        for (var k in init) if (Object.prototype.hasOwnProperty.call(init, k)) this._list.push([k, String(init[k])]);
      }
    } else {
      this._parse(String(init));
    }
  }
  function formDecode(s) {
    s = s.replace(/\+/g, " ");
    try { return decodeURIComponent(s); } catch (e) {
      return s.replace(/(%[0-9a-fA-F]{2})+/g, function (run) {
        try { return decodeURIComponent(run); } catch (e2) { return run; }
      });
    }
  }
  function formEncode(s) {
    return encodeURIComponent(s).replace(/%20/g, "+").replace(/[!'()~]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }
  URLSearchParams.prototype._parse = function (str) {
    if (str.charAt(0) === "?") str = str.slice(1);
    var list = [];
    str.split("&").forEach(function (part) {
      if (!part) return;
      var idx = part.indexOf("=");
      list.push(idx >= 0 ? [formDecode(part.slice(0, idx)), formDecode(part.slice(idx + 1))] : [formDecode(part), ""]);
    });
    this._list = list;
  };
  URLSearchParams.prototype._update = function () {
    if (this._url) {
      var s = this.toString();
      this._url._rec.search = s ? "?" + s : "";
    }
  };
  URLSearchParams.prototype.append = function (name, value) { this._list.push([String(name), String(value)]); this._update(); };
  URLSearchParams.prototype["delete"] = function (name, value) {
    name = String(name);
    this._list = this._list.filter(function (p) { return !(p[0] === name && (value === undefined || p[1] === String(value))); });
    this._update();
  };
  URLSearchParams.prototype.get = function (name) {
    name = String(name);
    for (var i = 0; i < this._list.length; i++) if (this._list[i][0] === name) return this._list[i][1];
    return null;
  };
  URLSearchParams.prototype.getAll = function (name) {
    name = String(name);
    return this._list.filter(function (p) { return p[0] === name; }).map(function (p) { return p[1]; });
  };
  URLSearchParams.prototype.has = function (name, value) {
    name = String(name);
    return this._list.some(function (p) { return p[0] === name && (value === undefined || p[1] === String(value)); });
  };
  URLSearchParams.prototype.set = function (name, value) {
    name = String(name);
    value = String(value);
    var found = false;
    this._list = this._list.filter(function (p) {
      if (p[0] !== name) return true;
      if (found) return false;
      found = true;
      p[1] = value;
      return true;
    });
    if (!found) this._list.push([name, value]);
    this._update();
  };
  URLSearchParams.prototype.sort = function () {
    var indexed = this._list.map(function (p, i) { return [p, i]; });
    indexed.sort(function (a, b) { return a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]; });
    this._list = indexed.map(function (x) { return x[0]; });
    this._update();
  };
  URLSearchParams.prototype.forEach = function (fn, thisArg) {
    var self = this;
    this._list.slice().forEach(function (p) { fn.call(thisArg, p[1], p[0], self); });
  };
  URLSearchParams.prototype.keys = function () { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); };
  URLSearchParams.prototype.values = function () { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); };
  URLSearchParams.prototype.entries = function () { return this._list.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); };
  URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
  URLSearchParams.prototype.toString = function () {
    return this._list.map(function (p) { return formEncode(p[0]) + "=" + formEncode(p[1]); }).join("&");
  };
  Object.defineProperty(URLSearchParams.prototype, "size", { get: function () { return this._list.length; } });
  Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: "URLSearchParams" });

  function URL(input, base) {
    if (!(this instanceof URL)) throw new TypeError("Class constructor URL cannot be invoked without 'new'");
    if (arguments.length === 0) {
      var err = new TypeError('The "url" argument must be specified');
      err.code = "ERR_MISSING_ARGS";
      throw err;
    }
    Object.defineProperty(this, "_rec", { value: parseWhatwg(input, base), writable: true });
    var sp = new URLSearchParams(this._rec.search);
    sp._url = this;
    Object.defineProperty(this, "_sp", { value: sp });
  }
  URL.canParse = function (input, base) {
    try { parseWhatwg(input, base); return true; } catch (e) { return false; }
  };
  function hostOf(rec) {
    var h = rec.hostname;
    return rec.port ? h + ":" + rec.port : h;
  }
  function hrefOf(rec) {
    var s = rec.protocol;
    if (rec.hasHost) {
      s += "//";
      if (rec.username || rec.password) s += rec.username + (rec.password ? ":" + rec.password : "") + "@";
      s += hostOf(rec);
    }
    return s + rec.pathname + rec.search + rec.hash;
  }
  var accessors = {
    href: [function () { return hrefOf(this._rec); }, function (v) {
      this._rec = parseWhatwg(v);
      this._sp._parse(this._rec.search);
    }],
    origin: [function () {
      var r = this._rec;
      if (!Object.prototype.hasOwnProperty.call(SPECIAL_PORTS, r.protocol) || r.protocol === "file:") return "null";
      return r.protocol + "//" + hostOf(r);
    }],
    protocol: [function () { return this._rec.protocol; }, function (v) {
      var p = String(v).replace(/:.*$/, "").toLowerCase();
      if (/^[a-z][a-z0-9+.\-]*$/.test(p)) {
        this._rec.protocol = p + ":";
        if (SPECIAL_PORTS[this._rec.protocol] === this._rec.port) this._rec.port = "";
      }
    }],
    username: [function () { return this._rec.username; }, function (v) { this._rec.username = encodeSet(String(v), USERINFO_ESCAPE); }],
    password: [function () { return this._rec.password; }, function (v) { this._rec.password = encodeSet(String(v), USERINFO_ESCAPE); }],
    host: [function () { return hostOf(this._rec); }, function (v) {
      var m = /^(\[[^\]]*\]|[^:\/?#]*)(?::(\d*))?/.exec(String(v));
      if (!m || !m[1]) return;
      this._rec.hostname = m[1].toLowerCase();
      if (m[2] !== undefined) this.port = m[2];
    }],
    hostname: [function () { return this._rec.hostname; }, function (v) {
      var h = String(v).replace(/[:\/?#].*$/, "");
      if (h) this._rec.hostname = h.toLowerCase();
    }],
    port: [function () { return this._rec.port; }, function (v) {
      var m = /^\d*/.exec(String(v))[0];
      if (m === "" && String(v) !== "") return;
      var port = m === "" ? "" : String(parseInt(m, 10));
      if (port !== "" && Number(port) > 65535) return;
      this._rec.port = SPECIAL_PORTS[this._rec.protocol] === port ? "" : port;
    }],
    pathname: [function () { return this._rec.pathname; }, function (v) {
      if (this._rec.opaque) return;
      var p = String(v);
      if (p.charAt(0) !== "/") p = "/" + p;
      this._rec.pathname = encodeSet(removeDotSegments(p.replace(/[?#]/g, encodeURIComponent)), PATH_ESCAPE);
    }],
    search: [function () { return this._rec.search; }, function (v) {
      var s = String(v);
      if (s.charAt(0) === "?") s = s.slice(1);
      this._rec.search = s ? "?" + encodeSet(s, QUERY_ESCAPE) : "";
      this._sp._parse(this._rec.search);
    }],
    searchParams: [function () { return this._sp; }],
    hash: [function () { return this._rec.hash; }, function (v) {
      var s = String(v);
      if (s.charAt(0) === "#") s = s.slice(1);
      this._rec.hash = s ? "#" + encodeSet(s, FRAGMENT_ESCAPE) : "";
    }]
  };
  Object.keys(accessors).forEach(function (name) {
    Object.defineProperty(URL.prototype, name, { get: accessors[name][0], set: accessors[name][1], enumerable: true, configurable: true });
  });
  URL.prototype.toString = function () { return this.href; };
  URL.prototype.toJSON = function () { return this.href; };
  Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: "URL" });

  // ---- legacy url.parse / format / resolve ----------------------------------------

  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }
  var AUTO_ESCAPE = /[\t\n\r "'<>\\^`{|}]/g;

  function urlParse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url) return url;
    if (typeof url !== "string") {
      var err = new TypeError('The "url" argument must be of type string. Received ' + (url === null ? "null" : url === undefined ? "undefined" : "type " + typeof url));
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
    var u = new Url();
    var rest = url.trim();
    var proto = /^([a-z0-9.+-]+:)/i.exec(rest);
    var lowerProto;
    if (proto) {
      lowerProto = proto[1].toLowerCase();
      u.protocol = lowerProto;
      rest = rest.slice(proto[1].length);
    }
    var slashes = false;
    if (slashesDenoteHost || proto || /^\/\/[^@\/]+@[^@\/]+/.test(rest)) {
      slashes = rest.slice(0, 2) === "//";
      if (slashes && !(lowerProto === "javascript:")) {
        rest = rest.slice(2);
        u.slashes = true;
      }
    }
    if (lowerProto !== "javascript:" && (u.slashes || (proto && !SLASHED[lowerProto]))) {
      var hostEnd = rest.search(/[\/?#\\]/);
      if (hostEnd === -1) hostEnd = rest.length;
      var authority = rest.slice(0, hostEnd);
      var at = authority.lastIndexOf("@");
      if (at !== -1) {
        u.auth = decodeURIComponent(authority.slice(0, at));
        authority = authority.slice(at + 1);
      }
      rest = rest.slice(hostEnd);
      var pm = /:(\d*)$/.exec(authority);
      if (pm) {
        if (pm[1]) u.port = pm[1];
        authority = authority.slice(0, authority.length - pm[0].length);
      }
      var hostname = authority;
      if (hostname.charAt(0) === "[" && hostname.charAt(hostname.length - 1) === "]") hostname = hostname.slice(1, -1);
      u.hostname = hostname.toLowerCase();
      var h = u.hostname.indexOf(":") >= 0 ? "[" + u.hostname + "]" : u.hostname;
      u.host = h + (u.port ? ":" + u.port : "");
    }
    rest = rest.replace(AUTO_ESCAPE, function (c) { return c === "'" ? "%27" : encodeURIComponent(c); });
    var hashIdx = rest.indexOf("#");
    if (hashIdx !== -1) { u.hash = rest.slice(hashIdx); rest = rest.slice(0, hashIdx); }
    var qIdx = rest.indexOf("?");
    if (qIdx !== -1) {
      u.search = rest.slice(qIdx);
      u.query = rest.slice(qIdx + 1);
      if (parseQueryString) u.query = querystring.parse(u.query);
      rest = rest.slice(0, qIdx);
    } else if (parseQueryString) {
      u.search = null;
      u.query = Object.create(null);
    }
    if (rest) u.pathname = rest;
    if (SLASHED[lowerProto] && u.hostname && !u.pathname) u.pathname = "/";
    if (u.pathname || u.search) u.path = (u.pathname || "") + (u.search || "");
    u.href = urlFormat(u);
    return u;
  }

  function urlFormat(obj, options) {
    if (typeof obj === "string") obj = urlParse(obj);
    else if (obj === null || typeof obj !== "object") {
      var err = new TypeError('The "urlObject" argument must be one of type object or string. Received ' + (obj === null ? "null" : "type " + typeof obj));
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
    if (obj instanceof URL) {
      var out = obj.href;
      if (options && options.fragment === false) out = out.replace(/#.*$/, "");
      if (options && options.search === false) out = out.replace(/\?[^#]*/, "");
      return out;
    }
    var auth = obj.auth || "";
    if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ":") + "@";
    var protocol = obj.protocol || "";
    var pathname = obj.pathname || "";
    var hash = obj.hash || "";
    var host = false;
    var query = "";
    if (obj.host) host = auth + obj.host;
    else if (obj.hostname) {
      host = auth + (obj.hostname.indexOf(":") === -1 ? obj.hostname : "[" + obj.hostname + "]");
      if (obj.port) host += ":" + obj.port;
    }
    if (obj.query !== null && typeof obj.query === "object") query = querystring.stringify(obj.query);
    var search = obj.search || (query && "?" + query) || "";
    if (protocol && protocol.charAt(protocol.length - 1) !== ":") protocol += ":";
    pathname = pathname.replace(/[?#]/g, encodeURIComponent);
    if (obj.slashes || (SLASHED[protocol] && host !== false)) {
      host = "//" + (host || "");
      if (pathname && pathname.charAt(0) !== "/") pathname = "/" + pathname;
    } else if (!host) {
      host = "";
    }
    if (hash && hash.charAt(0) !== "#") hash = "#" + hash;
    if (search && search.charAt(0) !== "?") search = "?" + search;
    search = search.replace("#", "%23");
    return protocol + host + pathname + search + hash;
  }

  // RFC 3986 section 5.2 reference resolution; relative bases are resolved as paths.
  function urlResolve(from, to) {
    var ref = /^(([^:\/?#]+):)?(\/\/([^\/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;
    var b = ref.exec(from);
    var r = ref.exec(to);
    var scheme, authority, path, query;
    var bScheme = b[2], bAuth = b[3] ? b[4] : undefined, bPath = b[5], bQuery = b[6] ? b[7] : undefined;
    if (r[2] !== undefined) {
      scheme = r[2]; authority = r[3] ? r[4] : undefined; path = removeDots(r[5]); query = r[6] ? r[7] : undefined;
    } else {
      scheme = bScheme;
      if (r[3]) {
        authority = r[4]; path = removeDots(r[5]); query = r[6] ? r[7] : undefined;
      } else {
        authority = bAuth;
        if (r[5] === "") {
          path = bPath; query = r[6] ? r[7] : bQuery;
        } else {
          if (r[5].charAt(0) === "/") path = removeDots(r[5]);
          else {
            var merged = (bAuth !== undefined && bPath === "") ? "/" + r[5] : bPath.slice(0, bPath.lastIndexOf("/") + 1) + r[5];
            path = removeDots(merged);
          }
          query = r[6] ? r[7] : undefined;
        }
      }
    }
    if (authority !== undefined && path === "" && scheme && SLASHED[scheme.toLowerCase() + ":"]) path = "/";
    var out = "";
    if (scheme !== undefined) out += scheme.toLowerCase() + ":";
    if (authority !== undefined) out += "//" + authority.toLowerCase();
    out += path;
    if (query !== undefined) out += "?" + query;
    if (r[8]) out += "#" + r[9];
    return out;
  }
  function removeDots(path) {
    var absolute = path.charAt(0) === "/";
    var segs = path.split("/");
    var out = [];
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i];
      if (s === "..") {
        if (out.length > (absolute ? 1 : 0) && out[out.length - 1] !== "..") out.pop();
        else if (!absolute) out.push("..");
        if (i === segs.length - 1) out.push("");
      } else if (s === ".") {
        if (i === segs.length - 1) out.push("");
      } else {
        out.push(s);
      }
    }
    var result = out.join("/");
    if (absolute && result.charAt(0) !== "/") result = "/" + result;
    return result;
  }

  Url.prototype.format = function () { return urlFormat(this); };
  Url.prototype.resolve = function (rel) { return urlResolve(urlFormat(this), rel); };

  return {
    parse: urlParse,
    format: urlFormat,
    resolve: urlResolve,
    Url: Url,
    URL: typeof globalThis.URL === "function" ? globalThis.URL : URL,
    URLSearchParams: typeof globalThis.URLSearchParams === "function" ? globalThis.URLSearchParams : URLSearchParams,
    domainToASCII: function (d) { return String(d).toLowerCase(); },
    domainToUnicode: function (d) { return String(d); }
  };
});
