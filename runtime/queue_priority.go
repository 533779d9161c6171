package runtime

import "fmt"

// PriorityItem pairs a value with its priority, like the (priority, data)
// tuples put into Python's PriorityQueue: DefaultLess orders it by
// Priority, smallest first.
type PriorityItem struct {
	Priority int
	Value    any
}

// DefaultLess orders the items of a priority queue that has no Less: a
// PriorityItem by its Priority, and ints, float64s and strings by value.
// Other types, or two different types, make it panic.
func DefaultLess(a, b any) bool {
	switch x := a.(type) {
	case PriorityItem:
		if y, ok := b.(PriorityItem); ok {
			return x.Priority < y.Priority
		}
	case int:
		if y, ok := b.(int); ok {
			return x < y
		}
	case float64:
		if y, ok := b.(float64); ok {
			return x < y
		}
	case string:
		if y, ok := b.(string); ok {
			return x < y
		}
	}
	panic(fmt.Sprintf("runtime: DefaultLess cannot order %T and %T; give the queue a Less", a, b))
}
