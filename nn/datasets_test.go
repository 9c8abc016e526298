package nn

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestDatasets checks every preset: size, valid points inside the plane,
// both labels (or values of both signs) present, determinism for a seed,
// and variety across seeds.
func TestDatasets(t *testing.T) {
	for _, name := range DatasetNames() {
		a, err := Dataset(name, 200, 0.3, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := 200
		if name == "notebook" {
			want = 10
		}
		if len(a) != want {
			t.Errorf("%s: %d points, want %d", name, len(a), want)
		}
		problem, err := DatasetProblem(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := (Task{Problem: problem}).CheckPoints(a); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		counts := map[int]int{}
		for _, p := range a {
			if problem == Regression {
				if p.Label != 0 {
					t.Errorf("%s: point %v has a label", name, p)
				}
				// Count the signs of the values as the labels.
				p.Label = map[bool]int{true: 1, false: -1}[p.Value > 0]
			}
			counts[p.Label]++
			if p.X < -PlaneMax || p.X > PlaneMax || p.Y < -PlaneMax || p.Y > PlaneMax {
				t.Errorf("%s: point %v outside the plane", name, p)
			}
		}
		if counts[1] < len(a)/4 || counts[-1] < len(a)/4 {
			t.Errorf("%s: labels %v unbalanced", name, counts)
		}
		b, _ := Dataset(name, 200, 0.3, 1)
		if !slices.Equal(a, b) {
			t.Errorf("%s: same seed, different points", name)
		}
		c, _ := Dataset(name, 200, 0.3, 2)
		if name != "notebook" && slices.Equal(a, c) {
			t.Errorf("%s: seeds 1 and 2 give the same points", name)
		}
	}
	// Without noise the presets are cleanly separated by their rule.
	pts, _ := Dataset("circle", 100, 0, 4)
	for _, p := range pts {
		r2 := p.X*p.X + p.Y*p.Y
		if (p.Label == 1) != (r2 <= 4) {
			t.Errorf("circle without noise: %v", p)
		}
	}
	pts, _ = Dataset("xor", 100, 0, 4)
	for _, p := range pts {
		if (p.Label == 1) != (p.X*p.Y > 0) {
			t.Errorf("xor without noise: %v", p)
		}
	}
}

// TestRegressionDatasetsFollowTheirRules checks the regression presets without noise against
// the functions they sample: the plane's (x+y)/10 and the six bumps' peaks and zeros.
func TestRegressionDatasetsFollowTheirRules(t *testing.T) {
	pts, _ := Dataset("plane", 300, 0, 3)
	for _, p := range pts {
		if want := min(max((p.X+p.Y)/10, -1), 1); p.Value != want {
			t.Errorf("plane: value %v at (%v, %v), want %v", p.Value, p.X, p.Y, want)
		}
	}
	pts, _ = Dataset("gaussreg", 2000, 0, 3)
	var pos, neg, zero int
	for _, p := range pts {
		switch {
		case p.Value > 0.5:
			pos++
		case p.Value < -0.5:
			neg++
		case p.Value == 0:
			zero++
		}
	}
	// Each bump's disc of radius 1 (value beyond ±0.5) covers π/144 of the plane.
	if pos < 30 || neg < 30 || zero < 500 {
		t.Errorf("gaussreg: %d points above 0.5, %d below -0.5, %d at 0; want bumps of both signs on a flat 0", pos, neg, zero)
	}
	if v := regressGaussians(newRand(1, DatasetStream), 1); v[0].Value < -1 || v[0].Value > 1 {
		t.Errorf("gaussreg value %v outside [-1, 1]", v[0].Value)
	}
	if p, err := DatasetProblem("gaussreg"); p != Regression || err != nil {
		t.Errorf("DatasetProblem(gaussreg) = %v, %v", p, err)
	}
	if _, err := DatasetProblem("moons"); err == nil || !strings.Contains(err.Error(), `"moons"`) {
		t.Errorf("DatasetProblem(moons) error %v, want one naming it", err)
	}
}

// TestPresetsAreUnchanged pins the two-class presets' points, bit for bit, to what they were
// before presets of K classes came: share links and saved states name a preset by its
// arguments, and must draw the same points as when they were made.
func TestPresetsAreUnchanged(t *testing.T) {
	for name, want := range map[string]uint64{
		"spiral": 0x6f1f66b91c8276d4, "circle": 0xc96a6eb093c9a9b7, "xor": 0x497ef886cb2110b2, "gaussians": 0xe1e7ab4600d10dd4,
	} {
		pts, err := Dataset(name, 200, 0.3, 11)
		if err != nil {
			t.Fatal(err)
		}
		h := fnv.New64a()
		for _, p := range pts {
			fmt.Fprintf(h, "%x %x %d;", math.Float64bits(p.X), math.Float64bits(p.Y), p.Label)
		}
		if got := h.Sum64(); got != want {
			t.Errorf("%s of 200 points, noise 0.3, seed 11: hash %#x, want %#x (the points changed)", name, got, want)
		}
	}
}
