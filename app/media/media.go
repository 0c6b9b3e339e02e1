// Package media reads the Media cells of a TimelineJS sheet (Media, Media
// Thumbnail) into what the reader is shown, under the explainer's rule that
// no request leaves its origin until the reader asks for it:
//
//   - a local image, a file under web/, shows at once;
//   - a video from a supported provider (YouTube, Vimeo) or an image from a
//     supported host (Wikimedia Commons) shows as a card, and its player or
//     picture loads from the provider only when the reader presses the
//     card's button;
//   - any other http or https address is a link card: the reader may follow
//     it to the other site, and the page never loads it.
//
// Addresses are taken apart with net/url and plain string handling: the
// wasm links this package, and it must not link regexp.
package media

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Kind is how a media cell is shown.
type Kind uint8

// The kinds of media.
const (
	None  Kind = iota // no media
	Local             // an image under web/, shown at once
	Video             // a supported provider's player, loaded on request
	Image             // an image on a supported host, loaded on request
	Link              // any other address: a link card, never loaded
)

// Provider is a site whose content the explainer loads when the reader asks.
type Provider struct {
	Name   string // as readers know it: "YouTube"
	Origin string // where its content loads from, which the CSP names
	Video  bool   // its content is a player in a frame, not a picture
}

// The supported providers. YouTube's player comes from its privacy-enhanced
// host, which sets no cookies until the video plays; Vimeo's is told not to
// track (dnt=1).
var (
	YouTube   = Provider{Name: "YouTube", Origin: "https://www.youtube-nocookie.com", Video: true}
	Vimeo     = Provider{Name: "Vimeo", Origin: "https://player.vimeo.com", Video: true}
	Wikimedia = Provider{Name: "Wikimedia Commons", Origin: "https://upload.wikimedia.org"}
)

// Providers lists every supported provider: the server's CSP allows exactly
// their origins (frame-src for players, img-src for pictures).
func Providers() []Provider { return []Provider{YouTube, Vimeo, Wikimedia} }

// Media is one media cell as the reader is shown it.
type Media struct {
	Kind Kind
	// URL is the cell as written.
	URL string
	// Src is what the page loads: the path a local image is served at
	// ("/web/media/x.jpg"), a player's embed address, a remote image's
	// address; for a link, the address the link leads to.
	Src string
	// Provider names the site: a supported provider's Name, or for a link
	// the address's host without "www.".
	Provider string
}

// IsZero reports whether there is no media.
func (m Media) IsZero() bool { return m.Kind == None }

// IsRemote reports whether showing the media's content needs a request to
// another site, which waits for the reader's choice.
func (m Media) IsRemote() bool { return m.Kind == Video || m.Kind == Image }

// ErrLocal marks a problem with a local path: the editor meant a file of
// the site, so it is a mistake to fix in every sheet format.
var ErrLocal = errors.New("local media")

// imageExts are the picture formats a local image may have: those every
// current browser shows in an img element.
var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}

// Parse reads a media cell. An empty cell is no media. A cell without a
// scheme is a local image: a path under web/, written either from the
// site's root ("/web/media/photo.jpg") or relative to web/
// ("media/photo.jpg"); its segments are letters, digits, '.', '-' and '_'
// (no "..", no hidden files), and it ends in an image extension. A local
// path that breaks these rules is an error wrapping ErrLocal. An absolute
// http or https address is a video, a remote image or a link; anything else
// (another scheme, an HTML embed code) is an error.
func Parse(cell string) (Media, error) {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return Media{}, nil
	}
	if strings.HasPrefix(cell, "<") {
		return Media{}, errors.New("an HTML embed code is not supported: give the address of the image or video")
	}
	if !hasScheme(cell) && !strings.HasPrefix(cell, "//") {
		src, err := localPath(cell)
		if err != nil {
			return Media{}, fmt.Errorf("%w %q: %v", ErrLocal, cell, err)
		}
		return Media{Kind: Local, URL: cell, Src: src}, nil
	}
	u, err := url.Parse(cell)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Media{}, fmt.Errorf("%q is not an absolute http or https address nor a path under web/", cell)
	}
	host := strings.ToLower(u.Hostname())
	if m, ok := youtube(host, u); ok {
		return Media{Kind: Video, URL: cell, Src: m, Provider: YouTube.Name}, nil
	}
	if m, ok := vimeo(host, u); ok {
		return Media{Kind: Video, URL: cell, Src: m, Provider: Vimeo.Name}, nil
	}
	if host == "upload.wikimedia.org" && isImagePath(u.Path) {
		v := *u
		v.Scheme = "https" // the CSP allows the https origin only
		return Media{Kind: Image, URL: cell, Src: v.String(), Provider: Wikimedia.Name}, nil
	}
	return Media{Kind: Link, URL: cell, Src: u.String(), Provider: strings.TrimPrefix(host, "www.")}, nil
}

// hasScheme reports whether s starts with a URL scheme ("https:", "data:").
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// localPath checks a path under web/ and returns the path it is served at.
func localPath(p string) (string, error) {
	rel := p
	if strings.HasPrefix(p, "/") {
		var ok bool
		if rel, ok = strings.CutPrefix(p, "/web/"); !ok {
			return "", errors.New("a local image must be under /web/ (e.g. /web/media/photo.jpg, or media/photo.jpg relative to web/)")
		}
	}
	for _, seg := range strings.Split(rel, "/") {
		switch {
		case seg == "":
			return "", errors.New("empty path segment")
		case seg[0] == '.':
			return "", fmt.Errorf("segment %q starts with a dot", seg)
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
				return "", fmt.Errorf("%q in a file name: use letters, digits, '.', '-' and '_'", string(rune(c)))
			}
		}
	}
	if !isImagePath(rel) {
		return "", fmt.Errorf("not an image file (want one of %s)", strings.Join(imageExts, " "))
	}
	return "/web/" + rel, nil
}

// WebPath returns the path of a local image's file relative to web/.
func (m Media) WebPath() string { return strings.TrimPrefix(m.Src, "/web/") }

func isImagePath(p string) bool {
	p = strings.ToLower(p)
	for _, ext := range imageExts {
		if strings.HasSuffix(p, ext) && len(p) > len(ext) && p[len(p)-len(ext)-1] != '/' {
			return true
		}
	}
	return false
}

// youtube reads YouTube's address forms: youtu.be/ID, /watch?v=ID,
// /embed/ID, /shorts/ID, /live/ID and /v/ID on youtube.com (www., m.,
// music.) and youtube-nocookie.com, with a start time from t= or start=.
// It returns the privacy-enhanced player's address.
func youtube(host string, u *url.URL) (string, bool) {
	host = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(host, "www."), "m."), "music.")
	segs := segments(u.Path)
	var id string
	switch host {
	case "youtu.be":
		if len(segs) == 1 {
			id = segs[0]
		}
	case "youtube.com", "youtube-nocookie.com":
		switch {
		case len(segs) == 1 && segs[0] == "watch":
			id = u.Query().Get("v")
		case len(segs) == 2 && (segs[0] == "embed" || segs[0] == "shorts" || segs[0] == "live" || segs[0] == "v"):
			id = segs[1]
		}
	default:
		return "", false
	}
	if !isYouTubeID(id) {
		return "", false
	}
	src := YouTube.Origin + "/embed/" + id + "?autoplay=1"
	q := u.Query()
	start := q.Get("start")
	if start == "" {
		start = q.Get("t")
	}
	if s, ok := seconds(start); ok && s > 0 {
		src += "&start=" + strconv.Itoa(s)
	}
	return src, true
}

// isYouTubeID: YouTube's video ids are 11 characters of URL-safe base64.
func isYouTubeID(id string) bool {
	if len(id) != 11 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// seconds reads a start time: "90", "90s", "1m30s", "1h2m3s".
func seconds(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	total, n, digits := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits = true
			if n > 1e6 {
				return 0, false
			}
		case digits && (c == 'h' || c == 'm' || c == 's'):
			unit := 1
			switch c {
			case 'h':
				unit = 3600
			case 'm':
				unit = 60
			}
			total += n * unit
			n, digits = 0, false
		default:
			return 0, false
		}
	}
	return total + n, true
}

// vimeo reads Vimeo's address forms: vimeo.com/ID, vimeo.com/ID/HASH (an
// unlisted video), /channels/NAME/ID, /groups/NAME/videos/ID,
// /album/N/video/ID, /showcase/N/video/ID and player.vimeo.com/video/ID.
// It returns the player's address, told not to track the reader.
func vimeo(host string, u *url.URL) (string, bool) {
	segs := segments(u.Path)
	var id, hash string
	switch strings.TrimPrefix(host, "www.") {
	case "vimeo.com":
		for i, s := range segs {
			if isDigits(s) && (i == 0 || segs[i-1] != "album" && segs[i-1] != "showcase") {
				id = s
				if i == 0 && len(segs) == 2 && isAlnum(segs[1]) {
					hash = segs[1]
				}
			}
		}
	case "player.vimeo.com":
		if len(segs) == 2 && segs[0] == "video" && isDigits(segs[1]) {
			id = segs[1]
			if h := u.Query().Get("h"); isAlnum(h) {
				hash = h
			}
		}
	default:
		return "", false
	}
	if id == "" {
		return "", false
	}
	src := Vimeo.Origin + "/video/" + id + "?dnt=1&autoplay=1"
	if hash != "" {
		src += "&h=" + hash
	}
	return src, true
}

func segments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}
