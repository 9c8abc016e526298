// Package serverproc runs the real nnviz server binary on a free loopback
// port, for the browser tests and the load test: what they exercise is the
// binary that `make build` makes, not a copy of its handler.
package serverproc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"time"
)

// Server is a running nnviz server process.
type Server struct {
	// URL is where it serves, with a trailing slash: "http://127.0.0.1:PORT/".
	URL string

	cmd     *exec.Cmd
	logs    *tail
	exited  chan struct{}
	waitErr error
}

// urlLine is the server's log line that says where it serves.
var urlLine = regexp.MustCompile(`msg="nnviz is serving" url=(http://\S+)`)

// startTimeout bounds how long a server may take to say where it serves.
const startTimeout = 15 * time.Second

// Start runs binary with -addr 127.0.0.1:0 (a free port) and args, and
// returns once it logs the URL it serves at. Stop it with Stop.
func Start(binary string, args ...string) (*Server, error) {
	if _, err := os.Stat(binary); err != nil {
		return nil, fmt.Errorf("the server binary: %w (build it with `make build`)", err)
	}
	cmd := exec.Command(binary, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &Server{cmd: cmd, logs: &tail{limit: 256 << 10}, exited: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stderr)
		lines.Buffer(make([]byte, 64<<10), 1<<20)
		for lines.Scan() {
			s.logs.add(lines.Text())
			if m := urlLine.FindStringSubmatch(lines.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	select {
	case s.URL = <-found:
		return s, nil
	case <-s.exited:
		return nil, fmt.Errorf("%s ended before serving (%v):\n%s", binary, s.waitErr, s.Logs())
	case <-time.After(startTimeout):
		cmd.Process.Kill()
		<-s.exited
		return nil, fmt.Errorf("%s did not say where it serves within %v:\n%s", binary, startTimeout, s.Logs())
	}
}

// Stop asks the server to shut down (SIGTERM) and waits for it. It returns an
// error when the server does not exit cleanly within ten seconds (it is then
// killed), or ended before.
func (s *Server) Stop() error {
	select {
	case <-s.exited:
		return fmt.Errorf("the server had already ended: %v", s.waitErr)
	default:
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case <-s.exited:
		if s.waitErr != nil {
			return fmt.Errorf("the server's exit after SIGTERM: %w", s.waitErr)
		}
		return nil
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
		return errors.New("the server did not stop within 10s of SIGTERM; killed it")
	}
}

// Logs returns the end of what the server has logged (the last 256 KiB).
func (s *Server) Logs() string { return s.logs.String() }

// ModuleRoot returns the directory of the go.mod above the working directory:
// tests run in their package's directory, and the build's outputs are
// relative to the root.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// DefaultBinary returns the path of the binary `make build` makes:
// bin/nnviz-server at the module's root.
func DefaultBinary() (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "bin", "nnviz-server"), nil
}

// tail keeps the last limit bytes of lines written to it.
type tail struct {
	mu    sync.Mutex
	limit int
	buf   []byte
}

func (t *tail) add(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, line...)
	t.buf = append(t.buf, '\n')
	if over := len(t.buf) - t.limit; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
}

// String returns the lines kept.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
