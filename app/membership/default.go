package membership

// Default returns the membership history from transitions.csv, read on
// first use: parsed from the embedded file on the server, built from the
// literals contentgen wrote from it in the client. It panics if that file
// is invalid, which the package's tests rule out.
func Default() *History { return loadDefault() }
