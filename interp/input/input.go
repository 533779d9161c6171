// Package input reads a line of text from the user.
//
// In a gokernel notebook, Line and Password become Jupyter input_request
// messages (the front end shows a text box; Password hides what is typed).
// When the execute request did not allow stdin, they fail at once with a
// clear error instead of waiting forever.
//
// Outside the kernel (a plain compiled program) they print the prompt to
// standard output and read one line from standard input.
package input

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ErrNoInput is returned when no input can be read: the front end does not
// allow stdin for this cell, or standard input is closed.
var ErrNoInput = errors.New("input: no input available")

// Line prints prompt and returns one line the user typed, without the line
// ending.
func Line(prompt string) (string, error) { return readLine(os.Stdin, os.Stdout, prompt) }

// Password is Line for secrets: the notebook front end hides what is typed.
// Outside the kernel it reads a line like Line does.
func Password(prompt string) (string, error) { return readLine(os.Stdin, os.Stdout, prompt) }

// readLine prints prompt to w and reads a line from r, byte by byte so
// that nothing after the line is consumed.
func readLine(r io.Reader, w io.Writer, prompt string) (string, error) {
	fmt.Fprint(w, prompt)
	var sb strings.Builder
	var one [1]byte
	for {
		n, err := r.Read(one[:])
		if n == 1 {
			if one[0] == '\n' {
				return strings.TrimSuffix(sb.String(), "\r"), nil
			}
			sb.WriteByte(one[0])
			continue
		}
		if err != nil {
			if sb.Len() > 0 && errors.Is(err, io.EOF) {
				return sb.String(), nil
			}
			if errors.Is(err, io.EOF) {
				return "", ErrNoInput
			}
			return "", fmt.Errorf("input: %w", err)
		}
	}
}
