// Package nn is the numeric core of nnviz: a small fully connected network
// described in the terms of the teaching notebook "Neural Network
// implementation with Matrices".
//
// Layer 1 is the input (the x, y of a point, no weights). For each layer
// l = 2..L, w_l is a *mat.Dense with one row per neuron of layer l and one
// column per neuron of layer l-1, and b_l is a column vector. The forward
// pass computes z_l = w_l a_{l-1} + b_l and a_l = sigma(z_l); the backward
// pass computes delta_L from the cost and delta_l = (w_{l+1}^T delta_{l+1})
// * sigma'(z_l), then dw_l = delta_l a_{l-1}^T and db_l = delta_l, exactly
// as the notebook does for its 2-3-2 network.
//
// The package is pure Go (gonum only): it runs natively, as wasm under Node
// and in the browser. Hot loops work on the matrices' backing slices with
// preallocated scratch space and do not allocate (ProbGrid and NeuronGrid
// allocate their scratch on the first call). A single point (Forward,
// Trace, online steps) goes through flat loops; grid rows and batches go
// through the network in panels of up to 64 points, one column per point,
// summed in the same order, so a point's output is bit for bit the same
// either way. Sigmoid and tanh use the package's own table-driven
// exponential (within about 3 ulps of math.Exp and math.Tanh), which costs
// a fraction of math.Exp in wasm; the same code runs natively and in wasm,
// so both give the same numbers.
//
// A Network and a Trainer are not safe for concurrent use.
//
// # Random numbers
//
// Every random draw comes from math/rand/v2 with a PCG source:
// rand.New(rand.NewPCG(seed, stream)), where seed is the caller's seed and
// stream is a fixed constant per purpose (InitStream for weights,
// ShuffleStream for the epoch order, DatasetStream for data presets).
// Weights are drawn with NormFloat64 (standard normal, like numpy's
// randn) in the notebook's order: w_2, w_3, ..., w_L row by row, then
// b_2, ..., b_L. PCG and NormFloat64 are specified bit for bit by the Go
// standard library, so a seed gives the same weights on every platform
// (NormFloat64 calls math.Exp and math.Log only on rare rejection paths,
// where native assembly and wasm may differ in the last bit).
package nn
