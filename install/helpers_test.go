package install

import (
	"errors"
	"path/filepath"
	"testing"
)

// fakeEnv returns an Env with the given variables, a home directory and a
// sys.prefix inside t.TempDir(), and a fixed executable path.
func fakeEnv(t *testing.T, goos string, vars map[string]string) Env {
	t.Helper()
	root := t.TempDir()
	return Env{
		Getenv:     func(k string) string { return vars[k] },
		HomeDir:    func() (string, error) { return filepath.Join(root, "home"), nil },
		GOOS:       goos,
		SysPrefix:  func() (string, error) { return filepath.Join(root, "venv"), nil },
		Executable: func() (string, error) { return "/opt/gokernel/bin/gokernel", nil },
	}
}

// errEnv is an Env whose lookups all fail.
func errEnv() Env {
	fail := func() (string, error) { return "", errors.New("nope") }
	return Env{
		Getenv:     func(string) string { return "" },
		HomeDir:    fail,
		GOOS:       "linux",
		SysPrefix:  fail,
		Executable: fail,
	}
}
