package nn

import (
	"math"
	"testing"
)

func TestSigmoidSafe(t *testing.T) {
	tests := []struct{ z, want float64 }{
		{0, 0.5},
		{1000, 1},
		{-1000, 0},
		{math.MaxFloat64, 1},
		{-math.MaxFloat64, 0},
		{math.Inf(1), 1},
		{math.Inf(-1), 0},
		{-745, 1 / (1 + math.Exp(745))},
		{2, 1 / (1 + math.Exp(-2))},
		{-2, 1 / (1 + math.Exp(2))},
	}
	for _, tc := range tests {
		got := Sigmoid.Apply(tc.z)
		if math.IsNaN(got) || math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("sigmoid(%v) = %v, want %v", tc.z, got, tc.want)
		}
	}
}

// TestActivationsBounded checks Apply on extreme finite inputs: no NaN,
// and the squashing functions stay in range.
func TestActivationsBounded(t *testing.T) {
	zs := []float64{0, 1e-300, -1e-300, 1, -1, 30, -30, 710, -710, 1000, -1000, math.MaxFloat64, -math.MaxFloat64}
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		for _, z := range zs {
			v := a.Apply(z)
			if math.IsNaN(v) {
				t.Errorf("%v.Apply(%v) is NaN", a, z)
			}
			if (a == Sigmoid && (v < 0 || v > 1)) || (a == Tanh && (v < -1 || v > 1)) || (a == ReLU && v < 0) {
				t.Errorf("%v.Apply(%v) = %v out of range", a, z, v)
			}
			if d := a.Deriv(z, v); math.IsNaN(d) || d < 0 {
				t.Errorf("%v.Deriv(%v) = %v", a, z, d)
			}
		}
	}
}

// TestDerivMatchesDifference checks Deriv against central differences of Apply.
func TestDerivMatchesDifference(t *testing.T) {
	const h = 1e-6
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		for _, z := range []float64{-3, -0.7, -0.1, 0.2, 0.9, 2.5} {
			num := (a.Apply(z+h) - a.Apply(z-h)) / (2 * h)
			got := a.Deriv(z, a.Apply(z))
			if math.Abs(num-got) > 1e-8 {
				t.Errorf("%v'(%v) = %v, central difference %v", a, z, got, num)
			}
		}
	}
}

func TestParseNames(t *testing.T) {
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		if got, err := ParseActivation(a.String()); err != nil || got != a {
			t.Errorf("ParseActivation(%q) = %v, %v", a.String(), got, err)
		}
	}
	for _, c := range []Cost{Quadratic, CrossEntropy} {
		if got, err := ParseCost(c.String()); err != nil || got != c {
			t.Errorf("ParseCost(%q) = %v, %v", c.String(), got, err)
		}
	}
	for _, m := range []Mode{Online, MiniBatch, FullBatch} {
		if got, err := ParseMode(m.String()); err != nil || got != m {
			t.Errorf("ParseMode(%q) = %v, %v", m.String(), got, err)
		}
	}
	if got := []string{Sigmoid.String(), Tanh.String(), ReLU.String(), Linear.String(), Quadratic.String(), CrossEntropy.String(),
		Online.String(), MiniBatch.String(), FullBatch.String()}; got[0] != "sigmoid" || got[1] != "tanh" || got[2] != "relu" ||
		got[3] != "linear" || got[4] != "quadratic" || got[5] != "crossentropy" || got[6] != "online" || got[7] != "minibatch" || got[8] != "batch" {
		t.Errorf("names %v", got)
	}
	for _, tc := range []struct {
		parse func(string) error
		in    string
		want  []string
	}{
		{func(s string) error { _, err := ParseActivation(s); return err }, "softplus", []string{`"softplus"`, `"sigmoid"`, `"linear"`}},
		{func(s string) error { _, err := ParseCost(s); return err }, "hinge", []string{`"hinge"`, `"quadratic"`, `"crossentropy"`}},
		{func(s string) error { _, err := ParseMode(s); return err }, "", []string{`""`, `"online"`, `"batch"`}},
	} {
		err := tc.parse(tc.in)
		if err == nil {
			t.Errorf("parsing %q: no error", tc.in)
			continue
		}
		for _, w := range tc.want {
			if !contains(err.Error(), w) {
				t.Errorf("parsing %q: error %q does not mention %s", tc.in, err, w)
			}
		}
	}
}
