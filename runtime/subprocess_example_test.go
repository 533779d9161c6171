package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"io"

	rt "github.com/gokernel/gokernel/runtime"
)

func ExampleSubprocess() {
	ctx := context.Background()
	p := rt.Command(ctx, "sh", "-c", "echo first; read name; echo hello $name; exit 3")
	if err := p.Start(); err != nil {
		fmt.Println(err)
		return
	}
	line, _ := p.ReadLine(ctx) // arrives while the process waits for input
	fmt.Println(line)
	p.WriteString(ctx, "gopher\n")
	line, _ = p.ReadLine(ctx)
	fmt.Println(line)
	code, err := p.Wait(ctx)
	fmt.Println(code, err)
	// Output:
	// first
	// hello gopher
	// 3 <nil>
}

func ExampleCommand() {
	ctx, cancel := context.WithCancel(context.Background())
	p := rt.Command(ctx, "sh", "-c", "sleep 60 & sleep 60") // a child with a child
	p.Start()
	cancel() // kills the whole process group
	code, err := p.Wait(context.Background())
	fmt.Println(code, errors.Is(err, context.Canceled))
	// Output: -9 true
}

func ExampleSubprocess_Start() {
	p := rt.Command(context.Background(), "true")
	fmt.Println(p.Start(), p.Pid() > 0)
	p.Wait(context.Background())
	// Output: <nil> true
}

func ExampleSubprocess_ReadLine() {
	ctx := context.Background()
	p := rt.Command(ctx, "printf", "a\nb")
	p.Start()
	for {
		line, err := p.ReadLine(ctx)
		if err == io.EOF {
			break
		}
		fmt.Println(line)
	}
	p.Wait(ctx)
	// Output:
	// a
	// b
}

func ExampleSubprocess_ReadErrLine() {
	ctx := context.Background()
	p := rt.Command(ctx, "sh", "-c", "echo oops >&2")
	p.Start()
	line, _ := p.ReadErrLine(ctx)
	p.Wait(ctx)
	fmt.Println(line)
	// Output: oops
}

func ExampleSubprocess_Write() {
	ctx := context.Background()
	p := rt.Command(ctx, "cat")
	p.Start()
	p.Write(ctx, []byte("echoed\n"))
	p.CloseStdin()
	line, _ := p.ReadLine(ctx)
	p.Wait(ctx)
	fmt.Println(line)
	// Output: echoed
}

func ExampleSubprocess_WriteString() {
	ctx := context.Background()
	p := rt.Command(ctx, "wc", "-l")
	p.Start()
	p.WriteString(ctx, "1\n2\n3\n")
	p.CloseStdin()
	line, _ := p.ReadLine(ctx)
	p.Wait(ctx)
	fmt.Println(line)
	// Output: 3
}

func ExampleSubprocess_CloseStdin() {
	ctx := context.Background()
	p := rt.Command(ctx, "cat")
	p.Start()
	p.CloseStdin() // cat reads end of file and exits
	code, _ := p.Wait(ctx)
	fmt.Println(code)
	// Output: 0
}

func ExampleSubprocess_Wait() {
	ctx := context.Background()
	p := rt.Command(ctx, "sh", "-c", "exit 7")
	p.Start()
	fmt.Println(p.Wait(ctx))
	// Output: 7 <nil>
}

func ExampleSubprocess_Kill() {
	ctx := context.Background()
	p := rt.Command(ctx, "sleep", "60")
	p.Start()
	p.Kill()
	fmt.Println(p.Wait(ctx))
	// Output: -9 <nil>
}

func ExampleSubprocess_Terminate() {
	ctx := context.Background()
	p := rt.Command(ctx, "sleep", "60")
	p.Start()
	p.Terminate()
	fmt.Println(p.Wait(ctx))
	// Output: -15 <nil>
}

func ExampleSubprocess_Pid() {
	p := rt.Command(context.Background(), "true")
	fmt.Println(p.Pid())
	// Output: 0
}

func ExampleSubprocess_Done() {
	ctx := context.Background()
	p := rt.Command(ctx, "true")
	p.Start()
	<-p.Done()
	fmt.Println(p.Wait(ctx))
	// Output: 0 <nil>
}

func ExampleErrNotStarted() {
	p := rt.Command(context.Background(), "true")
	_, err := p.Wait(context.Background())
	fmt.Println(err)
	// Output: runtime: subprocess not started
}

func ExampleSubprocess_Communicate() {
	ctx := context.Background()
	p := rt.Command(ctx, "sort")
	p.Start()
	out, _, code, err := p.Communicate(ctx, []byte("pear\napple\nfig\n"))
	fmt.Print(out)
	fmt.Println(code, err)
	// Output:
	// apple
	// fig
	// pear
	// 0 <nil>
}
