// describe.js: the canvas's text alternative. It says in words what the canvas shows (the
// points per class, the network's shape, the step, the loss and the accuracy) in
// #nnviz-summary, which the canvas names as its description. It is brought up to date at a
// calm rate, at most every two seconds, and only when something changed, so that a screen
// reader is not flooded while the network trains.
(function () {
  'use strict';

  const PERIOD = 2000; // ms between updates at most

  // describe writes the state s in words.
  function describe(s) {
    const tests = s.points.filter((p) => p.test).length;
    let kinds;
    if (s.problem === 'regression') {
      kinds = 'with values from −1 to 1';
    } else {
      // Classes in the order people count them: 1 before −1 for two, 1..K for more.
      const labels = s.classes > 2 ? Array.from({ length: s.classes }, (_, i) => i + 1) : [1, -1];
      const count = (l) => s.points.filter((p) => p.label === l).length;
      kinds = labels.map((l) => count(l) + ' of class ' + String(l).replace('-', '−')).join(', ');
      kinds = kinds.replace(/, ([^,]*)$/, ' and $1');
    }
    const points = s.points.length === 0 ? 'No points yet.'
      : s.points.length + (s.points.length === 1 ? ' point' : ' points') + ': ' + kinds +
        (tests ? ', ' + tests + ' of them held out as test data.' : '.');
    const features = s.features && s.features !== 'x,y' ? ' on the features ' + s.features.split(',').join(', ') : '';
    const net = 'Network ' + s.layers.join('-') + features + ', ' + s.activation + ' activation, ' + s.cost + ' cost.';
    let train = (s.running ? 'Training, step ' : 'Paused at step ') + s.steps + ': loss ' + s.loss.toFixed(4);
    if (tests) {
      train += ', test loss ' + s.testLoss.toFixed(4);
    }
    if (s.problem !== 'regression') {
      train += ', accuracy ' + (100 * s.accuracy).toFixed(0) + '%';
    }
    train += '.';
    const sel = s.selected >= 0 ? ' Point ' + s.selected + ' is selected.' : '';
    return points + ' ' + net + ' ' + train + sel;
  }

  function start(api) {
    const box = document.getElementById('nnviz-summary');
    if (!box) {
      return;
    }
    let dirty = true;
    let last = 0;
    let timer = 0;
    function update() {
      timer = 0;
      last = Date.now();
      dirty = false;
      const text = describe(api.state());
      if (box.textContent !== text) {
        box.textContent = text;
      }
    }
    function changed() {
      dirty = true;
      if (!timer) {
        timer = setTimeout(update, Math.max(0, last + PERIOD - Date.now()));
      }
    }
    for (const event of ['step', 'points', 'config']) {
      api.on(event, changed);
    }
    if (dirty) {
      update();
    }
  }

  // The page's landmarks are named after the iframe that embeds it (its title says which
  // lesson's playground it is), or the page's title: a course page with several embeds then has
  // landmarks a screen reader can tell apart.
  let frameTitle = '';
  try {
    frameTitle = window.frameElement ? window.frameElement.title : '';
  } catch (err) { /* embedded by another origin: its title cannot be read */ }
  const main = document.getElementById('nnviz-main');
  if (main) {
    main.setAttribute('aria-label', frameTitle || document.title);
  }
  const panel = document.getElementById('nnviz-panel');
  if (panel && frameTitle) {
    panel.setAttribute('aria-label', 'Controls of ' + frameTitle);
  }

  window.addEventListener('nnviz:ready', (e) => start(e.detail));
})();
