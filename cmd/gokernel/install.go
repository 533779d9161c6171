package main

import (
	"io"

	"github.com/gokernel/gokernel/install"
)

// runInstall implements `gokernel install [--user | --sys-prefix | --prefix DIR]`
// and returns the exit code. The work and its tests live in package install.
func runInstall(args []string, stdout, stderr io.Writer) int {
	return install.Main(args, stdout, stderr, install.OSEnv())
}
