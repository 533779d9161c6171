package install

import (
	"fmt"
	"os"
	"path/filepath"
)

// Install writes the kernelspec for env.Executable into KernelDir(o, env),
// replacing any kernelspec already there, and returns that directory.
// Install waits until the files are in place; on error the previous
// kernelspec, if any, is left as it was.
func Install(o Options, env Env) (string, error) {
	exe, err := env.Executable()
	if err != nil {
		return "", fmt.Errorf("install: find the gokernel executable: %w", err)
	}
	spec, err := NewSpec(exe)
	if err != nil {
		return "", err
	}
	dir, err := KernelDir(o, env)
	if err != nil {
		return "", err
	}
	if err := writeSpecDir(dir, spec); err != nil {
		return "", err
	}
	return dir, nil
}

// writeSpecDir fills a temporary sibling of dir and renames it over dir.
func writeSpecDir(dir string, spec Spec) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("install: create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".gokernel-new-*")
	if err != nil {
		return fmt.Errorf("install: %w", err)
	}
	defer os.RemoveAll(tmp) // no-op once renamed into place
	if err := fillSpecDir(tmp, spec); err != nil {
		return err
	}
	return replaceDir(tmp, dir)
}

// fillSpecDir writes kernel.json and the logos into the empty directory dir.
func fillSpecDir(dir string, spec Spec) error {
	if err := os.Chmod(dir, 0o755); err != nil { // MkdirTemp makes it 0700
		return fmt.Errorf("install: %w", err)
	}
	js, err := spec.JSON()
	if err != nil {
		return err
	}
	files := map[string][]byte{"kernel.json": js}
	for _, size := range logoSizes {
		png, err := Logo(size)
		if err != nil {
			return err
		}
		files[fmt.Sprintf("logo-%dx%d.png", size, size)] = png
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("install: %w", err)
		}
	}
	return nil
}

// replaceDir moves src to dst. An existing dst is first moved aside, then
// removed once src is in place; if the final rename fails it is put back.
func replaceDir(src, dst string) error {
	old := ""
	if _, err := os.Lstat(dst); err == nil {
		aside, err := os.MkdirTemp(filepath.Dir(dst), ".gokernel-old-*")
		if err != nil {
			return fmt.Errorf("install: %w", err)
		}
		old = filepath.Join(aside, filepath.Base(dst))
		if err := os.Rename(dst, old); err != nil {
			os.Remove(aside)
			return fmt.Errorf("install: move old kernelspec aside: %w", err)
		}
		defer os.RemoveAll(aside)
	}
	if err := os.Rename(src, dst); err != nil {
		if old != "" {
			os.Rename(old, dst)
		}
		return fmt.Errorf("install: put kernelspec in place: %w", err)
	}
	return nil
}
