package runtime

import (
	"context"
	"errors"
	"sync"
)

// ErrBrokenBarrier is returned by Barrier.Wait when the barrier was
// aborted or reset while (or before) waiting.
var ErrBrokenBarrier = errors.New("runtime: barrier broken")

// Barrier makes a fixed number of parties wait for each other, like
// asyncio.Barrier: each Wait returns once the last party arrives, and the
// barrier is then ready for the next round.
//
// Use NewBarrier; the zero value is not usable. A Barrier starts no
// goroutines. Wait waits as a blocking region.
type Barrier struct {
	mu      sync.Mutex
	parties int
	count   int
	round   *barrierRound
	broken  bool
}

// barrierRound is one filling of the barrier; fut completes when it ends.
type barrierRound struct {
	fut    *Future
	broken bool
}

// NewBarrier returns a barrier for parties parties (must be > 0).
func NewBarrier(parties int) *Barrier {
	if parties <= 0 {
		panic("runtime: NewBarrier needs parties > 0")
	}
	return &Barrier{parties: parties, round: &barrierRound{fut: NewFuture()}}
}

// Wait waits until all parties have called Wait, and returns this party's
// arrival index (0 for the first). If ctx ends first, the party leaves the
// barrier and Wait returns ctx's error; if the barrier is aborted or reset,
// it returns ErrBrokenBarrier.
func (b *Barrier) Wait(ctx context.Context) (int, error) {
	b.mu.Lock()
	if b.broken {
		b.mu.Unlock()
		return 0, ErrBrokenBarrier
	}
	idx, r := b.count, b.round
	b.count++
	if b.count == b.parties {
		b.endRoundLocked(false)
		b.mu.Unlock()
		return idx, nil
	}
	b.mu.Unlock()
	return idx, b.await(ctx, r)
}

func (b *Barrier) await(ctx context.Context, r *barrierRound) error {
	_, err := awaitFuture(ctx, r.fut)
	b.mu.Lock()
	defer b.mu.Unlock()
	if err != nil && r == b.round {
		b.count--
		return err
	}
	if r.broken {
		return ErrBrokenBarrier
	}
	return nil
}

// endRoundLocked releases the waiters of the current round and starts a
// new one.
func (b *Barrier) endRoundLocked(broken bool) {
	b.round.broken = broken
	b.round.fut.SetResult(nil)
	b.round = &barrierRound{fut: NewFuture()}
	b.count = 0
}

// Abort breaks the barrier: current and future Waits return
// ErrBrokenBarrier until Reset.
func (b *Barrier) Abort() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.broken = true
	b.endRoundLocked(true)
}

// Reset returns the barrier to its empty, unbroken state; parties waiting
// now get ErrBrokenBarrier.
func (b *Barrier) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.broken = false
	b.endRoundLocked(true)
}

// Parties reports how many parties the barrier waits for.
func (b *Barrier) Parties() int { return b.parties }

// Waiting reports how many parties are waiting in the current round.
func (b *Barrier) Waiting() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.count
}

// Broken reports whether the barrier is broken (aborted).
func (b *Barrier) Broken() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.broken
}
