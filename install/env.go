package install

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Env is what Install needs from the machine. Tests fill it with fakes;
// OSEnv returns the real one. Every field is required.
type Env struct {
	// Getenv returns an environment variable ("" when unset).
	Getenv func(key string) string
	// HomeDir returns the user's home directory.
	HomeDir func() (string, error)
	// GOOS is the operating system, as in runtime.GOOS.
	GOOS string
	// SysPrefix returns sys.prefix of the Python that runs Jupyter.
	SysPrefix func() (string, error)
	// Executable returns the absolute, symlink-free path of the gokernel
	// binary that the kernelspec starts.
	Executable func() (string, error)
}

// OSEnv returns the Env of the running process.
func OSEnv() Env {
	return Env{
		Getenv:     os.Getenv,
		HomeDir:    os.UserHomeDir,
		GOOS:       runtime.GOOS,
		SysPrefix:  pythonSysPrefix,
		Executable: executable,
	}
}

// executable returns os.Executable with symlinks resolved, so the kernelspec
// keeps working when the link it was installed through goes away.
func executable() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	p, err = filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(p)
}

// pythonSysPrefix asks the Python that runs `jupyter` (found through the
// shebang of the jupyter script on PATH), then /usr/bin/python3, for
// sys.prefix. It falls back to /usr, Debian's sys.prefix, when none answers.
func pythonSysPrefix() (string, error) {
	for _, py := range []string{jupyterPython(), "/usr/bin/python3"} {
		if py == "" {
			continue
		}
		out, err := exec.Command(py, "-c", "import sys; print(sys.prefix)").Output()
		if p := strings.TrimSpace(string(out)); err == nil && filepath.IsAbs(p) {
			return p, nil
		}
	}
	return "/usr", nil
}

// jupyterPython returns the interpreter named in the shebang of the jupyter
// command on PATH, or "" when there is none.
func jupyterPython() string {
	script, err := exec.LookPath("jupyter")
	if err != nil {
		return ""
	}
	line, err := firstLine(script)
	if err != nil || !strings.HasPrefix(line, "#!") {
		return ""
	}
	fields := strings.Fields(strings.TrimPrefix(line, "#!"))
	if len(fields) == 0 {
		return ""
	}
	if filepath.Base(fields[0]) == "env" && len(fields) > 1 {
		py, err := exec.LookPath(fields[len(fields)-1])
		if err != nil {
			return ""
		}
		return py
	}
	return fields[0]
}

// firstLine returns the first line of the file at path, without its newline.
func firstLine(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	if s.Scan() {
		return s.Text(), nil
	}
	if err := s.Err(); err != nil {
		return "", err
	}
	return "", errors.New("empty file")
}
