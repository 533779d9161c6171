package install

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestInstallWritesKernelspec(t *testing.T) {
	data := t.TempDir()
	env := fakeEnv(t, "linux", map[string]string{"JUPYTER_DATA_DIR": data})
	dir, err := Install(Options{}, env)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(data, "kernels", "gokernel"); dir != want {
		t.Fatalf("Install dir = %q, want %q", dir, want)
	}
	if got, want := listDir(t, dir), []string{"kernel.json", "logo-32x32.png", "logo-64x64.png"}; !equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	var spec Spec
	readJSON(t, filepath.Join(dir, "kernel.json"), &spec)
	if spec.Argv[0] != "/opt/gokernel/bin/gokernel" || spec.InterruptMode != "message" {
		t.Errorf("kernel.json = %+v", spec)
	}
	for _, size := range []int{32, 64} {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size)))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("logo %d: config %+v, err %v", size, cfg, err)
		}
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("kernelspec dir mode = %v, %v; want 0755", fi.Mode(), err)
	}
}

func TestInstallReplacesOldKernelspec(t *testing.T) {
	prefix := t.TempDir()
	env := fakeEnv(t, "linux", nil)
	o := Options{Scope: Prefix, Prefix: prefix}
	dir, err := Install(o, env)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stale.txt"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	env.Executable = func() (string, error) { return "/new/place/gokernel", nil }
	if _, err := Install(o, env); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); !equal(got, []string{"kernel.json", "logo-32x32.png", "logo-64x64.png"}) {
		t.Errorf("after reinstall files = %v", got)
	}
	var spec Spec
	readJSON(t, filepath.Join(dir, "kernel.json"), &spec)
	if spec.Argv[0] != "/new/place/gokernel" {
		t.Errorf("argv[0] = %q after reinstall", spec.Argv[0])
	}
	if got := listDir(t, filepath.Dir(dir)); !equal(got, []string{"gokernel"}) {
		t.Errorf("kernels/ holds %v, want only gokernel (temporary dirs left behind?)", got)
	}
}

func TestInstallErrorLeavesOldKernelspec(t *testing.T) {
	prefix := t.TempDir()
	env := fakeEnv(t, "linux", nil)
	o := Options{Scope: Prefix, Prefix: prefix}
	dir, err := Install(o, env)
	if err != nil {
		t.Fatal(err)
	}
	env.Executable = func() (string, error) { return "relative/gokernel", nil }
	if _, err := Install(o, env); err == nil {
		t.Fatal("Install with a relative executable succeeded")
	}
	var spec Spec
	readJSON(t, filepath.Join(dir, "kernel.json"), &spec)
	if spec.Argv[0] != "/opt/gokernel/bin/gokernel" {
		t.Errorf("old kernelspec changed: argv[0] = %q", spec.Argv[0])
	}
}

func TestInstallUnwritableParent(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Install(Options{Scope: Prefix, Prefix: file}, fakeEnv(t, "linux", nil))
	if err == nil {
		t.Fatal("Install under a regular file succeeded")
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
