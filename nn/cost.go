package nn

import (
	"fmt"
	"strings"
)

// Cost is the function that measures how far the output a_L is from the
// one-hot label y.
type Cost int

// The costs a network can use. Quadratic is the notebook's.
const (
	// Quadratic is C_x = 1/2 ||y - a_L||^2 (the notebook's In [19]); the
	// output layer uses the network's activation.
	Quadratic Cost = iota
	// CrossEntropy is C_x = -sum_k y_k log a_L,k with a softmax output
	// layer, so that a_L is a probability distribution over the two labels.
	CrossEntropy
)

var costNames = [...]string{Quadratic: "quadratic", CrossEntropy: "crossentropy"}

// String returns the cost's name: "quadratic" or "crossentropy".
func (c Cost) String() string {
	if c.valid() {
		return costNames[c]
	}
	return fmt.Sprintf("Cost(%d)", int(c))
}

func (c Cost) valid() bool { return c >= 0 && int(c) < len(costNames) }

// ParseCost returns the cost with the given name (as String writes it).
func ParseCost(s string) (Cost, error) {
	for i, name := range costNames {
		if s == name {
			return Cost(i), nil
		}
	}
	return 0, fmt.Errorf("nn: unknown cost %q (valid: %s)", s, joinNames(costNames[:]))
}

func joinNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
