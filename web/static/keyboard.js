// keyboard.js: the page's keyboard, in one place.
//
// - Tab and Shift+Tab always move on, out of the canvas too (ebiten's canvas would keep them).
// - The shortcuts work wherever the focus is, except in text fields: Space plays or pauses,
//   S steps, R resets, H turns the neuron heatmaps on or off, V shows the next card where a
//   small screen shows them one at a time (plane, network, chart), Esc closes the walk-through (or
//   lets go of the selected point), and the left and right arrows move through the
//   walk-through's stages, and W opens the field to type a weight's new value (weightedit.js).
//   Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo.
// - A focused control keeps its own keys: Space presses the focused button or ticks the focused
//   box, and a slider keeps its arrows. On the plane (the focused canvas) the arrows move the
//   keyboard cursor, which the renderer draws.
// - A button clicked with the mouse gives the focus back to the page, as Safari does, so a
//   later Space plays or pauses instead of pressing that button again.
(function () {
  'use strict';

  // Text fields own every key.
  const TEXT = 'textarea, select, [contenteditable]:not([contenteditable="false"]), ' +
    'input:not([type="checkbox"]):not([type="radio"]):not([type="range"]):not([type="button"])' +
    ':not([type="submit"]):not([type="reset"]):not([type="file"]):not([type="color"])';
  // Controls that Space presses or ticks by itself.
  const PRESSABLE = 'button, summary, a[href], input[type="checkbox"], input[type="radio"], ' +
    'input[type="button"], input[type="submit"], input[type="reset"], input[type="file"]';
  // Keys the page handles for the canvas; ebiten must not see them a second time.
  const PAGE_KEYS = new Set([' ', 's', 'S', 'r', 'R', 'h', 'H', 'v', 'V', 'w', 'W', 'Escape', 'Tab']);
  // The cards a small screen shows one at a time, in the order V goes through them.
  const CARD_NAMES = { plane: 'the plane', network: 'the network', chart: 'the training chart' };

  // tell shows an error (or a note) where the learner reads messages.
  function tell(text, isError) {
    const box = document.getElementById('nnviz-message') || document.getElementById('nnviz-live');
    if (box) {
      box.textContent = text;
      box.classList.toggle('error', !!isError);
    }
  }

  function announce(text) {
    const live = document.getElementById('nnviz-live');
    if (live) {
      live.textContent = text;
    }
  }

  function start(api) {
    const isCanvas = (t) => t instanceof HTMLCanvasElement;

    // action returns what the key e does where it was pressed, or null to leave it alone.
    function action(e, t) {
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key;
      if (ctrl && !e.altKey && (key === 'z' || key === 'Z' || key === 'y' || key === 'Y')) {
        if (isCanvas(t)) {
          return null; // the renderer's own undo and redo, with what the plane shows
        }
        return () => ((key === 'y' || key === 'Y' || e.shiftKey) ? api.redo() : api.undo());
      }
      if (ctrl || e.altKey) {
        return null; // the browser's and the system's shortcuts
      }
      switch (key) {
        case ' ':
          return t.closest(PRESSABLE) ? null : () => (api.status().running ? api.pause() : api.play());
        case 's':
        case 'S':
          // The step is made at once, unless a page's long step(n) is under way: then it
          // follows, and a pause or reset may cancel it, which is no error for the learner.
          return () => api.step(1).catch(() => {});
        case 'r':
        case 'R':
          return () => api.reset();
        case 'h':
        case 'H':
          return () => {
            const on = api.heatmaps(!api.heatmaps());
            announce('Neuron heatmaps ' + (on ? 'on' : 'off') + '.');
          };
        case 'v':
        case 'V':
          return nextCard();
        case 'w':
        case 'W':
          return window.nnvizEditWeight ? () => window.nnvizEditWeight() : null;
        case 'Escape':
          return escape(t);
        case 'ArrowLeft':
        case 'ArrowRight':
          if (isCanvas(t) || t.closest('input[type="range"]')) {
            return null; // the plane's cursor; the slider's value
          }
          return walk(key === 'ArrowRight' ? 1 : -1);
        default:
          return chooseClass(key);
      }
    }

    // chooseClass makes digit k choose class k for the next click, when there are K > 2 classes.
    function chooseClass(key) {
      if (!/^[1-9]$/.test(key)) {
        return null;
      }
      const k = Number(key);
      const s = api.state();
      if (s.problem !== 'classification' || s.classes <= 2 || k > s.classes) {
        return null;
      }
      return () => {
        api.configure({ label: k });
        announce('A click adds class ' + k + '.');
      };
    }

    // nextCard shows the next of the cards that take turns on a small screen, if any do.
    function nextCard() {
      const ly = api.layout();
      if (!ly.tabs.length) {
        return null;
      }
      return () => {
        const next = ly.tabs[(ly.tabs.indexOf(ly.shown) + 1) % ly.tabs.length];
        api.card(next);
        announce('Showing ' + CARD_NAMES[next] + '.');
      };
    }

    // escape closes the walk-through, or lets go of the selected point.
    function escape(t) {
      const s = api.state();
      if (s.teaching) {
        return () => {
          const inside = t.closest('#nnviz-teach');
          api.teach(null);
          announce('Walk-through closed.');
          if (inside) {
            // The focus was in what just closed: give it to what opens it again, or the plane.
            const back = document.getElementById('nnviz-teach-open') || document.querySelector('canvas');
            if (back) {
              back.focus();
            }
          }
        };
      }
      if (s.selected >= 0) {
        return () => api.select(-1);
      }
      return null;
    }

    // walk moves the open walk-through by d stages.
    function walk(d) {
      let lesson = null;
      try {
        lesson = api.lesson();
      } catch (err) {
        return null;
      }
      if (!lesson) {
        return null;
      }
      const k = lesson.stage + d;
      return k < 0 || k >= lesson.stages.length ? () => {} : () => api.teachStage(k);
    }

    window.addEventListener('keydown', (e) => {
      const t = e.target instanceof Element ? e.target : document.body;
      if (e.key === 'Tab') {
        if (isCanvas(t)) {
          e.stopPropagation(); // let the browser move the focus on
        }
        return;
      }
      if (e.isComposing || t.closest(TEXT)) {
        return;
      }
      const act = action(e, t);
      if (!act) {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      try {
        act();
      } catch (err) {
        tell(err.message.replace(/^nnviz\.\w+: /, ''), true);
      }
    }, true);

    window.addEventListener('keyup', (e) => {
      if (isCanvas(e.target) && PAGE_KEYS.has(e.key)) {
        e.stopPropagation();
      }
    }, true);

    // A button clicked with the mouse (detail > 0) does not keep the focus.
    document.addEventListener('click', (e) => {
      const t = e.target instanceof Element ? e.target.closest(PRESSABLE) : null;
      if (t && e.detail > 0 && document.activeElement === t && t.closest('#nnviz-panel, #nnviz-teach, .nnviz-problems')) {
        t.blur();
      }
    });
  }

  window.addEventListener('nnviz:ready', (e) => start(e.detail));
})();
