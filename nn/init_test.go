package nn

import (
	"math"
	"runtime"
	"testing"
)

// TestInitPinned pins initial weights for two seeds to the values computed
// natively on linux/amd64. The same test run as wasm under Node proves the
// initialisation is identical across platforms (to 1e-12).
func TestInitPinned(t *testing.T) {
	const tol = 1e-12
	n, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := Params{
		{W: [][]float64{{0.2159648457411486, 0.055898245618406256}, {-0.13890766455102704, -0.21574515398343946}, {-0.47342027809156806, 1.4131921307301218}},
			B: []float64{0.891326874850749, -0.9240786995034429, -0.058573450950739014}},
		{W: [][]float64{{1.5869503859999576, -0.011386775812086969, -0.5791317037312476}, {1.0060799936370697, -0.7655856155270702, -1.2390321751437177}},
			B: []float64{-0.43836040663961406, -0.27963646002028925}},
	}
	got := n.Params()
	for l := range want {
		for i := range want[l].W {
			for j, w := range want[l].W[i] {
				if d := math.Abs(got[l].W[i][j] - w); d > tol {
					t.Errorf("seed 1: w_%d[%d,%d] = %v, want %v", l+2, i+1, j+1, got[l].W[i][j], w)
				}
			}
		}
		for i, b := range want[l].B {
			if d := math.Abs(got[l].B[i] - b); d > tol {
				t.Errorf("seed 1: b_%d[%d] = %v, want %v", l+2, i+1, got[l].B[i], b)
			}
		}
	}

	deep, err := New(Config{Layers: []int{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}, Activation: Tanh, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	p := deep.Params()
	checks := []struct {
		name      string
		got, want float64
	}{
		{"w_2[1,1]", p[0].W[0][0], -0.08250045170066211},
		{"w_2[1,2]", p[0].W[0][1], -2.531224063539406},
		{"w_10[2,16]", p[8].W[1][15], -0.6408644991040706},
		{"b_10[1]", p[8].B[0], -1.1347451909129207},
		{"b_10[2]", p[8].B[1], -0.5659722751585163},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > tol {
			t.Errorf("seed 42: %s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestInitStandardNormal checks that the weights look like randn's: mean
// near 0 and standard deviation near 1 over many draws, and that seeds
// differ.
func TestInitStandardNormal(t *testing.T) {
	var sum, sq float64
	count := 0
	for seed := uint64(0); seed < 20; seed++ {
		n, err := New(Config{Layers: []int{2, 16, 16, 16, 2}, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		for l := 2; l <= n.L(); l++ {
			for _, v := range append(n.W(l).RawMatrix().Data, n.B(l).RawMatrix().Data...) {
				sum += v
				sq += v * v
				count++
			}
		}
	}
	mean := sum / float64(count)
	sd := math.Sqrt(sq/float64(count) - mean*mean)
	if math.Abs(mean) > 0.05 || math.Abs(sd-1) > 0.05 {
		t.Errorf("over %d weights: mean %.3f, sd %.3f; want about 0 and 1", count, mean, sd)
	}

	a, _ := New(Config{Layers: []int{2, 3, 2}, Seed: 1})
	b, _ := New(Config{Layers: []int{2, 3, 2}, Seed: 2})
	if paramsEqual(a.Params(), b.Params()) {
		t.Error("seeds 1 and 2 give the same weights")
	}
	b.Reinit(1)
	if !paramsEqual(a.Params(), b.Params()) {
		t.Error("Reinit(1) differs from New with seed 1")
	}
	if b.Config().Seed != 1 {
		t.Errorf("after Reinit(1), Config().Seed = %d", b.Config().Seed)
	}
}

// TestTrainingPinned pins a few numbers after 200 mini-batch steps, as
// computed natively on linux/amd64. The package's own exponential and
// summation order make training deterministic across platforms, so the
// wasm run of this test must give exactly the same numbers. Architectures
// where Go fuses multiply-adds (arm64, ppc64, s390x) round differently and
// are held to 1e-9.
func TestTrainingPinned(t *testing.T) {
	pts, err := Dataset("spiral", 50, 0.1, 3)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cfg          Config
		w2, bL, prob float64
	}{
		{DefaultConfig(), 0.08174562220677876, -0.10225303008060514, 0.5030471592690371},
		{Config{Layers: []int{2, 8, 8, 2}, Activation: Tanh, Cost: CrossEntropy, Seed: 5}, 1.5030440627708983, 1.0290758497660148, 0.11854650928208808},
	}
	for _, tc := range tests {
		n, _ := New(tc.cfg)
		tr, _ := NewTrainer(n, TrainConfig{StepSize: 0.1, Mode: MiniBatch, Batch: 3, Seed: 2})
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		for range 200 {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		p := n.Params()
		got, want := [3]float64{p[0].W[0][0], p[len(p)-1].B[1], n.Prob(0.3, -0.7)}, [3]float64{tc.w2, tc.bL, tc.prob}
		tol := 0.0
		if runtime.GOARCH != "amd64" && runtime.GOARCH != "wasm" {
			tol = 1e-9
		}
		for i := range got {
			if math.Abs(got[i]-want[i]) > tol {
				t.Errorf("%v after 200 steps: w_2[1,1], b_L[2], Prob = %v, want %v", tc.cfg.Layers, got, want)
				break
			}
		}
	}
}
