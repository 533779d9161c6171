package index

import (
	"go/ast"
	"go/parser"
)

// The tables in this file are read-only after initialisation.

// keywords are Go's 25 keywords.
var keywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
	"map", "package", "range", "return", "select", "struct", "switch", "type", "var",
}

// builtinTypes are the predeclared types.
var builtinTypes = []string{
	"any", "bool", "byte", "comparable", "complex64", "complex128", "error",
	"float32", "float64", "int", "int8", "int16", "int32", "int64", "rune",
	"string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
}

// builtinFuncs are the predeclared functions, with their signatures.
var builtinFuncs = map[string]string{
	"append":  "func append(slice []Type, elems ...Type) []Type",
	"cap":     "func cap(v Type) int",
	"clear":   "func clear[T ~[]Type | ~map[Type]Type1](t T)",
	"close":   "func close(c chan<- Type)",
	"complex": "func complex(r, i FloatType) ComplexType",
	"copy":    "func copy(dst, src []Type) int",
	"delete":  "func delete(m map[Type]Type1, key Type)",
	"imag":    "func imag(c ComplexType) FloatType",
	"len":     "func len(v Type) int",
	"make":    "func make(t Type, size ...IntegerType) Type",
	"max":     "func max[T cmp.Ordered](x T, y ...T) T",
	"min":     "func min[T cmp.Ordered](x T, y ...T) T",
	"new":     "func new(Type) *Type",
	"panic":   "func panic(v any)",
	"print":   "func print(args ...Type)",
	"println": "func println(args ...Type)",
	"real":    "func real(c ComplexType) FloatType",
	"recover": "func recover() any",
}

// builtinConsts are the predeclared constants and nil.
var builtinConsts = []string{"true", "false", "iota", "nil"}

func isBuiltinType(name string) bool {
	for _, t := range builtinTypes {
		if t == name {
			return true
		}
	}
	return false
}

func isIntegerType(name string) bool {
	switch name {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune":
		return true
	}
	return false
}

// mustType parses a type written in this package's source.
func mustType(s string) ast.Expr {
	e, err := parser.ParseExpr(s)
	if err != nil {
		panic("index: bad built-in type " + s)
	}
	return e
}
