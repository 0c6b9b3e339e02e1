package components

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// go-app keeps an element's event handler from one render to the next
// while the new handler is the same function (reflect's Pointer: for a
// closure, its code), so a function literal that captured what one render
// drew goes on acting on it after the element shows something else: a
// state's link in the event details opened the first event's state. A
// handler must read what it acts on when it runs: from its component, or
// from the event's target. This test finds the function literals given to
// an On... method that capture a variable of the function drawing them.
func TestHandlersCaptureNothingARenderDrew(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			for _, c := range capturingHandlers(fn) {
				t.Errorf("%s: the handler given to %s captures %s, which a later render may change; use a method that reads it when the handler runs",
					fset.Position(c.at), c.method, c.name)
			}
		}
	}
}

type capture struct {
	at     token.Pos
	method string
	name   string
}

// capturingHandlers lists, in fn, the function literals passed to a
// method named On... that use a local of fn (its parameters and the
// variables it declares; not its receiver, which go-app keeps). Without
// type information it goes by name: a name the literal declares itself is
// its own, and a field's or a key's name is not a variable.
func capturingHandlers(fn *ast.FuncDecl) []capture {
	var found []capture
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || !strings.HasPrefix(sel.Sel.Name, "On") {
			return true
		}
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.FuncLit)
			if !ok {
				continue
			}
			outside := declared(fn, lit)
			own := declared(lit, nil)
			for _, id := range used(lit.Body) {
				if outside[id.Name] && !own[id.Name] {
					found = append(found, capture{at: id.Pos(), method: sel.Sel.Name, name: id.Name})
				}
			}
		}
		return true
	})
	return found
}

// declared are the names n declares (parameters, :=, var, range), leaving
// out those declared inside skip.
func declared(n ast.Node, skip ast.Node) map[string]bool {
	names := map[string]bool{}
	add := func(ids ...*ast.Ident) {
		for _, id := range ids {
			if skip == nil || !within(id.Pos(), skip) {
				names[id.Name] = true
			}
		}
	}
	fields := func(l *ast.FieldList) {
		if l != nil {
			for _, f := range l.List {
				add(f.Names...)
			}
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			fields(n.Type.Params)
		case *ast.FuncLit:
			fields(n.Type.Params)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		case *ast.ValueSpec:
			add(n.Names...)
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					add(id)
				}
			}
		}
		return true
	})
	return names
}

// used are the identifiers in n that name variables or functions: not
// the selected name of x.y, nor the key of a composite literal.
func used(n ast.Node) []*ast.Ident {
	var ids []*ast.Ident
	skip := map[*ast.Ident]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		case *ast.Ident:
			if !skip[n] {
				ids = append(ids, n)
			}
		}
		return true
	})
	return ids
}

// within reports whether pos is inside n.
func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }
