package render

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestMain runs the package's tests inside ebiten's game loop, the only place where images
// can be drawn and read back. On Linux that needs an X display: under CI and make test it is
// Xvfb with Mesa's software OpenGL.
func TestMain(m *testing.M) {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, "render: these tests draw with OpenGL and need a display; run them under Xvfb: xvfb-run -a go test ./render/... (make test does)")
		os.Exit(2)
	}
	g := &testLoop{m: m, code: 1}
	ebiten.SetWindowSize(160, 120)
	ebiten.SetWindowTitle("nnviz render tests")
	if err := ebiten.RunGame(g); err != nil {
		fmt.Fprintln(os.Stderr, "render: game loop:", err)
		os.Exit(1)
	}
	os.Exit(g.code)
}

// testLoop runs the tests from its first Update and then ends the loop.
type testLoop struct {
	m    *testing.M
	code int
}

func (g *testLoop) Update() error {
	g.code = g.m.Run()
	return ebiten.Termination
}

func (g *testLoop) Draw(*ebiten.Image) {}

func (g *testLoop) Layout(int, int) (int, int) { return 160, 120 }
