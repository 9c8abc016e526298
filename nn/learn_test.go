package nn

import "testing"

// TestLearnNotebook trains the notebook's 2-3-2 sigmoid network online with
// its step size 0.1 and checks it classifies all ten points.
func TestLearnNotebook(t *testing.T) {
	n, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := NewTrainer(n, DefaultTrainConfig())
	if err != nil {
		t.Fatal(err)
	}
	pts := NotebookData()
	if err := tr.SetData(pts); err != nil {
		t.Fatal(err)
	}
	loss0, acc0, _ := n.Evaluate(pts)
	for tr.Epoch() < 3000 {
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
		if tr.Epoch()%10 == 0 && tr.Steps()%len(pts) == 0 {
			if _, acc, _ := n.Evaluate(pts); acc == 1 {
				break
			}
		}
	}
	loss, acc, err := n.Evaluate(pts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("after %d epochs: loss %.4f -> %.4f, accuracy %.1f -> %.1f", tr.Epoch(), loss0, loss, acc0, acc)
	if acc != 1 || loss >= loss0 {
		t.Errorf("after %d epochs: accuracy %v (want 1), loss %v (started at %v)", tr.Epoch(), acc, loss, loss0)
	}
}

// TestLearnCircle trains a small tanh network on a circle of 300 points.
func TestLearnCircle(t *testing.T) {
	pts, err := Dataset("circle", 300, 0.2, 3)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  Config
		tc   TrainConfig
	}{
		{"minibatch quadratic", Config{Layers: []int{2, 6, 2}, Activation: Tanh, Seed: 1}, TrainConfig{StepSize: 0.05, Mode: MiniBatch, Batch: 10, Seed: 1}},
		{"online crossentropy", Config{Layers: []int{2, 6, 2}, Activation: Tanh, Cost: CrossEntropy, Seed: 1}, TrainConfig{StepSize: 0.05, Mode: Online, Seed: 1}},
	}
	for _, tc := range tests {
		n, _ := New(tc.cfg)
		tr, err := NewTrainer(n, tc.tc)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.SetData(pts); err != nil {
			t.Fatal(err)
		}
		for tr.Epoch() < 200 {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
		loss, acc, err := n.Evaluate(pts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: loss %.4f, accuracy %.3f after %d steps", tc.name, loss, acc, tr.Steps())
		if acc < 0.97 {
			t.Errorf("%s: accuracy %.3f after %d epochs, want >= 0.97", tc.name, acc, tr.Epoch())
		}
	}
}
