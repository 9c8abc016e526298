// index.js passes the page's query string on to the canvas page in the
// iframe, so /?preset=xor configures the embedded nnviz the same way
// /embed.html?preset=xor does.
"use strict";

(function () {
  const frame = document.getElementById("app");
  if (frame && window.location.search) {
    // The iframe starts on its plain src; replacing it before it has loaded
    // replaces that navigation instead of adding a history entry.
    frame.src = "embed.html" + window.location.search;
  }
})();
