package render

import (
	"fmt"
	"github.com/nnviz/nnviz/nn"
	"slices"
	"testing"
)

// layoutShapes are networks the layout must make room for: the notebook's, the README's
// spiral, and the deepest, widest one the presets use.
var layoutShapes = [][]int{{2, 3, 2}, {2, 8, 8, 2}, {2, 4, 4, 4, 4, 2}}

// layoutSizes are canvases in CSS pixels, with their device scale: the pages' own canvases at
// the sizes people use (the side panel and the bars take the rest of the window), and
// extremes.
var layoutSizes = []struct{ w, h, scale float32 }{
	{1616, 1080, 1}, {1062, 768, 1}, {976, 800, 1}, {720, 768, 1}, {464, 1024, 1}, // "/" beside its panel
	{390, 464, 2}, {360, 352, 3}, // phones, above the controls
	{900, 508, 1}, {720, 428, 1}, {640, 348, 1}, {480, 308, 1}, // embeds above their bar
	{900, 251, 1}, {720, 205, 1}, // embeds above the walk-through
	{596, 560, 1}, {416, 480, 1}, // embeds beside the full panel
	{2560, 1600, 2}, {7680, 4320, 2}, {2000, 300, 1}, {300, 2000, 1}, // huge and extreme
}

func TestLayoutFitsEverySize(t *testing.T) {
	for _, shape := range layoutShapes {
		for _, sz := range layoutSizes {
			for _, shown := range []card{cardPlane, cardNetwork, cardChart} {
				name := fmt.Sprintf("%v/%gx%g@%g/%v", shape, sz.w, sz.h, sz.scale, shown)
				t.Run(name, func(t *testing.T) { checkLayout(t, sz.w, sz.h, sz.scale, shape, shown) })
			}
		}
	}
}

func checkLayout(t *testing.T, cw, ch, scale float32, shape []int, shown card) {
	w, h := cw*scale, ch*scale
	ly := computeLayout(w, h, scale, shape, shown)
	screen := rect{0, 0, w, h}
	parts := map[string]rect{"status": ly.Status, "plane": ly.PlaneCard, "network": ly.DiagramCard, "chart": ly.ChartCard}
	if ly.Arrangement == arrSingle && ly.Status.within(ly.cardRect(ly.Shown)) {
		// The status shares the title line of the one card that shows.
		if ly.Status.overlaps(ly.Tabs[len(ly.Tabs)-1].r) || ly.Status.Y1 > ly.Plot.Y0 && !ly.Plot.empty() {
			t.Errorf("the status %v overlaps the tabs or the plot", ly.Status)
		}
		delete(parts, "status")
	}
	for name, r := range parts {
		if r.empty() {
			continue
		}
		if !r.within(screen) {
			t.Errorf("%s %v is not within the screen %v", name, r, screen)
		}
		for other, o := range parts {
			if other < name && r.overlaps(o) {
				t.Errorf("%s %v overlaps %s %v", name, r, other, o)
			}
		}
	}
	inner := []struct {
		name         string
		inner, outer rect
	}{{"plot", ly.Plot, ly.PlaneCard}, {"diagram area", ly.Diagram, ly.DiagramCard}, {"chart axes", ly.Chart, ly.ChartCard}}
	for _, in := range inner {
		if !in.inner.empty() && !in.inner.within(in.outer) {
			t.Errorf("%s %v is not within its card %v", in.name, in.inner, in.outer)
		}
	}
	// Every card shows, or has a tab; the one that a shared slot shows is the one asked for
	// when it is among the tabs.
	var tabs []card
	for i, tb := range ly.Tabs {
		tabs = append(tabs, tb.card)
		if !tb.r.within(ly.cardRect(ly.Shown)) {
			t.Errorf("tab %v %v is outside the card it sits on, %v %v", tb.card, tb.r, ly.Shown, ly.cardRect(ly.Shown))
		}
		if i > 0 && tb.r.overlaps(ly.Tabs[i-1].r) {
			t.Errorf("tabs %v and %v overlap", tb.card, ly.Tabs[i-1].card)
		}
	}
	for c := cardPlane; c < cardCount; c++ {
		if ly.cardRect(c).empty() && !slices.Contains(tabs, c) {
			t.Errorf("card %v neither shows nor has a tab (tabs %v)", c, tabs)
		}
	}
	if slices.Contains(tabs, shown) && ly.Shown != shown {
		t.Errorf("asked for %v, the shared slot shows %v", shown, ly.Shown)
	}
	// The plane is the hero: when it shows, its side is at least 55% of the smaller side.
	if !ly.PlaneCard.empty() {
		if ly.Plot.w() != ly.Plot.h() {
			t.Errorf("plot %v is not square", ly.Plot)
		}
		if ly.Plot.X0 != floor32(ly.Plot.X0) || ly.Plot.Y0 != floor32(ly.Plot.Y0) || ly.Plot.w() != floor32(ly.Plot.w()) {
			t.Errorf("plot %v is not on whole pixels", ly.Plot)
		}
		if got, want := ly.Plot.w(), planeShare*min(w, h); got < want-1 {
			t.Errorf("plot is %.0f px, %.0f%% of the smaller side; want at least %.0f%%", got, 100*got/min(w, h), 100*planeShare)
		}
	}
	// The network, when it shows, has neurons of at least 12 CSS px.
	if !ly.DiagramCard.empty() {
		var d diagramGeom
		net, err := nn.New(nn.Config{Layers: shape, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		d.update(ly.Diagram, net, scale)
		if got := 2 * d.r / scale; got < 2*neuronMinR {
			t.Errorf("neurons are %.1f CSS px across in %v, want at least %d", got, ly.Diagram, 2*neuronMinR)
		}
		for l, ys := range d.y {
			for i := 1; i < len(ys); i++ {
				if ys[i]-ys[i-1] < 2*d.r {
					t.Errorf("neurons %d and %d of layer %d overlap", i, i+1, l+1)
				}
			}
		}
	}
	if !ly.ChartCard.empty() && ly.Chart.h() < chartMinBox*scale-1 {
		t.Errorf("the chart's axes box is %.0f CSS px high, want at least %d", ly.Chart.h()/scale, chartMinBox)
	}
}

// The sizes each get the arrangement that keeps everything in view where it can.
func TestLayoutArrangements(t *testing.T) {
	cases := []struct {
		w, h, scale float32
		arr         arrangement
		sec         secondary
	}{
		{1616, 1080, 1, arrBeside, secStacked}, // 1920x1080, beside the panel
		{976, 800, 1, arrBeside, secStacked},   // 1280x800
		{720, 768, 1, arrBelow, secSide},       // 1024x768
		{464, 1024, 1, arrBelow, secStacked},   // 768x1024
		{900, 508, 1, arrBeside, secStacked},   // the README's 900x560 embed
		{390, 464, 2, arrSingle, secNone},      // a phone
	}
	for _, c := range cases {
		ly := computeLayout(c.w*c.scale, c.h*c.scale, c.scale, []int{2, 3, 2}, cardPlane)
		if ly.Arrangement != c.arr || ly.Secondary != c.sec {
			t.Errorf("%gx%g@%g: %v, %v; want %v, %v", c.w, c.h, c.scale, ly.Arrangement, ly.Secondary, c.arr, c.sec)
		}
	}
}

// On a screen that shows one card at a time, the tabs choose it.
func TestLayoutTabsChooseTheCard(t *testing.T) {
	for _, c := range []card{cardPlane, cardNetwork, cardChart} {
		ly := computeLayout(390*2, 464*2, 2, []int{2, 3, 2}, c)
		if ly.Shown != c || ly.cardRect(c).empty() {
			t.Fatalf("asked for %v: shows %v", c, ly.Shown)
		}
		for o := cardPlane; o < cardCount; o++ {
			if o != c && !ly.cardRect(o).empty() {
				t.Errorf("asked for %v: %v shows too", c, o)
			}
		}
		tb := ly.Tabs[int(c)]
		if got := ly.tabAt((tb.r.X0+tb.r.X1)/2, (tb.r.Y0+tb.r.Y1)/2); got != c {
			t.Errorf("the middle of %v's tab is %v's", c, got)
		}
	}
}
