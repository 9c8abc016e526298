package nn

import (
	"errors"
	"fmt"
)

// DivergedError is the error of a training step that diverged: its forward
// pass or its cost overflowed (an output z_L or the cost of a point is not
// finite), or its update drove a weight or bias to NaN or infinity. The
// step was undone: the network holds the weights from before it. It wraps
// ErrDiverged.
type DivergedError struct {
	Step  int    // the number the step would have had: Steps()+1 when it ran
	Cause string // what was not finite, e.g. "w_3 has a non-finite entry after the step"
}

// Error says at which step training diverged and why.
func (e *DivergedError) Error() string {
	return fmt.Sprintf("%v at step %d: %s (the step was undone)", ErrDiverged, e.Step, e.Cause)
}

// Unwrap returns ErrDiverged, so that errors.Is(err, ErrDiverged) holds.
func (e *DivergedError) Unwrap() error { return ErrDiverged }

// AsDiverged returns the DivergedError in err's chain, or nil.
func AsDiverged(err error) *DivergedError {
	if err == nil {
		return nil // before d, which escapes: no allocation without an error
	}
	var d *DivergedError
	if errors.As(err, &d) {
		return d
	}
	return nil
}

// errOutput is the error of a forward pass whose output or cost overflowed
// for the point of index i in the trainer's data.
func errOutput(i int) error {
	return &DivergedError{Cause: fmt.Sprintf("the output or the cost of point %d is not finite", i)}
}

// outputBad reports whether the output z_L of one point, or its cost
// against the one-hot y, is not finite. It is cheap enough for every
// step: no logarithm, no exponential. Under CrossEntropy the cost
// log(1 + e^(z_o - z_k)) is finite exactly when z_o - z_k is; under
// Quadratic it is 1/2 ||a_L - y||^2, finite when that sum of squares is.
func outputBad(cost Cost, z0, z1, a0, a1, y0, y1 float64) bool {
	var c float64
	if cost == CrossEntropy {
		c = z1 - z0
	} else {
		d0, d1 := a0-y0, a1-y1
		c = d0*d0 + d1*d1
	}
	// v-v is 0 for a finite v and NaN for NaN and ±Inf.
	return (z0-z0)+(z1-z1)+(c-c) != 0
}

// outputBadOne is outputBad for one point's output columns z_L, a_L and
// target y, of one value, two classes or K.
func (n *Network) outputBadOne(z, a, y []float64) bool {
	switch len(z) {
	case 1:
		d := a[0] - y[0]
		c := d * d
		return (z[0]-z[0])+(c-c) != 0
	case 2:
		return outputBad(n.cfg.Cost, z[0], z[1], a[0], a[1], y[0], y[1])
	}
	// K classes: every z finite keeps the cross-entropy's log-sum-exp
	// finite (each z_j - max z is), and the quadratic cost needs the sum of
	// squares finite too.
	var s float64
	for k, v := range z {
		d := a[k] - y[k]
		s += (v - v) + d*d
	}
	return s-s != 0
}

// panelOutputBad returns the first column of the panel's last forward
// pass whose output or cost is not finite, or -1.
func (n *Network) panelOutputBad(p *panel) int {
	m, L := p.m, n.L()
	if n.cfg.Layers[L-1] == 1 {
		z, a, y := p.z[L][:m], p.a[L][:m], p.y[:m]
		for k := range m {
			if d := a[k] - y[k]; (z[k]-z[k])+(d*d-d*d) != 0 {
				return k
			}
		}
		return -1
	}
	if K := n.cfg.Layers[L-1]; K > 2 {
		var zc, ac, yc [MaxOutputs]float64
		for c := range m {
			for r := range K {
				zc[r], ac[r], yc[r] = p.z[L][r*m+c], p.a[L][r*m+c], p.y[r*m+c]
			}
			if n.outputBadOne(zc[:K], ac[:K], yc[:K]) {
				return c
			}
		}
		return -1
	}
	z, a, y := p.z[L][:2*m], p.a[L][:2*m], p.y[:2*m]
	for k := range m {
		if outputBad(n.cfg.Cost, z[k], z[m+k], a[k], a[m+k], y[k], y[m+k]) {
			return k
		}
	}
	return -1
}
