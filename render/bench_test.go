package render

import (
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// benchCases are the sizes the speed targets name: the notebook's 2-3-2 on its ten points,
// and the largest network (8 hidden layers of 16) on 1,000 points.
var benchCases = []struct {
	name   string
	layers []int
	act    nn.Activation
	cost   nn.Cost
	data   string
	n      int
}{
	{"notebook-2-3-2", []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0},
	{"largest-2-16x8-2-1000pts", []int{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}, nn.Tanh, nn.CrossEntropy, "spiral", 1000},
}

// benchGame returns a laid-out game over a playground of the case, with a point selected and
// the pointer over a point (so the tooltip and the activations are built too), after one
// full frame so that every buffer has grown.
func benchGame(b testing.TB, i int, running bool) *Game {
	c := benchCases[i]
	st := newTestState(b, c.layers, c.act, c.cost, c.data, c.n)
	if err := st.Select(0); err != nil {
		b.Fatal(err)
	}
	if running {
		st.TogglePlay()
	}
	in := &stillInput{}
	g := newGame(st, in)
	g.setOutside(1440, 900, 2)
	if err := g.Update(); err != nil {
		b.Fatal(err)
	}
	pv := planeView{plot: g.ly.Plot, view: g.snap.View}
	in.x, in.y = pv.toPx(g.snap.Points[0].X, g.snap.Points[0].Y)
	in.on = true
	if err := g.Update(); err != nil {
		b.Fatal(err)
	}
	// The CPU side only: the images the GPU draws are not needed to build the batches.
	g.eval.setNetwork(g.snap.Net, g.snap.WeightsVersion)
	g.updateActs()
	g.buildBatches()
	return g
}

// BenchmarkBuildBatches measures the CPU side of Draw: every vertex of shapes and glyphs
// (points, edges, neurons, chart, labels, tooltip).
func BenchmarkBuildBatches(b *testing.B) {
	for i, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			g := benchGame(b, i, false)
			b.ReportAllocs()
			for b.Loop() {
				g.buildBatches()
			}
		})
	}
}

// BenchmarkPackWeights measures copying the weights into the shader's uniforms (or, for the
// largest network, its weight texture's bytes), done whenever the weights change.
func BenchmarkPackWeights(b *testing.B) {
	for i, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			g := benchGame(b, i, false)
			e := g.eval
			b.ReportAllocs()
			for b.Loop() {
				e.pack.pack(e.net, e.wbuf, e.bbuf)
				if e.key.src == fromTexture {
					encodeWeights(e.weightPix, e.wbuf, e.bbuf)
				}
			}
		})
	}
}

// BenchmarkGoFrame measures the Go work of a frame while training runs, GPU submission
// aside: State.Frame (training at the default speed, then the snapshot), the selected
// point's forward pass, packing the new weights and building the batches.
func BenchmarkGoFrame(b *testing.B) {
	for i, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			g := benchGame(b, i, true)
			e := g.eval
			b.ReportAllocs()
			for b.Loop() {
				g.st.Frame(&g.snap)
				e.pack.pack(g.snap.Net, e.wbuf, e.bbuf)
				if e.key.src == fromTexture {
					encodeWeights(e.weightPix, e.wbuf, e.bbuf)
				}
				g.updateActs()
				g.buildBatches()
			}
		})
	}
}

// TestBuildBatchesAllocatesNothing checks the steady state of the CPU side of Draw.
func TestBuildBatchesAllocatesNothing(t *testing.T) {
	for i, c := range benchCases {
		g := benchGame(t, i, false)
		if n := testing.AllocsPerRun(20, func() {
			g.updateActs()
			g.buildBatches()
			g.eval.pack.pack(g.eval.net, g.eval.wbuf, g.eval.bbuf)
		}); n != 0 {
			t.Errorf("%s: %.1f allocations per frame, want 0", c.name, n)
		}
	}
}
