package app

import (
	"reflect"
	"testing"
)

// Tests for the explainer's patch to canUpdateValue (see
// third_party/go-app/README.md, step 13): the fast paths decide as
// reflect.DeepEqual does.
func TestCanUpdateValueAsDeepEqual(t *testing.T) {
	type date struct{ Year, Month, Day int }
	type plain struct {
		Name string
		At   date
		On   bool
		F    float64
	}
	type withSlice struct {
		Names []string
	}
	type withPointer struct {
		P *date
	}
	d1, d2 := &date{2025, 11, 27}, &date{2025, 11, 27}
	cases := []struct {
		name   string
		a, b   any
		update bool
	}{
		{"equal plain structs", plain{"a", date{1, 2, 3}, true, 1.5}, plain{"a", date{1, 2, 3}, true, 1.5}, false},
		{"a nested field differs", plain{"a", date{1, 2, 3}, true, 1.5}, plain{"a", date{1, 2, 4}, true, 1.5}, true},
		{"a string differs", plain{Name: "a"}, plain{Name: "b"}, true},
		{"the same pointer", d1, d1, false},
		{"pointers to equal values", d1, d2, false},
		{"pointers to different values", d1, &date{2025, 11, 28}, true},
		{"structs with equal slices", withSlice{[]string{"x"}}, withSlice{[]string{"x"}}, false},
		{"structs with different slices", withSlice{[]string{"x"}}, withSlice{[]string{"y"}}, true},
		{"structs with pointers to equal values", withPointer{d1}, withPointer{d2}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := canUpdateValue(reflect.ValueOf(c.a), reflect.ValueOf(c.b)); got != c.update {
				t.Errorf("canUpdateValue = %v, want %v", got, c.update)
			}
			if deep := !reflect.DeepEqual(c.a, c.b); deep != c.update {
				t.Fatalf("the case is wrong: DeepEqual says update %v", deep)
			}
		})
	}
	if plainStruct(reflect.TypeOf(withPointer{})) || plainStruct(reflect.TypeOf(withSlice{})) {
		t.Error("a struct holding a pointer or a slice is taken as plain")
	}
}

// Servers render pages in goroutines of their own: plainStruct is asked
// from many at once (run with -race).
func TestPlainStructFromManyGoroutines(t *testing.T) {
	type date struct{ Year, Month, Day int }
	type view struct {
		Event string
		At    date
	}
	done := make(chan bool)
	for range 8 {
		go func() { done <- plainStruct(reflect.TypeOf(view{})) }()
	}
	for range 8 {
		if !<-done {
			t.Error("a struct of strings and numbers is not plain")
		}
	}
}
