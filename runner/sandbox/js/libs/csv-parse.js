/*
 * csv-parse's synchronous API for Postman scripts: require('csv-parse/lib/sync') behaves like
 * csv-parse 1.2.4 (the version Postman bundles), require('csv-parse/sync') like csv-parse 4.
 * Why: Postman ships csv-parse so scripts can turn CSV response bodies into records; the
 * record shapes, casting rules and error codes/messages follow csv-parse 4 so existing
 * scripts and their assertions keep working. Written for pmreplay.
 */
__pmr_define("__pmr_csv_parse", function (require) {
  "use strict";

  function CsvError(code, message, extra) {
    var err = new Error(message);
    err.name = "CsvError";
    err.code = code;
    if (extra) Object.keys(extra).forEach(function (k) { err[k] = extra[k]; });
    return err;
  }

  // csv-parse 1.x (what Postman bundles) throws plain Errors without a code
  function LegacyError(message) { return new Error(message); }

  function optionError(name, value) {
    return CsvError("CSV_INVALID_OPTION_" + name.toUpperCase(),
      "Invalid option " + name + ": value must be valid, got " + JSON.stringify(value));
  }

  function normalizeOptions(opts, legacy) {
    opts = opts || {};
    if (legacy) {
      // csv-parse 1.x names: auto_parse(_date) and rowDelimiter
      opts = Object.assign({}, opts);
      if (opts.auto_parse && opts.cast === undefined) opts.cast = true;
      if (opts.auto_parse_date && opts.cast_date === undefined) opts.cast_date = true;
      if (opts.rowDelimiter !== undefined && opts.record_delimiter === undefined) opts.record_delimiter = opts.rowDelimiter;
    }
    function get(snake, camel) { return opts[snake] !== undefined ? opts[snake] : opts[camel]; }
    var o = {
      bom: !!get("bom", "bom"),
      cast: get("cast", "cast"),
      castDate: get("cast_date", "castDate"),
      columns: get("columns", "columns"),
      columnsDuplicatesToArray: !!get("columns_duplicates_to_array", "columnsDuplicatesToArray"),
      comment: get("comment", "comment") || "",
      delimiter: get("delimiter", "delimiter"),
      escape: get("escape", "escape"),
      fromLine: get("from_line", "fromLine"),
      toLine: get("to_line", "toLine"),
      from: get("from", "from"),
      to: get("to", "to"),
      objname: get("objname", "objname"),
      quote: get("quote", "quote"),
      raw: !!get("raw", "raw"),
      info: !!get("info", "info"),
      recordDelimiter: get("record_delimiter", "recordDelimiter"),
      relax: !!get("relax", "relax"),
      relaxColumnCount: !!get("relax_column_count", "relaxColumnCount"),
      relaxColumnCountLess: !!get("relax_column_count_less", "relaxColumnCountLess"),
      relaxColumnCountMore: !!get("relax_column_count_more", "relaxColumnCountMore"),
      skipEmptyLines: !!get("skip_empty_lines", "skipEmptyLines"),
      skipLinesWithEmptyValues: !!get("skip_lines_with_empty_values", "skipLinesWithEmptyValues"),
      skipLinesWithError: !!get("skip_lines_with_error", "skipLinesWithError"),
      ltrim: !!(get("ltrim", "ltrim") || get("trim", "trim")),
      rtrim: !!(get("rtrim", "rtrim") || get("trim", "trim")),
      legacy: !!legacy
    };
    if (o.delimiter === undefined || o.delimiter === null || o.delimiter === false) o.delimiter = [","];
    else if (!Array.isArray(o.delimiter)) o.delimiter = [String(o.delimiter)];
    if (!o.delimiter.length || o.delimiter.some(function (d) { return !d; })) throw optionError("delimiter", get("delimiter", "delimiter"));
    if (o.quote === undefined || o.quote === true) o.quote = '"';
    else if (o.quote === null || o.quote === false || o.quote === "") o.quote = null;
    if (o.escape === undefined || o.escape === true) o.escape = '"';
    else if (o.escape === null || o.escape === false) o.escape = null;
    if (o.recordDelimiter !== undefined && o.recordDelimiter !== null) {
      o.recordDelimiter = Array.isArray(o.recordDelimiter) ? o.recordDelimiter : [o.recordDelimiter];
      o.recordDelimiter = o.recordDelimiter.map(function (d) {
        return ({ unix: "\n", mac: "\r", windows: "\r\n", ascii: "\u001e", unicode: "\u2028" })[d] || d;
      });
    } else {
      o.recordDelimiter = null;
    }
    if (o.fromLine === undefined || o.fromLine === null) o.fromLine = 1;
    if (o.from === undefined || o.from === null) o.from = 1;
    if (o.toLine === undefined || o.toLine === null || o.toLine === -1) o.toLine = Infinity;
    if (o.to === undefined || o.to === null || o.to === -1) o.to = Infinity;
    if (o.cast !== undefined && o.cast !== null && o.cast !== false && o.cast !== true && typeof o.cast !== "function") {
      throw CsvError("CSV_INVALID_OPTION_CAST", "Invalid option cast: cast must be true or a function, got " + JSON.stringify(o.cast));
    }
    if (o.columns !== undefined && o.columns !== null && o.columns !== false && o.columns !== true &&
        !Array.isArray(o.columns) && typeof o.columns !== "function") {
      throw CsvError("CSV_INVALID_OPTION_COLUMNS", "Invalid option columns: expect an array, a function or true, got " + JSON.stringify(o.columns));
    }
    return o;
  }

  function isFloat(v) { return (v - parseFloat(v) + 1) >= 0; }

  function normalizeColumns(list, legacy) {
    return list.map(function (c) {
      if (legacy && (c === null || c === undefined || typeof c !== "object")) return { name: String(c) };
      if (c === undefined || c === null || c === false) return { disabled: true };
      if (typeof c === "string") return { name: c };
      if (typeof c === "object" && typeof c.name === "string") return { name: c.name };
      throw CsvError("CSV_INVALID_COLUMN_DEFINITION", "Invalid column definition: expect a string or a literal object, got " + JSON.stringify(c));
    });
  }

  // Split the text into raw records: [{fields: [{value, quoted}], line, raw}].
  function tokenize(text, o) {
    var records = [];
    var pos = 0, len = text.length;
    var line = 1;
    var rowDelims = o.recordDelimiter;
    var fields = [];
    var field = "";
    var quoted = false;
    var inQuotes = false;
    var fieldStarted = false;
    var wasQuoted = false;
    var rawStart = 0;

    function startsWithAny(list) {
      for (var i = 0; i < list.length; i++) if (text.startsWith(list[i], pos)) return list[i];
      return null;
    }
    function rowDelimAt() {
      if (rowDelims) return startsWithAny(rowDelims);
      if (text.startsWith("\r\n", pos)) { rowDelims = ["\r\n"]; return "\r\n"; }
      if (text.charAt(pos) === "\n") { rowDelims = ["\n"]; return "\n"; }
      if (text.charAt(pos) === "\r") { rowDelims = ["\r"]; return "\r"; }
      return null;
    }
    function pushField() {
      var v = field;
      if (!wasQuoted) {
        if (o.ltrim) v = v.replace(/^\s+/, "");
        if (o.rtrim) v = v.replace(/\s+$/, "");
      }
      fields.push({ value: v, quoted: wasQuoted });
      field = "";
      wasQuoted = false;
      fieldStarted = false;
    }
    function pushRecord(endPos) {
      pushField();
      // csv-parse reports a record at the line where it ends (multi-line quoted fields)
      records.push({ fields: fields, line: line, raw: text.slice(rawStart, endPos) });
      fields = [];
    }

    while (pos < len) {
      var ch = text.charAt(pos);
      if (inQuotes) {
        if (o.escape && o.escape !== o.quote && ch === o.escape && (text.charAt(pos + 1) === o.quote || text.charAt(pos + 1) === o.escape)) {
          field += text.charAt(pos + 1);
          pos += 2;
          continue;
        }
        if (ch === o.quote) {
          if (o.escape === o.quote && text.charAt(pos + 1) === o.quote) { field += o.quote; pos += 2; continue; }
          inQuotes = false;
          wasQuoted = true;
          pos++;
          // after a closing quote only a delimiter, record delimiter, EOF, comment or trimmable space may follow
          var after = pos;
          if (o.rtrim && !o.legacy) while (after < len && /[ \t]/.test(text.charAt(after))) after++;
          var saved = pos;
          pos = after;
          if (after < len && !startsWithAny(o.delimiter) && !rowDelimAt() && !(o.comment && text.startsWith(o.comment, after))) {
            if (!o.relax && o.legacy) {
              throw LegacyError("Invalid closing quote at line " + line + "; found " + JSON.stringify(text.charAt(after)) +
                " instead of delimiter " + JSON.stringify(o.delimiter[0]));
            }
            if (!o.relax) {
              throw CsvError("CSV_INVALID_CLOSING_QUOTE", "Invalid Closing Quote: got \"" + text.charAt(after) + "\" at line " + line +
                " instead of delimiter, record delimiter, trimable character (if activated) or comment", { lines: line });
            }
            pos = saved;
            field = o.quote + field + o.quote;
            wasQuoted = false;
            fieldStarted = true;
          }
          continue;
        }
        // a newline inside quotes counts as a line, except a final one csv-parse never reaches
        if ((ch === "\n" || (ch === "\r" && text.charAt(pos + 1) !== "\n")) && pos + 1 < len) line++;
        field += ch;
        pos++;
        continue;
      }
      var delim = startsWithAny(o.delimiter);
      if (delim) { pushField(); pos += delim.length; continue; }
      var rd = rowDelimAt();
      if (rd) {
        pushRecord(pos);
        pos += rd.length;
        line++;
        rawStart = pos;
        continue;
      }
      if (o.comment && text.startsWith(o.comment, pos)) {
        // the rest of the line is a comment
        var next = pos;
        while (next < len && text.charAt(next) !== "\n" && text.charAt(next) !== "\r") next++;
        var onlyComment = !fields.length && !fieldStarted && field === "";
        if (onlyComment) {
          pos = next;
          var rd2 = rowDelimAt();
          if (rd2) pos += rd2.length;
          line++;
          rawStart = pos;
          continue;
        }
        pos = next;
        continue;
      }
      if (o.quote && ch === o.quote) {
        var leading = field.replace(/^\s+/, "");
        if (!fieldStarted || (o.ltrim && leading === "")) {
          field = "";
          inQuotes = true;
          fieldStarted = true;
          pos++;
          continue;
        }
        if (!o.relax && o.legacy) throw LegacyError("Invalid opening quote at line " + line);
        if (!o.relax) {
          throw CsvError("INVALID_OPENING_QUOTE", "Invalid Opening Quote: a quote is found inside a field at line " + line, { field: field });
        }
      }
      field += ch;
      fieldStarted = true;
      pos++;
    }
    if (inQuotes && o.legacy) {
      // 1.x reports one line past where the text ends
      throw LegacyError("Quoted field not terminated at line " + (line + 1));
    }
    if (inQuotes) {
      throw CsvError("CSV_QUOTE_NOT_CLOSED", "Quote Not Closed: the parsing is finished with an opening quote at line " + line, { lines: line });
    }
    if (fields.length || fieldStarted || field !== "" || wasQuoted) pushRecord(len);
    return records;
  }

  function parse(input, options, legacy) {
    if (input !== null && typeof input === "object" && typeof input.toString === "function" && !Array.isArray(input)) input = input.toString();
    if (typeof input !== "string") {
      throw CsvError("CSV_INVALID_ARGUMENT", "Invalid argument: got " + JSON.stringify(input) + " instead of a string or a buffer");
    }
    var o = normalizeOptions(options, legacy);
    // 1.x always drops a byte order mark; 4.x only with bom: true
    if ((o.bom || legacy) && input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    var raws = tokenize(input, o);
    var out = o.objname !== undefined ? {} : [];
    var columns = null;
    var expectedLength = null;
    var recordCount = 0;
    var wantColumns = o.columns === true || typeof o.columns === "function";
    if (Array.isArray(o.columns)) columns = normalizeColumns(o.columns, legacy);

    for (var r = 0; r < raws.length; r++) {
      var rec = raws[r];
      if (rec.line < o.fromLine) continue;
      if (rec.line > o.toLine) break;
      var values = rec.fields.map(function (f) { return f.value; });
      var isEmptyLine = rec.fields.length === 1 && rec.fields[0].value === "" && !rec.fields[0].quoted && rec.raw === "";
      if (isEmptyLine && o.skipEmptyLines) continue;
      if (o.skipLinesWithEmptyValues && values.every(function (v) { return v.trim() === ""; })) continue;

      if (wantColumns && columns === null) {
        var header = values;
        if (o.cast !== undefined && typeof o.cast === "function") {
          header = values.map(function (v, i) {
            return o.cast(v, { column: i, empty_lines: 0, error: undefined, header: true, index: i, invalid_field_length: 0,
              quoting: rec.fields[i].quoted, lines: rec.line, records: recordCount });
          });
        }
        columns = normalizeColumns(typeof o.columns === "function" ? o.columns(header) : header, legacy);
        continue;
      }

      try {
        if (legacy && isEmptyLine) {
          // 1.x keeps an empty line as [""] without checking its length
        } else if (columns !== null) {
          if (values.length !== columns.length) {
            var less = values.length < columns.length;
            if (!(o.relaxColumnCount || (less && o.relaxColumnCountLess) || (!less && o.relaxColumnCountMore))) {
              if (legacy) throw LegacyError("Number of columns on line " + (r + 1) + " does not match header");
              throw CsvError("CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH", "Invalid Record Length: columns length is " + columns.length +
                ", got " + values.length + " on line " + rec.line, { record: values });
            }
          }
        } else if (expectedLength === null) {
          expectedLength = values.length;
        } else if (values.length !== expectedLength) {
          var fewer = values.length < expectedLength;
          if (!(o.relaxColumnCount || (fewer && o.relaxColumnCountLess) || (!fewer && o.relaxColumnCountMore))) {
            if (legacy) throw LegacyError("Number of columns is inconsistent on line " + (r + 1));
            throw CsvError("CSV_INCONSISTENT_RECORD_LENGTH", "Invalid Record Length: expect " + expectedLength +
              ", got " + values.length + " on line " + rec.line, { record: values });
          }
        }
      } catch (e) {
        if (o.skipLinesWithError) continue;
        throw e;
      }

      recordCount++;
      if (recordCount < o.from) continue;
      if (recordCount > o.to) break;

      var cast = values.map(function (v, i) {
        var ctx = {
          column: columns && columns[i] && !columns[i].disabled ? columns[i].name : i,
          empty_lines: 0, error: undefined, header: false, index: i, invalid_field_length: 0,
          quoting: rec.fields[i].quoted, lines: rec.line, records: recordCount - 1
        };
        if (typeof o.cast === "function") return o.cast(v, ctx);
        if (o.cast === true && isFloat(v)) return parseFloat(v);
        if (o.castDate) {
          var d = Date.parse(v);
          if (!isNaN(d)) return new Date(d);
        }
        return v;
      });

      var record;
      if (columns !== null) {
        record = {};
        // 1.x files extra fields under the key "undefined"
        var width = legacy ? cast.length : Math.min(cast.length, columns.length);
        for (var i = 0; i < width; i++) {
          var col = columns[i] || { name: "undefined" };
          if (col.disabled) continue;
          if (o.columnsDuplicatesToArray && Object.prototype.hasOwnProperty.call(record, col.name)) {
            record[col.name] = [].concat(record[col.name], cast[i]);
          } else {
            record[col.name] = cast[i];
          }
        }
      } else {
        record = cast;
      }
      var entry = record;
      if (o.raw || o.info) {
        entry = { record: record };
        if (o.raw) entry.raw = rec.raw;
        if (o.info) entry.info = { comment_lines: 0, empty_lines: 0, invalid_field_length: 0, lines: rec.line, records: recordCount, columns: columns ? columns : false, error: undefined, header: false, index: cast.length, column: cast.length };
      }
      if (o.objname !== undefined) {
        var key = columns !== null ? record[o.objname] : record[o.objname];
        out[key] = entry;
      } else {
        out.push(entry);
      }
    }
    return out;
  }

  return parse;
});

// Postman bundles csv-parse 1.2.4: its sync entry point keeps that version's behaviour and
// messages, and also honours the later options (cast, from_line, bom, ...) when given.
__pmr_define("csv-parse/lib/sync", function (require) {
  "use strict";
  var parse = require("__pmr_csv_parse");
  return function parseSync(input, options) { return parse(input, options, true); };
});

// The modern entry point (csv-parse 5's `csv-parse/sync`) behaves like csv-parse 4.
__pmr_define("csv-parse/sync", function (require) {
  "use strict";
  var parse = require("__pmr_csv_parse");
  return { parse: function (input, options) { return parse(input, options, false); } };
});

__pmr_define("csv-parse", function (require) {
  "use strict";
  // The streaming/callback API, reduced to the callback form: parse(input, [options], cb).
  var sync = require("csv-parse/sync").parse;
  function parse(input, options, cb) {
    if (typeof options === "function") { cb = options; options = {}; }
    var result, error = null;
    try { result = sync(input, options); } catch (e) { error = e; }
    if (typeof cb === "function") {
      Promise.resolve().then(function () { if (error) cb(error); else cb(null, result); });
    }
    return undefined;
  }
  parse.parse = parse;
  return parse;
});
