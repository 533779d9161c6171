package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// cellFile is the name of the cell's code in positions ("cell:3:5").
const cellFile = "cell"

// parseFile names the parsed source of a cell (unadjusted positions, which
// go/printer writes in its line directives; see chunks.go).
const parseFile = "gkcell.go"

// cellFunc is the function whose body holds a cell's statements while it is
// checked and rewritten.
const cellFunc = "__gkcell"

// A parsedCell is one cell parsed into a single Go file: package-level
// imports and declarations, and the statements in the body of func __gkcell.
// Line directives map every position back to the cell ("cell:3:5").
type parsedCell struct {
	file *ast.File
	fn   *ast.FuncDecl  // func __gkcell
	body *ast.BlockStmt // its body: the statements, in cell order
	// declsUseVars is set when package-level declarations use variables the
	// cell's statements declare: the cell then runs in source order, not
	// declarations first.
	declsUseVars bool
	items        []item
	// srcOff[i] is the offset in the parsed source where item i starts.
	srcOff []int
	base   int           // token.File base of the parsed source
	final  *ast.ExprStmt // the final expression statement, or nil
	src    string        // the parsed source
	// texts holds the evaluated text of each func declaration, kept so that
	// a later redefinition of a function it calls can re-evaluate it.
	texts map[ast.Node]string
	// before holds a snapshot of each top-level node taken before the
	// rewrite, so unchanged nodes are evaluated from their own text.
	before map[ast.Node][]any
	// imports the cell adds to the session (duplicates already dropped).
	imports []importSpec
}

// importSpec is one import as written: Name may be empty.
type importSpec struct{ Name, Path string }

// String renders the spec as Go source.
func (s importSpec) String() string {
	if s.Name == "" {
		return strconv.Quote(s.Path)
	}
	return s.Name + " " + strconv.Quote(s.Path)
}

// parseCell parses code against the session's imports: cell imports that are
// already in the session are dropped, the session's imports are visible.
func parseCell(fset *token.FileSet, code string, session []importSpec) (*parsedCell, error) {
	items := splitCell(code)
	var b strings.Builder
	b.WriteString("package main\n")
	if len(session) > 0 {
		b.WriteString("import (\n")
		for _, s := range session {
			b.WriteString(s.String() + "\n")
		}
		b.WriteString(")\n")
	}
	pc := &parsedCell{items: items, srcOff: make([]int, len(items))}
	emit := func(i int) {
		it := items[i]
		fmt.Fprintf(&b, "/*line %s:%d:%d*/", cellFile, it.line, it.col)
		pc.srcOff[i] = b.Len()
		b.WriteString(code[it.start:it.end])
		b.WriteString(";\n")
	}
	for _, kind := range []itemKind{itemImport, itemDecl} {
		for i, it := range items {
			if it.kind == kind {
				emit(i)
			}
		}
	}
	b.WriteString("func " + cellFunc + "() {\n")
	for i, it := range items {
		if it.kind == itemStmt {
			emit(i)
		}
	}
	b.WriteString("\n}\n")

	src := b.String()
	pc.src = src
	file, err := parser.ParseFile(fset, parseFile, src, parser.AllErrors|parser.SkipObjectResolution)
	if err != nil {
		return nil, parseError(err)
	}
	pc.file = file
	pc.base = fset.File(file.Pos()).Base()
	pc.fn = file.Decls[len(file.Decls)-1].(*ast.FuncDecl)
	pc.body = pc.fn.Body
	pc.takeSnapshots() // before any edit: edited nodes must be printed
	pc.dropDuplicateImports(session)
	if n := len(pc.body.List); n > 0 && len(items) > 0 && items[len(items)-1].kind == itemStmt {
		if es, ok := pc.body.List[n-1].(*ast.ExprStmt); ok {
			pc.final = es
		}
	}
	return pc, nil
}

// dropDuplicateImports removes cell imports the session already has and
// records the new ones.
func (pc *parsedCell) dropDuplicateImports(session []importSpec) {
	have := make(map[importSpec]bool, len(session))
	for _, s := range session {
		have[s] = true
	}
	decls := pc.file.Decls[:0]
	for i, d := range pc.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || (i == 0 && len(session) > 0) {
			decls = append(decls, d)
			continue
		}
		specs := gd.Specs[:0]
		for _, sp := range gd.Specs {
			spec := *importOf(sp.(*ast.ImportSpec))
			if have[spec] {
				continue
			}
			have[spec] = true
			pc.imports = append(pc.imports, spec)
			specs = append(specs, sp)
		}
		gd.Specs = specs
		if len(specs) > 0 {
			decls = append(decls, gd)
		}
	}
	pc.file.Decls = decls
	pc.file.Imports = nil
}

// importOf returns the import an import spec makes.
func importOf(is *ast.ImportSpec) *importSpec {
	spec := &importSpec{Path: strings.Trim(is.Path.Value, "`\"")}
	if is.Name != nil {
		spec.Name = is.Name.Name
	}
	return spec
}

// itemOf returns the index of the item that node position pos belongs to, or
// -1 for positions outside any item (session imports, the wrapper).
func (pc *parsedCell) itemOf(pos token.Pos) int {
	if !pos.IsValid() {
		return -1
	}
	off := int(pos) - pc.base
	// srcOff is not sorted by item index (imports and declarations come
	// first), so search all items: the item starting last at or before off.
	best, bestOff := -1, -1
	for i, o := range pc.srcOff {
		if o <= off && o > bestOff && off <= o+(pc.items[i].end-pc.items[i].start) {
			best, bestOff = i, o
		}
	}
	return best
}

// parseError turns parser errors into cell-positioned messages.
func parseError(err error) *Error {
	var msgs []string
	if list, ok := err.(scanner.ErrorList); ok {
		sort.Sort(list)
		for _, e := range list {
			msgs = append(msgs, e.Error())
		}
	} else {
		msgs = append(msgs, err.Error())
	}
	return compileError(msgs)
}
