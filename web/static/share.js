// share.js: the share, embed, import and export controls, and keeping the learner's work in
// localStorage so that a reload loses nothing.
(function () {
  'use strict';

  // storageKey is per page and per address: two lessons on one site keep their own work.
  const storageKey = 'nnviz:' + location.pathname + location.search;
  // Parameters that belong to the page's author, not to the learner's state.
  const AUTHOR_PARAMS = ['controls', 'hide', 'teach', 'autoplay', 'origins'];

  function saved() {
    try {
      return localStorage.getItem(storageKey);
    } catch (err) {
      return null; // storage can be off (private mode, sandboxed iframes)
    }
  }

  // authorParams are the page author's parameters of this address, as query parts; defaults
  // fill in those the address lacks.
  function authorParams(defaults) {
    const q = new URLSearchParams(location.search);
    const keep = [];
    const seen = new Set();
    for (const [k, v] of q) {
      if (AUTHOR_PARAMS.includes(k) || (k === 'view' && v === 'all')) {
        keep.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
        seen.add(k);
      }
    }
    for (const [k, v] of Object.entries(defaults || {})) {
      if (!seen.has(k) && !(k === 'controls' && q.has('hide'))) {
        keep.push(encodeURIComponent(k) + '=' + v.split(',').map(encodeURIComponent).join(','));
      }
    }
    return keep;
  }

  // The query the wasm starts from: the learner's saved state if there is one (with the
  // author's page settings), else the address's own. The wasm reads the saved state first
  // (window.__nnvizSaved): one it cannot read whole, it asks to set aside (__nnvizSetAside) and
  // starts from the address instead.
  const restored = saved();
  window.__nnvizQuery = restored ? [restored, ...authorParams()].join('&') : location.search.slice(1);
  window.__nnvizSaved = restored;
  window.__nnvizRestored = !!restored;
  // saving is off when an unreadable saved state could not be copied aside: the page must not
  // overwrite it.
  let saving = true;

  /**
   * Sets the saved state aside, for the wasm when it cannot read it: the text moves to the key
   * "nnviz-unreadable:" + page and address (a free variant of it, if that holds other text), so
   * that nothing is lost and the page starts afresh. Returns the key that now holds the text;
   * when it cannot be copied, the text stays under its own key, the page stops saving over it,
   * and the result is "".
   */
  window.__nnvizSetAside = function () {
    window.__nnvizRestored = false;
    try {
      const base = 'nnviz-unreadable:' + location.pathname + location.search;
      let key = base;
      for (let k = 2; localStorage.getItem(key) !== null && localStorage.getItem(key) !== restored; k++) {
        key = base + ' (' + k + ')';
      }
      localStorage.setItem(key, restored);
      localStorage.removeItem(storageKey);
      return key;
    } catch (err) {
      saving = false; // storage full or off: keep the text where it is, and do not overwrite it
      return '';
    }
  };

  function baseURL(page) {
    const u = new URL(page || location.pathname, location.href);
    return u.origin + u.pathname;
  }

  function download(name, text, type) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** Builds the share and data controls; called by controls.js. */
  window.nnvizShare = function (api, want, guard) {
    const el = window.nnvizEl;
    const box = el('div', { class: 'group share' });
    const out = el('textarea', { id: 'nnviz-share-out', rows: 3, readonly: true, 'aria-label': 'Link or embed code', hidden: true });
    const note = el('p', { class: 'message', id: 'nnviz-share-note', role: 'status', 'aria-live': 'polite' });

    function show(text, what) {
      out.hidden = false;
      out.value = text;
      out.select();
      const done = () => (note.textContent = what + ' copied to the clipboard.');
      const fail = () => (note.textContent = what + ' is selected above: copy it with Ctrl+C.');
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fail);
      } else {
        fail();
      }
    }

    // link returns the address of this playground on page (this page, or embed.html), with the
    // page author's own parameters (the embed's controls= above all), or null with the reason
    // when the state is too big for an address.
    function link(page, withWeights, extra) {
      const q = [api.share(withWeights), ...authorParams(extra)].join('&');
      const url = baseURL(page) + '?' + q;
      const max = api.setup().maxLinkLength;
      if (url.length > max) {
        note.textContent = 'This playground is too big for a link (' + url.length.toLocaleString('en') + ' characters; a link holds at most ' +
          max.toLocaleString('en') + '): its points were edited, so they would all be written out. Export the points as JSON ' +
          '(Points JSON) and import them on the other page instead' + (withWeights ? ', or share without the current weights.' : '.');
        out.hidden = true;
        return null;
      }
      return url;
    }

    if (want.has('share')) {
      const withWeights = el('input', { type: 'checkbox', id: 'nnviz-share-weights' });
      box.append(
        el('button', {
          type: 'button', id: 'nnviz-copy-link', title: 'A link that opens this exact playground',
          onclick: guard(() => {
            const url = link(null, withWeights.checked);
            if (url) {
              show(url, 'The link');
            }
          }),
        }, 'Copy link'),
        el('button', {
          type: 'button', id: 'nnviz-embed', title: 'HTML that embeds this playground in a course page',
          onclick: guard(() => {
            // The embed shows the controls this page shows, unless its address chose them.
            const url = link('embed.html', withWeights.checked, { controls: [...want].join(',') });
            if (url) {
              show('<iframe src="' + url.replace(/&/g, '&amp;') +
                '" width="900" height="560" style="border:0" title="nnviz: a neural network playground" loading="lazy"></iframe>', 'The embed code');
            }
          }),
        }, 'Embed'),
        el('label', { class: 'check' }, withWeights, ' with current weights'));
    }

    if (want.has('io')) {
      // Import problems show next to the import box, in words, and clear on success.
      const importError = el('p', { class: 'message error', id: 'nnviz-import-error', role: 'alert' });
      const importText = (text, source) => {
        try {
          const n = api.importPoints(text);
          importError.textContent = '';
          note.textContent = 'Imported ' + n + ' points from ' + source + '.';
        } catch (err) {
          note.textContent = '';
          importError.textContent = 'Could not import ' + source + ': ' +
            err.message.replace(/^nnviz\.\w+: /, '').replace(/^import: /, '') + '. Nothing was changed.';
          importError.scrollIntoView({ block: 'nearest' });
        }
      };
      const file = el('input', {
        type: 'file', id: 'nnviz-import-file', accept: '.csv,.json,.txt,text/csv,application/json', hidden: true,
        onchange: (e) => {
          const f = e.target.files[0];
          if (f) {
            f.text().then((t) => importText(t, f.name));
          }
          e.target.value = '';
        },
      });
      const paste = el('textarea', { id: 'nnviz-paste', rows: 3, placeholder: 'Paste points: x,y,label lines or JSON', 'aria-label': 'Points to import, as CSV or JSON' });
      box.append(
        el('button', { type: 'button', id: 'nnviz-export-csv', onclick: guard(() => download('nnviz-points.csv', api.exportPoints('csv'), 'text/csv')) }, 'Points CSV'),
        el('button', { type: 'button', id: 'nnviz-export-json', onclick: guard(() => download('nnviz-points.json', api.exportPoints('json'), 'application/json')) }, 'Points JSON'),
        el('button', { type: 'button', id: 'nnviz-export-weights', onclick: guard(() => download('nnviz-weights.json', api.exportWeights('json'), 'application/json')) }, 'Weights JSON'),
        el('button', { type: 'button', id: 'nnviz-export-numpy', onclick: guard(() => show(api.exportWeights('numpy'), 'The NumPy code')) }, 'Weights as NumPy'),
        el('button', { type: 'button', id: 'nnviz-import', onclick: () => file.click() }, 'Import points…'),
        file, paste,
        el('button', { type: 'button', id: 'nnviz-import-paste', onclick: () => importText(paste.value, 'the pasted text') }, 'Import pasted'),
        importError);
      // A file dropped anywhere on the page is imported.
      window.addEventListener('dragover', (e) => e.preventDefault());
      window.addEventListener('drop', (e) => {
        e.preventDefault();
        const f = e.dataTransfer && e.dataTransfer.files[0];
        if (f) {
          f.text().then((t) => importText(t, f.name));
        }
      });
    }

    box.append(out, note);
    return box;
  };

  /** The notice that the learner's saved work is back, with a way to start over; or null. */
  window.nnvizRestoredNotice = function () {
    const el = window.nnvizEl;
    if (!window.__nnvizRestored) {
      return null;
    }
    return el('p', { class: 'message restored', id: 'nnviz-restored', role: 'status' },
      'Your points and settings from last time are back. ',
      el('button', {
        type: 'button', id: 'nnviz-start-over',
        onclick: () => {
          try {
            localStorage.removeItem(storageKey);
          } catch (err) { /* storage off: nothing to remove */ }
          location.reload();
        },
      }, 'Start over'));
  };

  // Keep the learner's work: the state as a share query, after every change to it.
  window.addEventListener('nnviz:ready', (e) => {
    const api = e.detail;
    // What the address alone gives; only the learner's changes to it are worth keeping.
    const start = window.__nnvizRestored ? null : api.share(false);
    let timer = 0;
    const save = () => {
      if (!saving) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          const now = api.share(false);
          if (now === start) {
            localStorage.removeItem(storageKey);
          } else {
            localStorage.setItem(storageKey, now);
          }
        } catch (err) { /* storage off or full: the page still works */ }
      }, 250);
    };
    api.on('points', save);
    api.on('config', save);
  });
})();
