// Command gokernel is a Jupyter kernel for Go.
//
// Usage:
//
//	gokernel install [--user | --sys-prefix | --prefix DIR]   write the kernelspec
//	gokernel kernel --connection-file FILE                    run the kernel (Jupyter does this)
//	gokernel run [--out DIR] [--timeout D] NOTEBOOK...         execute notebooks headless
//	gokernel worker                                           internal: the process that runs cells
//	gokernel version                                          print the version
package main

import (
	"fmt"
	"io"
	"os"
)

// version is gokernel's version, reported in kernel_info_reply.
const version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "kernel":
		defer startProfile("front")()
		return runKernel(args[1:], stderr)
	case "worker":
		defer startProfile("worker")()
		return runWorker(stderr)
	case "install":
		return runInstall(args[1:], stdout, stderr)
	case "run":
		return runNotebooks(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "gokernel", version)
		return 0
	case "help", "-h", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "gokernel: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `gokernel is a Jupyter kernel for Go.

Commands:
  gokernel install [--user | --sys-prefix | --prefix DIR]   install the Jupyter kernelspec (see gokernel install --help)
  gokernel kernel --connection-file FILE                    run the kernel; Jupyter starts it this way
  gokernel run [--out DIR] [--timeout D] NOTEBOOK...         execute notebooks headless, like nbclient
  gokernel version                                          print the version
`)
}
