package render_test

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
	"github.com/nnviz/nnviz/render"
)

// The browser's entry point builds the playground, tells the renderer what the GPU allows,
// and runs the game; the page's API becomes usable once the first frame is drawn.
func ExampleNewGame() {
	st, err := app.New(app.DefaultSettings(), nn.NotebookData(), nn.NotebookParams())
	if err != nil {
		log.Fatal(err)
	}
	g := render.NewGame(st)
	g.SetUniformLimit(1024) // WebGL2's MAX_FRAGMENT_UNIFORM_VECTORS, queried by the page
	g.OnFirstFrame(func() {
		x, y := g.ToScreen(1.2, 0.7) // where the notebook's first point is, in CSS pixels
		log.Printf("ready; point 0 is at (%.0f, %.0f)", x, y)
	})
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
