package nn

import (
	"math"
	"testing"
)

// TestFastMath checks expNegAbs and tanh against the standard library over a
// sweep of arguments: within 3 ulps (native math.Exp is assembly and may
// round differently in the last bit; in wasm they agree exactly).
func TestFastMath(t *testing.T) {
	ulps := func(a, b float64) float64 {
		if a == b {
			return 0
		}
		if math.IsInf(a, 0) || math.IsInf(b, 0) {
			return math.Inf(1)
		}
		return math.Abs(a-b) / (math.Nextafter(math.Abs(b), math.Inf(1)) - math.Abs(b))
	}
	for x := -708.0; x <= 0; x += 0.00137 {
		if got, want := expNeg(x), math.Exp(x); ulps(got, want) > 3 {
			t.Fatalf("expNeg(%v) = %v, math.Exp %v (%v ulps)", x, got, want, ulps(got, want))
		}
	}
	in, out := []float64{0, -0.5, 3, -700, 710, -745, -800, 1e308, math.Inf(-1), math.Inf(1)}, make([]float64, 10)
	for _, c := range []float64{1, 2} {
		expNegAbs(in, out, c, 0)
		for i, v := range in {
			if want := math.Exp(-c * math.Abs(v)); ulps(out[i], want) > 3 {
				t.Errorf("e^-%v|%v| = %v, want %v", c, v, out[i], want)
			}
		}
	}
	if !math.IsNaN(expNeg(math.NaN())) || !math.IsNaN(tanh(math.NaN())) || !math.IsNaN(sigmoid(math.NaN())) {
		t.Error("expNeg, tanh or sigmoid of NaN is not NaN")
	}
	for x := -25.0; x <= 25; x += 0.00731 {
		if u := ulps(tanh(x), math.Tanh(x)); u > 3 {
			t.Fatalf("tanh(%v) = %v, math.Tanh %v (%v ulps)", x, tanh(x), math.Tanh(x), u)
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 0.624, 0.625, -0.625, 20, 21, -30, math.MaxFloat64, -math.MaxFloat64, math.Inf(-1)} {
		if got, want := tanh(x), math.Tanh(x); ulps(got, want) > 3 || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("tanh(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestApplyVecMatchesApply checks that the vector activations the hot loops
// use give exactly the scalar Apply's values.
func TestApplyVecMatchesApply(t *testing.T) {
	z := []float64{0, math.Copysign(0, -1), 1e-10, -3e-9, 0.3, -0.6249, 0.625, -0.7, 2, -5, 19.9, 20.1, -35, 300, -800, math.MaxFloat64, math.Inf(-1)}
	out := make([]float64, len(z))
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		a.applyVec(z, out)
		for i, v := range z {
			if want := a.Apply(v); out[i] != want || math.Signbit(out[i]) != math.Signbit(want) {
				t.Errorf("%v: applyVec gives %v at %v, Apply %v", a, out[i], v, want)
			}
		}
	}
}
