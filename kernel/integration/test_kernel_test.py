"""The stock jupyter_kernel_test suite, run against gokernel.

Every sample attribute KernelTests knows is filled in, so that no test is
skipped (run_all.py treats a skip as a failure). Cells import what they use,
so each sample also runs on its own in a fresh kernel.
"""

import unittest

import jupyter_kernel_test

DISPLAY = 'import "github.com/gokernel/gokernel/interp/display"\n'


class GoKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "gokernel"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'import "fmt"\nfmt.Println("hello, world")'

    code_stderr = 'import (\n\t"fmt"\n\t"os"\n)\nfmt.Fprintln(os.Stderr, "oops")'

    # The client replaces code[cursor_start:cursor_end] with a match; after a
    # selector, cursor_start is just past the dot, so matches are bare member
    # names (jedi's convention in ipykernel). The stock test compares the sets
    # exactly, and the package need not be imported yet.
    completion_samples = [
        {"text": "fmt.Prin", "matches": {"Print", "Printf", "Println"}},
        {"text": "strings.ToUp", "matches": {"ToUpper", "ToUpperSpecial"}},
        {"text": 'import "fmt"\nfmt.Sprintl', "matches": {"Sprintln"}},
        {"text": "var gopherCount int\ngopherCo", "matches": {"gopherCount"}},
    ]

    complete_code_samples = [
        'fmt.Println("hi")',
        "x := 1",
        "func f() int { return 1 }",
        'import "fmt"',
        "for i := 0; i < 3; i++ {\n}",
    ]
    incomplete_code_samples = [
        "for i := 0; i < 3; i++ {",
        "func f() {",
        "x := []int{1, 2,",
        "if x := 1; x > 0 {\n\tfmt.Println(x)",
    ]
    invalid_code_samples = [
        "}}",
        "x := )",
    ]

    # IPython's convention: a trailing "?" pages the documentation.
    code_page_something = "fmt.Println?"

    code_generate_error = 'panic("boom")'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": 'len("gopher")', "result": "6"},
    ]

    code_display_data = [
        {"code": DISPLAY + 'display.Show(display.HTML("<b>hi</b>"))', "mime": "text/html"},
        {"code": DISPLAY + 'display.Show(display.Markdown("*hi*"))', "mime": "text/markdown"},
    ]

    # A glob over the whole cell source (IPython's history search semantics);
    # "*" also matches itself, so this finds the "6*7" cell.
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "fmt.Println"

    code_clear_output = DISPLAY + "display.Clear(false)"


if __name__ == "__main__":
    unittest.main()
