package render

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
)

// shapeShaderSrc draws anti-aliased rounded boxes from a signed distance: a disc is a box whose
// corner radius is its half size, a line is a thin box along its direction, a card is a box
// with small corners. One shader and one draw call thus paint every dot, edge, ring and card
// of a layer.
//
// Per vertex: the source position is the fragment's position relative to the box centre in
// the box's own (unrotated) frame, in device pixels; custom.xy is the half size, custom.z the
// corner radius and custom.w, when positive, the thickness of an outline-only ring. The colour
// is premultiplied.
const shapeShaderSrc = `//kage:unit pixels

package main

func Fragment(dstPos vec4, srcPos vec2, color vec4, custom vec4) vec4 {
	q := abs(srcPos) - custom.xy + custom.z
	d := length(max(q, 0)) + min(max(q.x, q.y), 0) - custom.z
	a := clamp(0.5-d, 0, 1)
	if custom.w > 0 {
		a *= clamp(0.5+d+custom.w, 0, 1)
	}
	return color * a
}
`

// shapes is a batch of rounded boxes for shapeShaderSrc. Its slices are reused from frame to
// frame, so building a batch allocates nothing once it has grown.
type shapes struct {
	verts []ebiten.Vertex
	idx   []uint32
}

func (s *shapes) reset() {
	s.verts = s.verts[:0]
	s.idx = s.idx[:0]
}

// box adds a box centred at (cx, cy) with half size (hx, hy) rotated so that its x axis
// points along the unit vector (ux, uy); r is the corner radius and ring, if positive, the
// outline thickness. The quad is one pixel larger than the box on each side for the
// anti-aliased edge.
func (s *shapes) box(cx, cy, hx, hy, r, ring, ux, uy float32, c rgba) {
	if c.A <= 0 || hx <= 0 || hy <= 0 {
		return
	}
	r = min(r, hx, hy)
	ex, ey := hx+1, hy+1
	pr, pg, pb, pa := c.R*c.A, c.G*c.A, c.B*c.A, c.A
	n := len(s.verts)
	s.verts = slices.Grow(s.verts, 4)[:n+4]
	v := s.verts[n : n+4 : n+4]
	// Corners in the box's frame: (-ex,-ey), (ex,-ey), (-ex,ey), (ex,ey), rotated onto (ux, uy).
	ax, ay := ex*ux, ex*uy  // the half extent along the box's x axis
	bx, by := -ey*uy, ey*ux // and along its y axis
	for k := range v {
		sx, sy := float32(k&1*2-1), float32(k>>1*2-1)
		v[k] = ebiten.Vertex{
			DstX: cx + sx*ax + sy*bx, DstY: cy + sx*ay + sy*by,
			SrcX: sx * ex, SrcY: sy * ey,
			ColorR: pr, ColorG: pg, ColorB: pb, ColorA: pa,
			Custom0: hx, Custom1: hy, Custom2: r, Custom3: ring,
		}
	}
	base := uint32(n)
	s.idx = append(s.idx, base, base+1, base+2, base+1, base+3, base+2)
}

// rect adds an axis-aligned rectangle from (x0, y0) to (x1, y1) with corner radius r.
func (s *shapes) rect(x0, y0, x1, y1, r float32, c rgba) {
	s.box((x0+x1)/2, (y0+y1)/2, (x1-x0)/2, (y1-y0)/2, r, 0, 1, 0, c)
}

// rectOutline adds the outline, of thickness w, of a rectangle with corner radius r.
func (s *shapes) rectOutline(x0, y0, x1, y1, r, w float32, c rgba) {
	s.box((x0+x1)/2, (y0+y1)/2, (x1-x0)/2, (y1-y0)/2, r, w, 1, 0, c)
}

// circle adds a filled disc.
func (s *shapes) circle(cx, cy, radius float32, c rgba) {
	s.box(cx, cy, radius, radius, radius, 0, 1, 0, c)
}

// ring adds a circle outline of thickness w whose outer edge has the given radius.
func (s *shapes) ring(cx, cy, radius, w float32, c rgba) {
	s.box(cx, cy, radius, radius, radius, w, 1, 0, c)
}

// line adds a segment of width w with round caps.
func (s *shapes) line(x0, y0, x1, y1, w float32, c rgba) {
	dx, dy := x1-x0, y1-y0
	l := float32(math.Hypot(float64(dx), float64(dy)))
	ux, uy := float32(1), float32(0)
	if l > 0 {
		ux, uy = dx/l, dy/l
	}
	h := w / 2
	s.box((x0+x1)/2, (y0+y1)/2, l/2+h, h, h, 0, ux, uy, c)
}

// draw paints the batch onto dst.
func (s *shapes) draw(dst *ebiten.Image, sh *ebiten.Shader) {
	if len(s.idx) == 0 {
		return
	}
	dst.DrawTrianglesShader32(s.verts, s.idx, sh, nil)
}

// layerID names a drawing layer; each has its shapes and its text, painted in this order.
type layerID int

const (
	layerBack    layerID = iota // cards and backgrounds
	layerMid                    // data: grid, points, edges, neurons, chart lines; labels
	layerTop                    // over heatmaps: neuron outlines, selection rings
	layerOverlay                // tooltips
	layerCount
)
