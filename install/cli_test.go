package install

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		want Options
	}{
		{nil, Options{Scope: User}},
		{[]string{"--user"}, Options{Scope: User}},
		{[]string{"--sys-prefix"}, Options{Scope: SysPrefix}},
		{[]string{"--prefix", "/p"}, Options{Scope: Prefix, Prefix: "/p"}},
		{[]string{"--prefix=/p"}, Options{Scope: Prefix, Prefix: "/p"}},
	}
	for _, tt := range tests {
		got, err := ParseArgs(tt.args)
		if err != nil || got != tt.want {
			t.Errorf("ParseArgs(%q) = %+v, %v; want %+v", tt.args, got, err, tt.want)
		}
	}
}

func TestParseArgsErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--user", "--sys-prefix"},
		{"--user", "--prefix", "/p"},
		{"--prefix"},
		{"--prefix="},
		{"--bogus"},
		{"extra"},
	} {
		_, err := ParseArgs(args)
		if err == nil || !strings.HasPrefix(err.Error(), "install: ") {
			t.Errorf("ParseArgs(%q) error = %v, want an install: error", args, err)
		}
	}
	if _, err := ParseArgs([]string{"--help"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("ParseArgs(--help) error = %v, want flag.ErrHelp", err)
	}
}

func TestMainInstalls(t *testing.T) {
	data := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := Main([]string{"--user"}, &stdout, &stderr, fakeEnv(t, "linux", map[string]string{"JUPYTER_DATA_DIR": data}))
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	dir := filepath.Join(data, "kernels", "gokernel")
	if !strings.Contains(stdout.String(), dir) {
		t.Errorf("stdout %q does not name %s", stdout.String(), dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "kernel.json")); err != nil {
		t.Error(err)
	}
}

func TestMainHelpAndErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--help"}, &stdout, &stderr, errEnv()); code != 0 {
		t.Errorf("--help exit %d", code)
	}
	for _, word := range []string{"--user", "--sys-prefix", "--prefix DIR", "JUPYTER_DATA_DIR", "XDG_DATA_HOME"} {
		if !strings.Contains(stdout.String(), word) {
			t.Errorf("--help output lacks %q", word)
		}
	}
	stdout.Reset()
	if code := Main([]string{"--user", "--sys-prefix"}, &stdout, &stderr, errEnv()); code != 2 {
		t.Errorf("conflicting flags exit %d, want 2", code)
	}
	stderr.Reset()
	if code := Main(nil, &stdout, &stderr, errEnv()); code != 1 {
		t.Errorf("failing env exit %d, want 1", code)
	}
	if !strings.HasPrefix(stderr.String(), "install: ") {
		t.Errorf("stderr = %q, want an install: error", stderr.String())
	}
}
