package richtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// named are the character references editors and spreadsheet exports use.
// Others are left as written: the full table of HTML would cost the wasm
// tens of kilobytes for characters nobody types as entities.
var named = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u00a0",
	"ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’",
	"ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "shy": "\u00ad",
	"copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•",
	"euro": "€", "pound": "£", "times": "×", "eacute": "é", "ouml": "ö", "uuml": "ü",
}

// decode replaces character references ("&amp;", "&#39;", "&#x2014;") with
// the characters they stand for. A reference without its ';' or of a name
// not in named is left as written.
func decode(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 || semi > 12 {
			b.WriteByte('&')
			s = s[1:]
		} else if r, ok := reference(s[1:semi]); ok {
			b.WriteString(r)
			s = s[semi+1:]
		} else {
			b.WriteByte('&')
			s = s[1:]
		}
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

func reference(name string) (string, bool) {
	if !strings.HasPrefix(name, "#") {
		r, ok := named[name]
		return r, ok
	}
	digits, base := name[1:], 10
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		digits, base = digits[1:], 16
	}
	if digits == "" || digits[0] == '+' || digits[0] == '-' {
		return "", false
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", false
	}
	r := rune(n)
	if n == 0 || n > utf8.MaxRune || !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(r), true
}
