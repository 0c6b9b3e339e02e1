package main

import "testing"

func TestDemangle(t *testing.T) {
	d := newDemangler([]compiled{
		{importPath: "github.com/maxence-charriere/go-app/v10/pkg/app"},
		{importPath: "github.com/maxence-charriere/go-app/v10/pkg/errors"},
		{importPath: "explainer/components"},
		{importPath: "encoding/json"},
		{importPath: "runtime"},
	})
	for name, want := range map[string]string{
		"github.com_maxence_charriere_go_app_v10_pkg_app.__htmlDiv_.Text": "github.com/maxence-charriere/go-app/v10/pkg/app",
		"github.com_maxence_charriere_go_app_v10_pkg_errors.Error.Error":  "github.com/maxence-charriere/go-app/v10/pkg/errors",
		"explainer_components.__MembershipMap_.Render.func1":              "explainer/components",
		"type_.eq.encoding_json.UnmarshalTypeError":                       "encoding/json",
		"runtime.mallocgc":                    "runtime",
		"wasm_export_run":                     "(runtime glue)",
		"encoding_json.__decodeState_.object": "encoding/json",
		"explainer_components.init.OnceValue_go.shape._uint8_.func2":           "explainer/components",
		"github.com_maxence_charriere_go_app_v10_pkg_app.Log[go.shape.string]": "github.com/maxence-charriere/go-app/v10/pkg/app",
	} {
		if got := d(name); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

func TestPkgOf(t *testing.T) {
	for sym, want := range map[string]string{
		"type:*encoding/json.decodeState":                       "encoding/json",
		"type:map[string]int":                                   "fallback",
		`go:string."hello"`:                                     "fallback",
		"github.com/x/y.(*T).M":                                 "github.com/x/y",
		"slices.SortFunc[go.shape.struct { a/b.C }]":            "slices",
		"go:itab.*explainer/app/sheet.Error,error":              "explainer/app/sheet",
		"explainer/app/geo.shapes":                              "explainer/app/geo",
		"type:.namedata.*func(string) string-":                  "fallback",
		"crypto/internal/fips140/nistec.p256GeneratorTables":    "crypto/internal/fips140/nistec",
		"type:noalg.struct { F uintptr; X0 *explainer/app.T }":  "fallback",
		"unicode.Upper":                                         "unicode",
		"github.com/maxence-charriere/go-app/v10/pkg/app.Route": "github.com/maxence-charriere/go-app/v10/pkg/app",
	} {
		if got := pkgOf(sym, "fallback"); got != want {
			t.Errorf("%s: got %q, want %q", sym, got, want)
		}
	}
}

// A hand-made module: one imported function, two defined ones with names.
func TestParseWasm(t *testing.T) {
	b := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body []byte) { b = append(append(append(b, id), byte(len(body))), body...) }
	section(1, []byte{1, 0x60, 0, 0})                                // type: func() -> ()
	section(2, append(append([]byte{1, 3}, "env"...), 1, 'f', 0, 0)) // import env.f, a function
	section(3, []byte{2, 0, 0})                                      // two functions of type 0
	section(10, []byte{2, 2, 0, 0x0b, 4, 0, 1, 1, 0x0b})             // bodies of 2 and 4 bytes
	names := append([]byte{1, 6, 2, 1, 1, 'a', 2, 1, 'b'}, 2, 0)     // function names 1:a 2:b, then an empty locals subsection
	section(0, append(append([]byte{4}, "name"...), names...))
	m, err := parseWasm(b)
	if err != nil {
		t.Fatal(err)
	}
	if m.imports != 1 || len(m.bodies) != 2 || m.bodies[0] != 2 || m.bodies[1] != 4 {
		t.Errorf("imports %d, bodies %v; want 1 and [2 4]", m.imports, m.bodies)
	}
	if m.names[1] != "a" || m.names[2] != "b" {
		t.Errorf("names %v", m.names)
	}
	if _, err := parseWasm([]byte("not wasm")); err == nil {
		t.Error("no error for a file that is not wasm")
	}
}
