/*
 * Node's `events` module (EventEmitter) for Postman scripts.
 * Why: Postman exposes Node core modules through require(); scripts and small libraries
 * pasted into collections use EventEmitter for simple pub/sub. Written for pmreplay.
 */
__pmr_define("events", function (require) {
  "use strict";

  function EventEmitter() {
    EventEmitter.init.call(this);
  }
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.init = function () {
    if (!this._events || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
  };

  function checkListener(listener) {
    if (typeof listener !== "function") {
      var err = new TypeError('The "listener" argument must be of type function. Received ' +
        (listener === null ? "null" : typeof listener === "object" ? "an instance of Object" : "type " + typeof listener + " (" + String(listener) + ")"));
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
  }

  function events(self) {
    if (!self._events) { self._events = Object.create(null); self._eventsCount = 0; }
    return self._events;
  }

  function addListener(self, type, listener, prepend) {
    checkListener(listener);
    var evs = events(self);
    if (evs.newListener !== undefined) {
      self.emit("newListener", type, listener.listener ? listener.listener : listener);
      evs = events(self);
    }
    var list = evs[type];
    if (!list) { evs[type] = [listener]; self._eventsCount++; }
    else if (prepend) list.unshift(listener);
    else list.push(listener);
    return self;
  }

  EventEmitter.prototype.setMaxListeners = function (n) {
    if (typeof n !== "number" || n < 0 || n !== n) {
      throw new RangeError('The value of "n" is out of range. It must be a non-negative number. Received ' + String(n));
    }
    this._maxListeners = n;
    return this;
  };
  EventEmitter.prototype.getMaxListeners = function () {
    return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
  };

  EventEmitter.prototype.emit = function (type) {
    var args = Array.prototype.slice.call(arguments, 1);
    var evs = events(this);
    var list = evs[type];
    if (type === "error" && !list) {
      var er = args[0];
      if (er instanceof Error) throw er;
      // worded like the events 2.x module Newman's sandbox bundles (no error code)
      var err = new Error('Unhandled "error" event. (' + er + ")");
      err.context = er;
      throw err;
    }
    if (!list) return false;
    var copy = list.slice();
    for (var i = 0; i < copy.length; i++) copy[i].apply(this, args);
    return true;
  };

  EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (type, listener) {
    return addListener(this, type, listener, false);
  };
  EventEmitter.prototype.prependListener = function (type, listener) {
    return addListener(this, type, listener, true);
  };

  function onceWrapper(self, type, listener) {
    var fired = false;
    function wrapped() {
      if (fired) return undefined;
      fired = true;
      self.removeListener(type, wrapped);
      return listener.apply(self, arguments);
    }
    wrapped.listener = listener;
    return wrapped;
  }
  EventEmitter.prototype.once = function (type, listener) {
    checkListener(listener);
    return this.on(type, onceWrapper(this, type, listener));
  };
  EventEmitter.prototype.prependOnceListener = function (type, listener) {
    checkListener(listener);
    return this.prependListener(type, onceWrapper(this, type, listener));
  };

  EventEmitter.prototype.off = EventEmitter.prototype.removeListener = function (type, listener) {
    checkListener(listener);
    var evs = events(this);
    var list = evs[type];
    if (!list) return this;
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        list.splice(i, 1);
        if (list.length === 0) { delete evs[type]; this._eventsCount--; }
        if (evs.removeListener !== undefined) this.emit("removeListener", type, listener);
        break;
      }
    }
    return this;
  };

  EventEmitter.prototype.removeAllListeners = function (type) {
    var evs = events(this);
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (evs[type]) {
      delete evs[type];
      this._eventsCount--;
    }
    return this;
  };

  EventEmitter.prototype.listeners = function (type) {
    var list = events(this)[type];
    return list ? list.map(function (l) { return l.listener || l; }) : [];
  };
  EventEmitter.prototype.rawListeners = function (type) {
    var list = events(this)[type];
    return list ? list.slice() : [];
  };
  EventEmitter.prototype.listenerCount = function (type) {
    var list = events(this)[type];
    return list ? list.length : 0;
  };
  EventEmitter.listenerCount = function (emitter, type) {
    return emitter.listenerCount(type);
  };
  EventEmitter.prototype.eventNames = function () {
    return Reflect.ownKeys(events(this));
  };

  EventEmitter.once = function (emitter, name) {
    return new Promise(function (resolve, reject) {
      function onError(err) { emitter.removeListener(name, onEvent); reject(err); }
      function onEvent() {
        if (name !== "error") emitter.removeListener("error", onError);
        resolve(Array.prototype.slice.call(arguments));
      }
      emitter.once(name, onEvent);
      if (name !== "error") emitter.once("error", onError);
    });
  };

  EventEmitter.EventEmitter = EventEmitter;
  return EventEmitter;
});
