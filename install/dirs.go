package install

import (
	"fmt"
	"path/filepath"
)

// Scope selects the Jupyter data directory that receives the kernelspec.
// The zero value is User.
type Scope int

const (
	// User installs for the current user only (jupyter_core's data dir).
	User Scope = iota
	// SysPrefix installs into sys.prefix of the Python that runs Jupyter.
	SysPrefix
	// Prefix installs into Options.Prefix/share/jupyter.
	Prefix
)

// String returns the scope's command-line flag.
func (s Scope) String() string {
	switch s {
	case User:
		return "--user"
	case SysPrefix:
		return "--sys-prefix"
	case Prefix:
		return "--prefix"
	}
	return fmt.Sprintf("Scope(%d)", int(s))
}

// Options say where to install. The zero value installs for the current
// user.
type Options struct {
	Scope Scope
	// Prefix is the installation prefix; used only when Scope is Prefix.
	Prefix string
}

// KernelDir returns the directory the kernelspec goes into,
// .../kernels/gokernel, as jupyter_client's KernelSpecManager computes it.
func KernelDir(o Options, env Env) (string, error) {
	var share string
	switch o.Scope {
	case User:
		d, err := userDataDir(env)
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "kernels", KernelName), nil
	case SysPrefix:
		p, err := env.SysPrefix()
		if err != nil {
			return "", fmt.Errorf("install: find sys.prefix: %w", err)
		}
		share = p
	case Prefix:
		if o.Prefix == "" {
			return "", fmt.Errorf("install: --prefix needs a directory")
		}
		p, err := filepath.Abs(o.Prefix)
		if err != nil {
			return "", fmt.Errorf("install: prefix %q: %w", o.Prefix, err)
		}
		share = p
	default:
		return "", fmt.Errorf("install: unknown scope %v", o.Scope)
	}
	return filepath.Join(share, "share", "jupyter", "kernels", KernelName), nil
}

// userDataDir mirrors jupyter_core.paths.jupyter_data_dir.
func userDataDir(env Env) (string, error) {
	if d := env.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d, nil
	}
	home, err := env.HomeDir()
	if err != nil {
		return "", fmt.Errorf("install: find home directory: %w", err)
	}
	if real, err := filepath.EvalSymlinks(home); err == nil {
		home = real // jupyter_core resolves symlinks in the home path too
	}
	switch env.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Jupyter"), nil
	case "windows":
		if appdata := env.Getenv("APPDATA"); appdata != "" {
			return filepath.Join(appdata, "jupyter"), nil
		}
		return filepath.Join(home, ".jupyter", "data"), nil
	}
	xdg := env.Getenv("XDG_DATA_HOME")
	if xdg == "" {
		xdg = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(xdg, "jupyter"), nil
}
