package main

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/nnviz/nnviz/web"
)

// variantSuffixes maps the content codings of precompressed variants to the
// suffixes their files carry in the bundle (see internal/cmd/precompress).
var variantSuffixes = map[string]string{"br": ".br", "gzip": ".gz"}

// isVariantName reports whether name is a precompressed variant. Variants are
// forms of another file, not addresses of their own.
func isVariantName(name string) bool {
	for _, suffix := range variantSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// representation is one stored form of a bundle file: the file itself
// (coding identity) or one of its precompressed variants.
type representation struct {
	path   string // in the bundle's fs.FS
	coding string
	etag   string // empty when it must be computed from the content
}

// file is a bundle file and its precompressed variants.
type file struct {
	name string
	reps map[string]representation // by content coding
}

func (f *file) has(coding string) bool {
	_, ok := f.reps[coding]
	return ok
}

// store finds the files of a bundle.
type store interface {
	// fsys is the bundle, to open representations with.
	fsys() fs.FS
	// lookup returns the bundle file name, or an error wrapping
	// fs.ErrNotExist when the bundle has no such file.
	lookup(name string) (*file, error)
	// check returns a *web.MissingError when the bundle lacks some of
	// web.Required.
	check() error
}

// describe finds the bundle file name and its variants in fsys.
func describe(fsys fs.FS, name string) (*file, error) {
	if isVariantName(name) {
		return nil, fs.ErrNotExist
	}
	if err := statRegular(fsys, name); err != nil {
		return nil, err
	}
	f := &file{name: name, reps: map[string]representation{identity: {path: name, coding: identity}}}
	for coding, suffix := range variantSuffixes {
		switch err := statRegular(fsys, name+suffix); {
		case err == nil:
			f.reps[coding] = representation{path: name + suffix, coding: coding}
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
	}
	return f, nil
}

// statRegular returns nil when name is a regular file in fsys, and an error
// wrapping fs.ErrNotExist when it is missing or is something else (a
// directory, say): only files are served.
func statRegular(fsys fs.FS, name string) error {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file: %w", name, fs.ErrNotExist)
	}
	return nil
}

// contentETag returns a strong ETag from the content r reads.
func contentETag(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return `"` + base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:15]) + `"`, nil
}

// embeddedStore serves a bundle that cannot change, such as the one embedded
// in the binary: it finds every file and computes every ETag once.
type embeddedStore struct {
	bundle  fs.FS
	files   map[string]*file
	missing error
}

// newEmbeddedStore indexes bundle; where names it in messages.
func newEmbeddedStore(bundle fs.FS, where string) (*embeddedStore, error) {
	s := &embeddedStore{bundle: bundle, files: map[string]*file{}, missing: web.Check(bundle, where)}
	err := fs.WalkDir(bundle, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || isVariantName(name) {
			return err
		}
		f, err := describe(bundle, name)
		if err != nil {
			return err
		}
		for coding, rep := range f.reps {
			if rep.etag, err = fileETag(bundle, rep.path); err != nil {
				return err
			}
			f.reps[coding] = rep
		}
		s.files[name] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("indexing %s: %w", where, err)
	}
	return s, nil
}

func fileETag(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return contentETag(f)
}

func (s *embeddedStore) fsys() fs.FS  { return s.bundle }
func (s *embeddedStore) check() error { return s.missing }

func (s *embeddedStore) lookup(name string) (*file, error) {
	if f, ok := s.files[name]; ok {
		return f, nil
	}
	return nil, fs.ErrNotExist
}

// dirStore serves a bundle from a directory during development: it looks
// files up on every request, so a rebuilt wasm is served without a restart.
type dirStore struct {
	root *os.Root
	dir  string
}

// newDirStore opens dir. The os.Root keeps every lookup inside it, symbolic
// links included.
func newDirStore(dir string) (*dirStore, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("-dir: %w", err)
	}
	return &dirStore{root: root, dir: dir}, nil
}

func (s *dirStore) fsys() fs.FS { return s.root.FS() }

func (s *dirStore) check() error { return web.Check(s.root.FS(), "the bundle in "+s.dir) }

func (s *dirStore) lookup(name string) (*file, error) {
	f, err := describe(s.root.FS(), name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// os.Root refuses a link that leads out of the directory with an
		// error of its own: what lies outside is not in the bundle.
		return nil, fmt.Errorf("%w: %w", fs.ErrNotExist, err)
	}
	return f, err
}
