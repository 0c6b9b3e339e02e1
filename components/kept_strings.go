package components

// keptStrings is a list of n strings worked out for one key (a date, a
// view) and kept from one render to the next, worked out again only when
// the key or n changes: most updates leave the key alone, and the list
// asks for one string per item on every render.
type keptStrings[K comparable] struct {
	items []string
	key   K
}

// at is the i-th of the n strings for key; item gives the j-th when the
// list is worked out again.
func (l *keptStrings[K]) at(i, n int, key K, item func(j int) string) string {
	if len(l.items) != n || l.key != key {
		if len(l.items) != n {
			l.items = make([]string, n)
		}
		for j := range n {
			l.items[j] = item(j)
		}
		l.key = key
	}
	return l.items[i]
}
