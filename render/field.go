package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
)

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
