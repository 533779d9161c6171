package runtime

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// stress builds random trees of tasks that sleep, yield, await futures,
// gather, group, cancel one another and fail, and checks that every run
// ends, with one task body running at a time.
type stress struct {
	t       *testing.T
	running atomic.Int32
	most    atomic.Int32
	created atomic.Int32
}

func (s *stress) enter() { storeMax(&s.most, s.running.Add(1)) }

// storeMax raises m to n if n is larger.
func storeMax(m *atomic.Int32, n int32) {
	for {
		old := m.Load()
		if n <= old || m.CompareAndSwap(old, n) {
			return
		}
	}
}

func (s *stress) leave() { s.running.Add(-1) }

// await waits for an await point, leaving the "running" count meanwhile.
func (s *stress) await(fn func()) {
	s.leave()
	fn()
	s.enter()
}

func (s *stress) body(seed uint64, depth int) TaskFunc {
	return func(ctx context.Context) (any, error) {
		s.created.Add(1)
		s.enter()
		defer s.leave()
		r := rand.New(rand.NewPCG(seed, uint64(depth)))
		for range 1 + r.IntN(4) {
			switch op := r.IntN(8); {
			case op == 0:
				s.await(func() { _ = Sleep(ctx, time.Duration(r.IntN(200))*time.Microsecond) })
			case op == 1:
				s.await(func() { Yield(ctx) })
			case op == 2 && depth < 3:
				var ts []Awaitable
				for i := range 1 + r.IntN(4) {
					ts = append(ts, CreateTask(ctx, s.body(seed*31+uint64(i), depth+1)))
				}
				s.await(func() { _, _ = GatherSettled(ctx, ts...) })
			case op == 3 && depth < 3:
				g := NewGroup(ctx)
				for i := range 1 + r.IntN(3) {
					g.Go(s.body(seed*17+uint64(i), depth+1))
				}
				s.await(func() { _ = g.Wait() })
			case op == 4 && depth < 3:
				victim := CreateTask(ctx, s.body(seed*13, depth+1))
				if r.IntN(2) == 0 {
					s.await(func() { Yield(ctx) })
				}
				victim.Cancel()
				s.await(func() { _, _ = victim.Await(ctx) })
			case op == 5:
				f := NewFuture()
				CurrentLoop(ctx).CallSoon(func() { f.SetResult(nil) })
				s.await(func() { _, _ = f.Await(ctx) })
			case op == 6:
				return nil, errTest
			case op == 7:
				s.await(func() { _ = Blocking(ctx, func() error { return nil }) })
			}
		}
		return seed, nil
	}
}

// TestLoopStress runs random task trees on the loop.
func TestLoopStress(t *testing.T) {
	for seed := range uint64(30) {
		s := &stress{t: t}
		_, err := Run(context.Background(), func(ctx context.Context) (any, error) {
			var ts []Awaitable
			for i := range 8 {
				ts = append(ts, CreateTask(ctx, s.body(seed*100+uint64(i), 0)))
			}
			return GatherSettled(ctx, ts...)
		}, WithReport(func(string) {}))
		if err != nil && !errors.Is(err, errTest) {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if s.most.Load() != 1 || s.running.Load() != 0 {
			t.Fatalf("seed %d: at most %d bodies at once, %d still running", seed, s.most.Load(), s.running.Load())
		}
		if s.created.Load() < 8 {
			t.Fatalf("seed %d: only %d tasks ran", seed, s.created.Load())
		}
	}
}
