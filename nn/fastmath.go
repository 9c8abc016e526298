package nn

import "math"

// The activations' exponentials are computed a vector at a time by
// expNegAbs (tanh) and sigmoidVec, whose loops hold the whole of exp (as
// do oneHidden.forward's): in wasm a function call per element
// costs as much as the arithmetic, and math.Exp (pure Go there) spends much
// of its time in math.Ldexp. The same code runs natively and in wasm, so
// training gives the same numbers on both.

// The exponentials' constants. x = (64k + j) ln2/64 + r, with k from
// x*invLn2N rounded by adding expShift.
const (
	invLn2N = 64 / math.Ln2
	ln2HiN  = 6.93147180369123816490e-01 / 64 // the high 32 bits of ln2, so k*ln2HiN is exact
	ln2LoN  = 1.90821492927058770002e-10 / 64
	// Adding expShift rounds x*64/ln2 to an integer k held in the low
	// bits of the sum.
	expShift     = 0x1.8p52
	expShiftBits = 0x4338000000000000
)

// exp2Hi[j] + exp2Lo[j] is 2^(j/64) for j = 0..63 to about 2^-110: exp2Hi
// is the float64 nearest to the exact value (computed to 80 digits) and
// exp2Lo the rest.
var exp2Hi = [64]float64{
	0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
	0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
	0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
	0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
	0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
	0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
	0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
	0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
	0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
	0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
	0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
	0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
	0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
	0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
	0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
	0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0,
}

var exp2Lo = [64]float64{
	0, -0x1.19083535b085dp-56, 0x1.d73e2a475b465p-55, 0x1.186be4bb284ffp-57,
	0x1.8a62e4adc610bp-54, 0x1.03a1727c57b53p-59, -0x1.6c51039449b3ap-54, -0x1.32fbf9af1369ep-54,
	-0x1.19041b9d78a76p-55, 0x1.e5b4c7b4968e4p-55, 0x1.e016e00a2643cp-54, 0x1.dc775814a8495p-55,
	0x1.9b07eb6c70573p-54, 0x1.2bd339940e9d9p-55, 0x1.612e8afad1255p-55, 0x1.0024754db41d5p-54,
	0x1.6f46ad23182e4p-55, 0x1.32721843659a6p-54, -0x1.63aeabf42eae2p-54, -0x1.5e436d661f5e3p-56,
	0x1.ada0911f09ebcp-55, -0x1.ef3691c309278p-58, 0x1.89b7a04ef80d0p-59, 0x1.3c1a3b69062f0p-56,
	0x1.d4397afec42e2p-56, -0x1.4b309d25957e3p-54, -0x1.07abe1db13cadp-55, 0x1.9bb2c011d93adp-54,
	0x1.6324c054647adp-54, 0x1.ba6f93080e65ep-54, -0x1.383c17e40b497p-54, -0x1.bb60987591c34p-54,
	-0x1.bdd3413b26456p-54, -0x1.bbe3a683c88abp-57, -0x1.16e4786887a99p-55, -0x1.0245957316dd3p-54,
	-0x1.41577ee04992fp-55, 0x1.05d02ba15797ep-56, -0x1.d4c1dd41532d8p-54, -0x1.fc6f89bd4f6bap-54,
	0x1.6e9f156864b27p-54, 0x1.5cc13a2e3976cp-55, -0x1.75fc781b57ebcp-57, -0x1.d185b7c1b85d1p-54,
	0x1.c7c46b071f2bep-56, -0x1.359495d1cd533p-54, -0x1.d2f6edb8d41e1p-54, 0x1.0fac90ef7fd31p-54,
	0x1.7a1cd345dcc81p-54, -0x1.2805e3084d708p-57, -0x1.5584f7e54ac3bp-56, 0x1.23dd07a2d9e84p-55,
	0x1.11065895048ddp-55, 0x1.2884dff483cadp-54, 0x1.503cbd1e949dbp-56, -0x1.cbc3743797a9cp-54,
	0x1.2ed02d75b3707p-55, 0x1.c2300696db532p-54, -0x1.1a5cd4f184b5cp-54, 0x1.39e8980a9cc8fp-55,
	-0x1.e9c23179c2893p-54, 0x1.dc7f486a4b6b0p-54, 0x1.9d3e12dd8a18bp-54, 0x1.74853f3a5931ep-55,
}

// expNegAbs writes e^(-c|z[i]|) - minus1 into out[i] (c > 0, minus1 0 or
// 1), to within about 1 ulp: the exponential sigmoid needs (minus1 = 0)
// and the expm1 tanh needs (minus1 = 1), neither of which can overflow.
// It writes x = -c|z| = (64k + j) ln2/64 + r with |r| <= ln2/128, so that
// e^x = 2^(k>>6) 2^(j/64) e^r. With hi + lo = 2^(k>>6) 2^(j/64) from the
// tables and q = e^r - 1 from its Taylor polynomial of degree 6 (error
// |r|^7/5040 < 3e-20, small even beside a small expm1), the result is (hi - minus1) + (lo + hi q): hi - 1 is
// exact where the expm1 is small, so it keeps its digits down to x = 0.
// There is no division, no branch and no float-to-int conversion on the
// way. Below -708, where 2^(k>>6) would not be normal, and for NaN it calls
// math.Exp.
func expNegAbs(z, out []float64, c, minus1 float64) {
	out = out[:len(z)]
	for i, v := range z {
		x := -c * math.Abs(v)
		if !(x >= -708) { // NaN, and results too small to be normal
			out[i] = math.Exp(x) - minus1
			continue
		}
		zs := x*invLn2N + expShift
		k := int64(math.Float64bits(zs) - expShiftBits)
		kf := zs - expShift
		r := (x - kf*ln2HiN) - kf*ln2LoN
		q := r + r*r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720))))) // e^r - 1
		two := math.Float64frombits(uint64(1023+k>>6) << 52)              // 2^(k>>6), exact
		hi, lo := exp2Hi[k&63]*two, exp2Lo[k&63]*two
		out[i] = (hi - minus1) + (lo + hi*q)
	}
}

// sigmoidVec writes sigmoid(z[i]) into out[i]: Sigmoid.applyVec. It is
// expNegAbs(z, out, 1, 0) with the sigmoid's last step in the same loop,
// and its arithmetic is that of expNegAbs followed by 1/(1+e) (z >= 0) or
// e/(1+e), so the results are the same bits; in wasm one loop and one call
// instead of two of each cut an online step by about a tenth. The
// numerator is chosen by its bits, which the compiler turns into a select
// instead of a branch (it does not select floats).
func sigmoidVec(z, out []float64) {
	out = out[:len(z)]
	for i, v := range z {
		x := -math.Abs(v)
		zs := x*invLn2N + expShift
		k := int64(math.Float64bits(zs) - expShiftBits)
		kf := zs - expShift
		r := (x - kf*ln2HiN) - kf*ln2LoN
		q := r + r*r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720)))))
		two := math.Float64frombits(uint64(1023+k>>6) << 52)
		hi, lo := exp2Hi[k&63]*two, exp2Lo[k&63]*two
		e := hi + (lo + hi*q)
		if !(x >= -708) { // a one-way branch, so the common case jumps nowhere
			e = math.Exp(x)
		}
		num := math.Float64bits(e)
		if v >= 0 {
			num = 0x3ff0000000000000 // 1
		}
		out[i] = math.Float64frombits(num) / (1 + e)
	}
}

// expNeg is e^(-|x|) by expNegAbs.
func expNeg(x float64) float64 {
	in, out := [1]float64{x}, [1]float64{}
	expNegAbs(in[:], out[:], 1, 0)
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
