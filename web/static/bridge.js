// bridge.js lets a course page on another origin drive an embedded nnviz by postMessage.
//
// The parent sends {nnviz: 1, id, method, args} (method is any window.nnviz method but "on");
// the embed answers {nnviz: 1, id, ok: true, value} or {nnviz: 1, id, ok: false, error}, and
// posts {nnviz: 1, event, detail} for the events 'ready', 'step', 'points' and 'config'.
// Only origins the author lists in the embed's address (origins=https://a.org,https://b.org,
// or * for any) are answered; the page's own origin always is.
(function () {
  'use strict';

  if (window.parent === window) {
    return; // not embedded: nobody to talk to
  }

  function clone(v) {
    // Values cross the frame boundary by structured clone; plain JSON data always does.
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }

  window.addEventListener('nnviz:ready', (e) => {
    const api = e.detail;
    const origins = api.setup().origins;
    const any = origins.includes('*');
    const allowed = (origin) => any || origin === location.origin || origins.includes(origin);
    // Events go to every allowed parent origin; postMessage drops those that do not match.
    const targets = any ? ['*'] : [...new Set([...origins, location.origin])];
    const post = (msg) => {
      for (const t of targets) {
        window.parent.postMessage(msg, t);
      }
    };

    window.addEventListener('message', (m) => {
      const d = m.data;
      if (!d || d.nnviz !== 1 || typeof d.method !== 'string' || m.source !== window.parent) {
        return;
      }
      if (!allowed(m.origin)) {
        console.warn('nnviz: ignored a message from ' + m.origin + ', which is not in origins=');
        return;
      }
      const reply = { nnviz: 1, id: d.id };
      try {
        if (d.method === 'on' || !Object.prototype.hasOwnProperty.call(api, d.method)) {
          throw new Error('nnviz: "' + d.method + '" is not a method; events arrive by themselves');
        }
        reply.ok = true;
        reply.value = clone(api[d.method](...(Array.isArray(d.args) ? d.args : [])));
      } catch (err) {
        reply.ok = false;
        reply.error = err.message;
      }
      m.source.postMessage(reply, m.origin);
    });

    for (const event of ['step', 'points', 'config']) {
      api.on(event, (detail) => post({ nnviz: 1, event, detail: clone(detail) }));
    }
    post({ nnviz: 1, event: 'ready', detail: null });
  });
})();
