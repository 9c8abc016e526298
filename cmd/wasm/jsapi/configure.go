//go:build js && wasm

package jsapi

import (
	"fmt"
	"slices"
	"syscall/js"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// Settings are the keys configure accepts.
var Settings = []string{"problem", "classes", "features", "layers", "activation", "cost", "learningRate", "reg", "regRate", "l2", "discretize", "mode", "batch", "speed", "label", "value", "test", "showTest"}

// nameMax bounds the strings configure reads (activation, cost and mode names).
const nameMax = 32

// Configure applies the settings named in obj ({problem, classes, features, layers, activation, cost,
// learningRate, reg, regRate, discretize, mode, batch, speed, label, value, test, showTest}) to s
// and returns the result; the rest stay. The older l2 is reg 'l2' with that rate (reg, if given
// too, wins). A new problem, classes or features without layers keeps the hidden layers and
// fits the input and output layers to them (and a regression without a cost learns with the
// quadratic one). Unknown or bad keys reject the whole call. The limits are checked by
// app.Settings.Validate when the result is applied, the same check the address goes through.
func Configure(s app.Settings, obj js.Value) (app.Settings, error) {
	if obj.Type() != js.TypeObject || IsArray(obj) {
		return s, ArgError(0, "settings", "want an object such as {learningRate: 0.3}, got %s", Describe(obj))
	}
	keys := js.Global().Get("Object").Call("keys", obj)
	if n := keys.Length(); n > len(Settings) {
		return s, ArgError(0, "settings", "%d keys is more than the %d settings there are (%v)", n, len(Settings), Settings)
	}
	for k := 0; k < keys.Length(); k++ {
		kv := keys.Index(k)
		if strLen(kv) > nameMax {
			return s, ArgError(0, "settings", "%s is not a setting; known: %v", Describe(kv), Settings)
		}
		key := kv.String()
		v := obj.Get(key)
		var err error
		switch key {
		case "layers":
			var n int
			if n, err = array(v, 0, "layers", "an array such as [2, 3, 2]", nn.MaxHidden+2); err != nil {
				return s, err
			}
			layers := make([]int, n)
			for i := range layers {
				if layers[i], err = Integer(v.Index(i), 0, fmt.Sprintf("layers[%d]", i)); err != nil {
					return s, err
				}
			}
			s.Net.Layers = layers
		case "activation", "cost", "mode", "reg":
			var name string
			if name, err = Text(v, 0, key, "a name", nameMax); err != nil {
				return s, err
			}
			switch key {
			case "activation":
				s.Net.Activation, err = nn.ParseActivation(name)
			case "cost":
				s.Net.Cost, err = nn.ParseCost(name)
			case "reg":
				s.Train.Reg, err = nn.ParseRegularization(name)
			default:
				s.Train.Mode, err = nn.ParseMode(name)
			}
		case "learningRate":
			s.Train.StepSize, err = Number(v, 0, key)
		case "regRate":
			s.Train.RegRate, err = Number(v, 0, key)
		case "l2":
			s.Train.RegRate, err = Number(v, 0, key)
			if obj.Get("reg").IsUndefined() {
				s.Train.Reg = nn.L2
			}
		case "discretize":
			if v.Type() != js.TypeBoolean {
				return s, ArgError(0, key, "want true or false, got %s", Describe(v))
			}
			s.Discretize = v.Bool()
		case "batch":
			s.Train.Batch, err = Integer(v, 0, key)
		case "speed":
			s.Speed, err = Integer(v, 0, key)
		case "label":
			s.AddLabel, err = Integer(v, 0, key)
		case "value":
			s.AddValue, err = Number(v, 0, key)
		case "test":
			s.TestFraction, err = Number(v, 0, key)
		case "showTest":
			if v.Type() != js.TypeBoolean {
				return s, ArgError(0, key, "want true or false, got %s", Describe(v))
			}
			s.ShowTest = v.Bool()
		case "problem":
			var name string
			if name, err = Text(v, 0, key, "a name", nameMax); err == nil {
				s.Net.Task.Problem, err = nn.ParseProblem(name)
			}
		case "classes":
			var k int
			if k, err = Integer(v, 0, key); err == nil {
				if k == 2 {
					k = 0 // the notebook's two classes, as the zero Task says them
				}
				s.Net.Task.Classes = k
			}
		case "features":
			s.Net.Task.Features, err = features(v)
		default:
			return s, ArgError(0, "settings", "%q is not a setting; known: %v", key, Settings)
		}
		if err != nil {
			return s, err
		}
	}
	given := func(k string) bool { return obj.Get(k).Type() != js.TypeUndefined }
	if given("problem") && s.Net.Task.Problem == nn.Regression && !given("classes") {
		s.Net.Task.Classes = 0
	}
	if (given("problem") || given("features") || given("classes")) && !given("layers") {
		s.Net.Layers = app.FitLayers(s.Net.Layers, s.Net.Task)
	}
	if given("classes") && !given("label") {
		s.AddLabel = 1 // a class of every task
	}
	if given("problem") && !given("cost") && s.Net.Task.Problem == nn.Regression {
		s.Net.Cost = nn.Quadratic
	}
	return s, nil
}

// features reads the input features: "x,y,x2" as in the address, or ["x", "y", "x2"].
func features(v js.Value) ([]nn.Feature, error) {
	text := ""
	if IsArray(v) {
		n, err := array(v, 0, "features", "an array of feature names", nn.NumFeatures)
		if err != nil {
			return nil, err
		}
		for i := range n {
			name, err := Text(v.Index(i), 0, fmt.Sprintf("features[%d]", i), "a feature name", nameMax)
			if err != nil {
				return nil, err
			}
			text += name + ","
		}
		text = text[:max(len(text)-1, 0)]
	} else {
		var err error
		if text, err = Text(v, 0, "features", "a list such as \"x,y,x2\"", 8*nn.NumFeatures); err != nil {
			return nil, err
		}
	}
	fs, err := nn.ParseFeatures(text)
	if err != nil {
		return nil, err
	}
	if slices.Equal(fs, nn.DefaultTask().Features) {
		return nil, nil // the notebook's, as the zero Task says it
	}
	return fs, nil
}
