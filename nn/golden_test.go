package nn

import (
	"math"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// notebookNetwork is the notebook's 2-3-2 sigmoid network with the weights
// it prints in In [5] to In [8].
func notebookNetwork(t testing.TB) *Network {
	t.Helper()
	n, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := n.SetParams(NotebookParams()); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestGoldenNotebookTrace checks that the trace of the notebook's first
// point, [1.2, 0.7] with label 1, reproduces every number the notebook
// prints. The notebook's weights had more digits than it prints, so the
// tolerance is 0.002.
func TestGoldenNotebookTrace(t *testing.T) {
	const tol = 0.002
	n := notebookNetwork(t)
	before := n.Params()
	tr, err := n.Trace(NotebookData()[0], 0.1)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cell string
		name string
		want [][]float64
	}{
		{"In [9]", "a_1", [][]float64{{1.2}, {0.7}}},
		{"In [10]", "z_2", [][]float64{{-0.462}, {0.825}, {-1.504}}},
		{"In [12]", "a_2", [][]float64{{0.386}, {0.695}, {0.182}}},
		{"In [13]", "z_3", [][]float64{{0.17}, {2.122}}},
		{"In [14]", "a_3", [][]float64{{0.542}, {0.893}}},
		{"In [18]", "y", [][]float64{{0}, {1}}},
		{"In [19]", "C_x", [][]float64{{0.15280874657485913}}},
		{"In [20]", "dC_da_3", [][]float64{{0.542}, {-0.107}}},
		{"In [21], In [22]", "sigma_prime_3", [][]float64{{0.248}, {0.096}}},
		{"In [23]", "delta_3", [][]float64{{0.135}, {-0.01}}},
		{"In [26]", "sigma_prime_2", [][]float64{{0.237}, {0.212}, {0.149}}},
		// The notebook prints -0.0 for small negative values; 0 is within the tolerance.
		{"In [27]", "delta_2", [][]float64{{0}, {0.008}, {0.005}}},
		{"In [28]", "db_3", [][]float64{{0.135}, {-0.01}}},
		{"In [29]", "db_2", [][]float64{{0}, {0.008}, {0.005}}},
		{"In [31]", "dw_3", [][]float64{{0.052, 0.094, 0.024}, {-0.004, -0.007, -0.002}}},
		{"In [33]", "dw_2", [][]float64{{-0.001, 0}, {0.009, 0.005}, {0.006, 0.004}}},
		{"In [37]", "a_3_new", [][]float64{{0.537}, {0.893}}},
	}
	for _, tc := range tests {
		got := tr.Get(tc.name)
		if got == nil {
			t.Errorf("%s: trace has no %s", tc.cell, tc.name)
			continue
		}
		want := mat.NewDense(len(tc.want), len(tc.want[0]), nil)
		for i, row := range tc.want {
			want.SetRow(i, row)
		}
		if !mat.EqualApprox(got, want, tol) {
			t.Errorf("%s: %s =\n%v\nwant (within %g)\n%v", tc.cell, tc.name, mat.Formatted(got), tol, mat.Formatted(want))
		}
	}

	// In [25]: w_3.T.dot(delta_3), the step between delta_3 and delta_2.
	var back mat.Dense
	back.Mul(n.W(3).T(), tr.Get("delta_3"))
	if want := mat.NewDense(3, 1, []float64{-0.002, 0.036, 0.034}); !mat.EqualApprox(&back, want, tol) {
		t.Errorf("In [25]: w_3.T delta_3 = %v, want %v", mat.Formatted(&back), mat.Formatted(want))
	}

	// In [34]: w_l -= dw_l*step_size, b_l -= db_l*step_size.
	for l := 2; l <= 3; l++ {
		for _, kind := range []string{"w", "b"} {
			old := n.W(l)
			if kind == "b" {
				old = n.B(l)
			}
			var want mat.Dense
			want.Scale(-0.1, tr.Get(map[string]string{"w": "dw_", "b": "db_"}[kind]+itoa(l)))
			want.Add(old, &want)
			name := kind + "_" + itoa(l) + "_new"
			if got := tr.Get(name); got == nil || !mat.EqualApprox(got, &want, 1e-15) {
				t.Errorf("In [34]: %s = %v, want %v", name, got, mat.Formatted(&want))
			}
		}
	}

	if !paramsEqual(n.Params(), before) {
		t.Error("Trace changed the network's weights")
	}
}

// TestGoldenTraceNames checks the order of a trace's names, which the
// visualizer shows as the notebook's cells.
func TestGoldenTraceNames(t *testing.T) {
	tests := []struct {
		cfg  Config
		want []string
	}{
		{DefaultConfig(), []string{"a_1", "z_2", "a_2", "z_3", "a_3", "y", "C_x", "dC_da_3", "sigma_prime_3", "delta_3",
			"sigma_prime_2", "delta_2", "db_3", "db_2", "dw_3", "dw_2", "w_3_new", "b_3_new", "w_2_new", "b_2_new", "a_3_new"}},
		{Config{Layers: []int{2, 4, 3, 2}, Activation: Tanh, Cost: CrossEntropy}, []string{"a_1", "z_2", "a_2", "z_3", "a_3", "z_4", "a_4",
			"y", "C_x", "dC_da_4", "delta_4", "sigma_prime_3", "delta_3", "sigma_prime_2", "delta_2", "db_4", "db_3", "db_2",
			"dw_4", "dw_3", "dw_2", "w_4_new", "b_4_new", "w_3_new", "b_3_new", "w_2_new", "b_2_new", "a_4_new"}},
		{Config{Layers: []int{2, 2}, Activation: Linear}, []string{"a_1", "z_2", "a_2", "y", "C_x", "dC_da_2", "sigma_prime_2", "delta_2",
			"db_2", "dw_2", "w_2_new", "b_2_new", "a_2_new"}},
	}
	for _, tc := range tests {
		n, err := New(tc.cfg)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := n.Trace(Point{X: 0.5, Y: -1, Label: -1}, 0.1)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range tr.Entries {
			got = append(got, e.Name)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%v: names %v, want %v", tc.cfg.Layers, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%v: names %v, want %v", tc.cfg.Layers, got, tc.want)
				break
			}
		}
	}
}

func paramsEqual(a, b Params) bool {
	if len(a) != len(b) {
		return false
	}
	for l := range a {
		if len(a[l].W) != len(b[l].W) || len(a[l].B) != len(b[l].B) {
			return false
		}
		for i := range a[l].W {
			for j := range a[l].W[i] {
				if a[l].W[i][j] != b[l].W[i][j] {
					return false
				}
			}
		}
		for i := range a[l].B {
			if a[l].B[i] != b[l].B[i] {
				return false
			}
		}
	}
	return true
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func itoa(i int) string { return strconv.Itoa(i) }
