package nn_test

import (
	"fmt"

	"github.com/nnviz/nnviz/nn"
	"gonum.org/v1/gonum/mat"
)

// The notebook's training step on its first point, [1.2, 0.7] with label 1:
// the output before (In [14]) and after (In [37]) one step of 0.1. The
// notebook prints 0.542, 0.893 and 0.537, 0.893; its weights had more
// digits than the three it prints, hence the last digit of a_3.
func ExampleNetwork_Trace() {
	n, _ := nn.New(nn.DefaultConfig())
	n.SetParams(nn.NotebookParams())
	tr, err := n.Trace(nn.NotebookData()[0], 0.1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("a_3     = %.4f\n", mat.Formatted(tr.Get("a_3").T()))
	fmt.Printf("delta_3 = %.3f\n", mat.Formatted(tr.Get("delta_3").T()))
	fmt.Printf("a_3_new = %.4f\n", mat.Formatted(tr.Get("a_3_new").T()))
	// Output:
	// a_3     = [0.5425  0.8931]
	// delta_3 = [ 0.135  -0.010]
	// a_3_new = [0.5369  0.8932]
}

// Training the notebook's network on its ten points until it classifies
// them all.
func ExampleTrainer() {
	n, _ := nn.New(nn.DefaultConfig())
	t, _ := nn.NewTrainer(n, nn.DefaultTrainConfig())
	pts := nn.NotebookData()
	t.SetData(pts)
	for t.Epoch() < 2000 {
		if err := t.Step(); err != nil {
			fmt.Println(err)
			return
		}
	}
	_, acc, _ := n.Evaluate(pts)
	fmt.Printf("accuracy after %d epochs: %.0f%%\n", t.Epoch(), 100*acc)
	// Output:
	// accuracy after 2000 epochs: 100%
}

// The notebook's weights as the JS API sees them: w_l row by row, b_l as a list.
func ExampleNetwork_Params() {
	n, _ := nn.New(nn.DefaultConfig())
	n.SetParams(nn.NotebookParams())
	p := n.Params()
	fmt.Println("w_2 =", p[0].W)
	fmt.Println("b_3 =", p[1].B)
	// Output:
	// w_2 = [[-0.124 0.871] [0.692 -0.036] [0.455 1.239]]
	// b_3 = [-0.07 1.912]
}

// The decision boundary on a 3x3 grid: Prob > 0.5 where the network says 1.
func ExampleNetwork_ProbGrid() {
	n, _ := nn.New(nn.DefaultConfig())
	n.SetParams(nn.NotebookParams())
	xs := []float64{-4, 0, 4}
	ys := []float64{-4, 0, 4}
	out := make([]float64, len(xs)*len(ys))
	if err := n.ProbGrid(xs, ys, out); err != nil {
		fmt.Println(err)
		return
	}
	for j := range ys {
		fmt.Printf("%.2f\n", out[j*len(xs):(j+1)*len(xs)])
	}
	// Output:
	// [0.69 0.69 0.68]
	// [0.70 0.69 0.67]
	// [0.67 0.64 0.63]
}

// Labels become one-hot columns by the notebook's convert_label (In [15]).
func ExampleConvertLabel() {
	for _, l := range []int{-1, 1, 0} {
		y, err := nn.ConvertLabel(l)
		fmt.Println(l, y, err)
	}
	// Output:
	// -1 [1 0] <nil>
	// 1 [0 1] <nil>
	// 0 [0 0] nn: unknown label 0 (want -1 or 1)
}

// A preset dataset for the playground.
func ExampleDataset() {
	pts, err := nn.Dataset("xor", 4, 0, 1)
	fmt.Println(len(pts), err)
	_, err = nn.Dataset("moons", 4, 0, 1)
	fmt.Println(err)
	// Output:
	// 4 <nil>
	// nn: unknown dataset "moons" (valid: "notebook", "circle", "xor", "gaussians", "spiral", "blobs", "plane", "gaussreg")
}
