package app

import (
	"fmt"
	"slices"

	"github.com/nnviz/nnviz/nn"
)

// lessonStages are the walk-through's stages for the settings: Stages, with the penalty's term
// in the update stage when training has one.
func lessonStages(s Settings) []Stage {
	return withPenalty(Stages(s.Net, s.Train.StepSize), s.Net, s.Train)
}

// withPenalty puts the penalty of tc into the update stage of stages (the one that shows the new
// weights, w_L_new): its formula adds the penalty's gradient to dw_l, and the stage shows that
// gradient for each layer (nn.Trace's l1_w_l or l2_w_l) before the new weights. Without a
// penalty the stages stay as they are.
func withPenalty(stages []Stage, cfg nn.Config, tc nn.TrainConfig) []Stage {
	if tc.Reg == nn.NoReg {
		return stages
	}
	k := slices.IndexFunc(stages, func(s Stage) bool {
		return slices.Contains(s.Show, fmt.Sprintf("w_%d_new", len(cfg.Layers)))
	})
	if k < 0 {
		return stages
	}
	u := &stages[k]
	switch tc.Reg {
	case nn.L2:
		u.Formula = fmt.Sprintf("w_l ← w_l − step_size · (dw_l + λ·w_l) and b_l ← b_l − step_size · db_l, "+
			"with step_size = %g and λ = %g: the L2 penalty adds λ/2 ‖w_l‖² to the cost (not the biases'), so λ·w_l to dw_l",
			tc.StepSize, tc.RegRate)
	case nn.L1:
		u.Formula = fmt.Sprintf("w_l ← w_l − step_size · (dw_l + λ·sign(w_l)), stopping at 0 where the λ term would carry w_l across 0, "+
			"and b_l ← b_l − step_size · db_l, with step_size = %g and λ = %g: the L1 penalty adds λ ‖w_l‖₁ to the cost (not the biases'), so λ·sign(w_l) to dw_l",
			tc.StepSize, tc.RegRate)
	}
	var show []string
	for l := len(cfg.Layers); l >= 2; l-- {
		show = append(show, fmt.Sprintf("%v_w_%d", tc.Reg, l))
	}
	u.Show = append(show, u.Show...)
	return stages
}
