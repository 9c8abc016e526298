// teach.js shows the walk-through of one training step, stage by stage, as the notebook
// does: each stage's formula and its matrices, with their shapes and values to 3 decimals,
// as text a reader can select and copy.
(function () {
  'use strict';

  const el = window.nnvizEl;

  // fmt prints a value as numpy does with precision=3, suppress=True.
  function fmt(v) {
    const s = v.toFixed(3);
    return s === '-0.000' ? '-0.000' : s;
  }

  // label names a matrix as the notebook writes it: delta_3 as δ_3, dC_da_3 as ∂C/∂a_3.
  function label(name) {
    return name
      .replace(/^delta_/, 'δ_')
      .replace(/^sigma_prime_(\d+)$/, "σ'(z_$1)")
      .replace(/^dC_da_/, '∂C_x/∂a_')
      .replace(/^([wb])_(\d+)_new$/, '$1_$2 (new)')
      .replace(/^a_(\d+)_new$/, 'a_$1 (new)')
      .replace(/^l2_w_(\d+)$/, 'λ·w_$1')
      .replace(/^l1_w_(\d+)$/, 'λ·sign(w_$1)');
  }

  function matrix(m) {
    const caption = el('caption', {}, el('span', { class: 'name' }, label(m.name)), ' ',
      el('span', { class: 'shape' }, '(' + m.rows + 'x' + m.cols + ')'));
    const rows = [];
    for (let r = 0; r < m.rows; r++) {
      const cells = [];
      for (let c = 0; c < m.cols; c++) {
        const v = m.values[r * m.cols + c];
        cells.push(el('td', { title: String(v) }, fmt(v)));
      }
      rows.push(el('tr', {}, ...cells));
    }
    return el('figure', { class: 'matrix', 'data-name': m.name },
      el('table', { 'aria-label': label(m.name) + ', ' + m.rows + ' by ' + m.cols }, caption, el('tbody', {}, ...rows)));
  }

  function build(api) {
    const box = document.getElementById('nnviz-teach');
    if (!box) {
      return;
    }
    let last = '';

    // report shows, in the walk-through, why it cannot go on (the API's message without its
    // "nnviz.lesson: " prefix), with a way to close it: nothing here throws uncaught.
    function report(err) {
      const text = String(err && err.message ? err.message : err).replace(/^nnviz\.\w+: /, '');
      last = '';
      box.hidden = false;
      document.body.classList.add('teaching');
      box.replaceChildren(el('p', { class: 'message error', role: 'alert', id: 'nnviz-teach-error' },
        'The walk-through cannot go on: ' + text + '.'), closeButton());
    }

    // guarded runs fn, reporting what it throws.
    function guarded(fn) {
      return function (...args) {
        try {
          return fn.apply(this, args);
        } catch (err) {
          report(err);
          return undefined;
        }
      };
    }

    function render() {
      let lesson;
      try {
        lesson = api.lesson();
      } catch (err) {
        report(err);
        return;
      }
      if (!lesson) {
        box.hidden = true;
        document.body.classList.remove('teaching');
        last = '';
        return;
      }
      const stage = lesson.stages[lesson.stage];
      const key = JSON.stringify([lesson.point, lesson.stage, stage.matrices.map((m) => m.values)]);
      if (key === last) {
        return;
      }
      last = key;
      const s = api.state();
      const p = s.points[lesson.point];
      box.hidden = false;
      document.body.classList.add('teaching');
      const n = lesson.stages.length;
      box.replaceChildren(
        el('header', {},
          el('h2', { id: 'nnviz-teach-title' }, 'Stage ' + (lesson.stage + 1) + ' of ' + n + ': ' + stage.title),
          el('p', { class: 'point' }, 'Point ' + lesson.point + ': [' + p.x + ', ' + p.y + '], label ' + p.label +
            '. Click another point to walk through it.')),
        el('p', { class: 'formula', id: 'nnviz-formula' }, stage.formula),
        el('div', { class: 'matrices' }, ...stage.matrices.map(matrix)),
        el('nav', { class: 'teach-nav', 'aria-label': 'Walk-through stages' },
          el('button', {
            type: 'button', id: 'nnviz-prev', disabled: lesson.stage === 0, 'aria-keyshortcuts': 'ArrowLeft',
            onclick: () => go(lesson.stage - 1),
          }, '← Prev'),
          el('button', {
            type: 'button', id: 'nnviz-next', disabled: lesson.stage === n - 1, 'aria-keyshortcuts': 'ArrowRight',
            onclick: () => go(lesson.stage + 1),
          }, 'Next →'),
          el('button', {
            type: 'button', id: 'nnviz-apply', class: 'primary',
            title: 'Perform exactly this update (step_size ' + lesson.stepSize + ') on the live network',
            onclick: guarded(() => {
              api.applyLesson();
              last = '';
              render();
            }),
          }, 'Apply this step'),
          closeButton()));
    }

    function closeButton() {
      return el('button', {
        type: 'button', id: 'nnviz-teach-close',
        onclick: guarded(() => {
          api.teach(null);
          render(); // closes the box even when no event follows
        }),
      }, 'Close');
    }

    const go = guarded((k) => {
      const lesson = api.lesson();
      if (lesson && k >= 0 && k < lesson.stages.length) {
        api.teachStage(k);
        render();
        const next = document.getElementById(k > lesson.stage ? 'nnviz-next' : 'nnviz-prev');
        if (next && !next.disabled) {
          next.focus();
        }
      }
    });

    // The arrow keys and Esc are keyboard.js's, wherever the focus is.
    const update = guarded(render);
    api.on('config', update);
    api.on('step', update);
    api.on('points', update);
    update();
  }

  window.addEventListener('nnviz:ready', (e) => build(e.detail));
})();
