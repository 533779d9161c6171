package notebooks

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// notebookFiles returns the notebooks of this directory, sorted.
func notebookFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.ipynb")
	if err != nil || len(files) == 0 {
		t.Fatalf("no notebooks found (err %v)", err)
	}
	sort.Strings(files)
	return files
}

// TestNotebooks builds the kernel, runs every notebook headless with
// `gokernel run`, and checks the executed notebooks against
// expectations.json. The notebooks' own cells check the measured claims;
// this test checks that every cell ran, none failed, and the key outputs
// (results, measured ratios, charts, tables) are there.
func TestNotebooks(t *testing.T) {
	exp, err := loadExpectations("expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	files := notebookFiles(t)
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "gokernel")
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()

	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/gokernel")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	outDir := filepath.Join(tmp, "out")
	args := append([]string{"run", "--out", outDir, "--timeout", "2m"}, files...)
	run := exec.CommandContext(ctx, bin, args...)
	out, err := run.CombinedOutput()
	if err != nil {
		t.Errorf("gokernel run: %v\n%s", err, out)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(f, ".ipynb"), func(t *testing.T) {
			nb, err := readNotebook(filepath.Join(outDir, f))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems(nb, exp.Notebooks[f]) {
				t.Error(p)
			}
		})
	}
}

// TestExpectationsCoverEveryNotebook keeps expectations.json and the
// notebooks in step, and checks the notebooks' metadata.
func TestExpectationsCoverEveryNotebook(t *testing.T) {
	exp, err := loadExpectations("expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	files := notebookFiles(t)
	for _, f := range files {
		e, ok := exp.Notebooks[f]
		if !ok {
			t.Errorf("%s has no entry in expectations.json", f)
			continue
		}
		if len(e.Text) == 0 || e.MinChecks == 0 {
			t.Errorf("%s: expectations check nothing", f)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"nbformat": 4`, `"name": "gokernel"`, `"language": "go"`} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s: metadata lacks %s", f, want)
			}
		}
	}
	if len(exp.Notebooks) != len(files) {
		t.Errorf("expectations.json describes %d notebooks, the directory has %d", len(exp.Notebooks), len(files))
	}
}
