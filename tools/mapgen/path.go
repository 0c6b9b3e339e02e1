package main

import (
	"math"
	"strconv"
	"strings"
)

// PathData encodes rings as SVG path data with coordinates rounded to
// `decimals` decimal places. Each ring is one subpath closed with "z"; the
// first move is absolute and later ones are relative to the previous
// subpath's start where that is shorter. Lines use l, h and v, or their
// absolute forms where shorter; a repeated command letter is left out, and
// numbers lose leading zeros and separators where SVG allows ("l3-2.5.5").
// Rings that rounding collapses to fewer than three points or to no area
// are left out.
func PathData(rings []Ring, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	w := pathWriter{decimals: decimals}
	var start ipt // current subpath start, where "z" leaves the pen
	first := true
	for _, r := range rings {
		pts := roundRing(r, scale)
		if len(pts) < 3 || iarea(pts) == 0 {
			continue
		}
		p0 := pts[0]
		if first {
			w.cmd('M', p0.x, p0.y)
			first = false
		} else {
			w.shortest(cand{'m', []int64{p0.x - start.x, p0.y - start.y}}, cand{'M', []int64{p0.x, p0.y}})
		}
		// After a move, a bare coordinate pair means "line to".
		if w.last == 'M' {
			w.last = 'L'
		} else {
			w.last = 'l'
		}
		cur := p0
		for _, p := range pts[1:] {
			dx, dy := p.x-cur.x, p.y-cur.y
			switch {
			case dy == 0:
				w.shortest(cand{'h', []int64{dx}}, cand{'H', []int64{p.x}})
			case dx == 0:
				w.shortest(cand{'v', []int64{dy}}, cand{'V', []int64{p.y}})
			default:
				w.shortest(cand{'l', []int64{dx, dy}}, cand{'L', []int64{p.x, p.y}})
			}
			cur = p
		}
		w.b.WriteByte('z')
		w.last, w.num = 'z', false
		start = p0
	}
	return w.b.String()
}

type ipt struct{ x, y int64 }

// roundRing snaps a closed ring to the grid and drops the repeats that
// rounding makes, including the closing point, and the points that rounding
// leaves in the middle of a straight run.
func roundRing(r Ring, scale float64) []ipt {
	return dropCollinear(snap(r, scale))
}

func snap(r Ring, scale float64) []ipt {
	var out []ipt
	for _, p := range r {
		q := ipt{int64(math.Round(p.X * scale)), int64(math.Round(p.Y * scale))}
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

// dropCollinear removes each point lying on the straight line from the
// point before it to the point after it, going the same way ("h3h1" becomes
// "h4"), the ring treated as cyclic. Neighbours sharing a border may keep
// different junction points this way, but the dropped points lie exactly on
// the line drawn, so the border still matches.
func dropCollinear(pts []ipt) []ipt {
	straight := func(a, b, c ipt) bool {
		ux, uy, vx, vy := b.x-a.x, b.y-a.y, c.x-b.x, c.y-b.y
		return ux*vy-uy*vx == 0 && ux*vx+uy*vy > 0
	}
	var out []ipt
	for _, p := range pts {
		for len(out) >= 2 && straight(out[len(out)-2], out[len(out)-1], p) {
			out = out[:len(out)-1]
		}
		out = append(out, p)
	}
	for len(out) >= 3 {
		n := len(out)
		switch {
		case straight(out[n-2], out[n-1], out[0]):
			out = out[:n-1]
		case straight(out[n-1], out[0], out[1]):
			out = out[1:]
		default:
			return out
		}
	}
	return out
}

func iarea(pts []ipt) int64 {
	var a int64
	for i := range pts {
		j := (i + 1) % len(pts)
		a += pts[i].x*pts[j].y - pts[j].x*pts[i].y
	}
	return a
}

type cand struct {
	c    byte
	nums []int64
}

// pathWriter writes path commands, tracking what it needs to leave out
// repeated letters and needless separators.
type pathWriter struct {
	b        strings.Builder
	decimals int
	last     byte // command a bare number list would continue
	num      bool // last byte written ends a number
	dot      bool // ... and that number has a decimal point
}

// shortest writes whichever candidate encodes shorter; ties go to the first.
func (w *pathWriter) shortest(cs ...cand) {
	best, bestLen := 0, -1
	for i, c := range cs {
		if n := w.cost(c); bestLen < 0 || n < bestLen {
			best, bestLen = i, n
		}
	}
	w.cmd(cs[best].c, cs[best].nums...)
}

func (w *pathWriter) cost(c cand) int {
	n := 0
	num, dot := w.num, w.dot
	if c.c != w.last {
		n++
		num = false
	}
	for _, v := range c.nums {
		s := fmtNum(v, w.decimals)
		if num && needSep(s, dot) {
			n++
		}
		n += len(s)
		num, dot = true, strings.Contains(s, ".")
	}
	return n
}

func (w *pathWriter) cmd(c byte, nums ...int64) {
	if c != w.last {
		w.b.WriteByte(c)
		w.last, w.num = c, false
	}
	for _, v := range nums {
		s := fmtNum(v, w.decimals)
		if w.num && needSep(s, w.dot) {
			w.b.WriteByte(' ')
		}
		w.b.WriteString(s)
		w.num, w.dot = true, strings.Contains(s, ".")
	}
}

// needSep reports whether number s must be set apart from a number just
// written: not when s starts with "-", nor with "." after a number that
// already has its point.
func needSep(s string, prevDot bool) bool {
	return !(s[0] == '-' || (s[0] == '.' && prevDot))
}

// fmtNum writes v / 10^decimals in the shortest form: "12.3", "-.5", "4".
func fmtNum(v int64, decimals int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if decimals > 0 {
		for len(s) <= decimals {
			s = "0" + s
		}
		ip, fp := s[:len(s)-decimals], strings.TrimRight(s[len(s)-decimals:], "0")
		if ip == "0" && fp != "" {
			ip = ""
		}
		s = ip
		if fp != "" {
			s += "." + fp
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}
