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
// variables it declares; not its receiver, which go-app keeps).
func capturingHandlers(fn *ast.FuncDecl) []capture {
	locals := map[*ast.Object]bool{}
	if fn.Type.Params != nil {
		for _, p := range fn.Type.Params.List {
			for _, n := range p.Names {
				locals[n.Obj] = true
			}
		}
	}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Obj != nil {
						locals[id.Obj] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				locals[id.Obj] = true
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok && id.Obj != nil {
					locals[id.Obj] = true
				}
			}
		case *ast.FuncLit:
			// The parameters of a literal that draws (an If's or a
			// Range's) are locals of the drawing too.
			for _, p := range n.Type.Params.List {
				for _, id := range p.Names {
					locals[id.Obj] = true
				}
			}
		}
		return true
	})
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
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Obj != nil && locals[id.Obj] && !within(id.Obj.Pos(), lit) {
					found = append(found, capture{at: id.Pos(), method: sel.Sel.Name, name: id.Name})
				}
				return true
			})
		}
		return true
	})
	return found
}

// within reports whether pos is inside n: a variable the literal declares
// itself is not captured.
func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }
