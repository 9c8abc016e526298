//go:build js && wasm

package jsapi

import (
	"fmt"
	"syscall/js"

	"github.com/nnviz/nnviz/app"
	"github.com/nnviz/nnviz/nn"
)

// Settings are the keys configure accepts.
var Settings = []string{"layers", "activation", "cost", "learningRate", "l2", "mode", "batch", "speed", "label"}

// nameMax bounds the strings configure reads (activation, cost and mode names).
const nameMax = 32

// Configure applies the settings named in obj ({layers, activation, cost, learningRate, l2,
// mode, batch, speed, label}) to s and returns the result; the rest stay. Unknown or bad keys
// reject the whole call. The limits are checked by app.Settings.Validate when the result is
// applied, the same check the address goes through.
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
		case "activation", "cost", "mode":
			var name string
			if name, err = Text(v, 0, key, "a name", nameMax); err != nil {
				return s, err
			}
			switch key {
			case "activation":
				s.Net.Activation, err = nn.ParseActivation(name)
			case "cost":
				s.Net.Cost, err = nn.ParseCost(name)
			default:
				s.Train.Mode, err = nn.ParseMode(name)
			}
		case "learningRate":
			s.Train.StepSize, err = Number(v, 0, key)
		case "l2":
			s.Train.L2, err = Number(v, 0, key)
		case "batch":
			s.Train.Batch, err = Integer(v, 0, key)
		case "speed":
			s.Speed, err = Integer(v, 0, key)
		case "label":
			s.AddLabel, err = Integer(v, 0, key)
		default:
			return s, ArgError(0, "settings", "%q is not a setting; known: %v", key, Settings)
		}
		if err != nil {
			return s, err
		}
	}
	return s, nil
}
