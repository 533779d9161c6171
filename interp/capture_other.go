//go:build !linux

package interp

import (
	"errors"
	"os"
)

type fdCapture struct{ stderr *os.File }

func captureFDs(out, errw *os.File) (*fdCapture, error) {
	return nil, errors.New("interp: CaptureProcessOutput is only supported on linux")
}

func (c *fdCapture) restore() error { return nil }
