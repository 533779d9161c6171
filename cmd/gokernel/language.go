package main

import (
	"github.com/gokernel/gokernel/interp/index"
	"github.com/gokernel/gokernel/kernel"
)

// language adapts interp/index to kernel.Language.
type language struct {
	*index.Index
}

func newLanguage() *language { return &language{index.New()} }

func (l *language) Complete(code string, cursor int) kernel.Completion {
	c := l.Index.Complete(code, cursor)
	return kernel.Completion{Matches: c.Matches, CursorStart: c.CursorStart, CursorEnd: c.CursorEnd, Metadata: c.Metadata}
}

func (l *language) IsComplete(code string) (status, indent string) { return index.IsComplete(code) }
