"""The teaching notebooks (notebooks/*.ipynb) executed by Debian's nbclient
against the installed gokernel kernelspec, the way Jupyter's "Run All" and
nbconvert --execute run them, and checked against notebooks/expectations.json
(the same expectations `go test ./notebooks` checks after `gokernel run`).

Every code cell must run without an error output and get an execution count;
the notebooks' own cells check their measured claims and fail loudly when a
measurement contradicts one. Run through run_all.py.
"""

import json
import os
import re
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.path.normpath(os.path.join(HERE, "..", "..", "notebooks"))
KERNEL_NAME = "gokernel"
CELL_TIMEOUT = 120
CHECK = "\u2713 "


def load_expectations():
    with open(os.path.join(NOTEBOOKS, "expectations.json"), encoding="utf-8") as f:
        return json.load(f)["notebooks"]


def joined(value):
    """nbformat's string-or-list-of-strings as one string."""
    if isinstance(value, list):
        return "".join(value)
    if isinstance(value, str):
        return value
    return json.dumps(value)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def texts(nb):
    """Stream text and the text/plain and text/markdown forms of all outputs.
    Consecutive stream outputs are joined as they are (nbclient does not
    merge them; gokernel run does); a cell or a rich output starts a line."""
    parts = []
    for c in code_cells(nb):
        for o in c.get("outputs", []):
            if o.get("output_type") == "stream":
                parts.append(joined(o.get("text", "")))
                continue
            data = o.get("data", {})
            parts += ["\n", joined(data.get("text/plain", "")), "\n",
                      joined(data.get("text/markdown", "")), "\n"]
        parts.append("\n")
    return "".join(parts)


def mime(nb, kind):
    """How many outputs carry MIME type kind, and their data joined."""
    found = [joined(o["data"][kind]) for c in code_cells(nb) for o in c.get("outputs", [])
             if kind in o.get("data", {})]
    return len(found), "".join(found)


def problems(nb, exp):
    """Everything wrong with an executed notebook (empty: nothing)."""
    out = []
    for i, c in enumerate(code_cells(nb), 1):
        if c.get("execution_count") is None:
            out.append("code cell %d has no execution count" % i)
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                out.append("code cell %d failed: %s: %s" % (i, o.get("ename"), o.get("evalue")))
    text = texts(nb)
    if "NOT confirmed" in text:
        out.append("a claim was not confirmed")
    out += ["no output contains %r" % w for w in exp.get("text", []) if w not in text]
    _, html = mime(nb, "text/html")
    out += ["no HTML output contains %r" % w for w in exp.get("html", []) if w not in html]
    pngs, _ = mime(nb, "image/png")
    if pngs < exp.get("min_png", 0):
        out.append("%d image/png outputs, want at least %d" % (pngs, exp["min_png"]))
    checks = text.count(CHECK)
    if checks < exp.get("min_checks", 0):
        out.append("%d confirmed checks, want at least %d" % (checks, exp["min_checks"]))
    for num in exp.get("numbers", []):
        m = re.search(num["regexp"], text)
        if not m:
            out.append("no output matches %r" % num["regexp"])
            continue
        v = float(m.group(1))
        if "max" in num and v > num["max"]:
            out.append("%r: measured %g, want at most %g" % (m.group(0), v, num["max"]))
        if "min" in num and v < num["min"]:
            out.append("%r: measured %g, want at least %g" % (m.group(0), v, num["min"]))
    return out


class TestProblems(unittest.TestCase):
    """The checker itself: it must notice what it is there to notice."""

    def notebook(self):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("x")
        cell.execution_count = 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=["ratio 0.50\n", CHECK + "ok\n"])]
        nb.cells = [nbformat.v4.new_markdown_cell("# t"), cell]
        return nb

    def test_good_notebook_passes(self):
        exp = {"text": ["ratio"], "min_checks": 1, "numbers": [{"regexp": r"ratio ([0-9.]+)", "max": 0.75}]}
        self.assertEqual(problems(self.notebook(), exp), [])

    def test_faults_are_found(self):
        nb = self.notebook()
        nb.cells[1].execution_count = None
        nb.cells[1].outputs.append(nbformat.v4.new_output("error", ename="panic", evalue="boom", traceback=[]))
        exp = {"text": ["absent"], "html": ["<table>"], "min_png": 1, "min_checks": 2,
               "numbers": [{"regexp": r"ratio ([0-9.]+)", "max": 0.25}]}
        found = "\n".join(problems(nb, exp))
        for want in ("no execution count", "failed: panic: boom", "'absent'", "<table>",
                     "image/png", "confirmed checks", "at most 0.25"):
            self.assertIn(want, found)


class TestNotebooks(unittest.TestCase):
    """Each notebook, run top to bottom by nbclient in a fresh kernel."""

    maxDiff = None

    def execute(self, name):
        path = os.path.join(NOTEBOOKS, name)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT,
                                resources={"metadata": {"path": NOTEBOOKS}})
        try:
            client.execute()
        except CellExecutionError as e:
            self.fail("%s: a cell failed:\n%s" % (name, e))
        return nb

    def check_notebook(self, name):
        exp = load_expectations()[name]
        nb = self.execute(name)
        found = problems(nb, exp)
        self.assertEqual(found, [], "%s:\n  %s" % (name, "\n  ".join(found)))

    def test_expectations_cover_every_notebook(self):
        files = sorted(f for f in os.listdir(NOTEBOOKS) if f.endswith(".ipynb"))
        self.assertTrue(files, "no notebooks in " + NOTEBOOKS)
        self.assertEqual(sorted(load_expectations()), files)


def _add_notebook_tests():
    """One test method per notebook, named after it (test_01_concurrency_models...)."""
    for name in load_expectations():
        method = "test_" + re.sub(r"\W", "_", name[:-len(".ipynb")])
        setattr(TestNotebooks, method, lambda self, name=name: self.check_notebook(name))


_add_notebook_tests()

if __name__ == "__main__":
    unittest.main()
