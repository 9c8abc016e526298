package nn

import "math"

// The activations' exponentials are computed a vector at a time by
// expNegAbs, whose loop holds the whole of exp: in wasm a function call per element
// costs as much as the arithmetic, and math.Exp (pure Go there) spends much
// of its time in math.Ldexp. The same code runs natively and in wasm, so
// training gives the same numbers on both.

// exp2Table holds 2^(j/64) for j = 0..63, each the float64 nearest to the
// exact value (computed to 60 digits).
var exp2Table = [64]uint64{
	0x3ff0000000000000, 0x3ff02c9a3e778061, 0x3ff059b0d3158574, 0x3ff0874518759bc8,
	0x3ff0b5586cf9890f, 0x3ff0e3ec32d3d1a2, 0x3ff11301d0125b51, 0x3ff1429aaea92de0,
	0x3ff172b83c7d517b, 0x3ff1a35beb6fcb75, 0x3ff1d4873168b9aa, 0x3ff2063b88628cd6,
	0x3ff2387a6e756238, 0x3ff26b4565e27cdd, 0x3ff29e9df51fdee1, 0x3ff2d285a6e4030b,
	0x3ff306fe0a31b715, 0x3ff33c08b26416ff, 0x3ff371a7373aa9cb, 0x3ff3a7db34e59ff7,
	0x3ff3dea64c123422, 0x3ff4160a21f72e2a, 0x3ff44e086061892d, 0x3ff486a2b5c13cd0,
	0x3ff4bfdad5362a27, 0x3ff4f9b2769d2ca7, 0x3ff5342b569d4f82, 0x3ff56f4736b527da,
	0x3ff5ab07dd485429, 0x3ff5e76f15ad2148, 0x3ff6247eb03a5585, 0x3ff6623882552225,
	0x3ff6a09e667f3bcd, 0x3ff6dfb23c651a2f, 0x3ff71f75e8ec5f74, 0x3ff75feb564267c9,
	0x3ff7a11473eb0187, 0x3ff7e2f336cf4e62, 0x3ff82589994cce13, 0x3ff868d99b4492ed,
	0x3ff8ace5422aa0db, 0x3ff8f1ae99157736, 0x3ff93737b0cdc5e5, 0x3ff97d829fde4e50,
	0x3ff9c49182a3f090, 0x3ffa0c667b5de565, 0x3ffa5503b23e255d, 0x3ffa9e6b5579fdbf,
	0x3ffae89f995ad3ad, 0x3ffb33a2b84f15fb, 0x3ffb7f76f2fb5e47, 0x3ffbcc1e904bc1d2,
	0x3ffc199bdd85529c, 0x3ffc67f12e57d14b, 0x3ffcb720dcef9069, 0x3ffd072d4a07897c,
	0x3ffd5818dcfba487, 0x3ffda9e603db3285, 0x3ffdfc97337b9b5f, 0x3ffe502ee78b3ff6,
	0x3ffea4afa2a490da, 0x3ffefa1bee615a27, 0x3fff50765b6e4540, 0x3fffa7c1819e90d8,
}

// expNegAbs writes e^(-c|z[i]|) into out[i] (c > 0), to within about 1
// ulp: the exponentials sigmoid and tanh need, which never exceed 1. It
// writes x = -c|z| = (64k + j) ln2/64 + r with |r| <= ln2/128, so that e^x
// = 2^(k>>6) * 2^(j/64) * e^r: the power of two is built from bits,
// 2^(j/64) comes from exp2Table, and e^r - 1 from its Taylor polynomial of
// degree 5, whose error r^6/720 is below 4e-17. There is no division and
// no float-to-int conversion. Below -708, where 2^(k>>6) would not be
// normal, and for NaN it calls math.Exp.
func expNegAbs(z, out []float64, c float64) {
	const (
		invLn2N = 64 / math.Ln2
		ln2HiN  = 6.93147180369123816490e-01 / 64 // the high 32 bits of ln2, so k*ln2HiN is exact
		ln2LoN  = 1.90821492927058770002e-10 / 64
		// Adding shift rounds x*64/ln2 to an integer k held in the low
		// bits of the sum.
		shift = 0x1.8p52
	)
	out = out[:len(z)]
	for i, v := range z {
		x := -c * math.Abs(v)
		if !(x >= -708) { // NaN, and results too small to be normal
			out[i] = math.Exp(x)
			continue
		}
		zs := x*invLn2N + shift
		kb := math.Float64bits(zs) // k plus multiples of 2^6 that the shift below drops
		kf := zs - shift
		r := (x - kf*ln2HiN) - kf*ln2LoN
		q := r + r*r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120)))) // e^r - 1
		// 2^(j/64) with k>>6 added to its exponent is 2^(k/64).
		scale := math.Float64frombits(exp2Table[kb&63] + (kb>>6)<<52)
		out[i] = scale + scale*q // rounds once at the end, where it matters
	}
}

// expNeg is e^(-|x|) by expNegAbs.
func expNeg(x float64) float64 {
	in, out := [1]float64{x}, [1]float64{}
	expNegAbs(in[:], out[:], 1)
	return out[0]
}

// sigmoid is Sigmoid.applyVec for one value.
func sigmoid(z float64) float64 {
	in, out := [1]float64{z}, [1]float64{}
	Sigmoid.applyVec(in[:], out[:])
	return out[0]
}

// tanh is Tanh.applyVec for one value.
func tanh(z float64) float64 {
	in, out := [1]float64{z}, [1]float64{}
	Tanh.applyVec(in[:], out[:])
	return out[0]
}
