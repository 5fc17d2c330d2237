/*
 * pmreplay SDK object model: the classes that user scripts meet as `pm.request`,
 * `pm.response`, `pm.cookies` and the variable scopes.
 *
 * Why this exists: Postman scripts poke at these objects directly (headers.each,
 * url.query.remove, response.json(), ...), so their behaviour has to match the
 * postman-collection SDK closely.  This is an independent implementation written for
 * pmreplay; behaviour was checked against postman-collection 4 (see
 * tests/sandbox/test_sdk_conformance.py), no code was taken from it.
 *
 * Plain ES2020 script; everything lives inside this IIFE and only
 * `globalThis.__pmr_sdk` is published.
 *
 * Deliberate differences from postman-collection 4 (everything else is meant to match):
 * - PropertyList#get skips disabled members; #each iterates a snapshot, so removing
 *   members inside the callback neither skips the next one nor passes undefined;
 *   append/prepend/insertAfter turn plain objects and strings into typed members.
 * - Url#toJSON carries `raw`; Request#toJSON always has `header`; Url#getRaw and
 *   RequestAuth#current are aliases instead of throwing "discontinued".
 * - VariableScope#toObject leaves disabled variables out, #toJSON is the values
 *   array; Postman variable kinds ("default", "secret") survive a round trip.
 * - Response#dataURI base64-encodes the body as UTF-8 (what Newman does with the
 *   response stream); RFC 5987 `filename*=UTF-8''...` is decoded.
 */
(function () {
    'use strict';

    var hasOwn = function (obj, key) {
        return obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);
    };
    var isString = function (v) { return typeof v === 'string'; };
    var isFunction = function (v) { return typeof v === 'function'; };
    var isObject = function (v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); };
    var isPlainObject = function (v) {
        if (v === null || typeof v !== 'object') { return false; }
        var proto = Object.getPrototypeOf(v);
        return proto === Object.prototype || proto === null;
    };
    var isNil = function (v) { return v === null || v === undefined; };
    var isNumeric = function (n) { return !isNaN(parseFloat(n)) && isFinite(n); };

    // A deep copy for JSON-ish data (values we serialise back to Python).
    // A value that contains itself (o.self = o) is cut at the repeat with "[Circular]", as
    // console output shows it, so a script storing one in a variable fails nothing else.
    var cloneData = function (value, seen) {
        if (value === null || typeof value !== 'object') { return value; }
        if (value instanceof Date) { return new Date(value.getTime()); }
        if (isFunction(value.toJSON)) { return value.toJSON(); }
        seen = seen || [];
        if (seen.indexOf(value) >= 0) { return '[Circular]'; }
        seen.push(value);
        var out;
        if (Array.isArray(value)) {
            out = value.map(function (v) { return cloneData(v, seen); });
        } else {
            out = {};
            Object.keys(value).forEach(function (k) {
                if (value[k] !== undefined) { out[k] = cloneData(value[k], seen); }
            });
        }
        seen.pop();
        return out;
    };

    // Parent links are hidden so JSON.stringify and Object.keys never see them.
    var setHidden = function (obj, key, value) {
        Object.defineProperty(obj, key, { value: value, enumerable: false, configurable: true, writable: true });
    };

    // UTF-8 aware base64, needed by Response#dataURI (V8 alone has no btoa).
    var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    var utf8Bytes = function (str) {
        var bytes = [];
        str = String(str);
        for (var i = 0; i < str.length; i++) {
            var c = str.codePointAt(i);
            if (c > 0xffff) { i++; }
            if (c < 0x80) { bytes.push(c); }
            else if (c < 0x800) { bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63)); }
            else if (c < 0x10000) { bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)); }
            else {
                bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
            }
        }
        return bytes;
    };
    var base64 = function (str) {
        var b = utf8Bytes(str), out = '';
        for (var i = 0; i < b.length; i += 3) {
            var n = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
            out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] +
                (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
        }
        return out;
    };

    // ------------------------------------------------------------------ PropertyList

    /*
     * An ordered list of typed members with lookup by the Type's index key.  Lookups
     * scan the members instead of keeping a side index: lists are small and a scan can
     * never get out of sync when scripts mutate members directly.
     */
    // Insertion stamp: Postman resolves duplicate keys to the member added most
    // recently (not the one positioned last), so every insert is stamped.
    var insertCounter = 0;

    function PropertyList(Type, parent, items) {
        setHidden(this, '__parent', parent);
        setHidden(this, 'Type', Type);
        this.members = [];
        if (!isNil(items)) { this.populate(items); }
    }

    PropertyList.isPropertyList = function (obj) { return obj instanceof PropertyList; };

    Object.assign(PropertyList.prototype, {
        _pmrIsList: true,

        _indexKey: function () { return (this.Type && this.Type._pmrIndexKey) || 'id'; },
        _caseless: function () { return Boolean(this.Type && this.Type._pmrCaseInsensitive); },
        _multi: function () { return Boolean(this.Type && this.Type._pmrMultiValue); },

        _norm: function (key) {
            if (isNil(key)) { return key; }
            key = String(key);
            return this._caseless() ? key.toLowerCase() : key;
        },

        _matches: function (item, key) {
            if (!item) { return false; }
            var own = item[this._indexKey()];
            if (isNil(own) || own === '') { return false; }
            return this._norm(own) === this._norm(key);
        },

        _coerce: function (item) {
            var Type = this.Type;
            if (!Type || item instanceof Type) { return item; }
            if (isFunction(Type.create)) { return Type.create.apply(Type, arguments); }
            return new Type(item);
        },

        insert: function (item, before) {
            if (!isObject(item)) { return; }
            var prevParent = item.__parent;
            if (prevParent instanceof PropertyList && prevParent !== this) { prevParent.remove(item); }
            setHidden(item, '__parent', this);
            setHidden(item, '__pmrSeq', ++insertCounter);
            var dup = this.members.indexOf(item);
            if (dup > -1) { this.members.splice(dup, 1); }
            var at = isNil(before) ? -1 : this.indexOf(before);
            if (at > -1) { this.members.splice(at, 0, item); }
            else { this.members.push(item); }
        },

        insertAfter: function (item, after) {
            var at = this.indexOf(after);
            var next = at > -1 ? this.members[at + 1] : undefined;
            if (!isObject(item)) { return; }
            item = this._coerce(item);
            return next ? this.insert(item, next) : this.insert(item);
        },

        append: function (item) { return this.insert(this._coerceIfPlain(item)); },

        prepend: function (item) { return this.insert(this._coerceIfPlain(item), this.members[0]); },

        _coerceIfPlain: function (item) {
            return (isObject(item) || isString(item)) ? this._coerce(item) : item;
        },

        add: function (item) {
            if (isNil(item) || (typeof item === 'number' && isNaN(item))) { return; }
            this.insert(this._coerce.apply(this, arguments));
        },

        upsert: function (item) {
            if (isNil(item) || (typeof item === 'number' && isNaN(item))) { return null; }
            if (isString(item) && this.Type && isFunction(this.Type.parseSingle)) {
                item = this.Type.parseSingle(item);
            }
            var existing = this.one(item[this._indexKey()]);
            if (existing) {
                if (!isFunction(existing.update)) {
                    throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
                }
                existing.update(item);
                return false;
            }
            this.add(item);
            return true;
        },

        remove: function (predicate, context) {
            var self = this, match;
            if (isNil(predicate)) { return; }
            if (isString(predicate)) {
                match = predicate;
                predicate = function (item) { return self._matches(item, match); };
            }
            else if (!isFunction(predicate)) {
                match = predicate;
                predicate = function (item) { return item === match; };
            }
            var ctx = context || this;
            // Evaluate the predicate over a snapshot first so that a predicate which
            // itself mutates the list cannot make us skip members.
            var snapshot = this.members.slice();
            var doomed = snapshot.filter(function (item, i) { return predicate.call(ctx, item, i, snapshot); });
            if (!doomed.length) { return; }
            this.members = this.members.filter(function (item) { return doomed.indexOf(item) === -1; });
            doomed.forEach(function (item) {
                if (isObject(item) && item.__parent === self) { delete item.__parent; }
            });
        },

        clear: function () {
            var self = this;
            this.members.forEach(function (item) {
                if (isObject(item) && item.__parent === self) { delete item.__parent; }
            });
            this.members.length = 0;
        },

        populate: function (items) {
            var self = this;
            if (isNil(items)) { return; }
            if (isString(items) && this.Type && isFunction(this.Type.parse)) { items = this.Type.parse(items); }
            if (items instanceof PropertyList) { items = items.members; }
            if (isPlainObject(items) && this.Type && isFunction(this.Type.create)) {
                // {Name: value} maps (headers) become one member per property
                Object.keys(items).forEach(function (k) { self.add(items[k], k); });
                return;
            }
            (Array.isArray(items) ? items : [items]).forEach(function (item) { self.add(item); });
        },

        repopulate: function (items) {
            this.clear();
            this.populate(items);
        },

        assimilate: function (source, prune) {
            var self = this, key = this._indexKey(), seen = {};
            var members = source instanceof PropertyList ? source.members : source;
            if (!Array.isArray(members)) { return; }
            members.forEach(function (item) {
                if (!(item && hasOwn(item, key))) { return; }
                self.upsert(item);
                seen[self._norm(item[key])] = true;
            });
            if (prune) {
                this.remove(function (item) { return !hasOwn(seen, self._norm(item[key])); });
            }
        },

        all: function () { return this.members.slice(); },

        // The most recently added member with this key, enabled ones first.
        _latest: function (key, enabledOnly) {
            var best, bestEnabled;
            for (var i = 0; i < this.members.length; i++) {
                var m = this.members[i];
                if (!this._matches(m, key)) { continue; }
                if (!best || (m.__pmrSeq || 0) >= (best.__pmrSeq || 0)) { best = m; }
                if (!m.disabled && (!bestEnabled || (m.__pmrSeq || 0) >= (bestEnabled.__pmrSeq || 0))) { bestEnabled = m; }
            }
            return enabledOnly ? bestEnabled : (bestEnabled || best);
        },

        one: function (key) { return this._latest(key, false); },

        // Value of the most recently added enabled member with this key.
        get: function (key) {
            var m = this._latest(key, true);
            if (!m) { return undefined; }
            return isFunction(m.valueOf) ? m.valueOf() : m;
        },

        // Iterates over a snapshot: removing members from inside the callback neither
        // skips the following members nor hands `undefined` to the callback.
        each: function (iterator, context) {
            if (!isFunction(iterator)) { return; }
            var snapshot = this.members.slice(), bound = context || this.__parent || this;
            for (var i = 0; i < snapshot.length; i++) {
                if (this.members.indexOf(snapshot[i]) === -1) { continue; }
                if (iterator.call(bound, snapshot[i], i, snapshot) === false) { break; }
            }
        },

        _rule: function (rule, context) {
            if (isFunction(rule)) { return context ? rule.bind(context) : rule; }
            if (isString(rule)) { return function (item) { return Boolean(item && item[rule]); }; }
            if (Array.isArray(rule)) {
                return function (item) { return Boolean(item) && item[rule[0]] === rule[1]; };
            }
            if (isObject(rule)) {
                return function (item) {
                    return Boolean(item) && Object.keys(rule).every(function (k) { return item[k] === rule[k]; });
                };
            }
            return function () { return false; };
        },

        filter: function (rule, context) { return this.members.filter(this._rule(rule, context)); },

        find: function (rule, context) { return this.members.find(this._rule(rule, context)); },

        map: function (iterator, context) {
            if (isString(iterator)) {
                var prop = iterator;
                return this.members.map(function (m) { return m[prop]; });
            }
            return this.members.map(iterator, context || this);
        },

        reduce: function (iterator, accumulator, context) {
            var fn = context ? iterator.bind(context) : iterator.bind(this);
            return this.members.reduce(fn, accumulator);
        },

        count: function () { return this.members.length; },

        idx: function (index) { return this.members[index]; },

        indexOf: function (item) {
            if (isString(item)) { item = this.one(item); }
            return this.members.indexOf(item);
        },

        has: function (item, value) {
            var self = this, matches;
            if (isString(item)) {
                matches = this.members.filter(function (m) { return self._matches(m, item); });
            }
            else {
                matches = this.members.filter(function (m) { return m === item; });
            }
            if (arguments.length < 2) { return matches.length > 0; }
            return matches.some(function (m) { return (isFunction(m.valueOf) ? m.valueOf() : m) === value; });
        },

        eachParent: function (iterator, context) {
            if (!isFunction(iterator)) { return; }
            var parent = this.__parent, prev;
            while (parent) {
                iterator.call(context || this, parent, prev);
                prev = parent;
                parent = parent.__parent;
            }
        },

        toObject: function (excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
            var key = this._indexKey(), obj = {};
            var sensitive = !this._caseless() || Boolean(caseSensitive);
            var multi = this._multi() || Boolean(multiValue);
            this.members.forEach(function (m) {
                if (!m || !hasOwn(m, key) || (excludeDisabled && m.disabled) || (sanitizeKeys && !m[key])) { return; }
                var prop = sensitive ? m[key] : String(m[key]).toLowerCase();
                var val = isFunction(m.valueOf) ? m.valueOf() : m;
                if (multi && hasOwn(obj, prop)) {
                    if (!Array.isArray(obj[prop])) { obj[prop] = [obj[prop]]; }
                    obj[prop].push(val);
                }
                else {
                    obj[prop] = val;
                }
            });
            return obj;
        },

        toString: function () {
            if (this.Type && isFunction(this.Type.unparse)) { return this.Type.unparse(this.members); }
            return '[object Object]';
        },

        toJSON: function () {
            return this.members.map(function (m) {
                return (m && isFunction(m.toJSON)) ? m.toJSON() : cloneData(m);
            });
        }
    });

    // Generic serialiser for our property classes: own enumerable fields, lists
    // singularised (`headers` -> `header`) like Postman's JSON, undefined dropped.
    var propertyToJSON = function (obj) {
        var out = {};
        Object.keys(obj).forEach(function (k) {
            var v = obj[k];
            if (v === undefined || isFunction(v)) { return; }
            var key = k;
            if (v instanceof PropertyList && k.length > 1 && k[k.length - 1] === 's') { key = k.slice(0, -1); }
            out[key] = (v && isFunction(v.toJSON)) ? v.toJSON() : cloneData(v);
        });
        return out;
    };

    var applyDisabled = function (target, options) {
        if (hasOwn(options, 'disabled')) { target.disabled = Boolean(options.disabled); }
    };

    // ------------------------------------------------------------------ Header

    function Header(options, name) {
        if (isString(options)) {
            options = isString(name) ? { key: name, value: options } : Header.parseSingle(options);
        }
        this.update(options);
    }
    Header._pmrIndexKey = 'key';
    Header._pmrCaseInsensitive = true;
    Header._pmrMultiValue = true;

    Header.prototype.update = function (options) {
        options = options || {};
        this.key = (options.key === undefined || options.key === null || options.key === '') ? '' : options.key;
        this.value = hasOwn(options, 'value') && options.value !== undefined ? options.value : '';
        if (hasOwn(options, 'system')) { this.system = options.system; }
        applyDisabled(this, options);
    };
    Header.prototype.toString = function () { return this.key + ': ' + this.value; };
    Header.prototype.valueOf = function () { return this.value; };
    Header.prototype.toJSON = function () { return propertyToJSON(this); };

    Header.parseSingle = function (str) {
        if (!isString(str)) { return { key: '', value: '' }; }
        var i = str.indexOf(':');
        if (i < 0) { i = str.length; }
        return { key: str.slice(0, i).trim(), value: str.slice(i + 1).trim() };
    };
    // Parses a raw header block ("K: v\r\nK2: v2"), folding continuation lines.
    Header.parse = function (text) {
        var out = [];
        String(text).replace(/\r\n([ \t])/g, '$1').split(/\r?\n/).forEach(function (line) {
            var m = /^(\S+):(.*)$/.exec(line);
            if (m) { out.push({ key: m[1], value: m[2].trim() }); }
        });
        return out;
    };
    Header.unparseSingle = function (h) { return isObject(h) ? h.key + ': ' + h.value : ''; };
    Header.unparse = function (headers, separator) {
        separator = separator === undefined ? '\r\n' : separator;
        var list = headers instanceof PropertyList ? headers.members : headers;
        if (!Array.isArray(list)) { return ''; }
        return list.reduce(function (acc, h) {
            return (h && !h.disabled) ? acc + Header.unparseSingle(h) + separator : acc;
        }, '');
    };
    Header.isHeader = function (obj) { return obj instanceof Header; };
    Header.create = function (value, name) { return new Header(value, name); };

    // ------------------------------------------------------------------ QueryParam

    // Re-escape only what would change the meaning of the query string; everything
    // else stays exactly as the user wrote it.  `{{vars}}` holding reserved
    // characters are left intact.
    var escapeQueryPart = function (str, escapeEquals) {
        if (!isString(str) || !str) { return str; }
        var esc = function (s) {
            s = s.replace(/&/g, '%26').replace(/#/g, '%23');
            return escapeEquals ? s.replace(/=/g, '%3D') : s;
        };
        var out = '', last = 0, re = /\{\{[^{}]*[&#=][^{}]*\}\}/g, m;
        while ((m = re.exec(str)) !== null) {
            out += esc(str.slice(last, m.index)) + m[0];
            last = m.index + m[0].length;
        }
        return out + esc(str.slice(last));
    };

    function QueryParam(options) {
        this.update(options);
    }
    QueryParam._pmrIndexKey = 'key';
    QueryParam._pmrMultiValue = true;

    QueryParam.prototype.update = function (param) {
        if (isString(param)) { param = QueryParam.parseSingle(param); }
        param = param || {};
        this.key = param.key;
        this.value = param.value;
        if (hasOwn(param, 'system')) { this.system = param.system; }
        applyDisabled(this, param);
    };
    QueryParam.prototype.toString = function () { return QueryParam.unparseSingle(this); };
    QueryParam.prototype.valueOf = function () { return isString(this.value) ? this.value : ''; };
    QueryParam.prototype.toJSON = function () { return propertyToJSON(this); };

    // `all` is the full segment list when called from a map(): an empty segment in
    // the middle ("a&&b") is a null/null param, at the end it is key '' (Postman's quirk).
    QueryParam.parseSingle = function (param, idx, all) {
        if (param === '' && typeof idx === 'number' && Array.isArray(all) && idx !== all.length - 1) {
            return { key: null, value: null };
        }
        var s = isString(param) ? param : String(param), i = s.indexOf('=');
        return i < 0 ? { key: s, value: null } : { key: s.slice(0, i), value: s.slice(i + 1) };
    };
    QueryParam.parse = function (query) {
        return isString(query) ? query.split('&').map(QueryParam.parseSingle) : [];
    };
    QueryParam.unparseSingle = function (p) {
        if (!p) { return ''; }
        var out = isString(p.key) ? escapeQueryPart(p.key, true) : '';
        if (isString(p.value)) { out += '=' + escapeQueryPart(p.value, false); }
        return out;
    };
    QueryParam.unparse = function (params) {
        if (!params) { return ''; }
        if (params instanceof PropertyList) { params = params.members; }
        if (!Array.isArray(params)) {
            return Object.keys(params).map(function (k) {
                return QueryParam.unparseSingle({ key: k, value: params[k] });
            }).join('&');
        }
        return params.filter(function (p) { return p && p.disabled !== true; })
            .map(QueryParam.unparseSingle).join('&');
    };

    // ------------------------------------------------------------------ FormParam

    function FormParam(options) {
        options = options || {};
        this.key = options.key || '';
        this.value = options.value === undefined || options.value === null ? '' : options.value;
        this.type = options.type;
        this.src = options.src;
        this.contentType = options.contentType;
        this.fileName = options.fileName;
        if (hasOwn(options, 'description')) { this.description = options.description; }
        applyDisabled(this, options);
    }
    FormParam._pmrIndexKey = 'key';
    FormParam._pmrMultiValue = true;
    FormParam.prototype.toString = function () { return this.key + '=' + this.value; };
    FormParam.prototype.valueOf = function () { return this.value; };
    FormParam.prototype.update = function (options) {
        var self = this;
        ['key', 'value', 'type', 'src', 'contentType', 'fileName'].forEach(function (k) {
            if (hasOwn(options, k)) { self[k] = options[k]; }
        });
        applyDisabled(this, options);
    };
    FormParam.prototype.toJSON = function () {
        var obj = propertyToJSON(this);
        if (obj.type === 'file' && (!isString(obj.value) || !obj.value)) { delete obj.value; }
        return obj;
    };

    // ------------------------------------------------------------------ Variable

    var jsonTyped = function (check) {
        return {
            in: function (v) {
                if (isString(v)) { return v; }
                try { return JSON.stringify(v); } catch (e) { return 'null'; }
            },
            out: function (v) {
                var parsed;
                try { parsed = JSON.parse(v); } catch (e) { return undefined; }
                return check(parsed) ? parsed : undefined;
            }
        };
    };
    var VARIABLE_TYPES = {
        string: String,
        boolean: Boolean,
        number: Number,
        array: jsonTyped(function (v) { return Array.isArray(v); }),
        object: jsonTyped(function (v) { return v instanceof Object && !Array.isArray(v); }),
        any: { in: function (v) { return v; }, out: function (v) { return v; } }
    };

    function Variable(definition) {
        this.type = 'any';
        this.value = undefined;
        if (!isNil(definition)) {
            if (hasOwn(definition, 'key')) { this.key = definition.key; }
            else if (hasOwn(definition, 'id')) { this.key = definition.id; }
            this.update(definition);
        }
    }
    Variable._pmrIndexKey = 'key';
    Variable.types = VARIABLE_TYPES;
    Variable.isVariable = function (obj) { return obj instanceof Variable; };

    Object.assign(Variable.prototype, {
        _cast: function (value, direction) {
            var handler = VARIABLE_TYPES[this.type] || VARIABLE_TYPES.any;
            return isFunction(handler) ? handler(value) : handler[direction](value);
        },
        get: function () {
            return this._cast(isFunction(this.value) ? this.value() : this.value, 'out');
        },
        set: function (value) {
            this.value = isFunction(value) ? value : this._cast(value, 'in');
        },
        valueOf: function (value) {
            if (arguments.length) { this.set(value); }
            return this.get();
        },
        toString: function () {
            var v = this.valueOf();
            if (v === null) { return 'null'; }
            return (!isNil(v) && isFunction(v.toString)) ? v.toString() : '';
        },
        cast: function (value) { return this._cast(value, 'out'); },
        valueType: function (typeName, noCast) {
            if (isNil(typeName) || typeName === '') { return this.type || 'any'; }
            if (!hasOwn(VARIABLE_TYPES, String(typeName).toLowerCase())) {
                // Postman's own kinds ("default", "secret") carry no casting rule: keep
                // the label so an exported environment round-trips, cast like "any".
                this.type = String(typeName);
                return this.type;
            }
            typeName = String(typeName).toLowerCase();
            this.type = typeName;
            if (!(noCast || isFunction(this.value))) { this.set(this.get()); }
            return this.type;
        },
        update: function (options) {
            if (!isObject(options)) { return; }
            if (hasOwn(options, 'type')) { this.valueType(options.type, hasOwn(options, 'value')); }
            if (hasOwn(options, 'value')) { this.set(options.value); }
            if (hasOwn(options, 'system')) { this.system = options.system; }
            if (hasOwn(options, 'description')) { this.description = options.description; }
            applyDisabled(this, options);
        },
        toJSON: function () {
            var out = { key: this.key, value: isFunction(this.value) ? undefined : cloneData(this.value), type: this.type };
            if (out.key === undefined) { delete out.key; }
            if (out.value === undefined) { delete out.value; }
            if (this.disabled !== undefined) { out.disabled = this.disabled; }
            if (this.system !== undefined) { out.system = this.system; }
            if (this.description !== undefined) { out.description = this.description; }
            return out;
        }
    });

    // ------------------------------------------------------------------ Url

    var PROTECTED_VAR = /\{\{[^{}]*[.:/?#@&\]][^{}]*\}\}/g;
    var HOST_SPLIT = /\.(?![^{]*\}{2})/g;

    // Path segment ":name" or ":name.ext" declares the path variable "name".
    var pathVariableName = function (segment) {
        var s = String(segment);
        if (s[0] !== ':') { return null; }
        var dot = s.indexOf('.');
        return s.slice(1, dot === -1 ? undefined : dot) || null;
    };

    /*
     * Splits a URL the way Postman does: from the back (hash, query), then protocol,
     * path, auth, port, host.  `{{vars}}` containing URL delimiters are swapped for
     * placeholders first so they survive as one piece.
     */
    var parseUrlParts = function (input) {
        var parts = {
            raw: input, protocol: undefined, auth: undefined, host: undefined, port: undefined,
            path: undefined, query: undefined, hash: undefined
        };
        if (!(input && isString(input))) { return parts; }
        var s = input.replace(/^\s+/, '');
        parts.raw = s;
        var saved = [];
        s = s.replace(PROTECTED_VAR, function (m) {
            saved.push(m);
            return '\uE000' + (saved.length - 1) + '\uE001';
        });
        var restore = function (v) {
            if (!saved.length || !isString(v)) { return v; }
            return v.replace(/\uE000(\d+)\uE001/g, function (m, i) { return saved[Number(i)]; });
        };
        var i = s.indexOf('#');
        if (i !== -1) { parts.hash = s.slice(i + 1); s = s.slice(0, i); }
        i = s.indexOf('?');
        if (i !== -1) { parts.query = s.slice(i + 1).split('&'); s = s.slice(0, i); }
        s = s.replace(/\\/g, '/');
        i = s.indexOf('://');
        if (i !== -1) {
            parts.protocol = s.slice(0, i);
            s = s.slice(i + 3).replace(/^\/+/, parts.protocol.toLowerCase() === 'file' ? '/' : '');
        }
        i = s.indexOf('/');
        if (i !== -1) { parts.path = s.slice(i + 1).split('/'); s = s.slice(0, i); }
        i = s.lastIndexOf('@');
        if (i !== -1) {
            var creds = s.slice(0, i), c = creds.indexOf(':');
            parts.auth = c === -1 ? [creds] : [creds.slice(0, c), creds.slice(c + 1)];
            s = s.slice(i + 1);
        }
        i = s.lastIndexOf(':');
        if (i !== -1 && s.slice(i + 1).indexOf(']') === -1) {
            parts.port = s.slice(i + 1);
            s = s.slice(0, i);
        }
        if (s) { parts.host = s.split('.'); }
        ['protocol', 'port', 'hash'].forEach(function (k) { parts[k] = restore(parts[k]); });
        ['auth', 'host', 'path', 'query'].forEach(function (k) {
            if (parts[k]) { parts[k] = parts[k].map(restore); }
        });
        return parts;
    };

    function Url(options) {
        this.update(options);
    }

    Url.parse = function (url) {
        var p = parseUrlParts(url), seen = {};
        if (p.auth) { p.auth = { user: p.auth[0], password: p.auth[1] }; }
        if (p.query) { p.query = p.query.map(QueryParam.parseSingle); }
        var vars = [];
        (p.path || []).forEach(function (seg) {
            var name = pathVariableName(seg);
            if (name && !seen[name]) { seen[name] = true; vars.push({ key: name }); }
        });
        p.variable = vars.length ? vars : undefined;
        return p;
    };
    Url.isUrl = function (obj) { return obj instanceof Url; };

    Object.assign(Url.prototype, {
        update: function (url) {
            if (!url) { url = ''; }
            if (url instanceof Url) { url = url.toJSON(); }
            var p = isString(url) ? Url.parse(url) : url;
            var query = p.query, variable = p.variable, path = p.path, host = p.host, auth = p.auth;
            if (isString(query)) { query = QueryParam.parse(query); }
            else if (query instanceof PropertyList) { query = query.toJSON(); }
            else if (isPlainObject(query)) {
                query = Object.keys(query).map(function (k) { return { key: k, value: query[k] }; });
            }
            if (variable instanceof PropertyList) { variable = variable.toJSON(); }
            if (Array.isArray(variable)) {
                variable = variable.map(function (v) {
                    if (isObject(v) && !v.key && v.id) { v = Object.assign({}, v, { key: v.id }); }
                    return v;
                });
            }
            if (isString(path)) {
                path = path.replace(/^\/(.+)$/, '$1');
                path = path ? (path === '/' ? [''] : path.split('/')) : undefined;
            }
            if (isString(host)) { host = host.split(HOST_SPLIT); }
            if (Array.isArray(auth)) { auth = { user: auth[0], password: auth[1] }; }
            this.auth = auth ? Object.assign({}, auth) : undefined;
            this.protocol = p.protocol;
            this.port = p.port;
            this.path = Array.isArray(path) ? path.slice() : path;
            this.hash = p.hash;
            this.host = Array.isArray(host) ? host.slice() : host;
            this.query = new PropertyList(QueryParam, this, query || []);
            this.variables = new PropertyList(Variable, this, variable || []);
        },

        addQueryParams: function (params) {
            this.query.populate(isString(params) ? QueryParam.parse(params) : params);
        },

        removeQueryParams: function (params) {
            var keys = (Array.isArray(params) ? params : [params]).map(function (p) {
                return (isObject(p) && !isNil(p.key)) ? p.key : p;
            });
            this.query.remove(function (p) { return keys.indexOf(p.key) !== -1; });
        },

        getHost: function () {
            if (!this.host) { return ''; }
            return Array.isArray(this.host) ? this.host.join('.') : String(this.host);
        },

        getPath: function (unresolved) {
            var segments = Array.isArray(this.path) ? this.path : (isNil(this.path) ? [] : [String(this.path)]);
            if (unresolved) { return '/' + segments.join('/'); }
            var vars = this.variables;
            return '/' + segments.map(function (seg) {
                var name = pathVariableName(seg);
                if (!name) { return seg; }
                var value = vars.get(name);
                return (value && isString(value)) ? value + String(seg).slice(name.length + 1) : seg;
            }).join('/');
        },

        getQueryString: function () {
            return this.query.count() ? QueryParam.unparse(this.query.members) : '';
        },

        getPathWithQuery: function () {
            var qs = this.getQueryString();
            return this.getPath() + (qs ? '?' + qs : '');
        },

        getRemote: function (forcePort) {
            var host = this.getHost(), port = isNil(this.port) ? undefined : String(this.port);
            if (forcePort && !port) { port = this.protocol === 'https' ? '443' : '80'; }
            return port ? host + ':' + port : host;
        },

        getOAuth1BaseUrl: function () {
            var protocol = this.protocol || 'http';
            var port = this.port ? String(this.port) : undefined;
            var host = this.getHost();
            if (!(port === undefined || port === '80' || port === '443')) { host += ':' + port; }
            if (!/:\/\/$/.test(protocol)) { protocol += '://'; }
            return protocol.toLowerCase() + host.toLowerCase() + this.getPath();
        },

        toString: function (forceProtocol) {
            var out = '', protocol = this.protocol;
            if (forceProtocol && !protocol) { protocol = 'http'; }
            if (protocol) { out += /:\/\/$/.test(protocol) ? protocol : protocol + '://'; }
            if (this.auth) {
                var cred;
                if (isString(this.auth.user)) { cred = this.auth.user; }
                if (isString(this.auth.password)) { cred = (cred || '') + ':' + this.auth.password; }
                if (isString(cred)) { out += cred + '@'; }
            }
            if (this.host) { out += this.getHost(); }
            if (!isNil(this.port)) { out += ':' + String(this.port); }
            if (this.path) { out += this.getPath(); }
            if (this.query && this.query.count()) {
                var qs = this.getQueryString();
                // "?" stays when some enabled param serialises to nothing (http://h?).
                if (qs !== '' || this.query.members.some(function (p) { return !(p && p.disabled); })) {
                    out += '?' + qs;
                }
            }
            if (isString(this.hash)) { out += '#' + this.hash; }
            return out;
        },

        // Discontinued in postman-collection 4 (it throws there); kept as an alias.
        getRaw: function () { return this.toString(); },

        toJSON: function () {
            var out = { raw: this.toString() };
            if (this.protocol !== undefined) { out.protocol = this.protocol; }
            if (this.auth !== undefined) { out.auth = cloneData(this.auth); }
            if (this.host !== undefined) { out.host = cloneData(this.host); }
            if (this.port !== undefined) { out.port = this.port; }
            if (this.path !== undefined) { out.path = cloneData(this.path); }
            out.query = this.query.toJSON();
            if (this.hash !== undefined) { out.hash = this.hash; }
            out.variable = this.variables.toJSON();
            return out;
        }
    });

    // ------------------------------------------------------------------ RequestBody

    var BODY_MODES = { raw: 'raw', urlencoded: 'urlencoded', formdata: 'formdata', file: 'file', graphql: 'graphql' };

    function RequestBody(options) {
        if (!options) { return; }
        this.update(options);
    }
    RequestBody.MODES = BODY_MODES;

    Object.assign(RequestBody.prototype, {
        update: function (options) {
            if (isString(options)) { options = { mode: 'raw', raw: options }; }
            if (!options || !options.mode) { return; }
            var mode = BODY_MODES[String(options.mode).toLowerCase()] || 'raw';
            var urlencoded = options.urlencoded, formdata = options.formdata, graphql = options.graphql;
            var file = options.file, raw = options.raw;
            if (urlencoded) {
                if (isString(urlencoded)) { urlencoded = QueryParam.parse(urlencoded); }
                urlencoded = new PropertyList(QueryParam, this, urlencoded instanceof PropertyList ? urlencoded.members : urlencoded);
            }
            if (formdata) {
                formdata = new PropertyList(FormParam, this, formdata instanceof PropertyList ? formdata.members : formdata);
            }
            if (graphql) {
                graphql = { query: graphql.query, operationName: graphql.operationName, variables: graphql.variables };
            }
            if (isString(file)) { file = { src: file }; }
            if (mode === 'raw' && !raw) { raw = ''; }
            if (mode === 'urlencoded' && !urlencoded) { urlencoded = new PropertyList(QueryParam, this, []); }
            if (mode === 'formdata' && !formdata) { formdata = new PropertyList(FormParam, this, []); }
            if (mode === 'graphql' && !graphql) { graphql = {}; }
            this.mode = mode;
            this.raw = raw;
            this.urlencoded = urlencoded;
            this.formdata = formdata;
            this.file = file;
            this.graphql = graphql;
            this.options = isObject(options.options) ? cloneData(options.options) : undefined;
            this.disabled = options.disabled;
        },

        toString: function () {
            if (this.mode === 'urlencoded') {
                return this.urlencoded instanceof PropertyList ? QueryParam.unparse(this.urlencoded.members) : '';
            }
            if (this.mode === 'raw') {
                return (!isNil(this.raw) && isFunction(this.raw.toString)) ? this.raw.toString() : '';
            }
            return '';
        },

        isEmpty: function () {
            var data = this.mode && this[this.mode];
            if (!data) { return true; }
            if (this.mode === 'file') { return !(data.src || data.content); }
            if (isString(data)) { return data.length === 0; }
            if (data instanceof PropertyList) { return data.count() === 0; }
            return Object.keys(data).filter(function (k) { return data[k] !== undefined; }).length === 0;
        },

        toJSON: function () {
            var obj = propertyToJSON(this);
            if (obj.file && obj.file.content && !isString(obj.file.content)) { delete obj.file.content; }
            return obj;
        }
    });

    // ------------------------------------------------------------------ RequestAuth

    var isValidAuthType = function (type) { return isString(type) && type !== 'type'; };

    // Auth parameters: a Variable list, filled from v2.1 arrays or plain objects.
    var fillAuthParams = function (list, options) {
        if (Array.isArray(options) || options instanceof PropertyList) {
            list.assimilate(options);
        }
        else if (isObject(options)) {
            Object.keys(options).forEach(function (k) {
                var existing = list.one(k);
                if (existing) { existing.set(options[k]); }
                else { list.add({ key: k, value: options[k] }); }
            });
        }
    };

    function RequestAuth(options, parent) {
        if (parent) { setHidden(this, '__parent', parent); }
        if (!isObject(options)) { return; }
        if (hasOwn(options, 'type')) { this.use(options.type); }
        var self = this;
        Object.keys(options).forEach(function (k) {
            if (k !== 'type') { self.update(options[k], k); }
        });
    }

    Object.assign(RequestAuth.prototype, {
        _params: function (type) {
            if (!(this[type] instanceof PropertyList)) { this[type] = new PropertyList(Variable, this, []); }
            return this[type];
        },
        update: function (options, type) {
            if (!isObject(options)) { return; }
            type = type || this.type;
            if (!isValidAuthType(type)) { return; }
            fillAuthParams(this._params(type), options);
        },
        use: function (type, options) {
            if (!isValidAuthType(type)) { return; }
            this.type = type;
            fillAuthParams(this._params(type), options);
        },
        parameters: function () { return this[this.type]; },
        // Discontinued in postman-collection 4 (it throws there); kept as an alias.
        current: function () { return this.parameters(); },
        clear: function (type) {
            if (!(isValidAuthType(type) && this[type] instanceof PropertyList)) { return; }
            this[type].clear();
            if (type !== this.type) { delete this[type]; }
        },
        toJSON: function () {
            var out = {}, self = this;
            if (this.type !== undefined) { out.type = this.type; }
            Object.keys(this).forEach(function (k) {
                if (k !== 'type' && self[k] instanceof PropertyList) { out[k] = self[k].toJSON(); }
            });
            return out;
        }
    });
    RequestAuth.isValidType = isValidAuthType;

    // ------------------------------------------------------------------ Request

    function Request(options) {
        if (isString(options)) { options = { url: options }; }
        this.url = new Url();
        this.headers = new PropertyList(Header, this, (options && options.header) || []);
        this.method = (options && !isNil(options.method)) ? String(options.method).toUpperCase() : 'GET';
        this.update(options);
    }

    Object.assign(Request.prototype, {
        update: function (options) {
            if (!options) { return; }
            if (isString(options)) { options = { url: options }; }
            if (hasOwn(options, 'url')) { this.url.update(options.url); }
            if (options.header) { this.headers.repopulate(options.header instanceof PropertyList ? options.header.members : options.header); }
            if (hasOwn(options, 'method')) {
                this.method = isNil(options.method) ? 'GET' : String(options.method).toUpperCase();
            }
            if (!isNil(options.body)) {
                this.body = options.body instanceof RequestBody ? options.body : new RequestBody(options.body);
            }
            if (options.auth) {
                this.auth = options.auth instanceof RequestAuth ? options.auth : new RequestAuth(options.auth, this);
            }
            ['name', 'id', 'description', 'proxy', 'certificate'].forEach(function (k) {
                if (!isNil(options[k])) { this[k] = cloneData(options[k]); }
            }, this);
        },

        authorizeUsing: function (type, options) {
            if (isObject(type) && isNil(options)) {
                options = Object.assign({}, type);
                delete options.type;
                type = type.type;
            }
            if (type === null) { delete this.auth; return; }
            if (!isValidAuthType(type)) { return; }
            if (!this.auth) { this.auth = new RequestAuth(null, this); }
            else { this.auth.clear(type); }
            this.auth.use(type, options);
        },

        getHeaders: function (options) {
            options = options || {};
            return this.headers.toObject(options.enabled, !options.ignoreCase, options.multiValue, options.sanitizeKeys);
        },

        forEachHeader: function (callback) {
            var self = this;
            this.headers.all().forEach(function (h) { callback(h, self); });
        },

        addHeader: function (header) { this.headers.add(header); },

        removeHeader: function (toRemove, options) {
            var key = isString(toRemove) ? toRemove : (toRemove && toRemove.key);
            options = options || {};
            if (!key) { return; }
            if (options.ignoreCase) { key = key.toLowerCase(); }
            this.headers.remove(function (h) {
                return (options.ignoreCase ? String(h.key).toLowerCase() : h.key) === key;
            });
        },

        upsertHeader: function (header) {
            if (isString(header)) { header = Header.parseSingle(header); }
            if (!(header && header.key)) { return; }
            var existing = this.headers.find(function (h) { return h.key === header.key; });
            if (!existing) { return this.headers.add(header); }
            existing.value = header.value;
        },

        addQueryParams: function (params) { this.url.addQueryParams(params); },

        removeQueryParams: function (params) { this.url.removeQueryParams(params); },

        size: function () {
            var info = { body: 0, header: 0, total: 0, source: 'COMPUTED' };
            var cl = this.headers.get('Content-Length');
            if (cl && isNumeric(cl)) {
                info.body = parseInt(cl, 10);
                info.source = 'CONTENT-LENGTH';
            }
            else if (this.body) {
                info.body = utf8Bytes(this.body.toString()).length;
            }
            info.header = (this.method + ' ' + this.url.getPathWithQuery() + ' HTTP/X.X\r\n\r\n').length +
                Header.unparse(this.headers).length;
            info.total = info.body + info.header;
            return info;
        },

        toJSON: function () {
            var out = { method: this.method, url: this.url.toJSON(), header: this.headers.toJSON() };
            if (this.body !== undefined && this.body !== null) {
                out.body = isFunction(this.body.toJSON) ? this.body.toJSON() : cloneData(this.body);
            }
            if (this.auth) { out.auth = isFunction(this.auth.toJSON) ? this.auth.toJSON() : cloneData(this.auth); }
            ['name', 'id', 'description', 'proxy', 'certificate'].forEach(function (k) {
                if (this[k] !== undefined) { out[k] = cloneData(this[k]); }
            }, this);
            return out;
        },

        clone: function () { return new Request(this.toJSON()); }
    });
    Request.isRequest = function (obj) { return obj instanceof Request; };

    // ------------------------------------------------------------------ Cookie

    var COOKIE_ATTRS = {
        httponly: 'httpOnly', secure: 'secure', domain: 'domain', path: 'path',
        'max-age': 'maxAge', session: 'session', expires: 'expires'
    };

    var ensureEncoded = function (s) {
        try { s = decodeURIComponent(s); } catch (e) { /* keep as is */ }
        try { return encodeURIComponent(s); } catch (e) { return s; }
    };

    function Cookie(options) {
        if (isString(options)) { options = Cookie.parse(options); }
        if (options) { this.update(options); }
    }
    Cookie._pmrIndexKey = 'name';
    Cookie._pmrCaseInsensitive = true;
    Cookie._pmrMultiValue = true;

    Object.assign(Cookie.prototype, {
        update: function (o) {
            var set = function (self, k, v) { if (v !== undefined) { self[k] = v; } };
            set(this, 'name', !isNil(o.name) ? o.name : o.key);
            set(this, 'expires', isString(o.expires) ? new Date(o.expires) : o.expires);
            set(this, 'maxAge', hasOwn(o, 'maxAge') ? Number(o.maxAge) : undefined);
            set(this, 'domain', o.domain);
            set(this, 'path', o.path);
            set(this, 'secure', hasOwn(o, 'secure') ? Boolean(o.secure) : undefined);
            set(this, 'httpOnly', hasOwn(o, 'httpOnly') ? Boolean(o.httpOnly) : undefined);
            set(this, 'hostOnly', hasOwn(o, 'hostOnly') ? Boolean(o.hostOnly) : undefined);
            set(this, 'session', hasOwn(o, 'session') ? Boolean(o.session) : undefined);
            set(this, 'value', o.value ? ensureEncoded(String(o.value)) : undefined);
            set(this, 'extensions', o.extensions || undefined);
        },
        valueOf: function () {
            try { return decodeURIComponent(this.value); } catch (e) { return this.value; }
        },
        toString: function () {
            var s = Cookie.unparseSingle(this);
            if (this.expires instanceof Date) {
                if (!isNaN(this.expires.getTime())) { s += '; Expires=' + this.expires.toUTCString(); }
            }
            else if (this.expires) { s += '; Expires=' + this.expires; }
            if (this.maxAge && this.maxAge !== Infinity) { s += '; Max-Age=' + this.maxAge; }
            if (this.domain && !this.hostOnly) { s += '; Domain=' + this.domain; }
            if (this.path) { s += '; Path=' + this.path; }
            if (this.secure) { s += '; Secure'; }
            if (this.httpOnly) { s += '; HttpOnly'; }
            (this.extensions || []).forEach(function (e) {
                s += '; ' + e.key + (e.value === true ? '' : '=' + e.value);
            });
            return s;
        },
        toJSON: function () {
            var out = propertyToJSON(this);
            if (this.expires instanceof Date) {
                out.expires = isNaN(this.expires.getTime()) ? undefined : this.expires.toISOString();
                if (out.expires === undefined) { delete out.expires; }
            }
            return out;
        }
    });

    Object.assign(Cookie, {
        isCookie: function (obj) { return obj instanceof Cookie; },
        unparseSingle: function (c) {
            if (!isObject(c)) { return ''; }
            var value = isNil(c.value) ? '' : c.value;
            return c.name ? c.name + '=' + value : value;
        },
        unparse: function (cookies) {
            var list = cookies instanceof PropertyList ? cookies.members : cookies;
            return Array.isArray(list) ? list.map(Cookie.unparseSingle).join('; ') : '';
        },
        splitParam: function (param) {
            var parts = param.split('='), key = parts[0].trim();
            var value = isString(parts[1]) ? parts[1].trim() : true;
            if (isString(value) && value[0] === '"') { value = value.slice(1, -1); }
            return { key: key, value: value };
        },
        // "name=value; Path=/; HttpOnly" -> cookie definition.
        parse: function (str) {
            if (!isString(str)) { return str; }
            var pairs = str.split(/; */), first = Cookie.splitParam(pairs.shift()), obj = { key: first.key, value: first.value };
            pairs.forEach(function (pair) {
                if (!pair) { return; }
                var kv = Cookie.splitParam(pair), attr = COOKIE_ATTRS[kv.key.toLowerCase()];
                if (attr) { obj[attr] = kv.value; }
                else { (obj.extensions = obj.extensions || []).push(kv); }
            });
            if (!obj.domain) { obj.hostOnly = true; }
            return obj;
        },
        stringify: function (c) { return Cookie.prototype.toString.call(c); }
    });

    function CookieList(parent, cookies) {
        PropertyList.call(this, Cookie, parent, cookies);
    }
    CookieList.prototype = Object.create(PropertyList.prototype);
    CookieList.prototype.constructor = CookieList;
    CookieList.isCookieList = function (obj) { return obj instanceof CookieList; };

    // ------------------------------------------------------------------ Response

    var HTTP_REASONS = {
        100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
        200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
        205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
        300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
        305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
        400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
        405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required',
        408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
        413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
        416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a teapot (RFC 2324)", 421: 'Misdirected Request',
        422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
        426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
        431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
        500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
        504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
        507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended',
        511: 'Network Authentication Required'
    };
    var httpReason = function (code) { return HTTP_REASONS[code]; };

    // ---- lenient JSON: strip a BOM, and on failure explain where like Postman does.

    var BOM_LENGTH = function (str) {
        if (!isString(str)) { return 0; }
        var c0 = str.charCodeAt(0), c1 = str.charCodeAt(1), c2 = str.charCodeAt(2);
        if (c0 === 0xfeff || c0 === 0xbbbf) { return 1; }
        if ((c0 === 0xfe && c1 === 0xff) || (c0 === 0xff && c1 === 0xfe)) { return 2; }
        if (c0 === 0xef && c1 === 0xbb && c2 === 0xbf) { return 3; }
        return 0;
    };

    // Finds the first JSON syntax error in `text` and returns "<what> at L:C\n<line>\n<caret>".
    var describeJSONError = function (text) {
        var pos = 0, len = text.length;
        // `lineOf`: where line/column counting stops (a raw newline inside a string
        // is reported on the string's own line, as Postman does).
        var SyntaxStop = function (msg, at, lineOf) { this.msg = msg; this.at = at; this.lineOf = lineOf; };
        var fail = function (msg, at, lineOf) {
            at = at === undefined ? pos : at;
            if (!msg) {
                if (at < len) {
                    var tok = JSON.stringify(text[at]).replace(/^"|"$/g, '').replace(/'/g, "\\'").replace(/\\"/g, '"');
                    msg = "Unexpected token '" + tok + "'";
                }
                else { msg = 'Unexpected end of input'; }
            }
            throw new SyntaxStop(msg, at, lineOf === undefined ? at : lineOf);
        };
        var ws = function () { while (pos < len && ' \t\n\r'.indexOf(text[pos]) !== -1) { pos++; } };
        var literal = function (word) {
            var start = pos;
            for (var k = 0; k < word.length; k++) {
                if (text[pos] !== word[k]) { fail(undefined, start); }
                pos++;
            }
        };
        var string = function () {
            var start = ++pos;
            while (pos < len) {
                var ch = text[pos];
                if (ch === '"') { pos++; return text.slice(start, pos - 1); }
                if (ch === '\\') {
                    pos++;
                    if (pos >= len) { fail(); }
                    if (text[pos] === 'u') {
                        for (var k = 1; k <= 4; k++) {
                            if (!/[0-9a-fA-F]/.test(text[pos + k] || '')) { pos += k; fail(pos < len ? 'Bad escape sequence' : undefined); }
                        }
                        pos += 5;
                        continue;
                    }
                    if ('"\\/bfnrt'.indexOf(text[pos]) === -1) { fail(); }
                    pos++;
                    continue;
                }
                if (ch === '\n' || ch === '\r') { fail(undefined, pos + 1, pos); }
                if (ch.charCodeAt(0) < 0x20) { fail('Unexpected control character'); }
                pos++;
            }
            fail();
        };
        var number = function () {
            if (text[pos] === '-' && !/[0-9.eE]/.test(text[pos + 1] || '')) { fail('Bad numeric literal - "-"'); }
            var m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(pos));
            if (!m || m[0] === '-') { fail(undefined, m ? pos + 1 : pos); }
            pos += m[0].length;
        };
        var value = function () {
            var ch = text[pos];
            if (ch === '{') { return object(); }
            if (ch === '[') { return array(); }
            if (ch === '"') { string(); return true; }
            if (ch === 't') { literal('true'); return true; }
            if (ch === 'f') { literal('false'); return true; }
            if (ch === 'n') { literal('null'); return true; }
            if (ch === '-' || (ch >= '0' && ch <= '9')) { number(); return true; }
            return false;
        };
        var object = function () {
            pos++;
            var nonEmpty = false;
            for (;;) {
                ws();
                if (text[pos] === '}') {
                    if (nonEmpty) { fail('Trailing comma in object'); }
                    pos++;
                    return true;
                }
                var key, numericKey = false;
                if (text[pos] === '"') { key = string(); }
                else if (/[0-9]/.test(text[pos] || '')) {
                    // a bare number is read as a key, then rejected once its value is known
                    var keyStart = pos;
                    number();
                    key = String(Number(text.slice(keyStart, pos)));
                    numericKey = true;
                }
                else { fail(); }
                ws();
                if (text[pos] !== ':') { fail(); }
                pos++;
                ws();
                if (!value()) { fail('No value found for key ' + key); }
                if (numericKey) { fail('Wrong key type: ' + key); }
                nonEmpty = true;
                ws();
                if (text[pos] === ',') { pos++; continue; }
                if (text[pos] === '}') { pos++; return true; }
                fail(undefined, pos + 1);
            }
        };
        var array = function () {
            pos++;
            var nonEmpty = false;
            for (;;) {
                // Input ending right after '[' or ',' means "no value here": the
                // enclosing context words the error (Postman's parser does the same).
                if (pos >= len) { return false; }
                ws();
                if (text[pos] === ',') { fail('Elisions are not supported', pos + 1); }
                if (text[pos] === ']') {
                    if (nonEmpty) { fail('Trailing comma in array'); }
                    pos++;
                    return true;
                }
                if (!value()) { fail(); }
                nonEmpty = true;
                ws();
                if (text[pos] === ',') { pos++; continue; }
                if (text[pos] === ']') { pos++; return true; }
                fail();
            }
        };
        var stop;
        try {
            ws();
            if (pos >= len) { fail(len ? 'No data, only a whitespace' : 'No data, empty input'); }
            if (!value()) { fail(pos >= len ? 'No data, only a whitespace' : undefined); }
            ws();
            if (pos < len) { fail(); }
            return null;
        }
        catch (e) {
            if (!(e instanceof SyntaxStop)) { throw e; }
            stop = e;
        }
        var at = stop.at, lineNo = 0, lineStart = 0;
        for (var i = 0; i < stop.lineOf && i < len; i++) {
            if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) { lineNo++; lineStart = i + 1; }
        }
        var col = at - lineStart;
        var from = Math.max(lineStart, at - 70);
        var lineEnd = from;
        while (lineEnd < len && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') { lineEnd++; }
        var src = text.slice(from, Math.min(lineEnd, from + 79)), caret = '';
        for (var j = from; j < at && j < lineEnd; j++) { caret += text[j] === '\t' ? '\t' : ' '; }
        return stop.msg + ' at ' + (lineNo + 1) + ':' + (col + 1) + '\n' + src + '\n' + caret + '^';
    };

    var parseJSONLenient = function (text, reviver) {
        var str = text;
        var bom = BOM_LENGTH(str);
        if (bom) { str = str.slice(bom); }
        try {
            return JSON.parse(str, reviver);
        }
        catch (err) {
            var message = isString(str) ? describeJSONError(str) : null;
            var e = new SyntaxError(message || err.message);
            e.name = 'JSONError';
            throw e;
        }
    };

    // ---- content info (Content-Type / Content-Disposition)

    var MIME_FORMATS = [
        [/(^|\+|\/)json$|^text\/x-json$|\/x-javascript-json$/, 'text', 'json'],
        [/(^|\+|\/)xml$|^application\/xml-dtd$/, 'text', 'xml'],
        [/^text\/html$|^application\/xhtml\+xml$/, 'text', 'html'],
        [/(java|ecma)script$/, 'text', 'script'],
        [/(^|\/|\+|-)yaml$/, 'text', 'yaml'],
        [/^application\/pdf$/, 'embed', 'pdf'],
        [/^text\//, 'text', 'plain'],
        [/^application\/x-www-form-urlencoded$/, 'text', 'plain'],
        [/^image\//, 'image', 'image'],
        [/^audio\//, 'audio', 'audio'],
        [/^video\//, 'video', 'video'],
        [/^multipart\//, 'multipart', 'raw'],
        [/^application\//, 'application', 'raw']
    ];
    var MIME_EXTENSIONS = {
        'application/json': 'json', 'application/ld+json': 'jsonld', 'application/xml': 'xml', 'text/xml': 'xml',
        'text/html': 'html', 'text/plain': 'txt', 'text/css': 'css', 'text/csv': 'csv',
        'application/javascript': 'js', 'application/pdf': 'pdf', 'application/zip': 'zip',
        'application/gzip': 'gz', 'application/octet-stream': 'bin', 'image/png': 'png', 'image/jpeg': 'jpeg',
        'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp', 'image/x-icon': 'ico',
        'audio/mpeg': 'mpga', 'video/mp4': 'mp4', 'text/yaml': 'yaml', 'application/atom+xml': 'atom',
        'application/rss+xml': 'rss', 'text/markdown': 'md', 'application/wasm': 'wasm'
    };

    var mimeInfo = function (contentType) {
        if (!contentType) { contentType = 'text/plain'; }
        var parts = String(contentType).split(';');
        var source = parts[0].trim().toLowerCase(), charset;
        parts.slice(1).forEach(function (p) {
            var m = /^\s*charset\s*=\s*"?([^";]+)"?/i.exec(p);
            if (m) { charset = m[1].trim().toLowerCase(); }
        });
        if (charset === 'utf-8') { charset = 'utf8'; }
        var type = 'unknown', format = 'raw';
        for (var i = 0; i < MIME_FORMATS.length; i++) {
            if (MIME_FORMATS[i][0].test(source)) { type = MIME_FORMATS[i][1]; format = MIME_FORMATS[i][2]; break; }
        }
        return {
            contentType: source, mimeType: type, mimeFormat: format,
            charset: charset || 'utf8', extension: MIME_EXTENSIONS[source] || ''
        };
    };

    var fileNameFromDisposition = function (header) {
        if (!header) { return undefined; }
        var name;
        var enc = /;[ \t]*filename\*[ \t]*=[ \t]*([A-Za-z0-9!#$%&+\-^_`{}~]+)'.*'((?:%[0-9A-Fa-f]{2}|[A-Za-z0-9!#$&+.^_`|~-])+)[ \t]*/.exec(header);
        if (enc) {
            var charset = enc[1].toLowerCase(), bytes = enc[2];
            try {
                if (charset === 'utf-8') { name = decodeURIComponent(bytes); }
                else if (charset === 'iso-8859-1') {
                    name = bytes.replace(/%([0-9A-Fa-f]{2})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); })
                        .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
                }
            }
            catch (e) { name = undefined; }
        }
        if (!name) {
            var plain = /;[ \t]*filename[ \t]*=[ \t]*("(?:[\x20!\x23-\x5b\x5d-\x7e\x80-\xff]|\\[\x20-\x7e])*"|[!#$%&'*+.0-9A-Z^_`a-z|~-]+)[ \t]*/.exec(header);
            name = plain ? plain[1] : undefined;
            if (name && name[0] === '"') { name = name.slice(1, -1).replace(/\\([ -~])/g, '$1'); }
        }
        return name;
    };

    function Response(options) {
        options = options || {};
        this.update(options);
    }

    Object.assign(Response.prototype, {
        update: function (o) {
            this.code = o.code;
            this.status = !isNil(o.reason) ? o.reason : (!isNil(o.status) && o.status !== '' ? o.status : httpReason(o.code));
            this.headers = new PropertyList(Header, this, o.header || o.headers || []);
            this.body = o.body;
            this.cookies = new CookieList(this, o.cookie || o.cookies || []);
            this.responseTime = o.responseTime;
            this.responseSize = o.responseSize;
            if (o.id !== undefined) { this.id = o.id; }
        },
        reason: function () { return this.status || httpReason(this.code); },
        details: function () {
            return { name: httpReason(this.code), code: this.code, standardName: httpReason(this.code) };
        },
        text: function () { return this.body; },
        json: function (reviver) { return parseJSONLenient(this.text(), reviver); },
        jsonp: function (reviver) {
            var t = this.text() || '';
            return parseJSONLenient(t.replace(/^[^{(].*\(/, '').replace(/\)[^}].*$|\)$/, ''), reviver);
        },
        contentInfo: function () {
            var mi = mimeInfo(this.headers.get('Content-Type'));
            var fileName = fileNameFromDisposition(this.headers.get('Content-Disposition'));
            var ext = mi.extension, out = {};
            if (!fileName) { fileName = 'response' + (ext ? '.' + ext : ''); }
            out.contentType = mi.contentType;
            out.mimeType = mi.mimeType;
            out.mimeFormat = mi.mimeFormat;
            out.charset = mi.charset;
            if (ext) { out.fileExtension = ext; }
            out.fileName = fileName;
            return out;
        },
        dataURI: function () {
            var ct = this.contentInfo().contentType;
            if (!ct) { return ''; }
            return 'data:' + ct + ';base64, ' + (isNil(this.body) ? '' : base64(String(this.body)));
        },
        size: function () {
            var info = { body: 0, header: 0, total: 0 }, cl = this.headers.get('Content-Length');
            if (isNumeric(this.responseSize)) { info.body = Number(this.responseSize); }
            else if (cl && isNumeric(cl)) { info.body = parseInt(cl, 10); }
            else if (!isNil(this.body)) { info.body = utf8Bytes(String(this.body)).length; }
            info.header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length +
                Header.unparse(this.headers).length;
            info.total = info.body + info.header;
            return info;
        },
        encoding: function () {
            var ce = this.headers.get('Content-Encoding');
            return { format: ce, source: ce ? 'header' : undefined };
        },
        toJSON: function () {
            var out = {
                status: this.status, code: this.code, header: this.headers.toJSON(), body: this.body,
                cookie: this.cookies.toJSON(), responseTime: this.responseTime, responseSize: this.responseSize
            };
            if (this.id !== undefined) { out.id = this.id; }
            Object.keys(out).forEach(function (k) { if (out[k] === undefined) { delete out[k]; } });
            return out;
        }
    });
    Response.isResponse = function (obj) { return obj instanceof Response; };

    // ------------------------------------------------------------------ replaceIn

    var TOKEN = /\{\{([^{}]*?)}}/g;
    var SUBSTITUTION_PASSES = 19;

    /*
     * Newman's `{{name}}` substitution.  The string is rescanned after each pass so a
     * value may itself contain or build a token ({{nest{{x}}}}); 19 passes at most, as
     * in Postman, so a self-referencing value terminates.  `lookup` may return a plain
     * value (undefined/null keep the token) or an object such as a Variable, which is
     * substituted through its toString() like Postman does.
     */
    var replaceInString = function (template, lookup) {
        var replacer = function (match, name) {
            var v = lookup(name);
            if (isFunction(v)) { v = v(); }
            if (v !== null && v !== undefined && typeof v === 'object' && isFunction(v.toString)) { v = v.toString(); }
            var t = typeof v;
            return (t === 'string' || t === 'number' || t === 'boolean') ? String(v) : match;
        };
        var value = template;
        for (var pass = 0; pass < SUBSTITUTION_PASSES; pass++) {
            var next = value.replace(TOKEN, replacer);
            if (next === value) { break; }
            value = next;
        }
        return value;
    };

    var replaceIn = function (template, lookup) {
        if (!isFunction(lookup)) {
            var source = lookup || {};
            lookup = function (name) { return hasOwn(source, name) ? source[name] : undefined; };
        }
        var walk = function (v) {
            if (isString(v)) { return replaceInString(v, lookup); }
            if (Array.isArray(v)) { return v.map(walk); }
            if (v !== null && typeof v === 'object') {
                if (isFunction(v.toJSON) && !isPlainObject(v)) { v = v.toJSON(); }
                var out = {};
                Object.keys(v).forEach(function (k) { out[k] = walk(v[k]); });
                return out;
            }
            return v;
        };
        return walk(template);
    };

    // ------------------------------------------------------------------ VariableScope

    function VariableScope(definition) {
        if (Array.isArray(definition) || definition instanceof PropertyList) { definition = { values: definition }; }
        definition = definition || {};
        var values = definition.values instanceof PropertyList ? definition.values.toJSON() : definition.values;
        this.values = new PropertyList(Variable, this, values || []);
        if (definition.id !== undefined) { this.id = definition.id; }
        if (definition.name !== undefined) { this.name = definition.name; }
    }

    Object.assign(VariableScope.prototype, {
        // The Variable in effect for `key` (the last enabled one), or undefined.  A
        // `replaceIn` lookup should hand this object back rather than its value: Postman
        // substitutes any *defined* variable, so null reads "null" and undefined "".
        effectiveVariable: function (key) { return this._effective(key); },

        _effective: function (key) {
            var m = this.values.members;
            for (var i = m.length - 1; i >= 0; i--) {
                if (m[i] && m[i].key === key && !m[i].disabled) { return m[i]; }
            }
            return undefined;
        },
        has: function (key) { return Boolean(this._effective(key)); },
        get: function (key) {
            var v = this._effective(key);
            return v ? v.valueOf() : undefined;
        },
        set: function (key, value, type) {
            var existing = this._effective(key), update = { key: key, value: value };
            if (isString(type)) { update.type = type; }
            if (existing) { existing.update(update); }
            else { this.values.add(update); }
        },
        unset: function (key) {
            this.values.remove(function (v) { return v.key === key && !v.disabled; });
        },
        clear: function () { this.values.clear(); },
        toObject: function () {
            var out = {};
            this.values.members.forEach(function (v) {
                if (v && !v.disabled && !isNil(v.key)) { out[v.key] = v.valueOf(); }
            });
            return out;
        },
        replaceIn: function (template) {
            var self = this;
            return replaceIn(template, function (name) { return self._effective(name); });
        },
        syncVariablesFrom: function (obj) {
            var self = this;
            if (!isObject(obj)) { return; }
            Object.keys(obj).forEach(function (k) { self.set(k, obj[k]); });
            this.values.remove(function (v) { return !hasOwn(obj, v.key); });
        },
        syncVariablesTo: function (obj) {
            obj = isObject(obj) ? obj : {};
            Object.keys(obj).forEach(function (k) { delete obj[k]; });
            return Object.assign(obj, this.toObject());
        },
        // The values array, types kept (what the Python side stores back).
        toJSON: function () { return this.values.toJSON(); }
    });
    VariableScope.isVariableScope = function (obj) { return obj instanceof VariableScope; };

    // ------------------------------------------------------------------ dynamic variables

    var pick = function (arr) { return arr[Math.floor(Math.random() * arr.length)]; };
    var randInt = function (lo, hi) { return lo + Math.floor(Math.random() * (hi - lo + 1)); };
    var hex = function (n) {
        var s = '';
        for (var i = 0; i < n; i++) { s += '0123456789abcdef'[randInt(0, 15)]; }
        return s;
    };
    var uuid4 = function () {
        return hex(8) + '-' + hex(4) + '-4' + hex(3) + '-' + '89ab'[randInt(0, 3)] + hex(3) + '-' + hex(12);
    };
    var FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger',
        'Katherine', 'John', 'Radia', 'Tim', 'Hedy', 'Donald', 'Sophie', 'Guido', 'Joan', 'Bjarne'];
    var LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson',
        'Allen', 'Dijkstra', 'Johnson', 'McCarthy', 'Perlman', 'Berners-Lee', 'Lamarr', 'Knuth', 'Wilson',
        'Rossum', 'Clarke', 'Stroustrup'];
    var WORDS = ['alpha', 'bridge', 'copper', 'delta', 'ember', 'forest', 'glacier', 'harbor', 'island', 'jungle',
        'kernel', 'lantern', 'meadow', 'nebula', 'orchid', 'prairie', 'quartz', 'river', 'summit', 'timber',
        'umbra', 'valley', 'willow', 'yonder', 'zephyr'];
    var DOMAINS = ['example.com', 'example.net', 'example.org', 'test.dev', 'mail.test'];
    var ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

    var dynamicVariables = {
        $guid: uuid4,
        $randomUUID: uuid4,
        $timestamp: function () { return Math.round(Date.now() / 1000); },
        $isoTimestamp: function () { return new Date().toISOString(); },
        $randomInt: function () { return randInt(0, 1000); },
        $randomAlphaNumeric: function () { return ALNUM[randInt(0, ALNUM.length - 1)]; },
        $randomBoolean: function () { return Math.random() < 0.5; },
        $randomHexColor: function () { return '#' + hex(6); },
        $randomFirstName: function () { return pick(FIRST_NAMES); },
        $randomLastName: function () { return pick(LAST_NAMES); },
        $randomFullName: function () { return pick(FIRST_NAMES) + ' ' + pick(LAST_NAMES); },
        $randomEmail: function () {
            return (pick(FIRST_NAMES) + '.' + pick(LAST_NAMES)).toLowerCase().replace(/[^a-z.]/g, '') +
                randInt(1, 99) + '@' + pick(DOMAINS);
        },
        $randomWord: function () { return pick(WORDS); },
        $randomIP: function () { return [randInt(1, 254), randInt(0, 255), randInt(0, 255), randInt(1, 254)].join('.'); },
        $randomPassword: function () {
            var s = '';
            for (var i = 0; i < 15; i++) { s += ALNUM[randInt(0, ALNUM.length - 1)]; }
            return s;
        }
    };

    // ------------------------------------------------------------------ publish

    globalThis.__pmr_sdk = {
        PropertyList: PropertyList,
        Header: Header,
        HeaderList: function (parent, headers) { return new PropertyList(Header, parent, headers); },
        QueryParam: QueryParam,
        FormParam: FormParam,
        Variable: Variable,
        VariableList: function (parent, values) { return new PropertyList(Variable, parent, values); },
        Url: Url,
        RequestBody: RequestBody,
        RequestAuth: RequestAuth,
        Request: Request,
        Response: Response,
        Cookie: Cookie,
        CookieList: CookieList,
        VariableScope: VariableScope,
        replaceIn: replaceIn,
        dynamicVariables: dynamicVariables,
        parseJSON: parseJSONLenient
    };
}());
