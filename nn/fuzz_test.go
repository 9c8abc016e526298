package nn

import (
	"errors"
	"math"
	"testing"
)

// fuzzConfig turns fuzz bytes into a network configuration, valid or not:
// each byte of shape is a layer size, as a signed byte so that negative
// and zero sizes occur.
func fuzzConfig(shape []byte, act, cost uint8, seed uint64) Config {
	layers := make([]int, len(shape))
	for i, b := range shape {
		layers[i] = int(int8(b))
	}
	return Config{Layers: layers, Activation: Activation(int(act%6) - 1), Cost: Cost(int(cost%4) - 1), Seed: seed}
}

// fuzzPoints turns fuzz bytes into points, 5 bytes each: x and y as int16
// scaled to about [-8, 8], then a label byte; a few label bytes stand for
// bad input (label 0, NaN x, Inf y, x beyond MaxCoord).
func fuzzPoints(b []byte) []Point {
	var pts []Point
	for ; len(b) >= 5; b = b[5:] {
		p := Point{X: float64(int16(uint16(b[0])|uint16(b[1])<<8)) / 4096, Y: float64(int16(uint16(b[2])|uint16(b[3])<<8)) / 4096, Label: 1}

		switch c := b[4]; {
		case c == 255:
			p.Label = 0
		case c == 254:
			p.X = math.NaN()
		case c == 253:
			p.Y = math.Inf(-1)
		case c == 252:
			p.X = 2 * MaxCoord
		case c%2 == 0:
			p.Label = -1
		}
		pts = append(pts, p)
	}
	return pts
}

// checkFinite fails if any weight or bias is NaN or infinite.
func checkFinite(t *testing.T, n *Network, when string) {
	t.Helper()
	for l := 2; l <= n.L(); l++ {
		for _, v := range append(append([]float64(nil), n.lay[l].wd...), n.lay[l].bd...) {
			if !finite(v) {
				t.Fatalf("%s: layer %d has the parameter %v", when, l, v)
			}
		}
	}
}

func FuzzNew(f *testing.F) {
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint64(1), 0.5, -1.0)
	f.Add([]byte{2, 2}, uint8(4), uint8(2), uint64(0), 6.0, 6.0)
	f.Add([]byte{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}, uint8(2), uint8(1), uint64(99), -6.0, 3.0)
	f.Add([]byte{2, 17, 2}, uint8(1), uint8(1), uint64(1), 0.0, 0.0)
	f.Add([]byte{2, 0xff, 2}, uint8(0), uint8(0), uint64(1), 0.0, 0.0)
	f.Add([]byte{3, 3, 2}, uint8(1), uint8(1), uint64(1), 0.0, 0.0)
	f.Add([]byte{}, uint8(1), uint8(1), uint64(1), 0.0, 0.0)
	f.Add([]byte{2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}, uint8(3), uint8(1), uint64(1), 1e6, -1e6)
	f.Fuzz(func(t *testing.T, shape []byte, act, cost uint8, seed uint64, x, y float64) {
		cfg := fuzzConfig(shape, act, cost, seed)
		n, err := New(cfg)
		if (err == nil) != (cfg.Validate() == nil) {
			t.Fatalf("New(%+v) error %v, Validate %v", cfg, err, cfg.Validate())
		}
		if err != nil {
			return
		}
		checkFinite(t, n, "New")
		if n.L() != len(cfg.Layers) {
			t.Fatalf("L() = %d for %v", n.L(), cfg.Layers)
		}
		for l := 2; l <= n.L(); l++ {
			if r, c := n.W(l).Dims(); r != cfg.Layers[l-1] || c != cfg.Layers[l-2] {
				t.Fatalf("w_%d is %dx%d for %v", l, r, c, cfg.Layers)
			}
		}
		if CheckPoints([]Point{{X: x, Y: y, Label: 1}}) == nil {
			p := n.Prob(x, y)
			if !(p >= 0 && p <= 1) {
				t.Fatalf("Prob(%v, %v) = %v", x, y, p)
			}
			if (p > 0.5) != (n.Predict(x, y) == 1) {
				t.Fatalf("Prob(%v, %v) = %v, Predict %d", x, y, p, n.Predict(x, y))
			}
		}
		out := make([]float64, 4)
		err = n.ProbGrid([]float64{x, -x}, []float64{y, 0}, out)
		if (err == nil) != (CheckPoints([]Point{{X: x, Y: y, Label: 1}}) == nil) {
			t.Fatalf("ProbGrid at (%v, %v): %v", x, y, err)
		}
		for _, v := range out {
			if math.IsNaN(v) {
				t.Fatalf("ProbGrid gave NaN at (%v, %v)", x, y)
			}
		}
		// Params round-trips through SetParams.
		c := n.Clone()
		c.Reinit(seed + 1)
		if err := c.SetParams(n.Params()); err != nil || !paramsEqual(c.Params(), n.Params()) {
			t.Fatalf("SetParams(Params()) = %v", err)
		}
	})
}

func FuzzTrain(f *testing.F) {
	nb := []byte{}
	for _, p := range NotebookData() {
		x, y := int16(p.X*4096), int16(p.Y*4096)
		l := byte(1)
		if p.Label == -1 {
			l = 0
		}
		nb = append(nb, byte(x), byte(uint16(x)>>8), byte(y), byte(uint16(y)>>8), l)
	}
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(0), 10, 0.1, 0.0, nb, uint8(30))
	f.Add([]byte{2, 4, 4, 2}, uint8(2), uint8(2), uint8(1), 3, 0.5, 0.01, nb, uint8(20))
	f.Add([]byte{2, 5, 2}, uint8(3), uint8(1), uint8(2), 0, 1.0, 0.0, nb, uint8(10))
	f.Add([]byte{2, 8, 8, 2}, uint8(4), uint8(1), uint8(0), 1, 1e6, 0.0, nb, uint8(50))    // linear, diverges
	f.Add([]byte{2, 2}, uint8(4), uint8(2), uint8(2), 1, 1e300, 1e300, nb, uint8(5))       // immediate divergence
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(1), 0, 0.1, 0.0, nb, uint8(5))        // batch 0
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(0), 1, -0.1, 0.0, nb, uint8(5))       // negative step
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(0), 1, math.NaN(), 0.0, nb, uint8(5)) // NaN step
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(0), 1, 0.1, 0.0, []byte{1, 2, 3, 4, 254}, uint8(5))
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(0), 1, 0.1, 0.0, []byte{1, 2, 3, 4, 255, 9, 9, 9, 9, 1}, uint8(5))
	f.Add([]byte{2, 3, 2}, uint8(1), uint8(1), uint8(0), 1, 0.1, 0.0, []byte{}, uint8(5))
	f.Fuzz(func(t *testing.T, shape []byte, act, cost, mode uint8, batch int, step, l2 float64, data []byte, steps uint8) {
		n, err := New(fuzzConfig(shape, act, cost, 1))
		if err != nil {
			return
		}
		tc := TrainConfig{StepSize: step, Mode: Mode(int(mode%4) - 1), Batch: batch, Reg: Regularization(int(mode/4) % 4), RegRate: l2, Seed: 3}
		tr, err := NewTrainer(n, tc)
		if (err == nil) != (tc.Validate() == nil) {
			t.Fatalf("NewTrainer(%+v) = %v, Validate %v", tc, err, tc.Validate())
		}
		if err != nil {
			return
		}
		pts := fuzzPoints(data)
		err = tr.SetData(pts)
		if (err == nil) != (len(pts) > 0 && CheckPoints(pts) == nil) {
			t.Fatalf("SetData of %d points = %v", len(pts), err)
		}
		if err != nil {
			if tr.Step() == nil {
				t.Fatal("Step without data succeeded")
			}
			return
		}
		if _, err := n.Trace(pts[0], step); err == nil {
			// A trace that succeeds is all finite (Trace checks) and leaves n alone.
			checkFinite(t, n, "Trace")
		}
		for i := range int(steps % 64) {
			before := n.Params()
			stepsBefore := tr.Steps()
			err := tr.Step()
			checkFinite(t, n, "Step")
			if err != nil {
				if !errors.Is(err, ErrDiverged) {
					t.Fatalf("step %d: %v", i, err)
				}
				if !paramsEqual(before, n.Params()) || tr.Steps() != stepsBefore {
					t.Fatalf("step %d diverged but changed the network or counters", i)
				}
				break
			}
		}
		loss, acc, err := n.Evaluate(pts)
		if err == nil && (!finite(loss) || loss < 0 || acc < 0 || acc > 1) {
			t.Fatalf("Evaluate = %v, %v", loss, acc)
		}
	})
}
