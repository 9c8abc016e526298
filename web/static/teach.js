// teach.js shows the walk-through of one training step as the notebook does, typeset: each
// stage's sentence of why, its formula in general form, then with this step's matrices (their
// shapes beside them, values to 3 decimals, all digits on hover), as MathML text a reader can
// select and copy. view=all shows every stage on one page, with 5 decimals, for reading and
// printing.
(function () {
  'use strict';

  const el = window.nnvizEl;

  // math turns the wasm's MathML (typeset in Go, app/teachmath.go, from the same data as the
  // stages) into nodes. The markup is the wasm's own, with every text escaped there.
  function math(markup) {
    const t = document.createElement('template');
    t.innerHTML = markup;
    return t.content;
  }

  // lines is a stage's formulas, one per line, in a box that scrolls sideways when a matrix is
  // wider than the walk-through (rather than shrinking it).
  function lines(markups, label, id) {
    return el('div', { class: 'math', tabindex: '0', role: 'group', 'aria-label': label, id: id },
      ...markups.map((m) => el('div', { class: 'line' }, math(m))));
  }

  // stageBody is a stage's sentence of why, its formula in general form, the formula with this
  // step's numbers (full: with more digits), the matrix entry by entry where it is small, and
  // its notes.
  function stageBody(stage, full, ids) {
    // The general form and the numbers sit side by side where they fit, one above the other
    // where they do not.
    return [
      el('p', { class: 'why' }, stage.why),
      el('div', { class: 'formulas' },
        lines(stage.general, 'The formula', ids ? 'nnviz-formula' : null),
        lines(full ? stage.full : stage.numbers, 'With this step\'s numbers', ids ? 'nnviz-numbers' : null),
        stage.entries.length ? lines(stage.entries, 'Entry by entry', ids ? 'nnviz-entries' : null) : null),
      stage.result ? el('p', { class: 'result' }, stage.result) : null,
      stage.note ? el('p', { class: 'note' }, stage.note) : null,
    ].filter((e) => e !== null);
  }

  function build(api) {
    const box = document.getElementById('nnviz-teach');
    if (!box) {
      return;
    }
    let last = '';

    // All the digits of a value on hover: each <mn> carries them in its title, which browsers
    // do not show for MathML elements, so the formula's HTML box takes the title of the value
    // under the pointer.
    box.addEventListener('pointerover', (e) => {
      const n = e.target instanceof Element ? e.target.closest('mn[title]') : null;
      const holder = n && n.closest('.math');
      if (holder) {
        holder.title = n.getAttribute('title');
      }
    });

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
        document.body.classList.remove('teaching', 'teach-all');
        last = '';
        return;
      }
      const stage = lesson.stages[lesson.stage];
      const all = lesson.view === 'all';
      const key = JSON.stringify([lesson.point, lesson.stage, lesson.view, stage.numbers, all ? lesson.stages.map((x) => x.full) : 0]);
      if (key === last) {
        return;
      }
      last = key;
      const s = api.state();
      const p = s.points[lesson.point];
      box.hidden = false;
      document.body.classList.add('teaching');
      document.body.classList.toggle('teach-all', all);
      const n = lesson.stages.length;
      // Coordinates to 3 decimals at most (a preset's have 16); a regression's point has a value.
      const short = (v) => String(Number(v.toFixed(3)));
      const target = p.value !== undefined && p.label === undefined ? 'value ' + short(p.value) : 'label ' + p.label;
      const point = el('p', { class: 'point' }, 'Point ' + lesson.point + ': [' + short(p.x) + ', ' + short(p.y) + '], ' + target +
        '. Click another point to walk through it.');
      const viewButton = el('button', {
        type: 'button', id: 'nnviz-teach-view', 'aria-pressed': all ? 'true' : 'false',
        title: all ? 'Show one stage at a time, with the network beside it' : 'Show every stage of the step on one page, as the notebook does',
        onclick: guarded(() => {
          api.teachView(all ? 'stage' : 'all');
          render();
          const b = document.getElementById('nnviz-teach-view');
          if (b) {
            b.focus();
          }
        }),
      }, all ? 'One stage at a time' : 'All stages');
      const apply = el('button', {
        type: 'button', id: 'nnviz-apply', class: 'primary',
        title: 'Perform exactly this update (step size ' + lesson.stepSize + ') on the live network',
        onclick: guarded(() => {
          api.applyLesson();
          last = '';
          render();
        }),
      }, 'Apply this step');
      if (all) {
        box.replaceChildren(
          el('header', {},
            el('h2', { id: 'nnviz-teach-title' }, 'One training step, all ' + n + ' stages'),
            point),
          ...lesson.stages.map((st, k) => el('section', { class: 'stage', 'aria-labelledby': 'nnviz-stage-' + k },
            el('h3', { id: 'nnviz-stage-' + k }, 'Stage ' + (k + 1) + ': ' + st.title),
            ...stageBody(st, true, false))),
          el('nav', { class: 'teach-nav', 'aria-label': 'Walk-through' }, viewButton, apply, closeButton()));
        return;
      }
      box.replaceChildren(
        el('header', {},
          el('h2', { id: 'nnviz-teach-title' }, 'Stage ' + (lesson.stage + 1) + ' of ' + n + ': ' + stage.title),
          point),
        ...stageBody(stage, false, true),
        el('nav', { class: 'teach-nav', 'aria-label': 'Walk-through stages' },
          el('button', {
            type: 'button', id: 'nnviz-prev', disabled: lesson.stage === 0, 'aria-keyshortcuts': 'ArrowLeft',
            onclick: () => go(lesson.stage - 1),
          }, '← Prev'),
          el('button', {
            type: 'button', id: 'nnviz-next', disabled: lesson.stage === n - 1, 'aria-keyshortcuts': 'ArrowRight',
            onclick: () => go(lesson.stage + 1),
          }, 'Next →'),
          apply, viewButton, closeButton()));
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
