package membership

import (
	"reflect"
	"testing"
)

// TestGeneratedEqualsParsed: Default, which the server and the client both
// read from content_gen.go, is what parsing the embedded content file
// gives. It fails when content_gen.go is stale (run: go run
// ./tools/contentgen) or when a constructor the generated code calls
// builds less than the parser does.
func TestGeneratedEqualsParsed(t *testing.T) {
	parsed, err := ParseEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(Default(), parsed) {
		t.Error("app/membership/content_gen.go is stale or builds less than the parser: run go run ./tools/contentgen")
	}
}
