package render

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// artifactsDir is where screenshots go (gitignored), for people to look at.
const artifactsDir = "../artifacts"

// noInput is an input source with the pointer away and nothing pressed, or held still at a
// position.
type stillInput struct {
	x, y float32
	on   bool
}

func (s *stillInput) read(f *inputFrame) {
	f.x, f.y, f.hasPointer = s.x, s.y, s.on
	f.down, f.rightPress, f.keys = false, false, f.keys[:0]
}

// newTestState builds a playground from settings and a dataset.
func newTestState(t testing.TB, layers []int, act nn.Activation, cost nn.Cost, data string, n int) *app.State {
	t.Helper()
	set := app.DefaultSettings()
	set.Net.Layers, set.Net.Activation, set.Net.Cost = layers, act, cost
	var initial nn.Params
	pts := nn.NotebookData()
	if data == "notebook" && len(layers) == 3 && layers[1] == 3 {
		initial = nn.NotebookParams()
	}
	st, err := app.New(set, pts, initial)
	if err != nil {
		t.Fatal(err)
	}
	if data != "notebook" {
		if err := st.LoadData(data, n, 0.1, set.Net.Seed); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// renderGame runs one Update and one Draw of g at w x h CSS pixels and the given device
// scale, and returns the screen.
func renderGame(t testing.TB, g *Game, w, h, scale float64) *ebiten.Image {
	t.Helper()
	screen := ebiten.NewImage(int(w*scale), int(h*scale))
	drawFrame(t, g, screen, w, h, scale)
	return screen
}

// drawFrame runs one Update and one Draw of g into screen, for a window of w x h CSS pixels at
// the given device scale: a frame as ebiten runs it, the screen kept from frame to frame.
func drawFrame(t testing.TB, g *Game, screen *ebiten.Image, w, h, scale float64) {
	t.Helper()
	g.setOutside(w, h, scale)
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	g.Draw(screen)
}

func saveScreenshot(t testing.TB, img *ebiten.Image, name string) {
	t.Helper()
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	img.ReadPixels(out.Pix)
	if err := os.MkdirAll(artifactsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(artifactsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, out); err != nil {
		t.Fatal(err)
	}
}

func TestScreenshots(t *testing.T) {
	t.Run("notebook", func(t *testing.T) {
		st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
		g := newGame(st, &stillInput{})
		saveScreenshot(t, renderGame(t, g, 1280, 800, 1), "notebook.png")
		if err := st.Step(3000); err != nil {
			t.Fatal(err)
		}
		if err := st.Select(0); err != nil {
			t.Fatal(err)
		}
		saveScreenshot(t, renderGame(t, g, 1280, 800, 1), "notebook-trained-selected.png")
	})
	t.Run("circle hidpi", func(t *testing.T) {
		st := newTestState(t, []int{2, 8, 8, 2}, nn.Tanh, nn.CrossEntropy, "circle", 200)
		if err := st.Step(4000); err != nil {
			t.Fatal(err)
		}
		g := newGame(st, &stillInput{})
		saveScreenshot(t, renderGame(t, g, 1200, 760, 2), "circle-hidpi.png")
	})
	t.Run("phone portrait", func(t *testing.T) {
		st := newTestState(t, []int{2, 4, 4, 2}, nn.Tanh, nn.CrossEntropy, "xor", 150)
		if err := st.Step(2000); err != nil {
			t.Fatal(err)
		}
		g := newGame(st, &stillInput{})
		saveScreenshot(t, renderGame(t, g, 390, 760, 2), "phone.png")
	})
	t.Run("largest", func(t *testing.T) {
		layers := []int{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}
		st := newTestState(t, layers, nn.Tanh, nn.CrossEntropy, "spiral", 1000)
		if err := st.Step(300); err != nil {
			t.Fatal(err)
		}
		g := newGame(st, &stillInput{})
		g.SetUniformLimit(4096) // as headless Chromium's SwiftShader reports
		saveScreenshot(t, renderGame(t, g, 1100, 700, 1), "largest.png")
	})
	t.Run("teaching and tooltip", func(t *testing.T) {
		st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
		if err := st.Teach(0); err != nil {
			t.Fatal(err)
		}
		if err := st.TeachStage(2); err != nil {
			t.Fatal(err)
		}
		in := &stillInput{}
		g := newGame(st, in)
		renderGame(t, g, 1280, 800, 1)
		// Point at the edge w_3[2,1], a third of the way from a_2[1].
		d := &g.geom
		in.x = d.x[1] + (d.x[2]-d.x[1])/3
		in.y = d.y[1][0] + (d.y[2][1]-d.y[1][0])/3
		in.on = true
		saveScreenshot(t, renderGame(t, g, 1280, 800, 1), "teaching-tooltip.png")
		if h := g.currentHover(); h != (hit{kind: hitEdge, l: 3, i: 1, j: 0}) {
			t.Errorf("hovering %+v, want the edge w_3[2,1]", h)
		}
	})
	t.Run("diverged message", func(t *testing.T) {
		st := newTestState(t, []int{2, 3, 2}, nn.Sigmoid, nn.Quadratic, "notebook", 0)
		g := newGame(st, &stillInput{})
		g.setOutside(900, 620, 1)
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
		g.snap.Message = "Training diverged, so it was paused and the last good weights kept. Lower the learning rate or reset."
		screen := ebiten.NewImage(900, 620)
		g.Draw(screen)
		saveScreenshot(t, screen, "message.png")
	})
}
