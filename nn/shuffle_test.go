package nn

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestShuffleMatchesRand checks that shuffle gives the permutation
// rand.Rand.Shuffle gives from the same generator state, for lengths with
// and without powers of two and for successive shuffles of one generator
// (as successive epochs draw them).
func TestShuffleMatchesRand(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 5, 8, 10, 16, 17, 33, 64, 100, 1000, 4097} {
		for seed := range uint64(20) {
			ours, theirs := rand.NewPCG(seed, ShuffleStream), rand.NewPCG(seed, ShuffleStream)
			r := rand.New(theirs)
			a, b := make([]int, n), make([]int, n)
			for i := range a {
				a[i], b[i] = i, i
			}
			for epoch := range 3 {
				shuffle(a, ours)
				r.Shuffle(n, func(i, j int) { b[i], b[j] = b[j], b[i] })
				if !slices.Equal(a, b) {
					t.Fatalf("n=%d seed=%d epoch %d: shuffle gives %v, rand.Shuffle %v", n, seed, epoch, a, b)
				}
			}
		}
	}
}
