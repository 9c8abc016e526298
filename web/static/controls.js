// controls.js builds the playground's HTML controls beside the canvas, from window.nnviz.
// (The keyboard shortcuts are keyboard.js's.)
//
// Every control is a real form element with a label, so it works from the keyboard and with a
// screen reader. Which controls show is the page's choice (data-controls on <body>), unless the
// address names them (controls=..., hide=...).
(function () {
  'use strict';

  const RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
  const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500];
  // The presets of each problem, and the features, as the address names them.
  const PRESETS = {
    classification: ['notebook', 'circle', 'xor', 'gaussians', 'spiral', 'blobs'],
    classes: ['spiral', 'blobs'], // more than two classes
    regression: ['plane', 'gaussreg'],
  };
  const presetsOf = (s) => (s.problem === 'regression' ? PRESETS.regression : s.classes > 2 ? PRESETS.classes : PRESETS.classification);
  const PRESET_LABELS = { notebook: "the notebook's ten points", plane: 'plane (x + y)/10', gaussreg: 'six Gaussian bumps', blobs: 'blobs (one per class)' };
  const FEATURES = [['x', 'x'], ['y', 'y'], ['x2', 'x²'], ['y2', 'y²'], ['xy', 'x·y'], ['sinx', 'sin x'], ['siny', 'sin y']];
  const TESTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  // TensorFlow Playground's regularization rates (nn.RegRates).
  const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

  const el = window.nnvizEl;

  // report shows an error from the API in the panel's message line instead of throwing it away.
  function guard(fn) {
    return function (...args) {
      try {
        const r = fn.apply(this, args);
        if (r instanceof Promise) {
          // step(n): a step queued behind a caller's long step(n) can be cancelled later.
          r.catch((err) => say(human(err.message), true));
        }
        return r;
      } catch (err) {
        say(human(err.message), true);
        return undefined;
      }
    };
  }

  // human drops the API's prefix ("nnviz.step: ") from a message meant for the learner.
  function human(text) {
    return String(text).replace(/^nnviz\.\w+: /, '');
  }
  window.nnvizHuman = human;

  let messageEl = null;
  function say(text, isError) {
    if (!messageEl) {
      return;
    }
    messageEl.textContent = text || '';
    messageEl.classList.toggle('error', !!isError);
  }

  function select(id, label, options, value, onchange) {
    const s = el('select', { id, onchange: guard((e) => onchange(e.target.value)) },
      ...options.map((o) => el('option', { value: String(o.value ?? o), selected: String(o.value ?? o) === String(value) }, String(o.label ?? o))));
    return el('div', { class: 'field' }, el('label', { for: id }, label), s);
  }

  function build(api) {
    const body = document.body;
    const setup = api.setup();
    let names = setup.controls;
    if (!setup.explicit) {
      const own = body.dataset.controls;
      if (own && own !== 'all') {
        names = own.split(',');
      }
    }
    const want = new Set(names);
    const panel = document.getElementById('nnviz-panel');
    if (!panel || want.size === 0) {
      return;
    }
    panel.replaceChildren();
    const compact = want.size <= 5;
    body.classList.add(compact ? 'has-bar' : 'has-panel');
    panel.classList.toggle('compact', compact);

    const controls = {};
    const st = api.state();
    // section puts a group under a collapsible heading in the full panel.
    const section = (title, group, open) => (compact ? group
      : el('details', { class: 'section', id: 'nnviz-section-' + title.split(/[ ,]/)[0].toLowerCase(), open }, el('summary', {}, title), group));

    // Training: play, step, reset, seed.
    const training = el('div', { class: 'group', role: 'group', 'aria-label': 'Training' });
    if (want.has('play')) {
      controls.play = el('button', {
        type: 'button', id: 'nnviz-play', class: 'primary', 'aria-pressed': String(st.running),
        'aria-keyshortcuts': 'Space', title: 'Play or pause training (Space)',
        onclick: guard(() => (api.status().running ? api.pause() : api.play())),
      }, st.running ? 'Pause' : 'Play');
      training.append(controls.play);
    }
    if (want.has('step')) {
      training.append(el('button', {
        type: 'button', id: 'nnviz-step', 'aria-keyshortcuts': 'S', title: 'One training step (S)',
        onclick: guard(() => api.step(1)),
      }, 'Step'));
    }
    if (want.has('reset')) {
      training.append(el('button', {
        type: 'button', id: 'nnviz-reset', 'aria-keyshortcuts': 'R',
        title: 'Back to the initial weights of this seed (R)', onclick: guard(() => api.reset()),
      }, 'Reset'));
    }
    if (want.has('seed')) {
      training.append(el('button', {
        type: 'button', id: 'nnviz-seed', title: 'New random initial weights',
        onclick: guard(() => api.reset(Math.floor(Math.random() * 1e9))),
      }, 'New seed'));
    }
    if (training.childElementCount) {
      panel.append(training);
    }

    const settings = el('div', { class: 'group fields' });
    if (want.has('lr')) {
      const rates = RATES.includes(st.learningRate) ? RATES : [...RATES, st.learningRate].sort((a, b) => a - b);
      settings.append(select('nnviz-lr', 'Learning rate', rates, st.learningRate,
        (v) => api.configure({ learningRate: Number(v) })));
    }
    if (want.has('speed')) {
      settings.append(select('nnviz-speed', 'Steps per frame', SPEEDS, st.speed,
        (v) => api.configure({ speed: Number(v) })));
    }
    if (want.has('mode')) {
      settings.append(select('nnviz-mode', 'Training mode', [
        { value: 'online', label: 'online (one point per step)' },
        { value: 'minibatch', label: 'mini-batch' },
        { value: 'batch', label: 'full batch' },
      ], st.mode, (v) => api.configure({ mode: v })));
      const batch = el('input', {
        id: 'nnviz-batch', type: 'number', min: 1, max: 2000, step: 1, value: st.batch,
        onchange: guard((e) => api.configure({ batch: Number(e.target.value) })),
      });
      settings.append(el('div', { class: 'field' }, el('label', { for: 'nnviz-batch' }, 'Batch size'), batch));
    }
    if (want.has('activation')) {
      settings.append(select('nnviz-activation', 'Activation', ['sigmoid', 'tanh', 'relu', 'linear'],
        st.activation, (v) => api.configure({ activation: v })));
    }
    if (want.has('cost')) {
      settings.append(select('nnviz-cost', 'Cost', [
        { value: 'quadratic', label: 'quadratic ½‖y − a‖²' },
        { value: 'crossentropy', label: 'cross-entropy (softmax)' },
      ], st.cost, (v) => api.configure({ cost: v })));
    }
    if (want.has('problem')) {
      settings.append(select('nnviz-problem', 'Problem', [
        { value: 'classification', label: 'classification (classes)' },
        { value: 'regression', label: 'regression (a value)' },
      ], st.problem, (v) => api.configure({ problem: v })));
      const classes = select('nnviz-classes', 'Classes', [2, 3, 4, 5, 6].map((k) => ({ value: k, label: k === 2 ? '2 (−1 and 1)' : String(k) })),
        st.classes || 2, (v) => api.configure({ classes: Number(v) }));
      classes.id = 'nnviz-classes-field';
      settings.append(classes);
    }
    if (want.has('reg')) {
      // The compact bar of an embed has room for short names only.
      settings.append(select('nnviz-reg', 'Regularization', [
        { value: 'none', label: 'none' },
        { value: 'l1', label: compact ? 'L1' : 'L1: λ‖w‖₁ (sparse)' },
        { value: 'l2', label: compact ? 'L2' : 'L2: λ/2‖w‖² (shrinks)' },
      ], st.reg, (v) => api.configure({ reg: v })));
      const rates = REG_RATES.includes(st.regRate) ? REG_RATES : [...REG_RATES, st.regRate].sort((a, b) => a - b);
      settings.append(select('nnviz-reg-rate', compact ? 'Rate λ' : 'Regularization rate λ', rates, st.regRate,
        (v) => api.configure({ regRate: Number(v) })));
    }
    if (want.has('label')) {
      const label = select('nnviz-label', 'A click adds', [
        { value: 1, label: 'class 1 (Shift: −1)' },
        { value: -1, label: 'class −1 (Shift: 1)' },
      ], st.label, (v) => api.configure({ label: Number(v) }));
      label.id = 'nnviz-label-field';
      const value = el('input', {
        id: 'nnviz-value', type: 'number', min: -1, max: 1, step: 0.1, value: st.value,
        onchange: guard((e) => api.configure({ value: Number(e.target.value) })),
      });
      const valueField = el('div', { class: 'field', id: 'nnviz-value-field' },
        el('label', { for: 'nnviz-value' }, 'A click adds the value (Shift: its opposite)'), value);
      // K > 2 classes: one swatch a class (digits 1..K choose too).
      controls.swatches = el('fieldset', { class: 'group swatches', id: 'nnviz-swatches' });
      settings.append(label, controls.swatches, valueField);
    }
    if (settings.childElementCount) {
      panel.append(section('Training', settings, true));
    }

    const network = [];
    if (want.has('features')) {
      // The input column a_1: any non-empty set of features of the point (x, y).
      const box = el('fieldset', { class: 'group features', id: 'nnviz-features' }, el('legend', {}, 'Input features (a_1)'));
      const chosen = () => FEATURES.map(([name]) => name).filter((name) => document.getElementById('nnviz-feature-' + name).checked);
      for (const [name, label] of FEATURES) {
        box.append(el('label', { class: 'check' }, el('input', {
          type: 'checkbox', id: 'nnviz-feature-' + name, checked: st.features.split(',').includes(name),
          onchange: guard((e) => {
            const fs = chosen();
            if (fs.length === 0) {
              e.target.checked = true;
              throw new Error('keep at least one input feature');
            }
            api.configure({ features: fs.join(',') });
          }),
        }), ' ' + label));
      }
      network.push(box);
    }
    if (want.has('shape')) {
      controls.shape = el('fieldset', { class: 'group shape' });
      const heat = el('input', {
        type: 'checkbox', id: 'nnviz-heatmaps', checked: api.heatmaps(),
        onchange: guard((e) => api.heatmaps(e.target.checked)),
      });
      const grads = el('input', {
        type: 'checkbox', id: 'nnviz-gradients', checked: api.gradients(),
        onchange: guard((e) => api.gradients(e.target.checked)),
      });
      network.push(controls.shape,
        el('label', { class: 'check', title: 'Each neuron shows its activation over the whole plane (H)' }, heat, ' Neuron heatmaps'),
        el('label', { class: 'check', title: 'The edges show the last training step\'s gradient dw (its sign and relative size) instead of the weights: which weights are moving' },
          grads, ' Gradients on the edges'),
        el('button', {
          type: 'button', id: 'nnviz-edit-weight', 'aria-keyshortcuts': 'W',
          title: 'Type a new value for a weight or a bias (W); or click its edge or ring in the diagram',
          onclick: guard(() => window.nnvizEditWeight && window.nnvizEditWeight()),
        }, 'Edit a weight…'));
    }
    if (want.has('discretize')) {
      const box = el('div', {}, el('label', { class: 'check', title: 'Show the classes as hard regions, without the shading of the probability' },
        el('input', {
          type: 'checkbox', id: 'nnviz-discretize', checked: st.discretize,
          onchange: guard((e) => api.configure({ discretize: e.target.checked })),
        }), ' Discretize output'));
      if (want.has('shape') || want.has('features')) {
        network.push(box);
      } else {
        panel.append(el('div', { class: 'group' }, box));
      }
    }
    if (network.length) {
      panel.append(section('Network', el('div', {}, ...network), true));
    }

    const data = el('div', { class: 'group', role: 'group', 'aria-label': 'Data' });
    if (want.has('data')) {
      // The preset, its noise and its point count come from the state, so that the controls
      // show what the plane shows however it was loaded. Every load draws a new sample.
      const count = () => (st.data.name && st.data.name !== 'notebook' ? st.data.n : setup.n);
      const load = guard((name) => {
        const noise = Number(document.getElementById('nnviz-noise').value);
        api.loadData(name, { n: api.state().data.n || count(), noise });
      });
      const options = (s) => presetsOf(s).map((p) => el('option', { value: p }, PRESET_LABELS[p] || p));
      const preset = select('nnviz-data', 'Data', [], '', load);
      let presetKey = st.problem + st.classes;
      preset.querySelector('select').replaceChildren(...options(st));
      preset.querySelector('select').value = st.data.name || presetsOf(st)[0];
      const noise = el('input', {
        id: 'nnviz-noise', type: 'range', min: 0, max: 2, step: 0.05, value: st.data.name === 'notebook' ? 0.1 : st.data.noise,
        'aria-describedby': 'nnviz-noise-note',
        oninput: (e) => (noiseOut.textContent = Number(e.target.value).toFixed(2)),
        onchange: guard((e) => {
          const v = document.getElementById('nnviz-data').value;
          if (v !== 'notebook') {
            api.loadData(v, { n: api.state().data.n || count(), noise: Number(e.target.value) });
          }
        }),
      });
      const noiseOut = el('output', { id: 'nnviz-noise-value', for: 'nnviz-noise' }, Number(noise.value).toFixed(2));
      const noiseNote = el('p', { class: 'message', id: 'nnviz-noise-note' });
      data.append(preset,
        el('button', {
          type: 'button', id: 'nnviz-resample', title: 'Draw a new sample of this preset',
          onclick: () => load(document.getElementById('nnviz-data').value),
        }, 'New sample'),
        el('div', { class: 'field' }, el('label', { for: 'nnviz-noise' }, 'Noise'), noise, noiseOut),
        noiseNote);
      controls.notebook = el('button', {
        type: 'button', id: 'nnviz-notebook-data', title: "Start over from the notebook's ten points",
        onclick: guard(() => api.loadData('notebook')),
      }, "Notebook's data");
      data.append(controls.notebook);
      // controls.data brings the data controls in line with the state s.
      controls.data = (s) => {
        const sel = document.getElementById('nnviz-data');
        const name = s.data.name || '';
        if (s.problem + s.classes !== presetKey) {
          presetKey = s.problem + s.classes;
          sel.replaceChildren(...options(s));
        }
        if (presetsOf(s).includes(name) && document.activeElement !== sel) {
          sel.value = name;
        }
        const fixed = (sel.value === 'notebook');
        noise.disabled = fixed;
        document.getElementById('nnviz-resample').disabled = fixed;
        if (!fixed && s.data.name === sel.value && document.activeElement !== noise) {
          noise.value = s.data.noise;
          noiseOut.textContent = Number(s.data.noise).toFixed(2);
        }
        noiseNote.textContent = fixed
          ? "The notebook's ten points are fixed, so they have no noise and no other sample: choose a generated preset for those."
          : (s.dataEdited ? 'The points have been edited since this sample was drawn.' : '');
      };
    }
    if (want.has('test')) {
      // Test data: a share of the points held out, drawn as hollow rings when shown.
      data.append(select('nnviz-test', 'Test data (held out)', TESTS.map((t) => ({ value: t, label: t === 0 ? 'none' : Math.round(100 * t) + '% of the points' })),
        st.test, (v) => api.configure({ test: Number(v) })),
      el('label', { class: 'check' }, el('input', {
        type: 'checkbox', id: 'nnviz-show-test', checked: st.showTest,
        onchange: guard((e) => api.configure({ showTest: e.target.checked })),
      }), ' Show test data'));
    }
    if (want.has('undo')) {
      data.append(
        el('button', { type: 'button', id: 'nnviz-undo', 'aria-keyshortcuts': 'Control+Z', title: 'Undo (Ctrl+Z)', onclick: guard(() => api.undo()) }, 'Undo'),
        el('button', { type: 'button', id: 'nnviz-redo', 'aria-keyshortcuts': 'Control+Shift+Z', title: 'Redo (Ctrl+Shift+Z)', onclick: guard(() => api.redo()) }, 'Redo'));
    }
    if (data.childElementCount) {
      panel.append(section('Data', data, true));
    }

    if (want.has('teach')) {
      panel.append(el('div', { class: 'group' }, el('button', {
        type: 'button', id: 'nnviz-teach-open', title: 'Walk through one training step of the selected point, matrix by matrix',
        onclick: guard(() => {
          const s = api.state();
          api.teach(s.selected >= 0 ? s.selected : 0);
        }),
      }, 'Walk through a step')));
    }

    if (window.nnvizShare && (want.has('share') || want.has('io'))) {
      panel.append(section('Share, import, export', window.nnvizShare(api, want, guard), false));
    }

    const restored = window.nnvizRestoredNotice && window.nnvizRestoredNotice();
    if (restored) {
      panel.prepend(restored);
    }
    const status = el('dl', { class: 'status', id: 'nnviz-stats' });
    panel.append(status);
    messageEl = el('p', { class: 'message', id: 'nnviz-message', role: 'status', 'aria-live': 'polite' });
    panel.append(messageEl);

    // held is what stats needs of the last state: whether it is a regression and holds test points.
    const held = { regression: st.problem === 'regression', test: st.test > 0 };
    // refresh brings every control in line with the state (after any change, from anywhere).
    function refresh() {
      const s = api.state();
      held.regression = s.problem === 'regression';
      held.test = s.points.some((p) => p.test);
      if (controls.play) {
        controls.play.textContent = s.running ? 'Pause' : 'Play';
        controls.play.setAttribute('aria-pressed', String(s.running));
      }
      const setValue = (id, v) => {
        const e = document.getElementById(id);
        if (e && document.activeElement !== e && String(e.value) !== String(v)) {
          if (e.tagName === 'SELECT' && ![...e.options].some((o) => o.value === String(v))) {
            e.append(el('option', { value: String(v) }, String(v)));
          }
          e.value = String(v);
        }
      };
      setValue('nnviz-lr', s.learningRate);
      setValue('nnviz-speed', s.speed);
      setValue('nnviz-mode', s.mode);
      setValue('nnviz-batch', s.batch);
      setValue('nnviz-activation', s.activation);
      setValue('nnviz-cost', s.cost);
      setValue('nnviz-reg', s.reg);
      setValue('nnviz-reg-rate', s.regRate);
      const disc = document.getElementById('nnviz-discretize');
      if (disc) {
        disc.checked = s.discretize;
      }
      setValue('nnviz-label', s.label);
      setValue('nnviz-value', s.value);
      setValue('nnviz-problem', s.problem);
      setValue('nnviz-test', s.test);
      const regression = s.problem === 'regression';
      setValue('nnviz-classes', s.classes || 2);
      if (controls.swatches) {
        buildSwatches(controls.swatches, s);
      }
      for (const [id, hide] of [['nnviz-label-field', regression || s.classes > 2], ['nnviz-value-field', !regression],
        ['nnviz-classes-field', regression], ['nnviz-swatches', regression || s.classes <= 2]]) {
        const e = document.getElementById(id);
        if (e) {
          e.hidden = hide;
        }
      }
      if (controls.notebook) {
        controls.notebook.hidden = regression;
      }
      const showTest = document.getElementById('nnviz-show-test');
      if (showTest) {
        showTest.checked = s.showTest;
      }
      for (const [name] of FEATURES) {
        const box = document.getElementById('nnviz-feature-' + name);
        if (box) {
          box.checked = s.features.split(',').includes(name);
        }
      }
      const batch = document.getElementById('nnviz-batch');
      if (batch) {
        batch.disabled = s.mode !== 'minibatch';
      }
      if (controls.shape) {
        buildShape(controls.shape, s.layers);
      }
      const heat = document.getElementById('nnviz-heatmaps');
      if (heat) {
        heat.checked = api.heatmaps();
      }
      const grads = document.getElementById('nnviz-gradients');
      if (grads) {
        grads.checked = s.gradients;
      }
      if (controls.data) {
        controls.data(s);
      }
      if (s.message) {
        say(s.message, true);
      }
      stats();
    }

    // stats shows the counters from status(), which copies no points: it runs on every step.
    function stats() {
      const s = api.status();
      const rows = [['Steps', s.steps], ['Epoch', s.epoch], ['Loss', s.loss.toFixed(4)]];
      if (s.testLoss !== undefined && held.test) {
        rows.push(['Test loss', s.testLoss.toFixed(4)]);
      }
      if (!held.regression) {
        rows.push(['Accuracy', (100 * s.accuracy).toFixed(0) + '%']);
        if (held.test) {
          rows.push(['Test accuracy', (100 * s.testAccuracy).toFixed(0) + '%']);
        }
      }
      rows.push(['Points', s.points], ['Frames/s', s.fps.toFixed(0)]);
      status.replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
    }

    // buildSwatches shows the class picker of K > 2 classes: a radio button a class, with its
    // colour, the chosen one checked.
    let swatchKey = '';
    function buildSwatches(box, s) {
      const key = s.classes + ':' + s.label;
      if (key === swatchKey) {
        return;
      }
      swatchKey = key;
      const radios = [];
      for (let k = 1; k <= s.classes && s.classes > 2; k++) {
        radios.push(el('label', { class: 'check swatch' },
          el('input', {
            type: 'radio', name: 'nnviz-class', id: 'nnviz-class-' + k, value: String(k), checked: s.label === k,
            'aria-keyshortcuts': String(k), onchange: guard(() => api.configure({ label: k })),
          }),
          el('span', { class: 'dot class-' + k, 'aria-hidden': 'true' }), ' ' + k));
      }
      box.replaceChildren(el('legend', {}, 'A click adds the class (keys 1–' + s.classes + '; Shift: the next)'), ...radios);
    }

    let shapeKey = '';
    function buildShape(box, layers) {
      const key = layers.join(',');
      if (key === shapeKey) {
        return;
      }
      shapeKey = key;
      const hidden = layers.slice(1, -1);
      const apply = (h) => guard(() => api.configure({ layers: [layers[0], ...h, layers[layers.length - 1]] }))();
      const rows = hidden.map((n, i) => el('div', { class: 'layer' },
        el('span', { id: 'nnviz-layer-' + (i + 2) }, 'Layer ' + (i + 2) + ': ' + n + ' neurons'),
        el('button', {
          type: 'button', 'aria-label': 'Remove a neuron from layer ' + (i + 2), disabled: n <= 1,
          onclick: () => apply(hidden.map((m, j) => (j === i ? m - 1 : m))),
        }, '−'),
        el('button', {
          type: 'button', 'aria-label': 'Add a neuron to layer ' + (i + 2), disabled: n >= 16,
          onclick: () => apply(hidden.map((m, j) => (j === i ? m + 1 : m))),
        }, '+')));
      box.replaceChildren(
        el('legend', {}, 'Network ' + layers.join('-')),
        ...rows,
        el('div', { class: 'layer' },
          el('button', {
            type: 'button', id: 'nnviz-add-layer', disabled: hidden.length >= 8,
            onclick: () => apply([...hidden, hidden.length ? hidden[hidden.length - 1] : 3]),
          }, 'Add hidden layer'),
          el('button', {
            type: 'button', id: 'nnviz-remove-layer', disabled: hidden.length === 0,
            onclick: () => apply(hidden.slice(0, -1)),
          }, 'Remove hidden layer')));
    }

    // soon brings the panel up to date at the next frame: all of it after a change of points
    // or settings, only the counters after training steps (every frame while playing).
    let queued = null;
    function soon(what) {
      if (queued !== refresh) {
        const first = queued === null;
        queued = what;
        if (first) {
          requestAnimationFrame(() => {
            const f = queued;
            queued = null;
            f();
          });
        }
      }
    }
    api.on('step', () => soon(stats));
    api.on('points', () => soon(refresh));
    api.on('config', () => {
      say('');
      soon(refresh);
    });
    setInterval(stats, 500);
    refresh();
  }

  window.addEventListener('nnviz:ready', (e) => build(e.detail));
})();
