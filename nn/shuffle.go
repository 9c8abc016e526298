package nn

import (
	"math/bits"
	"math/rand/v2"
)

// shuffle permutes order exactly as rand.New(src).Shuffle would (the same
// Fisher-Yates walk and the same unbiased bounded draws, so epoch orders
// stay what they were), but with direct calls to the PCG and the swap
// written in place. In wasm, rand.Rand's interface call to its source and
// Shuffle's call of the swap function per element cost an online step of
// the notebook's network about a tenth of its time: the epoch is reshuffled
// every ten steps. For the same reason the bounded draw is written in the
// loop rather than called: in wasm every call costs tens of nanoseconds.
// TestShuffleMatchesRand holds it to rand.Shuffle.
func shuffle(order []int, src *rand.PCG) {
	for i := len(order) - 1; i > 0; i-- {
		// j is uniform in [0, n): math/rand/v2's Rand.uint64n on 64-bit
		// platforms (wasm is one), Lemire's multiply-and-reject, with a
		// mask when n is a power of two.
		n := uint64(i + 1)
		var j uint64
		if n&(n-1) == 0 {
			j = src.Uint64() & (n - 1)
		} else {
			hi, lo := bits.Mul64(src.Uint64(), n)
			if lo < n {
				thresh := -n % n
				for lo < thresh {
					hi, lo = bits.Mul64(src.Uint64(), n)
				}
			}
			j = hi
		}
		order[i], order[j] = order[j], order[i]
	}
}
