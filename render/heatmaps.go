package render

import (
	"image"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
)

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
