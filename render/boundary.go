package render

import (
	"image"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// evaluator computes a network's values over a rectangle of the plane: Prob for the decision
// boundary, or one neuron's activation for its heatmap. It prefers a generated shader (one
// per shape, activation and cost, cached) and falls back to the CPU (nn's grids) when a shader
// cannot be built.
type evaluator struct {
	shaders map[shaderKey]*ebiten.Shader // nil values record shapes that failed to compile
	key     shaderKey
	shader  *ebiten.Shader // the current network's, nil if it runs on the CPU
	pack    packing
	net     *nn.Network
	version uint64
	hasNet  bool

	// Uniform backing arrays, kept in the map for the program's life so that setting
	// uniforms allocates nothing per draw.
	wbuf, bbuf     []float32
	origin, step   []float32
	wscale         []float32
	uniforms       map[string]any
	weightImg      *ebiten.Image // texture mode
	weightPix      []byte
	verts          []ebiten.Vertex // of the rectangles of one draw, four each
	idx            []uint32
	opts           ebiten.DrawTrianglesShaderOptions
	uniformLimit   int // vec4 uniforms the GPU allows; more weights go in a texture
	generate       func(layers []int, act nn.Activation, cost nn.Cost, task nn.Task, src weightSource) string
	task           nn.Task // the current network's task
	outs           []float64
	compileErr     error // the last shader failure, for diagnostics
	xs, ys, values []float64
}

func newEvaluator() *evaluator {
	return &evaluator{
		shaders:      map[shaderKey]*ebiten.Shader{},
		uniformLimit: MinUniformVectors,
		generate:     genNetShader,
		origin:       make([]float32, 2),
		step:         make([]float32, 2),
		wscale:       make([]float32, 1),
	}
}

// setNetwork makes net (owned by the caller, read only at the calls below) the network to
// evaluate. It rebuilds the shader only when the shape, activation or cost change, and repacks
// the weights only when version changes.
func (e *evaluator) setNetwork(net *nn.Network, version uint64) {
	if e.hasNet && net == e.net && version == e.version {
		return
	}
	act, cost := activationCost(net)
	if e.hasNet && act == e.key.act && cost == e.key.cost && slices.Equal(net.Layers(), e.pack.layers) && net.Task().Equal(e.task) {
		e.net = net
		e.version = version
		e.repack()
		return
	}
	cfg := net.Config()
	key := shaderKey{layers: layersKey(cfg.Layers), act: cfg.Activation, cost: cfg.Cost, task: taskKey(cfg.Task)}
	p := newPacking(cfg.Layers)
	if p.vec4s()+reservedUniforms(len(cfg.Layers)) > e.uniformLimit {
		key.src = fromTexture
	}
	shapeChanged := !e.hasNet || key != e.key
	e.net, e.hasNet, e.task = net, true, cfg.Task
	if shapeChanged {
		e.key, e.pack = key, p
		e.shader = e.compile(key, cfg)
		e.wbuf = make([]float32, 4*p.nW)
		e.bbuf = make([]float32, 4*p.nB)
		e.uniforms = map[string]any{"Origin": e.origin, "Step": e.step}
		for name, v := range p.shapeUniforms() {
			e.uniforms[name] = v
		}
		if key.src == fromUniforms {
			e.uniforms["W"], e.uniforms["B"] = e.wbuf, e.bbuf
		} else {
			e.uniforms["WScale"] = e.wscale
			rows := (4*(p.nW+p.nB) + weightTexWidth - 1) / weightTexWidth
			if e.weightImg != nil {
				e.weightImg.Deallocate()
			}
			e.weightImg = ebiten.NewImageWithOptions(image.Rect(0, 0, weightTexWidth, rows), &ebiten.NewImageOptions{Unmanaged: true})
			e.weightPix = make([]byte, 4*weightTexWidth*rows)
		}
		e.opts.Uniforms = e.uniforms
	}
	e.version = version
	e.repack()
}

// repack copies the weights into the uniform arrays or the weight texture.
func (e *evaluator) repack() {
	e.pack.pack(e.net, e.wbuf, e.bbuf)
	if e.key.src == fromTexture && e.weightImg != nil {
		e.wscale[0] = encodeWeights(e.weightPix, e.wbuf, e.bbuf)
		e.weightImg.WritePixels(e.weightPix)
	}
}

// activationCost returns the network's activation and cost. nn.Network.Config copies the
// layer sizes; a network that offers the two directly is asked without that allocation.
func activationCost(net *nn.Network) (nn.Activation, nn.Cost) {
	if ac, ok := any(net).(interface {
		Activation() nn.Activation
		Cost() nn.Cost
	}); ok {
		return ac.Activation(), ac.Cost()
	}
	cfg := net.Config()
	return cfg.Activation, cfg.Cost
}

func (e *evaluator) compile(key shaderKey, cfg nn.Config) *ebiten.Shader {
	if sh, ok := e.shaders[key]; ok {
		return sh
	}
	sh, err := ebiten.NewShader([]byte(e.generate(cfg.Layers, cfg.Activation, cfg.Cost, cfg.Task, key.src)))
	if err != nil {
		e.compileErr = err
		sh = nil
	}
	e.shaders[key] = sh
	return sh
}

// encodeWeights writes the weights and then the biases into pix, one value per texel as
// 24-bit offset binary in red, green and blue (alpha opaque so that nothing premultiplies
// them), and returns the scale: the power of two at least as large as every magnitude.
func encodeWeights(pix []byte, w, b []float32) float32 {
	m := float32(1)
	for _, v := range w {
		m = max(m, abs32(v))
	}
	for _, v := range b {
		m = max(m, abs32(v))
	}
	scale := float32(math.Pow(2, math.Ceil(math.Log2(float64(m)))))
	k := 0
	put := func(v float32) {
		n := math.Round((float64(v)/float64(scale) + 1) * (1 << 23))
		u := uint32(min(max(n, 0), 1<<24-1))
		pix[4*k], pix[4*k+1], pix[4*k+2], pix[4*k+3] = byte(u>>16), byte(u>>8), byte(u), 0xff
		k++
	}
	for _, v := range w {
		put(v)
	}
	for _, v := range b {
		put(v)
	}
	return scale
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	if v != v {
		return math.MaxFloat32
	}
	return v
}

// setUniformLimit sets how many vec4 uniforms a shader may use; a change rebuilds the shader
// at the next setNetwork.
func (e *evaluator) setUniformLimit(n int) {
	n = max(n, MinUniformVectors)
	if n != e.uniformLimit {
		e.uniformLimit = n
		e.hasNet = false
	}
}

// classes is the number of classes when there are more than two (the plane then shows classes,
// see classes.go), else 0.
func (e *evaluator) classes() int {
	if k := e.task.NumClasses(); k > 2 {
		return k
	}
	return 0
}

// onGPU reports whether values are computed by a shader.
func (e *evaluator) onGPU() bool { return e.shader != nil }

// drawValues evaluates the network over view into the rectangle r of dst (a value image):
// Prob when sel < 0, else the encoded activation of neuron sel, numbered across all layers
// from the input's first. It needs a shader (onGPU).
func (e *evaluator) drawValues(dst *ebiten.Image, r image.Rectangle, view app.View, sel int) {
	e.setView(view, r.Dx(), r.Dy())
	e.verts, e.idx = e.verts[:0], e.idx[:0]
	e.addRect(r, sel)
	e.draw(dst)
}

// drawCells evaluates neurons 0 to n-1 into an atlas dst of square cells of cell pixels, cols
// to a row, each over view: neuron k's encoded activation in cell (k%cols, k/cols). It is one
// draw call, whatever n. It needs a shader (onGPU).
func (e *evaluator) drawCells(dst *ebiten.Image, n, cols, cell int, view app.View) {
	e.setView(view, cell, cell)
	e.verts, e.idx = e.verts[:0], e.idx[:0]
	for k := range n {
		x, y := k%cols*cell, k/cols*cell
		e.addRect(image.Rect(x, y, x+cell, y+cell), k)
	}
	e.draw(dst)
}

// setView sets the uniforms for rectangles of w x h pixels over view.
func (e *evaluator) setView(view app.View, w, h int) {
	sx, sy := (view.XMax-view.XMin)/float64(w), (view.YMax-view.YMin)/float64(h)
	e.origin[0], e.origin[1] = float32(view.XMin), float32(view.YMax)
	e.step[0], e.step[1] = float32(sx), -float32(sy)
}

// addRect queues the rectangle r of the target, showing sel (-1: Prob): the vertices' colour
// carries sel and r's corner to the shader (genNetShader).
func (e *evaluator) addRect(r image.Rectangle, sel int) {
	x0, y0, x1, y1 := float32(r.Min.X), float32(r.Min.Y), float32(r.Max.X), float32(r.Max.Y)
	base := uint32(len(e.verts))
	for _, p := range [4][2]float32{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		e.verts = append(e.verts, ebiten.Vertex{DstX: p[0], DstY: p[1], ColorR: float32(sel), ColorG: x0, ColorB: y0, ColorA: 1})
	}
	e.idx = append(e.idx, base, base+1, base+2, base+1, base+3, base+2)
}

// draw draws the queued rectangles into dst.
func (e *evaluator) draw(dst *ebiten.Image) {
	e.opts.Images[0] = nil
	if e.key.src == fromTexture {
		e.opts.Images[0] = e.weightImg
	}
	e.opts.Blend = ebiten.BlendCopy
	dst.DrawTrianglesShader32(e.verts, e.idx, e.shader, &e.opts)
}

// cpuValues evaluates the network on the CPU at the centres of a w x h grid of pixels over
// view, exactly where drawValues samples: Prob when sel < 0, else neuron sel's encoded
// activation. The result (row-major, top row first) is reused by the next call.
func (e *evaluator) cpuValues(w, h int, view app.View, sel int) ([]float64, error) {
	e.xs = grow(e.xs, w)
	e.ys = grow(e.ys, h)
	e.values = grow(e.values, w*h)
	sx, sy := (view.XMax-view.XMin)/float64(w), (view.YMax-view.YMin)/float64(h)
	for i := range e.xs {
		e.xs[i] = view.XMin + (float64(i)+0.5)*sx
	}
	for j := range e.ys {
		e.ys[j] = view.YMax - (float64(j)+0.5)*sy
	}
	if k := e.classes(); sel < 0 && k > 0 {
		e.outs = grow(e.outs, k*w*h)
		if err := e.net.OutputGrid(e.xs, e.ys, e.outs); err != nil {
			return nil, err
		}
		ce := e.net.Cost() == nn.CrossEntropy
		for i := range e.values {
			e.values[i] = packClass(encodeClasses(e.outs[k*i:k*(i+1)], ce))
		}
		return e.values, nil
	}
	if sel < 0 {
		if err := e.net.ProbGrid(e.xs, e.ys, e.values); err != nil {
			return nil, err
		}
		if e.net.Task().Problem == nn.Regression {
			for k, v := range e.values {
				e.values[k] = valueShade(v)
			}
		}
		return e.values, nil
	}
	l, i := e.pack.neuron(sel)
	if err := e.net.NeuronGrid(l, i, e.xs, e.ys, e.values); err != nil {
		return nil, err
	}
	cfg := e.net.Config()
	enc := layerEncoding(l, e.net.L(), cfg.Activation, cfg.Cost, cfg.Task.Problem)
	for k, v := range e.values {
		e.values[k] = encodeUnit(enc, v)
	}
	return e.values, nil
}

// neuron returns the layer (1-based) and index (0-based) of the flat neuron number k.
func (p packing) neuron(k int) (l, i int) {
	for l = len(p.layers); l > 1 && p.firstUnit[l] > k; l-- {
	}
	return l, k - p.firstUnit[l]
}

// encodeUnit maps an activation onto [0, 1] as the shader's encodings do.
func encodeUnit(enc unitEncoding, v float64) float64 {
	switch enc {
	case encSigned:
		return (v + 1) / 2
	case encUnbounded:
		return 0.5 + 0.5*math.Tanh(v/unboundedScale)
	default:
		return v
	}
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
