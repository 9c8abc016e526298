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

// samplesPerStep is how many points one training step of s reads, over n points.
func samplesPerStep(s Settings, n int) int {
	switch s.Train.Mode {
	case nn.FullBatch:
		return n
	case nn.MiniBatch:
		return min(s.Train.Batch, n)
	default:
		return 1
	}
}

// benchThroughput plays a page's settings and points, frame after frame with the real clock,
// and reports the training throughput: samples per frame (the speed bounds it, the frame's time
// budget too when steps are slow), the samples per second that gives at 60 frames/s (or at the
// rate training alone allows, when that is slower; drawing aside), and the samples per second
// of CPU time the frames take.
func benchThroughput(b *testing.B, query string) {
	su, problems := ParseQuery(query)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	st, err := New(su.Settings, su.Points, su.Initial)
	if err != nil {
		b.Fatal(err)
	}
	st.Play()
	var snap Snapshot
	st.Frame(&snap)
	before := st.Status().Steps
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st.Frame(&snap)
	}
	b.StopTimer()
	samples := float64((st.Status().Steps-before)*samplesPerStep(su.Settings, len(su.Points))) / float64(b.N)
	frame := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(samples, "samples/frame")
	// Frames come at 60 a second, or slower when training alone takes longer (drawing aside).
	b.ReportMetric(samples/max(frame, 1.0/60), "samples/s")
	b.ReportMetric(samples/frame, "samples/s-cpu")
}

// BenchmarkThroughputDefaultPage is Play on the default page: the notebook's ten points and
// network at the default speed.
func BenchmarkThroughputDefaultPage(b *testing.B) { benchThroughput(b, "") }

// BenchmarkThroughputHeavyPage is Play on the heaviest page the address allows: a batch step
// over 2,000 points through 8 hidden layers of 16 at speed 500, where the time budget, not the
// speed, bounds a frame (one step, however long it takes).
func BenchmarkThroughputHeavyPage(b *testing.B) {
	benchThroughput(b, "?layers=2,16,16,16,16,16,16,16,16,2&data=spiral&n=2000&mode=batch&speed=500")
}
