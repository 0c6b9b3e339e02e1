package media

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		cell     string
		kind     Kind
		src      string
		provider string
	}{
		{"", None, "", ""},
		{"media/treaty.png", Local, "/web/media/treaty.png", ""},
		{"/web/media/Treaty_1992.JPG", Local, "/web/media/Treaty_1992.JPG", ""},
		{"photo.webp", Local, "/web/photo.webp", ""},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "YouTube"},
		{"https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1m30s", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90", "YouTube"},
		{"https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=75", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=75", "YouTube"},
		{"https://youtu.be/dQw4w9WgXcQ?t=42s", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42", "YouTube"},
		{"http://www.youtube.com/embed/dQw4w9WgXcQ?start=10", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=10", "YouTube"},
		{"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "YouTube"},
		{"https://www.youtube.com/shorts/dQw4w9WgXcQ", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "YouTube"},
		{"https://www.youtube.com/live/dQw4w9WgXcQ", Video, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "YouTube"},
		{"https://vimeo.com/76979871", Video, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "Vimeo"},
		{"https://vimeo.com/76979871/a1b2c3d4e5", Video, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=a1b2c3d4e5", "Vimeo"},
		{"https://vimeo.com/channels/staffpicks/76979871", Video, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "Vimeo"},
		{"https://vimeo.com/groups/shortfilms/videos/76979871", Video, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "Vimeo"},
		{"https://vimeo.com/showcase/123/video/76979871", Video, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "Vimeo"},
		{"https://player.vimeo.com/video/76979871?h=ab12", Video, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=ab12", "Vimeo"},
		{"http://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg", Image, "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg", "Wikimedia Commons"},
		// Addresses the providers' forms do not cover are links, never errors.
		{"https://www.youtube.com/watch?v=short", Link, "https://www.youtube.com/watch?v=short", "youtube.com"},
		{"https://www.youtube.com/@channel", Link, "https://www.youtube.com/@channel", "youtube.com"},
		{"https://vimeo.com/showcase/123", Link, "https://vimeo.com/showcase/123", "vimeo.com"},
		{"https://example.org/photo.jpg", Link, "https://example.org/photo.jpg", "example.org"},
		{"https://upload.wikimedia.org/wikipedia/commons/", Link, "https://upload.wikimedia.org/wikipedia/commons/", "upload.wikimedia.org"},
		{"https://notyoutube.com/watch?v=dQw4w9WgXcQ", Link, "https://notyoutube.com/watch?v=dQw4w9WgXcQ", "notyoutube.com"},
	} {
		m, err := Parse(c.cell)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.cell, err)
			continue
		}
		if m.Kind != c.kind || m.Src != c.src || m.Provider != c.provider {
			t.Errorf("Parse(%q) = %+v, want kind %d src %q provider %q", c.cell, m, c.kind, c.src, c.provider)
		}
		if c.kind != None && m.URL != c.cell {
			t.Errorf("Parse(%q).URL = %q", c.cell, m.URL)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct {
		cell  string
		local bool
		want  string
	}{
		{"/images/x.jpg", true, "under /web/"},
		{"media/../../go.mod.png", true, `".." starts with a dot`},
		{"media/.hidden.png", true, "starts with a dot"},
		{"media//x.png", true, "empty path segment"},
		{"media/x y.png", true, `" " in a file name`},
		{"media/notes.txt", true, "not an image"},
		{"media/.png", true, "starts with a dot"},
		{"media/", true, "empty path segment"},
		{"javascript:alert(1)", false, "not an absolute http"},
		{"data:image/png;base64,AAAA", false, "not an absolute http"},
		{"//example.org/x.jpg", false, "not an absolute http"},
		{"https:///x.jpg", false, "not an absolute http"},
		{`<iframe src="https://example.org"></iframe>`, false, "HTML embed code"},
	} {
		_, err := Parse(c.cell)
		if err == nil {
			t.Errorf("Parse(%q) accepted", c.cell)
			continue
		}
		if errors.Is(err, ErrLocal) != c.local {
			t.Errorf("Parse(%q): %v: local %v, want %v", c.cell, err, !c.local, c.local)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q): %v, want it to say %q", c.cell, err, c.want)
		}
	}
}

func TestSeconds(t *testing.T) {
	for s, want := range map[string]int{"90": 90, "90s": 90, "1m30s": 90, "1h2m3s": 3723, "2m": 120} {
		if got, ok := seconds(s); !ok || got != want {
			t.Errorf("seconds(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "m", "1x", "-5", "99999999"} {
		if got, ok := seconds(s); ok {
			t.Errorf("seconds(%q) = %d, want refused", s, got)
		}
	}
}

// FuzzParse: any cell parses or is refused, and what is loaded is always
// on the site or on a supported provider's origin.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"media/x.png", "https://youtu.be/dQw4w9WgXcQ?t=1m", "https://vimeo.com/1/ab",
		"https://upload.wikimedia.org/a/b.jpg", "javascript:x", "/web/../x.png", "https://example.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		m, err := Parse(cell)
		if err != nil {
			return
		}
		switch m.Kind {
		case Local:
			if !strings.HasPrefix(m.Src, "/web/") || strings.Contains(m.Src, "//") {
				t.Fatalf("local %q serves %q", cell, m.Src)
			}
			for _, seg := range strings.Split(m.WebPath(), "/") {
				if seg == "." || seg == ".." {
					t.Fatalf("local %q serves %q, outside web/", cell, m.Src)
				}
			}
		case Video, Image:
			ok := false
			for _, p := range Providers() {
				if strings.HasPrefix(m.Src, p.Origin+"/") && p.Name == m.Provider {
					ok = true
				}
			}
			if !ok {
				t.Fatalf("%q loads %q from %s", cell, m.Src, m.Provider)
			}
		case Link:
			if !strings.HasPrefix(m.Src, "http://") && !strings.HasPrefix(m.Src, "https://") {
				t.Fatalf("%q links to %q", cell, m.Src)
			}
		}
	})
}

// What a sheet's media costs the app's start: every event's cells are
// read when the embedded timeline loads, in the browser too.
func BenchmarkParse(b *testing.B) {
	cells := []string{"", "media/treaty.png", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s",
		"https://vimeo.com/76979871", "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg", "https://example.org/report"}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cells {
			if _, err := Parse(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
