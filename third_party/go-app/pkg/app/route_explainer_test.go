package app

import "testing"

type routeA struct{ Compo }
type routeB struct{ Compo }
type routeC struct{ Compo }

// The explainer's prefix routes (RouteWithPrefix): exact routes first,
// then the longest prefix; anything else is not routed.
func TestRouterPrefix(t *testing.T) {
	r := makeRouter()
	r.route("/", func() Composer { return &routeA{} })
	r.route("/event/special", func() Composer { return &routeC{} })
	r.routeWithPrefix("/event/", func() Composer { return &routeB{} })
	r.routeWithPrefix("/e", func() Composer { return &routeA{} })
	r.routeWithPrefix("/event/x/", func() Composer { return &routeC{} })

	for path, want := range map[string]any{
		"/":               &routeA{},
		"/event/armenia/": &routeB{},
		"/event/":         &routeB{},
		"/event/special":  &routeC{},
		"/event/x/y":      &routeC{},
		"/embed":          &routeA{},
		"/country/ARM/":   nil,
		"/Event/armenia/": nil,
		"":                nil,
	} {
		c, ok := r.createComponent(path)
		if ok != (want != nil) || r.routed(path) != ok {
			t.Errorf("%q: routed %v, created %v; want %v", path, r.routed(path), ok, want != nil)
			continue
		}
		if ok && typeName(c) != typeName(want) {
			t.Errorf("%q: got %T, want %T", path, c, want)
		}
	}

	// Registering a prefix again replaces its component.
	r.routeWithPrefix("/event/", func() Composer { return &routeA{} })
	if c, _ := r.createComponent("/event/armenia/"); typeName(c) != typeName(&routeA{}) {
		t.Errorf("re-registered prefix: got %T", c)
	}
	if len(r.prefixRoutes) != 3 {
		t.Errorf("re-registering added a route: %d", len(r.prefixRoutes))
	}
}

func typeName(v any) string {
	switch v.(type) {
	case *routeA:
		return "A"
	case *routeB:
		return "B"
	case *routeC:
		return "C"
	}
	return "?"
}
