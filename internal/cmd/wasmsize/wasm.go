package main

import (
	"bytes"
	"errors"
	"fmt"
)

// module is what wasmsize reads of a WebAssembly module: the size of each defined function's
// body, its name, and the size of every section.
type module struct {
	imported int            // functions imported, which come first in the function index space
	bodies   []int          // body sizes of the defined functions, in index order
	names    map[int]string // function index -> name, from the "name" custom section
	sections []section
}

// section is one section of the module: its id, its name for a custom section, its size.
type section struct {
	id   byte
	name string
	size int
}

// reader reads the module's LEB128 integers and byte strings, remembering the first error.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("offset %d: %s", r.off, what)
	}
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("unexpected end of module")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

// uint reads an unsigned LEB128 integer of at most 32 bits.
func (r *reader) uint() int {
	v, shift := 0, 0
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
		shift += 7
		if shift > 28 {
			r.fail("integer longer than 32 bits")
			return 0
		}
	}
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.off+n > len(r.b) {
		r.fail("length past the end of the module")
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

var wasmMagic = []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

// parse reads a WebAssembly module's sections, function bodies and function names.
func parse(b []byte) (*module, error) {
	if !bytes.HasPrefix(b, wasmMagic) {
		return nil, errors.New("not a WebAssembly module (version 1)")
	}
	m := &module{names: map[int]string{}}
	r := &reader{b: b, off: len(wasmMagic)}
	for r.err == nil && r.off < len(b) {
		id := r.byte()
		size := r.uint()
		body := r.bytes(size)
		if r.err != nil {
			break
		}
		s := section{id: id, size: size}
		sr := &reader{b: body}
		switch id {
		case 0:
			s.name = string(sr.bytes(sr.uint()))
			if s.name == "name" {
				readNames(sr, m.names)
			}
		case 2:
			m.imported = countFuncImports(sr)
		case 10:
			for range sr.uint() {
				n := sr.uint()
				sr.bytes(n)
				m.bodies = append(m.bodies, n)
			}
		}
		if sr.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, sr.err)
		}
		m.sections = append(m.sections, s)
	}
	return m, r.err
}

// countFuncImports counts the function imports of an import section.
func countFuncImports(r *reader) int {
	n := 0
	for range r.uint() {
		r.bytes(r.uint()) // module
		r.bytes(r.uint()) // field
		switch kind := r.byte(); kind {
		case 0: // function: type index
			r.uint()
			n++
		case 1: // table: element type, limits
			r.byte()
			readLimits(r)
		case 2: // memory: limits
			readLimits(r)
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		default:
			r.fail(fmt.Sprintf("unknown import kind %d", kind))
		}
	}
	return n
}

func readLimits(r *reader) {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}

// readNames reads the function names (subsection 1) of a "name" custom section.
func readNames(r *reader, names map[int]string) {
	for r.err == nil && r.off < len(r.b) {
		id := r.byte()
		sub := &reader{b: r.bytes(r.uint())}
		if id != 1 {
			continue
		}
		for range sub.uint() {
			idx := sub.uint()
			names[idx] = string(sub.bytes(sub.uint()))
		}
		if sub.err != nil {
			r.err = sub.err
		}
	}
}
