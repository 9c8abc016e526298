package render

import (
	"image"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
)

// colorizer runs the colouring pass (colorize.go) from a value image region to a destination
// region of the same size.
type colorizer struct {
	shader  *ebiten.Shader
	contour []float32
	disc    []float32
	classes []float32
	discr   []float32
	opts    ebiten.DrawTrianglesShaderOptions
	verts   [4]ebiten.Vertex
	idx     [6]uint32
}

func newColorizer() (*colorizer, error) {
	sh, err := ebiten.NewShader([]byte(genColorizeShader()))
	if err != nil {
		return nil, err
	}
	c := &colorizer{shader: sh, contour: make([]float32, 1), disc: make([]float32, 1), classes: make([]float32, 1), discr: make([]float32, 1), idx: [6]uint32{0, 1, 2, 1, 3, 2}}
	c.opts.Uniforms = map[string]any{"Contour": c.contour, "Disc": c.disc, "Classes": c.classes, "Discrete": c.discr}
	c.opts.Blend = ebiten.BlendCopy
	return c, nil
}

// drawClasses colours src (a value image or sub-image) into dst at (x, y), same size: a value
// image of K > 2 classes (classes.go), or of values when classes is 0; discrete colours by
// class alone ("Discretize output").
func (c *colorizer) drawClasses(dst, src *ebiten.Image, x, y int, contour float32, discrete bool, classes int) {
	b := src.Bounds()
	c.set(contour, 0, discrete, classes)
	c.quad(dst, src, float32(x), float32(y), float32(b.Dx()), float32(b.Dy()))
}

// drawDiscs colours src, an atlas of square cells of cell pixels (heatmaps), into dst at the
// same place, with no contour and each cell faded outside its inscribed disc: one draw call.
func (c *colorizer) drawDiscs(dst, src *ebiten.Image, cell int) {
	b := src.Bounds()
	c.set(0, float32(cell), false, 0)
	c.quad(dst, src, float32(b.Min.X), float32(b.Min.Y), float32(b.Dx()), float32(b.Dy()))
}

// set sets the uniforms of the next draw: disc is the side of the cells whose inscribed discs
// are kept, 0 for none.
func (c *colorizer) set(contour, disc float32, discrete bool, classes int) {
	c.classes[0] = float32(classes)
	c.contour[0] = contour
	c.disc[0], c.discr[0] = disc, 0
	if discrete {
		c.discr[0] = 1
	}
}

// quad colours all of src into the w x h rectangle of dst at (x, y).
func (c *colorizer) quad(dst, src *ebiten.Image, x, y, w, h float32) {
	b := src.Bounds()
	sx, sy, sw, sh := float32(b.Min.X), float32(b.Min.Y), float32(b.Dx()), float32(b.Dy())
	for k, p := range [4][2]float32{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
		c.verts[k] = ebiten.Vertex{DstX: x + p[0]*w, DstY: y + p[1]*h, SrcX: sx + p[0]*sw, SrcY: sy + p[1]*sh, ColorA: 1}
	}
	c.opts.Images[0] = src
	dst.DrawTrianglesShader32(c.verts[:], c.idx[:], c.shader, &c.opts)
}

// planeField is the plane's coloured decision boundary, cached: it is recomputed only when
// the weights, the view or the plot's size change.
type planeField struct {
	valueImg, colorImg *ebiten.Image
	cpuImg             *ebiten.Image
	cpuPix             []byte
	w, h               int
	div                int // the grid's cell, in device pixels, of the last GPU update
	// The parts of valueImg and colorImg a grid of subDiv cells uses.
	valueSub, colorSub *ebiten.Image
	subDiv             int
	version            uint64
	view               app.View
	contour            float32
	discrete           bool // hard classes (app.Settings.Discretize)
	valid              bool
	cpu                bool // the last update ran on the CPU: draw cpuImg, scaled
}

// cpuCell is the size, in device pixels, of one CPU-evaluated cell when no shader is
// available: coarse enough for the largest network to stay within a frame in wasm.
const cpuCell = 6

// update recomputes the field if needed, for a w x h plot over view, evaluated on a grid of
// div x div device pixel cells (1: every device pixel), in hard classes if discrete.
func (f *planeField) update(e *evaluator, c *colorizer, w, h, div int, view app.View, version uint64, contour float32, discrete bool) {
	if w <= 0 || h <= 0 {
		return
	}
	div = max(1, div)
	if f.valid && f.w == w && f.h == h && f.div == div && f.view == view && f.version == version && f.contour == contour && f.discrete == discrete && f.cpu == !e.onGPU() {
		return
	}
	f.valid, f.version, f.view, f.contour, f.discrete = true, version, view, contour, discrete
	if f.w != w || f.h != h {
		f.dispose()
		f.w, f.h = w, h
	}
	if e.onGPU() && c != nil {
		f.cpu = false
		f.div = div
		if f.valueImg == nil {
			f.valueImg = ebiten.NewImage(w, h)
			f.colorImg = ebiten.NewImage(w, h)
		}
		if f.subDiv != div || f.valueSub == nil {
			// A coarser grid uses the top-left part of the images.
			r := image.Rect(0, 0, (w+div-1)/div, (h+div-1)/div)
			f.valueSub = f.valueImg.SubImage(r).(*ebiten.Image)
			f.colorSub = f.colorImg.SubImage(r).(*ebiten.Image)
			f.subDiv = div
		}
		e.drawValues(f.valueImg, f.valueSub.Bounds(), view, -1)
		c.drawClasses(f.colorImg, f.valueSub, 0, 0, contour/float32(div), discrete, e.classes())
		return
	}
	f.cpu = true
	cw, ch := max(1, (w+cpuCell-1)/cpuCell), max(1, (h+cpuCell-1)/cpuCell)
	if f.cpuImg == nil || f.cpuImg.Bounds().Dx() != cw || f.cpuImg.Bounds().Dy() != ch {
		if f.cpuImg != nil {
			f.cpuImg.Deallocate()
		}
		f.cpuImg = ebiten.NewImage(cw, ch)
		f.cpuPix = make([]byte, 4*cw*ch)
	}
	vals, err := e.cpuValues(cw, ch, view, -1)
	if err != nil {
		// Only a view the app would not produce (NaN bounds) gets here: show a neutral plane.
		for i := range f.cpuPix {
			f.cpuPix[i] = 0xff
		}
	} else if e.classes() > 0 {
		colorizeClasses(vals, cw, ch, float64(contour)/cpuCell, discrete, f.cpuPix)
	} else {
		colorizeValues(vals, cw, ch, float64(contour)/cpuCell, false, discrete, f.cpuPix)
	}
	f.cpuImg.WritePixels(f.cpuPix)
}

// draw paints the field into the plot rectangle of dst.
func (f *planeField) draw(dst *ebiten.Image, plot rect, opts *ebiten.DrawImageOptions) {
	if !f.valid {
		return
	}
	opts.GeoM.Reset()
	opts.Filter = ebiten.FilterNearest
	img := f.colorImg
	if !f.cpu && f.div > 1 && f.colorSub != nil {
		// The coarse grid, smoothly upscaled to the plot.
		img = f.colorSub
		opts.Filter = ebiten.FilterLinear
		b := img.Bounds()
		opts.GeoM.Scale(float64(plot.w())/float64(b.Dx()), float64(plot.h())/float64(b.Dy()))
	}
	if f.cpu {
		img = f.cpuImg
		opts.Filter = ebiten.FilterLinear
		b := img.Bounds()
		opts.GeoM.Scale(float64(plot.w())/float64(b.Dx()), float64(plot.h())/float64(b.Dy()))
	}
	if img == nil {
		return
	}
	opts.GeoM.Translate(float64(plot.X0), float64(plot.Y0))
	dst.DrawImage(img, opts)
}

func (f *planeField) dispose() {
	for _, img := range []*ebiten.Image{f.valueImg, f.colorImg} {
		if img != nil {
			img.Deallocate()
		}
	}
	f.valueImg, f.colorImg = nil, nil
	f.valueSub, f.colorSub, f.subDiv = nil, nil, 0
}

// heatmaps holds every neuron's own small heatmap over the plane, in one atlas of square
// cells: cell k is neuron k, numbered across layers from the input's first. On the GPU the
// atlas is evaluated in one draw call and coloured in another, whatever the number of neurons.
type heatmaps struct {
	valueImg, colorImg *ebiten.Image
	colorCells         []*ebiten.Image // sub-images, made once per atlas
	cpuPix             []byte
	n, cell, cols      int
	version            uint64
	view               app.View
	valid, cpu         bool
}

// cpuHeatCells is the CPU fallback's grid per neuron.
const cpuHeatCells = 20

// update recomputes the n heatmaps, each cell x cell device pixels, if needed.
func (hm *heatmaps) update(e *evaluator, c *colorizer, n, cell int, view app.View, version uint64) {
	if n <= 0 || cell <= 0 {
		return
	}
	cpu := !e.onGPU() || c == nil
	if hm.valid && hm.n == n && hm.cell == cell && hm.view == view && hm.version == version && hm.cpu == cpu {
		return
	}
	if hm.n != n || hm.cell != cell || hm.cpu != cpu {
		hm.dispose()
		hm.n, hm.cell = n, cell
	}
	hm.valid, hm.version, hm.view, hm.cpu = true, version, view, cpu
	size := cell
	if cpu {
		size = cpuHeatCells
	}
	if hm.colorImg == nil {
		cols := max(1, int(math.Ceil(math.Sqrt(float64(n)))))
		rows := (n + cols - 1) / cols
		hm.cols = cols
		hm.colorImg = ebiten.NewImage(cols*size, rows*size)
		if !cpu {
			hm.valueImg = ebiten.NewImage(cols*size, rows*size)
		}
		for k := 0; k < n; k++ {
			r := image.Rect(k%cols*size, k/cols*size, (k%cols+1)*size, (k/cols+1)*size)
			hm.colorCells = append(hm.colorCells, hm.colorImg.SubImage(r).(*ebiten.Image))
		}
		hm.cpuPix = make([]byte, 4*size*size)
	}
	if !cpu {
		e.drawCells(hm.valueImg, n, hm.cols, size, view)
		c.drawDiscs(hm.colorImg, hm.valueImg, size)
		return
	}
	for k := 0; k < n; k++ {
		vals, err := e.cpuValues(size, size, view, k)
		if err != nil {
			continue
		}
		colorizeValues(vals, size, size, 0, true, false, hm.cpuPix)
		hm.colorCells[k].WritePixels(hm.cpuPix)
	}
}

// sameShape reports whether the heatmaps are made for n neurons of cell pixels over view,
// whatever weights they show.
func (hm *heatmaps) sameShape(n, cell int, view app.View) bool {
	return hm.valid && hm.n == n && hm.cell == cell && hm.view == view
}

// heatInterval is how often the heatmaps follow the weights while training.
const heatInterval = 100 * time.Millisecond

// cellImage returns neuron k's heatmap, or nil.
func (hm *heatmaps) cellImage(k int) *ebiten.Image {
	if !hm.valid || k < 0 || k >= len(hm.colorCells) {
		return nil
	}
	return hm.colorCells[k]
}

func (hm *heatmaps) dispose() {
	for _, img := range []*ebiten.Image{hm.valueImg, hm.colorImg} {
		if img != nil {
			img.Deallocate()
		}
	}
	hm.valueImg, hm.colorImg = nil, nil
	hm.colorCells = hm.colorCells[:0]
}
