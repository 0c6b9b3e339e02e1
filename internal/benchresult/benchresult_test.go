package benchresult

import "testing"

func TestMedianAndMax(t *testing.T) {
	for _, c := range []struct {
		xs          []float64
		median, max float64
	}{
		{nil, 0, 0},
		{[]float64{4}, 4, 4},
		{[]float64{3, 1, 2}, 2, 3},
		{[]float64{10, 1, 4, 2}, 3, 10},
	} {
		in := append([]float64(nil), c.xs...)
		if got := Median(c.xs); got != c.median {
			t.Errorf("Median(%v) = %g, want %g", c.xs, got, c.median)
		}
		if got := Max(c.xs); got != c.max {
			t.Errorf("Max(%v) = %g, want %g", c.xs, got, c.max)
		}
		for i := range in {
			if in[i] != c.xs[i] {
				t.Errorf("Median reordered its input: %v, was %v", c.xs, in)
				break
			}
		}
	}
}
