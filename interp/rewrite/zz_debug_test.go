package rewrite

import (
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	p := os.Getenv("GKSRC")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	opts := Options{}
	if os.Getenv("GKSPAWN") != "" {
		opts.Spawn = testSpawn
	}
	src := rewriteSource(t, string(b), opts)
	t.Log("\n" + src)
	if os.Getenv("GKRAW") != "" {
		t.Log("raw: " + evalYaegi(t, string(b)))
	}
	t.Log("rewritten: " + evalYaegi(t, src))
}
