package components

import (
	"strconv"
	"testing"
)

func TestKeptStringsWorksOutAgainOnlyForANewKeyOrLength(t *testing.T) {
	var l keptStrings[string]
	calls := 0
	item := func(key string) func(int) string {
		return func(j int) string { calls++; return key + strconv.Itoa(j) }
	}
	if got := l.at(1, 3, "a", item("a")); got != "a1" || calls != 3 {
		t.Fatalf("first list: got %q after %d calls, want a1 after 3", got, calls)
	}
	if got := l.at(2, 3, "a", item("a")); got != "a2" || calls != 3 {
		t.Errorf("same key: got %q after %d calls, want a2 kept (3 calls)", got, calls)
	}
	if got := l.at(0, 3, "b", item("b")); got != "b0" || calls != 6 {
		t.Errorf("new key: got %q after %d calls, want b0 after 6", got, calls)
	}
	if got := l.at(3, 4, "b", item("b")); got != "b3" || calls != 10 {
		t.Errorf("new length: got %q after %d calls, want b3 after 10", got, calls)
	}
}
