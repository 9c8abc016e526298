// api.js publishes window.nnviz once the wasm has drawn its first frame.
//
// The wasm hands over its methods as plain functions that return {ok, value} or {ok, error}:
// a Go callback cannot throw, so this wrapper throws the Error for it. Event listeners live
// here too, so the wasm only calls out when somebody listens.
(function () {
  'use strict';

  const EVENTS = ['step', 'points', 'config', 'ready', 'editweight'];
  const listeners = new Map(EVENTS.map((e) => [e, new Set()]));

  // tooLong names the first string among args, or among the values of a plain object in args,
  // that is longer than max characters; or returns "".
  function tooLong(args, max) {
    const say = (what, v) => what + ': a string of ' + v.length.toLocaleString('en') +
      ' characters is more than any argument may have (' + max.toLocaleString('en') + ')';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (typeof a === 'string' && a.length > max) {
        return say('argument ' + (i + 1), a);
      }
      if (a !== null && typeof a === 'object' && Object.getPrototypeOf(a) === Object.prototype) {
        for (const [k, v] of Object.entries(a)) {
          if (typeof v === 'string' && v.length > max) {
            return say('argument ' + (i + 1) + ' (' + k + ')', v);
          }
        }
      }
    }
    return '';
  }

  // wrap makes the method that throws. It refuses, before the wasm sees them, strings longer
  // than limits.maxText: handing one to Go costs time in proportion to its length.
  function wrap(name, fn, limits) {
    return function (...args) {
      const long = tooLong(args, limits.maxText);
      if (long) {
        throw new Error('nnviz.' + name + ': ' + long);
      }
      const r = fn(...args);
      if (!r || !r.ok) {
        throw new Error('nnviz.' + name + ': ' + (r ? r.error : 'no answer from the wasm'));
      }
      return r.value;
    };
  }

  // unpack turns the wasm's packed points (a Float64Array of x, y, label, value, test per
  // point) into [{x, y, label}, ...], or [{x, y, value}, ...] for a regression, with test: true
  // on the test points.
  const FIELDS = 5;
  function unpack(packed, regression) {
    const out = new Array(packed.length / FIELDS);
    for (let k = 0; k < out.length; k++) {
      const f = FIELDS * k;
      const p = regression ? { x: packed[f], y: packed[f + 1], value: packed[f + 3] }
        : { x: packed[f], y: packed[f + 1], label: packed[f + 2] };
      if (packed[f + 4] === 1) {
        p.test = true;
      }
      out[k] = p;
    }
    return out;
  }

  function emit(event, detail) {
    if (event === 'points' && detail && detail.packedPoints) {
      detail = { points: unpack(detail.packedPoints, detail.regression) };
    }
    const set = listeners.get(event);
    if (!set) {
      return;
    }
    for (const fn of set) {
      try {
        fn(detail);
      } catch (err) {
        console.error('nnviz: a listener for "' + event + '" threw:', err);
      }
    }
  }
  emit.wants = (event) => (listeners.get(event) || new Set()).size > 0;

  /**
   * Called by the wasm after its first frame. raw maps method names to the wasm's functions;
   * limits holds maxText, the longest string any method reads. Returns the emitter the wasm
   * calls for events.
   */
  window.__nnvizInstall = function (raw, limits) {
    const api = {};
    for (const name of Object.keys(raw)) {
      api[name] = wrap(name, raw[name], limits);
    }

    // state() copies the points out of the wasm only when they changed (status().pointsRevision
    // says when): the wasm leaves them out when they are still those of the revision held here.
    // Each call still returns points of its own, copied here, which costs little.
    const rawState = api.state;
    let held = { revision: -1, points: [] };
    api.state = function () {
      const s = rawState(held.revision);
      const regression = s.problem === 'regression';
      if (s.packedPoints || held.regression !== regression) {
        held = { revision: s.pointsRevision, regression, points: unpack(s.packedPoints || rawState(-1).packedPoints, regression) };
      }
      delete s.packedPoints;
      s.points = held.points.map((p) => ({ ...p }));
      return s;
    };

    // step(n) makes n training steps and returns a Promise. The steps run under the frame's time
    // budget: those that fit run at once (step() and step(1) always make their step before they
    // return), the rest in the frames that follow, while the page keeps drawing and answering.
    // The Promise resolves with status() when all are made, or rejects with an Error saying how
    // many were made and why the rest were not (pause, reset, new points or weights, divergence).
    // Arguments out of range, and a first step that fails, throw at once.
    const rawStep = raw.step;
    api.step = function (n) {
      let settle;
      const done = new Promise((resolve, reject) => {
        settle = (error, status) => (error == null ? resolve(status) : reject(new Error('nnviz.step: ' + error)));
      });
      wrap('step', rawStep, limits)(n, settle);
      return done;
    };
    /**
     * on(event, fn) calls fn on every event: 'step' ({steps, epoch, loss, accuracy}),
     * 'points' ({points}), 'config' and 'ready'. It returns a function that stops listening.
     */
    api.on = function (event, fn) {
      if (!listeners.has(event)) {
        throw new Error('nnviz.on: unknown event "' + event + '"; events are ' + EVENTS.join(', '));
      }
      if (typeof fn !== 'function') {
        throw new Error('nnviz.on: the listener for "' + event + '" must be a function');
      }
      listeners.get(event).add(fn);
      if (event === 'ready') {
        // Already ready: nnviz exists only once the first frame is drawn.
        queueMicrotask(() => fn(api));
      }
      return () => listeners.get(event).delete(fn);
    };
    /**
     * memory() is the size in bytes of the wasm's linear memory: what the playground holds in
     * the browser's memory. It grows when the wasm needs more and never shrinks.
     */
    api.memory = function () {
      const mem = window.__nnvizMemory;
      if (!(mem instanceof WebAssembly.Memory)) {
        throw new Error('nnviz.memory: the wasm\'s memory is not known (embed.js did not start it)');
      }
      return mem.buffer.byteLength;
    };
    window.nnviz = Object.freeze(api);
    emit('ready', api);
    window.dispatchEvent(new CustomEvent('nnviz:ready', { detail: api }));
    return emit;
  };
})();
