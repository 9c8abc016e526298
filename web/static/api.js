// api.js publishes window.nnviz once the wasm has drawn its first frame.
//
// The wasm hands over its methods as plain functions that return {ok, value} or {ok, error}:
// a Go callback cannot throw, so this wrapper throws the Error for it. Event listeners live
// here too, so the wasm only calls out when somebody listens.
(function () {
  'use strict';

  const EVENTS = ['step', 'points', 'config', 'ready'];
  const listeners = new Map(EVENTS.map((e) => [e, new Set()]));

  function wrap(name, fn) {
    return function (...args) {
      const r = fn(...args);
      if (!r || !r.ok) {
        throw new Error('nnviz.' + name + ': ' + (r ? r.error : 'no answer from the wasm'));
      }
      return r.value;
    };
  }

  function emit(event, detail) {
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
   * Called by the wasm after its first frame. raw maps method names to the wasm's functions.
   * Returns the emitter the wasm calls for events.
   */
  window.__nnvizInstall = function (raw) {
    const api = {};
    for (const name of Object.keys(raw)) {
      api[name] = wrap(name, raw[name]);
    }
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
    window.nnviz = Object.freeze(api);
    emit('ready', api);
    window.dispatchEvent(new CustomEvent('nnviz:ready', { detail: api }));
    return emit;
  };
})();
