package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// This file generates the Kage program that evaluates a network at every pixel. The network's
// shape, activation and cost are baked into the source (the loops unrolled, the activation
// inlined); the weights arrive as uniforms, or, for networks too large for the uniform budget,
// as a small texture.
//
// Packing: layer l's neurons go four to a vec4 ("group"). For each group g and each input j
// (neuron j of layer l-1), one vec4 holds w_l[4g..4g+3, j]; the weighted sum of the group is
// then b + a_{l-1}[0]*W[..] + a_{l-1}[1]*W[..] + ..., one multiply-add of vec4s per input.
// Lanes past the layer's size have zero weights and bias; nothing reads them downstream.

// MinUniformVectors is the number of vec4 uniforms WebGL2 guarantees a fragment shader (the
// vertex shader gets 256). Ebiten declares every uniform in both stages.
const MinUniformVectors = 224

// reservedUniforms is what the generated program's uniforms take besides the weights and
// biases: ebiten's own 19 vectors, Origin, Step, Hidden and WScale, and one per layer (Shape).
func reservedUniforms(layers int) int { return 19 + 4 + layers }

// weightSource says where the generated shader reads weights from.
type weightSource int

const (
	fromUniforms weightSource = iota
	fromTexture
)

// shaderKey identifies a generated program: everything baked into its source.
type shaderKey struct {
	layers string // "2-3-2"
	act    nn.Activation
	cost   nn.Cost
	task   string // taskKey
	src    weightSource
}

// taskKey names a task in a shaderKey: "classification:x,y".
func taskKey(t nn.Task) string {
	return t.Problem.String() + ":" + nn.FormatFeatures(t.InputFeatures())
}

// valueShade maps a regression's value onto the plane's [0, 1] scale, as the shader does: -1
// to 0 (the colour of label -1), 0 to the neutral 0.5, 1 to 1.
func valueShade(v float64) float64 { return min(max((v+1)/2, 0), 1) }

func layersKey(layers []int) string {
	var b strings.Builder
	for i, n := range layers {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

func groups(n int) int { return (n + 3) / 4 }

// packing locates each layer's weight and bias vec4s in the packed arrays.
type packing struct {
	layers     []int
	wBase      []int // wBase[l] is the first weight vec4 of layer l (index l-1 unused for l=1)
	bBase      []int
	nW, nB     int
	firstUnit  []int // flat index of each layer's first neuron (layers 1..L), for neuron selection
	totalUnits int
}

func newPacking(layers []int) packing {
	L := len(layers)
	p := packing{layers: layers, wBase: make([]int, L+1), bBase: make([]int, L+1), firstUnit: make([]int, L+1)}
	for l := 1; l <= L; l++ {
		p.firstUnit[l] = p.totalUnits
		p.totalUnits += layers[l-1]
		if l == 1 {
			continue
		}
		p.wBase[l], p.bBase[l] = p.nW, p.nB
		p.nW += groups(layers[l-1]) * 4 * groups(layers[l-2])
		p.nB += groups(layers[l-1])
	}
	return p
}

// shapeUniforms returns the uniforms that describe the shape to the shader.
func (p packing) shapeUniforms() map[string]any {
	L := len(p.layers)
	sizes, wb, bb, first := make([]float32, L), make([]float32, L), make([]float32, L), make([]float32, L)
	for i := range L {
		sizes[i] = float32(p.layers[i])
		wb[i], bb[i], first[i] = float32(p.wBase[i+1]), float32(p.bBase[i+1]), float32(p.firstUnit[i+1])
	}
	shape := make([]float32, 0, 4*L)
	for i := range L {
		shape = append(shape, sizes[i], wb[i], bb[i], first[i])
	}
	return map[string]any{"Shape": shape, "Hidden": []float32{float32(L - 2)}}
}

// vec4s is how many vec4s the weights and biases take.
func (p packing) vec4s() int { return p.nW + p.nB }

// pack writes the network's weights and biases into w (4*nW floats) and b (4*nB floats).
// The network must have the packing's shape.
func (p packing) pack(net *nn.Network, w, b []float32) {
	for l := 2; l <= len(p.layers); l++ {
		n, np := p.layers[l-1], p.layers[l-2]
		wd := net.W(l).RawMatrix()
		bd := net.B(l).RawMatrix()
		for g := 0; g < groups(n); g++ {
			for lane := 0; lane < 4; lane++ {
				i := 4*g + lane
				bv := float32(0)
				if i < n {
					bv = float32(bd.Data[i*bd.Stride])
				}
				b[4*(p.bBase[l]+g)+lane] = bv
				for j := 0; j < 4*groups(np); j++ {
					wv := float32(0)
					if i < n && j < np {
						wv = float32(wd.Data[i*wd.Stride+j])
					}
					w[4*(p.wBase[l]+g*4*groups(np)+j)+lane] = wv
				}
			}
		}
	}
}

// Neuron value encodings: how a neuron's activation maps onto [0, 1] for its heatmap and its
// fill colour. Probabilities and sigmoids are already there; tanh is stretched from [-1, 1];
// unbounded values (inputs, ReLU, linear) are squashed so that 0 sits at the neutral middle.
type unitEncoding int

const (
	encUnit unitEncoding = iota
	encSigned
	encUnbounded
)

// layerEncoding returns how the activations of layer l (1-based) of a network are shown.
func layerEncoding(l, L int, act nn.Activation, cost nn.Cost, problem nn.Problem) unitEncoding {
	switch {
	case l == 1:
		return encUnbounded
	case l == L && problem == nn.Regression:
		return encSigned // the value, on the plane's scale
	case l == L && cost == nn.CrossEntropy:
		return encUnit
	case act == nn.Sigmoid:
		return encUnit
	case act == nn.Tanh:
		return encSigned
	default:
		return encUnbounded
	}
}

// unbounded values are squashed by tanh(v/unboundedScale).
const unboundedScale = 2.0

// genNetShader returns the Kage source of the network evaluator for a shape. The program draws
// into a value image: at each pixel it computes, for the data point under the pixel centre,
// Prob (when sel < 0) or the encoded activation of neuron sel (flat index over all layers),
// and writes it as 16 bits in red and green.
//
// Uniforms: Origin (data coordinates of a rectangle's top-left corner), Step (data units per
// pixel, y negative), and either W/B or WScale (texture mode). Each rectangle drawn says in its
// vertices' colour what it shows: red is sel, green and blue the rectangle's top-left corner in
// the target's pixels. So one draw call fills many rectangles, each with its own neuron: every
// neuron's heatmap in an atlas at once.
func genNetShader(layers []int, act nn.Activation, cost nn.Cost, task nn.Task, src weightSource) string {
	p := newPacking(layers)
	L := len(layers)
	var b strings.Builder
	pf := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	pf("//kage:unit pixels\n\npackage main\n\n")
	pf("var Origin vec2\nvar Step vec2\n")
	pf("// Shape[i] describes layer i+1 (the input is 0): its size, the first vec4 of its weights\n")
	pf("// first vec4 of its weights and of its biases, the flat index of its first neuron.\n")
	pf("// and of its biases, the flat index of its first neuron. Hidden counts the hidden layers.\n")
	pf("var Shape [%d]vec4\nvar Hidden float\n", L)
	wref := func(k string) string { return "W[" + k + "]" }
	bref := func(k string) string { return "B[" + k + "]" }
	if src == fromUniforms {
		pf("var W [%d]vec4\nvar B [%d]vec4\n\n", p.nW, p.nB)
	} else {
		pf("var WScale float\n\n")
		pf(`// tex decodes scalar k of the weight texture: 24 bits in red, green and blue, offset binary
// scaled by WScale.
func tex(k float) float {
	y := floor(k / %d.0)
	x := k - y*%d.0
	c := imageSrc0UnsafeAt(imageSrc0Origin() + vec2(x+0.5, y+0.5))
	n := floor(c.r*255.0+0.5)*65536.0 + floor(c.g*255.0+0.5)*256.0 + floor(c.b*255.0+0.5)
	return (n/8388608.0 - 1.0) * WScale
}

func wv(k float) vec4 {
	return vec4(tex(4*k), tex(4*k+1), tex(4*k+2), tex(4*k+3))
}

`, weightTexWidth, weightTexWidth)
		wref = func(k string) string { return "wv(float(" + k + "))" }
		bref = func(k string) string { return fmt.Sprintf("wv(float(%d+%s))", p.nW, k) }
	}
	switch act {
	case nn.Sigmoid:
		pf("func act(z vec4) vec4 {\n\treturn 1.0 / (1.0 + exp(-clamp(z, -30.0, 30.0)))\n}\n\n")
	case nn.Tanh:
		pf("func act(z vec4) vec4 {\n\treturn 1.0 - 2.0/(exp(2.0*clamp(z, -15.0, 15.0))+1.0)\n}\n\n")
	case nn.ReLU:
		pf("func act(z vec4) vec4 {\n\treturn max(z, 0.0)\n}\n\n")
	default:
		pf("func act(z vec4) vec4 {\n\treturn z\n}\n\n")
	}
	pf(`// pick is 1 in lane d (0..3) and 0 in the others.
func pick(d int) vec4 {
	return clamp(1.0-abs(float(d)-vec4(0.0, 1.0, 2.0, 3.0)), 0.0, 1.0)
}

// lane returns lane k (0..15) of the activations h0..h3.
func lane(h0, h1, h2, h3 vec4, k int) float {
	h := h0
	if k >= 12 {
		h = h3
	} else if k >= 8 {
		h = h2
	} else if k >= 4 {
		h = h1
	}
	return dot(h, pick(k-k/4*4))
}

func Fragment(dstPos vec4, srcPos vec2, color vec4) vec4 {
	// The colour is the same at every vertex of a rectangle: rounding undoes interpolation.
	sel := floor(color.r + 0.5)
	q := Origin + (dstPos.xy-imageDstOrigin()-color.gb)*Step
`)
	// The input column a_1: the task's features of the point, four to a vec4.
	in := [4][4]string{}
	for g := range in {
		for k := range in[g] {
			in[g][k] = "0.0"
		}
	}
	for i, f := range task.InputFeatures() {
		in[i/4][i%4] = featureExpr(f)
	}
	for g, h := range in {
		pf("\th%d := vec4(%s, %s, %s, %s)\n", g, h[0], h[1], h[2], h[3])
	}
	pf("\tv := 0.0\n")
	// A layer's activations live in four vec4s (16 lanes, nn.MaxNeurons). One loop runs over
	// the hidden layers and, inside, one over the layer's input groups of four, with a mat4
	// multiply per output group. Both loops end on a break that depends on uniforms (Shape,
	// Hidden), so no compiler can unroll them and the program stays the same size for any
	// depth: unrolled, the largest network took GLSL compilers (Mesa's) tens of seconds.
	sel := func(indent string, l int, first string) {
		pf("%sif sel >= %s && sel < %s+%s {\n%s\tv = %s(lane(h0, h1, h2, h3, int(sel-%s)))\n%s}\n",
			indent, first, first, "n", indent, encFunc(layerEncoding(l, L, act, cost, task.Problem)), first, indent)
	}
	pf("\tn := %d.0\n", layers[0])
	sel("\t", 1, "0.0")
	layer := func(indent string, output bool) {
		in := indent
		pf("%sn0 := %s\n", in, bref("bb"))
		if !output {
			pf("%sni := int(n)\n%sn1 := vec4(0.0)\n%sn2 := vec4(0.0)\n%sn3 := vec4(0.0)\n", in, in, in, in)
			for g := 1; g < 4; g++ {
				pf("%sif ni > %d {\n%s\tn%d = %s\n%s}\n", in, 4*g, in, g, bref(fmt.Sprintf("bb+%d", g)), in)
			}
		}
		pf("%sfor k := 0; k < %d; k++ {\n", in, loopBound)
		pf("%s\tif 4*k >= np {\n%s\t\tbreak\n%s\t}\n", in, in, in)
		pf("%s\th := h0\n%s\tif k == 1 {\n%s\t\th = h1\n%s\t} else if k == 2 {\n%s\t\th = h2\n%s\t} else if k == 3 {\n%s\t\th = h3\n%s\t}\n", in, in, in, in, in, in, in, in)
		pf("%s\tc := wb + 4*k\n", in)
		mul := func(g int) string {
			return fmt.Sprintf("n%d += mat4(%s, %s, %s, %s) * h", g, wref("c"), wref("c+1"), wref("c+2"), wref("c+3"))
		}
		pf("%s\t%s\n", in, mul(0))
		if !output {
			for g := 1; g < 4; g++ {
				pf("%s\tif ni > %d {\n%s\t\tc += stride\n%s\t\t%s\n%s\t}\n", in, 4*g, in, in, mul(g), in)
			}
		}
		pf("%s}\n", in)
	}
	// Hidden layers: l = li+1 in the notebook's numbering.
	pf("\tfor li := 1; li < %d; li++ {\n", loopBound)
	pf("\t\tif li >= int(Hidden)+1 {\n\t\t\tbreak\n\t\t}\n")
	pf("\t\tnp := int(Shape[li-1].x)\n\t\tn = Shape[li].x\n\t\twb := int(Shape[li].y)\n\t\tbb := int(Shape[li].z)\n\t\tstride := 4 * ((np + 3) / 4)\n")
	layer("\t\t", false)
	pf("\t\th0 = act(n0)\n\t\th1 = act(n1)\n\t\th2 = act(n2)\n\t\th3 = act(n3)\n")
	// Lanes past the layer's size hold act(0); the next layer's weights for them are zero.
	if L > 2 {
		sel("\t\t", 2, "Shape[li].w")
	}
	pf("\t}\n")
	// The output layer: two neurons (one for a regression) in one group; K classes in two.
	K := layers[L-1]
	pf("\t{\n\t\tnp := int(Shape[%d].x)\n\t\tn = %d.0\n\t\twb := %d\n\t\tbb := %d\n", L-2, K, p.wBase[L], p.bBase[L])
	if K > 2 {
		pf("\t\tstride := 4 * ((np + 3) / 4)\n")
	}
	layer("\t\t", K <= 2)
	if K > 2 {
		pf("\t\th1 = vec4(0.0)\n")
		if cost == nn.CrossEntropy {
			// The softmax over the K outputs, the largest taken out so that nothing overflows.
			lane := func(i int) string { return fmt.Sprintf("n%d.%c", i/4, "xyzw"[i%4]) }
			pf("\t\tmx := %s\n", lane(0))
			for i := 1; i < K; i++ {
				pf("\t\tmx = max(mx, %s)\n", lane(i))
			}
			var e [8]string
			for i := range e {
				e[i] = "0.0"
			}
			for i := range K {
				pf("\t\te%d := exp(%s - mx)\n", i, lane(i))
				e[i] = fmt.Sprintf("e%d", i)
			}
			pf("\t\tsum := %s\n", strings.Join(e[:K], " + "))
			pf("\t\th0 = vec4(%s, %s, %s, %s) / sum\n", e[0], e[1], e[2], e[3])
			pf("\t\th1 = vec4(%s, %s, %s, %s) / sum\n", e[4], e[5], e[6], e[7])
		} else {
			pf("\t\th0 = act(n0)\n\t\th1 = act(n1)\n")
		}
		pf("\t\th2 = vec4(0.0)\n\t\th3 = vec4(0.0)\n")
	} else if task.Problem == nn.Regression {
		pf("\t\th0 = n0\n") // a linear output
	} else if cost == nn.CrossEntropy {
		// softmax over the two outputs: a_L[2] = 1/(1+e^(z1-z2)).
		pf("\t\tpr := 1.0 / (1.0 + exp(clamp(n0.x-n0.y, -30.0, 30.0)))\n")
		pf("\t\th0 = vec4(1.0-pr, pr, 0.0, 0.0)\n")
	} else {
		pf("\t\th0 = act(n0)\n")
	}
	if K <= 2 {
		pf("\t\th1 = vec4(0.0)\n\t\th2 = vec4(0.0)\n\t\th3 = vec4(0.0)\n")
	}
	sel("\t\t", L, fmt.Sprintf("%d.0", p.firstUnit[L]))
	pf("\t}\n")
	if K > 2 {
		pf("\tif sel < 0.0 {\n%s\t}\n", classShaderTail(K, cost == nn.CrossEntropy))
	}
	// Prob, as nn.Network.Prob defines it; a regression's value as valueShade maps it.
	if K > 2 {
		pf("\tpr := 0.0\n") // the classes' pixels returned above
	} else if task.Problem == nn.Regression {
		pf("\tpr := clamp((h0.x+1.0)/2.0, 0.0, 1.0)\n")
	} else if cost == nn.CrossEntropy {
		pf("\tpr := h0.y\n")
	} else {
		pf("\tpr := clamp(0.5+(h0.y-h0.x)/2.0, 0.0, 1.0)\n")
	}
	pf("\tif sel < 0.0 {\n\t\tv = pr\n\t}\n")
	pf(`	k := floor(clamp(v, 0.0, 1.0)*65535.0 + 0.5)
	hi := floor(k / 256.0)
	return vec4(hi/255.0, (k-hi*256.0)/255.0, 0.0, 1.0)
}
`)
	// The encodings, used above by name.
	pf(`
func encUnit(v float) float {
	return v
}

func encSigned(v float) float {
	return (v + 1.0) / 2.0
}

func encUnbounded(v float) float {
	e := exp(2.0 * clamp(v/%.1f, -15.0, 15.0))
	return 0.5 + 0.5*(1.0-2.0/(e+1.0))
}
`, unboundedScale)
	return b.String()
}

// featureExpr is a feature of the point q in Kage.
func featureExpr(f nn.Feature) string {
	switch f {
	case nn.FeatX:
		return "q.x"
	case nn.FeatY:
		return "q.y"
	case nn.FeatX2:
		return "q.x*q.x"
	case nn.FeatY2:
		return "q.y*q.y"
	case nn.FeatXY:
		return "q.x*q.y"
	case nn.FeatSinX:
		return "sin(q.x)"
	case nn.FeatSinY:
		return "sin(q.y)"
	}
	panic("render: unknown feature " + f.String())
}

func encFunc(e unitEncoding) string {
	return [...]string{"encUnit", "encSigned", "encUnbounded"}[e]
}

// weightTexWidth is the width, in texels, of the weight texture.
const weightTexWidth = 64

// loopBound is the constant bound of the shader's layer loops, which really end at a break on
// a uniform. GLSL compilers (Mesa's among them) fully unroll a loop whose constant bound is
// small even when it has other exits; past a few dozen iterations they leave it rolled.
const loopBound = 1024
