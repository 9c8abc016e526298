package app

import (
	"fmt"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/nnviz/nnviz/nn"
)

// Stage is one step of the notebook's walk-through of a training step.
type Stage struct {
	Title   string
	Formula string   // the formula, in the notebook's names, correct where the notebook has typos
	Show    []string // the matrices to display, by notebook name
	// Highlight is what the stage involves in the network diagram.
	Highlight Highlight
	// Why says in one plain sentence what the stage computes and why.
	Why string
	// General is the stage's formula in general form and Numbers the same with this step's
	// numbers (ShortDecimals), Full with more digits (LongDecimals): MathML, one <math>
	// element per line (see teachmath.go). A Lesson fills them; Stages leaves them empty.
	General, Numbers, Full []string
	// Entries writes the stage's matrix entry by entry in symbols, where it is small enough
	// (MathML, as General); nil for the other stages.
	Entries []string
	// Note says where the notebook's own formula for this stage has a typo; "" if nowhere.
	Note string
	// Result says in words what the step did to the output (the last stage only).
	Result string

	kind  stageKind
	layer int // the layer the stage is about, for the kinds that have one
}

// Matrix is a named matrix of a lesson, as the notebook prints it: Rows x Cols values, row by row.
type Matrix struct {
	Name       string
	Rows, Cols int
	Values     []float64
}

// Lesson is the walk-through of one training step of one point on the live network.
type Lesson struct {
	Point    int
	Label    int     // the point's label, under classification
	Value    float64 // the point's value, under regression
	StepSize float64
	// Reg is the penalty the step adds ("none", "l1" or "l2") and RegRate its rate λ: the
	// update stage shows its term.
	Reg     string
	RegRate float64
	Stage   int // the current stage, 0-based
	// All says the walk-through shows every stage on one page rather than Stage alone.
	All    bool
	Stages []Stage
	// Matrices holds every matrix the stages show, by name.
	Matrices map[string]Matrix
	// Inputs names a_1's rows (the input features) and Outputs y's rows (the classes), in
	// order; the typeset stages label the rows with them.
	Inputs, Outputs []string
	// Activation is the hidden layers' activation function by its name (sigmoid, tanh,
	// relu, linear); Softmax says the output layer is a softmax with cross-entropy.
	Activation string
	Softmax    bool
	// Regression says the output is one linear neuron and y the point's Value; OneHot that y
	// is e_label, the one-hot column of one of K > 2 classes (else convert_label's).
	Regression, OneHot bool
}

// Stages lists the walk-through for a network of the given shape, activation and cost: the
// notebook's fourteen stages for its 2-3-2 network, and the same pattern for any other.
func Stages(cfg nn.Config, stepSize float64) []Stage {
	L := len(cfg.Layers)
	all := func(from int) []int {
		var ls []int
		for l := L; l >= from; l-- {
			ls = append(ls, l)
		}
		return ls
	}
	softmax := cfg.Cost == nn.CrossEntropy
	sigma := "σ"
	deriv := derivText(cfg.Activation)
	input := "a_1 = (x, y)ᵀ"
	if !cfg.Task.Equal(nn.Task{}) {
		var names []string
		for _, f := range cfg.Task.InputFeatures() {
			names = append(names, f.Label())
		}
		input = fmt.Sprintf("a_1 = (%s)ᵀ, the features of the point (x, y)", strings.Join(names, ", "))
	}
	title := "The input: the point's coordinates"
	if !cfg.Task.Equal(nn.Task{}) && !cfg.Task.Equal(nn.Task{Problem: nn.Regression}) {
		title = "The input: the point's features"
	}
	st := []Stage{{
		Title:     title,
		Formula:   input,
		Show:      []string{"a_1"},
		Highlight: Highlight{Neurons: []int{1}},
		Why:       "The point enters the network as a column of numbers, one row per input neuron.",
		kind:      stageInput, layer: 1,
	}}
	for l := 2; l <= L; l++ {
		st = append(st, Stage{
			Title:     fmt.Sprintf("Layer %d: the weighted sums", l),
			Formula:   fmt.Sprintf("z_%d = w_%d a_%d + b_%d", l, l, l-1, l),
			Show:      []string{fmt.Sprintf("w_%d", l), fmt.Sprintf("a_%d", l-1), fmt.Sprintf("b_%d", l), fmt.Sprintf("z_%d", l)},
			Highlight: Highlight{Neurons: []int{l - 1, l}, Weights: []int{l}, Biases: []int{l}},
			Why: fmt.Sprintf("Each neuron of layer %d weighs the activations of layer %d by its row of w%s and adds its bias.",
				l, l-1, subscript(l)),
			kind: stageZ, layer: l,
		})
		f := fmt.Sprintf("a_%d = %s(z_%d), with %s = %s", l, sigma, l, sigma, cfg.Activation)
		why := fmt.Sprintf("The activation function %s (%s) turns each weighted sum into the neuron's output.", sigma, cfg.Activation)
		if l == L && softmax {
			f = fmt.Sprintf("a_%d = softmax(z_%d) = exp(z_%d) / Σ exp(z_%d)", l, l, l, l)
			why = "Softmax turns the output layer's weighted sums into probabilities that add up to 1."
		} else if l == L && cfg.Task.Problem == nn.Regression {
			f = fmt.Sprintf("a_%d = z_%d (a regression's output neuron is linear)", l, l)
			why = "A regression's output neuron is linear: its output is its weighted sum, any number."
		}
		st = append(st, Stage{
			Title:     fmt.Sprintf("Layer %d: the activations", l),
			Formula:   f,
			Show:      []string{fmt.Sprintf("z_%d", l), fmt.Sprintf("a_%d", l)},
			Highlight: Highlight{Neurons: []int{l}},
			Why:       why,
			kind:      stageA, layer: l,
		})
	}
	aL := fmt.Sprintf("a_%d", L)
	target := Stage{
		Title:     "The label as one-hot output",
		Formula:   "y = convert_label(label): -1 → (1, 0)ᵀ, 1 → (0, 1)ᵀ",
		Show:      []string{"y"},
		Highlight: Highlight{Neurons: []int{L}},
		Why:       "The label becomes the output the network should give: a column with 1 in its class's row.",
		kind:      stageY, layer: L,
	}
	if cfg.Task.Problem == nn.Regression {
		target.Title, target.Formula = "The value the output should have", "y = the point's value, a number from −1 to 1"
		target.Why = "The point's value is the output the network should give."
	} else if k := cfg.Task.NumClasses(); k > 2 {
		target.Formula = fmt.Sprintf("y = e_label, the one-hot column of the class: class k → 1 in row k of %d, 0 elsewhere", k)
	}
	st = append(st, target)
	cost := fmt.Sprintf("C_x = ½ ‖y − %s‖²", aL)
	costWhy := "The cost measures how far the output is from y: half the squared distance."
	dcda := fmt.Sprintf("∂C_x/∂%s = %s − y", aL, aL)
	dcdaWhy := "How the cost changes with each output: the output minus its target."
	deltaL := fmt.Sprintf("δ_%d = (%s − y) ⊙ %s'(z_%d), with %s", L, aL, sigma, L, deriv)
	deltaWhy := fmt.Sprintf("δ%s is how much the cost changes with z%s: the error times the slope of %s.", subscript(L), subscript(L), sigma)
	showDelta := []string{"sigma_prime_" + fmt.Sprint(L), fmt.Sprintf("delta_%d", L)}
	if cfg.Task.Problem == nn.Regression {
		deltaL = fmt.Sprintf("δ_%d = %s − y (the linear output's slope is 1)", L, aL)
		deltaWhy = fmt.Sprintf("δ%s is how much the cost changes with z%s: the output's slope is 1, so it is the error itself.", subscript(L), subscript(L))
		showDelta = []string{fmt.Sprintf("delta_%d", L)}
	}
	if softmax {
		cost = fmt.Sprintf("C_x = −Σ_k y_k log %s,k", aL)
		costWhy = "The cross-entropy cost is small when the output gives the right class a probability near 1."
		dcda = fmt.Sprintf("∂C_x/∂%s = −y ⊘ %s (element by element)", aL, aL)
		dcdaWhy = "How the cost changes with each output: minus the target divided by the output."
		deltaL = fmt.Sprintf("δ_%d = %s − y (the softmax's derivative folded in)", L, aL)
		deltaWhy = fmt.Sprintf("δ%s is how much the cost changes with z%s: with softmax and cross-entropy, simply the output minus y.", subscript(L), subscript(L))
		showDelta = []string{fmt.Sprintf("delta_%d", L)}
	}
	st = append(st,
		Stage{Title: "The cost of this point", Formula: cost,
			Show: []string{aL, "y", "C_x"}, Highlight: Highlight{Neurons: []int{L}},
			Why: costWhy, kind: stageCost, layer: L},
		Stage{Title: "How the cost changes with the output", Formula: dcda,
			Show: []string{fmt.Sprintf("dC_da_%d", L)}, Highlight: Highlight{Neurons: []int{L}},
			Why: dcdaWhy, kind: stageDCDA, layer: L},
		Stage{Title: fmt.Sprintf("Backpropagation: δ of layer %d", L), Formula: deltaL,
			Show: showDelta, Highlight: Highlight{Neurons: []int{L}},
			Why: deltaWhy, kind: stageDeltaL, layer: L},
	)
	for l := L - 1; l >= 2; l-- {
		st = append(st, Stage{
			Title:   fmt.Sprintf("Backpropagation: δ of layer %d", l),
			Formula: fmt.Sprintf("δ_%d = (w_%dᵀ δ_%d) ⊙ %s'(z_%d), with %s", l, l+1, l+1, sigma, l, deriv),
			Show: []string{fmt.Sprintf("w_%d", l+1), fmt.Sprintf("delta_%d", l+1),
				fmt.Sprintf("sigma_prime_%d", l), fmt.Sprintf("delta_%d", l)},
			Highlight: Highlight{Neurons: []int{l, l + 1}, Weights: []int{l + 1}},
			Why: fmt.Sprintf("δ%s sends δ%s back along the weights w%s, times the slope of %s at layer %d.",
				subscript(l), subscript(l+1), subscript(l+1), sigma, l),
			kind: stageDelta, layer: l,
		})
	}
	var db, dw, update []string
	for _, l := range all(2) {
		db = append(db, fmt.Sprintf("db_%d", l))
		dw = append(dw, fmt.Sprintf("dw_%d", l))
		update = append(update, fmt.Sprintf("w_%d", l), fmt.Sprintf("dw_%d", l), fmt.Sprintf("w_%d_new", l),
			fmt.Sprintf("b_%d", l), fmt.Sprintf("db_%d", l), fmt.Sprintf("b_%d_new", l))
	}
	st = append(st,
		Stage{Title: "The gradients of the biases", Formula: "db_l = δ_l for every layer l",
			Show: db, Highlight: Highlight{Biases: all(2)},
			Why:  "A bias adds straight into z, so the cost changes with it exactly as with z: db is δ.",
			kind: stageDB},
		Stage{Title: "The gradients of the weights", Formula: "dw_l = δ_l a_(l−1)ᵀ for every layer l",
			Show: dw, Highlight: Highlight{Weights: all(2)},
			Why:  "A weight multiplies the activation it reads, so its gradient is its neuron's δ times that activation.",
			kind: stageDW},
		Stage{Title: "The update",
			Formula: fmt.Sprintf("w_l ← w_l − step_size · dw_l and b_l ← b_l − step_size · db_l, with step_size = %g", stepSize),
			Show:    update, Highlight: Highlight{Weights: all(2), Biases: all(2)},
			Why:  "Every weight and bias takes a small step against its gradient, the step size times it, downhill on the cost.",
			kind: stageUpdate},
		Stage{Title: "The output after the step", Formula: fmt.Sprintf("%s_new = the forward pass again with the new weights", aL),
			Show: []string{aL, aL + "_new", "y"}, Highlight: Highlight{Neurons: []int{L}},
			Why:  "The forward pass again, with the new weights: the output has moved towards y.",
			kind: stageAfter, layer: L},
	)
	return st
}

// inputNames names a_1's rows: the task's input features (the notebook's x, y).
func inputNames(t nn.Task) []string {
	var names []string
	for _, f := range t.InputFeatures() {
		names = append(names, f.Label())
	}
	return names
}

// outputNames names y's rows: the classes -1 and 1 of convert_label, the classes 1..K of K
// classes, or a regression's value.
func outputNames(t nn.Task) []string {
	k := t.NumClasses()
	switch {
	case t.Problem == nn.Regression:
		return []string{"value"}
	case k > 2:
		names := make([]string, k)
		for i := range names {
			names[i] = fmt.Sprintf("class %d", i+1)
		}
		return names
	}
	return []string{"class −1", "class +1"}
}

// derivText is the derivative of an activation, as the walk-through states it.
func derivText(a nn.Activation) string {
	switch a {
	case nn.Sigmoid:
		return "σ'(z) = σ(z)(1 − σ(z)) = a ⊙ (1 − a)"
	case nn.Tanh:
		return "σ'(z) = 1 − tanh²(z) = 1 − a²"
	case nn.ReLU:
		return "σ'(z) = 1 where z > 0, else 0"
	default:
		return "σ'(z) = 1"
	}
}

// lesson builds the walk-through of point i on the current network, with the lock held.
func (st *State) lesson(i, stage int) (Lesson, error) {
	if err := st.checkIndex(i); err != nil {
		return Lesson{}, err
	}
	p := st.points[i]
	t, err := st.net.TraceStep(p, st.settings.Train)
	if err != nil {
		return Lesson{}, err
	}
	ls := Lesson{
		Point: i, Label: p.Label, Value: p.Value, StepSize: st.settings.Train.StepSize, Stage: stage,
		Reg: st.settings.Train.Reg.String(), RegRate: st.settings.Train.RegRate,
		Stages:     lessonStages(st.settings),
		Matrices:   map[string]Matrix{},
		Inputs:     inputNames(st.settings.Net.Task),
		Outputs:    outputNames(st.settings.Net.Task),
		Activation: st.settings.Net.Activation.String(),
		Softmax:    st.settings.Net.Cost == nn.CrossEntropy,
		Regression: st.settings.Net.Task.Problem == nn.Regression,
		OneHot:     st.settings.Net.Task.NumClasses() > 2,
	}
	add := func(name string, m mat.Matrix) {
		r, c := m.Dims()
		v := make([]float64, 0, r*c)
		for a := 0; a < r; a++ {
			for b := 0; b < c; b++ {
				v = append(v, m.At(a, b))
			}
		}
		ls.Matrices[name] = Matrix{Name: name, Rows: r, Cols: c, Values: v}
	}
	for _, e := range t.Entries {
		add(e.Name, e.M)
	}
	for l := 2; l <= st.net.L(); l++ {
		add(fmt.Sprintf("w_%d", l), st.net.W(l))
		add(fmt.Sprintf("b_%d", l), st.net.B(l))
	}
	for _, s := range ls.Stages {
		for _, name := range s.Show {
			if _, ok := ls.Matrices[name]; !ok {
				return Lesson{}, fmt.Errorf("teach: stage %q shows %s, which the trace lacks", s.Title, name)
			}
		}
	}
	ls.typeset(st.net.L())
	return ls, nil
}
