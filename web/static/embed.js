// embed.js starts nnviz's WebAssembly program on the canvas page. It shows a
// loading message while main.wasm downloads and, whatever goes wrong (no
// WebAssembly, no WebGL2, a failed download, a crash), says so in words on the
// page: the page is never left blank.
"use strict";

(function () {
  const status = document.getElementById("status");

  function fail(message) {
    console.error("nnviz: " + message);
    status.textContent = message;
    status.className = "status-error";
    status.hidden = false;
  }

  // mark notes a moment of start-up on the page's performance timeline (the wasm marks the
  // later ones: nnviz:main, nnviz:built, nnviz:update, nnviz:drawn).
  function mark(name) {
    if (window.performance && typeof performance.mark === "function") {
      performance.mark("nnviz:" + name);
    }
  }

  function hasWebGL2() {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2");
    if (!gl) {
      return false;
    }
    // Give the probe's context back at once: browsers allow only a few.
    const lose = gl.getExtension("WEBGL_lose_context");
    if (lose) {
      lose.loseContext();
    }
    return true;
  }

  // instantiate fetches url and compiles it while it downloads when the server
  // says it is application/wasm; with another content type it falls back to
  // compiling the whole body, which browsers allow whatever the type.
  async function instantiate(url, imports) {
    mark("fetch");
    const response = await fetch(url);
    if (!response.ok) {
      const detail = (await response.text()).trim();
      throw new Error(url + ": " + response.status + " " + response.statusText + (detail ? ": " + detail : ""));
    }
    const type = response.headers.get("Content-Type") || "";
    if (typeof WebAssembly.instantiateStreaming === "function" && type.startsWith("application/wasm")) {
      return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
  }

  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("nnviz needs WebAssembly, which this browser does not support or has turned off.");
    return;
  }
  if (!hasWebGL2()) {
    fail("nnviz needs WebGL2, which this browser or its graphics driver does not provide.");
    return;
  }
  if (typeof Go !== "function") {
    fail("nnviz could not start: wasm_exec.js did not load.");
    return;
  }

  const go = new Go();
  const exit = go.exit;
  go.exit = function (code) {
    exit.call(go, code);
    if (code !== 0) {
      fail("nnviz stopped with an error (exit code " + code + "); the browser's console has the details.");
    }
  };

  instantiate("main.wasm", go.importObject).then(function (result) {
    mark("compiled");
    status.hidden = true;
    // api.js's nnviz.memory() reads the size of the wasm's memory from here.
    window.__nnvizMemory = result.instance.exports.mem;
    return go.run(result.instance);
  }).catch(function (err) {
    fail("nnviz could not start: " + (err && err.message ? err.message : err));
  });
})();
