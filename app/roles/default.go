package roles

// Default returns the story's roles from roles.csv, checked against the
// article's paragraph ids (timeline.ArticleParagraphs), read on first use:
// parsed from the embedded file on the server, built from the literals
// contentgen wrote from it in the client. It panics if that file is
// invalid, which the package's tests rule out.
func Default() *Roles { return loadDefault() }
