/*
 * JSON Schema validation for Postman scripts: one validator core of our own, with two
 * faces: `tv4` (draft-04, tv4's error codes and messages) and `ajv` (draft-07, Ajv 8's
 * error objects: instancePath, schemaPath, keyword, params, message).
 * Why: collections check response shapes with tv4.validate(...) or new Ajv().compile(...),
 * and pm.response.to.have.jsonSchema(...) uses require('ajv'); the errors end up in test
 * reports, so their shapes and wording follow the real libraries. Written for pmreplay.
 */
__pmr_define("__pmr_jsonschema", function (require) {
  "use strict";

  var hasOwn = Object.prototype.hasOwnProperty;

  function typeOf(v) {
    if (v === null) return "null";
    if (Array.isArray(v)) return "array";
    if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
    return typeof v;
  }
  function isType(v, t) {
    switch (t) {
      case "null": return v === null;
      case "array": return Array.isArray(v);
      case "object": return v !== null && typeof v === "object" && !Array.isArray(v);
      case "integer": return typeof v === "number" && isFinite(v) && Math.floor(v) === v;
      case "number": return typeof v === "number" && isFinite(v);
      case "string": return typeof v === "string";
      case "boolean": return typeof v === "boolean";
      case "any": return true;
    }
    return false;
  }

  function equal(a, b) {
    if (a === b) return true;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
      return true;
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var j = 0; j < ka.length; j++) if (!hasOwn.call(b, ka[j]) || !equal(a[ka[j]], b[ka[j]])) return false;
    return true;
  }

  function ucs2length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      n++;
    }
    return n;
  }

  // ---- URIs and $ref resolution ------------------------------------------------------

  function splitUri(uri) {
    var i = uri.indexOf("#");
    return i === -1 ? [uri, ""] : [uri.slice(0, i), uri.slice(i + 1)];
  }
  function resolveUri(base, ref) {
    if (/^[a-z][a-z0-9+.\-]*:/i.test(ref)) return ref;
    if (!base) return ref;
    var b = splitUri(base)[0];
    if (ref.charAt(0) === "#") return b + ref;
    if (ref === "") return b;
    if (ref.slice(0, 2) === "//") return (/^[a-z][a-z0-9+.\-]*:/i.exec(b) || [""])[0] + ref;
    if (ref.charAt(0) === "/") {
      var m = /^([a-z][a-z0-9+.\-]*:\/\/[^\/]*)/i.exec(b);
      return (m ? m[1] : "") + ref;
    }
    return b.slice(0, b.lastIndexOf("/") + 1) + ref;
  }
  function pointerTokens(fragment) {
    if (fragment === "" || fragment === "/") return fragment === "/" ? [""] : [];
    return fragment.split("/").slice(1).map(function (t) {
      try { t = decodeURIComponent(t); } catch (e) { /* keep raw */ }
      return t.replace(/~1/g, "/").replace(/~0/g, "~");
    });
  }
  function escapeToken(t) {
    return String(t).replace(/~/g, "~0").replace(/\//g, "~1");
  }
  function fragmentToken(t, draft4) {
    return draft4 ? escapeToken(t) : encodeURIComponent(escapeToken(t));
  }

  /*
   * A Validator holds the schema registry, formats and dialect ("draft4" for tv4,
   * "draft7" for Ajv). run() returns a flat list of raw errors
   * {keyword, dataPath: [...], schemaPath: "#/...", params, sub: [...]}.
   */
  function Validator(dialect) {
    this.dialect = dialect;
    this.schemas = {};     // absolute URI (no fragment) -> {schema, uri}
    this.anchors = {};     // absolute URI with plain-name fragment -> {schema, uri, path}
    this.formats = {};
    this.missing = [];
  }

  Validator.prototype.idKey = function () { return this.dialect === "draft4" ? "id" : "$id"; };

  // Register a schema and every sub-schema carrying an id, so $refs can find them.
  Validator.prototype.register = function (schema, uri) {
    var self = this;
    var idKey = this.idKey();
    var rootUri = uri || (schema && typeof schema === "object" && typeof schema[idKey] === "string" ? resolveUri("", schema[idKey]) : "");
    rootUri = splitUri(rootUri)[0];
    if (rootUri) this.schemas[rootUri] = { schema: schema, uri: rootUri };
    function walk(node, base, path) {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) { node.forEach(function (n, i) { walk(n, base, path + "/" + i); }); return; }
      if (typeof node[idKey] === "string" && path !== "") {
        var abs = resolveUri(base, node[idKey]);
        var parts = splitUri(abs);
        if (parts[1] && parts[1].charAt(0) !== "/") self.anchors[abs] = { schema: node, uri: parts[0], path: path };
        else if (parts[0]) { self.schemas[parts[0]] = { schema: node, uri: parts[0] }; base = parts[0]; }
        if (parts[0] && !parts[1]) base = parts[0];
      }
      Object.keys(node).forEach(function (k) {
        if (k === "enum" || k === "const") return;
        walk(node[k], base, path + "/" + escapeToken(k));
      });
    }
    walk(schema, rootUri, "");
    return rootUri;
  };

  // Find the schema a $ref points to: {schema, base, path} or null (recorded in missing).
  Validator.prototype.resolveRef = function (ref, base, root) {
    var abs = resolveUri(base, ref);
    var parts = splitUri(abs);
    if (this.anchors[abs]) {
      var a = this.anchors[abs];
      return { schema: a.schema, base: a.uri, path: "#" + a.path, root: this.schemas[a.uri] ? this.schemas[a.uri].schema : root };
    }
    var doc;
    var docUri = parts[0];
    if (docUri === "" || docUri === splitUri(base || "")[0] && !this.schemas[docUri]) doc = root;
    else if (this.schemas[docUri]) doc = this.schemas[docUri].schema;
    else if (docUri === splitUri(base || "")[0]) doc = root;
    if (doc === undefined) {
      if (this.missing.indexOf(docUri) === -1) this.missing.push(docUri);
      return null;
    }
    var node = doc;
    var tokens = pointerTokens(parts[1]);
    for (var i = 0; i < tokens.length; i++) {
      if (node === null || typeof node !== "object" || !hasOwn.call(node, tokens[i])) return null;
      node = node[tokens[i]];
    }
    return { schema: node, base: docUri, path: "#" + (parts[1] || ""), root: doc };
  };

  // ---- formats ---------------------------------------------------------------------

  var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  function validDate(s) {
    var m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return false;
    var y = +m[1], mo = +m[2], d = +m[3];
    var leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : DAYS[mo]);
  }
  function validTime(s, needZone) {
    var m = /^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-]\d\d(?::?\d\d)?)?$/i.exec(s);
    if (!m) return false;
    if (needZone && !m[5]) return false;
    var h = +m[1], mi = +m[2], sec = +m[3];
    return h <= 23 && mi <= 59 && (sec <= 59 || (sec === 60 && h === 23 && mi === 59) || sec === 60);
  }
  function validIpv6(s) {
    if (!/^[0-9a-f:.]+$/i.test(s)) return false;
    var parts = s.split("::");
    if (parts.length > 2) return false;
    function groups(str) { return str === "" ? [] : str.split(":"); }
    var head = groups(parts[0]);
    var tail = parts.length === 2 ? groups(parts[1]) : [];
    var all = head.concat(tail);
    var count = all.length;
    var last = all[all.length - 1];
    if (last && last.indexOf(".") !== -1) {
      if (!FORMATS.ipv4(last)) return false;
      all = all.slice(0, -1);
      count += 1;
    }
    if (!all.every(function (g) { return /^[0-9a-f]{1,4}$/i.test(g); })) return false;
    return parts.length === 2 ? count < 8 : count === 8;
  }
  var FORMATS = {
    date: validDate,
    time: function (s) { return validTime(s, true); },
    "date-time": function (s) {
      var parts = s.split(/t|\s/i);
      return parts.length === 2 && validDate(parts[0]) && validTime(parts[1], true);
    },
    email: function (s) {
      return /^[a-z0-9!#$%&'*+\/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+\/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(s);
    },
    hostname: function (s) {
      return s.length <= 253 && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i.test(s);
    },
    ipv4: function (s) { return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s); },
    ipv6: validIpv6,
    uri: function (s) {
      return /^[a-z][a-z0-9+.\-]*:[^\s"<>\\^`{|}]*$/i.test(s) && !/%(?![0-9a-f]{2})/i.test(s);
    },
    "uri-reference": function (s) { return /^[^\s"<>\\^`{|}]*$/.test(s) && !/%(?![0-9a-f]{2})/i.test(s); },
    "uri-template": function (s) { return /^(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2}|\{[+#.\/;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i.test(s); },
    uuid: function (s) { return /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s); },
    "json-pointer": function (s) { return /^(?:\/(?:[^~\/]|~0|~1)*)*$/.test(s); },
    "relative-json-pointer": function (s) { return /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~\/]|~0|~1)*)*)$/.test(s); },
    regex: function (s) { try { new RegExp(s, "u"); return true; } catch (e) { return false; } }
  };
  // Ajv 6's default ("fast") format checks look at the shape only: 2024-02-30 passes as a
  // date and a time zone is optional for "time". Written for pmreplay from the formats' specs.
  var TIME_SHAPE = "(?:[0-2]\\d:[0-5]\\d:[0-5]\\d|23:59:60)(?:\\.\\d+)?";
  var ZONE = "(?:z|[+-]\\d\\d(?::?\\d\\d)?)";
  var LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  var FAST_FORMATS = {
    date: new RegExp("^\\d{4}-[01]\\d-[0-3]\\d$"),
    time: new RegExp("^" + TIME_SHAPE + ZONE + "?$", "i"),
    "date-time": new RegExp("^\\d{4}-[01]\\d-[0-3]\\d[t\\s]" + TIME_SHAPE + ZONE + "$", "i"),
    uri: function (s) { return /^[a-z][a-z0-9+.\-]*:/i.test(s) && !/\s/.test(s); },
    "uri-reference": function (s) { return !/[\s\\]/.test(s.split("#")[0]) && !/[\s\\]/.test(s.slice(s.indexOf("#") + 1 || s.length)); },
    url: function (s) { return /^(?:https?|ftp):\/\/(?:[^\s@\/]+@)?(?:\[[0-9a-f:.]+\]|[^\s\/:?#]+\.[^\s\/:?#]+|localhost)(?::\d{2,5})?(?:[\/?#]\S*)?$/i.test(s); },
    email: new RegExp("^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + LABEL + "(?:\\." + LABEL + ")*$", "i"),
    hostname: FORMATS.hostname,
    ipv4: FORMATS.ipv4,
    ipv6: FORMATS.ipv6,
    regex: function (s) { try { new RegExp(s); return !/(^|[^\\])\\Z/.test(s); } catch (e) { return false; } },
    uuid: FORMATS.uuid,
    "uri-template": FORMATS["uri-template"],
    "json-pointer": FORMATS["json-pointer"],
    "json-pointer-uri-fragment": function (s) {
      if (s.charAt(0) !== "#") return false;
      try { return FORMATS["json-pointer"](decodeURIComponent(s.slice(1))); } catch (e) { return false; }
    },
    "relative-json-pointer": FORMATS["relative-json-pointer"]
  };
  FORMATS["ip-address"] = FORMATS.ipv4;   // draft-03 names tv4 users sometimes pass
  FORMATS["host-name"] = FORMATS.hostname;

  // ---- the walk ----------------------------------------------------------------------

  /*
   * ctx: {allErrors, errors, root, base, validator, knownFormats, strict}
   * Returns true when `data` is valid against `schema`. Errors are appended to ctx.errors;
   * without allErrors the walk stops at the first one.
   */
  function check(schema, data, dPath, sPath, ctx) {
    var v = ctx.validator;
    var draft4 = v.dialect === "draft4";
    if (schema === true || schema === undefined) return true;
    if (schema === false) {
      ctx.errors.push({ keyword: "false schema", dataPath: dPath, schemaPath: sPath + "/false schema", params: {}, data: data });
      return false;
    }
    if (schema === null || typeof schema !== "object") return true;

    var savedBase = ctx.base, savedRoot = ctx.root;
    var idKey = v.idKey();
    if (typeof schema[idKey] === "string" && schema !== ctx.root) {
      var abs = splitUri(resolveUri(ctx.base, schema[idKey]));
      if (abs[0] && !abs[1]) ctx.base = abs[0];
    }
    var valid = true;
    function fail(keyword, params, extra) {
      var e = { keyword: keyword, dataPath: dPath, schemaPath: sPath + "/" + keyword, params: params, data: data };
      if (extra) Object.keys(extra).forEach(function (k) { e[k] = extra[k]; });
      ctx.errors.push(e);
      valid = false;
      return !ctx.allErrors;   // true means: stop now
    }
    fail.quiet = function () { valid = false; };
    function sub(s, d, dp, sp) {
      return check(s, d, dp, sp, ctx);
    }
    function done() { ctx.base = savedBase; ctx.root = savedRoot; return valid; }

    // Ajv checks "type" before anything else; after a failed type only allErrors goes on
    // (the type-specific keywords then skip themselves because the data has another type).
    if (!draft4 && schema.type !== undefined && typeError(schema, data, fail) === STOP) return done();

    // $ref: in draft-04 (tv4) it replaces the schema; in Ajv 8 it is one keyword among others
    if (typeof schema.$ref === "string") {
      var target = v.resolveRef(schema.$ref, ctx.base, ctx.root);
      if (target === null) {
        if (!draft4) {
          var err = new Error("can't resolve reference " + schema.$ref + " from id " + (ctx.base || "#"));
          err.missingRef = schema.$ref;
          throw err;
        }
        return done();
      }
      ctx.root = target.root;
      ctx.base = target.base;
      // tv4 keeps the referencing path; Ajv inlines small ref-free targets under the $ref
      // text and compiles the others separately, where paths restart at "#"
      var refPath = draft4 ? sPath : (containsRef(target.schema) ? "#" : schema.$ref);
      var ok = sub(target.schema, data, dPath, refPath);
      ctx.base = savedBase; ctx.root = savedRoot;
      // tv4 and Ajv 6 ignore the keywords next to a $ref; Ajv 8 applies them
      if (draft4 || v.dialect === "ajv6") { valid = ok; return done(); }
      if (!ok) { valid = false; if (!ctx.allErrors) return done(); }
    }
    if (draft4 && schema.type !== undefined) {
      var typeErrorsBefore = ctx.errors.length;
      typeError(schema, data, fail);
      if (ctx.errors.length > typeErrorsBefore) return done();
    }

    var order = draft4 ? ORDER_DRAFT4 : v.dialect === "ajv6" ? ORDER_AJV6 : ORDER_DRAFT7;
    for (var i = 0; i < order.length; i++) {
      var kw = order[i];
      if (kw === "objectChildren") {
        if (!hasOwn.call(schema, "properties") && !hasOwn.call(schema, "patternProperties") && !hasOwn.call(schema, "additionalProperties")) continue;
      } else if (!hasOwn.call(schema, kw)) continue;
      var handler = KEYWORDS[kw];
      var before = ctx.errors.length;
      if (handler(schema, data, dPath, sPath, ctx, fail, sub, draft4) === STOP) return done();
      if (!valid && !ctx.allErrors) return done();
      if (draft4 && DRAFT4_TERMINAL[kw] && ctx.errors.length > before) return done();
    }
    return done();
  }
  var STOP = {};

  // Ajv 6 checks a required property that also has a schema under "properties" while
  // walking "properties" (so in that order), not in the "required" keyword.
  var NON_RULES = { title: 1, description: 1, "default": 1, examples: 1, $comment: 1, $id: 1, id: 1, definitions: 1, $schema: 1 };
  function deferredRequired(schema, key, ctx) {
    if (ctx.validator.dialect !== "ajv6" || !schema.properties || !hasOwn.call(schema.properties, key)) return false;
    var ps = schema.properties[key];
    if (ps === false) return true;
    return !!ps && typeof ps === "object" && Object.keys(ps).some(function (k) { return !NON_RULES[k]; });
  }

  function containsRef(node) {
    if (!node || typeof node !== "object") return false;
    if (Array.isArray(node)) return node.some(containsRef);
    return Object.keys(node).some(function (k) {
      if (k === "enum" || k === "const") return false;
      return (k === "$ref" && typeof node[k] === "string") || containsRef(node[k]);
    });
  }

  // tv4 stops at the first error of its basic, number and string groups, even when
  // collecting all errors.
  var DRAFT4_TERMINAL = { "enum": true, multipleOf: true, minimum: true, maximum: true, minLength: true, maxLength: true, pattern: true };

  function typeError(schema, data, fail) {
    var types = Array.isArray(schema.type) ? schema.type : [schema.type];
    var ok = types.some(function (t) { return isType(data, t); });
    if (!ok) return fail("type", { type: Array.isArray(schema.type) ? schema.type.slice() : schema.type }) ? STOP : undefined;
    return undefined;
  }

  var KEYWORDS = {
    "enum": function (schema, data, dPath, sPath, ctx, fail) {
      if (!Array.isArray(schema["enum"])) return undefined;
      if (!schema["enum"].some(function (e) { return equal(e, data); })) return fail("enum", { allowedValues: schema["enum"] }) ? STOP : undefined;
      return undefined;
    },
    "const": function (schema, data, dPath, sPath, ctx, fail) {
      if (!equal(schema["const"], data)) return fail("const", { allowedValue: schema["const"] }) ? STOP : undefined;
      return undefined;
    },
    multipleOf: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (typeof data !== "number" || typeof schema.multipleOf !== "number") return undefined;
      var bad;
      if (draft4) {
        var rem = (data / schema.multipleOf) % 1;
        bad = rem >= Math.pow(2, -51) && rem < 1 - Math.pow(2, -51);
      } else {
        bad = data % schema.multipleOf !== 0;
      }
      if (bad) return fail("multipleOf", { multipleOf: schema.multipleOf }) ? STOP : undefined;
      return undefined;
    },
    maximum: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (typeof data !== "number" || typeof schema.maximum !== "number") return undefined;
      if (draft4 && schema.exclusiveMaximum === true) {
        if (data >= schema.maximum) return fail("maximum", { comparison: "<", limit: schema.maximum, exclusive: true }) ? STOP : undefined;
      } else if (data > schema.maximum) {
        return fail("maximum", ctx.validator.dialect === "ajv6" ? { comparison: "<=", limit: schema.maximum, exclusive: false } : { comparison: "<=", limit: schema.maximum }) ? STOP : undefined;
      }
      return undefined;
    },
    minimum: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (typeof data !== "number" || typeof schema.minimum !== "number") return undefined;
      if (draft4 && schema.exclusiveMinimum === true) {
        if (data <= schema.minimum) return fail("minimum", { comparison: ">", limit: schema.minimum, exclusive: true }) ? STOP : undefined;
      } else if (data < schema.minimum) {
        return fail("minimum", ctx.validator.dialect === "ajv6" ? { comparison: ">=", limit: schema.minimum, exclusive: false } : { comparison: ">=", limit: schema.minimum }) ? STOP : undefined;
      }
      return undefined;
    },
    exclusiveMaximum: function (schema, data, dPath, sPath, ctx, fail) {
      if (typeof data !== "number" || typeof schema.exclusiveMaximum !== "number") return undefined;
      if (data >= schema.exclusiveMaximum) return fail("exclusiveMaximum", ctx.validator.dialect === "ajv6" ? { comparison: "<", limit: schema.exclusiveMaximum, exclusive: true } : { comparison: "<", limit: schema.exclusiveMaximum }) ? STOP : undefined;
      return undefined;
    },
    exclusiveMinimum: function (schema, data, dPath, sPath, ctx, fail) {
      if (typeof data !== "number" || typeof schema.exclusiveMinimum !== "number") return undefined;
      if (data <= schema.exclusiveMinimum) return fail("exclusiveMinimum", ctx.validator.dialect === "ajv6" ? { comparison: ">", limit: schema.exclusiveMinimum, exclusive: true } : { comparison: ">", limit: schema.exclusiveMinimum }) ? STOP : undefined;
      return undefined;
    },
    maxLength: function (schema, data, dPath, sPath, ctx, fail) {
      if (typeof data !== "string") return undefined;
      if (ucs2length(data) > schema.maxLength) return fail("maxLength", { limit: schema.maxLength }) ? STOP : undefined;
      return undefined;
    },
    minLength: function (schema, data, dPath, sPath, ctx, fail) {
      if (typeof data !== "string") return undefined;
      if (ucs2length(data) < schema.minLength) return fail("minLength", { limit: schema.minLength }) ? STOP : undefined;
      return undefined;
    },
    pattern: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (typeof data !== "string") return undefined;
      var re;
      try { re = new RegExp(schema.pattern, draft4 ? "" : "u"); } catch (e) { re = new RegExp(schema.pattern); }
      if (!re.test(data)) return fail("pattern", { pattern: schema.pattern }) ? STOP : undefined;
      return undefined;
    },
    format: function (schema, data, dPath, sPath, ctx, fail) {
      var name = schema.format;
      var v = ctx.validator;
      var builtins = v.dialect === "ajv6" ? FAST_FORMATS : FORMATS;
      var fn = hasOwn.call(v.formats, name) ? v.formats[name] : (ctx.builtinFormats && hasOwn.call(builtins, name) ? builtins[name] : undefined);
      if (fn === undefined) {
        if (ctx.strictFormats) throw new Error('unknown format "' + name + '" ignored in schema at path "' + sPath + '"');
        return undefined;
      }
      var res;
      // Ajv checks formats on strings only (tv4 hands any value to its format functions)
      if (!ctx.formatResultIsMessage && typeof data !== "string" && !(fn && typeof fn === "object" && !(fn instanceof RegExp))) return undefined;
      if (fn instanceof RegExp) res = typeof data === "string" ? fn.test(data) : true;
      else if (typeof fn === "object" && fn !== null) {
        var type = fn.type || "string";
        if (!isType(data, type) && !(type === "number" && typeof data === "number")) return undefined;
        res = fn.validate instanceof RegExp ? fn.validate.test(data) : fn.validate(data);
      } else {
        if (ctx.formatTypes === "string" && typeof data !== "string") return undefined;
        res = fn(data, schema);
      }
      // tv4 formats return null/undefined for valid and a message string for invalid
      if (ctx.formatResultIsMessage) {
        if (res === null || res === undefined || res === true) return undefined;
        return fail("format", { format: name, message: typeof res === "string" ? res : "invalid" }) ? STOP : undefined;
      }
      if (!res) return fail("format", { format: name }) ? STOP : undefined;
      return undefined;
    },
    maxItems: function (schema, data, dPath, sPath, ctx, fail) {
      if (!Array.isArray(data)) return undefined;
      if (data.length > schema.maxItems) return fail("maxItems", { limit: schema.maxItems }) ? STOP : undefined;
      return undefined;
    },
    minItems: function (schema, data, dPath, sPath, ctx, fail) {
      if (!Array.isArray(data)) return undefined;
      if (data.length < schema.minItems) return fail("minItems", { limit: schema.minItems }) ? STOP : undefined;
      return undefined;
    },
    uniqueItems: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (!Array.isArray(data) || schema.uniqueItems !== true) return undefined;
      var itemTypes = schema.items && !Array.isArray(schema.items) && schema.items.type;
      itemTypes = itemTypes === undefined ? [] : [].concat(itemTypes);
      var scalar = itemTypes.length > 0 && itemTypes.every(function (t) { return ["string", "number", "integer", "boolean", "null"].indexOf(t) !== -1; });
      if (!draft4 && scalar) {
        // Ajv scans backwards remembering the last index of each scalar value
        var seenAt = new Map();
        for (var x = data.length - 1; x >= 0; x--) {
          var key = typeof data[x] + ":" + String(data[x]);
          if (seenAt.has(key)) return fail("uniqueItems", { i: x, j: seenAt.get(key) }) ? STOP : undefined;
          seenAt.set(key, x);
        }
        return undefined;
      }
      for (var i = data.length - 1; i > 0; i--) {
        for (var j = i - 1; j >= 0; j--) {
          if (equal(data[i], data[j])) {
            if (draft4) {
              // tv4 reports the first pair in document order
              for (var a = 0; a < data.length; a++) {
                for (var b = a + 1; b < data.length; b++) {
                  if (equal(data[a], data[b])) return fail("uniqueItems", { match1: a, match2: b }) ? STOP : undefined;
                }
              }
            }
            return fail("uniqueItems", { i: i, j: j }) ? STOP : undefined;
          }
        }
      }
      return undefined;
    },
    items: function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!Array.isArray(data)) return undefined;
      var items = schema.items;
      var stop = false;
      if (Array.isArray(items)) {
        for (var i = 0; i < items.length && i < data.length; i++) {
          if (!sub(items[i], data[i], dPath + "/" + i, sPath + "/items/" + i)) { fail.quiet(); if (!ctx.allErrors) return STOP; }
        }
        if (hasOwn.call(schema, "additionalItems") && data.length > items.length) {
          var add = schema.additionalItems;
          if (add === false) {
            if (ctx.validator.dialect === "draft4") {
              // tv4 reports every extra item
              for (var x = items.length; x < data.length; x++) {
                if (fail("additionalItems", { limit: items.length }, { index: x })) return STOP;
              }
            } else if (fail("additionalItems", { limit: items.length })) return STOP;
          } else if (add && typeof add === "object") {
            for (var k = items.length; k < data.length; k++) {
              if (!sub(add, data[k], dPath + "/" + k, sPath + "/additionalItems")) { fail.quiet(); if (!ctx.allErrors) return STOP; }
            }
          }
        }
      } else {
        for (var n = 0; n < data.length; n++) {
          if (!sub(items, data[n], dPath + "/" + n, sPath + "/items")) { fail.quiet(); if (!ctx.allErrors) { stop = true; break; } }
        }
      }
      return stop ? STOP : undefined;
    },
    contains: function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!Array.isArray(data)) return undefined;
      var saved = ctx.errors.length;
      var found = data.some(function (item, i) { return sub(schema.contains, item, dPath + "/" + i, sPath + "/contains"); });
      if (found || !ctx.allErrors) ctx.errors.length = saved;
      if (!found) return fail("contains", ctx.validator.dialect === "ajv6" ? {} : { minContains: 1 }) ? STOP : undefined;
      return undefined;
    },
    maxProperties: function (schema, data, dPath, sPath, ctx, fail) {
      if (!isType(data, "object")) return undefined;
      if (Object.keys(data).length > schema.maxProperties) return fail("maxProperties", { limit: schema.maxProperties }) ? STOP : undefined;
      return undefined;
    },
    minProperties: function (schema, data, dPath, sPath, ctx, fail) {
      if (!isType(data, "object")) return undefined;
      if (Object.keys(data).length < schema.minProperties) return fail("minProperties", { limit: schema.minProperties }) ? STOP : undefined;
      return undefined;
    },
    required: function (schema, data, dPath, sPath, ctx, fail) {
      if (!isType(data, "object") || !Array.isArray(schema.required)) return undefined;
      for (var i = 0; i < schema.required.length; i++) {
        var key = schema.required[i];
        if (deferredRequired(schema, key, ctx)) continue;
        if (!hasOwn.call(data, key) || data[key] === undefined) {
          if (fail("required", { missingProperty: key }, { index: i })) return STOP;
        }
      }
      return undefined;
    },
    propertyNames: function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!isType(data, "object")) return undefined;
      var keys = Object.keys(data);
      for (var i = 0; i < keys.length; i++) {
        var before = ctx.errors.length;
        if (!sub(schema.propertyNames, keys[i], dPath, sPath + "/propertyNames")) {
          for (var e = before; e < ctx.errors.length; e++) ctx.errors[e].propertyName = keys[i];
          if (fail("propertyNames", { propertyName: keys[i] })) return STOP;
        }
      }
      return undefined;
    },
    additionalProperties: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (draft4 || !isType(data, "object")) return undefined;
      var props = schema.properties || {};
      var patterns = Object.keys(schema.patternProperties || {}).map(function (p) { return new RegExp(p, ctx.validator.dialect === "draft4" ? "" : "u"); });
      var add = schema.additionalProperties;
      var keys = Object.keys(data);
      for (var i = 0; i < keys.length; i++) {
        var k = keys[i];
        if (hasOwn.call(props, k) || patterns.some(function (re) { return re.test(k); })) continue;
        if (add === false) {
          if (fail("additionalProperties", { additionalProperty: k }, ctx.validator.dialect === "draft4" ? { dataPath: dPath + "/" + escapeToken(k) } : undefined)) return STOP;
        } else if (add && typeof add === "object") {
          if (!sub(add, data[k], dPath + "/" + escapeToken(k), sPath + "/additionalProperties")) { fail.quiet(); if (!ctx.allErrors) return STOP; }
        }
      }
      return undefined;
    },
    dependencies: function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!isType(data, "object") || !schema.dependencies || typeof schema.dependencies !== "object") return undefined;
      var deps = schema.dependencies;
      var names = Object.keys(deps);
      for (var i = 0; i < names.length; i++) {
        var prop = names[i];
        if (!hasOwn.call(data, prop)) continue;
        var dep = deps[prop];
        if (typeof dep === "string") dep = [dep];
        if (Array.isArray(dep)) {
          for (var j = 0; j < dep.length; j++) {
            if (!hasOwn.call(data, dep[j])) {
              if (fail("dependencies", { property: prop, missingProperty: dep[j], depsCount: dep.length, deps: dep.join(", ") }, { index: j })) return STOP;
            }
          }
        } else if (!sub(dep, data, dPath, sPath + "/dependencies/" + fragmentToken(prop, ctx.validator.dialect === "draft4"))) {
          fail.quiet();
          if (!ctx.allErrors) return STOP;
        }
      }
      return undefined;
    },
    properties: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (draft4) return undefined;   // tv4 handles children per data key, see objectChildren
      if (!isType(data, "object") || !schema.properties || typeof schema.properties !== "object") return undefined;
      var names = Object.keys(schema.properties);
      for (var i = 0; i < names.length; i++) {
        var k = names[i];
        if (!hasOwn.call(data, k) || data[k] === undefined) {
          if (Array.isArray(schema.required) && schema.required.indexOf(k) !== -1 && deferredRequired(schema, k, ctx)) {
            if (fail("required", { missingProperty: k }, { schemaPath: sPath + "/required" })) return STOP;
          }
          continue;
        }
        if (!sub(schema.properties[k], data[k], dPath + "/" + escapeToken(k), sPath + "/properties/" + fragmentToken(k, ctx.validator.dialect === "draft4"))) {
          fail.quiet();
          if (!ctx.allErrors) return STOP;
        }
      }
      return undefined;
    },
    objectChildren: function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!isType(data, "object")) return undefined;
      var props = schema.properties && typeof schema.properties === "object" ? schema.properties : {};
      var pats = schema.patternProperties && typeof schema.patternProperties === "object" ? Object.keys(schema.patternProperties) : [];
      var add = schema.additionalProperties;
      var keys = Object.keys(data);
      for (var i = 0; i < keys.length; i++) {
        var k = keys[i];
        if (data[k] === undefined) continue;
        var matched = false;
        var childPath = dPath + "/" + escapeToken(k);
        if (Object.prototype.hasOwnProperty.call(props, k)) {
          matched = true;
          if (!sub(props[k], data[k], childPath, sPath + "/properties/" + escapeToken(k))) { fail.quiet(); if (!ctx.allErrors) return STOP; }
        }
        for (var p = 0; p < pats.length; p++) {
          if (!new RegExp(pats[p]).test(k)) continue;
          matched = true;
          if (!sub(schema.patternProperties[pats[p]], data[k], childPath, sPath + "/patternProperties/" + escapeToken(pats[p]))) { fail.quiet(); if (!ctx.allErrors) return STOP; }
        }
        if (matched) continue;
        if (add === false) {
          if (fail("additionalProperties", { additionalProperty: k }, { dataPath: childPath })) return STOP;
        } else if (add && typeof add === "object") {
          if (!sub(add, data[k], childPath, sPath + "/additionalProperties")) { fail.quiet(); if (!ctx.allErrors) return STOP; }
        }
      }
      return undefined;
    },
    patternProperties: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (draft4) return undefined;
      if (!isType(data, "object") || !schema.patternProperties) return undefined;
      var pats = Object.keys(schema.patternProperties);
      for (var p = 0; p < pats.length; p++) {
        var re = new RegExp(pats[p], ctx.validator.dialect === "draft4" ? "" : "u");
        var keys = Object.keys(data);
        for (var i = 0; i < keys.length; i++) {
          if (!re.test(keys[i])) continue;
          if (!sub(schema.patternProperties[pats[p]], data[keys[i]], dPath + "/" + escapeToken(keys[i]), sPath + "/patternProperties/" + fragmentToken(pats[p], ctx.validator.dialect === "draft4"))) {
            fail.quiet();
            if (!ctx.allErrors) return STOP;
          }
        }
      }
      return undefined;
    },
    allOf: function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!Array.isArray(schema.allOf)) return undefined;
      for (var i = 0; i < schema.allOf.length; i++) {
        if (!sub(schema.allOf[i], data, dPath, sPath + "/allOf/" + i)) { fail.quiet(); if (!ctx.allErrors) return STOP; }
      }
      return undefined;
    },
    anyOf: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (!Array.isArray(schema.anyOf)) return undefined;
      var saved = ctx.errors.length;
      var subErrors = [];
      for (var i = 0; i < schema.anyOf.length; i++) {
        var before = ctx.errors.length;
        if (sub(schema.anyOf[i], data, dPath, sPath + "/anyOf/" + i)) { ctx.errors.length = saved; return undefined; }
        subErrors = subErrors.concat(ctx.errors.slice(before));
      }
      if (draft4) ctx.errors.length = saved;
      return fail("anyOf", {}, draft4 ? { sub: subErrors } : undefined) ? STOP : undefined;
    },
    oneOf: function (schema, data, dPath, sPath, ctx, fail, sub, draft4) {
      if (!Array.isArray(schema.oneOf)) return undefined;
      var saved = ctx.errors.length;
      var passing = [];
      var subErrors = [];
      for (var i = 0; i < schema.oneOf.length; i++) {
        var before = ctx.errors.length;
        if (sub(schema.oneOf[i], data, dPath, sPath + "/oneOf/" + i)) {
          passing.push(i);
          if (passing.length > 1) break;
        } else {
          subErrors = subErrors.concat(ctx.errors.slice(before));
        }
      }
      if (passing.length === 1) { ctx.errors.length = saved; return undefined; }
      if (passing.length > 1 || draft4) ctx.errors.length = saved;
      return fail("oneOf", { passingSchemas: passing.length ? passing : null }, draft4 ? { sub: passing.length ? null : subErrors } : undefined) ? STOP : undefined;
    },
    not: function (schema, data, dPath, sPath, ctx, fail, sub) {
      var saved = ctx.errors.length;
      var ok = sub(schema.not, data, dPath, sPath + "/not");
      ctx.errors.length = saved;
      if (ok) return fail("not", {}) ? STOP : undefined;
      return undefined;
    },
    "if": function (schema, data, dPath, sPath, ctx, fail, sub) {
      if (!hasOwn.call(schema, "then") && !hasOwn.call(schema, "else")) return undefined;
      var saved = ctx.errors.length;
      var cond = sub(schema["if"], data, dPath, sPath + "/if");
      ctx.errors.length = saved;
      var branch = cond ? "then" : "else";
      if (!hasOwn.call(schema, branch)) return undefined;
      if (!sub(schema[branch], data, dPath, sPath + "/" + branch)) {
        // Ajv stops inside the branch unless allErrors, so only then adds its own error
        if (!ctx.allErrors) { fail.quiet(); return STOP; }
        return fail("if", { failingKeyword: branch }) ? STOP : undefined;
      }
      return undefined;
    }
  };

  /*
   * Keyword order decides which error is reported first when validation stops early:
   * Ajv runs the type check, then keywords for any type, then per-type groups; tv4 runs
   * type/enum, numbers, strings, arrays, objects, then combinators and format.
   */
  var ORDER_DRAFT7 = ["const", "enum", "not", "anyOf", "oneOf", "allOf", "if",
    "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf",
    "maxLength", "minLength", "pattern", "format",
    "maxItems", "minItems", "uniqueItems", "items", "contains",
    "maxProperties", "minProperties", "required", "propertyNames", "additionalProperties", "dependencies", "properties", "patternProperties"];
  // Ajv 6: the number, string, array and object groups first, the any-type keywords last
  var ORDER_AJV6 = ["maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "multipleOf",
    "maxLength", "minLength", "pattern", "format",
    "maxItems", "minItems", "items", "contains", "uniqueItems",
    "maxProperties", "minProperties", "required", "dependencies", "propertyNames", "additionalProperties", "properties", "patternProperties",
    "const", "enum", "not", "anyOf", "oneOf", "allOf", "if"];
  var ORDER_DRAFT4 = ["enum", "multipleOf", "minimum", "maximum",
    "minLength", "maxLength", "pattern",
    "minItems", "maxItems", "uniqueItems", "items",
    "minProperties", "maxProperties", "required", "objectChildren", "dependencies",
    "allOf", "anyOf", "oneOf", "not", "format"];

  Validator.prototype.run = function (schema, data, options) {
    options = options || {};
    var ctx = {
      allErrors: !!options.allErrors,
      errors: [],
      root: schema,
      base: options.base || (schema && typeof schema === "object" && typeof schema[this.idKey()] === "string" ? splitUri(resolveUri("", schema[this.idKey()]))[0] : ""),
      validator: this,
      builtinFormats: options.builtinFormats !== false,
      strictFormats: !!options.strictFormats,
      formatResultIsMessage: !!options.formatResultIsMessage
    };
    check(schema, data, "", "#", ctx);
    return ctx.errors;
  };

  return {
    Validator: Validator,
    FORMATS: FORMATS,
    FAST_FORMATS: FAST_FORMATS,
    equal: equal,
    typeOf: typeOf,
    escapeToken: escapeToken
  };
});

/*
 * Ajv in two flavours over the same core: version 6 (what Postman's sandbox bundles, and
 * what `require('ajv')` gives: "should ..." messages, `dataPath` like `.a[0]`) and version
 * 8 (the current release: "must ..." messages, `instancePath` JSON pointers), registered
 * as the internal module "__pmr_ajv8" for scripts and tests that want it.
 */
__pmr_define("__pmr_ajv_factory", function (require) {
  "use strict";
  var core = require("__pmr_jsonschema");

  function message6(e) {
    var p = e.params;
    switch (e.keyword) {
      case "type": return "should be " + p.type;
      case "required": return "should have required property '" + p.missingProperty + "'";
      case "additionalProperties": return "should NOT have additional properties";
      case "enum": return "should be equal to one of the allowed values";
      case "const": return "should be equal to constant";
      case "maximum": case "minimum": case "exclusiveMaximum": case "exclusiveMinimum":
        return "should be " + p.comparison + " " + p.limit;
      case "multipleOf": return "should be multiple of " + p.multipleOf;
      case "maxLength": return "should NOT be longer than " + p.limit + " characters";
      case "minLength": return "should NOT be shorter than " + p.limit + " characters";
      case "pattern": return 'should match pattern "' + p.pattern + '"';
      case "format": return 'should match format "' + p.format + '"';
      case "maxItems": case "additionalItems": return "should NOT have more than " + p.limit + " items";
      case "minItems": return "should NOT have fewer than " + p.limit + " items";
      case "uniqueItems": return "should NOT have duplicate items (items ## " + p.j + " and " + p.i + " are identical)";
      case "contains": return "should contain a valid item";
      case "maxProperties": return "should NOT have more than " + p.limit + " properties";
      case "minProperties": return "should NOT have fewer than " + p.limit + " properties";
      case "dependencies":
        return "should have propert" + (p.depsCount === 1 ? "y" : "ies") + " " + p.deps + " when property " + p.property + " is present";
      case "propertyNames": return "property name '" + p.propertyName + "' is invalid";
      case "anyOf": return "should match some schema in anyOf";
      case "oneOf": return "should match exactly one schema in oneOf";
      case "not": return "should NOT be valid";
      case "if": return 'should match "' + p.failingKeyword + '" schema';
      case "false schema": return "boolean schema is false";
    }
    return e.message || 'should pass "' + e.keyword + '" keyword validation';
  }

  // Ajv 6 writes data paths as JavaScript accessors: .name, ['odd name'], [0].
  function jsPath(pointer, root) {
    if (pointer === "") return "";
    var node = root;
    return pointer.split("/").slice(1).map(function (t) {
      t = t.replace(/~1/g, "/").replace(/~0/g, "~");
      var isIndex = Array.isArray(node) && /^(0|[1-9]\d*)$/.test(t);
      node = node !== null && node !== undefined ? node[t] : undefined;
      if (isIndex) return "[" + t + "]";
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(t)) return "." + t;
      return "['" + t.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "']";
    }).join("");
  }

  function message(e) {
    var p = e.params;
    switch (e.keyword) {
      case "type": return "must be " + (Array.isArray(p.type) ? p.type.join(",") : p.type);
      case "required": return "must have required property '" + p.missingProperty + "'";
      case "additionalProperties": return "must NOT have additional properties";
      case "enum": return "must be equal to one of the allowed values";
      case "const": return "must be equal to constant";
      case "maximum": case "minimum": case "exclusiveMaximum": case "exclusiveMinimum":
        return "must be " + p.comparison + " " + p.limit;
      case "multipleOf": return "must be multiple of " + p.multipleOf;
      case "maxLength": return "must NOT have more than " + p.limit + " characters";
      case "minLength": return "must NOT have fewer than " + p.limit + " characters";
      case "pattern": return 'must match pattern "' + p.pattern + '"';
      case "format": return 'must match format "' + p.format + '"';
      case "maxItems": case "additionalItems": return "must NOT have more than " + p.limit + " items";
      case "minItems": return "must NOT have fewer than " + p.limit + " items";
      case "uniqueItems": return "must NOT have duplicate items (items ## " + p.j + " and " + p.i + " are identical)";
      case "contains": return "must contain at least " + p.minContains + " valid item(s)";
      case "maxProperties": return "must NOT have more than " + p.limit + " properties";
      case "minProperties": return "must NOT have fewer than " + p.limit + " properties";
      case "dependencies":
        return "must have propert" + (p.depsCount === 1 ? "y" : "ies") + " " + p.deps + " when property " + p.property + " is present";
      case "propertyNames": return "property name must be valid";
      case "anyOf": return "must match a schema in anyOf";
      case "oneOf": return "must match exactly one schema in oneOf";
      case "not": return "must NOT be valid";
      case "if": return 'must match "' + p.failingKeyword + '" schema';
      case "false schema": return "boolean schema is false";
    }
    return e.message || 'must pass "' + e.keyword + '" keyword validation';
  }

  function accessor(name) {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? "." + name : "['" + String(name).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "']";
  }

  function toAjvError(e, opts, data, flavour) {
    var out;
    if (flavour === 6) {
      var params = e.params;
      if (e.keyword === "type" && Array.isArray(params.type)) params = { type: params.type.join(",") };
      // without allErrors Ajv 6 names a missing property by its accessor path (".a")
      if ((e.keyword === "required" || e.keyword === "dependencies") && !opts.allErrors) {
        params = Object.assign({}, params, { missingProperty: opts.jsonPointers ? "/" + core.escapeToken(params.missingProperty) : accessor(params.missingProperty) });
      }
      out = { keyword: e.keyword, dataPath: opts.jsonPointers ? e.dataPath : jsPath(e.dataPath, data), schemaPath: e.schemaPath, params: params };
      out.message = message6({ keyword: e.keyword, params: params, message: e.message });
      // scripts written for Ajv 8 read instancePath; keep it out of JSON/deep-equality
      Object.defineProperty(out, "instancePath", { value: e.dataPath, enumerable: false, configurable: true, writable: true });
    } else {
      out = { instancePath: e.dataPath, schemaPath: e.schemaPath, keyword: e.keyword, params: e.params, message: message(e) };
    }
    if (e.propertyName !== undefined) out.propertyName = e.propertyName;
    if (opts.verbose) out.data = e.data;
    return out;
  }

  return function makeAjv(flavour) {

  function Ajv(opts) {
    if (!(this instanceof Ajv)) return new Ajv(opts);
    this.opts = opts || {};
    this._v = new core.Validator(flavour === 6 ? "ajv6" : "draft7");
    this._byKey = {};
    this.errors = null;
    var self = this;
    if (this.opts.formats && typeof this.opts.formats === "object") {
      Object.keys(this.opts.formats).forEach(function (k) { self.addFormat(k, self.opts.formats[k]); });
    }
    if (Array.isArray(this.opts.schemas)) this.opts.schemas.forEach(function (s) { self.addSchema(s); });
    this._keywords = {};
  }

  var KNOWN = ["$id", "$schema", "$ref", "$comment", "id", "title", "description", "default", "examples", "definitions", "$defs",
    "type", "enum", "const", "multipleOf", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength",
    "pattern", "format", "items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains", "maxProperties",
    "minProperties", "required", "properties", "patternProperties", "additionalProperties", "dependencies", "propertyNames",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "nullable"];

  // Ajv's strict mode rejects unknown keywords; we only do so when asked (strict: true),
  // so schemas carrying "example" or vendor keywords keep working as in lenient setups.
  Ajv.prototype._checkStrict = function (schema, path) {
    if (this.opts.strict !== true || !schema || typeof schema !== "object") return;
    var self = this;
    Object.keys(schema).forEach(function (k) {
      if (KNOWN.indexOf(k) === -1 && !self._keywords[k]) throw new Error('strict mode: unknown keyword: "' + k + '"');
    });
    ["properties", "patternProperties", "definitions", "$defs", "dependencies"].forEach(function (k) {
      if (schema[k] && typeof schema[k] === "object") {
        Object.keys(schema[k]).forEach(function (n) { if (!Array.isArray(schema[k][n])) self._checkStrict(schema[k][n], path + "/" + k + "/" + n); });
      }
    });
    ["items", "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else"].forEach(function (k) {
      if (Array.isArray(schema[k])) schema[k].forEach(function (s) { self._checkStrict(s, path); });
      else if (schema[k] && typeof schema[k] === "object") self._checkStrict(schema[k], path + "/" + k);
    });
    ["allOf", "anyOf", "oneOf"].forEach(function (k) {
      if (Array.isArray(schema[k])) schema[k].forEach(function (s) { self._checkStrict(s, path); });
    });
  };

  Ajv.prototype.compile = function (schema) {
    if (schema === null || (typeof schema !== "object" && typeof schema !== "boolean")) {
      throw new Error("schema must be object or boolean");
    }
    this._checkStrict(schema, "#");
    this._checkMetaSchema(schema);
    if (flavour === 6) this._checkFormats(schema, "#");
    var self = this;
    var base = typeof schema === "object" ? this._v.register(schema) : "";
    this._checkRefs(schema, base, schema);
    function validate(data) {
      var raw = self._v.run(schema, data, {
        allErrors: !!self.opts.allErrors, base: base,
        strictFormats: self.opts.strict === true || self.opts.strictSchema === true,
        builtinFormats: self.opts.validateFormats !== false
      });
      if (self.opts.validateFormats === false) raw = raw.filter(function (e) { return e.keyword !== "format"; });
      raw = raw.concat(self._customErrors(schema, data));
      validate.errors = raw.length ? raw.map(function (e) { return toAjvError(e, self.opts, data, flavour); }) : null;
      return raw.length === 0;
    }
    validate.schema = schema;
    validate.errors = null;
    return validate;
  };
  // Ajv knows only the draft-07 meta-schema unless another one was added (Postman's
  // draft-04 schemas fail this way under Newman too).
  Ajv.prototype._checkMetaSchema = function (schema) {
    if (!schema || typeof schema !== "object" || typeof schema.$schema !== "string") return;
    var uri = schema.$schema.replace(/#$/, "");
    if (uri === "http://json-schema.org/draft-07/schema" || this._byKey[schema.$schema] || this._byKey[uri] || this._v.schemas[uri]) return;
    throw new Error('no schema with key or ref "' + schema.$schema + '"');
  };
  // Ajv 6 refuses unknown formats when compiling (unknownFormats: true by default).
  Ajv.prototype._checkFormats = function (node, path) {
    if (!node || typeof node !== "object" || this.opts.unknownFormats === "ignore" || this.opts.unknownFormats === false) return;
    var self = this;
    if (Array.isArray(node)) { node.forEach(function (n, i) { self._checkFormats(n, path + "/" + i); }); return; }
    if (typeof node.format === "string" && !Object.prototype.hasOwnProperty.call(this._v.formats, node.format) &&
        !(this.opts.format !== false && Object.prototype.hasOwnProperty.call(core.FAST_FORMATS, node.format)) &&
        !(Array.isArray(this.opts.unknownFormats) && this.opts.unknownFormats.indexOf(node.format) !== -1)) {
      throw new Error('unknown format "' + node.format + '" is used in schema at path "' + path + '"');
    }
    Object.keys(node).forEach(function (k) {
      if (k !== "enum" && k !== "const" && k !== "default" && k !== "examples") self._checkFormats(node[k], path + "/" + core.escapeToken(k));
    });
  };
  // Like Ajv, refuse at compile time a $ref that points nowhere (a clear one-line error).
  Ajv.prototype._checkRefs = function (node, base, root) {
    if (!node || typeof node !== "object") return;
    var self = this;
    if (Array.isArray(node)) { node.forEach(function (n) { self._checkRefs(n, base, root); }); return; }
    if (typeof node.$id === "string" && node !== root) {
      var abs = node.$id.charAt(0) === "#" ? base : node.$id;
      if (/^[a-z][a-z0-9+.\-]*:/i.test(abs)) base = abs.split("#")[0];
    }
    if (typeof node.$ref === "string" && this._v.resolveRef(node.$ref, base, root) === null) {
      var err = new Error("can't resolve reference " + node.$ref + " from id " + (base || "#"));
      err.missingRef = node.$ref;
      throw err;
    }
    Object.keys(node).forEach(function (k) {
      if (k !== "enum" && k !== "const" && k !== "$ref") self._checkRefs(node[k], base, root);
    });
  };
  Ajv.prototype._customErrors = function (schema, data) {
    var self = this;
    var out = [];
    if (!schema || typeof schema !== "object") return out;
    Object.keys(this._keywords).forEach(function (k) {
      if (!Object.prototype.hasOwnProperty.call(schema, k)) return;
      var def = self._keywords[k];
      var fn = def.validate || (def.compile ? def.compile(schema[k], schema) : null);
      if (typeof fn !== "function") return;
      var ok = def.compile && !def.validate ? fn(data) : fn(schema[k], data, schema);
      if (!ok) out.push({ keyword: k, dataPath: "", schemaPath: "#/" + k, params: {}, message: 'must pass "' + k + '" keyword validation' });
    });
    return out;
  };
  Ajv.prototype.compileAsync = function (schema) {
    var self = this;
    return Promise.resolve().then(function () { return self.compile(schema); });
  };
  Ajv.prototype.validate = function (schemaKeyRef, data) {
    var v;
    if (typeof schemaKeyRef === "string") {
      v = this.getSchema(schemaKeyRef);
      if (!v) throw new Error('no schema with key or ref "' + schemaKeyRef + '"');
    } else {
      v = this.compile(schemaKeyRef);
    }
    var ok = v(data);
    this.errors = v.errors;
    return ok;
  };
  Ajv.prototype.addSchema = function (schema, key) {
    var self = this;
    if (Array.isArray(schema)) { schema.forEach(function (s) { self.addSchema(s); }); return this; }
    var id = schema && typeof schema === "object" ? (schema.$id || schema.id) : undefined;
    var k = key || id;
    if (k !== undefined && this._byKey[k]) throw new Error('schema with key or id "' + k + '" already exists');
    var uri = this._v.register(schema, key && /^[a-z][a-z0-9+.\-]*:/i.test(key) ? key : undefined);
    if (key) this._v.schemas[key] = { schema: schema, uri: uri || key };
    if (k !== undefined) this._byKey[k] = schema;
    return this;
  };
  Ajv.prototype.addMetaSchema = Ajv.prototype.addSchema;
  Ajv.prototype.getSchema = function (key) {
    var schema = this._byKey[key];
    if (schema === undefined && this._v.schemas[key]) schema = this._v.schemas[key].schema;
    if (schema === undefined) {
      var target = this._v.resolveRef(key, "", undefined);
      if (!target) return undefined;
      schema = target.schema;
    }
    return this.compile(schema);
  };
  Ajv.prototype.removeSchema = function (key) {
    if (key === undefined) { this._byKey = {}; this._v.schemas = {}; return this; }
    var k = typeof key === "object" ? (key.$id || key.id) : key;
    delete this._byKey[k];
    delete this._v.schemas[k];
    return this;
  };
  Ajv.prototype.addFormat = function (name, format) {
    if (typeof format === "string") format = new RegExp(format);
    this._v.formats[name] = format;
    return this;
  };
  Ajv.prototype.addKeyword = function (def, legacyDef) {
    if (typeof def === "string") { legacyDef = legacyDef || {}; legacyDef.keyword = def; def = legacyDef; }
    var names = Array.isArray(def.keyword) ? def.keyword : [def.keyword];
    var self = this;
    names.forEach(function (n) { self._keywords[n] = def; });
    return this;
  };
  Ajv.prototype.addVocabulary = function (defs) {
    var self = this;
    defs.forEach(function (d) { if (typeof d === "string") self._keywords[d] = {}; else self.addKeyword(d); });
    return this;
  };
  Ajv.prototype.getKeyword = function (k) { return this._keywords[k] || KNOWN.indexOf(k) !== -1; };
  Ajv.prototype.removeKeyword = function (k) { delete this._keywords[k]; return this; };
  Ajv.prototype.errorsText = function (errors, options) {
    errors = errors === undefined ? this.errors : errors;
    if (!errors || !errors.length) return "No errors";
    options = options || {};
    var sep = options.separator === undefined ? ", " : options.separator;
    var dataVar = options.dataVar === undefined ? "data" : options.dataVar;
    return errors.map(function (e) { return dataVar + (flavour === 6 ? e.dataPath : e.instancePath) + " " + e.message; }).join(sep);
  };

  Ajv.default = Ajv;
  Ajv.Ajv = Ajv;
  Ajv.ValidationError = function ValidationError(errors) {
    var err = new Error("validation failed");
    err.errors = errors;
    err.ajv = err.validation = true;
    return err;
  };
  Ajv.MissingRefError = function MissingRefError(ref) { var e = new Error("can't resolve reference " + ref); e.missingRef = ref; return e; };
  return Ajv;
  };
});

__pmr_define("ajv", function (require) { return require("__pmr_ajv_factory")(6); });
__pmr_define("__pmr_ajv8", function (require) { return require("__pmr_ajv_factory")(8); });

__pmr_define("tv4", function (require) {
  "use strict";
  var core = require("__pmr_jsonschema");

  var ErrorCodes = {
    INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11, ONE_OF_MULTIPLE: 12, NOT_PASSED: 13,
    NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101, NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103,
    NUMBER_MAXIMUM_EXCLUSIVE: 104, NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
    STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301, OBJECT_REQUIRED: 302,
    OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304, ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401,
    ARRAY_UNIQUE: 402, ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501,
    CIRCULAR_REFERENCE: 600, UNKNOWN_PROPERTY: 1000
  };

  function fill(template, params) {
    return template.replace(/\{([^{}]*)\}/g, function (m, k) {
      var v = params[k];
      return typeof v === "string" || typeof v === "number" ? String(v) : m;
    });
  }

  function ValidationError(code, params, dataPath, schemaPath, subErrors, template) {
    var err = new Error();
    Object.setPrototypeOf(err, ValidationError.prototype);
    err.message = fill(template, params);
    err.params = params;
    err.code = code;
    err.dataPath = dataPath || "";
    err.schemaPath = schemaPath || "";
    err.subErrors = subErrors || null;
    var stack = new Error().stack;
    err.stack = stack;
    return err;
  }
  ValidationError.prototype = Object.create(Error.prototype);
  ValidationError.prototype.constructor = ValidationError;
  ValidationError.prototype.name = "ValidationError";

  var typeName = function (v) {
    var t = core.typeOf(v);
    return t === "integer" ? "number" : t;
  };

  // Translate a core error into tv4's error (code, message template, params, paths).
  function convert(e) {
    var p = e.params;
    var data = e.data;
    var dataPath = e.dataPath;
    var schemaPath = e.schemaPath.replace(/^#/, "");
    var subs = e.sub ? e.sub.map(convert) : null;
    switch (e.keyword) {
      case "type":
        return ValidationError(ErrorCodes.INVALID_TYPE, { type: typeName(data), expected: Array.isArray(p.type) ? p.type.join("/") : p.type },
          dataPath, schemaPath, null, "Invalid type: {type} (expected {expected})");
      case "enum":
        // tv4 files enum failures under ".../type"
        return ValidationError(ErrorCodes.ENUM_MISMATCH, { value: JSON.stringify(data) },
          dataPath, schemaPath.replace(/\/enum$/, "/type"), null, "No enum match for: {value}");
      case "anyOf":
        return ValidationError(ErrorCodes.ANY_OF_MISSING, {}, dataPath, schemaPath, subs, 'Data does not match any schemas from "anyOf"');
      case "oneOf":
        if (p.passingSchemas) {
          return ValidationError(ErrorCodes.ONE_OF_MULTIPLE, { index1: p.passingSchemas[0], index2: p.passingSchemas[1] }, dataPath, schemaPath, null,
            'Data is valid against more than one schema from "oneOf": indices {index1} and {index2}');
        }
        return ValidationError(ErrorCodes.ONE_OF_MISSING, {}, dataPath, schemaPath, subs, 'Data does not match any schemas from "oneOf"');
      case "not":
        return ValidationError(ErrorCodes.NOT_PASSED, {}, dataPath, schemaPath, null, 'Data matches schema from "not"');
      case "multipleOf":
        return ValidationError(ErrorCodes.NUMBER_MULTIPLE_OF, { value: data, multipleOf: p.multipleOf }, dataPath, schemaPath.replace(/\/multipleOf$/, ""), null,
          "Value {value} is not a multiple of {multipleOf}");
      case "minimum":
        if (p.exclusive) {
          return ValidationError(ErrorCodes.NUMBER_MINIMUM_EXCLUSIVE, { value: data, minimum: p.limit }, dataPath, schemaPath.replace(/minimum$/, "exclusiveMinimum"), null,
            "Value {value} is equal to exclusive minimum {minimum}");
        }
        return ValidationError(ErrorCodes.NUMBER_MINIMUM, { value: data, minimum: p.limit }, dataPath, schemaPath, null, "Value {value} is less than minimum {minimum}");
      case "maximum":
        if (p.exclusive) {
          return ValidationError(ErrorCodes.NUMBER_MAXIMUM_EXCLUSIVE, { value: data, maximum: p.limit }, dataPath, schemaPath.replace(/maximum$/, "exclusiveMaximum"), null,
            "Value {value} is equal to exclusive maximum {maximum}");
        }
        return ValidationError(ErrorCodes.NUMBER_MAXIMUM, { value: data, maximum: p.limit }, dataPath, schemaPath, null, "Value {value} is greater than maximum {maximum}");
      case "minLength":
        return ValidationError(ErrorCodes.STRING_LENGTH_SHORT, { length: data.length, minimum: p.limit }, dataPath, schemaPath, null,
          "String is too short ({length} chars), minimum {minimum}");
      case "maxLength":
        return ValidationError(ErrorCodes.STRING_LENGTH_LONG, { length: data.length, maximum: p.limit }, dataPath, schemaPath, null,
          "String is too long ({length} chars), maximum {maximum}");
      case "pattern":
        return ValidationError(ErrorCodes.STRING_PATTERN, { pattern: p.pattern }, dataPath, schemaPath, null, "String does not match pattern: {pattern}");
      case "minProperties":
        return ValidationError(ErrorCodes.OBJECT_PROPERTIES_MINIMUM, { propertyCount: Object.keys(data).length, minimum: p.limit }, dataPath, schemaPath, null,
          "Too few properties defined ({propertyCount}), minimum {minimum}");
      case "maxProperties":
        return ValidationError(ErrorCodes.OBJECT_PROPERTIES_MAXIMUM, { propertyCount: Object.keys(data).length, maximum: p.limit }, dataPath, schemaPath, null,
          "Too many properties defined ({propertyCount}), maximum {maximum}");
      case "required":
        return ValidationError(ErrorCodes.OBJECT_REQUIRED, { key: p.missingProperty }, dataPath, schemaPath + "/" + e.index, null, "Missing required property: {key}");
      case "additionalProperties":
        return ValidationError(ErrorCodes.OBJECT_ADDITIONAL_PROPERTIES, { key: p.additionalProperty }, dataPath, schemaPath, null, "Additional properties not allowed");
      case "dependencies":
        return ValidationError(ErrorCodes.OBJECT_DEPENDENCY_KEY, { key: p.property, missing: p.missingProperty }, dataPath,
          schemaPath + "/" + core.escapeToken(p.property) + "/" + e.index, null, "Dependency failed - key must exist: {missing} (due to key: {key})");
      case "minItems":
        return ValidationError(ErrorCodes.ARRAY_LENGTH_SHORT, { length: data.length, minimum: p.limit }, dataPath, schemaPath, null, "Array is too short ({length}), minimum {minimum}");
      case "maxItems":
        return ValidationError(ErrorCodes.ARRAY_LENGTH_LONG, { length: data.length, maximum: p.limit }, dataPath, schemaPath, null, "Array is too long ({length}), maximum {maximum}");
      case "uniqueItems":
        return ValidationError(ErrorCodes.ARRAY_UNIQUE, { match1: p.match1, match2: p.match2 }, dataPath, schemaPath, null, "Array items are not unique (indices {match1} and {match2})");
      case "additionalItems":
        return ValidationError(ErrorCodes.ARRAY_ADDITIONAL_ITEMS, {}, dataPath + "/" + e.index, schemaPath, null, "Additional items not allowed");
      case "format":
        return ValidationError(ErrorCodes.FORMAT_CUSTOM, { message: p.message }, dataPath, schemaPath, null, "Format validation failed ({message})");
    }
    return ValidationError(ErrorCodes.KEYWORD_CUSTOM, { key: e.keyword, message: e.message || "" }, dataPath, schemaPath, null, "Keyword failed: {key} ({message})");
  }

  function createApi() {
    var v = new core.Validator("draft4");
    var api = {
      error: null,
      missing: [],
      errorCodes: ErrorCodes,
      ValidationError: ValidationError,
      addSchema: function (uri, schema) {
        if (typeof uri !== "string") { schema = uri; uri = schema && schema.id; }
        if (typeof uri === "string") {
          var clean = uri.replace(/#$/, "");
          v.register(schema, clean);
          v.schemas[clean] = { schema: schema, uri: clean };
        }
        return true;
      },
      getSchema: function (uri) {
        var t = v.resolveRef(uri, "", undefined);
        return t ? t.schema : undefined;
      },
      getSchemaMap: function () {
        var map = {};
        Object.keys(v.schemas).forEach(function (k) { map[k] = v.schemas[k].schema; });
        return map;
      },
      getSchemaUris: function (filter) {
        return Object.keys(v.schemas).filter(function (k) { return !filter || filter.test(k); });
      },
      getMissingUris: function (filter) {
        return v.missing.filter(function (k) { return !filter || filter.test(k); });
      },
      dropSchemas: function () { v.schemas = {}; v.anchors = {}; },
      reset: function () { v.schemas = {}; v.anchors = {}; v.missing = []; api.error = null; api.missing = []; },
      addFormat: function (name, fn) {
        if (typeof name === "object") Object.keys(name).forEach(function (k) { v.formats[k] = name[k]; });
        else v.formats[name] = fn;
      },
      defineKeyword: function () { /* custom keywords are not supported by this sandbox's tv4 */ },
      defineError: function (codeName, codeNumber) { ErrorCodes[codeName] = codeNumber; },
      language: function () { return "en"; },
      addLanguage: function () {},
      freshApi: function () { return createApi(); },
      normSchema: function (schema) { return schema; },
      resolveUrl: function (base, ref) { return base ? String(base).replace(/[^\/]*$/, "") + ref : ref; }
    };

    function runAll(data, schema, multiple) {
      v.missing = [];
      var raw = v.run(schema, data, { allErrors: multiple, builtinFormats: false, formatResultIsMessage: true });
      var missing = v.missing.slice();
      missing.forEach(function (m) { missing[m] = m; });
      return { errors: raw.map(convert), missing: missing };
    }
    api.validate = function (data, schema) {
      if (typeof schema === "string") schema = { $ref: schema };
      var r = runAll(data, schema, false);
      api.error = r.errors.length ? r.errors[0] : null;
      api.missing = r.missing;
      return api.error === null;
    };
    api.validateResult = function (data, schema) {
      var ok = api.validate(data, schema);
      return { error: api.error, missing: api.missing, valid: ok };
    };
    api.validateMultiple = function (data, schema) {
      if (typeof schema === "string") schema = { $ref: schema };
      var r = runAll(data, schema, true);
      return { errors: r.errors, missing: r.missing, valid: r.errors.length === 0 };
    };
    return api;
  }

  return createApi();
});
