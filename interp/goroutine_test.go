package interp

import (
	"context"
	"strings"
	"testing"
)

func TestGoroutineOutputBelongsToItsCell(t *testing.T) {
	s, rec := newTestSession(t)
	// Cell A starts a goroutine that prints when told to, and reports back.
	// The cell waits until the goroutine runs: goroutines that start while
	// the next cell is evaluated race with it inside yaegi (global frame).
	run(t, s, "A", `import "fmt"
tell, told := make(chan bool), make(chan bool)
go func(tell, told chan bool) {
	told <- true
	for range tell {
		fmt.Println("from A's goroutine")
		told <- true
	}
}(tell, told)
<-told`)
	// Cell B makes it print while B runs.
	run(t, s, "B", "fmt.Println(\"from B\")\ntell <- true\n<-told\nclose(tell)")
	ev := rec.take()
	outA, _ := streams(ev, "A")
	outB, _ := streams(ev, "B")
	if outA != "from A's goroutine\n" {
		t.Errorf("cell A got %q", outA)
	}
	if outB != "from B\n" {
		t.Errorf("cell B got %q", outB)
	}
}

func TestGoroutinePanicFailsItsRunningCell(t *testing.T) {
	s, _ := newTestSession(t)
	_, err := s.Execute(context.Background(), Cell{ID: "G", Code: `go func() {
	var m map[string]int
	m["x"] = 1
}()
select {}`})
	var e *Error
	if !errorsAs(err, &e) || e.Name != "panic" || !strings.Contains(e.Value, "nil map") {
		t.Fatalf("cell whose goroutine panicked: %v", err)
	}
	if !strings.Contains(strings.Join(e.Traceback, "\n"), "panic in goroutine") {
		t.Errorf("traceback does not say a goroutine panicked: %q", e.Traceback)
	}
	if got := plainText(run(t, s, "next", "1+2")); got != "3" {
		t.Fatalf("after goroutine panic: %q", got)
	}
}

func TestLateGoroutinePanicIsReportedOnItsCell(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "G", `trigger := make(chan bool)
go func(trigger chan bool) {
	<-trigger
	var m map[string]int
	m["x"] = 1
}(trigger)`)
	// The goroutine panics while another cell runs: the panic belongs to G,
	// which has ended, so it is reported on G's stderr and nothing fails.
	run(t, s, "next", "close(trigger)")
	s.wg.Wait()
	s.err.sync()
	if got := plainText(run(t, s, "after", "1+2")); got != "3" {
		t.Fatalf("after goroutine panic: %q", got)
	}
	_, stderr := streams(rec.take(), "G")
	if !strings.Contains(stderr, "panic in goroutine") || !strings.Contains(stderr, "nil map") {
		t.Errorf("stderr of cell G: %q, want the goroutine's panic", stderr)
	}
}

func TestInput(t *testing.T) {
	rec := &recorder{}
	var prompts []string
	s, err := New(Options{Emit: rec.emit, Input: func(ctx context.Context, cell, prompt string, password bool) (string, error) {
		prompts = append(prompts, cell+"|"+prompt)
		if password {
			return "secret", nil
		}
		return "Ada", nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Execute(context.Background(), Cell{ID: "in", AllowStdin: true, Code: `import "fmt"
import "github.com/gokernel/gokernel/interp/input"
name, err := input.Line("name? ")
pw, _ := input.Password("pw? ")
name + "/" + pw + "/" + fmt.Sprint(err)`})
	if err != nil {
		t.Fatalf("%v\n%s", err, tb(err))
	}
	if got := plainText(res); got != "Ada/secret/<nil>" {
		t.Errorf("result %q", got)
	}
	res, err = s.Execute(context.Background(), Cell{ID: "scan", AllowStdin: true, Code: "var who string\nfmt.Scanln(&who)\nwho"})
	if err != nil {
		t.Fatalf("%v\n%s", err, tb(err))
	}
	if got := plainText(res); got != "Ada" {
		t.Errorf("result %q", got)
	}
	if strings.Join(prompts, ",") != "in|name? ,in|pw? ,scan|" {
		t.Errorf("prompts %q", prompts)
	}
	res, err = s.Execute(context.Background(), Cell{ID: "no", Code: "_, err2 := input.Line(\"x\")\nerr2.Error()"})
	if err != nil {
		t.Fatalf("%v", err)
	}
	if got := plainText(res); !strings.Contains(got, "did not allow stdin") {
		t.Errorf("input without AllowStdin: %q", got)
	}
}

func TestDisplay(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "d", `import "github.com/gokernel/gokernel/interp/display"
display.Show(display.HTML("<b>hi</b>"))
h := display.NewHandle()
h.Show(display.Markdown("one"))
h.Update(display.Markdown("two"))
display.Clear(true)`)
	var kinds []string
	var id string
	for _, e := range rec.take() {
		if e.CellID != "d" {
			t.Errorf("event for cell %q", e.CellID)
		}
		kinds = append(kinds, string(e.Kind))
		switch e.Kind {
		case Display:
			if e.DisplayID != "" {
				id = e.DisplayID
			} else if e.Data["text/html"] != "<b>hi</b>" {
				t.Errorf("html display %v", e.Data)
			}
		case UpdateDisplay:
			if e.DisplayID == "" || e.DisplayID != id || e.Data["text/markdown"] != "two" {
				t.Errorf("update %+v, display id %q", e, id)
			}
		case ClearOutput:
			if !e.Wait {
				t.Errorf("clear without wait")
			}
		}
	}
	if got := strings.Join(kinds, ","); got != "display_data,display_data,update_display_data,clear_output" {
		t.Errorf("events %s", got)
	}
	res := run(t, s, "r", "display.HTML(\"<i>x</i>\")")
	if res == nil || res.Data["text/html"] != "<i>x</i>" {
		t.Errorf("rich result %+v", res)
	}
}

func TestExportedPackages(t *testing.T) {
	s, rec := newTestSession(t)
	run(t, s, "x", `import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
)
srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "pong")
}))
resp, err := http.Get(srv.URL)
if err != nil {
	panic(err)
}
body, _ := io.ReadAll(resp.Body)
resp.Body.Close()
srv.Close()
_, _, _ = net.SplitHostPort("a:1")
cmd := exec.Command("echo", "from-child")
cmd.Stdout = os.Stdout
if err := cmd.Run(); err != nil {
	panic(err)
}
fmt.Println("after child")
string(body)`)
	out, _ := streams(rec.take(), "x")
	if out != "from-child\nafter child\n" {
		t.Errorf("stdout %q", out)
	}
}

func TestRuntimePackage(t *testing.T) {
	s, _ := newTestSession(t)
	res := run(t, s, "rt", `import "fmt"
import rt "github.com/gokernel/gokernel/runtime"
ev := rt.NewEvent()
before := ev.IsSet()
ev.Set()
fmt.Sprint(before, ev.IsSet())`)
	if got := plainText(res); got != "false true" {
		t.Errorf("got %q", got)
	}
}
