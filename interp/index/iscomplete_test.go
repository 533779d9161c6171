package index

import "testing"

func TestIsComplete(t *testing.T) {
	tests := []struct {
		code, status, indent string
	}{
		{"x := 1", "complete", ""},
		{"", "complete", ""},
		{"fmt.Println(\"hi\")\n", "complete", ""},
		{"func f() {}\nf()", "complete", ""},
		{"import \"fmt\"\nfmt.Println(1)", "complete", ""},
		{"type T struct{ A int }\nfunc (t T) M() {}", "complete", ""},
		{"for i := 0; i < 3; i++ {", "incomplete", "\t"},
		{"for i := 0; i < 3; i++ {\n\tif i > 1 {", "incomplete", "\t\t"},
		{"fmt.Println(", "incomplete", "\t"},
		{"func f() {\n", "incomplete", "\t"},
		{"x := []int{\n\t1,\n", "incomplete", "\t"},
		{"s := `raw\nstring", "incomplete", ""},
		{"/* open comment", "incomplete", ""},
		{"x :=", "incomplete", ""},
		{"x := 1 +", "incomplete", ""},
		{"}}", "invalid", ""},
		{"x := (1]", "invalid", ""},
		{"fmt.Println(\"abc", "invalid", ""},
		{"x := := 1", "invalid", ""},
		{"func 1f() {}", "invalid", ""},
	}
	for _, tt := range tests {
		status, indent := IsComplete(tt.code)
		if status != tt.status || indent != tt.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tt.code, status, indent, tt.status, tt.indent)
		}
	}
}
