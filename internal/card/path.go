package card

import (
	"fmt"
	"strconv"
)

// point is a position in the map's viewBox units.
type point struct{ x, y float64 }

// polygons reads SVG path data as app/geo writes it (M, L, H, V and Z,
// absolute or relative: tools/mapgen writes no curves) into closed rings.
func polygons(d string) ([][]point, error) {
	var (
		rings   [][]point
		ring    []point
		cur     point
		start   point
		cmd     byte
		i       int
		numbers []float64
	)
	flush := func() {
		if len(ring) > 1 {
			rings = append(rings, ring)
		}
		ring = nil
	}
	for i < len(d) {
		c := d[i]
		switch {
		case c == ' ' || c == ',' || c == '\n' || c == '\t':
			i++
			continue
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			cmd = c
			i++
			if cmd == 'z' || cmd == 'Z' {
				flush()
				cur = start
			}
			continue
		}
		// A number: sign, digits, one dot, digits; a second dot or sign
		// starts the next number ("1.5.5" is 1.5 then .5).
		j := i
		if d[j] == '-' || d[j] == '+' {
			j++
		}
		dot := false
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' && !dot) {
			if d[j] == '.' {
				dot = true
			}
			j++
		}
		v, err := strconv.ParseFloat(d[i:j], 64)
		if err != nil {
			return nil, fmt.Errorf("path data at %d: %q is not a number", i, d[i:j])
		}
		i = j
		numbers = append(numbers, v)
		need := 2
		if cmd == 'H' || cmd == 'h' || cmd == 'V' || cmd == 'v' {
			need = 1
		}
		if len(numbers) < need {
			continue
		}
		switch cmd {
		case 'M', 'm':
			flush()
			if cmd == 'm' {
				cur = point{cur.x + numbers[0], cur.y + numbers[1]}
				cmd = 'l' // further pairs are line-tos
			} else {
				cur = point{numbers[0], numbers[1]}
				cmd = 'L'
			}
			start = cur
		case 'L':
			cur = point{numbers[0], numbers[1]}
		case 'l':
			cur = point{cur.x + numbers[0], cur.y + numbers[1]}
		case 'H':
			cur.x = numbers[0]
		case 'h':
			cur.x += numbers[0]
		case 'V':
			cur.y = numbers[0]
		case 'v':
			cur.y += numbers[0]
		default:
			return nil, fmt.Errorf("path data: unsupported command %q", cmd)
		}
		ring = append(ring, cur)
		numbers = numbers[:0]
	}
	flush()
	return rings, nil
}
