package install

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// usage is printed by `gokernel install --help`.
const usage = `usage: gokernel install [--user | --sys-prefix | --prefix DIR]

Installs the Jupyter kernelspec "gokernel" (display name "Go (gokernel)"):
a directory holding kernel.json and two logos. kernel.json starts this very
binary, by its absolute path with symlinks resolved, as
    gokernel kernel --connection-file {connection_file}
so install again after moving the binary. Installing again replaces the old
kernelspec completely.

Where it goes (the same places jupyter kernelspec install uses):
  --user        (default) the user's Jupyter data directory:
                $JUPYTER_DATA_DIR/kernels/gokernel if JUPYTER_DATA_DIR is set,
                else $XDG_DATA_HOME/jupyter/kernels/gokernel on Linux
                (XDG_DATA_HOME defaults to ~/.local/share),
                ~/Library/Jupyter/kernels/gokernel on macOS,
                %APPDATA%\jupyter\kernels\gokernel on Windows.
  --sys-prefix  SYS_PREFIX/share/jupyter/kernels/gokernel, where SYS_PREFIX is
                sys.prefix of the Python running the jupyter command on PATH
                (or of /usr/bin/python3; /usr if none answers). Use it to
                install into a virtualenv or conda environment.
  --prefix DIR  DIR/share/jupyter/kernels/gokernel. Jupyter finds it only if
                DIR/share/jupyter is on its path (for example JUPYTER_PATH).

Check the result with: jupyter kernelspec list
`

// ParseArgs parses the install subcommand's arguments. It returns
// flag.ErrHelp for -h/--help and an "install: ..." error for bad arguments.
func ParseArgs(args []string) (Options, error) {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	user := fs.Bool("user", false, "")
	sysPrefix := fs.Bool("sys-prefix", false, "")
	prefix := fs.String("prefix", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Options{}, err
		}
		return Options{}, fmt.Errorf("install: %w", err)
	}
	if fs.NArg() > 0 {
		return Options{}, fmt.Errorf("install: unexpected argument %q", fs.Arg(0))
	}
	prefixSet := false
	fs.Visit(func(f *flag.Flag) { prefixSet = prefixSet || f.Name == "prefix" })
	if prefixSet && *prefix == "" {
		return Options{}, errors.New("install: --prefix needs a directory")
	}
	chosen := 0
	o := Options{}
	for _, c := range []struct {
		set   bool
		scope Scope
	}{{*user, User}, {*sysPrefix, SysPrefix}, {prefixSet, Prefix}} {
		if c.set {
			chosen++
			o.Scope = c.scope
		}
	}
	if chosen > 1 {
		return Options{}, errors.New("install: choose one of --user, --sys-prefix and --prefix")
	}
	o.Prefix = *prefix
	return o, nil
}

// Main runs `gokernel install args...` against env and returns the process
// exit code: 0 on success or --help, 2 for bad arguments, 1 when installing
// fails. Messages go to stdout, errors and usage hints to stderr.
func Main(args []string, stdout, stderr io.Writer, env Env) int {
	o, err := ParseArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "%v\n(see gokernel install --help)\n", err)
		return 2
	}
	dir, err := Install(o, env)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "installed kernelspec %s in %s\n", KernelName, dir)
	return 0
}
