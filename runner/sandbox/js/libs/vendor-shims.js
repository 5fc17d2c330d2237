/*
 * Small additions to the vendored libraries (runner/sandbox/libs_vendor.py), applied when
 * they are first required.
 * Why: the maintained PyPI packages ship lodash 4.16.4 (same API as Postman's 4.17.21) and
 * moment 2.8.4, which predates methods scripts use today with Postman's moment 2.x
 * (isBetween, isSameOrBefore/After, utcOffset, toObject, to/toNow, moment.isDate, ...).
 * Each shim is added only when the method is missing, so a newer package wins.
 */
(function () {
  "use strict";

  function patchMoment(moment) {
    var proto = Object.getPrototypeOf(moment());
    function def(target, name, fn) {
      if (typeof target[name] === "undefined") {
        Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
      }
    }
    function asMoment(x) { return moment.isMoment(x) ? x : moment(x); }

    def(proto, "isSameOrAfter", function (input, units) {
      return this.isSame(input, units) || this.isAfter(input, units);
    });
    def(proto, "isSameOrBefore", function (input, units) {
      return this.isSame(input, units) || this.isBefore(input, units);
    });
    def(proto, "isBetween", function (from, to, units, inclusivity) {
      var a = asMoment(from), b = asMoment(to);
      if (!(this.isValid() && a.isValid() && b.isValid())) return false;
      var incl = inclusivity || "()";
      var afterStart = incl.charAt(0) === "(" ? this.isAfter(a, units) : !this.isBefore(a, units);
      var beforeEnd = incl.charAt(1) === ")" ? this.isBefore(b, units) : !this.isAfter(b, units);
      return afterStart && beforeEnd;
    });
    // utcOffset is the sign-flipped successor of zone(); numbers below 16 mean hours.
    def(proto, "utcOffset", function (input, keepLocalTime) {
      if (input === undefined || input === null) return this._isUTC && !this._offset ? 0 : -this.zone();
      var minutes;
      if (typeof input === "string") {
        if (/^z$/i.test(input.trim())) minutes = 0;
        else {
          var m = /([+-])(\d\d):?(\d\d)?$/.exec(input);
          if (!m) return this;
          minutes = (parseInt(m[2], 10) * 60 + parseInt(m[3] || "0", 10)) * (m[1] === "-" ? -1 : 1);
        }
      } else {
        minutes = Math.abs(input) < 16 ? input * 60 : input;
      }
      if (keepLocalTime) {
        // same wall-clock time in the new offset: move the instant by the offset change
        var before = -this.zone();
        this.zone(-minutes);
        return this.subtract(minutes - before, "m");
      }
      return this.zone(-minutes);
    });
    def(proto, "isUTC", function () { return !!this._isUTC && this.zone() === 0; });
    def(proto, "isUtc", proto.isUTC);
    def(proto, "isLocal", function () { return !this._isUTC; });
    def(proto, "isUtcOffset", function () { return !!this._isUTC; });
    def(proto, "toObject", function () {
      return { years: this.year(), months: this.month(), date: this.date(), hours: this.hours(),
        minutes: this.minutes(), seconds: this.seconds(), milliseconds: this.milliseconds() };
    });
    def(proto, "to", function (input, withoutSuffix) {
      var other = asMoment(input);
      if (!this.isValid() || !other.isValid()) return this.localeData().invalidDate();
      return other.from(this, withoutSuffix);
    });
    def(proto, "toNow", function (withoutSuffix) { return this.to(moment(), withoutSuffix); });
    // util.inspect(m) shows moment("...") / moment.utc("...") as in moment 2.10+
    def(proto, "inspect", function () {
      if (!this.isValid()) return "moment.invalid(/* " + this._i + " */)";
      var fn = !this._isUTC ? "moment" : this.zone() === 0 ? "moment.utc" : "moment.parseZone";
      var year = this.year() >= 0 && this.year() <= 9999 ? "YYYY" : "YYYYYY";
      return this.format("[" + fn + '("]' + year + "-MM-DD[T]HH:mm:ss.SSS" + (fn === "moment" ? "" : "Z") + '[")]');
    });
    def(proto, "weeksInYear", function () { return this.isoWeeksInYear ? this.isoWeeksInYear() : 52; });

    def(moment, "isDate", function (x) { return x instanceof Date || Object.prototype.toString.call(x) === "[object Date]"; });
    def(moment, "now", function () { return Date.now(); });
    def(moment, "HTML5_FMT", {
      DATETIME_LOCAL: "YYYY-MM-DDTHH:mm", DATETIME_LOCAL_SECONDS: "YYYY-MM-DDTHH:mm:ss",
      DATETIME_LOCAL_MS: "YYYY-MM-DDTHH:mm:ss.SSS", DATE: "YYYY-MM-DD", TIME: "HH:mm",
      TIME_SECONDS: "HH:mm:ss", TIME_MS: "HH:mm:ss.SSS", WEEK: "GGGG-[W]WW", MONTH: "YYYY-MM"
    });
    def(moment, "updateLocale", function (name, config) { return moment.locale(name, config); });
    def(moment, "locales", function () { return ["en"]; });
    if (moment.defaultFormatUtc === undefined) {
      // moment >= 2.13 prints UTC moments as "...Z" by default instead of "+00:00"
      moment.defaultFormatUtc = "YYYY-MM-DDTHH:mm:ss[Z]";
      var originalFormat = proto.format;
      Object.defineProperty(proto, "format", {
        value: function (fmt) {
          if (fmt === undefined && this._isUTC && this.zone() === 0) return originalFormat.call(this, moment.defaultFormatUtc);
          return originalFormat.apply(this, arguments);
        },
        writable: true, configurable: true, enumerable: false
      });
    }
    return moment;
  }

  var PATCHES = { moment: patchMoment };

  Object.defineProperty(globalThis, "__pmr_vendor_patch", {
    value: function (name, exported) {
      var patch = PATCHES[name];
      return patch ? patch(exported) : exported;
    },
    writable: false, configurable: false, enumerable: false
  });
})();

/*
 * "lodash3": the `_` Postman scripts see as a global is lodash 3.10 (require('lodash') is
 * lodash 4). This module is a separate lodash 4 instance with the lodash 3 names and call
 * shapes scripts still use (_.pluck, _.where, _.contains, _.indexBy, _.max(coll, fn), ...),
 * so the engine can back the `_` global with it without touching require('lodash').
 */
__pmr_define("lodash3", function (require) {
  "use strict";
  var base = require("lodash");
  var _ = base.runInContext();

  var orig = {
    uniq: _.uniq, max: _.max, min: _.min, sum: _.sum, flatten: _.flatten, zipObject: _.zipObject,
    pick: _.pick, omit: _.omit, capitalize: _.capitalize, first: _.first, last: _.last, rest: _.rest,
    sortBy: _.sortBy, includes: _.includes
  };
  function isIteratee(x) { return typeof x === "function" || typeof x === "string" || (x !== null && typeof x === "object"); }

  _.mixin({
    pluck: function (collection, path) { return _.map(collection, _.property(path)); },
    where: function (collection, source) { return _.filter(collection, _.matches(source)); },
    findWhere: function (collection, source) { return _.find(collection, _.matches(source)); },
    indexBy: function (collection, iteratee) { return _.keyBy(collection, iteratee); },
    pairs: function (object) { return _.toPairs(object); },
    restParam: function (fn, start) { return _.rest(fn, start); },
    sortByOrder: function (collection, iteratees, orders) {
      orders = _.map(orders, function (o) { return o === true || o === "asc" ? "asc" : o === false || o === "desc" ? "desc" : o; });
      return _.orderBy(collection, iteratees, orders);
    },
    sortByAll: function (collection) {
      var props = _.flatten(Array.prototype.slice.call(arguments, 1));
      return _.sortBy(collection, props);
    },
    backflow: _.flowRight, compose: _.flowRight,
    collect: _.map, select: _.filter, detect: _.find,
    all: _.every, any: _.some,
    contains: orig.includes, include: orig.includes,
    foldl: _.reduce, inject: _.reduce, foldr: _.reduceRight,
    methods: _.functions, callback: _.iteratee, modArgs: _.overArgs,
    padLeft: _.padStart, padRight: _.padEnd, trimLeft: _.trimStart, trimRight: _.trimEnd,
    trunc: function (string, options) {
      if (typeof options === "number") options = { length: options };
      return _.truncate(string, options);
    },
    object: function (props, values) {
      // lodash 3 also takes an array of [key, value] pairs
      return values === undefined && Array.isArray(props) && props.every(Array.isArray) ? _.fromPairs(props) : orig.zipObject(props, values);
    },
    unique: function () { return _.uniq.apply(_, arguments); },
    uniq: function (array, isSorted, iteratee) {
      if (typeof isSorted !== "boolean" && isSorted !== undefined) { iteratee = isSorted; }
      return iteratee !== undefined && iteratee !== null ? _.uniqBy(array, iteratee) : orig.uniq(array);
    },
    max: function (collection, iteratee) {
      var values = _.isArray(collection) ? collection : _.values(collection);
      if (!values.length) return -Infinity;   // lodash 3 returned -Infinity for nothing
      return isIteratee(iteratee) ? _.maxBy(values, iteratee) : orig.max(values);
    },
    min: function (collection, iteratee) {
      var values = _.isArray(collection) ? collection : _.values(collection);
      if (!values.length) return Infinity;
      return isIteratee(iteratee) ? _.minBy(values, iteratee) : orig.min(values);
    },
    sum: function (collection, iteratee) {
      var values = _.isArray(collection) ? collection : _.values(collection);
      return isIteratee(iteratee) ? _.sumBy(values, iteratee) : orig.sum(values);
    },
    flatten: function (array, isDeep) { return isDeep === true ? _.flattenDeep(array) : orig.flatten(array); },
    pick: function (object, predicate) {
      return typeof predicate === "function" ? _.pickBy(object, predicate) : orig.pick.apply(_, arguments);
    },
    omit: function (object, predicate) {
      return typeof predicate === "function" ? _.omitBy(object, predicate) : orig.omit.apply(_, arguments);
    },
    // lodash 3 only upper-cased the first character
    capitalize: function (string) {
      string = string === null || string === undefined ? "" : String(string);
      return string.charAt(0).toUpperCase() + string.slice(1);
    },
    first: function (array, n) { return n === undefined ? orig.first(array) : _.take(array, n); },
    last: function (array, n) { return n === undefined ? orig.last(array) : _.takeRight(array, n); },
    rest: function (arrayOrFn, n) {
      // lodash 3's rest(array) is lodash 4's tail(array); rest(fn) kept lodash 4's meaning
      return typeof arrayOrFn === "function" ? orig.rest(arrayOrFn, n) : _.tail(arrayOrFn);
    }
  });
  return _;
});
