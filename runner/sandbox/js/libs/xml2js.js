/*
 * XML for Postman scripts: a small strict XML parser of our own, `xml2js` on top of it
 * (parseString, Parser, parseStringPromise, Builder) and `xml2json`, the function behind
 * Postman's global xml2Json(text).
 * Why: SOAP and other XML APIs are tested with xml2Json(responseBody) or require('xml2js');
 * the object shapes (arrays by default, attributes under "$", text under "_") are what
 * scripts index into, so they follow xml2js 0.4 exactly. Written for pmreplay.
 */
__pmr_define("__pmr_xml", function (require) {
  "use strict";

  var NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  var NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
  var NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

  function XmlError(message, text, pos) {
    var line = 0, col = 0;
    for (var i = 0; i < pos && i < text.length; i++) {
      if (text.charAt(i) === "\n") { line++; col = 0; } else col++;
    }
    var err = new Error(message + "\nLine: " + line + "\nColumn: " + (col + 1) + "\nChar: " + text.charAt(pos));
    err.line = line;
    err.column = col + 1;
    return err;
  }

  /*
   * Walk `text` and call handler.open(name, attrs[[k, v], ...], selfClosing), handler.text(str),
   * handler.cdata(str), handler.close(name), handler.comment(str), handler.pi(target, body).
   * Stops quietly after the root element closes (trailing content is ignored, as xml2js does).
   */
  function parse(text, handler) {
    text = String(text);
    var pos = 0;
    var len = text.length;
    var stack = [];
    var sawRoot = false;

    if (text.charCodeAt(0) === 0xfeff) pos = 1;

    function fail(msg, at) { throw XmlError(msg, text, at === undefined ? pos : at); }

    function decode(raw, start) {
      if (raw.indexOf("&") === -1) return raw;
      return raw.replace(/&([^;&<>\s]*)(;?)/g, function (m, ent, semi, offset) {
        var at = start + offset + m.length - 1;
        if (!semi) fail("Invalid character entity", at + 1);
        if (ent.charAt(0) === "#") {
          var code = ent.charAt(1) === "x" || ent.charAt(1) === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
          if (!(code >= 0 && code <= 0x10ffff) || !/^#(x[0-9a-fA-F]+|X[0-9a-fA-F]+|[0-9]+)$/.test(ent)) fail("Invalid character entity", at);
          return String.fromCodePoint(code);
        }
        if (Object.prototype.hasOwnProperty.call(NAMED, ent)) return NAMED[ent];
        fail("Invalid character entity", at);
      });
    }

    function readName() {
      var start = pos;
      if (!NAME_START.test(text.charAt(pos))) fail("Invalid tagname in opening tag.", pos);
      pos++;
      while (pos < len && NAME_CHAR.test(text.charAt(pos))) pos++;
      return text.slice(start, pos);
    }

    function skipSpace() {
      while (pos < len && /\s/.test(text.charAt(pos))) pos++;
    }

    while (pos < len) {
      if (stack.length === 0 && sawRoot) return;
      var lt = text.indexOf("<", pos);
      if (lt !== pos) {
        var end = lt === -1 ? len : lt;
        var chunk = text.slice(pos, end);
        if (stack.length === 0) {
          var nonWs = chunk.search(/\S/);
          if (nonWs !== -1) fail(sawRoot ? "Text data outside of root node." : "Non-whitespace before first tag.", pos + nonWs);
        } else {
          handler.text(decode(chunk, pos));
        }
        pos = end;
        continue;
      }
      if (text.startsWith("<!--", pos)) {
        var cEnd = text.indexOf("-->", pos + 4);
        if (cEnd === -1) fail("Unclosed comment", len - 1);
        if (handler.comment) handler.comment(text.slice(pos + 4, cEnd));
        pos = cEnd + 3;
      } else if (text.startsWith("<![CDATA[", pos)) {
        var dEnd = text.indexOf("]]>", pos + 9);
        if (dEnd === -1) fail("Unclosed CDATA section", len - 1);
        if (stack.length === 0) fail("Text data outside of root node.", pos);
        handler.cdata(text.slice(pos + 9, dEnd));
        pos = dEnd + 3;
      } else if (text.startsWith("<!", pos)) {
        // DOCTYPE (with an optional internal subset in brackets)
        var depth = 0, i = pos + 2;
        for (; i < len; i++) {
          var ch = text.charAt(i);
          if (ch === "[") depth++;
          else if (ch === "]") depth--;
          else if (ch === ">" && depth <= 0) break;
        }
        if (i >= len) fail("Unclosed declaration", len - 1);
        pos = i + 1;
      } else if (text.startsWith("<?", pos)) {
        var pEnd = text.indexOf("?>", pos + 2);
        if (pEnd === -1) fail("Unclosed processing instruction", len - 1);
        var body = text.slice(pos + 2, pEnd);
        var target = /^\S*/.exec(body)[0];
        if (handler.pi) handler.pi(target, body.slice(target.length).trim());
        pos = pEnd + 2;
      } else if (text.charAt(pos + 1) === "/") {
        pos += 2;
        var closeStart = pos;
        while (pos < len && NAME_CHAR.test(text.charAt(pos))) pos++;
        var closeName = text.slice(closeStart, pos);
        skipSpace();
        if (text.charAt(pos) !== ">") fail("Invalid characters in closing tag", pos);
        if (!stack.length || stack[stack.length - 1] !== closeName) fail("Unexpected close tag", pos);
        stack.pop();
        handler.close(closeName);
        pos++;
      } else {
        pos++;
        if (stack.length === 0 && sawRoot) fail("Text data outside of root node.", pos);
        var name = readName();
        var attrs = [];
        var seen = {};
        var selfClosing = false;
        for (;;) {
          var beforeSpace = pos;
          skipSpace();
          var c = text.charAt(pos);
          if (c === ">") { pos++; break; }
          if (c === "/" && text.charAt(pos + 1) === ">") { selfClosing = true; pos += 2; break; }
          if (pos >= len) fail("Unclosed root tag", len - 1);
          if (pos === beforeSpace) fail("No whitespace between attributes", pos);
          if (!NAME_START.test(c)) fail("Invalid attribute name", pos);
          var attrName = readName();
          skipSpace();
          if (text.charAt(pos) !== "=") fail("Attribute without value", pos);
          pos++;
          skipSpace();
          var q = text.charAt(pos);
          if (q !== '"' && q !== "'") fail("Unquoted attribute value", pos);
          var vEnd = text.indexOf(q, pos + 1);
          if (vEnd === -1) fail("Unclosed attribute value", len - 1);
          var rawValue = text.slice(pos + 1, vEnd);
          if (rawValue.indexOf("<") !== -1) fail("Invalid character in attribute value", pos + 1 + rawValue.indexOf("<"));
          // a repeated attribute keeps its first value (as sax, under xml2js, does)
          if (!Object.prototype.hasOwnProperty.call(seen, attrName)) {
            seen[attrName] = true;
            attrs.push([attrName, decode(rawValue, pos + 1)]);
          }
          pos = vEnd + 1;
        }
        sawRoot = true;
        handler.open(name, attrs, selfClosing);
        if (selfClosing) handler.close(name);
        else stack.push(name);
      }
    }
    if (stack.length) fail("Unclosed root tag", len - 1);
    if (!sawRoot) fail("Non-whitespace before first tag.", len - 1);
  }

  function escapeText(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
  }
  function escapeAttr(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")
      .replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");
  }

  return { parse: parse, escapeText: escapeText, escapeAttr: escapeAttr };
});

__pmr_define("xml2js", function (require) {
  "use strict";
  var xml = require("__pmr_xml");

  var DEFAULTS = {
    explicitCharkey: false, trim: false, normalize: false, normalizeTags: false,
    attrkey: "$", charkey: "_", explicitArray: true, ignoreAttrs: false, mergeAttrs: false,
    explicitRoot: true, validator: null, xmlns: false, explicitChildren: false,
    preserveChildrenOrder: false, childkey: "$$", charsAsChildren: false, includeWhiteChars: false,
    async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null,
    tagNameProcessors: null, valueProcessors: null, emptyTag: ""
  };
  var BUILDER_DEFAULTS = {
    attrkey: "$", charkey: "_", rootName: "root",
    xmldec: { version: "1.0", encoding: "UTF-8", standalone: true },
    doctype: null, renderOpts: { pretty: true, indent: "  ", newline: "\n" },
    headless: false, cdata: false
  };

  function merge(defaults, options) {
    var out = {};
    Object.keys(defaults).forEach(function (k) { out[k] = defaults[k]; });
    if (options) Object.keys(options).forEach(function (k) { out[k] = options[k]; });
    return out;
  }

  function applyProcessors(processors, value, key) {
    if (!processors) return value;
    processors.forEach(function (fn) { value = fn(value, key); });
    return value;
  }

  // Build the xml2js object for `text` synchronously; throws on malformed XML.
  function toObject(text, o) {
    if (String(text).trim() === "") return null;
    var stack = [];
    var result = null;
    var ck = o.charkey, ak = o.attrkey;

    function assignOrPush(obj, key, value) {
      if (!(key in obj)) obj[key] = o.explicitArray ? [value] : value;
      else {
        if (!Array.isArray(obj[key])) obj[key] = [obj[key]];
        obj[key].push(value);
      }
    }

    function onText(str) {
      var s = stack[stack.length - 1];
      if (!s) return null;
      s.obj[ck] += str;
      if (o.explicitChildren && o.preserveChildrenOrder && o.charsAsChildren &&
          (o.includeWhiteChars || str.replace(/\\n/g, "").trim() !== "")) {
        s.obj[o.childkey] = s.obj[o.childkey] || [];
        var node = { "#name": "__text__" };
        node[ck] = o.normalize ? str.replace(/\s{2,}/g, " ").trim() : o.trim ? str.trim() : str;
        s.obj[o.childkey].push(node);
      }
      return s;
    }

    xml.parse(text, {
      open: function (name, attrs) {
        var obj = {};
        obj[ck] = "";
        if (!o.ignoreAttrs) {
          attrs.forEach(function (pair) {
            if (!(ak in obj) && !o.mergeAttrs) obj[ak] = {};
            var value = applyProcessors(o.attrValueProcessors, pair[1], pair[0]);
            var key = applyProcessors(o.attrNameProcessors, pair[0]);
            if (o.mergeAttrs) assignOrPush(obj, key, value);
            else obj[ak][key] = value;
          });
        }
        var tag = applyProcessors(o.tagNameProcessors, o.normalizeTags ? name.toLowerCase() : name);
        // the element name rides along under "#name"; it stays visible only in
        // explicitChildren + preserveChildrenOrder mode
        obj["#name"] = tag;
        stack.push({ obj: obj, name: tag, cdata: false });
      },
      text: function (str) { onText(str); },
      cdata: function (str) { var s = onText(str); if (s) s.cdata = true; },
      close: function () {
        var frame = stack.pop();
        var obj = frame.obj;
        var nodeName = frame.name;
        var keepName = o.explicitChildren && o.preserveChildrenOrder;
        if (!keepName) delete obj["#name"];
        var emptyStr = "";
        if (/^\s*$/.test(obj[ck]) && !frame.cdata) {
          emptyStr = obj[ck];
          delete obj[ck];
        } else {
          if (o.trim) obj[ck] = obj[ck].trim();
          if (o.normalize) obj[ck] = obj[ck].replace(/\s{2,}/g, " ").trim();
          obj[ck] = applyProcessors(o.valueProcessors, obj[ck], nodeName);
          if (Object.keys(obj).length === 1 && ck in obj && !o.explicitCharkey) obj = obj[ck];
        }
        if (obj !== null && typeof obj === "object" && Object.keys(obj).length === 0) {
          obj = o.emptyTag !== "" ? (typeof o.emptyTag === "function" ? o.emptyTag() : o.emptyTag) : emptyStr;
        }
        var parent = stack[stack.length - 1];
        if (o.explicitChildren && !o.mergeAttrs && typeof obj === "object" && obj !== null) {
          if (!o.preserveChildrenOrder) {
            // attributes and text stay on the element, everything else moves under childkey
            var node = {};
            if (ak in obj) { node[ak] = obj[ak]; delete obj[ak]; }
            if (!o.charsAsChildren && ck in obj) { node[ck] = obj[ck]; delete obj[ck]; }
            if (Object.getOwnPropertyNames(obj).length > 0) node[o.childkey] = obj;
            obj = node;
          } else if (parent) {
            // the parent's ordered list gets the element with its name; the by-name entry
            // gets it without, collapsed to its text when that is all there is
            parent.obj[o.childkey] = parent.obj[o.childkey] || [];
            var clone = {};
            Object.keys(obj).forEach(function (k) { clone[k] = obj[k]; });
            parent.obj[o.childkey].push(clone);
            delete obj["#name"];
            if (Object.keys(obj).length === 1 && ck in obj && !o.explicitCharkey) obj = obj[ck];
          }
        }
        if (!parent) {
          if (o.explicitRoot) {
            var wrapped = {};
            wrapped[nodeName] = obj;
            obj = wrapped;
          }
          result = obj;
        } else {
          assignOrPush(parent.obj, nodeName, obj);
        }
      }
    });
    return result;
  }

  function Parser(options) {
    if (!(this instanceof Parser)) return new Parser(options);
    this.options = merge(DEFAULTS, options);
    this._listeners = {};
  }
  Parser.prototype.on = function (event, fn) {
    (this._listeners[event] = this._listeners[event] || []).push(fn);
    return this;
  };
  Parser.prototype.once = Parser.prototype.on;
  Parser.prototype.addListener = Parser.prototype.on;
  Parser.prototype.emit = function (event, arg) {
    (this._listeners[event] || []).forEach(function (fn) { fn(arg); });
  };
  Parser.prototype.reset = function () { this._listeners = {}; };
  Parser.prototype.parseString = function (str, cb) {
    var result, error = null;
    try {
      result = toObject(str, this.options);
    } catch (e) {
      error = e;
    }
    if (error) {
      this.emit("error", error);
      if (typeof cb === "function") {
        if (this.options.async) Promise.resolve().then(function () { cb(error); });
        else cb(error);
      }
      return undefined;
    }
    this.emit("end", result);
    if (typeof cb === "function") {
      if (this.options.async) Promise.resolve().then(function () { cb(null, result); });
      else {
        // xml2js 0.4 catches an exception thrown by the callback and calls it a second
        // time with that error; scripts' failing assertions inside the callback rely on it.
        try { cb(null, result); } catch (cbErr) { cb(cbErr); }
      }
    }
    return undefined;
  };
  Parser.prototype.parseStringPromise = function (str) {
    var self = this;
    return new Promise(function (resolve, reject) {
      self.parseString(str, function (err, value) { if (err) reject(err); else resolve(value); });
    });
  };

  function parseString(str, a, b) {
    var options, cb;
    if (typeof a === "function") cb = a;
    else { options = a; cb = b; }
    return new Parser(options).parseString(str, cb);
  }
  function parseStringPromise(str, options) {
    return new Parser(options).parseStringPromise(str);
  }

  // ---- Builder ----------------------------------------------------------------------

  function Builder(options) {
    if (!(this instanceof Builder)) return new Builder(options);
    this.options = merge(BUILDER_DEFAULTS, options);
    if (options && options.renderOpts) this.options.renderOpts = merge(BUILDER_DEFAULTS.renderOpts, options.renderOpts);
  }

  function needsCdata(s) {
    return typeof s === "string" && (s.indexOf("&") >= 0 || s.indexOf("<") >= 0 || s.indexOf(">") >= 0);
  }

  Builder.prototype.buildObject = function (rootObj) {
    var o = this.options;
    var ak = o.attrkey, ck = o.charkey;
    var rootName;
    if (rootObj !== null && typeof rootObj === "object" && Object.keys(rootObj).length === 1 && o.rootName === BUILDER_DEFAULTS.rootName) {
      rootName = Object.keys(rootObj)[0];
      rootObj = rootObj[rootName];
    } else {
      rootName = o.rootName;
    }

    function textNode(s) {
      if (o.cdata && needsCdata(s)) return { cdata: String(s).replace(/]]>/g, "]]]]><![CDATA[>") };
      return { text: String(s) };
    }
    function el(name) { return { name: name, attrs: [], children: [] }; }

    // Fill element `e` from value `v` the way xml2js maps objects to XML.
    function render(e, v) {
      if (v === null || v === undefined || typeof v !== "object") {
        if (v !== null && v !== undefined) e.children.push(textNode(v));
        return e;
      }
      if (Array.isArray(v)) {
        v.forEach(function (child) {
          if (child === null || typeof child !== "object") return;
          Object.keys(child).forEach(function (key) { e.children.push(render(el(key), child[key])); });
        });
        return e;
      }
      Object.keys(v).forEach(function (key) {
        var child = v[key];
        if (key === ak) {
          if (child !== null && typeof child === "object") {
            Object.keys(child).forEach(function (a) { e.attrs.push([a, child[a]]); });
          }
        } else if (key === ck) {
          e.children.push(textNode(child));
        } else if (Array.isArray(child)) {
          child.forEach(function (entry) {
            if (typeof entry === "string") e.children.push(render(el(key), entry));
            else e.children.push(render(el(key), entry));
          });
        } else if (child !== null && typeof child === "object") {
          e.children.push(render(el(key), child));
        } else {
          e.children.push(render(el(key), child === null || child === undefined ? "" : child.toString()));
        }
      });
      return e;
    }

    var root = render(el(rootName), rootObj);
    var ro = o.renderOpts || {};
    var pretty = ro.pretty !== false;
    var indent = ro.indent === undefined ? "  " : ro.indent;
    var nl = ro.newline === undefined ? "\n" : ro.newline;

    function serialize(e, level) {
      var pad = pretty ? new Array(level + 1).join(indent) : "";
      var open = "<" + e.name + e.attrs.map(function (a) { return " " + a[0] + '="' + xml.escapeAttr(a[1]) + '"'; }).join("");
      var kids = e.children.filter(function (c) { return !(c.text === "" && e.children.length === 1); });
      if (!kids.length) return pad + open + "/>";
      var onlyText = kids.every(function (c) { return c.text !== undefined || c.cdata !== undefined; });
      if (onlyText || !pretty) {
        return pad + open + ">" + kids.map(function (c) { return inline(c); }).join("") + "</" + e.name + ">";
      }
      var lines = kids.map(function (c) {
        if (c.name !== undefined) return serialize(c, level + 1);
        return new Array(level + 2).join(indent) + inline(c);
      });
      return pad + open + ">" + nl + lines.join(nl) + nl + pad + "</" + e.name + ">";
    }
    function inline(c) {
      if (c.cdata !== undefined) return "<![CDATA[" + c.cdata + "]]>";
      if (c.text !== undefined) return xml.escapeText(c.text);
      return serialize(c, 0);
    }

    var out = "";
    if (!o.headless) {
      var dec = o.xmldec || {};
      out += '<?xml version="' + (dec.version || "1.0") + '"';
      if (dec.encoding) out += ' encoding="' + dec.encoding + '"';
      if (dec.standalone !== undefined && dec.standalone !== null) out += ' standalone="' + (dec.standalone ? "yes" : "no") + '"';
      out += "?>" + (pretty ? nl : "");
    }
    if (o.doctype) {
      var dt = o.doctype;
      out += "<!DOCTYPE " + rootName + (dt.pubID ? ' PUBLIC "' + dt.pubID + '" "' + dt.sysID + '"' : dt.sysID ? ' SYSTEM "' + dt.sysID + '"' : "") + ">" + (pretty ? nl : "");
    }
    return out + serialize(root, 0);
  };

  var processors = {
    normalize: function (str) { return str.toLowerCase(); },
    firstCharLowerCase: function (str) { return str.charAt(0).toLowerCase() + str.slice(1); },
    stripPrefix: function (str) { return str.replace(/^.*:/, ""); },
    parseNumbers: function (str) { return !isNaN(str) ? (str % 1 === 0 ? parseInt(str, 10) : parseFloat(str)) : str; },
    parseBooleans: function (str) { return /^(?:true|false)$/i.test(str) ? str.toLowerCase() === "true" : str; }
  };

  return {
    defaults: { "0.2": merge(DEFAULTS, {}), "0.1": merge(DEFAULTS, { explicitArray: false, explicitRoot: false, ignoreAttrs: true }) },
    Parser: Parser,
    parseString: parseString,
    parseStringPromise: parseStringPromise,
    Builder: Builder,
    processors: processors,
    ValidationError: function ValidationError(message) { this.message = message; }
  };
});

__pmr_define("xml2json", function (require) {
  "use strict";
  var xml2js = require("xml2js");
  // Postman's xml2Json: xml2js with these options; a parse error is swallowed and
  // yields undefined, as in the Postman sandbox.
  var OPTIONS = { explicitArray: false, async: false, trim: true, mergeAttrs: false };
  return function xml2Json(text) {
    var out;
    xml2js.parseString(text, OPTIONS, function (err, result) { out = err ? undefined : result; });
    return out;
  };
});
