package rewrite

import "strings"

// PreludeFor returns the prelude for rewrites made with Options.Helpers set
// to helpers: it imports ImportPath under that name and declares the
// interpreted helper functions (named helpers + "_errorsAs" and so on) that
// must run as interpreted code to see cell types' methods.
func PreludeFor(helpers string) string {
	return strings.ReplaceAll(preludeSource, "__gkrw", helpers)
}

// preludeSource is evaluated by the interpreter, not compiled here. The
// functions are named, not closures: yaegi v0.16.1 mishandles cell error
// values passed to closure parameters of type error.
const preludeSource = `import (
	__gkrw "` + ImportPath + `"
	__gkrw_sync "sync"
)

// __gkrw_AtomicPointer stands in for atomic.Pointer[T].
type __gkrw_AtomicPointer[T any] struct {
	mu __gkrw_sync.Mutex
	p  *T
}

func (a *__gkrw_AtomicPointer[T]) Load() *T {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.p
}

func (a *__gkrw_AtomicPointer[T]) Store(p *T) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.p = p
}

func (a *__gkrw_AtomicPointer[T]) Swap(p *T) *T {
	a.mu.Lock()
	defer a.mu.Unlock()
	old := a.p
	a.p = p
	return old
}

func (a *__gkrw_AtomicPointer[T]) CompareAndSwap(old, p *T) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.p != old {
		return false
	}
	a.p = p
	return true
}

// __gkrw_unwrap returns what err wraps: through cell (the rewrite's
// concrete type switch over the session's error types, may be nil), else,
// for host errors, through __gkrw.Unwraps.
func __gkrw_unwrap(err error, cell func(error) ([]error, bool)) []error {
	if cell != nil {
		if next, ok := cell(err); ok {
			return next
		}
	}
	return __gkrw.Unwraps(err)
}

func __gkrw_errorsAs(err error, match func(error) bool, cell func(error) ([]error, bool)) bool {
	for err != nil {
		if match(err) {
			return true
		}
		next := __gkrw_unwrap(err, cell)
		if len(next) != 1 {
			for _, e := range next {
				if __gkrw_errorsAs(e, match, cell) {
					return true
				}
			}
			return false
		}
		err = next[0]
	}
	return false
}

func __gkrw_errorsIs(err, target error, cell func(error) ([]error, bool)) bool {
	if err == nil || target == nil {
		return err == target
	}
	for err != nil {
		if err == target {
			return true
		}
		next := __gkrw_unwrap(err, cell)
		if len(next) != 1 {
			for _, e := range next {
				if __gkrw_errorsIs(e, target, cell) {
					return true
				}
			}
			return false
		}
		err = next[0]
	}
	return false
}

func __gkrw_errorsUnwrap(err error, cell func(error) ([]error, bool)) error {
	if next := __gkrw_unwrap(err, cell); len(next) == 1 {
		return next[0]
	}
	return nil
}
`
