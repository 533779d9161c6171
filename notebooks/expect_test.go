package notebooks

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// expectations is expectations.json: what each executed notebook must show.
type expectations struct {
	Notebooks map[string]expectation `json:"notebooks"`
}

// expectation lists the outputs one notebook must have.
type expectation struct {
	Text      []string `json:"text"`
	HTML      []string `json:"html"`
	MinPNG    int      `json:"min_png"`
	MinChecks int      `json:"min_checks"`
	Numbers   []number `json:"numbers"`
}

// number is a measured value printed by a notebook: Regexp's first group,
// parsed as a float, must be at most Max (if set) and at least Min (if set).
type number struct {
	Regexp string   `json:"regexp"`
	Max    *float64 `json:"max"`
	Min    *float64 `json:"min"`
}

// loadExpectations reads expectations.json.
func loadExpectations(path string) (*expectations, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("notebooks: %w", err)
	}
	var e expectations
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, fmt.Errorf("notebooks: %s: %w", path, err)
	}
	return &e, nil
}

// problems returns everything wrong with an executed notebook: the rules
// every notebook follows, then exp's.
func problems(nb *notebook, exp expectation) []string {
	var out []string
	for i, c := range nb.codeCells() {
		if c.ExecutionCount == nil {
			out = append(out, fmt.Sprintf("code cell %d has no execution count", i+1))
		}
		for _, o := range c.Outputs {
			if o.OutputType == "error" {
				out = append(out, fmt.Sprintf("code cell %d failed: %s: %s", i+1, o.Ename, o.Evalue))
			}
		}
	}
	texts := nb.texts()
	if strings.Contains(texts, "NOT confirmed") {
		out = append(out, "a claim was not confirmed")
	}
	for _, want := range exp.Text {
		if !strings.Contains(texts, want) {
			out = append(out, fmt.Sprintf("no output contains %q", want))
		}
	}
	_, html := nb.mime("text/html")
	for _, want := range exp.HTML {
		if !strings.Contains(html, want) {
			out = append(out, fmt.Sprintf("no HTML output contains %q", want))
		}
	}
	if n, _ := nb.mime("image/png"); n < exp.MinPNG {
		out = append(out, fmt.Sprintf("%d image/png outputs, want at least %d", n, exp.MinPNG))
	}
	if n := strings.Count(texts, "✓ "); n < exp.MinChecks {
		out = append(out, fmt.Sprintf("%d confirmed checks, want at least %d", n, exp.MinChecks))
	}
	for _, num := range exp.Numbers {
		out = append(out, numberProblems(texts, num)...)
	}
	return out
}

// numberProblems checks one measured number printed in texts.
func numberProblems(texts string, num number) []string {
	re, err := regexp.Compile(num.Regexp)
	if err != nil {
		return []string{fmt.Sprintf("bad regexp %q: %v", num.Regexp, err)}
	}
	m := re.FindStringSubmatch(texts)
	if m == nil || len(m) < 2 {
		return []string{fmt.Sprintf("no output matches %q", num.Regexp)}
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return []string{fmt.Sprintf("%q: %q is not a number", num.Regexp, m[1])}
	}
	if num.Max != nil && v > *num.Max {
		return []string{fmt.Sprintf("%q: measured %g, want at most %g", m[0], v, *num.Max)}
	}
	if num.Min != nil && v < *num.Min {
		return []string{fmt.Sprintf("%q: measured %g, want at least %g", m[0], v, *num.Min)}
	}
	return nil
}
