package nn

import (
	"fmt"
	"math"
)

// Activation is the function sigma a layer applies to its weighted sums z.
type Activation int

// The activations a network can use. Sigmoid is the notebook's.
const (
	Sigmoid Activation = iota
	Tanh
	ReLU
	Linear
)

var activationNames = [...]string{Sigmoid: "sigmoid", Tanh: "tanh", ReLU: "relu", Linear: "linear"}

// String returns the activation's name: "sigmoid", "tanh", "relu" or "linear".
func (a Activation) String() string {
	if a.valid() {
		return activationNames[a]
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

func (a Activation) valid() bool { return a >= 0 && int(a) < len(activationNames) }

// ParseActivation returns the activation with the given name (as String writes it).
func ParseActivation(s string) (Activation, error) {
	for i, name := range activationNames {
		if s == name {
			return Activation(i), nil
		}
	}
	return 0, fmt.Errorf("nn: unknown activation %q (valid: %s)", s, joinNames(activationNames[:]))
}

// Apply returns sigma(z). Sigmoid and Tanh never overflow: they return
// values in [0, 1] and [-1, 1] for every finite or infinite z.
func (a Activation) Apply(z float64) float64 {
	switch a {
	case Sigmoid:
		return sigmoid(z)
	case Tanh:
		return tanh(z)
	case ReLU:
		if z > 0 {
			return z
		}
		return 0
	default:
		return z
	}
}

// Deriv returns sigma'(z), given a = Apply(z). Sigmoid and Tanh compute it
// from a alone (a(1-a) and 1-a^2, as the notebook's In [22] does), which
// saves a call to math.Exp.
func (a Activation) Deriv(z, act float64) float64 {
	switch a {
	case Sigmoid:
		return act * (1 - act)
	case Tanh:
		return 1 - act*act
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	default:
		return 1
	}
}

// applyVec writes sigma(z[i]) into out[i]; out must not overlap z. The
// sigmoid and tanh bodies are written out here, not called per element,
// because calls are what cost in wasm. Both take their exponential as
// e^(-c|z|), which never overflows:
//
//	sigmoid(z) = 1/(1+e) for z >= 0, e/(1+e) for z < 0, with e = e^-|z|
//	tanh(z) = sign(z) -m/(2+m), with m = e^-2|z| - 1 (an expm1, accurate near 0)
func (a Activation) applyVec(z, out []float64) {
	out = out[:len(z)]
	switch a {
	case Sigmoid:
		sigmoidVec(z, out)
	case Tanh:
		expNegAbs(z, out, 2, 1)
		for i, v := range z {
			m := out[i]
			out[i] = math.Copysign(-m/(2+m), v)
		}
	case ReLU:
		// A comparison, not the builtin max: that is a runtime call in wasm.
		for i, v := range z {
			if v > 0 {
				out[i] = v
			} else {
				out[i] = 0
			}
		}
	default:
		copy(out, z)
	}
}

// mulDerivVec multiplies d[i] by sigma'(z[i]), computed from the activation act[i].
func (a Activation) mulDerivVec(act, d []float64) {
	d = d[:len(act)]
	switch a {
	case Sigmoid:
		for i, v := range act {
			d[i] *= v * (1 - v)
		}
	case Tanh:
		for i, v := range act {
			d[i] *= 1 - v*v
		}
	case ReLU:
		// ReLU's a is positive exactly where z is.
		for i, v := range act {
			if v <= 0 {
				d[i] = 0
			}
		}
	}
}
