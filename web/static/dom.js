// dom.js: the one small helper the page's scripts share to build their HTML.
(function () {
  'use strict';

  /**
   * nnvizEl(tag, attrs, ...children) creates an element. attrs: 'class' sets the class name,
   * 'onX' adds an X event listener, true sets an empty attribute, false/null/undefined omit it,
   * anything else is set as a string. Children are nodes or strings; null is skipped.
   */
  window.nnvizEl = function (tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') {
        e.className = v;
      } else if (k.startsWith('on')) {
        e.addEventListener(k.slice(2), v);
      } else if (v !== false && v !== undefined && v !== null) {
        e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c !== null && c !== undefined) {
        e.append(c);
      }
    }
    return e;
  };
})();
