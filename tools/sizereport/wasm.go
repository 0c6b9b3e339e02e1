package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// module is what the size report needs from a WebAssembly binary: the
// size of each section, the body size of each defined function and the
// function names from the "name" custom section.
type module struct {
	sections  []section
	imports   int            // imported functions: they come first in the function index space
	bodies    []int          // body size of each defined function, in index order after the imports
	names     map[int]string // function index -> name
	dataBytes int            // bytes of the data section's segments
}

type section struct {
	id   byte
	name string // custom sections' names; standard sections get their spec names
	size int
}

var sectionNames = [...]string{"custom", "type", "import", "function", "table", "memory", "global",
	"export", "start", "element", "code", "data", "datacount"}

// parseWasm reads the sections of a wasm binary.
func parseWasm(b []byte) (*module, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm binary")
	}
	m := &module{names: map[int]string{}}
	r := &reader{b: b, off: 8}
	for r.off < len(b) {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || r.off+size > len(b) {
			return nil, fmt.Errorf("truncated section at offset %d", r.off)
		}
		body := &reader{b: b[r.off : r.off+size]}
		r.off += size
		s := section{id: id, size: size}
		if int(id) < len(sectionNames) {
			s.name = sectionNames[id]
		}
		switch id {
		case 0:
			s.name = body.name()
			if s.name == "name" {
				m.readNames(body)
			}
		case 2:
			m.readImports(body)
		case 10:
			n := int(body.uleb())
			for i := 0; i < n && body.err == nil; i++ {
				sz := int(body.uleb())
				m.bodies = append(m.bodies, sz)
				body.off += sz
			}
		case 11:
			m.dataBytes = size
		}
		if body.err != nil {
			return nil, fmt.Errorf("section %s: %w", s.name, body.err)
		}
		m.sections = append(m.sections, s)
	}
	return m, nil
}

func (m *module) readImports(r *reader) {
	n := int(r.uleb())
	for i := 0; i < n && r.err == nil; i++ {
		r.name() // module
		r.name() // field
		switch kind := r.byte(); kind {
		case 0: // function: type index
			r.uleb()
			m.imports++
		case 1: // table: reftype, limits
			r.byte()
			r.limits()
		case 2: // memory: limits
			r.limits()
		case 3: // global: valtype, mutability
			r.byte()
			r.byte()
		default:
			r.err = fmt.Errorf("unknown import kind %d", kind)
		}
	}
}

// readNames reads the function names subsection (id 1) of a name section.
func (m *module) readNames(r *reader) {
	for r.off < len(r.b) && r.err == nil {
		id := r.byte()
		size := int(r.uleb())
		end := r.off + size
		if id == 1 {
			n := int(r.uleb())
			for i := 0; i < n && r.err == nil; i++ {
				idx := int(r.uleb())
				m.names[idx] = r.name()
			}
		}
		r.off = end
	}
}

// reader decodes the wasm encoding; the first error sticks.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) uleb() uint64 {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

func (r *reader) name() string {
	n := int(r.uleb())
	if r.err != nil || r.off+n > len(r.b) {
		r.fail()
		return ""
	}
	s := string(r.b[r.off : r.off+n])
	r.off += n
	return s
}

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
}
