package render

// rect is an axis-aligned rectangle in device pixels, from (X0, Y0) to (X1, Y1).
type rect struct{ X0, Y0, X1, Y1 float32 }

func (r rect) w() float32 { return r.X1 - r.X0 }
func (r rect) h() float32 { return r.Y1 - r.Y0 }

// empty reports whether r has no area.
func (r rect) empty() bool { return r.X1 <= r.X0 || r.Y1 <= r.Y0 }

// inset returns r shrunk by d on every side (never inverted).
func (r rect) inset(d float32) rect {
	return r.insetSides(d, d, d, d)
}

// insetSides returns r shrunk by the given amounts (never inverted).
func (r rect) insetSides(left, top, right, bottom float32) rect {
	o := rect{r.X0 + left, r.Y0 + top, r.X1 - right, r.Y1 - bottom}
	if o.X1 < o.X0 {
		o.X0 = (o.X0 + o.X1) / 2
		o.X1 = o.X0
	}
	if o.Y1 < o.Y0 {
		o.Y0 = (o.Y0 + o.Y1) / 2
		o.Y1 = o.Y0
	}
	return o
}

func (r rect) contains(x, y float32) bool {
	return x >= r.X0 && x < r.X1 && y >= r.Y0 && y < r.Y1
}

// overlaps reports whether r and o share any area.
func (r rect) overlaps(o rect) bool {
	return !r.empty() && !o.empty() && r.X0 < o.X1 && o.X0 < r.X1 && r.Y0 < o.Y1 && o.Y0 < r.Y1
}

// within reports whether r lies inside o.
func (r rect) within(o rect) bool {
	return r.X0 >= o.X0 && r.Y0 >= o.Y0 && r.X1 <= o.X1 && r.Y1 <= o.Y1
}
