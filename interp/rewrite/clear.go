package rewrite

import (
	"fmt"
	"reflect"
)

// Clear implements the builtin clear for cells (yaegi v0.16.1 lacks it):
// it deletes every entry of a map, or sets every element of a slice to its
// zero value. A nil map or slice is left alone, as with the builtin.
func Clear(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	default:
		panic(fmt.Sprintf("rewrite: clear of %T, not a map or slice", x))
	}
}
