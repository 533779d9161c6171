// Package index answers Jupyter's complete_request, inspect_request and
// is_complete_request for gokernel's front process, which never runs user
// code. It answers in well under a millisecond once warm, also while a cell
// runs in the worker, and is safe for concurrent use.
//
// # What it knows
//
//   - The Go standard library and the packages exported to cells
//     (github.com/gokernel/gokernel/runtime, imported as rt, and
//     interp/display, interp/input): every exported name with its kind,
//     signature and doc comment, struct fields and method sets (promoted
//     members included). This is generated from source with go/parser and
//     go/types (see internal/extract) and embedded as compressed gob files,
//     one per package, decoded on first use.
//   - The session: Record is called after each successful cell and keeps
//     its imports and top-level declarations (funcs, methods, types, vars
//     and consts, with declared or inferred types); Reset forgets them.
//   - The cell being edited: its own imports and declarations, and the
//     locals of the blocks around the cursor (parameters, :=, var, range
//     variables, type switches).
//
// Types are inferred syntactically (no type checker at request time):
// composite literals, calls of library, session and builtin functions,
// selectors, indexing, conversions, pointers and channels. Where inference
// fails, member completion returns nothing rather than guessing.
//
// # Regenerating
//
// The embedded data must match the toolchain and the repository's packages:
//
//	go generate ./interp/index
//
// TestEmbeddedIndexIsCurrent fails when it is stale.
//
// # Positions
//
// Jupyter counts cursor positions in Unicode code points; Complete and
// Inspect take and return code points and convert to byte offsets inside.
package index
