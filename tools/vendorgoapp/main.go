// Command vendorgoapp writes third_party/go-app: go-app's packages pkg/app
// and pkg/errors at one release, as the Go module proxy serves it, with the
// explainer's changes from third_party/go-app.patch applied. The fork is
// kept as a release plus one patch so that an upgrade is a command, and a
// review of the fork is a read of the patch.
//
//	go run ./tools/vendorgoapp                    # rewrite the tree at the version go.mod requires
//	go run ./tools/vendorgoapp -version v10.1.12  # upgrade; go.mod's require follows
//	go run ./tools/vendorgoapp -version v10.1.12 -reject  # keep what applies, *.rej for the rest
//	go run ./tools/vendorgoapp -diff              # rewrite the patch from an edited tree
//
// It is written in Go, not shell, so that the test that the tree matches
// (vendor_test.go) shares its code. It needs the go command and git (for
// git apply and git diff), and it leaves third_party/go-app/README.md
// alone: that file is the explainer's, not go-app's.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

const (
	module = "github.com/maxence-charriere/go-app/v10"
	// treeDir and patchFile are relative to the explainer's module root.
	treeDir   = "third_party/go-app"
	patchFile = "third_party/go-app.patch"
	// ownFile, in treeDir, is the explainer's and neither upstream's nor
	// the patch's.
	ownFile = "README.md"
)

// upstreamPackages are the packages the explainer imports; of each, only
// the Go files that build (no tests, no generator subdirectory) are kept.
var upstreamPackages = []string{"pkg/app", "pkg/errors"}

// upstreamFiles are the files kept from the module's root: the licence,
// and go.mod and go.sum so that the fork is a module whose tests run.
var upstreamFiles = []string{"LICENSE", "go.mod", "go.sum"}

func main() {
	version := flag.String("version", "", "go-app release to vendor (default: the one go.mod requires)")
	diff := flag.Bool("diff", false, "rewrite "+patchFile+" from "+treeDir+" instead of the other way round")
	reject := flag.Bool("reject", false, "when hunks fail, write the tree anyway with *.rej files beside the files they belong to")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./tools/vendorgoapp [-version vX.Y.Z] [-reject] | -diff\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || *diff && (*reject || *version != "") {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*version, *diff, *reject); err != nil {
		fmt.Fprintln(os.Stderr, "vendorgoapp:", err)
		os.Exit(1)
	}
}

func run(version string, diff, reject bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	required, err := requiredVersion(root)
	if err != nil {
		return err
	}
	if version == "" {
		version = required
	}
	src, err := download(version)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "vendorgoapp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	if diff {
		n, err := writePatch(src, filepath.Join(root, treeDir), filepath.Join(root, patchFile), version, tmp)
		if err != nil {
			return err
		}
		fmt.Printf("wrote %s: %d files differ from go-app %s\n", patchFile, n, version)
		return nil
	}

	out := filepath.Join(tmp, "go-app")
	if err := copyUpstream(src, out); err != nil {
		return err
	}
	applyErr := applyPatch(out, filepath.Join(root, patchFile), reject)
	if applyErr != nil && !reject {
		return fmt.Errorf("%w\n%s is unchanged; to redo the failing hunks by hand, run again with -reject", applyErr, treeDir)
	}
	if err := replaceTree(out, filepath.Join(root, treeDir)); err != nil {
		return err
	}
	if version != required {
		if err := goCmd(root, "mod", "edit", "-require="+module+"@"+version); err != nil {
			return err
		}
	}
	if applyErr != nil {
		return fmt.Errorf("%w\nwrote %s with the hunks that apply and a *.rej file for each file with hunks that do not: "+
			"make those changes by hand, delete the *.rej files, then run go run ./tools/vendorgoapp -diff", applyErr, treeDir)
	}
	fmt.Printf("wrote %s: go-app %s with %s\n", treeDir, version, patchFile)
	return nil
}

// moduleRoot is the directory of the explainer's go.mod, wherever in the
// repository the command runs.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the explainer's module: run from the repository")
	}
	return filepath.Dir(gomod), nil
}

// requiredVersion is the go-app version the explainer's go.mod requires:
// the replace points the build at the fork, and the require line says
// which release the fork is.
func requiredVersion(root string) (string, error) {
	cmd := exec.Command("go", "mod", "edit", "-json")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod edit -json in %s: %w", root, err)
	}
	var mod struct {
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return "", fmt.Errorf("reading %s: %w", filepath.Join(root, "go.mod"), err)
	}
	for _, r := range mod.Require {
		if r.Path == module {
			return r.Version, nil
		}
	}
	return "", fmt.Errorf("%s does not require %s", filepath.Join(root, "go.mod"), module)
}

// download fetches go-app at version into the module cache, or finds it
// there, and returns its directory.
func download(version string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	// Outside any module, so neither the explainer's replace nor its
	// GOFLAGS have a say in what is fetched.
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GO111MODULE=on")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil || info.Error != "" || runErr != nil || info.Dir == "" {
		msg := info.Error
		if msg == "" {
			msg = strings.TrimSpace(stderr.String())
		}
		if msg == "" && runErr != nil {
			msg = runErr.Error()
		}
		return "", fmt.Errorf("go mod download %s@%s: %s", module, version, msg)
	}
	return info.Dir, nil
}

// copyUpstream copies the kept part of the module in src to dst.
func copyUpstream(src, dst string) error {
	for _, name := range upstreamFiles {
		if err := copyFile(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	for _, pkg := range upstreamPackages {
		entries, err := os.ReadDir(filepath.Join(src, pkg))
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			if err := copyFile(filepath.Join(src, pkg, name), filepath.Join(dst, pkg, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyFile writes files 0644 whatever the source's mode: the module
// cache's files are read-only, and the tree must be editable.
func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// applyPatch applies patch inside dir, all of it or (unless reject)
// nothing. git's message names the file and the line of each hunk that
// fails.
func applyPatch(dir, patch string, reject bool) error {
	args := []string{"apply", "--whitespace=nowarn"}
	if reject {
		args = append(args, "--reject")
	}
	cmd := exec.Command("git", append(args, patch)...)
	cmd.Dir = dir
	// dir is outside any repository; should a parent of it be one, git
	// must still take the patch's paths as relative to dir.
	cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.ReplaceAll(strings.TrimSpace(stderr.String()), "\n", "\n\t")
		return fmt.Errorf("%s does not apply (git apply: %v):\n\t%s", patch, err, msg)
	}
	return nil
}

// replaceTree makes dst hold exactly the files in src, keeping its ownFile.
func replaceTree(src, dst string) error {
	entries, err := os.ReadDir(dst)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if e.Name() != ownFile {
			if err := os.RemoveAll(filepath.Join(dst, e.Name())); err != nil {
				return err
			}
		}
	}
	return copyTree(src, dst)
}

func copyTree(src, dst string) error {
	files, err := listFiles(src)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(src, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	return nil
}

// listFiles lists the regular files under dir, as sorted slash-separated
// paths relative to it, leaving out ownFile at its top.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel != ownFile {
			files = append(files, rel)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// writePatch writes to patch the difference between go-app at version (in
// src) and tree, and returns how many files differ. git diff's --no-prefix
// with directories named a and b gives the paths a/pkg/... and b/pkg/...
// that git apply and patch -p1 expect.
func writePatch(src, tree, patch, version, tmp string) (int, error) {
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	if err := copyUpstream(src, a); err != nil {
		return 0, err
	}
	if err := copyTree(tree, b); err != nil {
		return 0, err
	}
	files, err := listFiles(b)
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".rej") || strings.HasSuffix(f, ".orig") {
			return 0, fmt.Errorf("%s: left over from a patch that failed; make its changes, delete it, and run again", filepath.Join(tree, f))
		}
	}
	cmd := exec.Command("git", "diff", "--no-index", "--no-prefix", "--no-color", "--no-ext-diff",
		"--no-textconv", "--no-renames", "--diff-algorithm=myers", "a", "b")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(tmp))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	// git diff exits 1 when the trees differ, which is the expected case.
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return 0, fmt.Errorf("git diff of go-app %s and %s: %v: %s", version, tree, err, stderr.String())
	}
	header := fmt.Sprintf("The explainer's changes to go-app %s (%s), packages pkg/app and pkg/errors;\n"+
		"what they are and why: %s/README.md. Written by go run ./tools/vendorgoapp -diff;\n"+
		"applied by go run ./tools/vendorgoapp.\n\n", version, module, treeDir)
	if err := os.WriteFile(patch, append([]byte(header), out...), 0o644); err != nil {
		return 0, err
	}
	return bytes.Count(out, []byte("\ndiff --git ")) + min(1, len(out)), nil
}

// compareTrees reports the first file, in path order, that is in want and
// not in got, in got and not in want, or in both with other bytes.
func compareTrees(want, got string) error {
	wantFiles, err := listFiles(want)
	if err != nil {
		return err
	}
	gotFiles, err := listFiles(got)
	if err != nil {
		return err
	}
	for i := 0; i < len(wantFiles) || i < len(gotFiles); i++ {
		switch {
		case i == len(gotFiles) || i < len(wantFiles) && wantFiles[i] < gotFiles[i]:
			return fmt.Errorf("%s is missing", filepath.Join(got, wantFiles[i]))
		case i == len(wantFiles) || wantFiles[i] > gotFiles[i]:
			return fmt.Errorf("%s is extra: neither upstream nor the patch has it", filepath.Join(got, gotFiles[i]))
		}
		w, err := os.ReadFile(filepath.Join(want, wantFiles[i]))
		if err != nil {
			return err
		}
		g, err := os.ReadFile(filepath.Join(got, gotFiles[i]))
		if err != nil {
			return err
		}
		if !bytes.Equal(w, g) {
			return fmt.Errorf("%s differs from upstream plus the patch %s", filepath.Join(got, gotFiles[i]), firstDifference(w, g))
		}
	}
	return nil
}

// firstDifference says where b first differs from a, by line.
func firstDifference(a, b []byte) string {
	line := 1
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			break
		}
		if a[i] == '\n' {
			line++
		}
	}
	return fmt.Sprintf("at line %d", line)
}

func goCmd(dir string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s in %s: %w", strings.Join(args, " "), dir, err)
	}
	return nil
}
