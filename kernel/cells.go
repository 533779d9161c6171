package kernel

import (
	"sync"

	"github.com/gokernel/gokernel/kernel/wire"
)

// cellTable remembers the execute request of recent cells, so that output
// of a goroutine is published under the cell that started it, also after
// the cell ended. It keeps the last max cells. Safe for concurrent use.
type cellTable struct {
	mu    sync.Mutex
	max   int
	byID  map[string]*wire.Message
	order []string
}

func newCellTable(max int) *cellTable {
	return &cellTable{max: max, byID: make(map[string]*wire.Message)}
}

func (t *cellTable) add(id string, m *wire.Message) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.byID[id]; !ok {
		t.order = append(t.order, id)
	}
	t.byID[id] = m
	if len(t.order) > t.max {
		delete(t.byID, t.order[0])
		t.order = t.order[1:]
	}
}

// get returns the request of cell id, or nil if it is unknown.
func (t *cellTable) get(id string) *wire.Message {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.byID[id]
}
