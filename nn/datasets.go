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
	name string
	gen  func(r *rand.Rand, n int) []Point
}{
	{"notebook", func(*rand.Rand, int) []Point { return NotebookData() }},
	{"circle", circle},
	{"xor", xor},
	{"gaussians", gaussians},
	{"spiral", spiral},
}

// DatasetNames returns the names Dataset accepts, "notebook" first.
func DatasetNames() []string {
	names := make([]string, len(datasetPresets))
	for i, p := range datasetPresets {
		names[i] = p.name
	}
	return names
}

// Dataset returns n points of a preset, labelled -1 and 1, in the plane
// [-6, 6]^2: "notebook" (the notebook's ten points; n and noise are
// ignored), "circle" (a disc of 1s inside a ring of -1s), "xor" (label 1
// where x and y have the same sign), "gaussians" (two normal blobs) and
// "spiral" (two interleaved spirals). noise is the standard deviation of
// normal jitter added to each coordinate (clamped to the plane). The
// points depend only on the arguments: rand.NewPCG(seed, DatasetStream)
// drives them.
func Dataset(name string, n int, noise float64, seed uint64) ([]Point, error) {
	for _, p := range datasetPresets {
		if p.name != name {
			continue
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
		pts := p.gen(r, n)
		for i := range pts {
			pts[i].X = clampPlane(pts[i].X + noise*r.NormFloat64())
			pts[i].Y = clampPlane(pts[i].Y + noise*r.NormFloat64())
		}
		return pts, nil
	}
	return nil, fmt.Errorf("nn: unknown dataset %q (valid: %s)", name, joinNames(DatasetNames()))
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
		pts[i] = Point{rad * math.Cos(t), rad * math.Sin(t), label(i)}
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
		pts[i] = Point{x, y, l}
	}
	return pts
}

// gaussians draws label 1 around (2, 2) and label -1 around (-2, -2), sd 1.
func gaussians(r *rand.Rand, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		c := 2.0 * float64(label(i))
		pts[i] = Point{c + r.NormFloat64(), c + r.NormFloat64(), label(i)}
	}
	return pts
}

// spiral draws two interleaved spirals of radius up to 5, half a turn apart.
func spiral(r *rand.Rand, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		s := r.Float64()
		rad := 5 * s
		t := 1.75*2*math.Pi*s + math.Pi*float64((1-label(i))/2)
		pts[i] = Point{rad * math.Cos(t), rad * math.Sin(t), label(i)}
	}
	return pts
}
