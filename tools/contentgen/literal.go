package main

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// literal writes values as Go source for one package: types of that
// package unqualified, others by their package name, which it records so
// the file can import them.
type literal struct {
	pkg     string            // import path of the package the file is in
	imports map[string]string // import path -> package name, for other packages
	b       strings.Builder
}

func newLiteral(pkg string) *literal { return &literal{pkg: pkg, imports: map[string]string{}} }

// typeName is how the file spells t.
func (l *literal) typeName(t reflect.Type) string {
	if t.Name() != "" && t.PkgPath() != "" {
		if t.PkgPath() == l.pkg {
			return t.Name()
		}
		name := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
		l.imports[t.PkgPath()] = name
		return name + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + l.typeName(t.Elem())
	case reflect.Pointer:
		return "*" + l.typeName(t.Elem())
	}
	return t.String()
}

// value writes v; elided says its type is implied by the enclosing
// composite literal, so a struct is written as {...}.
func (l *literal) value(v reflect.Value, elided bool) error {
	t := v.Type()
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			l.b.WriteString("nil")
			return nil
		}
		if t.Elem().Kind() != reflect.Struct {
			return fmt.Errorf("pointer to %s cannot be written", t.Elem())
		}
		if !elided {
			l.b.WriteString("&")
		}
		return l.value(v.Elem(), elided)
	case reflect.Struct:
		if !elided {
			l.b.WriteString(l.typeName(t))
		}
		l.b.WriteString("{")
		first := true
		for i := range t.NumField() {
			f := t.Field(i)
			fv := v.Field(i)
			if fv.IsZero() {
				continue
			}
			if !f.IsExported() {
				return fmt.Errorf("%s.%s is unexported and set: give %s a constructor", t, f.Name, t)
			}
			if !first {
				l.b.WriteString(", ")
			}
			first = false
			l.b.WriteString(f.Name + ": ")
			if err := l.value(fv, false); err != nil {
				return err
			}
		}
		l.b.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			l.b.WriteString("nil")
			return nil
		}
		if !elided {
			l.b.WriteString(l.typeName(t))
		}
		l.b.WriteString("{")
		// Each struct on a line of its own keeps a content edit a small diff.
		k := t.Elem().Kind()
		lines := k == reflect.Struct || k == reflect.Slice || k == reflect.Pointer
		for i := range v.Len() {
			switch {
			case lines:
				l.b.WriteString("\n")
			case i > 0:
				l.b.WriteString(", ")
			}
			if err := l.value(v.Index(i), true); err != nil {
				return err
			}
			if lines {
				l.b.WriteString(",")
			}
		}
		if lines && v.Len() > 0 {
			l.b.WriteString("\n")
		}
		l.b.WriteString("}")
	case reflect.String:
		l.scalar(t, strconv.Quote(v.String()), reflect.String)
	case reflect.Bool:
		l.scalar(t, strconv.FormatBool(v.Bool()), reflect.Bool)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		l.scalar(t, strconv.FormatInt(v.Int(), 10), reflect.Int)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		l.scalar(t, strconv.FormatUint(v.Uint(), 10), reflect.Uint)
	case reflect.Float32, reflect.Float64:
		l.scalar(t, strconv.FormatFloat(v.Float(), 'g', -1, 64), reflect.Float64)
	default:
		return fmt.Errorf("a %s cannot be written", t)
	}
	return nil
}

// scalar writes a basic value as an untyped constant, which a field of a
// named type (date.Precision, roles.Attendance) takes as it is.
func (l *literal) scalar(_ reflect.Type, text string, _ reflect.Kind) {
	l.b.WriteString(text)
}

// importBlock lists the recorded imports, sorted.
func (l *literal) importBlock() string {
	if len(l.imports) == 0 {
		return ""
	}
	paths := make([]string, 0, len(l.imports))
	for p := range l.imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString("import (\n")
	for _, p := range paths {
		b.WriteString("\t" + strconv.Quote(p) + "\n")
	}
	b.WriteString(")\n\n")
	return b.String()
}
