package render

import (
	"math"
	"slices"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// chartScale maps training steps and the two series onto the chart's axes box: loss on the
// left axis from 0 to a round maximum, accuracy on the right from 0 to 100%.
type chartScale struct {
	box            rect
	step0, step1   float64
	lossMax        float64
	lossTicks      []float64
	lossDecimals   int
	stepTicks      []float64
	stepTickDigits int
}

// update fits the scale to the history. It reuses its tick slices.
func (c *chartScale) update(box rect, hist []app.Sample, u float32) {
	c.box = box
	c.step0, c.step1, c.lossMax = 0, 1, 0
	if n := len(hist); n > 0 {
		c.step0, c.step1 = float64(hist[0].Step), float64(hist[n-1].Step)
		if c.step1 <= c.step0 {
			c.step1 = c.step0 + 1
		}
	}
	for _, s := range hist {
		if !math.IsNaN(s.Loss) && !math.IsInf(s.Loss, 0) {
			c.lossMax = max(c.lossMax, s.Loss)
		}
		if s.HasTest && !math.IsNaN(s.TestLoss) && !math.IsInf(s.TestLoss, 0) {
			c.lossMax = max(c.lossMax, s.TestLoss)
		}
	}
	if c.lossMax <= 0 {
		c.lossMax = 1
	}
	// The loss axis ends on the first tick at or above the largest loss.
	n := max(2, min(5, int(box.h()/(28*u))))
	c.lossTicks, c.lossDecimals = niceTicks(c.lossTicks, 0, niceCeil(c.lossMax), n)
	if len(c.lossTicks) > 1 {
		step := c.lossTicks[1] - c.lossTicks[0]
		c.lossMax = max(step, math.Ceil(c.lossMax/step-1e-9)*step)
		c.lossTicks, c.lossDecimals = niceTicks(c.lossTicks, 0, c.lossMax, int(math.Round(c.lossMax/step)))
	} else {
		c.lossMax = 1
	}
	// Steps are whole numbers: fractional ticks are dropped.
	c.stepTicks, _ = niceTicks(c.stepTicks, c.step0, c.step1, max(2, int(box.w()/(70*u))))
	c.stepTicks = slices.DeleteFunc(c.stepTicks, func(v float64) bool { return v != math.Trunc(v) })
	c.stepTickDigits = 0
}

// niceCeil returns the smallest of 1, 2, 2.5, 5 times a power of ten that is at least v (and
// 1 for v <= 0), so the loss axis ends on a round number.
func niceCeil(v float64) float64 {
	if !(v > 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= v*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

func (c *chartScale) x(step float64) float32 {
	return c.box.X0 + float32((step-c.step0)/(c.step1-c.step0))*c.box.w()
}

func (c *chartScale) lossY(v float64) float32 {
	t := min(max(v/c.lossMax, 0), 1)
	if math.IsNaN(t) {
		t = 1
	}
	return c.box.Y1 - float32(t)*c.box.h()
}

func (c *chartScale) accY(v float64) float32 {
	t := min(max(v, 0), 1)
	if math.IsNaN(t) {
		t = 0
	}
	return c.box.Y1 - float32(t)*c.box.h()
}

// chartSeries are the chart's lines: the loss and accuracy over the training points, and over
// the test points when some are held out. A regression has no accuracy.
var chartSeries = [...]struct {
	name, short string // the legend's names: in full, and where room is short
	col         rgba
	width       float32
	test        bool
	acc         bool
}{
	{"loss", "loss", colLoss, 2, false, false},
	{"test loss", "test", colTestLoss, 2, true, false},
	{"accuracy", "acc.", colAccuracy, 2, false, true},
	{"test accuracy", "test", colTestAccuracy, 2, true, true},
}

// shownSeries reports whether series k of chartSeries is drawn for the snapshot.
func shownSeries(k int, s *app.Snapshot) bool {
	c := chartSeries[k]
	return (!c.test || s.HasTest) && (!c.acc || s.Net == nil || s.Net.Task().Problem != nn.Regression)
}

// drawChart queues the chart card: grid, both axes with labels, the loss and accuracy lines
// (of the training and the test points) and their legend.
func (g *Game) drawChart(p *painter, s *app.Snapshot) {
	card, box := g.ly.ChartCard, g.ly.Chart
	if card.empty() || box.empty() {
		return
	}
	u := g.ly.Scale
	ty, small, room := g.drawTitledCard(p, cardChart)
	// Legend on the title line: the names in full when they fit, else short ones with shorter
	// samples (the colours tell the test series apart), else none.
	x := card.X1 - g.ly.ch.pad
	if g.chartLegend(p, s, x, ty, small, false, false) <= room+12*u {
		g.chartLegend(p, s, x, ty, small, false, true)
	} else if g.chartLegend(p, s, x, ty, small, true, false) <= room+12*u {
		g.chartLegend(p, s, x, ty, small, true, true)
	}
	regression := s.Net != nil && s.Net.Task().Problem == nn.Regression

	c := &g.chart
	c.update(box, s.History, u)
	mid := &p.sh[layerMid]
	for _, v := range c.lossTicks {
		y := c.lossY(v)
		mid.line(box.X0, y, box.X1, y, 1*u, colGrid)
		g.num = appendNumber(g.num[:0], v, c.lossDecimals)
		p.tx.addBytes(layerMid, g.num, box.X0-6*u, y+capHeight(small)/2, small, colMuted, alignRight)
	}
	for _, pct := range [3]float64{0, 0.5, 1} {
		if regression {
			break
		}
		y := c.accY(pct)
		g.num = appendNumber(g.num[:0], pct*100, 0)
		g.num = append(g.num, '%')
		p.tx.addBytes(layerMid, g.num, box.X1+6*u, y+capHeight(small)/2, small, colAccuracyInk, alignLeft)
	}
	for _, v := range c.stepTicks {
		xx := c.x(v)
		mid.line(xx, box.Y1, xx, box.Y1+tickLen*u, 1*u, colAxis)
		g.num = appendNumber(g.num[:0], v, c.stepTickDigits)
		p.tx.addBytes(layerMid, g.num, xx, box.Y1+(tickLen+4)*u+capHeight(small), small, colMuted, alignCenter)
	}
	mid.line(box.X0, box.Y1, box.X1, box.Y1, 1*u, colAxis)
	p.tx.add(layerMid, "step", box.X0-6*u, box.Y1+(tickLen+4)*u+capHeight(small), small, colMuted, alignRight)
	if len(s.History) == 0 {
		p.tx.add(layerMid, "Press play (space) or step (s) to train", (box.X0+box.X1)/2, (box.Y0+box.Y1)/2, small, colMuted, alignCenter)
		return
	}
	g.appendSeries(mid, s, u)
}

// chartLegend returns the width of the chart's legend, with short names or in full, and queues
// it right-aligned at x on the baseline ty if draw.
func (g *Game) chartLegend(p *painter, s *app.Snapshot, x, ty float32, small textStyle, short, draw bool) float32 {
	u := g.ly.Scale
	sample, gap := float32(14), float32(12)
	if short {
		sample, gap = 10, 8
	}
	cy := ty - capHeight(small)/2
	var need float32
	for k := len(chartSeries) - 1; k >= 0; k-- {
		c := chartSeries[k]
		if !shownSeries(k, s) {
			continue
		}
		name := c.name
		if short {
			name = c.short
		}
		w := p.tx.width(name, small)
		need += w + (4+sample+gap)*u
		if draw {
			p.tx.add(layerMid, name, x, ty, small, colMuted, alignRight)
			x -= w + 4*u
			p.sh[layerMid].line(x-sample*u, cy, x, cy, c.width*u, c.col)
			x -= (sample + gap) * u
		}
	}
	return need
}

// appendSeries queues the shown series as round-capped polylines, the training loss last (on
// top), skipping samples closer than a pixel to the last one drawn and samples without test
// values in a test series.
func (g *Game) appendSeries(sh *shapes, s *app.Snapshot, u float32) {
	c := &g.chart
	for _, k := range [...]int{3, 2, 1, 0} {
		if !shownSeries(k, s) {
			continue
		}
		hist := s.History
		if chartSeries[k].test {
			// Samples from before the split have no test values.
			for len(hist) > 0 && !hist[0].HasTest {
				hist = hist[1:]
			}
			if len(hist) == 0 {
				continue
			}
		}
		col, w := chartSeries[k].col, chartSeries[k].width*u
		y := func(s app.Sample) float32 {
			switch k {
			case 0:
				return c.lossY(s.Loss)
			case 1:
				return c.lossY(s.TestLoss)
			case 2:
				return c.accY(s.Accuracy)
			}
			return c.accY(s.TestAccuracy)
		}
		px, py := c.x(float64(hist[0].Step)), y(hist[0])
		if len(hist) == 1 {
			sh.circle(px, py, w, col)
			continue
		}
		for i := 1; i < len(hist); i++ {
			nx, ny := c.x(float64(hist[i].Step)), y(hist[i])
			if nx-px < 1*u && i < len(hist)-1 {
				continue
			}
			sh.line(px, py, nx, ny, w, col)
			px, py = nx, ny
		}
	}
}
