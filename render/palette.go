package render

import (
	"image/color"
	"math"

	"github.com/nnviz/nnviz/nn"
)

// rgba is a straight-alpha colour with channels in [0, 1].
type rgba struct{ R, G, B, A float32 }

// hex returns the opaque colour 0xRRGGBB.
func hex(v uint32) rgba {
	return rgba{float32(v>>16&0xff) / 255, float32(v>>8&0xff) / 255, float32(v&0xff) / 255, 1}
}

// alpha returns c with its alpha multiplied by a.
func (c rgba) alpha(a float32) rgba { c.A *= a; return c }

// mix returns the colour t of the way from c to d (both opaque parts blended, alphas too).
func (c rgba) mix(d rgba, t float32) rgba {
	return rgba{c.R + (d.R-c.R)*t, c.G + (d.G-c.G)*t, c.B + (d.B-c.B)*t, c.A + (d.A-c.A)*t}
}

// bytes returns the colour as 8-bit straight-alpha channels.
func (c rgba) bytes() [4]uint8 {
	return [4]uint8{to8(c.R), to8(c.G), to8(c.B), to8(c.A)}
}

func to8(v float32) uint8 {
	return uint8(math.Round(float64(min(max(v, 0), 1)) * 255))
}

// The interface's colours. The two classes are the Okabe-Ito orange and blue pair, which
// stays distinct under every common colour-vision deficiency; everything else is a neutral
// grey so that only data carries hue.
var (
	colBackground = hex(0xf3f5f8)
	colCard       = hex(0xffffff)
	colCardBorder = hex(0xdde2e8)
	colInk        = hex(0x1d2733)
	colMuted      = hex(0x5f6b7a)
	colGrid       = hex(0xe4e8ee)
	colAxis       = hex(0x7b8794)
	colContour    = hex(0x27313d)
	colTooltip    = hex(0x1d2733)
	colTooltipInk = hex(0xffffff)
	colBanner     = hex(0xfff4d6)
	colBannerLine = hex(0xe0b84a)
	colAccent     = hex(0x2b5fab) // the shown tab, as the page's accent

	// colClassNeg and colClassPos are the dots of labels -1 and 1.
	colClassNeg = hex(0xd55e00)
	colClassPos = hex(0x0072b2)

	// colLoss and colAccuracy are the chart's two series: ink and the Okabe-Ito bluish green.
	colLoss     = hex(0x1d2733)
	colAccuracy = hex(0x009e73)
	// colTestLoss and colTestAccuracy are the same series over the test points: lighter.
	colTestLoss     = hex(0x8c96a5)
	colTestAccuracy = hex(0x86d3b8)
	// colAccuracyInk is colAccuracy dark enough for small text on a card (5:1).
	colAccuracyInk = hex(0x00785a)
)

// classColor returns the dot colour of a label (-1 or 1).
func classColor(label int) rgba {
	if label > 0 {
		return colClassPos
	}
	return colClassNeg
}

// colValueZero is the dot of a regression point of value 0, between the two class colours.
var colValueZero = hex(0xc9ced6)

// valueColor returns the dot colour of a regression point's value in [-1, 1]: the class colours
// at -1 and 1 through a neutral grey at 0, the plane's own scale.
func valueColor(v float64) rgba {
	if v < 0 {
		return colValueZero.mix(colClassNeg, float32(min(-v, 1)))
	}
	return colValueZero.mix(colClassPos, float32(min(v, 1)))
}

// pointColor is a point's dot colour: its class's, or in a regression its value's.
func pointColor(pt nn.Point, t nn.Task) rgba {
	if t.Problem == nn.Regression {
		return valueColor(pt.Value)
	}
	return labelColor(t, pt.Label)
}

// divergingStops is the plane's palette from Prob 0 (label -1, orange) through a near-white
// 0.5 to Prob 1 (label 1, blue). The ends are lighter than the class dots so the dots stay
// readable over the background. The shader's palette is generated from this table, so the
// GPU and the CPU reference colour a probability identically.
var divergingStops = [...]rgba{
	hex(0xf0a466),
	hex(0xf6c69c),
	hex(0xfae4d0),
	hex(0xf7f7f5),
	hex(0xd6e5f2),
	hex(0xa5c8e6),
	hex(0x6ea8d8),
}

// probColor returns the palette colour of a probability p in [0, 1]; values outside are
// clamped and NaN is drawn as the neutral middle.
func probColor(p float64) rgba {
	if math.IsNaN(p) {
		p = 0.5
	}
	p = min(max(p, 0), 1)
	n := len(divergingStops) - 1
	t := float32(p) * float32(n)
	i := min(int(t), n-1)
	return divergingStops[i].mix(divergingStops[i+1], t-float32(i))
}

// weightColor returns the colour of an edge or bias of value v: blue when positive, orange
// when negative (the classes' hues, since a positive weight pushes towards label 1 when the
// activation feeding it is positive), more opaque when larger.
func weightColor(v float64) rgba {
	c := colClassPos
	if v < 0 {
		c = colClassNeg
	}
	m := float32(min(math.Abs(v)/weightFull, 1))
	return c.alpha(0.25 + 0.75*m)
}

// weightFull is the magnitude at which an edge reaches its full width and opacity.
const weightFull = 3.0

// weightWidth returns the stroke width, in CSS pixels, of an edge with weight v: from a
// hairline at 0 to 6 px at |v| >= weightFull, with the square root so that small weights
// remain distinguishable.
func weightWidth(v float64) float32 {
	m := min(math.Abs(v)/weightFull, 1)
	if math.IsNaN(m) {
		m = 0
	}
	return float32(0.75 + 5.25*math.Sqrt(m))
}

// color returns c as a color.Color for ebiten's Fill.
func (c rgba) color() color.NRGBA {
	b := c.bytes()
	return color.NRGBA{b[0], b[1], b[2], b[3]}
}
