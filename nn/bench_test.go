package nn

import "testing"

// BenchmarkTrainSeed: one op is one online SGD step (step 0.1) of the
// notebook's 2-3-2 sigmoid network, cycling over its ten points.
func BenchmarkTrainSeed(b *testing.B) {
	n, _ := New(DefaultConfig())
	tr, _ := NewTrainer(n, DefaultTrainConfig())
	tr.SetData(NotebookData())
	b.ReportAllocs()
	for b.Loop() {
		if err := tr.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

// deepNetwork is the benchmarks' 2-8-8-8-8-8-8-2 tanh network with quadratic cost.
func deepNetwork(b *testing.B) *Network {
	n, err := New(Config{Layers: []int{2, 8, 8, 8, 8, 8, 8, 2}, Activation: Tanh, Cost: Quadratic, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	// Scale the weights as a trained network would have them, so that tanh
	// is not saturated everywhere (saturation makes math.Tanh cheaper).
	for l := 2; l <= n.L(); l++ {
		for i := range n.lay[l].wd {
			n.lay[l].wd[i] *= 0.5
		}
	}
	return n
}

// BenchmarkTrainDeep: one op is one sample of mini-batch SGD (batch 10,
// step 0.03, quadratic cost) on the deep tanh network over 500 points:
// b.N samples are b.N/10 steps.
func BenchmarkTrainDeep(b *testing.B) {
	n := deepNetwork(b)
	pts, _ := Dataset("circle", 500, 0.2, 1)
	tr, _ := NewTrainer(n, TrainConfig{StepSize: 0.03, Mode: MiniBatch, Batch: 10, Seed: 1})
	tr.SetData(pts)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += 10 {
		if err := tr.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBoundary100: one op is Prob on a 100x100 grid over [-6, 6]^2
// for the deep tanh network.
func BenchmarkBoundary100(b *testing.B) {
	n := deepNetwork(b)
	const k = 100
	xs := make([]float64, k)
	for i := range xs {
		xs[i] = -6 + 12*float64(i)/(k-1)
	}
	out := make([]float64, k*k)
	n.ProbGrid(xs, xs, out) // the first call allocates the network's grid panel
	b.ReportAllocs()
	for b.Loop() {
		if err := n.ProbGrid(xs, xs, out); err != nil {
			b.Fatal(err)
		}
	}
}
