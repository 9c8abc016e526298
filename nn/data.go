package nn

import (
	"errors"
	"fmt"
	"math"
)

// MaxCoord bounds the coordinates of a point: |X| and |Y| must be at most
// MaxCoord. The playground lives in [-6, 6]^2; the bound keeps the first
// weighted sums z_2 from overflowing to infinity.
const MaxCoord = 1e6

// Point is a data point: Label is its class (-1 or 1 as in the notebook)
// under classification, Value its value in [-1, 1] under regression; the
// other field is 0. Test marks a point held out from training as test
// data: the playground trains on the others only; nn does not look at it.
type Point struct {
	X, Y  float64
	Label int
	Value float64
	Test  bool
}

// ConvertLabel is the notebook's convert_label (In [15]): it turns label -1
// into the one-hot column (1, 0) and label 1 into (0, 1). Output neuron 1
// stands for label -1 and output neuron 2 for label 1.
func ConvertLabel(label int) ([2]float64, error) {
	switch label {
	case -1:
		return [2]float64{1, 0}, nil
	case 1:
		return [2]float64{0, 1}, nil
	}
	return [2]float64{}, fmt.Errorf("nn: unknown label %d (want -1 or 1)", label)
}

// CheckPoints checks points of the notebook's task (two classes): see
// Task.CheckPoints.
func CheckPoints(pts []Point) error { return Task{}.CheckPoints(pts) }

func checkCoord(name string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%s is %v, want a finite number", name, v)
	}
	if math.Abs(v) > MaxCoord {
		return fmt.Errorf("%s is %g, outside [-%g, %g]", name, v, MaxCoord, MaxCoord)
	}
	return nil
}

var errNoData = errors.New("nn: no data points")

// NotebookData returns the notebook's ten points (In [2] and In [3]), in
// its order, as a fresh slice.
func NotebookData() []Point {
	return []Point{
		{X: 1.2, Y: 0.7, Label: 1},
		{X: -0.3, Y: -0.5, Label: -1},
		{X: 3.0, Y: 0.1, Label: 1},
		{X: -0.1, Y: -1.0, Label: -1},
		{X: 0, Y: 1.1, Label: -1}, // the notebook prints -0.0, which is 0 in Go
		{X: 2.1, Y: -1.3, Label: 1},
		{X: 3.1, Y: -1.8, Label: -1},
		{X: 1.1, Y: -0.1, Label: 1},
		{X: 1.5, Y: -2.2, Label: -1},
		{X: 4.0, Y: -1.0, Label: -1},
	}
}
