package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nnviz/nnviz/web"
)

// bundleName maps the path of a request to the name of a bundle file. ok is
// false for a path that cannot name one: a traversal ("..", in whatever
// encoding: the path is already decoded), an empty or "." element, a
// backslash, a NUL, or a hidden name. Such paths get 404, like any other
// name the bundle lacks.
func bundleName(urlPath string) (name string, ok bool) {
	if urlPath == "/" {
		return "index.html", true
	}
	name, ok = strings.CutPrefix(urlPath, "/")
	if !ok || !fs.ValidPath(name) || strings.ContainsAny(name, "\\\x00") {
		return "", false
	}
	for elem := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(elem, ".") {
			return "", false
		}
	}
	return name, true
}

// bundleHandler serves the files of a bundle, each in the precompressed form
// the client prefers, with its ETag, type and cache policy.
type bundleHandler struct {
	store  store
	logger *slog.Logger
}

// ServeHTTP serves a file of the bundle, or a clear 404 or 405.
func (b *bundleHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := bundleName(r.URL.Path)
	if !ok {
		textError(w, r, http.StatusNotFound, "nnviz: 404 page not found")
		return
	}
	f, err := b.store.lookup(name)
	if errors.Is(err, fs.ErrNotExist) {
		b.notFound(w, r, name)
		return
	}
	if err != nil {
		b.internalError(w, r, name, err)
		return
	}

	// The answer depends on Accept-Encoding whichever form is sent.
	w.Header().Add("Vary", "Accept-Encoding")
	coding, ok := negotiate(r.Header.Values("Accept-Encoding"), f.has)
	if !ok {
		textError(w, r, http.StatusNotAcceptable, fmt.Sprintf("nnviz: %s is available only as %s, which the request's Accept-Encoding refuses", name, strings.Join(codingsOf(f), ", ")))
		return
	}
	rep := f.reps[coding]
	content, closeContent, err := openSeeker(b.store.fsys(), rep.path)
	if err != nil {
		b.internalError(w, r, name, err)
		return
	}
	defer closeContent()
	etag := rep.etag
	if etag == "" {
		if etag, err = contentETag(content); err == nil {
			_, err = content.Seek(0, io.SeekStart)
		}
		if err != nil {
			b.internalError(w, r, name, err)
			return
		}
	}

	size, err := content.Seek(0, io.SeekEnd)
	if err == nil {
		_, err = content.Seek(0, io.SeekStart)
	}
	if err != nil {
		b.internalError(w, r, name, err)
		return
	}

	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("Cache-Control", cacheControl(name))
	if strings.HasSuffix(name, ".wasm") {
		// An embed framed by a sandboxed page is sandboxed too, and its origin opaque: its
		// fetch of the wasm is then cross-origin. The wasm is public and sent without
		// credentials, so any origin may read it.
		h.Set("Access-Control-Allow-Origin", "*")
	}
	h.Set("ETag", etag)
	if coding != identity {
		h.Set("Content-Encoding", coding)
		// ServeContent leaves Content-Length out when Content-Encoding is set
		// (it expects on-the-fly compression); a precompressed variant has a
		// known length, which lets browsers show progress.
		w = &fullLengthWriter{ResponseWriter: w, size: size}
	}
	// ServeContent answers If-None-Match with 304, HEAD without a body, and
	// Range requests; the bundle has no meaningful modification times.
	http.ServeContent(w, r, name, time.Time{}, content)
}

// fullLengthWriter sets Content-Length to size on a 200 answer that has none.
// Other answers (206, 304, 412, errors) get theirs from ServeContent.
type fullLengthWriter struct {
	http.ResponseWriter
	size        int64
	wroteHeader bool
}

// WriteHeader sets Content-Length on a 200 answer that has none, then passes the status on.
func (w *fullLengthWriter) WriteHeader(status int) {
	if !w.wroteHeader && status == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	}
	w.wroteHeader = true
	w.ResponseWriter.WriteHeader(status)
}

// Write sends the header first if it has not gone yet, then passes the body on.
func (w *fullLengthWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *fullLengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// notFound answers 404, or 503 with the command that builds the bundle when
// the missing file is one the build makes.
func (b *bundleHandler) notFound(w http.ResponseWriter, r *http.Request, name string) {
	if slices.Contains(web.Required, name) {
		if err := b.store.check(); err != nil {
			textError(w, r, http.StatusServiceUnavailable, "nnviz: "+err.Error())
			return
		}
	}
	textError(w, r, http.StatusNotFound, "nnviz: 404 page not found")
}

func (b *bundleHandler) internalError(w http.ResponseWriter, r *http.Request, name string, err error) {
	b.logger.Error("reading the bundle failed", "file", name, "err", err)
	textError(w, r, http.StatusInternalServerError, "nnviz: the server could not read "+name)
}

// codingsOf lists the content codings f is stored in, in preference order.
func codingsOf(f *file) []string {
	var codings []string
	for _, c := range codingPreference {
		if f.has(c) {
			codings = append(codings, c)
		}
	}
	return codings
}

// openSeeker opens name for http.ServeContent. Files of embed.FS and of
// os.Root seek; a file system whose files do not is read into memory.
func openSeeker(fsys fs.FS, name string) (io.ReadSeeker, func(), error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	if rs, ok := f.(io.ReadSeeker); ok {
		return rs, func() { f.Close() }, nil
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, err
	}
	return bytes.NewReader(data), func() {}, nil
}
