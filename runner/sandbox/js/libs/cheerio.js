/*
 * cheerio (a useful subset) for Postman scripts: cheerio.load(html) -> $, CSS selectors,
 * and the read-mostly traversal API scripts use to pull values out of HTML responses
 * (text, html, attr, val, find, each, map, first/last/eq, children, parent, ...).
 * Why: Postman exposes cheerio so tests can scrape CSRF tokens, titles and links out of
 * HTML; a lenient parser of our own (void elements, implied end tags, raw-text script and
 * style, entities) builds a domhandler-like tree so `el.attribs` / `el.children` work too.
 * Written for pmreplay.
 */
__pmr_define("__pmr_cheerio_factory", function (require) {
  "use strict";
  /*
   * legacy = true: cheerio 0.22 as bundled by Postman's sandbox (htmlparser2: no html/head/
   * body skeleton, fewer implied end tags, only script/style are raw text, html() writes
   * non-ASCII as &#x..; entities). legacy = false: cheerio 1.0 (parse5-like tree).
   */
  return function makeCheerio(legacy) {

  var VOID = { area: 1, base: 1, br: 1, col: 1, embed: 1, hr: 1, img: 1, input: 1, link: 1, meta: 1, param: 1, source: 1, track: 1, wbr: 1 };
  var RAW_TEXT = { script: 1, style: 1, xmp: 1, iframe: 1, noembed: 1, noframes: 1, textarea: 1, title: 1, plaintext: 1 };
  var ESCAPABLE_RAW = { textarea: 1, title: 1 };
  var HEAD_TAGS = { title: 1, meta: 1, link: 1, base: 1, style: 1, script: 1, noscript: 1, template: 1 };
  // opening one of these closes an open <p>
  var CLOSES_P = { address: 1, article: 1, aside: 1, blockquote: 1, details: 1, div: 1, dl: 1, fieldset: 1, figcaption: 1,
    figure: 1, footer: 1, form: 1, h1: 1, h2: 1, h3: 1, h4: 1, h5: 1, h6: 1, header: 1, hgroup: 1, hr: 1, main: 1, menu: 1,
    nav: 1, ol: 1, p: 1, pre: 1, section: 1, table: 1, ul: 1 };
  var IMPLIED_END = {
    li: { li: 1 }, dt: { dt: 1, dd: 1 }, dd: { dt: 1, dd: 1 }, option: { option: 1 }, optgroup: { optgroup: 1, option: 1 },
    tr: { tr: 1, td: 1, th: 1 }, td: { td: 1, th: 1 }, th: { td: 1, th: 1 }, thead: { tbody: 1, tfoot: 1 },
    tbody: { tbody: 1, thead: 1, tr: 1, td: 1, th: 1 }, tfoot: { tbody: 1, thead: 1, tr: 1, td: 1, th: 1 }
  };
  var FORM_TAGS = { input: 1, option: 1, optgroup: 1, select: 1, button: 1, datalist: 1, textarea: 1 };
  var P_TAG = { p: 1 };
  var LEGACY_CLOSE = {
    tr: { tr: 1, th: 1, td: 1 }, th: { th: 1 }, td: { thead: 1, th: 1, td: 1 }, body: { head: 1, link: 1, script: 1 },
    li: { li: 1 }, p: P_TAG, h1: P_TAG, h2: P_TAG, h3: P_TAG, h4: P_TAG, h5: P_TAG, h6: P_TAG,
    select: FORM_TAGS, input: FORM_TAGS, output: FORM_TAGS, button: FORM_TAGS, datalist: FORM_TAGS, textarea: FORM_TAGS,
    option: { option: 1 }, optgroup: { optgroup: 1 }
  };
  if (legacy) {
    VOID = Object.assign({ basefont: 1, command: 1, frame: 1, isindex: 1, keygen: 1 }, VOID);
    RAW_TEXT = { script: 1, style: 1 };
    ESCAPABLE_RAW = {};
  }
  var ENTITIES = {
    amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", copy: "\u00a9", reg: "\u00ae", trade: "\u2122",
    hellip: "\u2026", mdash: "\u2014", ndash: "\u2013", lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d",
    laquo: "\u00ab", raquo: "\u00bb", bull: "\u2022", middot: "\u00b7", times: "\u00d7", divide: "\u00f7", deg: "\u00b0",
    plusmn: "\u00b1", para: "\u00b6", sect: "\u00a7", cent: "\u00a2", pound: "\u00a3", yen: "\u00a5", euro: "\u20ac",
    iexcl: "\u00a1", iquest: "\u00bf", shy: "\u00ad", acute: "\u00b4", micro: "\u00b5", frac12: "\u00bd", frac14: "\u00bc",
    frac34: "\u00be", sup2: "\u00b2", sup3: "\u00b3", auml: "\u00e4", ouml: "\u00f6", uuml: "\u00fc", Auml: "\u00c4",
    Ouml: "\u00d6", Uuml: "\u00dc", szlig: "\u00df", eacute: "\u00e9", egrave: "\u00e8", ecirc: "\u00ea", aacute: "\u00e1",
    agrave: "\u00e0", acirc: "\u00e2", ccedil: "\u00e7", ntilde: "\u00f1", oacute: "\u00f3", iacute: "\u00ed",
    uacute: "\u00fa", larr: "\u2190", rarr: "\u2192", uarr: "\u2191", darr: "\u2193", hearts: "\u2665", check: "\u2713",
    ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009", zwnj: "\u200c", zwj: "\u200d"
  };

  function decodeEntities(s) {
    if (s.indexOf("&") === -1) return s;
    return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, function (m, ent) {
      if (ent.charAt(0) === "#") {
        var code = ent.charAt(1) === "x" || ent.charAt(1) === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
        return String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, ent) ? ENTITIES[ent] : m;
    });
  }

  // ---- nodes (shaped like domhandler's, which scripts sometimes poke at) --------------

  function makeNode(type, props) {
    var n = { type: type, parent: null, prev: null, next: null };
    Object.keys(props).forEach(function (k) { n[k] = props[k]; });
    return n;
  }
  function appendChild(parent, child) {
    var kids = parent.children;
    var last = kids[kids.length - 1] || null;
    // adjacent text merges, as a browser would
    if (child.type === "text" && last && last.type === "text") { last.data += child.data; return last; }
    child.parent = parent;
    child.prev = last;
    if (last) last.next = child;
    kids.push(child);
    return child;
  }
  function elementType(name) { return name === "script" ? "script" : name === "style" ? "style" : "tag"; }

  // ---- parsing --------------------------------------------------------------------

  function parseHtml(html, xmlMode) {
    html = String(html === undefined || html === null ? "" : html);
    var root = makeNode("root", { name: "root", children: [], attribs: {} });
    var stack = [root];
    var pos = 0, len = html.length;
    function current() { return stack[stack.length - 1]; }
    function closeUntil(name) {
      for (var i = stack.length - 1; i > 0; i--) {
        if (stack[i].name === name) { stack.length = i; return true; }
      }
      return false;
    }
    function openElement(name, attribs, selfClosing) {
      if (!xmlMode && legacy) {
        var closes = LEGACY_CLOSE[name];
        while (closes && current() !== root && closes[current().name]) stack.pop();
      } else if (!xmlMode) {
        if (CLOSES_P[name] && hasOpen("p")) closeUntil("p");
        var implied = IMPLIED_END[name];
        if (implied) {
          var top = current();
          while (top !== root && implied[top.name]) { stack.pop(); top = current(); }
        }
      }
      var el = makeNode(elementType(name), { name: name, attribs: attribs, children: [] });
      appendChild(current(), el);
      if (selfClosing && (xmlMode || VOID[name])) return el;
      if (!xmlMode && VOID[name]) return el;
      stack.push(el);
      return el;
    }
    function hasOpen(name) {
      for (var i = stack.length - 1; i > 0; i--) {
        if (stack[i].name === name) return true;
        if (stack[i].name === "table" || stack[i].name === "button") return false;
      }
      return false;
    }

    while (pos < len) {
      var lt = html.indexOf("<", pos);
      if (lt === -1) lt = len;
      if (lt > pos) {
        appendChild(current(), makeNode("text", { data: decodeEntities(html.slice(pos, lt)) }));
        pos = lt;
        continue;
      }
      if (html.startsWith("<!--", pos)) {
        var cEnd = html.indexOf("-->", pos + 4);
        var stop = cEnd === -1 ? len : cEnd;
        appendChild(current(), makeNode("comment", { data: html.slice(pos + 4, stop) }));
        pos = cEnd === -1 ? len : cEnd + 3;
        continue;
      }
      if (html.startsWith("<![CDATA[", pos) && xmlMode) {
        var dEnd = html.indexOf("]]>", pos);
        var dStop = dEnd === -1 ? len : dEnd;
        appendChild(current(), makeNode("text", { data: html.slice(pos + 9, dStop) }));
        pos = dEnd === -1 ? len : dEnd + 3;
        continue;
      }
      if (html.startsWith("<!", pos) || html.startsWith("<?", pos)) {
        var gt = html.indexOf(">", pos);
        var body = html.slice(pos + 2, gt === -1 ? len : gt);
        appendChild(current(), makeNode("directive", { name: "!" + (/^\S*/.exec(body)[0] || "").toLowerCase(), data: html.slice(pos + 1, gt === -1 ? len : gt) }));
        pos = gt === -1 ? len : gt + 1;
        continue;
      }
      var m = /^<\/([A-Za-z][^\s\/>]*)[^>]*>/.exec(html.slice(pos, pos + 256));
      if (m) {
        var closeName = xmlMode ? m[1] : m[1].toLowerCase();
        if (!xmlMode && closeName === "p" && !hasOpen("p")) openElement("p", {}, false);
        if (!xmlMode && closeName === "br") openElement("br", {}, true);
        else closeUntil(closeName);
        pos += m[0].length;
        continue;
      }
      var open = /^<([A-Za-z][^\s\/>]*)/.exec(html.slice(pos, pos + 256));
      if (!open) {
        appendChild(current(), makeNode("text", { data: "<" }));
        pos++;
        continue;
      }
      var name = xmlMode ? open[1] : open[1].toLowerCase();
      pos += open[0].length;
      var attribs = {};
      var selfClosing = false;
      for (;;) {
        while (pos < len && /[\s\/]/.test(html.charAt(pos))) {
          if (html.charAt(pos) === "/" && html.charAt(pos + 1) === ">") break;
          pos++;
        }
        if (pos >= len) break;
        if (html.charAt(pos) === ">") { pos++; break; }
        if (html.charAt(pos) === "/" && html.charAt(pos + 1) === ">") { selfClosing = true; pos += 2; break; }
        var an = /^[^\s\/>=]+/.exec(html.slice(pos));
        if (!an) { pos++; continue; }
        var attrName = xmlMode ? an[0] : an[0].toLowerCase();
        pos += an[0].length;
        while (pos < len && /\s/.test(html.charAt(pos))) pos++;
        var value = "";
        if (html.charAt(pos) === "=") {
          pos++;
          while (pos < len && /\s/.test(html.charAt(pos))) pos++;
          var q = html.charAt(pos);
          if (q === '"' || q === "'") {
            var vEnd = html.indexOf(q, pos + 1);
            if (vEnd === -1) vEnd = len;
            value = html.slice(pos + 1, vEnd);
            pos = vEnd + 1;
          } else {
            var uv = /^[^\s>]*/.exec(html.slice(pos))[0];
            value = uv;
            pos += uv.length;
          }
          value = decodeEntities(value);
        }
        if (!Object.prototype.hasOwnProperty.call(attribs, attrName)) attribs[attrName] = value;
      }
      var el = openElement(name, attribs, selfClosing);
      if (!xmlMode && RAW_TEXT[name] && !selfClosing) {
        var endRe = new RegExp("</" + name + "\\s*>", "i");
        var rest = html.slice(pos);
        var em = endRe.exec(rest);
        var raw = em ? rest.slice(0, em.index) : rest;
        if (raw) appendChild(el, makeNode("text", { data: ESCAPABLE_RAW[name] ? decodeEntities(raw) : raw }));
        pos += em ? em.index + em[0].length : rest.length;
        closeUntil(name);
      }
    }
    return root;
  }

  // Give an HTML fragment the html/head/body skeleton a browser (and parse5) builds.
  function ensureDocument(root) {
    function findChild(parent, name) {
      for (var i = 0; i < parent.children.length; i++) if (parent.children[i].name === name && parent.children[i].type !== "directive") return parent.children[i];
      return null;
    }
    var htmlEl = findChild(root, "html");
    if (!htmlEl) {
      htmlEl = makeNode("tag", { name: "html", attribs: {}, children: [] });
      var kept = root.children.filter(function (c) { return c.type === "directive"; });
      var moved = root.children.filter(function (c) { return c.type !== "directive"; });
      root.children = [];
      kept.forEach(function (c) { c.prev = c.next = null; appendChild(root, c); });
      appendChild(root, htmlEl);
      moved.forEach(function (c) { c.prev = c.next = null; appendChild(htmlEl, c); });
    }
    var head = findChild(htmlEl, "head");
    var body = findChild(htmlEl, "body");
    if (head && body) return;
    var children = htmlEl.children;
    htmlEl.children = [];
    if (!head) head = makeNode("tag", { name: "head", attribs: {}, children: [] });
    if (!body) body = makeNode("tag", { name: "body", attribs: {}, children: [] });
    var inHead = true;
    children.forEach(function (c) {
      c.prev = c.next = null;
      if (c === head || c === body) return;
      if (inHead && (HEAD_TAGS[c.name] && c.type !== "text") ) { appendChild(head, c); return; }
      if (inHead && c.type === "text" && /^\s*$/.test(c.data)) return;
      if (inHead && c.type === "comment") { appendChild(htmlEl.children.length ? body : head, c); return; }
      inHead = false;
      appendChild(body, c);
    });
    appendChild(htmlEl, head);
    appendChild(htmlEl, body);
  }

  // ---- serialising ---------------------------------------------------------------------

  // cheerio 0.22 (entities' encodeXML): the five XML specials by name, non-ASCII by code point
  function encodeXML(s) {
    var named = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
    return s.replace(/[&<>"']|[\ud800-\udbff][\udc00-\udfff]|[^\u0000-\u007f]/g, function (c) {
      return named[c] || "&#x" + c.codePointAt(0).toString(16).toUpperCase() + ";";
    });
  }
  function escapeText(s) { return s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function escapeAttr(s) { return s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/"/g, "&quot;"); }

  function render(node, xmlMode) {
    switch (node.type) {
      case "text":
        if (node.parent && !xmlMode && RAW_TEXT[node.parent.name] && !ESCAPABLE_RAW[node.parent.name]) return node.data;
        if (legacy) return encodeXML(node.data);
        return xmlMode ? node.data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : escapeText(node.data);
      case "comment": return "<!--" + node.data + "-->";
      case "directive": return "<" + node.data + ">";
      case "root": return node.children.map(function (c) { return render(c, xmlMode); }).join("");
    }
    var attrs = Object.keys(node.attribs).map(function (k) {
      if (legacy && !xmlMode && node.attribs[k] === "") return " " + k;
      if (legacy) return " " + k + '="' + encodeXML(node.attribs[k]) + '"';
      return " " + k + '="' + (xmlMode ? node.attribs[k].replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;") : escapeAttr(node.attribs[k])) + '"';
    }).join("");
    if (xmlMode && !node.children.length) return "<" + node.name + attrs + "/>";
    if (!xmlMode && VOID[node.name]) return "<" + node.name + attrs + ">";
    return "<" + node.name + attrs + ">" + node.children.map(function (c) { return render(c, xmlMode); }).join("") + "</" + node.name + ">";
  }

  function textOf(node) {
    if (node.type === "text") return node.data;
    if (node.type === "comment" || node.type === "directive") return "";
    return (node.children || []).map(textOf).join("");
  }

  function isElement(n) { return n && (n.type === "tag" || n.type === "script" || n.type === "style"); }
  function elementChildren(n) { return (n.children || []).filter(isElement); }

  // ---- selectors -------------------------------------------------------------------------

  function SelectorError(sel, why) { return new SyntaxError("Unsupported or malformed selector '" + sel + "': " + why); }

  /* Parse "a > b.c, d" into groups of steps: [{combinator, compound: {tag, ids, classes, attrs, pseudos}}] */
  function parseSelector(sel) {
    var src = String(sel);
    var i = 0;
    var groups = [];
    var steps = [];
    var combinator = " ";
    function ws() { var s = i; while (i < src.length && /\s/.test(src.charAt(i))) i++; return i > s; }
    function ident() {
      var m = /^(?:\\.|[A-Za-z0-9_\-\u00a0-\uffff])+/.exec(src.slice(i));
      if (!m) throw SelectorError(src, "expected a name at " + i);
      i += m[0].length;
      return m[0].replace(/\\(.)/g, "$1");
    }
    function parens() {
      if (src.charAt(i) !== "(") throw SelectorError(src, "expected ( at " + i);
      var depth = 0, start = i;
      for (; i < src.length; i++) {
        var ch = src.charAt(i);
        if (ch === "(") depth++;
        else if (ch === ")") { depth--; if (depth === 0) { i++; return src.slice(start + 1, i - 1); } }
        else if (ch === '"' || ch === "'") { var e = src.indexOf(ch, i + 1); i = e === -1 ? src.length : e; }
      }
      throw SelectorError(src, "unclosed (");
    }
    function compound() {
      var c = { tag: null, ids: [], classes: [], attrs: [], pseudos: [] };
      var any = false;
      for (;;) {
        var ch = src.charAt(i);
        if (ch === "*") { i++; c.tag = "*"; }
        else if (/[A-Za-z_\-\\]/.test(ch) && !any) { c.tagRaw = ident(); c.tag = c.tagRaw.toLowerCase(); }
        else if (ch === "#") { i++; c.ids.push(ident()); }
        else if (ch === ".") { i++; c.classes.push(ident()); }
        else if (ch === "[") {
          var m = /^\[\s*([^\s~|^$*!=\]]+)\s*(?:([~|^$*!]?=)\s*(?:"((?:\\.|[^"])*)"|'((?:\\.|[^'])*)'|([^\]\s]*))\s*(i)?\s*)?\]/.exec(src.slice(i));
          if (!m) throw SelectorError(src, "bad attribute selector at " + i);
          var val = m[3] !== undefined ? m[3] : m[4] !== undefined ? m[4] : m[5];
          c.attrs.push({ name: m[1].toLowerCase(), op: m[2] || null, value: val === undefined ? null : val.replace(/\\(.)/g, "$1"), ci: !!m[6] });
          i += m[0].length;
        } else if (ch === ":") {
          i++;
          if (src.charAt(i) === ":") i++;
          var name = ident().toLowerCase();
          var arg = src.charAt(i) === "(" ? parens() : null;
          c.pseudos.push({ name: name, arg: arg });
        } else break;
        any = true;
      }
      if (!any) throw SelectorError(src, "expected a selector at " + i);
      return c;
    }
    ws();
    while (i < src.length) {
      steps.push({ combinator: combinator, compound: compound() });
      var hadWs = ws();
      var ch = src.charAt(i);
      if (ch === ",") { i++; ws(); groups.push(steps); steps = []; combinator = " "; continue; }
      if (ch === ">" || ch === "+" || ch === "~") { combinator = ch; i++; ws(); continue; }
      if (i >= src.length) break;
      if (!hadWs) throw SelectorError(src, "unexpected '" + ch + "' at " + i);
      combinator = " ";
    }
    if (steps.length) groups.push(steps);
    if (!groups.length) throw SelectorError(src, "empty selector");
    return groups;
  }

  var POSITIONAL = { first: 1, last: 1, eq: 1, gt: 1, lt: 1, even: 1, odd: 1 };

  function nthMatches(expr, index1) {
    expr = expr.replace(/\s+/g, "").toLowerCase();
    if (expr === "odd") expr = "2n+1";
    if (expr === "even") expr = "2n";
    var m = /^([+-]?\d*)n([+-]\d+)?$/.exec(expr);
    if (!m) return index1 === parseInt(expr, 10);
    var a = m[1] === "" || m[1] === "+" ? 1 : m[1] === "-" ? -1 : parseInt(m[1], 10);
    var b = m[2] ? parseInt(m[2], 10) : 0;
    if (a === 0) return index1 === b;
    var n = (index1 - b) / a;
    return n >= 0 && Math.floor(n) === n;
  }

  function attrMatches(el, a) {
    if (!Object.prototype.hasOwnProperty.call(el.attribs, a.name)) return false;
    if (a.op === null) return true;
    var v = el.attribs[a.name];
    var want = a.value;
    if (a.ci) { v = v.toLowerCase(); want = want.toLowerCase(); }
    switch (a.op) {
      case "=": return v === want;
      case "!=": return v !== want;
      case "~=": return want !== "" && v.split(/\s+/).indexOf(want) !== -1;
      case "|=": return v === want || v.indexOf(want + "-") === 0;
      case "^=": return want !== "" && v.indexOf(want) === 0;
      case "$=": return want !== "" && v.slice(-want.length) === want;
      case "*=": return want !== "" && v.indexOf(want) !== -1;
    }
    return false;
  }

  function matchesCompound(el, c, ctx) {
    if (!isElement(el)) return false;
    if (c.tag && c.tag !== "*" && (ctx.xmlMode ? el.name !== c.tagRaw : el.name.toLowerCase() !== c.tag)) return false;
    var classes = c.classes.length ? (el.attribs["class"] || "").split(/\s+/) : null;
    for (var i = 0; i < c.ids.length; i++) if (el.attribs.id !== c.ids[i]) return false;
    for (var j = 0; j < c.classes.length; j++) if (classes.indexOf(c.classes[j]) === -1) return false;
    for (var k = 0; k < c.attrs.length; k++) if (!attrMatches(el, c.attrs[k])) return false;
    for (var p = 0; p < c.pseudos.length; p++) {
      var ps = c.pseudos[p];
      if (POSITIONAL[ps.name]) continue;
      if (!matchesPseudo(el, ps, ctx)) return false;
    }
    return true;
  }

  function matchesPseudo(el, ps, ctx) {
    var siblings = el.parent ? elementChildren(el.parent) : [el];
    var idx = siblings.indexOf(el);
    switch (ps.name) {
      case "first-child": return idx === 0;
      case "last-child": return idx === siblings.length - 1;
      case "only-child": return siblings.length === 1;
      case "nth-child": return nthMatches(ps.arg || "", idx + 1);
      case "nth-last-child": return nthMatches(ps.arg || "", siblings.length - idx);
      case "first-of-type": return siblings.filter(function (s) { return s.name === el.name; })[0] === el;
      case "last-of-type": var same = siblings.filter(function (s) { return s.name === el.name; }); return same[same.length - 1] === el;
      case "nth-of-type": return nthMatches(ps.arg || "", siblings.filter(function (s) { return s.name === el.name; }).indexOf(el) + 1);
      case "not": return !selectFrom([ctx.root], ps.arg, ctx, true).some(function (n) { return n === el; });
      case "has": return selectFrom([el], ps.arg, ctx, false).length > 0;
      case "contains": return textOf(el).indexOf(ps.arg.replace(/^["']|["']$/g, "")) !== -1;
      case "empty": return !(el.children || []).some(function (c) { return isElement(c) || (c.type === "text" && c.data.length); });
      case "parent": return !matchesPseudo(el, { name: "empty" }, ctx);
      case "checked": return Object.prototype.hasOwnProperty.call(el.attribs, "checked") || (el.name === "option" && Object.prototype.hasOwnProperty.call(el.attribs, "selected"));
      case "selected": return el.name === "option" && Object.prototype.hasOwnProperty.call(el.attribs, "selected");
      case "disabled": return Object.prototype.hasOwnProperty.call(el.attribs, "disabled");
      case "enabled": return /^(input|button|select|textarea|option)$/.test(el.name) && !Object.prototype.hasOwnProperty.call(el.attribs, "disabled");
      case "header": return /^h[1-6]$/.test(el.name);
      case "input": return /^(input|select|textarea|button)$/.test(el.name);
      case "text": return el.name === "input" && (el.attribs.type || "text").toLowerCase() === "text";
      case "checkbox": case "radio": case "submit": case "password": case "file": case "button":
        return el.name === "input" && (el.attribs.type || "").toLowerCase() === ps.name;
      case "root": return el.parent && el.parent.type === "root";
    }
    throw SelectorError(":" + ps.name, "unknown pseudo-class");
  }

  function applyPositional(set, pseudos) {
    pseudos.forEach(function (ps) {
      if (!POSITIONAL[ps.name]) return;
      var n = ps.arg === null ? 0 : parseInt(ps.arg, 10);
      switch (ps.name) {
        case "first": set = set.slice(0, 1); break;
        case "last": set = set.slice(-1); break;
        case "eq": set = (n < 0 ? set.slice(n, n + 1 || undefined) : set.slice(n, n + 1)); break;
        case "gt": set = set.slice(n < 0 ? set.length + n + 1 : n + 1); break;
        case "lt": set = set.slice(0, n < 0 ? Math.max(set.length + n, 0) : n); break;
        case "even": set = set.filter(function (x, i) { return i % 2 === 0; }); break;
        case "odd": set = set.filter(function (x, i) { return i % 2 === 1; }); break;
      }
    });
    return set;
  }

  function descendants(node, out) {
    (node.children || []).forEach(function (c) {
      if (isElement(c)) { out.push(c); descendants(c, out); }
    });
    return out;
  }

  function documentOrder(nodes, root) {
    var order = new Map();
    var k = 0;
    (function walk(n) { order.set(n, k++); (n.children || []).forEach(walk); })(root);
    var seen = new Set();
    return nodes.filter(function (n) { if (seen.has(n)) return false; seen.add(n); return true; })
      .sort(function (a, b) { return (order.get(a) || 0) - (order.get(b) || 0); });
  }

  // Evaluate `sel` with `contexts` as the starting set (find semantics: descendants).
  function selectFrom(contexts, sel, ctx, includeSelf) {
    var groups = parseSelector(sel);
    var result = [];
    groups.forEach(function (steps) {
      var set = contexts;
      steps.forEach(function (step, si) {
        var next = [];
        set.forEach(function (node) {
          var cands;
          if (si === 0 && includeSelf) cands = [node].concat(descendants(node, []));
          else if (step.combinator === " ") cands = descendants(node, []);
          else if (step.combinator === ">") cands = elementChildren(node);
          else if (step.combinator === "+") { var nx = node.next; while (nx && !isElement(nx)) nx = nx.next; cands = nx ? [nx] : []; }
          else { cands = []; var s = node.next; while (s) { if (isElement(s)) cands.push(s); s = s.next; } }
          cands.forEach(function (c) { if (matchesCompound(c, step.compound, ctx)) next.push(c); });
        });
        set = applyPositional(documentOrder(next, ctx.root), step.compound.pseudos);
      });
      result = result.concat(set);
    });
    return documentOrder(result, ctx.root);
  }

  // ---- the selection object --------------------------------------------------------------

  function Selection(nodes, ctx) {
    var self = this;
    nodes.forEach(function (n, i) { self[i] = n; });
    Object.defineProperty(this, "length", { value: nodes.length, writable: true, enumerable: false });
    Object.defineProperty(this, "_ctx", { value: ctx, enumerable: false });
    Object.defineProperty(this, "options", { value: ctx.options, enumerable: false });
  }
  var S = Selection.prototype;
  S.cheerio = "[cheerio object]";
  S._nodes = function () { var a = []; for (var i = 0; i < this.length; i++) a.push(this[i]); return a; };
  S._wrap = function (nodes) { return new Selection(nodes, this._ctx); };
  S.toArray = function () { return this._nodes(); };
  S.get = function (i) {
    if (i === undefined) return this._nodes();
    return this[i < 0 ? this.length + i : i];
  };
  S.each = function (fn) {
    for (var i = 0; i < this.length; i++) if (fn.call(this[i], i, this[i]) === false) break;
    return this;
  };
  S.map = function (fn) {
    var out = [];
    for (var i = 0; i < this.length; i++) {
      var v = fn.call(this[i], i, this[i]);
      if (v === null || v === undefined) continue;
      out = out.concat(v);
    }
    return this._wrap(out);
  };
  S.filter = function (what) {
    var nodes = this._nodes();
    var ctx = this._ctx;
    if (typeof what === "function") return this._wrap(nodes.filter(function (n, i) { return what.call(n, i, n); }));
    if (typeof what === "string") {
      var matched = selectFrom([ctx.root], what, ctx, true);
      return this._wrap(nodes.filter(function (n) { return matched.indexOf(n) !== -1; }));
    }
    var others = what instanceof Selection ? what._nodes() : [].concat(what);
    return this._wrap(nodes.filter(function (n) { return others.indexOf(n) !== -1; }));
  };
  S.not = function (what) {
    var keep = this.filter(what)._nodes();
    return this._wrap(this._nodes().filter(function (n) { return keep.indexOf(n) === -1; }));
  };
  S.is = function (what) { return this.filter(what).length > 0; };
  S.find = function (sel) {
    if (typeof sel !== "string") {
      var targets = sel instanceof Selection ? sel._nodes() : [].concat(sel);
      var mine = this._nodes();
      return this._wrap(targets.filter(function (t) {
        for (var p = t.parent; p; p = p.parent) if (mine.indexOf(p) !== -1) return true;
        return false;
      }));
    }
    return this._wrap(selectFrom(this._nodes(), sel, this._ctx, false));
  };
  S.first = function () { return this._wrap(this.length ? [this[0]] : []); };
  S.last = function () { return this._wrap(this.length ? [this[this.length - 1]] : []); };
  S.eq = function (i) { i = +i; var n = this[i < 0 ? this.length + i : i]; return this._wrap(n ? [n] : []); };
  S.slice = function (a, b) { return this._wrap(this._nodes().slice(a, b)); };
  S.add = function (other) {
    var more = typeof other === "string" ? selectFrom([this._ctx.root], other, this._ctx, false) : other instanceof Selection ? other._nodes() : [].concat(other);
    return this._wrap(documentOrder(this._nodes().concat(more), this._ctx.root));
  };
  S.end = function () { return this; };
  S.index = function (sel) {
    if (sel === undefined) {
      var n = this[0];
      if (!n || !n.parent) return -1;
      return elementChildren(n.parent).indexOf(n);
    }
    var target = typeof sel === "string" ? this._wrap(selectFrom([this._ctx.root], sel, this._ctx, false)) : sel;
    return target instanceof Selection ? target._nodes().indexOf(this[0]) : this._nodes().indexOf(sel);
  };
  function filtered(sel, nodes, selection) {
    nodes = documentOrder(nodes, selection._ctx.root);
    var w = selection._wrap(nodes);
    return sel ? w.filter(sel) : w;
  }
  S.children = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { out = out.concat(elementChildren(n)); });
    return filtered(sel, out, this);
  };
  S.contents = function () {
    var out = [];
    this._nodes().forEach(function (n) { out = out.concat(n.children || []); });
    return this._wrap(out);
  };
  S.parent = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { if (n.parent && n.parent.type !== "root") out.push(n.parent); });
    return filtered(sel, out, this);
  };
  S.parents = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { for (var p = n.parent; p && p.type !== "root"; p = p.parent) out.push(p); });
    var ordered = documentOrder(out, this._ctx.root).reverse();
    var w = this._wrap(ordered);
    return sel ? w.filter(sel) : w;
  };
  S.closest = function (sel) {
    var out = [];
    var ctx = this._ctx;
    var matched = selectFrom([ctx.root], sel, ctx, true);
    this._nodes().forEach(function (n) {
      for (var p = n; p && p.type !== "root"; p = p.parent) if (matched.indexOf(p) !== -1) { out.push(p); break; }
    });
    return this._wrap(documentOrder(out, ctx.root));
  };
  S.next = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { var x = n.next; while (x && !isElement(x)) x = x.next; if (x) out.push(x); });
    return filtered(sel, out, this);
  };
  S.prev = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { var x = n.prev; while (x && !isElement(x)) x = x.prev; if (x) out.push(x); });
    return filtered(sel, out, this);
  };
  S.nextAll = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { for (var x = n.next; x; x = x.next) if (isElement(x)) out.push(x); });
    return filtered(sel, out, this);
  };
  S.prevAll = function (sel) {
    var out = [];
    this._nodes().forEach(function (n) { for (var x = n.prev; x; x = x.prev) if (isElement(x)) out.push(x); });
    var w = this._wrap(documentOrder(out, this._ctx.root).reverse());
    return sel ? w.filter(sel) : w;
  };
  S.siblings = function (sel) {
    var out = [];
    var mine = this._nodes();
    mine.forEach(function (n) {
      if (n.parent) elementChildren(n.parent).forEach(function (s) { if (s !== n) out.push(s); });
    });
    return filtered(sel, out, this);
  };
  S.text = function (value) {
    if (value !== undefined) {
      this._nodes().forEach(function (n) {
        n.children = [];
        appendChild(n, makeNode("text", { data: String(typeof value === "function" ? value() : value) }));
      });
      return this;
    }
    return this._nodes().map(textOf).join("");
  };
  S.html = function (value) {
    var xmlMode = this._ctx.xmlMode;
    if (value !== undefined) {
      this._nodes().forEach(function (n) {
        n.children = [];
        parseHtml(String(value), xmlMode).children.forEach(function (c) { c.prev = c.next = null; appendChild(n, c); });
      });
      return this;
    }
    if (!this.length) return null;
    return (this[0].children || []).map(function (c) { return render(c, xmlMode); }).join("");
  };
  S.toString = function () { var x = this._ctx.xmlMode; return this._nodes().map(function (n) { return render(n, x); }).join(""); };
  S.attr = function (name, value) {
    if (name !== null && typeof name === "object") {
      var self = this;
      Object.keys(name).forEach(function (k) { self.attr(k, name[k]); });
      return this;
    }
    if (value !== undefined) {
      this._nodes().forEach(function (n, i) {
        if (!isElement(n)) return;
        if (value === null) delete n.attribs[name];
        else n.attribs[name] = String(typeof value === "function" ? value.call(n, i, n.attribs[name]) : value);
      });
      return this;
    }
    var el = this[0];
    if (!isElement(el)) return undefined;
    if (name === undefined) return Object.assign({}, el.attribs);
    return Object.prototype.hasOwnProperty.call(el.attribs, name) ? el.attribs[name] : undefined;
  };
  S.removeAttr = function (name) { this._nodes().forEach(function (n) { if (n.attribs) delete n.attribs[name]; }); return this; };
  S.prop = function (name) {
    var el = this[0];
    if (!isElement(el)) return undefined;
    if (name === "tagName" || name === "nodeName") return el.name.toUpperCase();
    if (name === "checked" || name === "selected" || name === "disabled") return Object.prototype.hasOwnProperty.call(el.attribs, name);
    if (name === "innerHTML") return this.html();
    if (name === "outerHTML") return render(el, this._ctx.xmlMode);
    if (name === "textContent" || name === "innerText") return textOf(el);
    return el.attribs[name];
  };
  S.data = function (key) {
    var el = this[0];
    if (!isElement(el)) return undefined;
    function convert(v) {
      if (v === "true") return true;
      if (v === "false") return false;
      if (v === "null") return null;
      if (v !== "" && !isNaN(Number(v)) && String(Number(v)) === v) return Number(v);
      if (/^[\[{]/.test(v)) { try { return JSON.parse(v); } catch (e) { return v; } }
      return v;
    }
    var out = {};
    Object.keys(el.attribs).forEach(function (k) {
      if (k.indexOf("data-") !== 0) return;
      var camel = k.slice(5).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
      out[camel] = convert(el.attribs[k]);
    });
    return key === undefined ? out : out[key.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })];
  };
  S.val = function () {
    var el = this[0];
    if (!isElement(el)) return undefined;
    if (el.name === "select") {
      var opts = descendants(el, []).filter(function (n) { return n.name === "option"; });
      var selected = opts.filter(function (o) { return Object.prototype.hasOwnProperty.call(o.attribs, "selected"); });
      var valueOf = function (o) { return o.attribs.value !== undefined ? o.attribs.value : textOf(o); };
      if (Object.prototype.hasOwnProperty.call(el.attribs, "multiple")) return selected.map(valueOf);
      var pick = selected.length ? selected[selected.length - 1] : opts[0];
      return pick ? valueOf(pick) : undefined;
    }
    if (el.name === "textarea") return textOf(el);
    if (el.name === "option") return el.attribs.value !== undefined ? el.attribs.value : textOf(el);
    if (el.name === "input") {
      var t = (el.attribs.type || "").toLowerCase();
      if ((t === "checkbox" || t === "radio") && el.attribs.value === undefined) return "on";
      return el.attribs.value;
    }
    return el.attribs.value;
  };
  S.hasClass = function (cls) {
    return this._nodes().some(function (n) { return isElement(n) && (n.attribs["class"] || "").split(/\s+/).indexOf(cls) !== -1; });
  };
  S.addClass = function (cls) {
    this._nodes().forEach(function (n) {
      if (!isElement(n)) return;
      var list = (n.attribs["class"] || "").split(/\s+/).filter(Boolean);
      String(cls).split(/\s+/).forEach(function (c) { if (c && list.indexOf(c) === -1) list.push(c); });
      n.attribs["class"] = list.join(" ");
    });
    return this;
  };
  S.removeClass = function (cls) {
    this._nodes().forEach(function (n) {
      if (!isElement(n) || n.attribs["class"] === undefined) return;
      var drop = cls === undefined ? null : String(cls).split(/\s+/);
      n.attribs["class"] = drop === null ? "" : n.attribs["class"].split(/\s+/).filter(function (c) { return c && drop.indexOf(c) === -1; }).join(" ");
    });
    return this;
  };
  S.remove = function () {
    this._nodes().forEach(function (n) {
      var p = n.parent;
      if (!p) return;
      var i = p.children.indexOf(n);
      if (i === -1) return;
      if (n.prev) n.prev.next = n.next;
      if (n.next) n.next.prev = n.prev;
      p.children.splice(i, 1);
      n.parent = n.prev = n.next = null;
    });
    return this;
  };
  S.serializeArray = function () {
    var out = [];
    var fields = [];
    this._nodes().forEach(function (n) {
      if (n.name === "form") fields = fields.concat(descendants(n, []));
      else fields.push(n);
    });
    var self = this;
    fields.forEach(function (f) {
      if (!/^(input|select|textarea)$/.test(f.name) || !f.attribs.name || Object.prototype.hasOwnProperty.call(f.attribs, "disabled")) return;
      var t = (f.attribs.type || "").toLowerCase();
      if (/^(submit|button|image|reset|file)$/.test(t)) return;
      if ((t === "checkbox" || t === "radio") && !Object.prototype.hasOwnProperty.call(f.attribs, "checked")) return;
      var v = self._wrap([f]).val();
      [].concat(v === undefined ? "" : v).forEach(function (x) { out.push({ name: f.attribs.name, value: String(x).replace(/\r?\n/g, "\r\n") }); });
    });
    return out;
  };
  S.serialize = function () {
    return this.serializeArray().map(function (p) {
      return encodeURIComponent(p.name).replace(/%20/g, "+") + "=" + encodeURIComponent(p.value).replace(/%20/g, "+");
    }).join("&");
  };
  if (typeof Symbol !== "undefined") S[Symbol.iterator] = function () { return this._nodes()[Symbol.iterator](); };

  // ---- load ---------------------------------------------------------------------------

  function load(content, options, isDocument) {
    options = options || {};
    var xmlMode = !!(options.xmlMode || options.xml);
    var root;
    if (content && typeof content === "object" && content.type) {
      root = content.type === "root" ? content : (function () { var r = makeNode("root", { name: "root", children: [], attribs: {} }); appendChild(r, content); return r; })();
    } else {
      root = parseHtml(content, xmlMode);
      if (!xmlMode && !legacy && isDocument !== false) ensureDocument(root);
    }
    var ctx = { root: root, xmlMode: xmlMode, options: options };
    function $(selector, context) {
      if (selector === undefined || selector === null || selector === "") return new Selection([], ctx);
      if (selector instanceof Selection) return selector;
      if (typeof selector === "object") return new Selection([].concat(selector), ctx);
      var s = String(selector);
      if (/^\s*</.test(s)) {
        var frag = parseHtml(s, xmlMode);
        return new Selection(frag.children.slice(), ctx);
      }
      if (context !== undefined) {
        var base = typeof context === "string" ? new Selection(selectFrom([root], context, ctx, false), ctx) : $(context);
        return base.find(s);
      }
      return new Selection(selectFrom([root], s, ctx, false), ctx);
    }
    $.root = function () { return new Selection([root], ctx); };
    $.html = function (sel) {
      if (sel === undefined) return render(root, xmlMode);
      var w = sel instanceof Selection ? sel : $(sel);
      return w._nodes().map(function (n) { return render(n, xmlMode); }).join("");
    };
    $.xml = function (sel) {
      var w = sel === undefined ? $.root() : sel instanceof Selection ? sel : $(sel);
      return w._nodes().map(function (n) { return render(n, true); }).join("");
    };
    $.text = function (sel) {
      var nodes = sel === undefined ? [root] : (sel instanceof Selection ? sel._nodes() : [].concat(sel));
      return nodes.map(textOf).join("");
    };
    $.contains = function (container, contained) {
      for (var p = contained && contained.parent; p; p = p.parent) if (p === container) return true;
      return false;
    };
    $.parseHTML = function (html) { return parseHtml(String(html), false).children.slice(); };
    $.load = load;
    $.fn = S;
    $._root = root;
    return $;
  }

  var cheerio = {
    load: load,
    html: function (sel) { return sel instanceof Selection ? sel.toString() : ""; },
    text: function (nodes) { return [].concat(nodes || []).map(textOf).join(""); },
    contains: function (container, contained) {
      for (var p = contained && contained.parent; p; p = p.parent) if (p === container) return true;
      return false;
    },
    parseHTML: function (html) { return parseHtml(String(html), false).children.slice(); }
  };
  cheerio.default = cheerio;
  return cheerio;
  };
});

__pmr_define("cheerio", function (require) { return require("__pmr_cheerio_factory")(true); });
__pmr_define("__pmr_cheerio_rc", function (require) { return require("__pmr_cheerio_factory")(false); });
