package nn

import (
	"fmt"
	"math"
)

// LayerParams holds w_l and b_l as plain rows, for JSON and the JS API:
// {"w": [[...], ...], "b": [...]}. W has one row per neuron of layer l.
type LayerParams struct {
	W [][]float64 `json:"w"`
	B []float64   `json:"b"`
}

// Params holds layers 2..L in order: Params[0] is layer 2.
type Params []LayerParams

// NotebookParams returns the weights the notebook prints (In [5] to In [8])
// for its 2-3-2 network, rounded to three decimals as printed.
func NotebookParams() Params {
	return Params{
		{W: [][]float64{{-0.124, 0.871}, {0.692, -0.036}, {0.455, 1.239}}, B: []float64{-0.923, 0.02, -2.918}},
		{W: [][]float64{{-0.006, 0.295, 0.207}, {0.126, 0.399, -0.637}}, B: []float64{-0.07, 1.912}},
	}
}

// Params returns a deep copy of the weights and biases.
func (n *Network) Params() Params {
	p := make(Params, n.L()-1)
	for l := 2; l <= n.L(); l++ {
		ly := &n.lay[l]
		rows, cols := ly.w.Dims()
		lp := LayerParams{W: make([][]float64, rows), B: append([]float64(nil), ly.bd...)}
		for i := range rows {
			lp.W[i] = append([]float64(nil), ly.wd[i*cols:(i+1)*cols]...)
		}
		p[l-2] = lp
	}
	return p
}

// SetParams replaces the weights and biases. It checks the number of
// layers, every shape (e.g. "w_3 is 2x2, want 2x3") and that every number
// is finite; on error nothing changes.
func (n *Network) SetParams(p Params) error {
	if len(p) != n.L()-1 {
		return fmt.Errorf("nn: params for %d layers, want %d (layers 2 to %d of a %s network)", len(p), n.L()-1, n.L(), shapeString(n.cfg.Layers))
	}
	for l := 2; l <= n.L(); l++ {
		if err := n.checkLayerParams(l, p[l-2]); err != nil {
			return err
		}
	}
	for l := 2; l <= n.L(); l++ {
		ly, lp := &n.lay[l], p[l-2]
		_, cols := ly.w.Dims()
		for i, row := range lp.W {
			copy(ly.wd[i*cols:], row)
		}
		copy(ly.bd, lp.B)
	}
	return nil
}

func (n *Network) checkLayerParams(l int, lp LayerParams) error {
	rows, cols := n.lay[l].w.Dims()
	if len(lp.W) != rows {
		return fmt.Errorf("nn: w_%d has %d rows, want %d (%dx%d)", l, len(lp.W), rows, rows, cols)
	}
	for i, row := range lp.W {
		if len(row) != cols {
			return fmt.Errorf("nn: w_%d is %dx%d, want %dx%d (row %d)", l, rows, len(row), rows, cols, i+1)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("nn: w_%d[%d,%d] is %v, want a finite number", l, i+1, j+1, v)
			}
		}
	}
	if len(lp.B) != rows {
		return fmt.Errorf("nn: b_%d is %dx1, want %dx1", l, len(lp.B), rows)
	}
	for i, v := range lp.B {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("nn: b_%d[%d] is %v, want a finite number", l, i+1, v)
		}
	}
	return nil
}
