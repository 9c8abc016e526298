package render

import "github.com/hajimehoshi/ebiten/v2"

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
