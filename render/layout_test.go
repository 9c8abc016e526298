package render

import (
	"fmt"
	"testing"
)

func TestLayoutFits(t *testing.T) {
	sizes := []struct{ w, h, scale float32 }{
		{1280, 800, 1}, {1920, 1080, 1}, {2560, 1600, 2}, {7680, 4320, 2}, // desktops, huge
		{800, 800, 1}, {1024, 700, 1.5}, // square-ish
		{390, 844, 3}, {360, 640, 2}, {768, 1024, 2}, // phones and tablets, portrait
		{844, 390, 3}, {2000, 300, 1}, {300, 2000, 1}, // short and narrow extremes
		{120, 90, 1}, {40, 30, 1}, {1, 1, 1}, // tiny
	}
	for _, sz := range sizes {
		w, h := sz.w*sz.scale, sz.h*sz.scale
		t.Run(fmt.Sprintf("%gx%g@%g", sz.w, sz.h, sz.scale), func(t *testing.T) {
			ly := computeLayout(w, h, sz.scale)
			screen := rect{0, 0, w, h}
			parts := map[string]rect{"status": ly.Status, "plane": ly.PlaneCard, "diagram": ly.DiagramCard, "chart": ly.ChartCard}
			for name, r := range parts {
				if r.empty() {
					continue
				}
				if !r.within(screen) {
					t.Errorf("%s %v is not within the screen %v", name, r, screen)
				}
				for other, o := range parts {
					if other < name && r.overlaps(o) {
						t.Errorf("%s %v overlaps %s %v", name, r, other, o)
					}
				}
			}
			inner := []struct {
				name         string
				inner, outer rect
			}{{"plot", ly.Plot, ly.PlaneCard}, {"diagram area", ly.Diagram, ly.DiagramCard}, {"chart axes", ly.Chart, ly.ChartCard}}
			for _, in := range inner {
				if !in.inner.empty() && !in.inner.within(in.outer) {
					t.Errorf("%s %v is not within its card %v", in.name, in.inner, in.outer)
				}
			}
			if !ly.Plot.empty() && ly.Plot.w() != ly.Plot.h() {
				t.Errorf("plot %v is not square", ly.Plot)
			}
			if ly.Plot.X0 != float32(int(ly.Plot.X0)) || ly.Plot.Y0 != float32(int(ly.Plot.Y0)) || ly.Plot.w() != float32(int(ly.Plot.w())) {
				t.Errorf("plot %v is not on whole pixels", ly.Plot)
			}
			// Any screen a person uses shows everything, the plane at a useful size.
			if sz.w >= 320 && sz.h >= 300 {
				for name, r := range parts {
					if r.empty() {
						t.Errorf("%s is empty", name)
					}
				}
				if side := ly.Plot.w() / sz.scale; side < 150 {
					t.Errorf("plot is %.0f CSS px wide, want at least 150", side)
				}
				if ly.Diagram.empty() || ly.Chart.empty() {
					t.Errorf("diagram %v or chart %v has no room", ly.Diagram, ly.Chart)
				}
			}
		})
	}
}

func TestLayoutOrientation(t *testing.T) {
	land := computeLayout(1280, 800, 1)
	if !(land.DiagramCard.X0 >= land.PlaneCard.X1 && land.ChartCard.X0 >= land.PlaneCard.X1) {
		t.Errorf("landscape: diagram %v and chart %v should be right of the plane %v", land.DiagramCard, land.ChartCard, land.PlaneCard)
	}
	port := computeLayout(390*3, 844*3, 3)
	if !(port.DiagramCard.Y0 >= port.PlaneCard.Y1 && port.ChartCard.Y0 >= port.DiagramCard.Y1) {
		t.Errorf("portrait: plane %v, diagram %v and chart %v should be stacked", port.PlaneCard, port.DiagramCard, port.ChartCard)
	}
}
