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

// Point is a labelled data point; Label is -1 or 1 as in the notebook.
type Point struct {
	X, Y  float64
	Label int
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

// CheckPoints reports the first point with a coordinate that is NaN,
// infinite or beyond MaxCoord, or a label other than -1 and 1. The error
// names the index and the field. An empty slice is fine here; callers that
// need data say so themselves.
func CheckPoints(pts []Point) error {
	for i, p := range pts {
		if err := checkCoord("x", p.X); err != nil {
			return fmt.Errorf("nn: point %d: %w", i, err)
		}
		if err := checkCoord("y", p.Y); err != nil {
			return fmt.Errorf("nn: point %d: %w", i, err)
		}
		if p.Label != -1 && p.Label != 1 {
			return fmt.Errorf("nn: point %d: label is %d, want -1 or 1", i, p.Label)
		}
	}
	return nil
}

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
		{1.2, 0.7, 1},
		{-0.3, -0.5, -1},
		{3.0, 0.1, 1},
		{-0.1, -1.0, -1},
		{0, 1.1, -1}, // the notebook prints -0.0, which is 0 in Go
		{2.1, -1.3, 1},
		{3.1, -1.8, -1},
		{1.1, -0.1, 1},
		{1.5, -2.2, -1},
		{4.0, -1.0, -1},
	}
}
