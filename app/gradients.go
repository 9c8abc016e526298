package app

import "fmt"

// Backpropagation on the diagram: at the walk-through's backward stages the neurons carry
// δ and the edges dw (the stage's own numbers), and while training the edges can show the
// last step's dw instead of w (Settings.Gradients).

// highlightKey is what the walk-through's diagram values depend on besides the stage's kind.
type highlightKey struct {
	weights, points uint64
	selected, stage int
}

func (st *State) highlightKey() highlightKey {
	return highlightKey{st.weightsVersion, st.pointsVersion, st.selected, st.stage}
}

// stageValues puts the stage's numbers in st.highlight: δ on the neurons at the backward
// stages (∂C/∂a_L where the cost's derivative is taken), dw on the edges at the gradients'
// and the update's. The lock is held; a point that cannot be traced shows no values.
func (st *State) stageValues(s Stage) {
	h := &st.highlight
	h.NeuronValues, h.EdgeValues, h.NeuronName = nil, nil, ""
	var neurons, edges []int
	name := "δ"
	switch s.kind {
	case stageDCDA:
		neurons, name = []int{s.layer}, "∂C/∂a"
	case stageDeltaL:
		neurons = []int{s.layer}
	case stageDelta:
		neurons = []int{s.layer, s.layer + 1}
	case stageDB:
		neurons = s.Highlight.Biases
	case stageDW, stageUpdate:
		edges = s.Highlight.Weights
	default:
		return
	}
	if st.selected < 0 || st.selected >= len(st.points) {
		return
	}
	t, err := st.net.TraceStep(st.points[st.selected], st.settings.Train)
	if err != nil {
		return
	}
	L := st.net.L()
	rows := func(prefix string, ls []int) [][]float64 {
		out := make([][]float64, L)
		for _, l := range ls {
			if m := t.Get(fmt.Sprintf("%s_%d", prefix, l)); m != nil {
				out[l-1] = append([]float64(nil), m.RawMatrix().Data...)
			}
		}
		return out
	}
	if neurons != nil {
		prefix := "delta"
		if s.kind == stageDCDA {
			prefix = "dC_da"
		}
		h.NeuronValues, h.NeuronName = rows(prefix, neurons), name
	}
	if edges != nil {
		h.EdgeValues = rows("dw", edges)
	}
}

// SetGradients chooses what the diagram's edges show while training: the last step's dw (on)
// or the weights (off).
func (st *State) SetGradients(on bool) {
	st.mu.Lock()
	defer st.unlock()
	if st.settings.Gradients != on {
		st.settings.Gradients = on
		st.emit(EventConfig)
	}
}

// fillGradients copies the trainer's last gradient into dst when the edges show it and the
// weights are still those that step made. It allocates only when the network's shape grows.
func (st *State) fillGradients(dst *Snapshot) {
	dst.Gradients, dst.GradOK = st.settings.Gradients, false
	if !dst.Gradients || st.gradVersion != st.weightsVersion {
		return
	}
	L := st.net.L()
	for len(dst.Grad) < L {
		dst.Grad = append(dst.Grad, nil)
	}
	dst.Grad = dst.Grad[:L]
	ok := true
	for l := 2; l <= L && ok; l++ {
		r, c := st.net.W(l).Dims()
		if cap(dst.Grad[l-1]) < r*c {
			dst.Grad[l-1] = make([]float64, r*c)
		}
		dst.Grad[l-1] = dst.Grad[l-1][:r*c]
		ok = st.trainer.LastGradient(l, dst.Grad[l-1])
	}
	dst.GradOK = ok
}
