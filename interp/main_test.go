package interp

import (
	"os"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	if os.Getenv(captureChildEnv) != "" {
		os.Exit(runCaptureChild())
	}
	goleak.VerifyTestMain(m)
}
