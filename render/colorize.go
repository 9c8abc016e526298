package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// The second pass turns a value image (16-bit values written by the network shader, or by the
// CPU fallback) into colours: the diverging palette, and the 0.5 contour drawn as an
// anti-aliased line of constant width. The line's distance is estimated from the value's
// change between neighbouring pixels, so its width does not depend on how steep the network
// is. colorizeValues is the same computation on the CPU: the reference the tests compare the
// GPU against, and the fallback's colouring.

// Contour parameters, in device pixels: the line's half width.
const contourHalfWidth = 0.9

// colContour's alpha over the palette.
const contourAlpha = 0.85

// minGradient is the smallest change per pixel the contour trusts: 1.5 steps of the value
// image's 16 bits. Where a network is flat (or nearly, around 0.5), smaller changes are
// rounding noise: no line is drawn there rather than speckles, or a plane painted over.
const minGradient float32 = 1.5 / 65535

// genColorizeShader returns the colouring pass's Kage source, with the palette baked in from
// divergingStops.
func genColorizeShader() string {
	var b strings.Builder
	b.WriteString(`//kage:unit pixels

package main

// Contour is the contour's half width in pixels; 0 draws none.
var Contour float

// Disc, if above 0, is the side of the source's square cells (neuron heatmaps): everything
// outside the disc inscribed in each cell fades out.
var Disc float

// Classes, if above 0, says the source holds K > 2 classes (classes.go): the margin in red and
// green, the class and confidence in blue.
var Classes float

// Discrete, if 1, colours each pixel by its class alone (the palette's end for p < 0.5 or
// p >= 0.5; for K > 2 classes, each class at full confidence), without the probability's shading: "Discretize output".
var Discrete float

func value(pos vec2) float {
	o := imageSrc0Origin()
	s := imageSrc0Size()
	c := imageSrc0UnsafeAt(clamp(pos, o+0.5, o+s-0.5))
	return (floor(c.r*255.0+0.5)*256.0 + floor(c.g*255.0+0.5)) / 65535.0
}

func palette(p float) vec3 {
`)
	n := len(divergingStops) - 1
	fmt.Fprintf(&b, "\tt := clamp(p, 0.0, 1.0) * %d.0\n", n)
	for i := 0; i < n; i++ {
		c0, c1 := divergingStops[i], divergingStops[i+1]
		cond := fmt.Sprintf("if t < %d.0 ", i+1)
		if i == n-1 {
			cond = ""
		}
		if cond != "" {
			b.WriteString("\t" + cond + "{\n\t")
		}
		fmt.Fprintf(&b, "\treturn mix(vec3(%s), vec3(%s), t-%d.0)\n", vec3(c0), vec3(c1), i)
		if cond != "" {
			b.WriteString("\t}\n")
		}
	}
	fmt.Fprintf(&b, `}

func classes(srcPos vec2, color vec4) vec4 {
	o := imageSrc0Origin()
	s := imageSrc0Size()
	code := floor(imageSrc0UnsafeAt(clamp(srcPos, o+0.5, o+s-0.5)).b*255.0 + 0.5)
	k := floor(code / %d.0)
	t := (code - k*%d.0) / %d.0
	if Discrete > 0.0 {
		t = 1.0
	}
	c := %s
	if Contour > 0.0 {
		v := value(srcPos)
		g := max(max(abs(value(srcPos+vec2(1.0, 0.0))-v), abs(v-value(srcPos-vec2(1.0, 0.0)))),
			max(abs(value(srcPos+vec2(0.0, 1.0))-v), abs(v-value(srcPos-vec2(0.0, 1.0)))))
		d := (v - 0.5) / max(g, %s)
		a := clamp(Contour+0.5-d, 0.0, 1.0) * step(%s, g) * %s
		c = mix(c, vec3(%s), a)
	}
	return vec4(c, 1.0) * color.a
}

func Fragment(dstPos vec4, srcPos vec2, color vec4) vec4 {
	if Classes > 0.0 {
		return classes(srcPos, color)
	}
	p := value(srcPos)
	c := palette(p)
	if Discrete > 0.0 {
		c = palette(step(0.5, p))
	}
	if Contour > 0.0 {
		gx := abs(value(srcPos+vec2(1.0, 0.0)) - value(srcPos-vec2(1.0, 0.0)))
		gy := abs(value(srcPos+vec2(0.0, 1.0)) - value(srcPos-vec2(0.0, 1.0)))
		g := max(gx, gy) / 2.0
		d := abs(p-0.5) / max(g, %s)
		a := clamp(Contour+0.5-d, 0.0, 1.0) * step(%s, g) * %s
		c = mix(c, vec3(%s), a)
	}
	alpha := 1.0
	if Disc > 0.0 {
		r := Disc / 2.0
		alpha = clamp(r+0.5-length(mod(srcPos-imageSrc0Origin(), Disc)-r), 0.0, 1.0)
	}
	return vec4(c, 1.0) * alpha * color.a
}
`, confLevels, confLevels, confLevels-1, classFillExpr(), f32(minGradient), f32(minGradient), f32(contourAlpha), vec3(colContour),
		f32(minGradient), f32(minGradient), f32(contourAlpha), vec3(colContour))
	return b.String()
}

// classFillExpr is classFill in Kage, of the class k and the confidence t in [0, 1].
func classFillExpr() string {
	e := fmt.Sprintf("vec3(%s)", vec3(regionColor(nn.MaxClasses-1)))
	for k := nn.MaxClasses - 2; k >= 0; k-- {
		e = fmt.Sprintf("mix(vec3(%s), %s, step(%d.5, k))", vec3(regionColor(k)), e, k)
	}
	return fmt.Sprintf("mix(vec3(%s), %s, t)", vec3(colRegionNeutral), e)
}

func vec3(c rgba) string { return fmt.Sprintf("%s, %s, %s", f32(c.R), f32(c.G), f32(c.B)) }

// f32 writes v so that the shader compiler reads back the same float32.
func f32(v float32) string { return strconv.FormatFloat(float64(v), 'g', -1, 32) }

// colorizeAt returns the colour the colouring pass gives a pixel whose value is p and whose
// neighbours left, right, above and below have the given values, with a contour of half width
// contour (0 for none); discrete colours by the class alone, as the shader's Discrete does.
func colorizeAt(p, left, right, up, down float64, contour float64, discrete bool) rgba {
	c := probColor(p)
	if discrete {
		c = probColor(discreteClass(p))
	}
	if contour > 0 {
		g := max(math.Abs(right-left), math.Abs(down-up)) / 2
		if float32(g) >= minGradient {
			d := math.Abs(p-0.5) / max(g, float64(minGradient))
			a := float32(min(max(contour+0.5-d, 0), 1) * contourAlpha)
			c = c.mix(colContour, a)
		}
	}
	c.A = 1
	return c
}

// discreteClass is the shader's step(0.5, p): 1 for the class of p >= 0.5, else 0.
func discreteClass(p float64) float64 {
	if p >= 0.5 {
		return 1
	}
	return 0
}

// quantize16 rounds v in [0, 1] to the 16 bits the value image keeps, as the shader does.
func quantize16(v float64) float64 {
	return math.Floor(min(max(v, 0), 1)*65535+0.5) / 65535
}

// colorizeValues colours a w x h grid of values (row-major, top row first) into pix
// (premultiplied RGBA, 4*w*h bytes), clamping neighbours at the border as the shader does.
// Values are quantised to 16 bits first, like the value image. With disc, pixels outside the
// disc inscribed in the grid fade out, as the shader's Disc does; with discrete, each pixel
// has its class's colour (the shader's Discrete).
func colorizeValues(vals []float64, w, h int, contour float64, disc, discrete bool, pix []byte) {
	at := func(x, y int) float64 {
		x = min(max(x, 0), w-1)
		y = min(max(y, 0), h-1)
		return quantize16(vals[y*w+x])
	}
	r := float64(min(w, h)) / 2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := colorizeAt(at(x, y), at(x-1, y), at(x+1, y), at(x, y-1), at(x, y+1), contour, discrete)
			if disc {
				d := math.Hypot(float64(x)+0.5-float64(w)/2, float64(y)+0.5-float64(h)/2)
				a := float32(min(max(r+0.5-d, 0), 1))
				c = rgba{c.R * a, c.G * a, c.B * a, a}
			}
			b := c.bytes()
			copy(pix[4*(y*w+x):], b[:])
		}
	}
}
