package e2e

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// npmFile returns one file of an npm package (a test fixture such as
// pym.js), fetched once with `npm pack` into the repository's .cache folder.
// Without npm the test skips, or fails when CI=true.
func npmFile(t *testing.T, name, version, file string) []byte {
	t.Helper()
	cache := filepath.Join(repoRoot, ".cache")
	tarball := filepath.Join(cache, name+"-"+version+".tgz")
	if _, err := os.Stat(tarball); err != nil {
		if _, err := exec.LookPath("npm"); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("npm is needed to fetch the fixture %s@%s", name, version)
			}
			t.Skipf("npm not found; it fetches the fixture %s@%s", name, version)
		}
		os.MkdirAll(cache, 0o755)
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", cache, name+"@"+version)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm pack %s@%s: %v\n%s", name, version, err, out)
		}
	}
	f, err := os.Open(tarball)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", tarball, err)
	}
	tr := tar.NewReader(z)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", tarball, err)
		}
		if h.Name == "package/"+file {
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("%s has no %s", tarball, file)
	return nil
}
