// Package data defines the compact, serialisable description of Go packages
// that the completion index embeds: package members with their kinds,
// signatures, doc comments, types, fields and methods.
//
// The generator (package extract, run by `go generate ./interp/index`)
// writes it; package index reads it. Both sides share these types so the
// encoding cannot drift. Everything here is plain data: the zero value of
// each type is an empty description and no type owns goroutines.
package data

// Kind says what a declared name is.
type Kind uint8

// The kinds of members, fields and methods.
const (
	FuncKind Kind = iota + 1
	TypeKind
	VarKind
	ConstKind
	FieldKind
	MethodKind
	PackageKind // an imported package name (used by the session, never stored)
)

// String returns the Jupyter completion type name of k ("function", "class", ...).
func (k Kind) String() string {
	switch k {
	case FuncKind:
		return "function"
	case TypeKind:
		return "class"
	case VarKind:
		return "instance"
	case ConstKind:
		return "statement"
	case FieldKind:
		return "property"
	case MethodKind:
		return "function"
	case PackageKind:
		return "module"
	}
	return "<unknown>"
}

// Manifest lists the indexed packages; it is small and decoded first.
type Manifest struct {
	GoVersion string        // runtime.Version() of the generator's toolchain
	Packages  []PackageInfo // sorted by Path
}

// PackageInfo is the short description of one package.
type PackageInfo struct {
	Path     string // import path
	Name     string // package name
	Synopsis string // first sentence of the package doc
	File     string // name of the encoded Package inside the embedded data directory
}

// Import maps a qualifier used in this package's type strings to an import path.
// Type strings are written as Go source: "*http.Request", "[]byte", "io.Writer";
// unqualified names refer to the package itself.
type Import struct {
	Name string
	Path string
}

// Package is the full description of one package.
type Package struct {
	Path    string
	Name    string
	Doc     string   // package doc comment, as text
	Imports []Import // qualifiers used in Type and Signature strings, sorted by Name
	Members []Member // exported package-level names, sorted by Name
}

// Member is one exported package-level name.
type Member struct {
	Name      string
	Kind      Kind   // FuncKind, TypeKind, VarKind or ConstKind
	Signature string // one line as Go source: "func Println(a ...any) (n int, err error)"
	Doc       string // doc comment, as text
	// Type is the member's type as Go source: the func type for functions
	// ("func(a ...any) (n int, err error)"), the variable or constant type,
	// and for named types their underlying type unless it is a struct or an
	// interface (whose members are listed in Fields and Methods).
	Type    string
	Fields  []Field  // exported fields of a struct type, including promoted ones
	Methods []Method // exported method set of *T (or T for interfaces), including promoted ones
}

// Field is an exported struct field.
type Field struct {
	Name string
	Type string
	Doc  string
}

// Method is an exported method.
type Method struct {
	Name      string
	Signature string // "func (b *Builder) WriteString(s string) (int, error)"
	Type      string // "func(s string) (int, error)"
	Doc       string
}
