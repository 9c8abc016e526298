package render

import (
	"math"
	"testing"
)

// Machado, Oliveira and Fernandes (2009) simulation matrices for full (severity 1.0)
// dichromacy, applied to linear RGB.
var cvdMatrices = map[string][3][3]float64{
	"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

func toLinear(v float32) float64 {
	c := float64(v)
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// oklab converts linear RGB to Björn Ottosson's OKLab, where Euclidean distance follows
// perceived difference (about 0.02 is just noticeable).
func oklab(r, g, b float64) [3]float64 {
	l := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*b)
	m := math.Cbrt(0.2119034982*r + 0.6806995451*g + 0.1073969566*b)
	s := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*b)
	return [3]float64{
		0.2104542553*l + 0.7936177850*m - 0.0040720468*s,
		1.9779984951*l - 2.4285922050*m + 0.4505937099*s,
		0.0259040371*l + 0.7827717662*m - 0.8086757660*s,
	}
}

// seen returns the OKLab colour a viewer with the given vision sees for c.
func seen(c rgba, vision string) [3]float64 {
	m := cvdMatrices[vision]
	r, g, b := toLinear(c.R), toLinear(c.G), toLinear(c.B)
	var o [3]float64
	for i := range o {
		o[i] = math.Max(0, m[i][0]*r+m[i][1]*g+m[i][2]*b)
	}
	return oklab(o[0], o[1], o[2])
}

func distance(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// TestClassesDistinctForColourBlindness checks that the two classes, on the dots and at the
// ends of the plane's palette, stay clearly apart for every common colour-vision deficiency,
// and that each dot stands out from the background of its own class.
func TestClassesDistinctForColourBlindness(t *testing.T) {
	pairs := []struct {
		name string
		a, b rgba
		min  float64
	}{
		{"class dots", colClassNeg, colClassPos, 0.15},
		{"palette ends", probColor(0), probColor(1), 0.12},
		{"palette quarter points", probColor(0.25), probColor(0.75), 0.06},
		{"-1 dot on its background", colClassNeg, probColor(0), 0.08},
		{"+1 dot on its background", colClassPos, probColor(1), 0.08},
	}
	for vision := range cvdMatrices {
		for _, p := range pairs {
			if d := distance(seen(p.a, vision), seen(p.b, vision)); d < p.min {
				t.Errorf("%s, %s: OKLab distance %.3f, want at least %.2f", vision, p.name, d, p.min)
			}
		}
	}
}

// TestPaletteLightestAtHalf checks the diverging palette grows lighter towards 0.5 from both
// ends, for normal and deuteranope vision, and stays nearly neutral there.
func TestPaletteLightestAtHalf(t *testing.T) {
	for _, vision := range []string{"normal", "deuteranopia"} {
		prev := -1.0
		for k := 0; k <= 50; k++ {
			L := seen(probColor(float64(k)/100), vision)[0]
			if L < prev-1e-9 {
				t.Errorf("%s: lightness falls from %.4f to %.4f at p = %.2f, going towards 0.5", vision, prev, L, float64(k)/100)
			}
			prev = L
		}
		prev = -1
		for k := 100; k >= 50; k-- {
			L := seen(probColor(float64(k)/100), vision)[0]
			if L < prev-1e-9 {
				t.Errorf("%s: lightness falls from %.4f to %.4f at p = %.2f, going towards 0.5", vision, prev, L, float64(k)/100)
			}
			prev = L
		}
	}
	mid := seen(probColor(0.5), "normal")
	if chroma := math.Hypot(mid[1], mid[2]); chroma > 0.01 {
		t.Errorf("the palette's middle has chroma %.3f, want nearly grey", chroma)
	}
	if probColor(math.NaN()) != probColor(0.5) {
		t.Errorf("NaN is not drawn as the neutral middle")
	}
}
