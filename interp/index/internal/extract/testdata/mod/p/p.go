// Package p is a test fixture for the extractor.
package p

import (
	"io"
	"math/rand"
	randv2 "math/rand/v2"
	"strings"
)

// Inner is embedded.
type Inner struct {
	// Depth is promoted.
	Depth  int
	hidden int
}

// Deepen is promoted too.
func (i *Inner) Deepen() {}

// Outer embeds Inner and a strings.Builder.
type Outer struct {
	Inner
	*strings.Builder
	Name string // Name is a field.
}

// Size doubles.
func (o Outer) Size() int { return 2 }

// Colors of things.
const (
	Red = iota
	Green
)

// Pair is generic.
type Pair[K comparable, V any] struct{ Key K }

// Map applies f.
func Map[T, U any](xs []T, f func(T) U) []U { return nil }

// Sources uses two packages named rand.
func Sources(a *rand.Rand, b *randv2.Rand) *rand.Rand { return a }

// Reader reads nothing.
var Reader io.Reader = strings.NewReader("")

// Alias is another name.
type Alias = Outer

type unexported struct{}
