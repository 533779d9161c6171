// Command genindex writes the completion index data of package index: the
// standard library of the running toolchain and the gokernel packages that
// cells import. Run it with `go generate ./interp/index`.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"

	"github.com/gokernel/gokernel/interp/index/internal/extract"
)

func main() {
	out := flag.String("out", "data", "output directory (replaced)")
	repo := flag.String("repo", "../..", "module root")
	flag.Parse()
	cfg := extract.Config{GOROOT: runtime.GOROOT(), RepoRoot: *repo, ModulePath: extract.ModulePath}
	if err := extract.Generate(cfg, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
