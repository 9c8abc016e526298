package app

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/nnviz/nnviz/nn"
)

// Setup is what a page's URL asks for: the settings, the data, optional starting weights, and
// how the page behaves.
type Setup struct {
	Settings Settings
	Points   []nn.Point
	Initial  nn.Params // nil: weights from the seed
	Data     string    // the preset the points came from ("notebook", "circle", ...), "" if inline
	Noise    float64   // the preset's noise
	Count    int       // the preset's number of points
	DataSeed uint64    // the seed the preset's points are drawn from (the network's seed if not given)
	Teach    int       // point to open teaching mode on, -1 for none
	// TeachAll (view=all) shows every stage of the walk-through on one page.
	TeachAll bool
	Autoplay bool
	Controls []string // the controls to show; nil shows all
	// Origins are the parent pages allowed to drive an embed by postMessage: origins such as
	// "https://course.example.org", or "*" for any. None: only the page's own origin.
	Origins []string
}

// Problem is one URL parameter that could not be used, and why. The page shows it and uses the
// default for that parameter.
type Problem struct {
	Param   string
	Message string
}

// Error says the parameter and what was wrong with it: "layers: \"x\" is not a number".
func (p Problem) Error() string { return p.Param + ": " + p.Message }

// Controls are the names the controls and hide parameters accept.
var Controls = []string{
	"play", "step", "reset", "seed", "lr", "speed", "mode", "shape", "activation", "cost",
	"label", "data", "undo", "share", "io", "teach", "problem", "features", "test", "reg", "discretize",
}

// Default point counts and noise for presets.
const (
	DefaultCount = 200
	MaxCount     = MaxPoints
	MaxNoise     = 2.0
)

// DefaultSetup is the notebook's network on the notebook's ten points.
func DefaultSetup() Setup {
	return Setup{
		Settings: DefaultSettings(),
		Points:   nn.NotebookData(),
		Data:     "notebook",
		Count:    DefaultCount,
		Teach:    -1,
	}
}

// splitQuery splits a raw query into its parameters in order, leaving out the well-known
// tracking parameters (utm_source, fbclid, ...). Unlike url.ParseQuery it accepts ';' inside
// values, which the points parameter uses.
func splitQuery(raw string) ([][2]string, []Problem) {
	raw = strings.TrimPrefix(raw, "?")
	var kv [][2]string
	var probs []Problem
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			probs = append(probs, Problem{k, "the name is not valid URL encoding"})
			continue
		}
		if isTrackingParam(key) {
			continue // added to the link on its way, not by its author: see trackingParams
		}
		val, err := url.QueryUnescape(v)
		if err != nil {
			probs = append(probs, Problem{key, fmt.Sprintf("%q is not valid URL encoding", v)})
			continue
		}
		kv = append(kv, [2]string{key, val})
	}
	return kv, probs
}

// ParseQuery reads a page's query string into a Setup. Every parameter that is wrong is
// reported as a Problem naming it and why, and its default is used instead; the rest apply.
func ParseQuery(raw string) (Setup, []Problem) {
	su := DefaultSetup()
	kv, probs := splitQuery(raw)
	params := map[string]string{}
	for _, p := range kv {
		// view=all is the walk-through's view, not the plane's: it may stand beside a view
		// of the plane (an author's teach=0&view=all after a learner's saved state).
		if p[0] == "view" && p[1] == "all" {
			su.TeachAll = true
			continue
		}
		if _, dup := params[p[0]]; dup {
			probs = append(probs, Problem{p[0], "given more than once; the last one is used"})
		}
		params[p[0]] = p[1]
	}
	bad := func(param, format string, args ...any) {
		probs = append(probs, Problem{param, fmt.Sprintf(format, args...)})
	}
	s := &su.Settings
	// The task comes first: the shape's ends and the points are read against it.
	if v, ok := params["problem"]; ok {
		if p, err := nn.ParseProblem(v); err != nil {
			bad("problem", "%v", err)
		} else {
			s.Net.Task.Problem = p
		}
	}
	if v, ok := params["classes"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 2 || n > nn.MaxClasses {
			bad("classes", "%q is not a number of classes; use a whole number from 2 to %d", v, nn.MaxClasses)
		} else if s.Net.Task.Problem == nn.Regression {
			bad("classes", "a regression has no classes")
		} else if n != 2 {
			s.Net.Task.Classes = n
		}
	}
	if v, ok := params["features"]; ok {
		if fs, err := nn.ParseFeatures(v); err != nil {
			bad("features", "%v", err)
		} else if !slices.Equal(fs, nn.DefaultTask().Features) {
			s.Net.Task.Features = fs
		}
	}
	s.Net.Layers = FitLayers(s.Net.Layers, s.Net.Task)
	// The network's shape comes next: weights are read against it.
	if v, ok := params["layers"]; ok {
		if layers, err := parseLayers(v, s.Net.Task); err != nil {
			bad("layers", "%v", err)
		} else {
			s.Net.Layers = layers
		}
	}
	if v, ok := params["activation"]; ok {
		if a, err := nn.ParseActivation(v); err != nil {
			bad("activation", "%v", err)
		} else {
			s.Net.Activation = a
		}
	}
	if v, ok := params["cost"]; ok {
		if c, err := nn.ParseCost(v); err != nil {
			bad("cost", "%v", err)
		} else {
			s.Net.Cost = c
		}
	}
	if v, ok := params["seed"]; ok {
		if n, err := strconv.ParseUint(v, 10, 64); err != nil || n > MaxSeed {
			bad("seed", "%q is not a whole number from 0 to %d", v, uint64(MaxSeed))
		} else {
			s.Net.Seed = n
			s.Train.Seed = n
		}
	}
	if v, ok := params["lr"]; ok {
		if f, err := parseFloat(v); err != nil || nn.CheckStepSize(f) != nil {
			bad("lr", "%q is not a learning rate; use a number above 0 and at most %d", v, nn.MaxStepSize)
		} else {
			s.Train.StepSize = f
		}
	}
	parseReg(params, s, bad)
	if v, ok := params["mode"]; ok {
		if m, err := nn.ParseMode(v); err != nil {
			bad("mode", "%v", err)
		} else {
			s.Train.Mode = m
		}
	}
	if v, ok := params["batch"]; ok {
		if n, err := strconv.Atoi(v); err != nil || nn.CheckBatch(n) != nil {
			bad("batch", "%q is not a batch size; use a whole number from 1 to %d", v, nn.MaxBatch)
		} else {
			s.Train.Batch = n
			if _, given := params["mode"]; !given {
				s.Train.Mode = nn.MiniBatch
			}
		}
	}
	if v, ok := params["speed"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > MaxSpeed {
			bad("speed", "%q is not a speed; use a whole number of steps per frame from 1 to %d", v, MaxSpeed)
		} else {
			s.Speed = n
		}
	}
	if v, ok := params["label"]; ok {
		if n, err := strconv.Atoi(v); err != nil || (s.Net.Task.Problem == nn.Classification && checkLabel(s.Net.Task, n) != nil) {
			bad("label", "%q is not a class; use %s", v, s.Net.Task.LabelNames())
		} else {
			s.AddLabel = n
		}
	}
	if v, ok := params["value"]; ok {
		if f, err := parseFloat(v); err != nil || checkValue(f) != nil {
			bad("value", "%q is not a value for a new point; use a number from -1 to 1", v)
		} else {
			s.AddValue = f
		}
	}
	if v, ok := params["test"]; ok {
		if f, err := parseFloat(v); err != nil || checkTestFraction(f) != nil {
			bad("test", "%q is not a share of the points to hold out as test data; use a number from 0 to %g", v, MaxTestFraction)
		} else {
			s.TestFraction = f
		}
	}
	if v, ok := params["gradients"]; ok {
		if b, err := parseBool(v); err != nil {
			bad("gradients", "%v; gradients=1 colours the edges by the last step's dw", err)
		} else {
			s.Gradients = b
		}
	}
	if v, ok := params["showTest"]; ok {
		if b, err := parseBool(v); err != nil {
			bad("showTest", "%v", err)
		} else {
			s.ShowTest = b
		}
	}
	if v, ok := params["n"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > MaxCount {
			bad("n", "%q is not a number of points; use a whole number from 1 to %d", v, MaxCount)
		} else {
			su.Count = n
		}
	}
	if v, ok := params["noise"]; ok {
		if f, err := parseFloat(v); err != nil || f < 0 || f > MaxNoise {
			bad("noise", "%q is not a noise level; use a number from 0 to %g", v, MaxNoise)
		} else {
			su.Noise = f
		}
	}
	su.DataSeed = s.Net.Seed
	if v, ok := params["dataseed"]; ok {
		if n, err := strconv.ParseUint(v, 10, 64); err != nil || n > MaxSeed {
			bad("dataseed", "%q is not a whole number from 0 to %d", v, uint64(MaxSeed))
		} else {
			su.DataSeed = n
		}
	}
	task := s.Net.Task
	data, given := params["data"]
	if !given {
		data = FirstPreset(task)
	}
	if err := presetFits(data, task); err != nil {
		bad("data", "%v; using %q", err, FirstPreset(task))
		data = FirstPreset(task)
	}
	if given || data != su.Data {
		if pts, err := nn.DatasetClasses(data, su.Count, su.Noise, su.DataSeed, max(task.NumClasses(), 2)); err != nil {
			bad("data", "%v", err)
		} else {
			su.Points, su.Data = pts, data
			if data != "notebook" {
				s.View = PresetView
			}
		}
	}
	split(su.Points, s.TestFraction, su.DataSeed)
	if v, ok := params["points"]; ok {
		if pts, err := ParsePoints(v, task); err != nil {
			bad("points", "%v", err)
		} else {
			su.Points, su.Data = pts, ""
		}
	}
	if v, ok := params["view"]; ok {
		if view, err := parseView(v); err != nil {
			bad("view", "%v", err)
		} else {
			s.View = view
		}
	}
	if v, ok := params["weights"]; ok {
		if p, err := parseWeights(v, s.Net.Layers); err != nil {
			bad("weights", "%v", err)
		} else {
			su.Initial = p
		}
	}
	if su.TeachAll {
		if _, ok := params["teach"]; !ok {
			bad("view", "all shows every stage of the walk-through; open it on a point with teach (e.g. teach=0&view=all)")
		}
	}
	if v, ok := params["teach"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 0 || n >= len(su.Points) {
			bad("teach", "%q is not a point; use an index from 0 to %d", v, len(su.Points)-1)
		} else {
			su.Teach = n
		}
	}
	if v, ok := params["autoplay"]; ok {
		if b, err := parseBool(v); err != nil {
			bad("autoplay", "%v", err)
		} else {
			su.Autoplay = b
		}
	}
	if v, ok := params["controls"]; ok {
		if names, err := parseControls(v); err != nil {
			bad("controls", "%v", err)
		} else {
			su.Controls = names
		}
	}
	if v, ok := params["hide"]; ok {
		if names, err := parseControls(v); err != nil {
			bad("hide", "%v", err)
		} else {
			shown := su.Controls
			if shown == nil {
				shown = Controls
			}
			su.Controls = slices.DeleteFunc(slices.Clone(shown), func(c string) bool { return slices.Contains(names, c) })
		}
	}
	if v, ok := params["origins"]; ok {
		if o, err := parseOrigins(v); err != nil {
			bad("origins", "%v", err)
		} else {
			su.Origins = o
		}
	}
	for _, p := range kv {
		if !slices.Contains(knownParams, p[0]) {
			bad(p[0], "is not a parameter nnviz knows; known: %s", strings.Join(knownParams, ", "))
		}
	}
	// A combination can still be wrong (e.g. a batch larger than the data is fine, but a
	// view that is empty is not): the whole must validate, or it falls back to the default.
	if err := su.Settings.Validate(); err != nil {
		bad("settings", "%v; using the defaults", err)
		su.Settings, su.Initial = DefaultSettings(), nil
	}
	return su, probs
}

var knownParams = []string{
	"problem", "classes", "features", "layers", "activation", "cost", "lr", "reg", "regRate", "l2", "discretize", "mode", "batch", "seed", "data", "n",
	"noise", "dataseed", "test", "showTest", "points", "weights", "view", "teach", "autoplay", "speed",
	"label", "value", "controls", "hide", "origins", "gradients",
}

// parseFloat reads a decimal number such as 0.5, -3 or 1e-4. Go's other forms (1_0, 0x1p3,
// Inf, NaN) are not what a person or a spreadsheet means, so they are refused.
func parseFloat(v string) (float64, error) {
	t := strings.TrimSpace(v)
	if strings.Trim(t, "0123456789+-.eE") != "" {
		return 0, fmt.Errorf("%q is not a decimal number", v)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a finite number", v)
	}
	return f, nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "", "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", v)
}

// parseLayers reads "2,3,2": the neurons per layer, input to output, for a network of the task.
func parseLayers(v string, task nn.Task) ([]int, error) {
	parts := strings.Split(v, ",")
	layers := make([]int, 0, len(parts))
	for _, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", p)
		}
		layers = append(layers, n)
	}
	cfg := nn.DefaultConfig()
	cfg.Layers, cfg.Task = layers, task
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return layers, nil
}

func parseView(v string) (View, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return View{}, fmt.Errorf("%q is not xmin,xmax,ymin,ymax", v)
	}
	var f [4]float64
	for i, p := range parts {
		x, err := parseFloat(p)
		if err != nil {
			return View{}, err
		}
		f[i] = x
	}
	view := View{f[0], f[1], f[2], f[3]}
	return view, view.Validate()
}

func parseControls(v string) ([]string, error) {
	names := []string{}
	for _, c := range strings.Split(v, ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !slices.Contains(Controls, c) {
			return nil, fmt.Errorf("%q is not a control; known: %s", c, strings.Join(Controls, ", "))
		}
		names = append(names, c)
	}
	return names, nil
}

// Source is the preset the setup's points come from, or the zero DataSource for points given
// in the address (or none).
func (su Setup) Source() DataSource {
	if su.Data == "" {
		return DataSource{}
	}
	return DataSource{Name: su.Data, N: su.Count, Noise: su.Noise, Seed: su.DataSeed, Classes: sourceClasses(su.Settings.Net.Task)}
}

// ShareQuery encodes the playground's full state as a query string that ParseQuery restores:
// the data, the shape, the settings and the seed, and, if withWeights, the current weights
// (otherwise the link starts from the seed's, or the pinned notebook weights). Points drawn by
// a preset and not edited since are written as the preset, its count, noise and data seed,
// which draw exactly the same points again; other points are written out.
func (st *State) ShareQuery(withWeights bool) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	s := st.settings
	q := []string{
		"layers=" + strings.Trim(strings.Join(strings.Fields(fmt.Sprint(s.Net.Layers)), ","), "[]"),
		"activation=" + s.Net.Activation.String(),
		"cost=" + s.Net.Cost.String(),
		"lr=" + formatFloat(s.Train.StepSize),
		"mode=" + s.Train.Mode.String(),
		"batch=" + strconv.Itoa(s.Train.Batch),
		"seed=" + strconv.FormatUint(s.Net.Seed, 10),
		"speed=" + strconv.Itoa(s.Speed),
		"label=" + strconv.Itoa(s.AddLabel),

		fmt.Sprintf("view=%s,%s,%s,%s", formatFloat(s.View.XMin), formatFloat(s.View.XMax), formatFloat(s.View.YMin), formatFloat(s.View.YMax)),
	}
	if task := s.Net.Task; !task.Equal(nn.Task{}) {
		q = append(q, "problem="+task.Problem.String(), "features="+nn.FormatFeatures(task.InputFeatures()))
		if k := task.NumClasses(); k > 2 {
			q = append(q, "classes="+strconv.Itoa(k))
		}
	}
	if s.Net.Task.Problem == nn.Regression {
		q = append(q, "value="+formatFloat(s.AddValue))
	}
	if s.TestFraction != 0 {
		q = append(q, "test="+formatFloat(s.TestFraction))
	}
	if !s.ShowTest {
		q = append(q, "showTest=0")
	}
	if src, ok := st.presetSource(); ok {
		q = append(q, "data="+url.QueryEscape(src.Name))
		if src.Name != "notebook" {
			q = append(q, "n="+strconv.Itoa(src.N), "noise="+formatFloat(src.Noise), "dataseed="+strconv.FormatUint(src.Seed, 10))
		}
	} else {
		q = append(q, "points="+url.QueryEscape(FormatPoints(st.points, s.Net.Task)))
	}
	q = append(q, regQuery(s)...)
	if s.Gradients {
		q = append(q, "gradients=1")
	}
	switch {
	case withWeights:
		q = append(q, "weights="+url.QueryEscape(FormatWeights(st.net.Params())))
	case st.initial != nil:
		q = append(q, "weights="+url.QueryEscape(FormatWeights(st.initial)))
	}
	return strings.Join(q, "&")
}
