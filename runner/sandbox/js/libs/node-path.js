/*
 * Node's `path` module (POSIX flavour) for Postman scripts.
 * Why: scripts build file names and URL paths with path.join/basename; Postman's sandbox
 * offers the POSIX variant whatever the host OS, so there is no win32 logic here.
 * The sandbox has no process, so resolve() treats "/" as the working directory.
 */
__pmr_define("path", function (require) {
  "use strict";

  function assertPath(p, name) {
    if (typeof p !== "string") {
      var err = new TypeError('The "' + (name || "path") + '" argument must be of type string. Received ' +
        (p === null ? "null" : p === undefined ? "undefined" : "type " + typeof p + " (" + String(p) + ")"));
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
  }

  // Resolve "." and ".." segments; `absolute` decides whether leading ".." survive.
  function normalizeSegments(p, absolute) {
    var out = [];
    p.split("/").forEach(function (seg) {
      if (seg === "" || seg === ".") return;
      if (seg === "..") {
        if (out.length && out[out.length - 1] !== "..") out.pop();
        else if (!absolute) out.push("..");
        return;
      }
      out.push(seg);
    });
    return out.join("/");
  }

  var path = {
    sep: "/",
    delimiter: ":",

    normalize: function (p) {
      assertPath(p);
      if (p.length === 0) return ".";
      var absolute = p.charAt(0) === "/";
      var trailing = p.charAt(p.length - 1) === "/";
      var body = normalizeSegments(p, absolute);
      if (!body && !absolute) body = ".";
      if (body && trailing) body += "/";
      return (absolute ? "/" : "") + body;
    },

    join: function () {
      var parts = [];
      for (var i = 0; i < arguments.length; i++) {
        assertPath(arguments[i]);
        if (arguments[i].length) parts.push(arguments[i]);
      }
      return parts.length ? path.normalize(parts.join("/")) : ".";
    },

    resolve: function () {
      var resolved = "";
      var absolute = false;
      for (var i = arguments.length - 1; i >= -1 && !absolute; i--) {
        var p = i >= 0 ? arguments[i] : "/";
        assertPath(p);
        if (!p.length) continue;
        resolved = p + "/" + resolved;
        absolute = p.charAt(0) === "/";
      }
      resolved = normalizeSegments(resolved, true);
      return "/" + resolved;
    },

    isAbsolute: function (p) {
      assertPath(p);
      return p.length > 0 && p.charAt(0) === "/";
    },

    relative: function (from, to) {
      assertPath(from, "from");
      assertPath(to, "to");
      if (from === to) return "";
      var f = path.resolve(from).split("/").filter(Boolean);
      var t = path.resolve(to).split("/").filter(Boolean);
      var i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      var up = [];
      for (var j = i; j < f.length; j++) up.push("..");
      return up.concat(t.slice(i)).join("/");
    },

    dirname: function (p) {
      assertPath(p);
      if (!p.length) return ".";
      var end = p.length;
      while (end > 1 && p.charAt(end - 1) === "/") end--;
      var idx = p.lastIndexOf("/", end - 1);
      if (idx === -1) return ".";
      if (idx === 0) return "/";
      var dir = p.slice(0, idx);
      while (dir.length > 1 && dir.charAt(dir.length - 1) === "/") dir = dir.slice(0, -1);
      return dir;
    },

    basename: function (p, ext) {
      assertPath(p);
      if (ext !== undefined) assertPath(ext, "ext");
      var end = p.length;
      while (end > 0 && p.charAt(end - 1) === "/") end--;
      if (end === 0) return "";
      var base = p.slice(p.lastIndexOf("/", end - 1) + 1, end);
      if (ext !== undefined && ext !== base && base.slice(-ext.length) === ext && ext.length) {
        base = base.slice(0, base.length - ext.length);
      }
      return base;
    },

    extname: function (p) {
      assertPath(p);
      var base = path.basename(p);
      var dot = base.lastIndexOf(".");
      if (dot <= 0 || base === "..") return "";
      return base.slice(dot);
    },

    parse: function (p) {
      assertPath(p);
      var root = p.charAt(0) === "/" ? "/" : "";
      var base = path.basename(p);
      var ext = path.extname(p);
      var dir = path.dirname(p);
      if (dir === "." && p.indexOf("/") === -1) dir = "";
      return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, base.length - ext.length) : base };
    },

    format: function (obj) {
      if (obj === null || typeof obj !== "object") {
        var err = new TypeError('The "pathObject" argument must be of type object. Received ' + (obj === null ? "null" : "type " + typeof obj));
        err.code = "ERR_INVALID_ARG_TYPE";
        throw err;
      }
      var dir = obj.dir || obj.root;
      var base = obj.base || ((obj.name || "") + (obj.ext ? (obj.ext.charAt(0) === "." ? "" : ".") + obj.ext : ""));
      if (!dir) return base;
      return dir === obj.root ? dir + base : dir + "/" + base;
    },

    toNamespacedPath: function (p) { return p; }
  };
  path.posix = path;
  return path;
});
