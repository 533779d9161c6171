package interp

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// captureChildEnv makes the test binary run runCaptureChild instead of the
// tests: capture mode takes over the process's fds 1 and 2, so it runs in a
// child process, never in go test's own.
const captureChildEnv = "GOKERNEL_INTERP_CAPTURE_CHILD"

// captureCells are run by the child; each writes through another path.
var captureCells = []Cell{
	{ID: "c1", Code: `import ("fmt"; "os"; "log"; "os/exec"; "syscall")
fmt.Println("fmt")
os.Stdout.WriteString("os.Stdout\n")
syscall.Write(1, []byte("fd1\n"))
cmd := exec.Command("sh", "-c", "echo child-out; echo child-err >&2")
cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
cmd.Run()
log.SetFlags(0)
log.Print("log")
fmt.Fprintln(os.Stderr, "os.Stderr")
fmt.Println("last")`},
	{ID: "c2", Code: `fmt.Println("second cell")`},
}

// runCaptureChild is the child's main: run captureCells with
// CaptureProcessOutput, then print the events as JSON on the restored
// stdout. With the env value "crash" it dies of an unrecovered panic after
// capturing, to show that the crash text still reaches the parent.
func runCaptureChild() int {
	var events []Event
	emit := func(e Event) { events = append(events, e) }
	if os.Getenv(captureChildEnv) == "exit" {
		// events go straight to the original stdout: the process will not
		// get to print them at the end
		fd, err := syscall.Dup(1)
		if err != nil {
			return 2
		}
		orig := os.NewFile(uintptr(fd), "orig-stdout")
		emit = func(e Event) { fmt.Fprintf(orig, "%s:%s", e.Name, e.Text) }
	}
	s, err := New(Options{Emit: emit, CaptureProcessOutput: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if os.Getenv(captureChildEnv) == "exit" {
		// os.Exit in a cell ends the process, after its output is out.
		_, _ = s.Execute(context.Background(), Cell{ID: "x", Code: "import (\"fmt\"; \"os\")\nfmt.Println(\"before exit\")\nos.Exit(3)"})
		return 0 // not reached
	}
	if os.Getenv(captureChildEnv) == "crash" {
		done := make(chan bool)
		go func() { panic("child crash for the test") }()
		<-done
	}
	for _, c := range captureCells {
		if _, err := s.Execute(context.Background(), c); err != nil {
			events = append(events, Event{CellID: c.ID, Name: "error", Text: err.Error()})
		}
	}
	fmt.Fprint(s.ProcessStderr(), "to the real stderr\n")
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if err := json.NewEncoder(os.Stdout).Encode(events); err != nil {
		return 2
	}
	return 0
}

func captureChild(t *testing.T, mode string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), captureChildEnv+"="+mode)
	return cmd
}

func TestCaptureProcessOutput(t *testing.T) {
	cmd := captureChild(t, "run")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\nstderr: %s", err, stderr.String())
	}
	var events []Event
	if err := json.Unmarshal(out, &events); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	stdout, errOut := streams(events, "c1")
	if want := "fmt\nos.Stdout\nfd1\nchild-out\nlast\n"; stdout != want {
		t.Errorf("c1 stdout %q, want %q", stdout, want)
	}
	for _, w := range []string{"child-err\n", "log\n", "os.Stderr\n"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("c1 stderr %q lacks %q", errOut, w)
		}
	}
	if out2, _ := streams(events, "c2"); out2 != "second cell\n" {
		t.Errorf("c2 stdout %q", out2)
	}
	if stderr.String() != "to the real stderr\n" {
		t.Errorf("the child's real stderr got %q, want only what it wrote to ProcessStderr", stderr.String())
	}
}

func TestCaptureKeepsCrashOutput(t *testing.T) {
	cmd := captureChild(t, "crash")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errorsAs(err, &exit) || exit.Sys().(syscall.WaitStatus).ExitStatus() != 2 {
		t.Fatalf("child: %v, want exit status 2 (unrecovered panic)", err)
	}
	if !strings.Contains(stderr.String(), "panic: child crash for the test") {
		t.Errorf("parent did not get the crash text; stderr: %q", stderr.String())
	}
}

func TestOsExitEndsTheProcess(t *testing.T) {
	cmd := captureChild(t, "exit")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errorsAs(err, &exit) || exit.ExitCode() != 3 {
		t.Fatalf("child: %v, want exit status 3; stderr %q", err, stderr.String())
	}
	if string(out) != "stdout:before exit\n" {
		t.Errorf("output before os.Exit: %q", out)
	}
}
