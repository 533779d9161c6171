// Package install writes gokernel's Jupyter kernelspec: a directory named
// gokernel holding kernel.json and two logos, placed where Jupyter looks for
// kernels.
//
// # Where the kernelspec goes
//
// The locations follow jupyter_core and jupyter_client exactly, so that
// `jupyter kernelspec list` finds what this package writes:
//
//   - User scope (the default): $JUPYTER_DATA_DIR/kernels/gokernel when
//     JUPYTER_DATA_DIR is set; otherwise $XDG_DATA_HOME/jupyter/kernels/gokernel
//     on Linux and other Unix systems (XDG_DATA_HOME defaults to
//     ~/.local/share), ~/Library/Jupyter/kernels/gokernel on macOS and
//     %APPDATA%\jupyter\kernels\gokernel on Windows.
//   - Prefix scope: PREFIX/share/jupyter/kernels/gokernel.
//   - Sys-prefix scope: the prefix scope with PREFIX set to sys.prefix of the
//     Python interpreter that runs the `jupyter` command on PATH (or of
//     /usr/bin/python3; /usr when no interpreter answers).
//
// # Replacing an installed kernelspec
//
// Install builds the new kernelspec in a temporary directory next to the
// destination and then renames it into place, so a reader never sees a
// half-written kernelspec and files from an older install do not survive.
//
// # Example
//
//	dir, err := install.Install(install.Options{Scope: install.User}, install.OSEnv())
//	if err != nil {
//		log.Fatal(err)
//	}
//	fmt.Println("installed in", dir)
package install
