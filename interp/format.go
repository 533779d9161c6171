package interp

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"
)

// yaegi represents a value of a type declared in a cell as a value of an
// anonymous struct (unexported fields renamed with an X prefix), so %T and
// %#v show `struct { Xx int; ... }`. formatCell prints such values the way
// Go would, with the declared names, guided by the checked type:
//
//	point{x:1, y:2}   &point{x:1, y:2}   celsius(21.5)   []point{point{x:1, y:2}}

// isCellValue reports whether t involves a type declared in a cell.
func isCellValue(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		return u.Obj().Pkg() != nil && u.Obj().Pkg().Path() == "main"
	case *types.Pointer:
		return isCellValue(u.Elem())
	case *types.Slice:
		return isCellValue(u.Elem())
	case *types.Array:
		return isCellValue(u.Elem())
	case *types.Map:
		return isCellValue(u.Key()) || isCellValue(u.Elem())
	}
	return false
}

// formatCell formats v of checked type t; top is true for the outermost
// value (pointers are followed only there, as fmt does).
func formatCell(v reflect.Value, t types.Type, top bool) string {
	if !v.IsValid() {
		return "nil"
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "nil"
		}
		v = v.Elem()
	}
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if !isCellValue(u) {
			return plainValue(v, top)
		}
		name := u.Obj().Name()
		switch under := u.Underlying().(type) {
		case *types.Struct:
			if v.Kind() != reflect.Struct || v.NumField() != under.NumFields() {
				return name + plainValue(v, false)
			}
			parts := make([]string, under.NumFields())
			for i := range parts {
				f := under.Field(i)
				parts[i] = f.Name() + ":" + formatCell(v.Field(i), f.Type(), false)
			}
			return name + "{" + strings.Join(parts, ", ") + "}"
		case *types.Basic:
			return name + "(" + plainValue(v, false) + ")"
		default:
			return name + formatCell(v, under, top)
		}
	case *types.Pointer:
		if v.Kind() != reflect.Pointer || v.IsNil() || !top {
			return plainValue(v, top)
		}
		return "&" + formatCell(v.Elem(), u.Elem(), false)
	case *types.Slice:
		return formatElems(v, u.Elem(), "[]"+typeName(u.Elem()))
	case *types.Array:
		return formatElems(v, u.Elem(), fmt.Sprintf("[%d]%s", u.Len(), typeName(u.Elem())))
	}
	return plainValue(v, top)
}

// formatElems formats a slice or array as type{e1, e2}.
func formatElems(v reflect.Value, elem types.Type, typ string) string {
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return plainValue(v, false)
	}
	parts := make([]string, v.Len())
	for i := range parts {
		parts[i] = formatCell(v.Index(i), elem, false)
	}
	return typ + "{" + strings.Join(parts, ", ") + "}"
}

// typeName names t without the main package qualifier.
func typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	})
}

// plainValue formats a value of a type not declared in a cell: strings
// quoted inside composites, everything else with %v.
func plainValue(v reflect.Value, top bool) string {
	if !v.CanInterface() {
		return fmt.Sprint(v)
	}
	if v.Kind() == reflect.String && !top {
		return fmt.Sprintf("%q", v.Interface())
	}
	return fmt.Sprint(v.Interface())
}
