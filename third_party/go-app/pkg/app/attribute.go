package app

import (
	"strconv"
	"strings"
)

// Patched (see third_party/go-app/README.md): an element's attributes are
// a slice of pairs in the order they were first set, not a map. An element
// has a handful, found sooner by a scan than by hashing (which in wasm has
// no hardware help), and every element of every render allocated a map.
type attributes []attribute

type attribute struct {
	name, value string
}

// get returns the value of the attribute with that name.
func (a attributes) get(name string) (string, bool) {
	for i := range a {
		if a[i].name == name {
			return a[i].value, true
		}
	}
	return "", false
}

// put sets the attribute with that name to v.
func (a *attributes) put(name, v string) {
	for i := range *a {
		if (*a)[i].name == name {
			(*a)[i].value = v
			return
		}
	}
	*a = append(*a, attribute{name: name, value: v})
}

func (a *attributes) Set(name string, value any) {
	var v string
	switch name {
	case "value":
		v = toString(value)

	case "style", "allow":
		old, _ := a.get(name)
		v = strings.TrimLeft(old+";"+toAttributeValue(value), ";")

	case "class":
		old, _ := a.get(name)
		v = strings.TrimSpace(old + " " + toAttributeValue(value))

	case "srcset":
		old, _ := a.get(name)
		v = strings.TrimLeft(old+", "+toAttributeValue(value), ", ")

	default:
		v = toAttributeValue(value)
	}

	switch v {
	case "cite",
		"data",
		"download",
		"href",
		"src",
		"value":
		a.put(name, v)

	default:
		if v != "" {
			a.put(name, v)
		}
	}
}

type attributeURLResolver func(string) string

func toAttributeValue(v any) string {
	return strings.TrimSpace(toString(v))
}

func resolveAttributeURLValue(name, value string, resolve attributeURLResolver) string {
	switch name {
	case "cite",
		"data",
		"href",
		"src":
		return resolve(value)

	case "srcset":
		srcs := strings.Split(value, ", ")
		for i, src := range srcs {
			srcs[i] = resolve(src)
		}
		return strings.Join(srcs, ", ")

	default:
		return value
	}
}

func setJSAttribute(jsElement Value, name, value string) {
	toBool := func(v string) bool {
		b, _ := strconv.ParseBool(v)
		return b
	}

	switch name {
	case "value":
		jsElement.Set(name, value)

	case "contenteditable":
		jsElement.Set("contentEditable", value)

	case "ismap":
		jsElement.Set("isMap", toBool(value))

	case "readonly":
		jsElement.Set("readOnly", toBool(value))

	case "async",
		"autofocus",
		"autoplay",
		"checked",
		"default",
		"defer",
		"disabled",
		"hidden",
		"loop",
		"multiple",
		"muted",
		"open",
		"required",
		"reversed",
		"selected":
		jsElement.Set(name, toBool(value))

	default:
		jsElement.Call("setAttribute", name, value)
	}
}

func deleteJSAttribute(jsElement Value, name string) {
	jsElement.Call("removeAttribute", name)
}
