package app

import (
	"errors"
	"fmt"
	"sync"

	"github.com/nnviz/nnviz/nn"
)

// Event names a kind of change that listeners hear about.
type Event string

// The events a State emits.
const (
	EventStep   Event = "step"   // the weights changed by training, a reset or new weights
	EventPoints Event = "points" // the data changed
	EventConfig Event = "config" // settings changed (shape, activation, rate, ...)
)

// allEvents orders the events for delivery.
var allEvents = [...]Event{EventPoints, EventStep, EventConfig}

// historyCap bounds the loss history; when full, every other sample is dropped so the chart
// keeps the whole run at half the resolution.
const historyCap = 1024

// State is the playground: points, settings, the network, its trainer and what happened so
// far. All methods are safe for concurrent use.
type State struct {
	mu sync.Mutex

	settings Settings
	net      *nn.Network
	trainer  *nn.Trainer
	// initial, when set, replaces the seeded weights on every reset (e.g. the notebook's).
	initial nn.Params

	points   []nn.Point
	trainPts []nn.Point // the points not held out: what the trainer trains on
	testPts  []nn.Point // the points held out as test data
	dataOK   bool       // the trainer holds the current training points (false when there are none)
	undo     []edit
	redo     []edit
	selected int

	running bool
	loss    float64 // over the training points
	acc     float64
	tloss   float64 // over the test points
	tacc    float64
	history []Sample
	message string

	weightsVersion uint64
	pointsVersion  uint64
	highlight      Highlight
	pass           pass // the loss measurement under way while playing
	teaching       bool // the walk-through is open, on the selected point
	stage          int  // its current stage
	teachAll       bool // the walk-through shows every stage at once (view=all)
	// highlightFor is what the highlight's values were computed for (highlightKey).
	highlightFor highlightKey
	// gradVersion is weightsVersion after the last training steps: the trainer's last
	// gradient is the weights' while the two are equal.
	gradVersion uint64

	source         DataSource // the preset the points were last drawn from, if any
	sourceChecked  uint64     // the points version sourcePristine is for (0: none yet)
	sourcePristine bool       // the points are exactly source's

	clock  Clock     // what the time budget of training is measured with
	budget budget    // how long a frame may train
	jobs   []stepJob // steps asked for by StartSteps, made across frames
	calls  []func()  // answers to StartSteps, to deliver when the lock is released

	listeners []func(Event)
	pending   [len(allEvents)]bool // events to deliver when the lock is released
}

// Sample is one point of the loss and accuracy chart: over the training points, and over the
// test points when some are held out (HasTest).
type Sample struct {
	Step         int
	Loss         float64
	Accuracy     float64
	HasTest      bool
	TestLoss     float64
	TestAccuracy float64
}

// New builds a playground with the given settings and points. initial, if not nil, gives the
// starting weights (and those every reset returns to); otherwise they come from the seed.
func New(s Settings, points []nn.Point, initial nn.Params) (*State, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if len(points) > MaxPoints {
		return nil, fmt.Errorf("points: %d points is more than the %d the plane holds", len(points), MaxPoints)
	}
	if err := s.Net.Task.CheckPoints(points); err != nil {
		return nil, err
	}
	st := &State{selected: -1, clock: monotonic(), budget: newBudget()}
	if err := st.build(s, initial); err != nil {
		return nil, err
	}
	st.points = append(make([]nn.Point, 0, len(points)), points...)
	st.syncData()
	return st, nil
}

// build makes a fresh network and trainer for s, with initial weights if given.
func (st *State) build(s Settings, initial nn.Params) error {
	s.Train.Seed = s.Net.Seed
	net, err := nn.New(s.Net)
	if err != nil {
		return err
	}
	if initial != nil {
		if err := net.SetParams(initial); err != nil {
			return fmt.Errorf("weights: %w", err)
		}
	}
	tr, err := nn.NewTrainer(net, s.Train)
	if err != nil {
		return err
	}
	st.settings, st.net, st.trainer, st.initial = s, net, tr, initial
	st.weightsVersion++
	return nil
}

// On registers f to hear about every change. f runs after the change, outside the lock, on the
// goroutine that made the change.
func (st *State) On(f func(Event)) {
	st.mu.Lock()
	st.listeners = append(st.listeners, f)
	st.mu.Unlock()
}

// emit queues an event; the caller holds the lock. unlock delivers it.
func (st *State) emit(e Event) {
	for i, a := range allEvents {
		if a == e {
			st.pending[i] = true
		}
	}
}

// unlock releases the lock and then tells listeners what changed, and StartSteps's callers how
// their steps ended.
func (st *State) unlock() {
	events := st.pending
	st.pending = [len(allEvents)]bool{}
	listeners := st.listeners
	calls := st.calls
	st.calls = nil
	st.mu.Unlock()
	defer func() {
		for _, f := range calls {
			f()
		}
	}()
	for i, on := range events {
		if !on {
			continue
		}
		for _, f := range listeners {
			f(allEvents[i])
		}
	}
}

// syncData hands the current training points to the trainer and measures loss and accuracy on
// the training and the test points at once, so that what the learner reads is never about the
// points of before. With no training points, training has nothing to do and stops.
func (st *State) syncData() {
	st.pointsVersion++
	st.pass.active = false
	st.cancelJobs(cancelPoints)
	st.emit(EventPoints)
	defer st.measure()
	st.trainPts, st.testPts = partition(st.points, st.trainPts, st.testPts)
	if len(st.trainPts) == 0 {
		st.dataOK = false
		st.running = false
		return
	}
	// The points were checked on the way in, so an error here is a bug worth surfacing.
	if err := st.trainer.SetData(st.trainPts); err != nil {
		st.dataOK = false
		st.running = false
		st.message = err.Error()
		return
	}
	st.dataOK = true
}

// noTrainingPoints is the error of training with no training points: none at all, or every
// one held out as test data. The caller holds the lock.
func (st *State) noTrainingPoints() error {
	if len(st.points) == 0 {
		return errors.New("no points to train on: add some by clicking the plane")
	}
	return errors.New("no training points: every point is held out as test data; lower the test share, or click the plane to add a training point")
}
