package render

//go:generate go run ./internal/fontgen -o fontdata.go

import (
	"image"
	"math"
	"unsafe"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/vector"
)

// fontFace is one face's outlines as fontgen writes them, in font units with the y axis
// pointing down from the baseline. Glyph g's path is ops[offsets[g]:offsets[g+1]]: an opcode
// (0 move, 1 line, 2 quadratic, 3 cubic) followed by 1, 1, 2 or 3 points.
type fontFace struct {
	unitsPerEm, ascent, descent, lineHeight int
	advances                                []int16
	offsets                                 []int32
	ops                                     []int16
}

// extraGlyphs maps the non-ASCII runes of fontRunes to their glyph index.
var extraGlyphs = func() map[rune]int {
	m := map[rune]int{}
	i := 0
	for _, r := range fontRunes {
		if r >= 127 {
			m[r] = i
		}
		i++
	}
	return m
}()

// glyphIndex returns the glyph of r, or the glyph of '?' when the face lacks it.
func glyphIndex(r rune) int {
	if r >= 32 && r < 127 {
		return int(r - 32)
	}
	if i, ok := extraGlyphs[r]; ok {
		return i
	}
	return '?' - 32
}

// bounds returns the control-point box of glyph g in font units (a box that contains the
// outline, since each curve lies within its control points' hull).
func (f *fontFace) bounds(g int) (x0, y0, x1, y1 int) {
	ops := f.ops[f.offsets[g]:f.offsets[g+1]]
	x0, y0, x1, y1 = math.MaxInt, math.MaxInt, math.MinInt, math.MinInt
	for i := 0; i < len(ops); {
		n := [...]int{1, 1, 2, 3}[ops[i]]
		for k := 0; k < n; k++ {
			x, y := int(ops[i+1+2*k]), int(ops[i+2+2*k])
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
		i += 1 + 2*n
	}
	if x0 > x1 {
		return 0, 0, 0, 0
	}
	return
}

// appendPath adds glyph g to the rasteriser z, scaled by s and with its origin at (ox, oy).
func (f *fontFace) appendPath(z *vector.Rasterizer, g int, s, ox, oy float32) {
	ops := f.ops[f.offsets[g]:f.offsets[g+1]]
	pt := func(k int) (float32, float32) { return ox + float32(ops[k])*s, oy + float32(ops[k+1])*s }
	for i := 0; i < len(ops); {
		switch ops[i] {
		case 0:
			if i > 0 {
				z.ClosePath() // contours are closed, as in the font
			}
			z.MoveTo(pt(i + 1))
			i += 3
		case 1:
			z.LineTo(pt(i + 1))
			i += 3
		case 2:
			x1, y1 := pt(i + 1)
			x2, y2 := pt(i + 3)
			z.QuadTo(x1, y1, x2, y2)
			i += 5
		default:
			x1, y1 := pt(i + 1)
			x2, y2 := pt(i + 3)
			x3, y3 := pt(i + 5)
			z.CubeTo(x1, y1, x2, y2, x3, y3)
			i += 7
		}
	}
	if len(ops) > 0 {
		z.ClosePath()
	}
}

// glyphCell is where a glyph lies in an atlas, and where its origin lies in the cell.
type glyphCell struct {
	rect           image.Rectangle
	originX, origY int
	advance        float32
}

// atlas holds one face's glyphs rasterised at one pixel size, and the quads of the text drawn
// with it this frame.
type atlas struct {
	face  *fontFace
	size  float32 // em size in device pixels
	cells []glyphCell
	w, h  int
	img   *ebiten.Image // nil until first drawn: rasterising needs the game loop
	used  int           // the frame it was last used in
	quads [layerCount]quads
}

// quads are the glyph quads queued for one drawing layer.
type quads struct {
	verts []ebiten.Vertex
	idx   []uint32
}

const atlasPad = 1

// newAtlas lays out the glyphs of face at size px in rows. It does not rasterise them.
func newAtlas(face *fontFace, size float32) *atlas {
	a := &atlas{face: face, size: size, cells: make([]glyphCell, len(face.advances))}
	s := size / float32(face.unitsPerEm)
	width := 512
	if size > 40 {
		width = 2048
	} else if size > 20 {
		width = 1024
	}
	x, y, rowH := 0, 0, 0
	for g := range a.cells {
		bx0, by0, bx1, by1 := face.bounds(g)
		fx0, fy0 := int(math.Floor(float64(float32(bx0)*s))), int(math.Floor(float64(float32(by0)*s)))
		fx1, fy1 := int(math.Ceil(float64(float32(bx1)*s))), int(math.Ceil(float64(float32(by1)*s)))
		cw, ch := fx1-fx0+2*atlasPad, fy1-fy0+2*atlasPad
		if x+cw > width {
			x, y, rowH = 0, y+rowH, 0
		}
		a.cells[g] = glyphCell{
			rect:    image.Rect(x, y, x+cw, y+ch),
			originX: atlasPad - fx0, origY: atlasPad - fy0,
			advance: float32(face.advances[g]) * s,
		}
		x += cw
		rowH = max(rowH, ch)
	}
	a.w, a.h = width, y+rowH
	return a
}

// rasterise fills the atlas image with every glyph, white on transparent. The glyphs are
// rasterised on the CPU (exact coverage, as font rasterisers do) and uploaded once: filling
// their paths on the GPU instead costs the first frame a triangulation per glyph and shader
// compilations, for the same picture.
func (a *atlas) rasterise() {
	z := vector.NewRasterizer(a.w, a.h)
	s := a.size / float32(a.face.unitsPerEm)
	for g, c := range a.cells {
		a.face.appendPath(z, g, s, float32(c.rect.Min.X+c.originX), float32(c.rect.Min.Y+c.origY))
	}
	cov := image.NewAlpha(image.Rect(0, 0, a.w, a.h))
	z.Draw(cov, cov.Bounds(), image.Opaque, image.Point{})
	pix := make([]byte, 4*len(cov.Pix))
	for i, v := range cov.Pix {
		// White, premultiplied by its coverage.
		pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = v, v, v, v
	}
	a.img = ebiten.NewImage(a.w, a.h)
	a.img.WritePixels(pix)
}

// textAlign says which point of a line of text its x coordinate gives.
type textAlign int

const (
	alignLeft textAlign = iota
	alignCenter
	alignRight
)

// textStyle is a face and a size in device pixels.
type textStyle struct {
	face *fontFace
	size float32
}

// texts holds the glyph atlases, one per face and size, and the text queued for each drawing
// layer this frame.
type texts struct {
	atlases []*atlas
	frame   int
	opts    ebiten.DrawTrianglesOptions
}

// atlasKeep is how many frames an unused atlas survives: resizing the window passes through
// many sizes, and their atlases must not pile up.
const atlasKeep = 120

func (t *texts) atlas(st textStyle) *atlas {
	// Sizes are kept to a quarter pixel so that animated layouts do not make an atlas per frame.
	size := float32(math.Round(float64(st.size)*4) / 4)
	for _, a := range t.atlases {
		if a.face == st.face && a.size == size {
			a.used = t.frame
			return a
		}
	}
	a := newAtlas(st.face, size)
	a.used = t.frame
	t.atlases = append(t.atlases, a)
	return a
}

// reset empties the batch for a new frame and frees atlases unused for atlasKeep frames.
func (t *texts) reset() {
	t.frame++
	kept := t.atlases[:0]
	for _, a := range t.atlases {
		if t.frame-a.used > atlasKeep {
			if a.img != nil {
				a.img.Deallocate()
			}
			continue
		}
		for i := range a.quads {
			a.quads[i].verts, a.quads[i].idx = a.quads[i].verts[:0], a.quads[i].idx[:0]
		}
		kept = append(kept, a)
	}
	clear(t.atlases[len(kept):])
	t.atlases = kept
}

// width returns the advance width of s in device pixels.
func (t *texts) width(s string, st textStyle) float32 {
	a := t.atlas(st)
	var w float32
	for _, r := range s {
		w += a.cells[glyphIndex(r)].advance
	}
	return w
}

// capHeight returns the height of a capital letter above the baseline, which is what
// centring a line of text on a point needs.
func capHeight(st textStyle) float32 {
	return capUnits[st.face] * st.size / float32(st.face.unitsPerEm)
}

// capUnits is each face's cap height in font units: the top of H.
var capUnits = func() map[*fontFace]float32 {
	m := map[*fontFace]float32{}
	for _, f := range []*fontFace{&fontRegular, &fontMedium} {
		_, y0, _, _ := f.bounds(glyphIndex('H'))
		m[f] = float32(-y0)
	}
	return m
}()

// add queues s on layer ly with its baseline at y and x placed by align. It returns the
// advance width.
func (t *texts) add(ly layerID, s string, x, y float32, st textStyle, c rgba, align textAlign) float32 {
	a := t.atlas(st)
	q := &a.quads[ly]
	w := float32(0)
	if align != alignLeft {
		w = t.width(s, st)
		if align == alignCenter {
			x -= w / 2
		} else {
			x -= w
		}
	}
	pen := x
	by := float32(math.Round(float64(y)))
	for _, r := range s {
		cell := &a.cells[glyphIndex(r)]
		if r != ' ' {
			dx := float32(math.Round(float64(pen))) - float32(cell.originX)
			dy := by - float32(cell.origY)
			cw, ch := float32(cell.rect.Dx()), float32(cell.rect.Dy())
			sx, sy := float32(cell.rect.Min.X), float32(cell.rect.Min.Y)
			base := uint32(len(q.verts))
			for _, k := range [4][2]float32{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				q.verts = append(q.verts, ebiten.Vertex{
					DstX: dx + k[0]*cw, DstY: dy + k[1]*ch,
					SrcX: sx + k[0]*cw, SrcY: sy + k[1]*ch,
					ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A,
				})
			}
			q.idx = append(q.idx, base, base+1, base+2, base+1, base+3, base+2)
		}
		pen += cell.advance
	}
	return pen - x
}

// addBytes is add for text in a reused buffer (numbers formatted per frame); the string
// header it makes lives only for the call, so formatting allocates nothing.
func (t *texts) addBytes(ly layerID, b []byte, x, y float32, st textStyle, c rgba, align textAlign) float32 {
	if len(b) == 0 {
		return 0
	}
	return t.add(ly, unsafe.String(&b[0], len(b)), x, y, st, c, align)
}

// widthBytes is width for a byte buffer.
func (t *texts) widthBytes(b []byte, st textStyle) float32 {
	if len(b) == 0 {
		return 0
	}
	return t.width(unsafe.String(&b[0], len(b)), st)
}

// draw paints the text queued on layer ly onto dst, rasterising atlases on first use.
func (t *texts) draw(dst *ebiten.Image, ly layerID) {
	for _, a := range t.atlases {
		q := &a.quads[ly]
		if len(q.idx) == 0 {
			continue
		}
		if a.img == nil {
			a.rasterise()
		}
		dst.DrawTriangles32(q.verts, q.idx, a.img, &t.opts)
	}
}
