//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutCase is a page at a size people use it at.
type layoutCase struct {
	path  string
	w, h  int64
	scale float64
}

// layoutCases are the pages and sizes the layout must serve: "/" on desktops, a tablet and a
// phone; embed.html in course iframes with its default bar, with the walk-through open and
// with nine controls named.
func layoutCases() []layoutCase {
	var cs []layoutCase
	for _, s := range [][3]float64{{1920, 1080, 1}, {1366, 768, 1}, {1280, 800, 1}, {1024, 768, 1}, {768, 1024, 1}, {390, 844, 2}} {
		cs = append(cs, layoutCase{"/", int64(s[0]), int64(s[1]), s[2]})
	}
	for _, q := range []string{"", "?teach=0", "?controls=play,step,reset,lr,speed,mode,shape,activation,cost"} {
		for _, s := range [][2]int64{{900, 560}, {720, 480}, {640, 400}, {480, 360}} {
			cs = append(cs, layoutCase{"/embed.html" + q, s[0], s[1], 1})
		}
	}
	return cs
}

// pageLayout is what the layout test reads from a page.
type pageLayout struct {
	Canvas box
	Layout struct {
		Arrangement string
		Secondary   string
		Shown       string
		Tabs        []string
		Cards       map[string]box
		Plot        box
		Neuron      float64
		Text        float64
	}
	Plot     box      // the view's corners through toScreen
	Overlaps []string // HTML boxes that cover the canvas
	Cut      []string // controls whose text does not fit
	Teach    *struct {
		H        float64
		Overflow bool
		NavShown bool
		Font     float64
	}
}

type box struct{ X, Y, W, H float64 }

// readLayout measures the page: the canvas, the game's layout, the plot by toScreen, what
// covers the canvas, controls whose text is cut, and the walk-through.
const readLayout = `(() => {
  const r = (e) => { const b = e.getBoundingClientRect(); return {x: b.x, y: b.y, w: b.width, h: b.height}; };
  const canvas = document.querySelector('canvas');
  const c = r(canvas);
  const v = nnviz.state().view;
  const tl = nnviz.toScreen(v.xMin, v.yMax), br = nnviz.toScreen(v.xMax, v.yMin);
  const shown = (e) => e && !e.hidden && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const overlaps = [];
  for (const sel of ['#nnviz-panel', '#nnviz-teach', '.nnviz-problems']) {
    for (const e of document.querySelectorAll(sel)) {
      if (!shown(e)) continue;
      const b = r(e);
      const ox = Math.min(b.x + b.w, c.x + c.w) - Math.max(b.x, c.x);
      const oy = Math.min(b.y + b.h, c.y + c.h) - Math.max(b.y, c.y);
      if (ox > 0.5 && oy > 0.5) overlaps.push(sel + ' ' + JSON.stringify(b) + ' covers the canvas ' + JSON.stringify(c));
    }
  }
  // Every control shows its whole text: open the sections, then measure.
  for (const d of document.querySelectorAll('#nnviz-panel details')) d.open = true;
  const cut = [];
  const ctx = document.createElement('canvas').getContext('2d');
  for (const s of document.querySelectorAll('#nnviz-panel select')) {
    if (!shown(s)) continue;
    const cs = getComputedStyle(s);
    ctx.font = cs.font;
    const widest = Math.max(...[...s.options].map((o) => ctx.measureText(o.text).width));
    // The select's own padding and its arrow take about 24 px.
    if (widest + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + 20 > s.clientWidth) {
      cut.push('select #' + s.id + ' is ' + s.clientWidth + ' px for "' + [...s.options].find((o) => ctx.measureText(o.text).width === widest).text + '" (' + Math.round(widest) + ' px)');
    }
  }
  for (const b of document.querySelectorAll('#nnviz-panel button, #nnviz-panel label, #nnviz-teach button')) {
    if (shown(b) && b.scrollWidth > b.clientWidth + 1) cut.push((b.id || b.textContent) + ' is cut: ' + b.scrollWidth + ' > ' + b.clientWidth);
  }
  let teach = null;
  const t = document.getElementById('nnviz-teach');
  if (shown(t)) {
    const nav = t.querySelector('.teach-nav');
    const tb = r(t);
    teach = {h: tb.h, overflow: t.scrollWidth > t.clientWidth + 1,
      navShown: !!nav && r(nav).y + r(nav).h <= tb.y + tb.h + 0.5 && r(nav).y >= tb.y,
      font: Math.min(...[...t.querySelectorAll('td, p, caption')].map((e) => parseFloat(getComputedStyle(e).fontSize)))};
  }
  return {canvas: c, layout: nnviz.layout(), plot: {x: tl.x, y: tl.y, w: br.x - tl.x, h: br.y - tl.y}, overlaps, cut, teach};
})()`

// TestLayoutAtEverySize opens each page at each size people use, saves a screenshot, and
// checks the layout the way a person would see it: the plane at least 55% of the canvas's
// smaller side, every card showing or a tab away, neurons and text big enough, nothing of the
// page's HTML over the canvas, controls whose text fits, and a readable walk-through.
func TestLayoutAtEverySize(t *testing.T) {
	srv := server(t)
	outer := t
	// One tab per page, resized from size to size: a page is loaded once.
	pages := map[string]*Page{}
	for _, c := range layoutCases() {
		name := fmt.Sprintf("%s_%dx%d", strings.NewReplacer("/", "", "?", "_", "=", "-", ",", "-").Replace(c.path), c.w, c.h)
		t.Run(name, func(t *testing.T) {
			p := pages[c.path]
			if p == nil {
				p = newPage(outer) // the tab outlives this size
				p.t = t
				p.Do("opening "+c.path, chromedp.Navigate(srv.URL+strings.TrimPrefix(c.path, "/")))
				p.WaitFor("window.nnviz", ready, wasmStartTimeout)
				pages[c.path] = p
			}
			p.t = t
			p.Do("sizing the viewport", chromedp.EmulateViewport(c.w, c.h, chromedp.EmulateScale(c.scale)))
			// The game lays out for the new size at its next frame: its cards then reach the
			// canvas's right and bottom margins.
			p.WaitFor("the layout of the resized canvas", `(() => {
				const c = document.querySelector('canvas').getBoundingClientRect();
				const cards = Object.values(nnviz.layout().cards || {});
				if (!cards.length || Math.abs(c.width - document.body.getBoundingClientRect().width) > 1) return false;
				const right = Math.max(...cards.map((b) => b.x + b.w)), bottom = Math.max(...cards.map((b) => b.y + b.h));
				return c.width - right >= 6 && c.width - right <= 16 && c.height - bottom >= 6 && c.height - bottom <= 16;
			})()`, actionTimeout)
			p.NextFrames(3)
			p.Screenshot("layout")
			checkPageLayout(t, c, Eval[pageLayout](p, readLayout))
		})
	}
}

func checkPageLayout(t *testing.T, c layoutCase, m pageLayout) {
	t.Helper()
	ly := m.Layout
	t.Logf("canvas %.0fx%.0f: %s, %s, plot %.0f px (%.0f%%), tabs %v", m.Canvas.W, m.Canvas.H, ly.Arrangement, ly.Secondary,
		m.Plot.W, 100*m.Plot.W/math.Min(m.Canvas.W, m.Canvas.H), ly.Tabs)
	short := math.Min(m.Canvas.W, m.Canvas.H)
	if _, ok := ly.Cards["plane"]; !ok {
		t.Errorf("the plane does not show at first (cards %v)", ly.Cards)
	} else if side := math.Min(m.Plot.W, m.Plot.H); side < 0.55*short-1 {
		t.Errorf("the plane is %.0f CSS px, %.0f%% of the canvas's smaller side %.0f; want at least 55%%", side, 100*side/short, short)
	}
	for _, card := range []string{"plane", "network", "chart"} {
		_, shows := ly.Cards[card]
		tabbed := false
		for _, tb := range ly.Tabs {
			tabbed = tabbed || tb == card
		}
		if !shows && !tabbed {
			t.Errorf("the %s neither shows nor has a tab", card)
		}
	}
	if _, ok := ly.Cards["network"]; ok && ly.Neuron < 12 {
		t.Errorf("neurons are %.1f CSS px across, want at least 12", ly.Neuron)
	}
	if ly.Text < 11 {
		t.Errorf("the smallest text is %.1f CSS px, want at least 11", ly.Text)
	}
	for _, o := range m.Overlaps {
		t.Error(o)
	}
	for _, c := range m.Cut {
		t.Error(c)
	}
	if strings.Contains(c.path, "teach=") {
		switch {
		case m.Teach == nil:
			t.Error("the walk-through does not show")
		case m.Teach.Overflow:
			t.Error("the walk-through is wider than its box")
		case !m.Teach.NavShown:
			t.Error("the walk-through's buttons are out of its box")
		case m.Teach.Font < 12:
			t.Errorf("the walk-through's text is %.1f px, want at least 12", m.Teach.Font)
		case m.Teach.H < 150:
			t.Errorf("the walk-through is %.0f px high, want at least 150", m.Teach.H)
		}
	}
}

// TestTabsShowEachCard: on a phone, where the cards take turns, a tap on a tab and the V key
// each show another card, and the arrow keys on the plane bring the plane back.
func TestTabsShowEachCard(t *testing.T) {
	srv := server(t)
	p := newPage(t)
	p.Do("sizing the viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	p.Do("opening /", chromedp.Navigate(srv.URL))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	p.WaitFor("tabs", `nnviz.layout().tabs.length === 3`, actionTimeout)
	p.NextFrames(2)

	plane := Eval[box](p, `nnviz.layout().cards.plane`)
	// The tabs are in the card's title line; "Data" is first, "Network" second.
	y := plane.Y + 16
	clickUntil := func(what, cond string, xs ...float64) {
		for _, x := range xs {
			click(p, xy{x, y}) // held across frames, as the game reads the mouse once a frame
			if Eval[bool](p, cond) {
				return
			}
		}
		t.Fatalf("no click on the title line showed %s; layout: %v", what, Eval[any](p, `nnviz.layout()`))
	}
	clickUntil("the network", `nnviz.layout().shown === "network"`, plane.X+90, plane.X+100, plane.X+110)
	p.NextFrames(2)
	p.Screenshot("network")
	if _, ok := Eval[map[string]any](p, `nnviz.layout().cards`)["network"]; !ok {
		t.Fatal("the network's tab was chosen but the network does not show")
	}

	// V shows the next card (the chart), wherever the focus is.
	press(p, keyDef{"v", "KeyV", 86, "v"}, 0)
	p.WaitFor("the chart", `nnviz.layout().shown === "chart"`, actionTimeout)
	p.NextFrames(2)
	p.Screenshot("chart")

	// With the canvas focused, an arrow key brings the plane back and says so.
	Eval[bool](p, `(document.querySelector("canvas").focus(), true)`)
	press(p, keyArrowRight, 0)
	p.WaitFor("the plane", `nnviz.layout().shown === "plane"`, actionTimeout)
	p.WaitFor("the announcement", `document.getElementById("nnviz-live").textContent.includes("plane")`, actionTimeout)
	p.ExpectNoConsoleErrors()
}
