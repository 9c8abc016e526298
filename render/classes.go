package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// The plane of K > 2 classes: each pixel shows the class the network gives it, in the class's
// colour, lighter where the network is less sure; the borders between classes are drawn as the
// two-class 0.5 contour is.
//
// The value image carries three things per pixel: in red and green (16 bits) the margin m, how
// far the winning class is ahead of the next (for the softmax p_1 − p_2 of the two largest
// probabilities), as 0.5 + m/2, so that a border is where it falls to 0.5; in blue (8 bits) the
// class and the confidence, class·confLevels + level. encodeClasses is the one definition, the
// generated shader (classShaderTail) computes the same, and colorizeClasses is the CPU colouring
// the tests compare the GPU's against.

// confLevels is how many steps of confidence a class's colour has.
const confLevels = 40

// classColors are the dots of classes 1..K when there are more than two: the Okabe-Ito palette,
// safe for colour-blind eyes, yellow left out (it vanishes on white). Classes 1 and 2 take the
// notebook's colours of -1 and 1.
var classColors = [nn.MaxClasses]rgba{
	hex(0xd55e00), hex(0x0072b2), hex(0x009e73), hex(0xcc79a7), hex(0xe69f00), hex(0x56b4e9),
}

// regionColor is the plane's colour of class k (0-based) at full confidence: the dot's colour,
// lightened so that the dots stay readable over it.
func regionColor(k int) rgba { return classColors[k].mix(hex(0xffffff), 0.4) }

// colRegionNeutral is the plane where the network cannot tell the classes apart.
var colRegionNeutral = divergingStops[len(divergingStops)/2]

// labelColor is the dot colour of a label of the task: -1 and 1 for two classes, 1..K for more.
func labelColor(t nn.Task, label int) rgba {
	if t.NumClasses() > 2 {
		if k, err := t.ClassIndex(label); err == nil {
			return classColors[k]
		}
		return colMuted
	}
	return classColor(label)
}

// encodeClasses encodes the outputs a of K classes as the value image holds them: v = 0.5 + m/2
// (16 bits) and b = class·confLevels + level (8 bits). With ce the outputs are the softmax's
// probabilities; otherwise they are the quadratic cost's activations, whose winner's lead over
// the next, (t1 − t2), plays the margin and 0.5 + (t1 − t2)/2 the confidence, as the
// two-class plane reads them.
func encodeClasses(a []float64, ce bool) (v float64, b int) {
	k1, k2 := 0, -1
	for j := 1; j < len(a); j++ {
		if a[j] > a[k1] {
			k1, k2 = j, k1
		} else if k2 < 0 || a[j] > a[k2] {
			k2 = j
		}
	}
	lead := a[k1] - a[k2]
	if math.IsNaN(lead) {
		lead = 0
	}
	m := min(max(lead, 0), 1)
	var l float64
	if ce {
		c0 := 1 / float64(len(a))
		l = (a[k1] - c0) / (1 - c0)
	} else {
		l = m // (0.5 + m/2 − 0.5) / (1 − 0.5)
	}
	l = min(max(l, 0), 1)
	if math.IsNaN(l) {
		l = 0
	}
	level := int(math.Floor(l*(confLevels-1) + 0.5))
	return quantize16(0.5 + m/2), k1*confLevels + level
}

// packClass puts an encoded pixel in one float64, as the CPU's value grid holds it.
func packClass(v float64, b int) float64 { return float64(b)*65536 + math.Floor(v*65535+0.5) }

// unpackClass is packClass's inverse.
func unpackClass(p float64) (v float64, b int) {
	b = int(p / 65536)
	return (p - float64(b)*65536) / 65535, b
}

// classFill is the colour of an encoded class and confidence b.
func classFill(b int) rgba {
	k, level := b/confLevels, b%confLevels
	k = min(max(k, 0), nn.MaxClasses-1)
	return colRegionNeutral.mix(regionColor(k), float32(level)/(confLevels-1))
}

// classContourAt returns the border's coverage of a pixel whose margin value is v, given its
// neighbours': the distance to where v falls to 0.5, in pixels, by the steepest one-sided change
// (v has a V-shaped floor on a border, where a central difference would see no change).
func classContourAt(v, left, right, up, down, contour float64) float32 {
	g := max(math.Abs(right-v), math.Abs(v-left), math.Abs(down-v), math.Abs(v-up))
	if float32(g) < minGradient {
		return 0
	}
	d := (v - 0.5) / max(g, float64(minGradient))
	return float32(min(max(contour+0.5-d, 0), 1) * contourAlpha)
}

// colorizeClasses colours a w x h grid of packed pixels (packClass) into pix as the colouring
// shader does with Classes > 0, clamping neighbours at the border; discrete shows each class at
// full confidence, as the shader's Discrete does.
func colorizeClasses(vals []float64, w, h int, contour float64, discrete bool, pix []byte) {
	at := func(x, y int) float64 {
		v, _ := unpackClass(vals[min(max(y, 0), h-1)*w+min(max(x, 0), w-1)])
		return v
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			_, b := unpackClass(vals[y*w+x])
			if discrete {
				b = b/confLevels*confLevels + confLevels - 1 // the class at full confidence
			}
			c := classFill(b)
			if contour > 0 {
				c = c.mix(colContour, classContourAt(at(x, y), at(x-1, y), at(x+1, y), at(x, y-1), at(x, y+1), contour))
			}
			c.A = 1
			px := c.bytes()
			copy(pix[4*(y*w+x):], px[:])
		}
	}
}

// classShaderTail is the network shader's end for K > 2 classes: from the output activations
// in h0 and h1 (the softmax's probabilities, or the quadratic cost's activations), the margin and
// the class and confidence, as encodeClasses computes them, written as the value image holds
// them. ce says the outputs are the softmax's.
func classShaderTail(k int, ce bool) string {
	var b strings.Builder
	pf := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	for i := range k {
		pf("\t\tp%d := h%d.%c\n", i, i/4, "xyzw"[i%4])
	}
	// The winner and the runner-up, the first of equals winning as encodeClasses has it.
	pf("\t\tk1 := 0.0\n\t\tt1 := p0\n\t\tt2 := -1e30\n")
	for i := 1; i < k; i++ {
		pf("\t\tif p%d > t1 {\n\t\t\tt2 = t1\n\t\t\tt1 = p%d\n\t\t\tk1 = %d.0\n\t\t} else if p%d > t2 {\n\t\t\tt2 = p%d\n\t\t}\n", i, i, i, i, i)
	}
	pf("\t\tm := clamp(t1-t2, 0.0, 1.0)\n")
	if ce {
		c0 := 1 / float64(k)
		pf("\t\tl := clamp((t1-%s)/%s, 0.0, 1.0)\n", f32(float32(c0)), f32(float32(1-c0)))
	} else {
		pf("\t\tl := m\n")
	}
	pf("\t\tlevel := floor(l*%d.0 + 0.5)\n", confLevels-1)
	pf("\t\tcode := k1*%d.0 + level\n", confLevels)
	pf("\t\tq16 := floor((0.5+m/2.0)*65535.0 + 0.5)\n")
	pf("\t\tqhi := floor(q16 / 256.0)\n")
	pf("\t\treturn vec4(qhi/255.0, (q16-qhi*256.0)/255.0, code/255.0, 1.0)\n")
	return b.String()
}
