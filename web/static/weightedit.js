// weightedit.js: type a new value for one weight or bias, as TensorFlow Playground lets you.
//
// The canvas cannot hold a text field, so a click (or tap) on an edge or a bias ring of the
// network diagram opens a small dialog next to it ('editweight' from the wasm), with a number
// field named after the weight as the notebook writes it (w_3[1,2], b_2[3]). From the keyboard,
// W anywhere (keyboard.js) or the panel's "Edit a weight" button opens the same dialog, with a
// list of every weight and bias to choose from. Enter sets the value (one undoable edit: Ctrl+Z
// takes it back), Esc cancels; a value the network cannot take is named in the dialog.
(function () {
  'use strict';

  const el = window.nnvizEl;

  function start(api) {
    const which = el('select', { id: 'nnviz-weight-which' });
    const value = el('input', { id: 'nnviz-weight-value', type: 'number', step: 'any', required: true, 'aria-describedby': 'nnviz-weight-now nnviz-weight-error' });
    const valueLabel = el('label', { for: 'nnviz-weight-value', id: 'nnviz-weight-value-label' }, 'New value');
    const now = el('p', { class: 'message', id: 'nnviz-weight-now' });
    const error = el('p', { class: 'message error', id: 'nnviz-weight-error', role: 'alert' });
    const form = el('form', { method: 'dialog' },
      el('h2', { id: 'nnviz-weight-title' }, 'Edit a weight'),
      el('div', { class: 'field' }, el('label', { for: 'nnviz-weight-which' }, 'Weight or bias'), which),
      el('div', { class: 'field' }, valueLabel, value),
      now, error,
      el('div', { class: 'buttons' },
        el('button', { type: 'submit', class: 'primary', id: 'nnviz-weight-set' }, 'Set'),
        el('button', { type: 'button', id: 'nnviz-weight-cancel', onclick: () => close() }, 'Cancel')));
    const dialog = el('dialog', { id: 'nnviz-weight-dialog', 'aria-labelledby': 'nnviz-weight-title' }, form);
    document.body.append(dialog);

    let back = null; // what had the focus before the dialog opened

    // refs lists every weight and bias of the network, by the notebook's names.
    function fill() {
      const w = api.weights();
      const groups = w.map((layer, k) => {
        const l = k + 2;
        const opts = [];
        layer.w.forEach((row, i) => row.forEach((v, j) => opts.push(el('option', { value: [l, i + 1, j + 1].join(',') }, 'w_' + l + '[' + (i + 1) + ',' + (j + 1) + ']'))));
        layer.b.forEach((v, i) => opts.push(el('option', { value: [l, i + 1, 0].join(',') }, 'b_' + l + '[' + (i + 1) + ']')));
        return el('optgroup', { label: 'w_' + l + ' and b_' + l }, ...opts);
      });
      which.replaceChildren(...groups);
      return w;
    }

    function current(w, ref) {
      const [l, i, j] = ref;
      const layer = w[l - 2];
      return j === 0 ? layer.b[i - 1] : layer.w[i - 1][j - 1];
    }

    function nameOf(ref) {
      const [l, i, j] = ref;
      return j === 0 ? 'b_' + l + '[' + i + ']' : 'w_' + l + '[' + i + ',' + j + ']';
    }

    // show brings the field in line with the chosen weight: its name and its value now.
    function show(w) {
      const ref = which.value.split(',').map(Number);
      const v = current(w, ref);
      valueLabel.textContent = 'New value of ' + nameOf(ref);
      value.value = String(v);
      now.textContent = nameOf(ref) + ' is ' + v.toFixed(3) + ' now.';
      error.textContent = '';
    }

    which.addEventListener('change', () => show(api.weights()));

    // open shows the dialog on the weight ref ([layer, row, col], col 0 for a bias), or on the
    // first one, next to (x, y) in CSS pixels if given.
    function open(ref, x, y) {
      const w = fill();
      which.value = (ref || [2, 1, 1]).join(',');
      show(w);
      back = document.activeElement;
      dialog.classList.toggle('placed', x !== undefined);
      if (!dialog.open) {
        dialog.showModal();
      }
      if (x !== undefined) {
        const r = dialog.getBoundingClientRect();
        dialog.style.left = Math.max(4, Math.min(x + 12, window.innerWidth - r.width - 4)) + 'px';
        dialog.style.top = Math.max(4, Math.min(y + 12, window.innerHeight - r.height - 4)) + 'px';
      }
      value.focus();
      value.select();
    }

    function close() {
      if (dialog.open) {
        dialog.close();
      }
    }

    dialog.addEventListener('close', () => {
      if (back && back.isConnected && typeof back.focus === 'function') {
        back.focus();
      }
      back = null;
    });

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const ref = which.value.split(',').map(Number);
      const text = value.value.trim();
      const v = Number(text);
      if (text === '' || !Number.isFinite(v)) {
        error.textContent = nameOf(ref) + ': type a number, such as 0.5 or -1.2.';
        value.focus();
        return;
      }
      try {
        if (ref[2] === 0) {
          api.setBias(ref[0], ref[1], v);
        } else {
          api.setWeight(ref[0], ref[1], ref[2], v);
        }
      } catch (err) {
        error.textContent = String(err.message).replace(/^nnviz\.\w+: /, '').replace(/^weight: /, '');
        value.focus();
        return;
      }
      close();
    });

    api.on('editweight', (d) => open([d.layer, d.row, d.col], d.x, d.y));
    window.nnvizEditWeight = () => open(null);
  }

  window.addEventListener('nnviz:ready', (e) => start(e.detail));
})();
