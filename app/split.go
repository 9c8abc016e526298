package app

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/nnviz/nnviz/nn"
)

// MaxTestFraction is the largest share of the points that can be held out as test data.
const MaxTestFraction = 0.9

// splitStream is the random stream the train/test split is drawn from, apart from nn's
// streams, so the split of a seed does not depend on how the points were drawn.
const splitStream = 0x5e17

// checkTestFraction names a test fraction that is not a number in [0, MaxTestFraction].
func checkTestFraction(f float64) error {
	if !(f >= 0 && f <= MaxTestFraction) {
		return fmt.Errorf("test: %v is not a share of the points to hold out; use a number from 0 to %g", f, MaxTestFraction)
	}
	return nil
}

// split marks round(fraction·n) of the points as test data and the others as training data,
// in place: which ones depends only on n, the fraction and the seed.
func split(pts []nn.Point, fraction float64, seed uint64) {
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, splitStream))
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	k := int(math.Round(fraction * float64(len(pts))))
	for rank, i := range order {
		pts[i].Test = rank < k
	}
}

// partition returns the training points and the test points of pts, appended to train[:0]
// and test[:0].
func partition(pts, train, test []nn.Point) ([]nn.Point, []nn.Point) {
	train, test = train[:0], test[:0]
	for _, p := range pts {
		if p.Test {
			test = append(test, p)
		} else {
			train = append(train, p)
		}
	}
	return train, test
}

// SetTestFraction holds out a new share of the points as test data, drawn again from the data
// seed (the preset's, else the network's), as one undoable edit.
func (st *State) SetTestFraction(f float64) error {
	if err := checkTestFraction(f); err != nil {
		return err
	}
	st.mu.Lock()
	defer st.unlock()
	st.settings.TestFraction = f
	st.resplit()
	st.emit(EventConfig)
	return nil
}

// resplit draws the split of the current points again for the settings' fraction, as one
// undoable edit if it changed anything. The caller holds the lock.
func (st *State) resplit() {
	after := append([]nn.Point(nil), st.points...)
	split(after, st.settings.TestFraction, st.splitSeed())
	for i := range after {
		if after[i] != st.points[i] {
			st.do(edit{kind: editAll, all: append([]nn.Point(nil), st.points...), allAfter: after})
			return
		}
	}
}

// splitSeed is the seed the split is drawn from: the preset's data seed, else the network's.
func (st *State) splitSeed() uint64 {
	if st.source.Name != "" {
		return st.source.Seed
	}
	return st.settings.Net.Seed
}
