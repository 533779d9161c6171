package extract

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func goroot(t *testing.T) string {
	t.Helper()
	r, err := GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
