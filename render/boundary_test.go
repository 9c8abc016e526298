package render

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// testNet builds a network whose weights are the seed's standard normals scaled by
// gain/sqrt(fan-in), the range trained networks live in, with the output biases set so that
// the boundary passes through the origin (z_L[1] = z_L[2] there).
func testNet(t testing.TB, layers []int, act nn.Activation, cost nn.Cost, seed uint64, gain float64) *nn.Network {
	t.Helper()
	return testTaskNet(t, layers, act, cost, nn.Task{}, seed, gain)
}

// testTaskNet is testNet for a network of a task: for a regression the output bias makes the
// value 0 at the origin.
func testTaskNet(t testing.TB, layers []int, act nn.Activation, cost nn.Cost, task nn.Task, seed uint64, gain float64) *nn.Network {
	t.Helper()
	net, err := nn.New(nn.Config{Layers: layers, Activation: act, Cost: cost, Seed: seed, Task: task})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 7))
	p := net.Params()
	for l := range p {
		s := gain / math.Sqrt(float64(len(p[l].W[0])))
		for i := range p[l].W {
			for j := range p[l].W[i] {
				p[l].W[i][j] = r.NormFloat64() * s
			}
			p[l].B[i] = r.NormFloat64() * 0.5
		}
	}
	if err := net.SetParams(p); err != nil {
		t.Fatal(err)
	}
	acts := net.Forward(0, 0)
	last := p[len(p)-1]
	prev := acts[len(acts)-2]
	z := make([]float64, len(last.B))
	for i := range z {
		z[i] = last.B[i]
		for j, v := range prev {
			z[i] += last.W[i][j] * v
		}
	}
	if len(z) == 1 {
		last.B[0] -= z[0]
	} else {
		last.B[0] += z[1] - z[0]
	}
	if err := net.SetParams(p); err != nil {
		t.Fatal(err)
	}
	return net
}

func readRGBA(img *ebiten.Image) []byte {
	b := img.Bounds()
	pix := make([]byte, 4*b.Dx()*b.Dy())
	img.ReadPixels(pix)
	return pix
}

func TestBoundaryShaderMatchesCPU(t *testing.T) {
	notebook, err := nn.New(nn.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := notebook.SetParams(nn.NotebookParams()); err != nil {
		t.Fatal(err)
	}
	deep := []int{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}
	cases := []struct {
		name string
		net  *nn.Network
		view app.View
		tex  bool // weights too many for uniforms
		both bool // the view shows both classes, so the contour is drawn
	}{
		// The notebook's untrained network says label 1 everywhere in its view.
		{"notebook 2-3-2 sigmoid quadratic", notebook, app.NotebookView, false, false},
		{"2-5-2 sigmoid cross-entropy", testNet(t, []int{2, 5, 2}, nn.Sigmoid, nn.CrossEntropy, 1, 2), app.PresetView, false, true},
		{"2-8-8-2 relu cross-entropy", testNet(t, []int{2, 8, 8, 2}, nn.ReLU, nn.CrossEntropy, 2, 1.5), app.PresetView, false, true},
		{"2-4-2 linear quadratic", testNet(t, []int{2, 4, 2}, nn.Linear, nn.Quadratic, 3, 0.3), app.PresetView, false, true},
		{"2-6-6-6-2 tanh quadratic", testNet(t, []int{2, 6, 6, 6, 2}, nn.Tanh, nn.Quadratic, 4, 1.2), app.PresetView, false, true},
		{"2-16x8-2 tanh cross-entropy", testNet(t, deep, nn.Tanh, nn.CrossEntropy, 5, 1.2), app.PresetView, true, true},
		{"2-16x8-2 tanh cross-entropy, 1024 uniforms", testNet(t, deep, nn.Tanh, nn.CrossEntropy, 5, 1.2), app.PresetView, false, true},
		{"2-16x3-2 sigmoid quadratic", testNet(t, []int{2, 16, 16, 16, 2}, nn.Sigmoid, nn.Quadratic, 6, 2), app.PresetView, false, true},
		{"7 features-6-2 tanh cross-entropy", testTaskNet(t, []int{7, 6, 2}, nn.Tanh, nn.CrossEntropy, nn.Task{Features: allFeatures(t)}, 7, 0.8), app.PresetView, false, true},
		{"x², y²-2 sigmoid cross-entropy", testTaskNet(t, []int{2, 2}, nn.Sigmoid, nn.CrossEntropy, nn.Task{Features: []nn.Feature{nn.FeatX2, nn.FeatY2}}, 8, 0.3), app.PresetView, false, true},
		{"regression 2-1", testTaskNet(t, []int{2, 1}, nn.Tanh, nn.Quadratic, nn.Task{Problem: nn.Regression}, 9, 0.3), app.PresetView, false, true},
		{"regression x, xy, sin y-5-5-1 tanh", testTaskNet(t, []int{3, 5, 5, 1}, nn.Tanh, nn.Quadratic, nn.Task{Problem: nn.Regression, Features: []nn.Feature{nn.FeatX, nn.FeatXY, nn.FeatSinY}}, 10, 0.4), app.PresetView, false, true},
	}
	c, err := newColorizer()
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 97, 83
	for _, tc := range cases {
		for _, discrete := range []bool{false, true} {
			name := tc.name
			if discrete {
				name += ", discretized"
			}
			t.Run(name, func(t *testing.T) {
				e := newEvaluator()
				if strings.HasSuffix(tc.name, "1024 uniforms") {
					e.setUniformLimit(1024)
				}
				e.setNetwork(tc.net, 1)
				if !e.onGPU() {
					t.Fatalf("no shader for this network: %v", e.compileErr)
				}
				if got := e.key.src == fromTexture; got != tc.tex {
					t.Fatalf("texture weights = %v, want %v (%d vec4s)", got, tc.tex, e.pack.vec4s())
				}
				var f planeField
				f.update(e, c, w, h, 1, tc.view, 1, contourHalfWidth, discrete)
				got := readRGBA(f.colorImg)
				vals, err := e.cpuValues(w, h, tc.view, -1)
				if err != nil {
					t.Fatal(err)
				}
				want := make([]byte, 4*w*h)
				colorizeValues(vals, w, h, contourHalfWidth, false, discrete, want)
				lo, hi := 1.0, 0.0
				for _, v := range vals {
					lo, hi = min(lo, v), max(hi, v)
				}
				if crosses := lo < 0.5 && hi > 0.5; crosses != tc.both {
					t.Fatalf("values span [%.3f, %.3f]: both classes shown = %v, want %v", lo, hi, crosses, tc.both)
				}
				if discrete {
					// Hard classes: away from the contour, only the palette's two ends.
					ends := 0
					neg, pos := probColor(0).bytes(), probColor(1).bytes()
					for k := 0; k < w*h; k++ {
						if px := [4]byte(want[4*k : 4*k+4]); px == neg || px == pos {
							ends++
						}
					}
					if ends < w*h*9/10 {
						t.Errorf("discretized: %d of %d pixels have a class's colour, want almost all", ends, w*h)
					}
				}
				compareColors(t, got, want, vals, w, h)
			})
		}
	}
}

// compareColors checks every pixel is within one 8-bit step per channel of the reference.
// Pixels on or next to the contour (within a pixel of the line's edge, by the reference's
// distance estimate) may differ more, since there the line's anti-aliasing depends on the
// last bits of float32 against float64 arithmetic; it checks such pixels are few.
func compareColors(t *testing.T, got, want []byte, vals []float64, w, h int) {
	t.Helper()
	at := func(x, y int) float64 {
		return quantize16(vals[min(max(y, 0), h-1)*w+min(max(x, 0), w-1)])
	}
	worst, onLine, bad := 0, 0, 0
	for i := 0; i < w*h; i++ {
		x, y := i%w, i/w
		g := max(max(math.Abs(at(x+1, y)-at(x-1, y)), math.Abs(at(x, y+1)-at(x, y-1)))/2, float64(minGradient))
		line := math.Abs(at(x, y)-0.5)/g < contourHalfWidth+1.5
		d := 0
		for k := 0; k < 4; k++ {
			d = max(d, absInt(int(got[4*i+k])-int(want[4*i+k])))
		}
		limit := 1
		if line {
			onLine++
			limit = 96
		} else {
			worst = max(worst, d)
		}
		if d > limit {
			bad++
			if bad <= 5 {
				t.Errorf("pixel (%d,%d) value %.5f: got %v, want %v", x, y, vals[i], got[4*i:4*i+4], want[4*i:4*i+4])
			}
		}
	}
	if onLine > w*h/8 {
		t.Errorf("%d of %d pixels lie on the contour: the comparison would be too lenient", onLine, w*h)
	}
	t.Logf("largest difference off the contour: %d; %d pixels on the contour", worst, onLine)
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// TestBoundaryFallsBackToCPU breaks the shader generator: the plane must still be coloured,
// by the CPU on a coarser grid, from the network's own Prob.
func TestBoundaryFallsBackToCPU(t *testing.T) {
	net := testNet(t, []int{2, 5, 2}, nn.Sigmoid, nn.CrossEntropy, 1, 2)
	e := newEvaluator()
	e.generate = func([]int, nn.Activation, nn.Cost, nn.Task, weightSource) string {
		return "package main\n\nfunc Fragment() {"
	}
	e.setNetwork(net, 1)
	if e.onGPU() || e.compileErr == nil {
		t.Fatalf("a broken shader left the evaluator on the GPU (error %v)", e.compileErr)
	}
	c, err := newColorizer()
	if err != nil {
		t.Fatal(err)
	}
	var f planeField
	const w, h = 120, 96
	view := app.PresetView
	// The fallback colours hard classes too (discretize).
	for _, discrete := range []bool{false, true} {
		f.update(e, c, w, h, 1, view, 1, 0, discrete)
		if !f.cpu || f.cpuImg == nil {
			t.Fatal("no CPU image after the shader failed")
		}
		cw, ch := f.cpuImg.Bounds().Dx(), f.cpuImg.Bounds().Dy()
		if cw != w/cpuCell || ch != h/cpuCell {
			t.Fatalf("CPU grid %dx%d, want %dx%d", cw, ch, w/cpuCell, h/cpuCell)
		}
		got := readRGBA(f.cpuImg)
		for j := 0; j < ch; j++ {
			for i := 0; i < cw; i++ {
				x := view.XMin + (float64(i)+0.5)*(view.XMax-view.XMin)/float64(cw)
				y := view.YMax - (float64(j)+0.5)*(view.YMax-view.YMin)/float64(ch)
				p := quantize16(net.Prob(x, y))
				if discrete {
					p = discreteClass(p)
				}
				want := probColor(p).bytes()
				k := 4 * (j*cw + i)
				for c := 0; c < 4; c++ {
					if absInt(int(got[k+c])-int(want[c])) > 1 {
						t.Fatalf("discrete %v: cell (%d,%d) at (%.2f, %.2f): got %v, want %v", discrete, i, j, x, y, got[k:k+4], want)
					}
				}
			}
		}
	}
}

// TestHeatmapsMatchCPU compares every neuron's heatmap from the shader with nn's NeuronGrid,
// encoded and coloured the same way, inside the disc.
func TestHeatmapsMatchCPU(t *testing.T) {
	for _, net := range []*nn.Network{
		testNet(t, []int{2, 5, 3, 2}, nn.Tanh, nn.CrossEntropy, 8, 1.5),
		testNet(t, []int{2, 6, 2}, nn.ReLU, nn.Quadratic, 9, 1.5),
		notebookNet(t),
		testTaskNet(t, []int{7, 4, 1}, nn.Tanh, nn.Quadratic, nn.Task{Problem: nn.Regression, Features: allFeatures(t)}, 11, 1),
	} {
		e := newEvaluator()
		e.setNetwork(net, 1)
		c, err := newColorizer()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, k := range net.Layers() {
			n += k
		}
		const cell = 24
		var hm heatmaps
		hm.update(e, c, n, cell, app.PresetView, 1)
		want := make([]byte, 4*cell*cell)
		for k := 0; k < n; k++ {
			got := readRGBA(hm.cellImage(k))
			vals, err := e.cpuValues(cell, cell, app.PresetView, k)
			if err != nil {
				t.Fatal(err)
			}
			colorizeValues(vals, cell, cell, 0, true, false, want)
			bad := 0
			for i := 0; i < cell*cell; i++ {
				for ch := 0; ch < 4; ch++ {
					if absInt(int(got[4*i+ch])-int(want[4*i+ch])) > 1 {
						bad++
						break
					}
				}
			}
			if bad > 0 {
				l, i := e.pack.neuron(k)
				t.Errorf("%v: a_%d[%d]: %d of %d pixels differ from the CPU", net.Layers(), l, i+1, bad, cell*cell)
			}
		}
	}
}

// allFeatures is every input feature.
func allFeatures(t testing.TB) []nn.Feature {
	fs, err := nn.ParseFeatures("x,y,x2,y2,xy,sinx,siny")
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestClassesShaderMatchesCPU checks the plane of K > 2 classes: the class of every pixel the
// shader computes agrees with the CPU's (nn's OutputGrid), except within a pixel of a border,
// and the colours agree away from the borders.
func TestClassesShaderMatchesCPU(t *testing.T) {
	cases := []struct {
		name string
		net  *nn.Network
	}{
		{"2-8-3 tanh cross-entropy", testTaskNet(t, []int{2, 8, 3}, nn.Tanh, nn.CrossEntropy, nn.Task{Classes: 3}, 21, 1.5)},
		{"2-8-6 sigmoid quadratic", testTaskNet(t, []int{2, 8, 6}, nn.Sigmoid, nn.Quadratic, nn.Task{Classes: 6}, 22, 2)},
		{"7 features-6-5-4 relu cross-entropy", testTaskNet(t, []int{7, 6, 5, 4}, nn.ReLU, nn.CrossEntropy, nn.Task{Classes: 4, Features: allFeatures(t)}, 23, 1)},
		{"2-6 cross-entropy, no hidden layer", testTaskNet(t, []int{2, 6}, nn.Sigmoid, nn.CrossEntropy, nn.Task{Classes: 6}, 24, 1)},
	}
	c, err := newColorizer()
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 97, 83
	for _, tc := range cases {
		for _, discrete := range []bool{false, true} {
			name := tc.name
			if discrete {
				name += ", discretized"
			}
			t.Run(name, func(t *testing.T) {
				e := newEvaluator()
				e.setNetwork(tc.net, 1)
				if !e.onGPU() {
					t.Fatalf("no shader for this network: %v", e.compileErr)
				}
				var f planeField
				f.update(e, c, w, h, 1, app.PresetView, 1, contourHalfWidth, discrete)
				gpuVals := readRGBA(f.valueImg)
				vals, err := e.cpuValues(w, h, app.PresetView, -1)
				if err != nil {
					t.Fatal(err)
				}
				class := func(i int) int { _, b := unpackClass(vals[i]); return b / confLevels }
				seen := map[int]bool{}
				bad, border := 0, 0
				for i := 0; i < w*h; i++ {
					x, y := i%w, i/w
					want := class(i)
					seen[want] = true
					got := int(gpuVals[4*i+2]) / confLevels
					if got == want {
						continue
					}
					near := false
					for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
						if nx, ny := x+d[0], y+d[1]; nx >= 0 && nx < w && ny >= 0 && ny < h && class(ny*w+nx) != want {
							near = true
						}
					}
					if near {
						border++
						continue
					}
					bad++
					if bad <= 5 {
						t.Errorf("pixel (%d,%d): the shader says class %d, the CPU %d", x, y, got+1, want+1)
					}
				}
				if len(seen) < 3 {
					t.Fatalf("the view shows %d classes; the test wants a network that shows three or more", len(seen))
				}
				want := make([]byte, 4*w*h)
				colorizeClasses(vals, w, h, contourHalfWidth, discrete, want)
				got := readRGBA(f.colorImg)
				off := 0
				for i := 0; i < w*h; i++ {
					v, _ := unpackClass(vals[i])
					if v < 0.5+0.05 {
						continue // on or near a border, where the line's anti-aliasing is float32's
					}
					for k := 0; k < 3; k++ {
						if absInt(int(got[4*i+k])-int(want[4*i+k])) > 8 {
							off++
							break
						}
					}
				}
				if off > w*h/200 {
					t.Errorf("%d pixels away from the borders differ in colour from the CPU's", off)
				}
				t.Logf("%d classes shown; %d pixels disagree beside a border", len(seen), border)
			})
		}
	}
}
