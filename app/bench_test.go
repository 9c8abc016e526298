package app

import (
	"testing"

	"github.com/nnviz/nnviz/nn"
)

// benchFrame measures one playing frame: the training steps of the speed setting, the loss and
// accuracy over every point, and the copy the renderer draws from.
func benchFrame(b *testing.B, s Settings, pts []nn.Point) {
	st, err := New(s, pts, nil)
	if err != nil {
		b.Fatal(err)
	}
	st.Play()
	var snap Snapshot
	for i := 0; i < historyCap*2; i++ { // reach the steady state: buffers at full size
		st.Frame(&snap)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st.Frame(&snap)
	}
}

// BenchmarkFrameNotebook is a frame at the notebook's configuration: 2-3-2, ten points.
func BenchmarkFrameNotebook(b *testing.B) {
	benchFrame(b, DefaultSettings(), nn.NotebookData())
}

// BenchmarkFrameDeep is a frame with 8 hidden layers of 16 tanh neurons and 1,000 points.
func BenchmarkFrameDeep(b *testing.B) {
	pts, err := nn.Dataset("spiral", 1000, 0.1, 1)
	if err != nil {
		b.Fatal(err)
	}
	benchFrame(b, deepSettings(), pts)
}

// deepSettings is the largest network the playground allows: 8 hidden layers of 16 tanh neurons.
func deepSettings() Settings {
	s := DefaultSettings()
	s.Net.Layers = []int{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}
	s.Net.Activation = nn.Tanh
	s.Train.StepSize = 0.01
	s.Speed = 1
	return s
}
