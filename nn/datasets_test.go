package nn

import (
	"slices"
	"testing"
)

// TestDatasets checks every preset: size, valid points inside the plane,
// both labels present, determinism for a seed, and variety across seeds.
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
		if err := CheckPoints(a); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		counts := map[int]int{}
		for _, p := range a {
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
