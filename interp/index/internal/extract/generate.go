package extract

import (
	"errors"
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/gokernel/gokernel/interp/index/internal/data"
)

// ModulePath is the module whose packages cells import.
const ModulePath = "github.com/gokernel/gokernel"

// RepoPackages returns the gokernel packages exported to cells. A package
// whose directory does not exist (yet) is skipped by Generate.
func RepoPackages() []string {
	return []string{
		ModulePath + "/runtime",
		ModulePath + "/interp/display",
		ModulePath + "/interp/input",
		ModulePath + "/interp/chart",
	}
}

// DescribeAll describes the given import paths in order. A path whose
// directory does not exist, or has no Go files for this platform, is
// skipped; any other failure is an error.
func (l *Loader) DescribeAll(paths []string) ([]*data.Package, error) {
	var out []*data.Package
	for _, p := range paths {
		d, err := l.dir(p)
		if err != nil || !hasGoFiles(d) {
			continue
		}
		pkg, err := l.Describe(p)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, pkg)
	}
	return out, nil
}

// Generate describes the standard library and RepoPackages and writes them
// into dir: one encoded data.Package per package and a data.Manifest.
// Earlier *.gob.gz files in dir are removed first.
func Generate(cfg Config, dir string) error {
	std, err := StdlibPaths(cfg.GOROOT)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	l := NewLoader(cfg)
	pkgs, err := l.DescribeAll(append(std, RepoPackages()...))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "*.gob.gz"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("extract: %w", err)
		}
	}
	man := &data.Manifest{GoVersion: runtime.Version()}
	for _, p := range pkgs {
		info := data.PackageInfo{Path: p.Path, Name: p.Name, Synopsis: Synopsis(p.Doc), File: data.FileName(p.Path)}
		man.Packages = append(man.Packages, info)
		if err := writeEncoded(filepath.Join(dir, info.File), p); err != nil {
			return err
		}
	}
	sortInfos(man.Packages)
	builtin, err := DescribeBuiltin(cfg.GOROOT)
	if err != nil {
		return fmt.Errorf("extract: builtin: %w", err)
	}
	if err := writeEncoded(filepath.Join(dir, data.BuiltinFile), builtin); err != nil {
		return err
	}
	return writeEncoded(filepath.Join(dir, data.ManifestFile), man)
}

func sortInfos(ps []data.PackageInfo) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && strings.Compare(ps[j-1].Path, ps[j].Path) > 0; j-- {
			ps[j-1], ps[j] = ps[j], ps[j-1]
		}
	}
}

func writeEncoded(name string, v any) error {
	b, err := data.Encode(v)
	if err != nil {
		return fmt.Errorf("extract: %s: %w", name, err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	return nil
}
