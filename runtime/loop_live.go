package runtime

// taskList is the intrusive list of a loop's live tasks, in creation order;
// the zero value is empty. Loop.mu guards it.
type taskList struct {
	head, tail *Task
	n          int
}

func (ls *taskList) add(t *Task) {
	t.prev, t.next = ls.tail, nil
	if ls.tail != nil {
		ls.tail.next = t
	} else {
		ls.head = t
	}
	ls.tail = t
	ls.n++
}

func (ls *taskList) remove(t *Task) {
	if t.prev != nil {
		t.prev.next = t.next
	} else {
		ls.head = t.next
	}
	if t.next != nil {
		t.next.prev = t.prev
	} else {
		ls.tail = t.prev
	}
	t.prev, t.next = nil, nil
	ls.n--
}
