package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// PlaneMax bounds the playground's plane: presets lie in [-PlaneMax, PlaneMax]^2.
const PlaneMax = 6

// MaxDatasetPoints is the largest n Dataset accepts.
const MaxDatasetPoints = 10000

// datasetPresets maps each preset's name to its generator, in DatasetNames order.
var datasetPresets = []struct {
	name    string
	problem Problem
	gen     func(r *rand.Rand, n int) []Point
	// genK, if set, draws the preset for K classes (2 to MaxClasses), labelled 1..K for K > 2.
	genK func(r *rand.Rand, n, k int) []Point
}{
	{"notebook", Classification, func(*rand.Rand, int) []Point { return NotebookData() }, nil},
	{"circle", Classification, circle, nil},
	{"xor", Classification, xor, nil},
	{"gaussians", Classification, gaussians, nil},
	{"spiral", Classification, func(r *rand.Rand, n int) []Point { return spiral(r, n, 2) }, spiral},
	{"blobs", Classification, func(r *rand.Rand, n int) []Point { return blobs(r, n, 2) }, blobs},
	{"plane", Regression, regressPlane, nil},
	{"gaussreg", Regression, regressGaussians, nil},
}

// DatasetNames returns the names Dataset accepts, "notebook" first.
func DatasetNames() []string {
	names := make([]string, len(datasetPresets))
	for i, p := range datasetPresets {
		names[i] = p.name
	}
	return names
}

// DatasetProblem returns the problem a preset's points are for: the
// classification presets label their points -1 and 1, the regression ones
// ("plane", "gaussreg") give each a value in [-1, 1].
func DatasetProblem(name string) (Problem, error) {
	for _, p := range datasetPresets {
		if p.name == name {
			return p.problem, nil
		}
	}
	return 0, fmt.Errorf("nn: unknown dataset %q (valid: %s)", name, joinNames(DatasetNames()))
}

// Dataset returns n points of a preset in the plane
// [-6, 6]^2: "notebook" (the notebook's ten points; n and noise are
// ignored), "circle" (a disc of 1s inside a ring of -1s), "xor" (label 1
// where x and y have the same sign), "gaussians" (two normal blobs) and
// "spiral" (two interleaved spirals), each labelled -1 and 1; and for
// regression "plane" (the value (x+y)/10) and "gaussreg" (six bumps of
// value 1 and -1), as TensorFlow Playground's reg-plane and reg-gauss. noise is the standard deviation of
// normal jitter added to each coordinate (clamped to the plane). The
// points depend only on the arguments: rand.NewPCG(seed, DatasetStream)
// drives them.
func Dataset(name string, n int, noise float64, seed uint64) ([]Point, error) {
	return DatasetClasses(name, n, noise, seed, 2)
}

// DatasetClasses is Dataset for a classification of k classes: "spiral" (k
// interleaved arms) and "blobs" (k normal blobs around a circle) draw any k
// from 2 to MaxClasses, labelled 1..k for k > 2 (-1 and 1 for two); the
// other classification presets have two classes only, and a regression
// preset takes k = 2 (its points have values, not classes).
func DatasetClasses(name string, n int, noise float64, seed uint64, k int) ([]Point, error) {
	for _, p := range datasetPresets {
		if p.name != name {
			continue
		}
		if k < 2 || k > MaxClasses {
			return nil, fmt.Errorf("nn: dataset %q of %d classes, want 2 to %d", name, k, MaxClasses)
		}
		if k > 2 && p.genK == nil {
			return nil, fmt.Errorf("nn: dataset %q has two classes; for %d classes use %s", name, k, joinNames(multiClassPresets()))
		}
		if name == "notebook" {
			return NotebookData(), nil
		}
		if n < 1 || n > MaxDatasetPoints {
			return nil, fmt.Errorf("nn: dataset %q with %d points, want 1 to %d", name, n, MaxDatasetPoints)
		}
		if !(noise >= 0) || math.IsInf(noise, 0) {
			return nil, fmt.Errorf("nn: dataset noise is %v, want a finite number >= 0", noise)
		}
		r := newRand(seed, DatasetStream)
		var pts []Point
		if k > 2 {
			pts = p.genK(r, n, k)
		} else {
			pts = p.gen(r, n)
		}
		for i := range pts {
			pts[i].X = clampPlane(pts[i].X + noise*r.NormFloat64())
			pts[i].Y = clampPlane(pts[i].Y + noise*r.NormFloat64())
		}
		return pts, nil
	}
	return nil, fmt.Errorf("nn: unknown dataset %q (valid: %s)", name, joinNames(DatasetNames()))
}

// multiClassPresets are the presets that draw any number of classes.
func multiClassPresets() []string {
	var names []string
	for _, p := range datasetPresets {
		if p.genK != nil {
			names = append(names, p.name)
		}
	}
	return names
}

// PresetHasClasses reports whether a preset draws k classes.
func PresetHasClasses(name string, k int) bool {
	for _, p := range datasetPresets {
		if p.name == name {
			return p.problem == Classification && (k == 2 || p.genK != nil)
		}
	}
	return false
}

// classOf is the label of point i of a preset of k classes: classes take
// turns, 1, -1, 1, ... for two (so presets alternate as they always have),
// 1, 2, ..., k for more.
func classOf(i, k int) int {
	if k == 2 {
		return label(i)
	}
	return i%k + 1
}

// arm is the arm (or blob) of point i of a preset of k classes, 0..k-1:
// label 1 is arm 0 and label -1 arm 1 for two classes.
func arm(i, k int) int {
	if k == 2 {
		return (1 - label(i)) / 2
	}
	return i % k
}

func clampPlane(v float64) float64 { return min(max(v, -PlaneMax), PlaneMax) }

// label returns 1 for even i and -1 for odd i, so presets alternate classes.
func label(i int) int {
	if i%2 == 0 {
		return 1
	}
	return -1
}

// circle puts label 1 in the disc of radius 2 and label -1 in the ring 3..5.
func circle(r *rand.Rand, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		rad := 2 * math.Sqrt(r.Float64())
		if label(i) == -1 {
			rad = 3 + 2*r.Float64()
		}
		t := 2 * math.Pi * r.Float64()
		pts[i] = Point{X: rad * math.Cos(t), Y: rad * math.Sin(t), Label: label(i)}
	}
	return pts
}

// xor draws points in [-5, 5]^2 away from the axes; label 1 where x*y > 0.
func xor(r *rand.Rand, n int) []Point {
	pts := make([]Point, n)
	const pad = 0.3
	for i := range pts {
		x := pad + (5-pad)*r.Float64()
		y := pad + (5-pad)*r.Float64()
		if r.IntN(2) == 0 {
			x = -x
		}
		if r.IntN(2) == 0 {
			y = -y
		}
		l := -1
		if x*y > 0 {
			l = 1
		}
		pts[i] = Point{X: x, Y: y, Label: l}
	}
	return pts
}

// gaussians draws label 1 around (2, 2) and label -1 around (-2, -2), sd 1.
func gaussians(r *rand.Rand, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		c := 2.0 * float64(label(i))
		pts[i] = Point{X: c + r.NormFloat64(), Y: c + r.NormFloat64(), Label: label(i)}
	}
	return pts
}

// spiral draws k interleaved spirals of radius up to 5, a k-th of a turn
// apart (two: half a turn).
func spiral(r *rand.Rand, n, k int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		s := r.Float64()
		rad := 5 * s
		t := 1.75*2*math.Pi*s + 2*math.Pi*float64(arm(i, k))/float64(k)
		pts[i] = Point{X: rad * math.Cos(t), Y: rad * math.Sin(t), Label: classOf(i, k)}
	}
	return pts
}

// blobs draws k normal blobs (sd 1) around the circle of radius 3.5, the
// first on the positive x axis.
func blobs(r *rand.Rand, n, k int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		t := 2 * math.Pi * float64(arm(i, k)) / float64(k)
		pts[i] = Point{X: 3.5*math.Cos(t) + r.NormFloat64(), Y: 3.5*math.Sin(t) + r.NormFloat64(), Label: classOf(i, k)}
	}
	return pts
}

// regressUniform draws n points uniformly in [-6, 6]^2, each with the value f gives its place.
func regressUniform(r *rand.Rand, n int, f func(x, y float64) float64) []Point {
	pts := make([]Point, n)
	for i := range pts {
		x := PlaneMax * (2*r.Float64() - 1)
		y := PlaneMax * (2*r.Float64() - 1)
		pts[i] = Point{X: x, Y: y, Value: min(max(f(x, y), -MaxValue), MaxValue)}
	}
	return pts
}

// regressPlane gives each point the value (x+y)/10, clamped to [-1, 1]: a tilted plane.
func regressPlane(r *rand.Rand, n int) []Point {
	return regressUniform(r, n, func(x, y float64) float64 { return (x + y) / 10 })
}

// bumps are regressGaussians' centres and signs: three of each sign, alternating, as in
// TensorFlow Playground's reg-gauss.
var bumps = [...]struct{ x, y, sign float64 }{
	{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
	{-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1},
}

// regressGaussians gives each point the value of the strongest of six bumps: sign·(1 - d/2)
// at distance d < 2 from a bump's centre, 0 farther than 2 from every centre.
func regressGaussians(r *rand.Rand, n int) []Point {
	return regressUniform(r, n, func(x, y float64) float64 {
		v := 0.0
		for _, b := range bumps {
			d := math.Hypot(x-b.x, y-b.y)
			if u := b.sign * max(1-d/2, 0); math.Abs(u) > math.Abs(v) {
				v = u
			}
		}
		return v
	})
}
