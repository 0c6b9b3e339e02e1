package timeline

// ArticleParagraphs are the ids of the article's paragraphs, in order, that
// the events' Paragraph column may name. The story package's tests
// cross-check this list against the article itself.
var ArticleParagraphs = []string{
	"summit", "escalation", "path", "post-soviet", "russia", "external", "manoeuvre", "conclusion",
}

// IsArticleParagraph reports whether id is in ArticleParagraphs.
func IsArticleParagraph(id string) bool {
	for _, p := range ArticleParagraphs {
		if p == id {
			return true
		}
	}
	return false
}

// Default returns the story's timeline from events.csv, read on first use:
// parsed from the embedded file on the server, built from the literals
// contentgen wrote from it in the client. It panics if that file is invalid, which the package's
// tests rule out.
func Default() *Timeline { return loadDefault() }
