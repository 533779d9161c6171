package notebooks

import (
	"strings"
	"testing"
)

// one returns a pointer to v, for optional expectation fields.
func one(v float64) *float64 { return &v }

// executed is a small executed notebook: one cell that printed a result
// and a measured ratio, one that showed a chart and a table.
func executed() *notebook {
	n1, n2 := 1, 2
	return &notebook{Cells: []cell{
		{CellType: "markdown"},
		{CellType: "code", ExecutionCount: &n1, Outputs: []output{
			{OutputType: "stream", Name: "stdout", Text: "[data ready data ready]\nratio 0.50\n✓ it held\n"},
		}},
		{CellType: "code", ExecutionCount: &n2, Outputs: []output{
			{OutputType: "display_data", Data: map[string]multiline{"image/png": "iVBOR", "text/plain": "chart"}},
			{OutputType: "execute_result", Data: map[string]multiline{"text/html": "<table><tr><td>x</td></tr></table>", "text/plain": "table"}},
		}},
	}}
}

var fullExpectation = expectation{
	Text:      []string{"[data ready data ready]"},
	HTML:      []string{"<table>"},
	MinPNG:    1,
	MinChecks: 1,
	Numbers:   []number{{Regexp: `ratio ([0-9.]+)`, Max: one(0.75)}},
}

func TestProblemsAcceptsAGoodNotebook(t *testing.T) {
	if p := problems(executed(), fullExpectation); len(p) != 0 {
		t.Fatalf("problems in a good notebook: %v", p)
	}
}

func TestProblemsFindsEachFault(t *testing.T) {
	cases := []struct {
		name  string
		spoil func(nb *notebook, e *expectation)
		want  string
	}{
		{"cell never ran", func(nb *notebook, e *expectation) { nb.Cells[1].ExecutionCount = nil }, "no execution count"},
		{"error output", func(nb *notebook, e *expectation) {
			nb.Cells[2].Outputs = append(nb.Cells[2].Outputs, output{OutputType: "error", Ename: "panic", Evalue: "boom"})
		}, "failed: panic: boom"},
		{"claim refuted", func(nb *notebook, e *expectation) {
			nb.Cells[1].Outputs[0].Text += "claim NOT confirmed by this run: x"
		}, "not confirmed"},
		{"missing text", func(nb *notebook, e *expectation) { e.Text = []string{"[data ready data ready]", "absent"} }, `"absent"`},
		{"missing html", func(nb *notebook, e *expectation) { e.HTML = []string{"<svg"} }, "no HTML output"},
		{"too few charts", func(nb *notebook, e *expectation) { e.MinPNG = 2 }, "image/png"},
		{"too few checks", func(nb *notebook, e *expectation) { e.MinChecks = 2 }, "confirmed checks"},
		{"ratio too high", func(nb *notebook, e *expectation) { e.Numbers = []number{{Regexp: `ratio ([0-9.]+)`, Max: one(0.4)}} }, "at most 0.4"},
		{"ratio too low", func(nb *notebook, e *expectation) { e.Numbers = []number{{Regexp: `ratio ([0-9.]+)`, Min: one(0.6)}} }, "at least 0.6"},
		{"number absent", func(nb *notebook, e *expectation) { e.Numbers = []number{{Regexp: `speed-up ([0-9.]+)`}} }, "no output matches"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nb, e := executed(), fullExpectation
			tc.spoil(nb, &e)
			p := problems(nb, e)
			if len(p) != 1 || !strings.Contains(p[0], tc.want) {
				t.Fatalf("problems = %q, want one containing %q", p, tc.want)
			}
		})
	}
}

func TestMultilineDecodesBothForms(t *testing.T) {
	nb := &notebook{}
	for _, src := range []string{`{"cells":[{"cell_type":"code","execution_count":1,"outputs":[{"output_type":"stream","text":["a\n","b"]}]}]}`,
		`{"cells":[{"cell_type":"code","execution_count":1,"outputs":[{"output_type":"stream","text":"a\nb"}]}]}`} {
		if err := jsonUnmarshal(src, nb); err != nil {
			t.Fatal(err)
		}
		if got := string(nb.Cells[0].Outputs[0].Text); got != "a\nb" {
			t.Fatalf("text = %q, want %q", got, "a\nb")
		}
	}
}
