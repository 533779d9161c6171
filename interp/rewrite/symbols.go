package rewrite

import "reflect"

// Symbols exports the host helpers to a yaegi interpreter:
// i.Use(rewrite.Symbols), then evaluate Prelude. It is a fixed table, never
// modified after initialisation (package-level because yaegi's Use takes a
// map; the same pattern as yaegi's generated stdlib.Symbols).
var Symbols = map[string]map[string]reflect.Value{
	ImportPath + "/rewrite": {
		"Case":            reflect.ValueOf((*Case)(nil)),
		"Outbox":          reflect.ValueOf((*Outbox)(nil)),
		"Recv":            reflect.ValueOf(Recv),
		"Send":            reflect.ValueOf(Send),
		"Proxy":           reflect.ValueOf(Proxy),
		"Select":          reflect.ValueOf(Select),
		"Clear":           reflect.ValueOf(Clear),
		"Unwraps":         reflect.ValueOf(Unwraps),
		"SortSlice":       reflect.ValueOf(SortSlice),
		"SortSliceStable": reflect.ValueOf(SortSliceStable),
	},
}
