//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestKClassesInTheBrowser is the K-class playground: the three-arm spiral learns when played,
// the plane shows three hues, digit keys choose the class a click adds, a click on a point
// cycles its class, and a share link keeps K.
func TestKClassesInTheBrowser(t *testing.T) {
	p := newPage(t)
	p.Do("sizing the viewport", chromedp.EmulateViewport(1280, 800))
	srv := server(t)
	p.Do("opening three classes", chromedp.Navigate(srv.URL+"?classes=3&data=spiral&layers=2,16,16,3&activation=tanh&cost=crossentropy"))
	p.WaitFor("window.nnviz", ready, wasmStartTimeout)
	type kState struct {
		Classes  int
		Layers   []int
		Label    int
		Accuracy float64
		Points   []struct {
			X, Y  float64
			Label int
		}
	}
	get := func() kState { return Eval[kState](p, `nnviz.state()`) }
	s := get()
	labels := map[int]int{}
	for _, q := range s.Points {
		labels[q.Label]++
	}
	if s.Classes != 3 || fmt.Sprint(s.Layers) != "[2 16 16 3]" || len(labels) != 3 || labels[1] == 0 || labels[2] == 0 || labels[3] == 0 {
		t.Fatalf("classes=3: state() has %d classes, layers %v, labels %v; want 3, 2-16-16-3 and labels 1, 2, 3", s.Classes, s.Layers, labels)
	}
	start := s.Accuracy
	playUntil(p, "the spiral to be learnt well beyond chance (1/3)", `s.accuracy >= 0.65`, 120*time.Second)
	p.NextFrames(3)
	img := p.Screenshot("three-classes-1280x800")
	plot := Eval[struct{ X, Y, W, H float64 }](p, `nnviz.layout().plot`)
	hues := hueBins(img, image.Rect(int(plot.X), int(plot.Y), int(plot.X+plot.W), int(plot.Y+plot.H)))
	if len(hues) < 3 {
		t.Errorf("the plane shows %d hues (bins of 30° holding at least 2%% of its pixels: %v), want three classes' colours", len(hues), hues)
	}
	t.Logf("accuracy %.2f from %.2f; hue bins %v", get().Accuracy, start, hues)

	// Digit 3 chooses class 3; a click on an empty place adds it; Shift adds the next class.
	p.Do("focusing the page", chromedp.Click(chromedp.CSS("body"), chromedp.NodeVisible))
	key(p, "3", "Digit3", 51, 0)
	p.WaitFor("class 3 chosen", `nnviz.state().label === 3`, actionTimeout)
	if !Eval[bool](p, `document.getElementById("nnviz-class-3").checked`) {
		t.Error("the class picker does not show class 3 chosen")
	}
	n := len(get().Points)
	click(p, toScreen(p, 5.6, -5.6))
	p.WaitFor("the added point", fmt.Sprintf(`nnviz.state().points.length === %d`, n+1), actionTimeout)
	if got := get().Points[n].Label; got != 3 {
		t.Errorf("a click added class %d, want the chosen 3", got)
	}
	// A click on the point cycles its class: 3 → 1.
	click(p, toScreen(p, 5.6, -5.6))
	p.WaitFor("the cycled class", fmt.Sprintf(`nnviz.state().points[%d].label === 1`, n), actionTimeout)

	link := Eval[string](p, `location.origin + "/?" + nnviz.share()`)
	q := newPage(t)
	q.Do("opening the share link", chromedp.Navigate(link))
	q.WaitFor("window.nnviz", ready, wasmStartTimeout)
	got := Eval[kState](q, `nnviz.state()`)
	if got.Classes != 3 || fmt.Sprint(got.Points) != fmt.Sprint(get().Points) {
		t.Errorf("the share link gave %d classes and other points; want 3 and the same points", got.Classes)
	}
	p.ExpectNoConsoleErrors()
	q.ExpectNoConsoleErrors()
}

// hueBins counts the pixels of r in img by hue, in bins of 30°, among those with some colour,
// and returns the bins holding at least 2% of r's pixels.
func hueBins(img image.Image, r image.Rectangle) map[int]int {
	counts := map[int]int{}
	total := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			total++
			cr, cg, cb, _ := img.At(x, y).RGBA()
			R, G, B := float64(cr)/65535, float64(cg)/65535, float64(cb)/65535
			mx, mn := math.Max(R, math.Max(G, B)), math.Min(R, math.Min(G, B))
			if mx-mn < 0.12 {
				continue // grey: the neutral plane, grid and text
			}
			var h float64
			switch mx {
			case R:
				h = math.Mod((G-B)/(mx-mn), 6)
			case G:
				h = (B-R)/(mx-mn) + 2
			default:
				h = (R-G)/(mx-mn) + 4
			}
			h = math.Mod(h*60+360, 360)
			counts[int(h/30)]++
		}
	}
	out := map[int]int{}
	for b, c := range counts {
		if c*50 >= total {
			out[b*30] = c
		}
	}
	return out
}
