package nn

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Problem says what the network learns: a class per point, or a value.
type Problem int

// The problems.
const (
	// Classification learns the notebook's labels -1 and 1: one output
	// neuron per class, the label turned into a one-hot y by ConvertLabel.
	Classification Problem = iota
	// Regression learns a value in [-1, 1] per point: one linear output
	// neuron, y is the value, and the cost is the quadratic one.
	Regression
)

var problemNames = [...]string{Classification: "classification", Regression: "regression"}

// String returns the problem's name: "classification" or "regression".
func (p Problem) String() string {
	if p.valid() {
		return problemNames[p]
	}
	return fmt.Sprintf("Problem(%d)", int(p))
}

func (p Problem) valid() bool { return p >= 0 && int(p) < len(problemNames) }

// ParseProblem returns the problem with the given name (as String writes it).
func ParseProblem(s string) (Problem, error) {
	for i, name := range problemNames {
		if s == name {
			return Problem(i), nil
		}
	}
	return 0, fmt.Errorf("nn: unknown problem %q (valid: %s)", s, joinNames(problemNames[:]))
}

// Feature is one input neuron: a function of a point's (x, y).
type Feature int

// The input features, as TensorFlow Playground offers them.
const (
	FeatX    Feature = iota // x
	FeatY                   // y
	FeatX2                  // x²
	FeatY2                  // y²
	FeatXY                  // x·y
	FeatSinX                // sin x
	FeatSinY                // sin y
)

// featureNames are the features' names in addresses and files, in Feature order.
var featureNames = [...]string{FeatX: "x", FeatY: "y", FeatX2: "x2", FeatY2: "y2", FeatXY: "xy", FeatSinX: "sinx", FeatSinY: "siny"}

// featureLabels are the features as people read them.
var featureLabels = [...]string{FeatX: "x", FeatY: "y", FeatX2: "x²", FeatY2: "y²", FeatXY: "x·y", FeatSinX: "sin x", FeatSinY: "sin y"}

// NumFeatures is the number of features there are.
const NumFeatures = len(featureNames)

// String returns the feature's name in addresses: "x", "y", "x2", "y2", "xy", "sinx" or "siny".
func (f Feature) String() string {
	if f.valid() {
		return featureNames[f]
	}
	return fmt.Sprintf("Feature(%d)", int(f))
}

// Label returns the feature as people read it: "x²", "sin x".
func (f Feature) Label() string {
	if f.valid() {
		return featureLabels[f]
	}
	return f.String()
}

func (f Feature) valid() bool { return f >= 0 && int(f) < len(featureNames) }

// Of returns the feature's value at the point (x, y).
func (f Feature) Of(x, y float64) float64 {
	switch f {
	case FeatX:
		return x
	case FeatY:
		return y
	case FeatX2:
		return x * x
	case FeatY2:
		return y * y
	case FeatXY:
		return x * y
	case FeatSinX:
		return math.Sin(x)
	case FeatSinY:
		return math.Sin(y)
	}
	return math.NaN()
}

// ParseFeatures reads a comma-separated list of feature names, such as
// "x,y,x2". The features come back in Feature order, whatever the list's;
// an empty list, an unknown name or a repeated one is an error that names it.
func ParseFeatures(s string) ([]Feature, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("nn: no input features, want at least one of %s", joinNames(featureNames[:]))
	}
	var fs []Feature
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		i := slices.Index(featureNames[:], name)
		if i < 0 {
			return nil, fmt.Errorf("nn: unknown feature %q (valid: %s)", name, joinNames(featureNames[:]))
		}
		if slices.Contains(fs, Feature(i)) {
			return nil, fmt.Errorf("nn: feature %q is listed twice", name)
		}
		fs = append(fs, Feature(i))
	}
	slices.Sort(fs)
	return fs, nil
}

// FormatFeatures writes features as ParseFeatures reads them: "x,y,x2".
func FormatFeatures(fs []Feature) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return strings.Join(names, ",")
}

// MaxValue bounds a regression point's value: it lies in [-MaxValue, MaxValue].
const MaxValue = 1

// MaxClasses is the most classes a classification has.
const MaxClasses = 6

// Task is what a network learns from points: which features of a point
// make its input column a_1, and whether it learns a class or a value,
// which says what its output layer a_L and the target y are.
//
// The zero Task is the notebook's: features x and y, classification of the
// labels -1 and 1, so a_1 = (x, y)ᵀ and y = convert_label(label).
//
// A classification of K > 2 classes labels its points 1..K, as the
// notebook numbers rows from 1: the point of class k has y = e_k, the
// one-hot column with 1 in row k, and output neuron k stands for class k.
// Two classes keep the notebook's labels -1 and 1.
type Task struct {
	Problem  Problem
	Features []Feature // in Feature order, none twice; nil means x, y
	// Classes is the number of classes of a classification, 2 to
	// MaxClasses; 0 means 2. A regression has none (0).
	Classes int
}

// DefaultTask returns the notebook's task: x and y, two classes.
func DefaultTask() Task { return Task{Problem: Classification, Features: []Feature{FeatX, FeatY}} }

// InputFeatures returns the features in input order (x, y for a zero Task).
// Do not mutate it.
func (t Task) InputFeatures() []Feature {
	if len(t.Features) == 0 {
		return defaultFeatures
	}
	return t.Features
}

var defaultFeatures = []Feature{FeatX, FeatY}

// Inputs returns the number of input neurons: the length of a_1.
func (t Task) Inputs() int { return len(t.InputFeatures()) }

// Outputs returns the number of output neurons: one per class (2 for the
// notebook's), 1 for regression.
func (t Task) Outputs() int {
	if t.Problem == Regression {
		return 1
	}
	return t.NumClasses()
}

// NumClasses returns the number of classes: 2 for the notebook's task, K for
// K classes, 0 for regression.
func (t Task) NumClasses() int {
	switch {
	case t.Problem == Regression:
		return 0
	case t.Classes == 0:
		return 2
	}
	return t.Classes
}

// ClassIndex returns the output row (0-based) that stands for a label: -1
// and 1 are rows 0 and 1 for two classes, label k is row k-1 for K > 2.
// A label that is no class of the task is an error naming the labels.
func (t Task) ClassIndex(label int) (int, error) {
	k := t.NumClasses()
	if k == 2 {
		switch label {
		case -1:
			return 0, nil
		case 1:
			return 1, nil
		}
		return 0, fmt.Errorf("label is %d, want -1 or 1", label)
	}
	if label < 1 || label > k {
		return 0, fmt.Errorf("label is %d, want a class from 1 to %d", label, k)
	}
	return label - 1, nil
}

// Label returns the label of output row i (0-based): ClassIndex's inverse.
func (t Task) Label(i int) int {
	if t.NumClasses() == 2 {
		return 2*i - 1
	}
	return i + 1
}

// LabelNames says what the labels are, for messages: "-1 or 1", "1 to 3".
func (t Task) LabelNames() string {
	if k := t.NumClasses(); k != 2 {
		return fmt.Sprintf("1 to %d", k)
	}
	return "-1 or 1"
}

// describeOutput says what the output layer stands for, for errors.
func (t Task) describeOutput() string {
	if t.Problem == Regression {
		return "regression (one value)"
	}
	if k := t.NumClasses(); k != 2 {
		return fmt.Sprintf("%d classes (labels 1 to %d)", k, k)
	}
	return "two classes (labels -1 and 1)"
}

// plain reports whether the input is (x, y) itself and the output two classes: the notebook's
// case, for which the training step has a fast path.
func (t Task) plain() bool {
	fs := t.InputFeatures()
	return t.Problem == Classification && t.NumClasses() == 2 && len(fs) == 2 && fs[0] == FeatX && fs[1] == FeatY
}

// Validate reports an unknown problem, or features that are unknown,
// repeated or out of order.
func (t Task) Validate() error {
	if !t.Problem.valid() {
		return fmt.Errorf("nn: unknown problem %d (valid: %s)", int(t.Problem), joinNames(problemNames[:]))
	}
	if t.Problem == Regression && t.Classes != 0 {
		return fmt.Errorf("nn: a regression has no classes, got %d", t.Classes)
	}
	if t.Problem == Classification && t.Classes != 0 && (t.Classes < 2 || t.Classes > MaxClasses) {
		return fmt.Errorf("nn: %d classes, want 2 to %d", t.Classes, MaxClasses)
	}
	for i, f := range t.Features {
		if !f.valid() {
			return fmt.Errorf("nn: unknown feature %d (valid: %s)", int(f), joinNames(featureNames[:]))
		}
		if i > 0 && f <= t.Features[i-1] {
			return fmt.Errorf("nn: features %s are repeated or out of order (want them in the order %s)", FormatFeatures(t.Features), joinNames(featureNames[:]))
		}
	}
	return nil
}

// Equal reports whether two tasks are the same (a nil feature list equals x,
// y, and 0 classes equals 2).
func (t Task) Equal(u Task) bool {
	return t.Problem == u.Problem && t.NumClasses() == u.NumClasses() && slices.Equal(t.InputFeatures(), u.InputFeatures())
}

// Input writes the input column a_1 of the point (x, y) into dst, one
// entry per feature.
func (t Task) Input(x, y float64, dst []float64) {
	if len(t.Features) == 0 {
		dst[0], dst[1] = x, y
		return
	}
	for i, f := range t.Features {
		dst[i] = f.Of(x, y)
	}
}

// Target writes the column y the network learns for p into dst:
// convert_label(p.Label) for two classes, the one-hot e_k of class k for K
// classes, p.Value for regression. The point is expected to pass
// CheckPoints.
func (t Task) Target(p Point, dst []float64) {
	if t.Problem == Regression {
		dst[0] = p.Value
		return
	}
	if t.NumClasses() == 2 {
		y, _ := ConvertLabel(p.Label)
		dst[0], dst[1] = y[0], y[1]
		return
	}
	clear(dst)
	if k, err := t.ClassIndex(p.Label); err == nil {
		dst[k] = 1
	}
}

// CheckPoints reports the first point with a coordinate that is NaN,
// infinite or beyond MaxCoord, or, for classification, a label that is no
// class (-1 and 1 for two, 1..K for K), or, for regression, a value that is not a number in
// [-MaxValue, MaxValue]. The error names the index and the field. An empty
// slice is fine here; callers that need data say so themselves.
func (t Task) CheckPoints(pts []Point) error {
	for i, p := range pts {
		if err := checkCoord("x", p.X); err != nil {
			return fmt.Errorf("nn: point %d: %w", i, err)
		}
		if err := checkCoord("y", p.Y); err != nil {
			return fmt.Errorf("nn: point %d: %w", i, err)
		}
		if t.Problem == Regression {
			if !(p.Value >= -MaxValue && p.Value <= MaxValue) {
				return fmt.Errorf("nn: point %d: value is %v, want a number from %d to %d", i, p.Value, -MaxValue, MaxValue)
			}
		} else if _, err := t.ClassIndex(p.Label); err != nil {
			return fmt.Errorf("nn: point %d: %w", i, err)
		}
	}
	return nil
}
