package install

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestKernelDir(t *testing.T) {
	tests := []struct {
		name string
		goos string
		vars map[string]string
		opts Options
		// want is relative to the fake env's root ("home", "venv") unless absolute.
		want string
	}{
		{"user linux default", "linux", nil, Options{}, "home/.local/share/jupyter/kernels/gokernel"},
		{"user JUPYTER_DATA_DIR wins", "linux", map[string]string{"JUPYTER_DATA_DIR": "/data/j", "XDG_DATA_HOME": "/xdg"}, Options{}, "/data/j/kernels/gokernel"},
		{"user XDG_DATA_HOME", "linux", map[string]string{"XDG_DATA_HOME": "/xdg"}, Options{}, "/xdg/jupyter/kernels/gokernel"},
		{"user darwin ignores XDG", "darwin", map[string]string{"XDG_DATA_HOME": "/xdg"}, Options{}, "home/Library/Jupyter/kernels/gokernel"},
		{"user windows APPDATA", "windows", map[string]string{"APPDATA": "/appdata"}, Options{}, "/appdata/jupyter/kernels/gokernel"},
		{"user windows no APPDATA", "windows", nil, Options{}, "home/.jupyter/data/kernels/gokernel"},
		{"sys-prefix", "linux", map[string]string{"JUPYTER_DATA_DIR": "/ignored"}, Options{Scope: SysPrefix}, "venv/share/jupyter/kernels/gokernel"},
		{"prefix", "linux", nil, Options{Scope: Prefix, Prefix: "/usr/local"}, "/usr/local/share/jupyter/kernels/gokernel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := fakeEnv(t, tt.goos, tt.vars)
			home, _ := env.HomeDir()
			want := tt.want
			if !filepath.IsAbs(want) {
				want = filepath.Join(filepath.Dir(home), want)
			}
			got, err := KernelDir(tt.opts, env)
			if err != nil {
				t.Fatalf("KernelDir: %v", err)
			}
			if got != want {
				t.Errorf("KernelDir = %q, want %q", got, want)
			}
		})
	}
}

func TestKernelDirRelativePrefixIsMadeAbsolute(t *testing.T) {
	got, err := KernelDir(Options{Scope: Prefix, Prefix: "rel"}, fakeEnv(t, "linux", nil))
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(got) || !strings.HasSuffix(got, filepath.Join("rel", "share", "jupyter", "kernels", "gokernel")) {
		t.Errorf("KernelDir = %q, want an absolute path ending in rel/share/jupyter/kernels/gokernel", got)
	}
}

func TestKernelDirErrors(t *testing.T) {
	for _, o := range []Options{{}, {Scope: SysPrefix}, {Scope: Prefix}, {Scope: Scope(9)}} {
		_, err := KernelDir(o, errEnv())
		if err == nil || !strings.HasPrefix(err.Error(), "install: ") {
			t.Errorf("KernelDir(%v) error = %v, want an install: error", o.Scope, err)
		}
	}
}
