package nn

import (
	"fmt"
	"math"
)

// Regularization is the penalty on the weights (never the biases) that a training step adds to
// the cost, as TensorFlow Playground offers it: none, L1 or L2, times TrainConfig.RegRate (λ).
type Regularization int

// The penalties.
const (
	// NoReg adds nothing.
	NoReg Regularization = iota
	// L1 adds λ‖w_l‖₁ per layer; its gradient is λ·sign(w_l) (0 at 0). A weight that the
	// penalty's part of a step would carry across 0 stops at exactly 0, as TensorFlow
	// Playground's updateWeights does it, so L1 makes weights exactly 0.
	L1
	// L2 adds λ/2‖w_l‖² per layer; its gradient is λ·w_l, which shrinks every weight.
	L2
)

var regNames = [...]string{NoReg: "none", L1: "l1", L2: "l2"}

// String returns the penalty's name: "none", "l1" or "l2".
func (r Regularization) String() string {
	if r.valid() {
		return regNames[r]
	}
	return fmt.Sprintf("Regularization(%d)", int(r))
}

func (r Regularization) valid() bool { return r >= 0 && int(r) < len(regNames) }

// ParseRegularization returns the penalty with the given name (as String writes it).
func ParseRegularization(s string) (Regularization, error) {
	for i, name := range regNames {
		if s == name {
			return Regularization(i), nil
		}
	}
	return 0, fmt.Errorf("nn: unknown regularization %q (valid: %s)", s, joinNames(regNames[:]))
}

// RegRates are TensorFlow Playground's menu of regularization rates, which the control panel
// offers; any rate from 0 to MaxRegRate is allowed.
var RegRates = []float64{0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10}

// CheckRegRate reports a regularization rate that is not a number in [0, MaxRegRate].
func CheckRegRate(rate float64) error {
	if !(rate >= 0 && rate <= MaxRegRate) {
		return fmt.Errorf("regularization rate is %v, want a number from 0 to %d", rate, MaxRegRate)
	}
	return nil
}

// penaltyRates returns λ as the L1 and the L2 rate of the step: the one of c.Reg, and 0 for
// the other.
func (c TrainConfig) penaltyRates() (l1, l2 float64) {
	switch c.Reg {
	case L1:
		return c.RegRate, 0
	case L2:
		return 0, c.RegRate
	}
	return 0, 0
}

// Penalty returns the penalty term of the cost for n's weights: λ Σ_l ‖w_l‖₁ under L1,
// λ/2 Σ_l ‖w_l‖² under L2, 0 otherwise. The loss the trainer reports does not include it.
func (c TrainConfig) Penalty(n *Network) float64 {
	l1, l2 := c.penaltyRates()
	var s float64
	for l := 2; l <= n.L(); l++ {
		for _, w := range n.lay[l].wd {
			s += l1*math.Abs(w) + l2/2*w*w
		}
	}
	return s
}

// PenaltyGrad returns the penalty's gradient for a weight w: λ·sign(w) under L1 (0 at 0),
// λ·w under L2, 0 otherwise.
func (c TrainConfig) PenaltyGrad(w float64) float64 {
	l1, l2 := c.penaltyRates()
	return l1*sign(w) + l2*w
}

// sign is -1, 0 or 1 (0 for NaN), TensorFlow Playground's L1 derivative.
func sign(w float64) float64 {
	switch {
	case w > 0:
		return 1
	case w < 0:
		return -1
	}
	return 0
}

// l1Step is the L1 part of a weight's update: v is the weight after the data's part of the
// step (and old the weight before it), etaL1 is step_size·λ. It returns v − etaL1·sign(old),
// or exactly 0 where that would carry v across 0 (TensorFlow Playground's rule). A NaN v stays
// NaN, so a divergent step is still caught.
func l1Step(old, v, etaL1 float64) float64 {
	u := v - etaL1*sign(old)
	if u*v < 0 {
		return 0
	}
	return u
}
