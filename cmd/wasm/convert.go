//go:build js && wasm

package main

import "github.com/nnviz/nnviz/cmd/wasm/jsapi"

// The API's conversions live in jsapi (tested as wasm under Node); these short names keep
// api.go readable.
var (
	argError   = jsapi.ArgError
	arg        = jsapi.Arg
	number     = jsapi.Number
	pair       = jsapi.Pair
	integer    = jsapi.Integer
	describe   = jsapi.Describe
	pointsFrom = jsapi.PointsFrom
	paramsFrom = jsapi.ParamsFrom
	paramsTo   = jsapi.ParamsTo
	object     = jsapi.Object
	traceTo    = jsapi.TraceTo
	infoTo     = jsapi.InfoTo
	statusTo   = jsapi.StatusTo
	packPoints = jsapi.PackPoints
	lessonTo   = jsapi.LessonTo
)
