package runtime

// afterFunc is a function registered with taskContext.AfterFunc, in the
// task's intrusive list of them (Task.mu).
type afterFunc struct {
	f          func()
	child      *Task // instead of f: a task whose parent context this is
	owner      *Task // the task whose list this is
	prev, next *afterFunc
	listed     bool
}

// stop unlists a and reports whether it was listed; a nil a is never.
func (a *afterFunc) stop() bool { return a != nil && a.owner.removeAfter(a) }

// stopper undoes an onDone registration.
type stopper interface{ stop() bool }

// stopFunc is a stopper made of context.AfterFunc's stop function.
type stopFunc func() bool

func (s stopFunc) stop() bool { return s() }

// afterList is an intrusive list of afterFuncs; the zero value is empty.
type afterList struct{ head, tail *afterFunc }

func (ls *afterList) add(a *afterFunc) {
	a.prev, a.next, a.listed = ls.tail, nil, true
	if ls.tail != nil {
		ls.tail.next = a
	} else {
		ls.head = a
	}
	ls.tail = a
}

// remove unlinks a and reports whether it was listed.
func (ls *afterList) remove(a *afterFunc) bool {
	if !a.listed {
		return false
	}
	if a.prev != nil {
		a.prev.next = a.next
	} else {
		ls.head = a.next
	}
	if a.next != nil {
		a.next.prev = a.prev
	} else {
		ls.tail = a.prev
	}
	a.prev, a.next, a.listed = nil, nil, false
	return true
}
