package extract

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// StdlibPaths lists the importable packages of GOROOT/src: every directory
// with Go files, except commands, internal and vendored packages and testdata.
func StdlibPaths(goroot string) ([]string, error) {
	src := filepath.Join(goroot, "src")
	var out []string
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(src, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if skipDir(rel, e.Name()) {
			return filepath.SkipDir
		}
		if hasGoFiles(p) {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func skipDir(rel, name string) bool {
	switch {
	case rel == "cmd", rel == "builtin", name == "testdata", name == "internal", name == "vendor":
		return true
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
		return true
	}
	return false
}

func hasGoFiles(dir string) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range ents {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			return true
		}
	}
	return false
}

// GOROOT returns the root of the Go tree of the go command on PATH
// (`go env GOROOT`), the toolchain whose sources describe the library.
func GOROOT() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("extract: go env GOROOT: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}
