package app

import (
	"strings"
	"sync"
)

type router struct {
	mu     sync.RWMutex
	routes map[string]func() Composer
	// prefixRoutes, longest prefix first, are matched when no exact
	// route is.
	prefixRoutes []prefixRoute
}

type prefixRoute struct {
	prefix       string
	newComponent func() Composer
}

func makeRouter() router {
	return router{
		routes: make(map[string]func() Composer),
	}
}

func (r *router) route(path string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	r.routes[path] = newComponent
}

func (r *router) routeWithPrefix(prefix string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	i := 0
	for i < len(r.prefixRoutes) && len(r.prefixRoutes[i].prefix) >= len(prefix) {
		if r.prefixRoutes[i].prefix == prefix {
			r.prefixRoutes[i].newComponent = newComponent
			return
		}
		i++
	}
	r.prefixRoutes = append(r.prefixRoutes, prefixRoute{})
	copy(r.prefixRoutes[i+1:], r.prefixRoutes[i:])
	r.prefixRoutes[i] = prefixRoute{prefix: prefix, newComponent: newComponent}
}

// byPrefix returns the factory of the longest prefix route path starts
// with, or nil. The caller holds r.mu.
func (r *router) byPrefix(path string) func() Composer {
	for _, pr := range r.prefixRoutes {
		if strings.HasPrefix(path, pr.prefix) {
			return pr.newComponent
		}
	}
	return nil
}

func (r *router) routed(path string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()

	if _, routed := r.routes[path]; routed {
		return true
	}

	return r.byPrefix(path) != nil
}

func (r *router) createComponent(path string) (Composer, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()

	if newComponent, routed := r.routes[path]; routed {
		return newComponent(), true
	}

	if newComponent := r.byPrefix(path); newComponent != nil {
		return newComponent(), true
	}

	return nil, false
}
