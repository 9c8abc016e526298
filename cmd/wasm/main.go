//go:build js && wasm

// Command wasm is nnviz in the browser: it reads the page's URL into a playground, binds
// window.nnviz to it, and runs the renderer.
package main

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/render"
)

func main() {
	mark("main")
	q, savedNotice := startQuery()
	su, problems := app.ParseQuery(q)
	st, err := app.New(su.Settings, su.Points, su.Initial)
	if err != nil {
		// ParseQuery validated every piece, so this is a combination it could not foresee:
		// say so and start from the notebook rather than leave the page blank.
		problems = append(problems, app.Problem{Param: "settings", Message: err.Error() + "; using the defaults"})
		su = app.DefaultSetup()
		if st, err = app.New(su.Settings, su.Points, nil); err != nil {
			log.Fatalf("nnviz: the default playground does not build: %v", err)
		}
	}
	st.SetDataSource(su.Source())
	showProblems(savedNotice, problems)

	game := render.NewGame(st)
	game.OnAnnounce(announcer())
	setupCanvas(game)
	if n := uniformVectors(); n > 0 {
		game.SetUniformLimit(n)
	}
	api := newAPI(st, game, su, problems)
	game.OnEditWeight(api.emitEditWeight)
	game.OnFirstFrame(func() {
		api.install()
		onMouseLeave(game.PointerLeft)
	})
	wakeOnEvents(game)
	game.RestWhenSettled(true)
	if su.Teach >= 0 {
		st.SetTeachAll(su.TeachAll)
		if err := st.Teach(su.Teach); err != nil {
			log.Printf("nnviz: teach: %v", err)
		}
	} else if su.Autoplay {
		st.Play()
	}

	// One Update per drawn frame: training advances by the speed setting each frame, and a
	// slow GPU slows training down with it rather than piling up steps between frames.
	ebiten.SetTPS(ebiten.SyncWithFPS)
	ebiten.SetWindowTitle("nnviz")
	ebiten.SetRunnableOnUnfocused(true)
	mark("built")
	// The canvas does not take the focus on load: the page starts at its top, as pages do, and
	// the shortcuts work wherever the focus is (keyboard.js).
	if err := ebiten.RunGameWithOptions(&markedGame{Game: game}, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil {
		log.Fatalf("nnviz: %v", err)
	}
}
