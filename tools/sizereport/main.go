// Command sizereport tells where the bytes of the explainer's app.wasm go,
// by Go package.
//
//	go run ./tools/sizereport [-top 25] [-why fmt,net/http] [PACKAGE]
//
// It builds the wasm (GOOS=js GOARCH=wasm, -trimpath, but keeping the
// symbol names the release build strips with -s -w) into a temporary
// folder, then:
//
//   - code: reads every function body's size from the wasm code section and
//     its name from the "name" section, and adds it to the function's
//     package. This is exact: it is the code that ships.
//   - data: takes the symbols the linker kept (its -dumpdep reachability
//     graph) and their sizes from the packages' compiled objects (go tool
//     nm), for read-only and initialised data: type descriptors, strings,
//     tables. Strings shared by several packages count once. What is left of
//     the data section (the runtime's function tables, GC maps) is shown as
//     unattributed.
//
// -why prints, for each package named, the shortest chain of references
// from the program's entry to one of its symbols: why it is linked at all.
//
// It is a build-time tool: nothing here is linked into the app.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	top := flag.Int("top", 25, "packages to list")
	base := flag.String("base", "", "a second main package to compare with, e.g. ./tools/hello")
	why := flag.String("why", "", "comma-separated packages: print why each is linked")
	list := flag.String("list", "", "comma-separated packages: list their biggest functions")
	flag.Parse()
	pkg := "."
	if flag.NArg() > 0 {
		pkg = flag.Arg(0)
	}
	if err := run(pkg, *base, *top, *why, *list); err != nil {
		fmt.Fprintln(os.Stderr, "sizereport:", err)
		os.Exit(1)
	}
}

// usage is one package's share of the binary.
type usage struct {
	pkg        string
	code, data int
}

func (u *usage) total() int { return u.code + u.data }

// report is where one build's bytes go.
type report struct {
	size           int // the wasm file, names included
	mod            *module
	code           int // all function bodies
	dataAttributed int
	byPkg          map[string]*usage
	graph          *depGraph
	pkgs           []compiled
	funcs          []fn
}

// fn is a function of the binary, its name as the wasm writes it.
type fn struct {
	pkg, name string
	size      int
}

// listFuncs prints a package's biggest functions.
func listFuncs(r *report, pkg string, top int) {
	var fs []fn
	total := 0
	for _, f := range r.funcs {
		if f.pkg == pkg {
			fs = append(fs, f)
			total += f.size
		}
	}
	slices.SortFunc(fs, func(a, b fn) int { return cmp.Or(cmp.Compare(b.size, a.size), strings.Compare(a.name, b.name)) })
	fmt.Printf("\n%s: %d functions, %s bytes of code; the biggest:\n", pkg, len(fs), grouped(total))
	for i, f := range fs {
		if i == top {
			break
		}
		fmt.Printf("  %9s  %s\n", grouped(f.size), f.name)
	}
}

// sorted returns the packages, biggest first.
func (r *report) sorted() []*usage {
	list := make([]*usage, 0, len(r.byPkg))
	for _, u := range r.byPkg {
		list = append(list, u)
	}
	slices.SortFunc(list, func(a, b *usage) int {
		return cmp.Or(cmp.Compare(b.total(), a.total()), strings.Compare(a.pkg, b.pkg))
	})
	return list
}

func (r *report) unattributed() int { return r.mod.dataBytes - r.dataAttributed }

func run(pkg, base string, top int, why, listPkgs string) error {
	r, err := measure(pkg)
	if err != nil {
		return err
	}
	fmt.Printf("%s: app.wasm built without -s -w: %s bytes\n", pkg, grouped(r.size))
	fmt.Println("sections:")
	for _, s := range r.mod.sections {
		if s.size >= 1024 {
			fmt.Printf("  %-12s %11s\n", s.name, grouped(s.size))
		}
	}
	fmt.Printf("code %s bytes in %d functions; data section %s bytes, %s of it attributed to packages\n",
		grouped(r.code), len(r.mod.bodies), grouped(r.mod.dataBytes), grouped(r.dataAttributed))
	fmt.Println("(the rest of the data is the runtime's tables: function names and pc tables, itabs, GC maps;")
	fmt.Println(" it grows with the code, roughly 0.5 byte per byte of code)")
	fmt.Println()

	list := r.sorted()
	fmt.Printf("%-4s %-52s %10s %10s %10s %6s\n", "#", "package", "code", "data", "total", "share")
	for i, u := range list {
		if i == top {
			break
		}
		fmt.Printf("%-4d %-52s %10s %10s %10s %5.1f%%\n", i+1, u.pkg, grouped(u.code), grouped(u.data),
			grouped(u.total()), 100*float64(u.total())/float64(r.code+r.mod.dataBytes))
	}

	// The same bytes by who brings them.
	groups := map[string]int{}
	for _, u := range list {
		groups[groupOf(u.pkg)] += u.total()
	}
	fmt.Println("\nby origin:")
	for _, g := range origins {
		fmt.Printf("  %-46s %10s\n", g, grouped(groups[g]))
	}
	fmt.Printf("  %-46s %10s\n", "runtime tables (unattributed data)", grouped(r.unattributed()))

	fmt.Println("\nthe explainer's packages:")
	for _, u := range list {
		if groupOf(u.pkg) == origins[0] {
			fmt.Printf("  %-46s %10s  (code %s, data %s)\n", u.pkg, grouped(u.total()), grouped(u.code), grouped(u.data))
		}
	}

	if base != "" {
		b, err := measure(base)
		if err != nil {
			return err
		}
		compare(r, b, pkg, base, top)
	}

	for _, p := range strings.Split(listPkgs, ",") {
		if p = strings.TrimSpace(p); p != "" {
			listFuncs(r, p, top)
		}
	}

	if why != "" {
		fmt.Println("\nwhy linked:")
		for _, p := range strings.Split(why, ",") {
			if p = strings.TrimSpace(p); p != "" {
				explain(r, pkg, p)
			}
		}
	}
	return nil
}

// compare prints what pkg adds over base, package by package.
func compare(r, b *report, pkg, base string, top int) {
	fmt.Printf("\n%s compared with %s (%s bytes without -s -w): %+d bytes\n", pkg, base, grouped(b.size), r.size-b.size)
	type delta struct {
		pkg string
		d   int
	}
	var ds []delta
	for p, u := range r.byPkg {
		old := 0
		if bu := b.byPkg[p]; bu != nil {
			old = bu.total()
		}
		if d := u.total() - old; d != 0 {
			ds = append(ds, delta{p, d})
		}
	}
	for p, bu := range b.byPkg {
		if r.byPkg[p] == nil {
			ds = append(ds, delta{p, -bu.total()})
		}
	}
	ds = append(ds, delta{"runtime tables (unattributed data)", r.unattributed() - b.unattributed()})
	slices.SortFunc(ds, func(x, y delta) int { return cmp.Or(cmp.Compare(y.d, x.d), strings.Compare(x.pkg, y.pkg)) })
	fmt.Printf("%-4s %-52s %10s\n", "#", "package", "added")
	for i, d := range ds {
		if i == top {
			break
		}
		fmt.Printf("%-4d %-52s %10s\n", i+1, d.pkg, grouped(d.d))
	}
}

// explain prints why a package is linked: the shortest import chain from
// the main package, the files of the last importer that import it, and the
// shortest chain of symbol references the linker followed to keep it.
func explain(r *report, main, pkg string) {
	chain := r.importChain(pkg)
	if chain == nil {
		fmt.Printf("  %s: not imported\n", pkg)
		return
	}
	fmt.Printf("  %s\n    imports: %s\n", pkg, strings.Join(chain, " -> "))
	if len(chain) >= 2 {
		importer := chain[len(chain)-2]
		if files := importingFiles(r.pkgs, importer, pkg); len(files) > 0 {
			fmt.Printf("    imported by %s in: %s\n", importer, strings.Join(files, ", "))
		}
	}
	if syms := r.graph.why(pkg); syms != nil {
		fmt.Printf("    kept by the linker through: %s\n", strings.Join(syms, " -> "))
	} else {
		fmt.Printf("    no symbol of it is linked\n")
	}
}

// measure builds pkg for the browser and attributes its bytes.
func measure(pkg string) (*report, error) {
	dir, err := os.MkdirTemp("", "sizereport-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	wasmFile := filepath.Join(dir, "app.wasm")
	var deps bytes.Buffer
	build := wasmCmd("go", "build", "-trimpath", "-ldflags=-dumpdep", "-o", wasmFile, pkg)
	build.Stderr = &deps
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("building %s: %v\n%s", pkg, err, lastLines(deps.String(), 20))
	}
	b, err := os.ReadFile(wasmFile)
	if err != nil {
		return nil, err
	}
	m, err := parseWasm(b)
	if err != nil {
		return nil, err
	}
	r := &report{size: len(b), mod: m, byPkg: map[string]*usage{}, graph: parseDeps(deps.String())}
	if r.pkgs, err = listPackages(pkg); err != nil {
		return nil, err
	}
	demangle := newDemangler(r.pkgs)
	for i, size := range m.bodies {
		name := m.names[m.imports+i]
		p := demangle(name)
		r.get(p).code += size
		r.code += size
		r.funcs = append(r.funcs, fn{p, name, size})
	}
	if r.dataAttributed, err = addData(r.pkgs, r.graph, r.get); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *report) get(p string) *usage {
	u := r.byPkg[p]
	if u == nil {
		u = &usage{pkg: p}
		r.byPkg[p] = u
	}
	return u
}

// wasmCmd runs a go command for the browser build.
func wasmCmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	return c
}

// compiled is a package of the build: its compiled object, folder, Go
// files and imports.
type compiled struct {
	importPath, export, dir string
	files, imports          []string
}

// listPackages lists the packages linked into the wasm, compiling them.
func listPackages(pkg string) ([]compiled, error) {
	out, err := wasmCmd("go", "list", "-trimpath", "-export", "-deps", "-f",
		"{{.ImportPath}}\t{{.Export}}\t{{.Dir}}\t{{join .GoFiles \" \"}}\t{{join .Imports \" \"}}", pkg).Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	var pkgs []compiled
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 5 && f[1] != "" {
			pkgs = append(pkgs, compiled{importPath: f[0], export: f[1], dir: f[2],
				files: strings.Fields(f[3]), imports: strings.Fields(f[4])})
		}
	}
	return pkgs, nil
}

// newDemangler maps a wasm function name back to its Go package. The wasm
// linker writes names with every character other than letters, digits, _
// and . replaced by _ ("github.com_maxence_charriere_go_app_v10_pkg_app.Log"),
// so the package is the longest package path that, mangled alike, prefixes
// the name.
func newDemangler(pkgs []compiled) func(string) string {
	mangle := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '.' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return '_'
		}, s)
	}
	mangled := map[string]string{}
	for _, p := range pkgs {
		mangled[mangle(p.importPath)] = p.importPath
	}
	return func(name string) string {
		for _, p := range []string{"type_.eq.", "type_.hash.", "go_itab.", "type_."} {
			name = strings.TrimPrefix(name, p)
		}
		name = strings.TrimLeft(name, "_")
		best := ""
		for i := 0; i < len(name); i++ {
			if name[i] == '.' {
				if p, ok := mangled[name[:i]]; ok {
					best = p
				}
			}
		}
		if best == "" {
			return "(runtime glue)"
		}
		return best
	}
}

// addData adds the reachable data symbols' sizes to their packages and
// returns the total.
func addData(pkgs []compiled, graph *depGraph, get func(string) *usage) (int, error) {
	seen := map[string]bool{}
	total := 0
	for _, p := range pkgs {
		importPath := p.importPath
		nm, err := exec.Command("go", "tool", "nm", "-size", p.export).Output()
		if err != nil {
			return 0, fmt.Errorf("go tool nm %s: %w", importPath, err)
		}
		sc := bufio.NewScanner(bytes.NewReader(nm))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			// "addr size type name", the name possibly with spaces.
			f := strings.Fields(sc.Text())
			if len(f) < 4 || (f[2] != "R" && f[2] != "D") {
				continue
			}
			size, err := strconv.Atoi(f[1])
			if err != nil {
				continue
			}
			name := strings.Join(f[3:], " ")
			if seen[name] || !graph.reachable[name] {
				continue
			}
			seen[name] = true
			get(pkgOf(name, importPath)).data += size
			total += size
		}
	}
	return total, nil
}

// pkgOf returns the package a symbol belongs to, or fallback when its name
// names none (strings, anonymous types, linker glue).
func pkgOf(sym, fallback string) string {
	s := sym
	for _, p := range []string{"type:.eq.", "type:.hash.", "type:", "go:itab.", "go:info.", "go:"} {
		if strings.HasPrefix(s, p) {
			if p == "go:" {
				return fallback
			}
			s = s[len(p):]
			break
		}
	}
	s = strings.TrimLeft(s, "*[]")
	if s == "" || strings.HasPrefix(s, "noalg.") || strings.HasPrefix(s, "map[") ||
		strings.HasPrefix(s, "struct ") || strings.HasPrefix(s, "func(") || strings.HasPrefix(s, "interface ") {
		return fallback
	}
	end := strings.IndexAny(s, "[(,")
	if end < 0 {
		end = len(s)
	}
	slash := strings.LastIndexByte(s[:end], '/')
	dot := strings.IndexByte(s[slash+1:], '.')
	if dot <= 0 {
		return fallback
	}
	return s[:slash+1+dot]
}

// origins are the groups of groupOf, in the order the report shows them.
var origins = []string{"the explainer (explainer/...)", "go-app", "go-app's dependencies", "standard library"}

func groupOf(pkg string) string {
	switch {
	case pkg == "explainer" || strings.HasPrefix(pkg, "explainer/"):
		return origins[0]
	case strings.HasPrefix(pkg, "github.com/maxence-charriere/go-app/"):
		return origins[1]
	case strings.Contains(strings.SplitN(pkg, "/", 2)[0], "."):
		return origins[2]
	}
	return origins[3]
}

// depGraph is the linker's reachability graph: symbol -> symbols it uses.
type depGraph struct {
	edges     map[string][]string
	reachable map[string]bool
}

func parseDeps(s string) *depGraph {
	g := &depGraph{edges: map[string][]string{}, reachable: map[string]bool{}}
	for _, line := range strings.Split(s, "\n") {
		from, to, ok := strings.Cut(line, " -> ")
		if !ok {
			continue
		}
		g.edges[from] = append(g.edges[from], to)
		g.reachable[from] = true
		g.reachable[to] = true
	}
	return g
}

// why returns the shortest chain from the entry ("_") to a symbol of pkg.
func (g *depGraph) why(pkg string) []string {
	prev := map[string]string{"_": ""}
	queue := []string{"_"}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur != "_" && pkgOf(cur, "") == pkg {
			var chain []string
			for s := cur; s != "_"; s = prev[s] {
				chain = append(chain, s)
			}
			slices.Reverse(chain)
			return chain
		}
		for _, next := range g.edges[cur] {
			if _, ok := prev[next]; !ok {
				prev[next] = cur
				queue = append(queue, next)
			}
		}
	}
	return nil
}

// importChain is the shortest import path from the main package to pkg.
func (r *report) importChain(pkg string) []string {
	byPath := map[string]compiled{}
	for _, p := range r.pkgs {
		byPath[p.importPath] = p
	}
	root := r.pkgs[len(r.pkgs)-1].importPath // go list -deps lists the main package last
	prev := map[string]string{root: ""}
	queue := []string{root}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == pkg {
			var chain []string
			for s := cur; s != ""; s = prev[s] {
				chain = append(chain, s)
			}
			slices.Reverse(chain)
			return chain
		}
		for _, next := range byPath[cur].imports {
			if _, ok := prev[next]; !ok {
				prev[next] = cur
				queue = append(queue, next)
			}
		}
	}
	return nil
}

// importingFiles lists the files of importer that import pkg.
func importingFiles(pkgs []compiled, importer, pkg string) []string {
	var out []string
	for _, p := range pkgs {
		if p.importPath != importer {
			continue
		}
		for _, f := range p.files {
			file, err := parser.ParseFile(token.NewFileSet(), filepath.Join(p.dir, f), nil, parser.ImportsOnly)
			if err != nil {
				continue
			}
			for _, imp := range file.Imports {
				if strings.Trim(imp.Path.Value, "\"") == pkg {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// grouped writes n with thousands separators.
func grouped(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + grouped(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
