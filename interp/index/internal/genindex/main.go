// Command genindex writes the completion index data of package index: the
// standard library of the running toolchain and the gokernel packages that
// cells import. Run it with `go generate ./interp/index`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gokernel/gokernel/interp/index/internal/extract"
)

func main() {
	out := flag.String("out", "data", "output directory (replaced)")
	repo := flag.String("repo", "../..", "module root")
	flag.Parse()
	goroot, err := extract.GOROOT()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cfg := extract.Config{GOROOT: goroot, RepoRoot: *repo, ModulePath: extract.ModulePath}
	if err := extract.Generate(cfg, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
