package nn

import "math/rand/v2"

// PCG stream constants: the second word of rand.NewPCG(seed, stream) for
// each purpose, so that the weights, the epoch order and the data presets
// drawn from the same seed are independent.
const (
	InitStream    uint64 = 0x6e6e7669_7a2d7731 // weights and biases (New, Reinit)
	ShuffleStream uint64 = 0x6e6e7669_7a2d7332 // epoch order (Trainer)
	DatasetStream uint64 = 0x6e6e7669_7a2d6433 // data presets (Dataset)
)

// newRand returns the generator for a seed and purpose.
func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}
