//go:build js && wasm

package main

import (
	"fmt"
	"math/rand/v2"
	"syscall/js"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/cmd/wasm/jsapi"
	"github.com/nnviz/nnviz/nn"
	"github.com/nnviz/nnviz/render"
)

// api binds window.nnviz to a playground. Every method is a Go function that returns
// {ok: true, value} or {ok: false, error}; the page's api.js turns the second into a thrown
// Error, because a Go callback cannot throw.
type api struct {
	st       *app.State
	game     *render.Game
	setup    app.Setup
	problems []app.Problem
	funcs    []js.Func
	emit     js.Value // api.js's emitter, once installed
}

// emitConfig tells the page's listeners that a setting changed.
func (a *api) emitConfig() {
	if a.emit.Type() == js.TypeFunction {
		a.emit.Invoke("config", nil)
	}
}

// emitEditWeight asks the page (weightedit.js) for a new value of the weight or bias clicked in
// the diagram: event 'editweight' with {layer, row, col, name, value, x, y}, col 0 for a bias.
func (a *api) emitEditWeight(e render.WeightEdit) {
	if a.emit.Type() == js.TypeFunction {
		r := e.Ref
		a.emit.Invoke("editweight", object("layer", r.Layer, "row", r.Row, "col", r.Col, "name", r.String(),
			"value", e.Value, "x", e.X, "y", e.Y))
	}
}

func newAPI(st *app.State, game *render.Game, su app.Setup, problems []app.Problem) *api {
	return &api{st: st, game: game, setup: su, problems: problems}
}

// method is one window.nnviz method: it returns a value for JavaScript, or an error.
type method func(args []js.Value) (any, error)

// readOnly are the methods that change nothing, so need no frame: a page may poll them
// without keeping a resting game loop awake (render.Game.Wake).
var readOnly = map[string]bool{
	"state": true, "status": true, "weights": true, "trace": true, "layout": true, "toScreen": true,
	"fromScreen": true, "exportPoints": true, "exportWeights": true, "share": true, "lesson": true,
	"setup": true, "problems": true,
}

// wrap makes a js.Func of m that can never crash the wasm: a panic becomes an error. A method
// that may change something wakes the game loop, so that the change is drawn at once.
func (a *api) wrap(name string, m method) js.Func {
	wakes := !readOnly[name]
	f := js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		if wakes {
			defer a.game.Wake()
		}
		defer func() {
			if r := recover(); r != nil {
				result = object("ok", false, "error", fmt.Sprintf("%s: internal error: %v", name, r))
			}
		}()
		v, err := m(args)
		if err != nil {
			return object("ok", false, "error", err.Error())
		}
		return object("ok", true, "value", v)
	})
	a.funcs = append(a.funcs, f)
	return f
}

// install hands the methods to api.js, which publishes window.nnviz and announces 'ready'.
func (a *api) install() {
	raw := map[string]any{}
	for name, m := range a.methods() {
		raw[name] = a.wrap(name, m)
	}
	installer := js.Global().Get("__nnvizInstall")
	if installer.Type() != js.TypeFunction {
		js.Global().Get("console").Call("error", "nnviz: api.js is not loaded, so window.nnviz cannot be published")
		return
	}
	// api.js refuses a longer string before it reaches the wasm: syscall/js hashes every string
	// it hands to Go (wasm_exec.js keeps a table of values), which takes seconds for hundreds of
	// megabytes. No method reads a longer one than an import.
	emit := installer.Invoke(raw, object("maxText", app.MaxImportBytes))
	a.emit = emit
	wants := emit.Get("wants")
	a.st.On(func(e app.Event) {
		// Building a payload costs allocations every frame while playing: only when heard.
		if !wants.Invoke(string(e)).Bool() {
			return
		}
		switch e {
		case app.EventStep:
			s := a.st.Status() // no copy of the points: this runs every frame while playing
			emit.Invoke("step", object("steps", s.Steps, "epoch", s.Epoch, "loss", s.Loss, "accuracy", s.Accuracy))
		case app.EventPoints:
			emit.Invoke("points", object("packedPoints", packPoints(a.st.Points()), "regression", a.st.Task().Problem == nn.Regression))
		case app.EventConfig:
			emit.Invoke("config", nil)
		}
	})
}

func (a *api) methods() map[string]method {
	return map[string]method{
		// state(rev) leaves the points out (null) when they are still those of revision rev,
		// which api.js holds; api.js's state() always gives them.
		"state": func(args []js.Value) (any, error) {
			if v := arg(args, 0); v.Type() == js.TypeNumber && v.Float() >= 0 {
				return infoTo(a.st.InfoAfter(uint64(v.Float())), a.game.FPS()), nil
			}
			return infoTo(a.st.Info(), a.game.FPS()), nil
		},
		"status": func([]js.Value) (any, error) {
			o := statusTo(a.st.Status(), a.game.FPS())
			o.Set("resting", a.game.Resting())
			o.Set("updates", a.game.Updates())
			return o, nil
		},
		"play":  func([]js.Value) (any, error) { a.st.Play(); return nil, nil },
		"pause": func([]js.Value) (any, error) { a.st.Pause(); return nil, nil },
		"step": func(args []js.Value) (any, error) {
			n := 1
			if v := arg(args, 0); !v.IsUndefined() {
				var err error
				if n, err = integer(v, 0, "n"); err != nil {
					return nil, err
				}
			}
			// api.js passes settle(error, status) and returns a Promise that it settles: at once
			// when the steps fit in a frame's budget, after the frames they need otherwise.
			settle := arg(args, 1)
			if settle.Type() != js.TypeFunction {
				return nil, argError(1, "settle", "want api.js's settle function, got %s", describe(settle))
			}
			return nil, a.st.StartSteps(n, func(err error) {
				if err != nil {
					settle.Invoke(err.Error(), nil)
					return
				}
				settle.Invoke(nil, statusTo(a.st.Status(), a.game.FPS()))
			})
		},
		"reset": func(args []js.Value) (any, error) {
			v := arg(args, 0)
			if v.IsUndefined() || v.IsNull() {
				return nil, a.st.Reset()
			}
			seed, err := integer(v, 0, "seed")
			if err != nil {
				return nil, err
			}
			if seed < 0 || seed > app.MaxSeed {
				return nil, argError(0, "seed", "want a whole number from 0 to %d, got %d", uint64(app.MaxSeed), seed)
			}
			return nil, a.st.ResetSeed(uint64(seed))
		},
		"addPoint": func(args []js.Value) (any, error) {
			x, y, err := pair(args, 0, "x", "y")
			if err != nil {
				return nil, err
			}
			if a.st.Task().Problem == nn.Regression {
				v, err := number(arg(args, 2), 2, "value")
				if err != nil {
					return nil, err
				}
				return a.st.AddValuePoint(x, y, v)
			}
			label, err := integer(arg(args, 2), 2, "label")
			if err != nil {
				return nil, err
			}
			return a.st.AddPoint(x, y, label)
		},
		"setValue": func(args []js.Value) (any, error) {
			i, err := integer(arg(args, 0), 0, "i")
			if err != nil {
				return nil, err
			}
			v, err := number(arg(args, 1), 1, "value")
			if err != nil {
				return nil, err
			}
			return nil, a.st.SetValue(i, v)
		},
		"setLabel": func(args []js.Value) (any, error) {
			i, err := integer(arg(args, 0), 0, "i")
			if err != nil {
				return nil, err
			}
			label, err := integer(arg(args, 1), 1, "label")
			if err != nil {
				return nil, err
			}
			return nil, a.st.SetLabel(i, label)
		},
		"movePoint": func(args []js.Value) (any, error) {
			i, err := integer(arg(args, 0), 0, "i")
			if err != nil {
				return nil, err
			}
			x, y, err := pair(args, 1, "x", "y")
			if err != nil {
				return nil, err
			}
			return nil, a.st.MovePoint(i, x, y)
		},
		"removePoint": func(args []js.Value) (any, error) {
			i, err := integer(arg(args, 0), 0, "i")
			if err != nil {
				return nil, err
			}
			return nil, a.st.RemovePoint(i)
		},
		"setPoints": func(args []js.Value) (any, error) {
			pts, err := pointsFrom(arg(args, 0), 0, a.st.Task())
			if err != nil {
				return nil, err
			}
			return nil, a.st.SetPoints(pts)
		},
		"select": func(args []js.Value) (any, error) {
			i, err := integer(arg(args, 0), 0, "i")
			if err != nil {
				return nil, err
			}
			return nil, a.st.Select(i)
		},
		"gradients": func(args []js.Value) (any, error) {
			if v := arg(args, 0); !v.IsUndefined() {
				if v.Type() != js.TypeBoolean {
					return nil, argError(0, "on", "want true or false, got %s", describe(v))
				}
				a.st.SetGradients(v.Bool())
			}
			return a.st.Info().Gradients, nil
		},
		"heatmaps": func(args []js.Value) (any, error) {
			if v := arg(args, 0); !v.IsUndefined() {
				if v.Type() != js.TypeBoolean {
					return nil, argError(0, "on", "want true or false, got %s", describe(v))
				}
				if v.Bool() != a.game.Heatmaps() {
					a.game.SetHeatmaps(v.Bool())
					a.emitConfig() // the heatmaps checkbox follows, however it was changed
				}
			}
			return a.game.Heatmaps(), nil
		},
		"undo":    func([]js.Value) (any, error) { return a.st.Undo(), nil },
		"redo":    func([]js.Value) (any, error) { return a.st.Redo(), nil },
		"weights": func([]js.Value) (any, error) { return paramsTo(a.st.Weights()), nil },
		"setWeights": func(args []js.Value) (any, error) {
			p, err := paramsFrom(arg(args, 0), 0)
			if err != nil {
				return nil, err
			}
			return nil, a.st.SetWeights(p)
		},
		// setWeight(l, i, j, value) sets w_l[i,j] and setBias(l, i, value) b_l[i], counted from
		// 1 as the notebook's names are: one undoable edit each.
		"setWeight": func(args []js.Value) (any, error) {
			var ix [3]int
			for k, name := range []string{"layer", "row", "col"} {
				v, err := integer(arg(args, k), k, name)
				if err != nil {
					return nil, err
				}
				ix[k] = v
			}
			if ix[2] == 0 {
				return nil, argError(2, "col", "columns count from 1 (w_%d[%d,1] is the first); setBias sets b_%d[%d]", ix[0], ix[1], ix[0], ix[1])
			}
			v, err := number(arg(args, 3), 3, "value")
			if err != nil {
				return nil, err
			}
			return nil, a.st.SetWeight(app.WeightRef{Layer: ix[0], Row: ix[1], Col: ix[2]}, v)
		},
		"setBias": func(args []js.Value) (any, error) {
			l, err := integer(arg(args, 0), 0, "layer")
			if err != nil {
				return nil, err
			}
			i, err := integer(arg(args, 1), 1, "row")
			if err != nil {
				return nil, err
			}
			v, err := number(arg(args, 2), 2, "value")
			if err != nil {
				return nil, err
			}
			return nil, a.st.SetWeight(app.WeightRef{Layer: l, Row: i}, v)
		},
		"trace": func(args []js.Value) (any, error) {
			i, err := integer(arg(args, 0), 0, "i")
			if err != nil {
				return nil, err
			}
			t, err := a.st.Trace(i)
			if err != nil {
				return nil, err
			}
			return traceTo(t), nil
		},
		"layout": func([]js.Value) (any, error) { return placementTo(a.game.Placement()), nil },
		"card": func(args []js.Value) (any, error) {
			if v := arg(args, 0); !v.IsUndefined() {
				name, err := jsapi.Text(v, 0, "name", `"plane", "network" or "chart"`, 16)
				if err != nil {
					return nil, err
				}
				if !a.game.ShowCard(name) {
					return nil, argError(0, "name", `want "plane", "network" or "chart", got %q`, name)
				}
				return name, nil
			}
			return a.game.Placement().Shown, nil
		},
		"toScreen": func(args []js.Value) (any, error) {
			x, y, err := pair(args, 0, "x", "y")
			if err != nil {
				return nil, err
			}
			px, py := a.game.ToScreen(x, y)
			return object("x", px, "y", py), nil
		},
		"fromScreen": func(args []js.Value) (any, error) {
			px, py, err := pair(args, 0, "x", "y")
			if err != nil {
				return nil, err
			}
			x, y := a.game.FromScreen(px, py)
			return object("x", x, "y", y), nil
		},
		"configure": func(args []js.Value) (any, error) { return nil, a.configure(arg(args, 0)) },
		"loadData": func(args []js.Value) (any, error) {
			name, err := jsapi.Text(arg(args, 0), 0, "name", "a preset name such as \"circle\"", 32)
			if err != nil {
				return nil, err
			}
			// Without a seed, every call draws a new sample.
			n, noise, seed := app.DefaultCount, 0.0, rand.Uint64N(app.MaxSeed+1)
			if opts := arg(args, 1); opts.Type() == js.TypeObject {
				if v := opts.Get("seed"); !v.IsUndefined() {
					s, err := integer(v, 1, "seed")
					if err != nil {
						return nil, err
					}
					if s < 0 || s > app.MaxSeed {
						return nil, argError(1, "seed", "want a whole number from 0 to %d, got %d", uint64(app.MaxSeed), s)
					}
					seed = uint64(s)
				}
				if v := opts.Get("n"); !v.IsUndefined() {
					if n, err = integer(v, 1, "n"); err != nil {
						return nil, err
					}
				}
				if v := opts.Get("noise"); !v.IsUndefined() {
					if noise, err = number(v, 1, "noise"); err != nil {
						return nil, err
					}
				}
			}
			return nil, a.st.LoadData(name, n, noise, seed)
		},
		"importPoints": func(args []js.Value) (any, error) {
			text, err := jsapi.Text(arg(args, 0), 0, "text", "the CSV or JSON text of the points", app.MaxImportBytes)
			if err != nil {
				return nil, err
			}
			pts, err := app.ImportPoints(text, a.st.Task())
			if err != nil {
				return nil, err
			}
			return len(pts), a.st.SetPoints(pts)
		},
		"exportPoints": func(args []js.Value) (any, error) {
			switch f := arg(args, 0); {
			case f.IsUndefined() || f.Equal(js.ValueOf("csv")):
				return app.ExportPointsCSV(a.st.Points(), a.st.Task()), nil
			case f.Equal(js.ValueOf("json")):
				return app.ExportPointsJSON(a.st.Points(), a.st.Task()), nil
			default:
				return nil, argError(0, "format", "want \"csv\" or \"json\", got %s", describe(f))
			}
		},
		"exportWeights": func(args []js.Value) (any, error) {
			switch f := arg(args, 0); {
			case f.IsUndefined() || f.Equal(js.ValueOf("json")):
				return app.ExportWeightsJSON(a.st.Weights()), nil
			case f.Equal(js.ValueOf("numpy")):
				return app.ExportWeightsNumPy(a.st.Weights()), nil
			default:
				return nil, argError(0, "format", "want \"json\" or \"numpy\", got %s", describe(f))
			}
		},
		"share": func(args []js.Value) (any, error) {
			return a.st.ShareQuery(arg(args, 0).Truthy()), nil
		},
		"teach": func(args []js.Value) (any, error) {
			v := arg(args, 0)
			if v.IsNull() || v.Equal(js.ValueOf(false)) {
				a.st.EndTeach()
				return nil, nil
			}
			i, err := integer(v, 0, "i")
			if err != nil {
				return nil, err
			}
			return nil, a.st.Teach(i)
		},
		"teachStage": func(args []js.Value) (any, error) {
			k, err := integer(arg(args, 0), 0, "stage")
			if err != nil {
				return nil, err
			}
			return nil, a.st.TeachStage(k)
		},
		"teachView": func(args []js.Value) (any, error) {
			switch v := arg(args, 0); {
			case v.Type() == js.TypeString && v.String() == "all":
				a.st.SetTeachAll(true)
			case v.Type() == js.TypeString && v.String() == "stage":
				a.st.SetTeachAll(false)
			default:
				return nil, fmt.Errorf("view must be \"all\" (every stage on one page) or \"stage\" (one at a time)")
			}
			return nil, nil
		},
		"lesson": func([]js.Value) (any, error) {
			ls, ok, err := a.st.Lesson()
			if !ok || err != nil {
				return nil, err
			}
			return lessonTo(ls), nil
		},
		"applyLesson": func([]js.Value) (any, error) { return nil, a.st.ApplyLesson() },
		"setup": func([]js.Value) (any, error) {
			controls := a.setup.Controls
			if controls == nil {
				controls = app.Controls
			}
			names := make([]any, len(controls))
			for k, c := range controls {
				names[k] = c
			}
			// explicit says whether the page's address chose the controls, or the page should use
			// its own default.
			origins := make([]any, len(a.setup.Origins))
			for k, o := range a.setup.Origins {
				origins[k] = o
			}
			return object("controls", names, "explicit", a.setup.Controls != nil, "data", a.setup.Data, "n", a.setup.Count, "noise", a.setup.Noise, "origins", origins,
				"maxLinkLength", app.MaxLinkLength), nil
		},
		"problems": func([]js.Value) (any, error) {
			out := make([]any, len(a.problems))
			for k, p := range a.problems {
				out[k] = object("param", p.Param, "message", p.Message)
			}
			return out, nil
		},
	}
}

// configure applies the settings named in obj (see jsapi.Configure).
func (a *api) configure(obj js.Value) error {
	s, err := jsapi.Configure(a.st.Settings(), obj)
	if err != nil {
		return err
	}
	return a.st.Configure(s)
}
