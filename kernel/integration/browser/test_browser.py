#!/usr/bin/python3
"""Browser test: the classic Jupyter Notebook runs a notebook on gokernel.

    /usr/bin/python3 kernel/integration/browser/test_browser.py [NOTEBOOK]

It starts Debian's classic Notebook server (notebook 6) on 127.0.0.1 with a
throwaway Jupyter data/config/runtime directory holding the gokernel
kernelspec, opens NOTEBOOK (default: browser_check.ipynb next to this file)
in headless Chromium through Selenium and chromedriver, clicks Cell → Run
All, and waits until every code cell has an execution count. It then checks
that the outputs rendered: text, an HTML element, an image (decoded by the
browser, naturalWidth > 0), an execute_result, and no error output anywhere.
A full-page screenshot is saved to $ARTIFACT_DIR/browser-notebook.png
(default: out/artifacts at the repository root), pass or fail; on failure the
server log is saved next to it.

Needs: the built binary (bin/gokernel, or $GOKERNEL_BIN), Go on PATH (cells
are type-checked with go list), and the Debian packages jupyter-notebook,
chromium, chromium-driver and python3-selenium (install/browser-deps.sh).
Every wait has a deadline ($BROWSER_RUN_TIMEOUT seconds for Run All,
default 300); the server, its kernels and the browser are stopped at the
end, pass or fail.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
BINARY = os.environ.get("GOKERNEL_BIN") or os.path.join(REPO, "bin", "gokernel")
NOTEBOOK = os.path.join(HERE, "browser_check.ipynb")
ARTIFACT_DIR = os.environ.get("ARTIFACT_DIR") or os.path.join(REPO, "out", "artifacts")
SCREENSHOT = "browser-notebook.png"
PYTHON = "/usr/bin/python3"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-dev-shm-usage",
                  "--window-size=1280,1024"]

SERVER_START_TIMEOUT = 60   # seconds until /api/status answers
KERNEL_READY_TIMEOUT = 120  # seconds until the page has an idle kernel
RUN_ALL_TIMEOUT = int(os.environ.get("BROWSER_RUN_TIMEOUT", "300"))  # seconds for Run All
POLL = 0.25                 # seconds between polls (each poll has a deadline)

# JavaScript run in the page. The classic Notebook exposes its model as the
# global Jupyter.notebook.
JS_KERNEL_IDLE = """
const nb = window.Jupyter && Jupyter.notebook;
return {
  ready: Boolean(nb && nb.kernel && nb.kernel.is_connected() &&
      document.querySelector('#kernel_indicator_icon.kernel_idle_icon')),
  dialog: Array.from(document.querySelectorAll('.modal.in .modal-body')).map(e => e.innerText).join('\\n'),
};
"""
# A cell's request is complete when its execute_reply (shell) and its idle
# status (iopub, which comes after all its outputs) have both arrived.
JS_CELL_STATE = """
const nb = Jupyter.notebook;
const cells = nb.get_cells().filter(c => c.cell_type === 'code');
const complete = c => {
  if (c.get_text().trim() === '') return true;  // empty cells are not sent
  const cb = c.last_msg_id && nb.kernel && nb.kernel._msg_callbacks[c.last_msg_id];
  return Boolean(cb && cb.shell_done && cb.iopub_done);
};
return {
  counts: cells.map(c => c.input_prompt_number === undefined ? null : c.input_prompt_number),
  complete: cells.every(complete),
  errors: document.querySelectorAll('.output_error').length,
  idle: Boolean(document.querySelector('#kernel_indicator_icon.kernel_idle_icon')),
  dead: Boolean(document.querySelector('#kernel_indicator_icon.kernel_dead_icon')),
  kernel: Jupyter.notebook.kernel ? Jupyter.notebook.kernel.name : null,
};
"""
JS_OUTPUTS = """
const q = s => Array.from(document.querySelectorAll(s));
return {
  stdout: q('.output_subarea.output_stdout').map(e => e.innerText),
  html: q('.output_subarea.output_html').map(e => ({
    text: e.innerText, elements: e.querySelectorAll('b, table, strong, em, div, span').length})),
  images: q('.output_subarea.output_png img, .output_subarea.output_svg svg, .output_subarea.output_svg img')
    .map(e => ({tag: e.tagName, width: e.naturalWidth !== undefined ? e.naturalWidth : e.getBBox().width,
                complete: e.complete !== undefined ? e.complete : true})),
  results: q('.output_subarea.output_result').map(e => e.innerText),
  errors: q('.output_subarea.output_error').map(e => e.innerText),
  dialogs: q('.modal.in .modal-body').map(e => e.innerText),
};
"""
# The notebook scrolls inside #site, under a fixed #header: the page is as
# tall as both.
JS_PAGE_HEIGHT = """
const header = document.querySelector('#header');
const site = document.querySelector('#site');
return (header ? header.offsetHeight : 0) + (site ? site.scrollHeight : document.body.scrollHeight);
"""


def free_port():
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, timeout, check):
    """Poll check() until it returns a true value (returned) or timeout
    seconds pass (AssertionError naming what)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(POLL)
    raise AssertionError("timed out after %ds waiting for %s (last: %r)" % (timeout, what, last))


class NotebookServer:
    """A classic Notebook server in its own process group, with its own
    Jupyter directories under tmp. stop() ends it and everything it
    started (kernels, their workers)."""

    def __init__(self, tmp, notebook_dir):
        self.port = free_port()
        self.token = os.urandom(16).hex()
        self.log_path = os.path.join(tmp, "server.log")
        env = dict(os.environ)
        for name in ("JUPYTER_PATH", "JUPYTER_PREFER_ENV_PATH"):
            env.pop(name, None)
        env.update(JUPYTER_DATA_DIR=os.path.join(tmp, "data"),
                   JUPYTER_CONFIG_DIR=os.path.join(tmp, "config"),
                   JUPYTER_RUNTIME_DIR=os.path.join(tmp, "runtime"),
                   IPYTHONDIR=os.path.join(tmp, "ipython"))
        self.env = env
        install = subprocess.run([BINARY, "install", "--user"], env=env,
                                 capture_output=True, text=True, timeout=60)
        if install.returncode != 0:
            raise AssertionError("gokernel install failed: %s" % install.stderr)
        args = [PYTHON, "-m", "notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=%d" % self.port, "--port-retries=0",
                "--NotebookApp.token=%s" % self.token,
                "--NotebookApp.password=",
                "--notebook-dir=%s" % notebook_dir]
        if os.geteuid() == 0:
            args.append("--allow-root")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        self.base = "http://127.0.0.1:%d" % self.port

    def api_status(self):
        """The /api/status reply, or None while the server is not up."""
        if self.proc.poll() is not None:
            raise AssertionError("notebook server exited with %s; log:\n%s"
                                 % (self.proc.returncode, self.read_log()))
        try:
            with urllib.request.urlopen("%s/api/status?token=%s" % (self.base, self.token),
                                        timeout=5) as r:
                return json.load(r)
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            return None

    def url(self, path):
        return "%s/%s?token=%s" % (self.base, path, self.token)

    def read_log(self):
        self.log.flush()
        with open(self.log_path) as f:
            return f.read()

    def stop(self):
        """SIGTERM the server (it shuts its kernels down), then SIGKILL
        whatever of its process group is left. Returns the number of
        seconds the graceful stop took, or None if it had to kill."""
        start = time.monotonic()
        graceful = True
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                graceful = False
        try:
            os.killpg(self.proc.pid, 0)
            print("browser test: processes of the notebook server outlived it; killing them",
                  file=sys.stderr)
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # the server shut its kernels down
        self.proc.wait(timeout=10)
        self.log.close()
        return time.monotonic() - start if graceful else None


def processes_using(path):
    """PIDs of processes (other than this one) whose command line or
    environment mentions path: the kernels (started in their own sessions,
    with JUPYTER_RUNTIME_DIR under path), their workers and Chromium (its
    profile is under path)."""
    pids = []
    needle = path.encode()
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        for name in ("cmdline", "environ"):
            try:
                with open("/proc/%s/%s" % (pid, name), "rb") as f:
                    if needle in f.read():
                        pids.append(int(pid))
                        break
            except OSError:  # gone, or not ours to read
                pass
    return pids


def kill_leftovers(path):
    """SIGKILL processes_using(path); warn when there were any."""
    pids = processes_using(path)
    if pids:
        print("browser test: processes outlived the test, killing them: %s" % pids, file=sys.stderr)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def start_browser(tmp):
    """Headless Chromium driven by chromedriver, with a throwaway profile."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument("--user-data-dir=%s" % os.path.join(tmp, "chromium"))
    service = Service(executable_path=CHROMEDRIVER,
                      log_path=os.path.join(tmp, "chromedriver.log"))
    return webdriver.Chrome(service=service, options=opts)


class TestBrowser(unittest.TestCase):
    notebook = NOTEBOOK

    def setUp(self):
        self.assertTrue(os.access(BINARY, os.X_OK), "build %s first (make build)" % BINARY)
        for path in (CHROMIUM, CHROMEDRIVER):
            self.assertTrue(os.access(path, os.X_OK), "%s missing: run install/browser-deps.sh" % path)
        self.tmp = tempfile.mkdtemp(prefix="gokernel-browser-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.addCleanup(kill_leftovers, self.tmp)  # runs after the stops below
        self.nbdir = os.path.join(self.tmp, "notebooks")
        os.makedirs(self.nbdir)
        self.name = os.path.basename(self.notebook)
        shutil.copy(self.notebook, os.path.join(self.nbdir, self.name))
        os.makedirs(ARTIFACT_DIR, exist_ok=True)

        self.server = NotebookServer(self.tmp, self.nbdir)
        self.addCleanup(self.stop_server)
        wait_for("the notebook server's /api/status", SERVER_START_TIMEOUT, self.server.api_status)

        self.driver = start_browser(self.tmp)
        self.addCleanup(self.driver.quit)  # runs before stop_server (LIFO)

    def stop_server(self):
        took = self.server.stop()
        if took is None:
            print("browser test: the notebook server ignored SIGTERM; killed", file=sys.stderr)

    def save_artifacts(self, failed):
        """Screenshot the whole notebook; on failure also keep the logs."""
        d = self.driver
        try:
            # Grow the window until the whole notebook fits (the layout
            # depends on the window height, so measure again after each).
            for _ in range(4):
                want = max(1024, min(int(d.execute_script(JS_PAGE_HEIGHT) or 0), 12000))
                if d.execute_script("return window.innerHeight") >= want:
                    break
                d.set_window_size(1280, want + 200)
            d.save_screenshot(os.path.join(ARTIFACT_DIR, SCREENSHOT))
        except Exception as e:  # the screenshot must never hide the real failure
            print("browser test: screenshot failed: %s" % e, file=sys.stderr)
        if failed:
            shutil.copy(self.server.log_path, os.path.join(ARTIFACT_DIR, "browser-server.log"))
            chromedriver_log = os.path.join(self.tmp, "chromedriver.log")
            if os.path.exists(chromedriver_log):
                shutil.copy(chromedriver_log, os.path.join(ARTIFACT_DIR, "browser-chromedriver.log"))

    def run_all(self):
        """Open the notebook, wait for its kernel, click Cell → Run All."""
        d = self.driver
        d.get(self.server.url("notebooks/" + self.name))
        def kernel_ready():
            s = d.execute_script(JS_KERNEL_IDLE)
            if s["dialog"]:  # "Kernel not found", "Kernel error", ...
                raise AssertionError("the notebook shows a dialog: %s" % s["dialog"])
            return s["ready"]
        wait_for("the page's kernel to be connected and idle", KERNEL_READY_TIMEOUT, kernel_ready)
        d.find_element(By.ID, "celllink").click()
        wait_for("the Cell menu", 10, lambda: d.find_element(By.ID, "run_all_cells").is_displayed())
        d.find_element(By.CSS_SELECTOR, "#run_all_cells > a").click()
        # Run All marks every code cell "*" as it queues it, before any reply.
        wait_for("Run All to queue the cells", 10, lambda: all(
            c is not None for c in d.execute_script(JS_CELL_STATE)["counts"]))

    def wait_done(self):
        """Wait until every cell's request is complete (reply and outputs in)
        and the kernel is idle. A failing cell makes the kernel abort the
        rest: once nothing is queued or running ("*") and an error shows,
        check() reports it without waiting out the timeout."""
        def done():
            s = self.driver.execute_script(JS_CELL_STATE)
            if s["dead"]:
                raise AssertionError("the kernel died; server log:\n" + self.server.read_log())
            settled = s["idle"] and all(c != "*" for c in s["counts"])
            return s if settled and (s["complete"] or s["errors"]) else None
        return wait_for("every code cell to finish", RUN_ALL_TIMEOUT, done)

    def test_run_all_renders_outputs(self):
        failed = True
        try:
            self.run_all()
            state = self.wait_done()
            out = self.driver.execute_script(JS_OUTPUTS)
            self.check(state, out)
            failed = False
        finally:
            self.save_artifacts(failed)

    def check(self, state, out):
        counts = state["counts"]
        self.assertEqual(state["kernel"], "gokernel", "the notebook ran on another kernel")
        self.assertTrue(counts, "the notebook has no code cells")
        self.assertEqual(out["errors"], [], "error outputs rendered")
        self.assertEqual(counts, list(range(1, len(counts) + 1)),
                         "execution counts are not 1..n in order")
        self.assertEqual(out["dialogs"], [], "a dialog is open")
        self.assertTrue(any(t.strip() for t in out["stdout"]), "no text (stdout) output: %r" % out)
        self.assertTrue(any(h["elements"] > 0 for h in out["html"]),
                        "no rendered HTML element in an output_html: %r" % out["html"])
        self.assertTrue(out["images"], "no image output")
        for img in out["images"]:
            self.assertTrue(img["complete"] and img["width"] > 0, "image not decoded: %r" % img)
        self.assertTrue(any(r.strip() for r in out["results"]), "no execute_result rendered")
        if os.path.realpath(self.notebook) == os.path.realpath(NOTEBOOK):
            # The check notebook's own outputs, exactly.
            self.assertIn("hello from gokernel", "".join(out["stdout"]))
            self.assertIn("bold HTML", " ".join(h["text"] for h in out["html"]))
            self.assertEqual([i["width"] for i in out["images"]], [640, 640],
                             "want the bar chart and the timeline, 640 pixels wide")
            self.assertEqual(out["results"][-1].strip(), "42")


def main():
    if len(sys.argv) > 1:
        TestBrowser.notebook = os.path.abspath(sys.argv.pop(1))
    suite = unittest.TestLoader().loadTestsFromTestCase(TestBrowser)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    print("browser test: screenshot in %s" % os.path.join(ARTIFACT_DIR, SCREENSHOT))
    ok = result.wasSuccessful() and not result.skipped and result.testsRun > 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
