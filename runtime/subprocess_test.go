package runtime

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperProcess is not a test: it is the child process of the
// subprocess tests, run as this test binary with GO_WANT_HELPER_PROCESS=1
// (the os/exec way). The argument after "--" selects what it does.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" {
		t.Skip("helper process for the subprocess tests")
	}
	args := os.Args
	for len(args) > 0 && args[0] != "--" {
		args = args[1:]
	}
	os.Exit(helperMain(args[1:]))
}

func helperMain(args []string) int {
	switch args[0] {
	case "echo": // a line, then wait for stdin, echo it, exit 3
		fmt.Println("ready")
		line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		fmt.Print("got:" + line)
		fmt.Fprintln(os.Stderr, "to stderr")
		return 3
	case "exit":
		code, _ := strconv.Atoi(args[1])
		return code
	case "spawn": // start a grandchild in the same group, print its pid, hang
		gc := helperCmd("hang")
		if err := gc.Start(); err != nil {
			return 9
		}
		fmt.Println(gc.Process.Pid)
		time.Sleep(time.Hour)
	case "hang":
		time.Sleep(time.Hour)
	}
	return 0
}

func helperCmd(mode string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--", mode}, args...)...)
	cmd.Env = append(os.Environ(), "GO_WANT_HELPER_PROCESS=1")
	cmd.Stdout = os.Stdout
	return cmd
}

func helper(ctx context.Context, mode string, args ...string) *Subprocess {
	p := Command(ctx, os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--", mode}, args...)...)
	p.Env = append(os.Environ(), "GO_WANT_HELPER_PROCESS=1")
	return p
}

func TestSubprocessStreamsBeforeExit(t *testing.T) {
	ctx := context.Background()
	p := helper(ctx, "echo")
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	// The child waits for stdin, so this line can only come while it runs.
	if line, err := p.ReadLine(ctx); line != "ready" || err != nil {
		t.Fatalf("first line %q, %v", line, err)
	}
	if _, err := p.WriteString(ctx, "hello\n"); err != nil {
		t.Fatal(err)
	}
	if line, err := p.ReadLine(ctx); line != "got:hello" || err != nil {
		t.Fatalf("echo line %q, %v", line, err)
	}
	if line, err := p.ReadErrLine(ctx); line != "to stderr" || err != nil {
		t.Fatalf("stderr line %q, %v", line, err)
	}
	if code, err := p.Wait(ctx); code != 3 || err != nil {
		t.Fatalf("exit %d, %v; want 3, nil", code, err)
	}
	if _, err := p.ReadLine(ctx); err != io.EOF {
		t.Fatalf("ReadLine after exit: %v, want EOF", err)
	}
}

func TestSubprocessExitCodes(t *testing.T) {
	for _, want := range []int{0, 1, 42} {
		p := helper(context.Background(), "exit", strconv.Itoa(want))
		if err := p.Start(); err != nil {
			t.Fatal(err)
		}
		if code, err := p.Wait(context.Background()); code != want || err != nil {
			t.Fatalf("exit %d, %v; want %d", code, err, want)
		}
	}
}

func TestSubprocessOnLine(t *testing.T) {
	p := helper(context.Background(), "echo")
	lines := make(chan string, 4)
	p.OnLine = func(stream, line string) { lines <- stream + ":" + line }
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	if got := <-lines; got != "stdout:ready" {
		t.Fatalf("first line %q", got)
	}
	if err := p.CloseStdin(); err != nil {
		t.Fatal(err)
	}
	if code, _ := p.Wait(context.Background()); code != 3 {
		t.Fatalf("exit %d", code)
	}
	close(lines)
	var rest []string
	for l := range lines {
		rest = append(rest, l)
	}
	if strings.Join(rest, ",") != "stdout:got:,stderr:to stderr" && strings.Join(rest, ",") != "stderr:to stderr,stdout:got:" {
		t.Fatalf("lines %q", rest)
	}
}

// Cancelling the context kills the whole process group: the child and the
// grandchild it started, which holds the stdout pipe open too.
func TestSubprocessCancelKillsGroup(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := helper(ctx, "spawn")
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := p.ReadLine(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	grandchild, _ := strconv.Atoi(line)
	cancel()
	code, err := p.Wait(context.Background())
	if code != -int(syscall.SIGKILL) || !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait after cancel: %d, %v", code, err)
	}
	if state := procState(p.Pid()); state != "" {
		t.Fatalf("child %d left in state %q (zombie?)", p.Pid(), state)
	}
	// SIGKILL is delivered at once but the dying takes a moment: wait for
	// the exit notification, then the orphan is gone or a zombie of init.
	if err := waitExit(grandchild); err != nil {
		t.Fatal(err)
	}
	if state := procState(grandchild); state != "" && state != "Z" {
		t.Fatalf("grandchild %d still alive in state %q", grandchild, state)
	}
}

// waitExit waits until the (not necessarily child) process pid has
// exited, through a pidfd, which becomes readable at exit.
func waitExit(pid int) error {
	const sysPidfdOpen = 434 // the same number on every Linux architecture
	fd, _, errno := syscall.Syscall(sysPidfdOpen, uintptr(pid), 0, 0)
	if errno == syscall.ESRCH {
		return nil
	}
	if errno != 0 {
		return fmt.Errorf("pidfd_open: %w", errno)
	}
	defer syscall.Close(int(fd))
	var readable syscall.FdSet
	readable.Bits[fd/64] |= 1 << (fd % 64)
	_, err := syscall.Select(int(fd)+1, &readable, nil, nil, nil)
	return err
}

// procState returns the state letter of pid from /proc, "" if it is gone.
func procState(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return strings.Fields(s[i+1:])[0]
}

func TestSubprocessWaitDelayClosesHeldPipes(t *testing.T) {
	// Only the child is killed: its grandchild lives on and keeps stdout
	// open, and WaitDelay lets Wait return anyway.
	ctx := context.Background()
	p := helper(ctx, "spawn")
	p.WaitDelay = time.Millisecond
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := p.ReadLine(ctx)
	grandchild, _ := strconv.Atoi(line)
	defer syscall.Kill(grandchild, syscall.SIGKILL)
	if err := syscall.Kill(p.Pid(), syscall.SIGKILL); err != nil { // the child only
		t.Fatal(err)
	}
	if code, err := p.Wait(ctx); code != -int(syscall.SIGKILL) || err != nil {
		t.Fatalf("Wait: %d, %v", code, err)
	}
}

func TestSubprocessCommunicate(t *testing.T) {
	ctx := context.Background()
	p := helper(ctx, "echo")
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	out, errOut, code, err := p.Communicate(ctx, []byte("input\n"))
	if out != "ready\ngot:input\n" || errOut != "to stderr\n" || code != 3 || err != nil {
		t.Fatalf("Communicate: %q %q %d %v", out, errOut, code, err)
	}
}
