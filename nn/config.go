package nn

import "fmt"

// Shape limits of a network.
const (
	Inputs     = 2           // neurons in layer 1 of the notebook's task (x, y of a point)
	Outputs    = 2           // neurons in layer L of the notebook's task: one-hot of labels -1 and 1
	MaxInputs  = NumFeatures // neurons in layer 1 at most: every feature
	MaxOutputs = MaxClasses  // neurons in layer L at most
	MaxHidden  = 8           // hidden layers at most
	MaxNeurons = 16          // neurons per hidden layer at most
)

// Config describes a network: its shape, activation, cost, initial seed and
// the task it learns.
type Config struct {
	Layers     []int      // neurons per layer, input to output, e.g. [2 3 2]
	Activation Activation // hidden layers; and the output layer of a classification under Quadratic cost
	Cost       Cost
	Seed       uint64 // initialisation seed
	// Task says what layer 1 and layer L stand for; the zero Task is the
	// notebook's (x, y in, two classes out). Layer 1 has Task.Inputs()
	// neurons and layer L Task.Outputs().
	Task Task
}

// DefaultConfig is the notebook's network: 2-3-2, sigmoid, quadratic cost, seed 1.
func DefaultConfig() Config {
	return Config{Layers: []int{2, 3, 2}, Activation: Sigmoid, Cost: Quadratic, Seed: 1}
}

// Validate reports a shape out of range (naming the layer and the limits),
// or an unknown activation or cost.
func (c Config) Validate() error {
	n := len(c.Layers)
	if n < 2 || n > MaxHidden+2 {
		return fmt.Errorf("nn: %d layers, want 2 to %d (input, 0 to %d hidden, output)", n, MaxHidden+2, MaxHidden)
	}
	if err := c.Task.Validate(); err != nil {
		return err
	}
	if in := c.Task.Inputs(); c.Layers[0] != in {
		return fmt.Errorf("nn: layer 1 (input) has %d neurons, want %d (one per feature: %s)", c.Layers[0], in, FormatFeatures(c.Task.InputFeatures()))
	}
	if out := c.Task.Outputs(); c.Layers[n-1] != out {
		return fmt.Errorf("nn: layer %d (output) has %d neurons, want %d for %s", n, c.Layers[n-1], out, c.Task.describeOutput())
	}
	for i, k := range c.Layers[1 : n-1] {
		if k < 1 || k > MaxNeurons {
			return fmt.Errorf("nn: layer %d (hidden) has %d neurons, want 1 to %d", i+2, k, MaxNeurons)
		}
	}
	if !c.Activation.valid() {
		return fmt.Errorf("nn: unknown activation %d (valid: %s)", int(c.Activation), joinNames(activationNames[:]))
	}
	if !c.Cost.valid() {
		return fmt.Errorf("nn: unknown cost %d (valid: %s)", int(c.Cost), joinNames(costNames[:]))
	}
	if c.Cost == CrossEntropy && c.Task.Problem == Regression {
		return fmt.Errorf("nn: the cost %s needs classes; regression learns with the %s cost", CrossEntropy, Quadratic)
	}
	return nil
}

func (c Config) clone() Config {
	c.Layers = append([]int(nil), c.Layers...)
	c.Task.Features = append([]Feature(nil), c.Task.Features...)
	return c
}
