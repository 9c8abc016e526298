// bridge.js lets a course page on another origin drive an embedded nnviz by postMessage.
//
// The parent sends {nnviz: 1, id, method, args} (method is any window.nnviz method but "on");
// the embed answers {nnviz: 1, id, ok: true, value} or {nnviz: 1, id, ok: false, error} (for
// step(n), once its Promise settles), and
// posts {nnviz: 1, event, detail} for the events 'ready', 'step', 'points' and 'config'.
// Only origins the author lists in the embed's address (origins=https://a.org,https://b.org,
// or * for any) are answered; the page's own origin always is.
//
// Opaque origins (a sandboxed or srcdoc parent, whose messages come from origin "null") are
// answered only under origins=*, which allows any page: a reply cannot be addressed to "null",
// so it goes to the window that asked with target "*". An opaque origin is never the page's
// own, even when this page is itself sandboxed.
//
// Events go to the parent's origin only, when the browser tells it (location.ancestorOrigins;
// a same-origin parent), and only if it is allowed: never to an origin the parent does not
// have, which the browser would refuse with a console warning each time. Where the browser
// does not tell (Firefox, a cross-origin parent), they go to the listed origins until the
// parent's first message names its own.
(function () {
  'use strict';

  if (window.parent === window) {
    return; // not embedded: nobody to talk to
  }

  function clone(v) {
    // Values cross the frame boundary by structured clone; plain JSON data always does.
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }

  // parentOrigin is the origin of the page that frames this one ("null" when opaque), or null
  // when the browser does not say.
  function parentOrigin() {
    const ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length > 0) {
      return ancestors[0];
    }
    try {
      return window.parent.location.origin; // readable only for a same-origin parent
    } catch (err) {
      return null;
    }
  }

  window.addEventListener('nnviz:ready', (e) => {
    const api = e.detail;
    const origins = api.setup().origins;
    const any = origins.includes('*');
    const own = location.origin !== 'null' ? location.origin : null;
    const allowed = (origin) => any || (origin !== 'null' && (origin === own || origins.includes(origin)));
    // target is how a message to origin is addressed: "*" for an opaque origin.
    const target = (origin) => (origin === 'null' ? '*' : origin);

    const parent = parentOrigin();
    let targets;
    if (parent !== null) {
      targets = allowed(parent) ? [target(parent)] : [];
    } else {
      targets = any ? ['*'] : origins.filter((o) => o !== own);
    }
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
      if (parent === null) {
        targets = [target(m.origin)]; // now the parent's origin is known
      }
      const reply = { nnviz: 1, id: d.id };
      const answer = (ok, v) => {
        reply.ok = ok;
        if (ok) {
          reply.value = clone(v);
        } else {
          reply.error = v.message;
        }
        m.source.postMessage(reply, target(m.origin));
      };
      let value;
      try {
        if (d.method === 'on' || !Object.prototype.hasOwnProperty.call(api, d.method)) {
          throw new Error('nnviz: "' + d.method + '" is not a method; events arrive by themselves');
        }
        value = api[d.method](...(Array.isArray(d.args) ? d.args : []));
      } catch (err) {
        answer(false, err);
        return;
      }
      if (value instanceof Promise) {
        // step(n): the answer comes when the steps are made, or are stopped.
        value.then((v) => answer(true, v), (err) => answer(false, err));
      } else {
        answer(true, value);
      }
    });

    for (const event of ['step', 'points', 'config']) {
      api.on(event, (detail) => post({ nnviz: 1, event, detail: clone(detail) }));
    }
    post({ nnviz: 1, event: 'ready', detail: null });
  });
})();
