package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/nnviz/nnviz/nn"
)

func TestImportRoundTrips(t *testing.T) {
	pts := append(nn.NotebookData(), nn.Point{X: 1.0 / 3, Y: -1e-9, Label: -1})
	for name, text := range map[string]string{"csv": ExportPointsCSV(pts, nn.Task{}), "json": ExportPointsJSON(pts, nn.Task{})} {
		got, err := ImportPoints(text, nn.Task{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(got, pts) {
			t.Errorf("%s round trip: %v, want %v", name, got, pts)
		}
	}
}

func TestImportAcceptsCommonForms(t *testing.T) {
	tests := map[string]string{
		"no header":       "1.2,0.7,1\n-0.3,-0.5,-1\n",
		"CRLF and blank":  "x,y,label\r\n1.2,0.7,1\r\n\r\n-0.3,-0.5,-1\r\n",
		"comment":         "# from the notebook\n1.2, 0.7, 1\n-0.3 ,-0.5, -1",
		"quoted":          "\"x\",\"y\",\"label\"\n\"1.2\",\"0.7\",\"1\"\n-0.3,-0.5,-1",
		"byte order mark": "\ufeffx,y,label\n1.2,0.7,1\n-0.3,-0.5,-1\n",
		"json with BOM":   "\ufeff[{\"x\": 1.2, \"y\": 0.7, \"label\": 1}, {\"x\": -0.3, \"y\": -0.5, \"label\": -1}]",
		"wrapped json":    `{"points": [{"x": 1.2, "y": 0.7, "label": 1}, {"x": -0.3, "y": -0.5, "label": -1}]}`,
	}
	want := []nn.Point{{X: 1.2, Y: 0.7, Label: 1}, {X: -0.3, Y: -0.5, Label: -1}}
	for name, text := range tests {
		got, err := ImportPoints(text, nn.Task{})
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: %v, %v", name, got, err)
		}
	}
}

func TestMalformedImportsNameLineAndField(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", "empty"},
		{"x,y,label\n", "no points"},
		{"1,2,1\n3,4\n", "line 2: want 3 fields"},
		{"1,2,1\n3,abc,1\n", "line 2: y:"},
		{"1,2,1\n\n3,4,0\n", "line 3: label"},
		{"NaN,2,1\n", "line 1: x"},
		{"1,2e9,1\n", "line 1: y"},
		{"1_0,2,1\n", `line 1: x: "1_0" is not a decimal number`},
		{"1,0x1p3,1\n", `line 1: y: "0x1p3" is not a decimal number`},
		{"Inf,1,1\n", "line 1: x"},
		{`[{"x": 1, "y": 2, "label": 1}, {"x": 1, "label": 1}]`, "point 1: y is missing"},
		{`[{"x": 1, "y": 2, "label": 5}]`, "point 0: label"},
		{`[{"x": 1, "y": 2, "label": 1, "colour": "red"}]`, `point 0: json: unknown field "colour"`},
		{"[{\"x\": 1,\n \"y\": }]", "line 2, column"},
		{`{"pts": []}`, `no "points" field`},
		{`[{"x": "1", "y": 2, "label": 1}]`, "point 0"},
	}
	for _, tc := range tests {
		_, err := ImportPoints(tc.text, nn.Task{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ImportPoints(%q, nn.Task{}): err = %v, want one containing %q", tc.text, err, tc.want)
		}
	}
}

func TestWeightsNumPyIsTheNotebooksForm(t *testing.T) {
	got := ExportWeightsNumPy(nn.NotebookParams())
	for _, want := range []string{
		"w_2 = np.array([[-0.124, 0.871],\n                [0.692, -0.036],\n                [0.455, 1.239]])",
		"b_2 = np.array([[-0.923],\n                [0.02],\n                [-2.918]])",
		"w_3 = np.array([[-0.006, 0.295, 0.207],\n                [0.126, 0.399, -0.637]])",
		"b_3 = np.array([[-0.07],\n                [1.912]])",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("NumPy export lacks\n%s\ngot\n%s", want, got)
		}
	}
}

func FuzzImportPoints(f *testing.F) {
	for _, s := range []string{
		"x,y,label\n1,2,1\n", "1,2,1\n3,4,-1", `[{"x":1,"y":2,"label":1}]`, `{"points":[]}`,
		"1,2", "# c\n\n1e3,-2,1", `[{"x":1e999}]`, "{", "\"1\",\"2\",\"-1\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pts, err := ImportPoints(s, nn.Task{})
		if err != nil {
			return
		}
		if len(pts) == 0 || nn.CheckPoints(pts) != nil {
			t.Fatalf("ImportPoints(%q, nn.Task{}) accepted %v", s, pts)
		}
		for _, text := range []string{ExportPointsCSV(pts, nn.Task{}), ExportPointsJSON(pts, nn.Task{})} {
			again, err := ImportPoints(text, nn.Task{})
			if err != nil || !slices.Equal(again, pts) {
				t.Fatalf("re-import of %q: %v, %v", s, again, err)
			}
		}
	})
}
