"""gokernel driven through jupyter_client: interrupts, worker deaths, stdin,
malformed messages, silent and stop_on_error, control, history, restart and
process cleanup.

Every wait has a deadline (kernelsession.TIMEOUT unless a test says more);
nothing sleeps to synchronise. Run through run_all.py.
"""

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

from kernelsession import (
    TIMEOUT,
    KernelSession,
    alive,
    all_pids,
    children,
    cmdline,
    wait_until,
)

INPUT = 'import "github.com/gokernel/gokernel/interp/input"\n'
FMT = 'import "fmt"\n'

_names = itertools.count(1)


def fresh_name(prefix):
    """A Go identifier not used by any other test in this run."""
    return "%s%d" % (prefix, next(_names))


class SharedKernel(unittest.TestCase):
    """Tests that share one kernel; each leaves it idle and usable."""

    @classmethod
    def setUpClass(cls):
        cls.k = KernelSession()

    @classmethod
    def tearDownClass(cls):
        cls.k.close()

    def setUp(self):
        # A test that fails may leave the kernel unusable; restart it then,
        # so that one failure does not fail every later test of the class.
        self.k.drain()
        if not self.k.healthy():
            self.k.restart()

    def assertOK(self, res):
        self.assertEqual(res.status, "ok", res)

    def assertWorks(self):
        """The kernel still runs cells: printing 20+22 gives 42. (Printing,
        not a final expression, so that this does not depend on
        execute_result, which has tests of its own.)"""
        res = self.k.execute(FMT + "fmt.Println(20 + 22)")
        self.assertOK(res)
        self.assertEqual(res.stream("stdout"), "42\n", res)


class TestInterrupt(SharedKernel):
    """interrupt_request on control stops the running cell promptly."""

    def check_interrupt(self, code):
        msg_id = self.k.kc.execute(FMT + 'fmt.Println("started")\n' + code, allow_stdin=False)
        early = self.k.wait_for_stdout(msg_id, "started")
        reply = self.k.interrupt()
        self.assertEqual(reply["msg_type"], "interrupt_reply")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        res = self.k.collect(msg_id, early=early)
        self.assertEqual(res.status, "error", res)
        self.assertIn("interrupt", res.content["ename"].lower(), res)
        self.assertIsInstance(res.content["traceback"], list)
        self.assertIn("error", res.types(), res)
        self.assertWorks()

    def test_busy_loop(self):
        self.check_interrupt("for {\n}")

    def test_sleep(self):
        self.check_interrupt('import "time"\ntime.Sleep(time.Hour)')

    def test_empty_select(self):
        self.check_interrupt("select {}")

    def test_blocked_receive(self):
        self.check_interrupt("ch := make(chan int)\n<-ch")

    def test_blocked_host_call(self):
        # A compiled call blocked forever (a second Lock of a sync.Mutex) cannot
        # be cancelled inside the worker; DESIGN.md: after a grace period the
        # front kills and restarts the worker, and says so. Either way the
        # next cell must run.
        self.check_interrupt('import "sync"\nvar mu sync.Mutex\nmu.Lock()\nmu.Lock()')

    def test_subprocess_is_killed(self):
        marker = "3599.%d" % next(_names)
        self.check_interrupt('import "os/exec"\nexec.Command("sleep", "%s").Run()' % marker)
        wait_until(lambda: not any(cmdline(p) == "sleep " + marker for p in all_pids()), 10,
                   "the cell's `sleep %s` child process to be killed" % marker)

    def test_interrupt_when_idle(self):
        reply = self.k.interrupt()
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertWorks()


class TestWorkerDeath(SharedKernel):
    """What no recover can catch kills only the worker: the running cell gets
    an error naming the cause and saying the session state was reset, and the
    next cell runs in a fresh worker without restarting the kernel."""

    def check_death(self, code, causes, timeout=TIMEOUT, must_reset=True):
        marker = fresh_name("survivor")
        self.assertOK(self.k.execute("%s := 41" % marker))
        res = self.k.execute(code, timeout=timeout)
        self.assertEqual(res.status, "error", res)
        text = res.error_text()
        self.assertTrue(any(c.lower() in text.lower() for c in causes),
                        "error does not name the cause (%s): %s" % (" or ".join(causes), text))
        self.assertIn("error", res.types(), res)
        after = self.k.execute(FMT + "fmt.Println(%s + 1)" % marker)
        if must_reset:
            self.assertEqual(after.status, "error",
                             "state survived a worker death?! %r" % after)
        if after.status == "error":
            self.assertIn("reset", text.lower(), "state was lost but the error does not say so: " + text)
        else:
            self.assertEqual(after.stream("stdout"), "42\n", after)
        self.assertWorks()

    def test_goroutine_panic(self):
        # A `go` statement's panic may be recovered by the kernel's tracked
        # spawn (the worker survives) or kill the worker; either way the cell
        # fails and says so.
        self.check_death(
            "done := make(chan bool)\ngo func() { panic(\"gopher-x\") }()\n<-done",
            ["gopher-x"], must_reset=False)

    def test_panic_in_host_goroutine(self):
        # time.AfterFunc runs the closure on a goroutine the kernel did not
        # start, so nothing can recover its panic: the worker dies.
        self.check_death(
            'import "time"\ntime.AfterFunc(time.Millisecond, func() { panic("late-boom") })\nselect {}',
            ["late-boom"])

    def test_concurrent_map_writes(self):
        code = (
            "m := map[int]int{}\n"
            "for g := 0; g < 4; g++ {\n"
            "\tgo func() {\n"
            "\t\tfor i := 0; ; i++ {\n"
            "\t\t\tm[i%64] = i\n"
            "\t\t}\n"
            "\t}()\n"
            "}\n"
            "select {}\n"
        )
        self.check_death(code, ["concurrent map"], timeout=120)

    def test_stack_overflow(self):
        name = fresh_name("recurse")
        code = "func %s(n int) int { return %s(n+1) + 1 }\n%s(0)" % (name, name, name)
        self.check_death(code, ["stack overflow", "stack exceeds", "stack size"], timeout=180)

    def test_os_exit(self):
        self.check_death('import "os"\nos.Exit(3)', ["exit"], must_reset=False)


class TestStdin(SharedKernel):
    def test_input_line(self):
        code = INPUT + FMT + (
            'name, err := input.Line("name? ")\n'
            "if err != nil {\n\tpanic(err)\n}\n"
            'fmt.Println("hello " + name)'
        )
        msg_id = self.k.kc.execute(code, allow_stdin=True)
        req = self.k.input_request(msg_id)
        self.assertEqual(req["msg_type"], "input_request")
        self.assertEqual(req["content"]["prompt"], "name? ")
        self.assertFalse(req["content"]["password"])
        self.k.kc.input("gopher")
        res = self.k.collect(msg_id)
        self.assertOK(res)
        self.assertIn("hello gopher", res.stream("stdout"))

    def test_password(self):
        code = INPUT + FMT + (
            'pw, err := input.Password("secret? ")\n'
            "if err != nil {\n\tpanic(err)\n}\n"
            'fmt.Println("length", len(pw))'
        )
        msg_id = self.k.kc.execute(code, allow_stdin=True)
        req = self.k.input_request(msg_id)
        self.assertEqual(req["msg_type"], "input_request")
        self.assertEqual(req["content"]["prompt"], "secret? ")
        self.assertIs(req["content"]["password"], True)
        self.k.kc.input("hunter2")
        res = self.k.collect(msg_id)
        self.assertOK(res)
        self.assertIn("length 7", res.stream("stdout"))
        self.assertNotIn("hunter2", res.stream("stdout"))

    def test_stdin_not_allowed_fails_fast(self):
        code = INPUT + 'name, err := input.Line("name? ")\nif err != nil {\n\tpanic(err)\n}\n_ = name'
        res = self.k.execute(code, allow_stdin=False, timeout=10)
        self.assertEqual(res.status, "error", res)
        self.assertIn("stdin", res.error_text().lower(), res)
        self.assertWorks()


class TestExecuteOptions(SharedKernel):
    def test_silent(self):
        before = self.k.execute("_ = 1")
        self.assertOK(before)
        res = self.k.execute(FMT + 'fmt.Println("quiet")\n6*7', silent=True)
        self.assertOK(res)
        self.assertNotIn("execute_input", res.types(), res)
        self.assertNotIn("execute_result", res.types(), res)
        after = self.k.execute("_ = 2")
        self.assertOK(after)
        self.assertEqual(after.content["execution_count"], before.content["execution_count"] + 1)

    def test_stop_on_error_aborts_queued_cells(self):
        kc = self.k.kc
        # The first cell fails only once the test creates `release`, after
        # the kernel has surely read the queued requests: the front answers
        # the kernel_info_request sent behind them first.
        release = os.path.join(tempfile.mkdtemp(prefix="gokernel-test-"), "release")
        self.addCleanup(shutil.rmtree, os.path.dirname(release))
        wait = fresh_name("waitForRelease")
        first = kc.execute(
            'import (\n\t"os"\n\t"time"\n)\n'
            "func %s(path string) {\n"
            "\tfor {\n\t\tif _, err := os.Stat(path); err == nil {\n\t\t\treturn\n\t\t}\n"
            "\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n"
            "%s(%s)\n"
            'panic("first fails")' % (wait, wait, json.dumps(release)),
            stop_on_error=True, allow_stdin=False)
        queued = [kc.execute(FMT + 'fmt.Println("must not run %d")' % i, allow_stdin=False)
                  for i in range(2)]
        self.k.shell_reply(kc.kernel_info(), what="kernel_info_reply while a cell runs")
        open(release, "w").close()
        res = self.k.collect(first)
        self.assertEqual(res.status, "error", res)
        self.assertIn("first fails", res.error_text())
        for msg_id in queued:
            reply = self.k.shell_reply(msg_id)
            self.assertIn(reply["content"]["status"], ("aborted", "abort"),
                          "queued cell not aborted after %r: %r" % (res.content.get("evalue"), reply["content"]))
        # Queued cells produced no output: the iopub messages of the next cell
        # come after theirs, and whatever came for them is kept.
        self.assertWorks()
        leaked = [m for m in self.k.kept("iopub")
                  if m["parent_header"].get("msg_id") in queued and m["msg_type"] in ("stream", "execute_input")]
        self.assertEqual(leaked, [], "aborted cells ran")

    def test_no_stop_on_error_runs_queued_cells(self):
        kc = self.k.kc
        first = kc.execute('panic("first fails")', stop_on_error=False, allow_stdin=False)
        second = kc.execute(FMT + 'fmt.Println("second runs")', allow_stdin=False)
        self.assertEqual(self.k.collect(first).status, "error")
        res = self.k.collect(second)
        self.assertOK(res)
        self.assertIn("second runs", res.stream("stdout"))

    def test_execution_count_and_input(self):
        res = self.k.execute("3")
        self.assertOK(res)
        inputs = [m for m in res.iopub if m["msg_type"] == "execute_input"]
        self.assertEqual(len(inputs), 1, res)
        self.assertEqual(inputs[0]["content"]["code"], "3")
        self.assertEqual(inputs[0]["content"]["execution_count"], res.content["execution_count"])
        results = [m for m in res.iopub if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["execution_count"], res.content["execution_count"])

    def test_error_reply_shape(self):
        res = self.k.execute("undefinedThing + 1")
        self.assertEqual(res.status, "error", res)
        for key in ("ename", "evalue", "traceback"):
            self.assertIn(key, res.content)
        self.assertIsInstance(res.content["traceback"], list)
        self.assertIn("undefinedThing", res.error_text())

    def test_state_persists_between_cells(self):
        name = fresh_name("kept")
        self.assertOK(self.k.execute("%s := 40" % name))
        self.assertOK(self.k.execute("%s += 2" % name))
        self.assertEqual(self.k.execute(FMT + "fmt.Println(%s)" % name).stream("stdout"), "42\n")


class TestChannels(SharedKernel):
    def test_kernel_info_busy_idle(self):
        msg_id = self.k.kc.kernel_info()
        reply = self.k.shell_reply(msg_id)
        self.assertEqual(reply["msg_type"], "kernel_info_reply")
        states = [m["content"]["execution_state"]
                  for m in self.k.iopub_until_idle(msg_id) if m["msg_type"] == "status"]
        self.assertEqual(states, ["busy", "idle"])
        info = reply["content"]
        self.assertEqual(info["status"], "ok")
        self.assertEqual(info["language_info"]["name"], "go")
        major, minor = (int(x) for x in info["protocol_version"].split(".")[:2])
        self.assertGreaterEqual((major, minor), (5, 3))

    def test_kernel_info_on_control(self):
        reply = self.k.control_request("kernel_info_request")
        self.assertEqual(reply["msg_type"], "kernel_info_reply")
        self.assertEqual(reply["content"]["language_info"]["name"], "go")

    def test_comm_info(self):
        for target in (None, "jupyter.widget"):
            msg_id = self.k.kc.comm_info(target)
            reply = self.k.shell_reply(msg_id)
            self.assertEqual(reply["msg_type"], "comm_info_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertIsInstance(reply["content"]["comms"], dict)

    def test_is_complete_reply(self):
        msg_id = self.k.kc.is_complete("func f() {")
        reply = self.k.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "incomplete")
        self.assertIsInstance(reply["content"].get("indent"), str)

    def test_front_answers_while_cell_runs(self):
        """kernel_info (control), complete, is_complete and inspect (shell)
        are answered while a cell is running, as DESIGN.md promises."""
        msg_id = self.k.kc.execute(FMT + 'fmt.Println("started")\nselect {}', allow_stdin=False)
        early = self.k.wait_for_stdout(msg_id, "started")
        try:
            info = self.k.control_request("kernel_info_request", timeout=10)
            self.assertEqual(info["msg_type"], "kernel_info_reply")
            comp = self.k.shell_reply(self.k.kc.complete("fmt.Prin"), timeout=10)
            self.assertIn("Println", comp["content"]["matches"])
            isc = self.k.shell_reply(self.k.kc.is_complete("x := 1"), timeout=10)
            self.assertEqual(isc["content"]["status"], "complete")
            ins = self.k.shell_reply(self.k.kc.inspect("fmt.Println"), timeout=10)
            self.assertIs(ins["content"]["found"], True, ins["content"])
        finally:
            self.k.interrupt()
            self.k.collect(msg_id, early=early)

    def test_completion_of_cell_names(self):
        name = fresh_name("gopherValue")
        self.assertOK(self.k.execute("%s := 1" % name))
        code = name[:-1]
        reply = self.k.shell_reply(self.k.kc.complete(code, len(code)))
        self.assertIn(name, reply["content"]["matches"])
        self.assertEqual(reply["content"]["cursor_start"], 0)
        self.assertEqual(reply["content"]["cursor_end"], len(code))


DISPLAY = 'import "github.com/gokernel/gokernel/interp/display"\n'


class TestOutputs(SharedKernel):
    def test_display_handle_update(self):
        h = fresh_name("handle")
        shown = self.k.execute(DISPLAY + '%s := display.NewHandle()\n%s.Show(display.HTML("<i>v1</i>"))' % (h, h))
        self.assertOK(shown)
        displays = [m for m in shown.outputs if m["msg_type"] == "display_data"]
        self.assertEqual(len(displays), 1, shown)
        display_id = displays[0]["content"].get("transient", {}).get("display_id")
        self.assertTrue(display_id, displays[0]["content"])
        self.assertEqual(displays[0]["content"]["data"]["text/html"], "<i>v1</i>")
        updated = self.k.execute('%s.Update(display.HTML("<i>v2</i>"))' % h)
        self.assertOK(updated)
        updates = [m for m in updated.outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(updates), 1, updated)
        self.assertEqual(updates[0]["content"]["transient"]["display_id"], display_id)
        self.assertEqual(updates[0]["content"]["data"]["text/html"], "<i>v2</i>")

    def test_rich_execute_result(self):
        res = self.k.execute(DISPLAY + 'display.HTML("<b>rich</b>")')
        self.assertOK(res)
        results = [m for m in res.outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, res)
        self.assertEqual(results[0]["content"]["data"].get("text/html"), "<b>rich</b>")
        self.assertIn("text/plain", results[0]["content"]["data"])

    def test_late_goroutine_output_goes_to_its_cell(self):
        ch = fresh_name("lateCh")
        start = self.k.execute(FMT + '%s := make(chan bool)\ngo func() {\n\t<-%s\n\tfmt.Println("late line")\n}()' % (ch, ch))
        self.assertOK(start)
        self.assertNotIn("late line", start.stream("stdout"))
        release = self.k.execute("%s <- true" % ch)
        self.assertOK(release)
        if "late line" in release.stream("stdout"):
            self.fail("late output was published under the releasing cell, not the cell that started the goroutine")
        late = self.k.wait_for_stdout(start.msg_id, "late line")
        self.assertEqual(late[-1]["parent_header"]["msg_id"], start.msg_id)


class TestHeartbeat(SharedKernel):
    def ping(self, payload):
        import zmq

        info = self.k.km.get_connection_info()
        ctx = zmq.Context()
        sock = ctx.socket(zmq.REQ)
        sock.linger = 0
        try:
            sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info["hb_port"]))
            sock.send(payload)
            if not sock.poll(10000):
                self.fail("no heartbeat echo within 10 s")
            return sock.recv()
        finally:
            sock.close()
            ctx.term()

    def test_heartbeat_echoes(self):
        self.assertEqual(self.ping(b"ping-1"), b"ping-1")

    def test_heartbeat_while_cell_runs(self):
        msg_id = self.k.kc.execute(FMT + 'fmt.Println("started")\nfor {\n}', allow_stdin=False)
        early = self.k.wait_for_stdout(msg_id, "started")
        try:
            self.assertEqual(self.ping(b"busy-ping"), b"busy-ping")
        finally:
            self.k.interrupt()
            self.k.collect(msg_id, early=early)


class TestHistory(SharedKernel):
    def test_tail_skips_unstored_cells(self):
        stored = "%s := 1" % fresh_name("stored")
        unstored = "%s := 2" % fresh_name("unstored")
        self.assertOK(self.k.execute(stored))
        self.assertOK(self.k.execute(unstored, store_history=False))
        msg_id = self.k.kc.history(hist_access_type="tail", n=5, output=False, raw=True)
        history = self.k.shell_reply(msg_id)["content"]["history"]
        sources = [h[2] for h in history]
        self.assertIn(stored, sources)
        self.assertNotIn(unstored, sources)
        self.assertEqual(sources[-1], stored)


class TestMalformedMessages(SharedKernel):
    """Bad input on the shell socket is dropped without a reply, and the
    kernel keeps answering."""

    def setUp(self):
        super().setUp()
        import zmq

        info = self.k.km.get_connection_info()
        self.key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.DEALER)
        self.sock.linger = 0
        self.info = info
        self.zmq = zmq
        self.connect("shell_port")

    def connect(self, port_name):
        info = self.info
        self.sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info[port_name]))

    def tearDown(self):
        self.sock.close()
        self.ctx.term()

    def sign(self, parts):
        import hmac
        import hashlib

        h = hmac.new(self.key, digestmod=hashlib.sha256)
        for p in parts:
            h.update(p)
        return h.hexdigest().encode()

    def frames(self, msg_type, msg_id, header=None, content=b"{}", signature=None):
        import json
        import datetime

        if header is None:
            header = json.dumps({
                "msg_id": msg_id, "msg_type": msg_type, "session": "raw-test",
                "username": "test", "version": "5.3",
                "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            }).encode()
        parts = [header, b"{}", b"{}", content]
        sig = self.sign(parts) if signature is None else signature
        return [b"<IDS|MSG>", sig] + parts

    def receive_until_reply_to(self, msg_id, timeout=TIMEOUT):
        """Everything received on the raw socket up to the reply to msg_id."""
        import json

        got = []
        poller = self.zmq.Poller()
        poller.register(self.sock, self.zmq.POLLIN)
        from kernelsession import Deadline

        deadline = Deadline(timeout)
        while True:
            if not poller.poll(int(deadline.left("raw reply to %s" % msg_id) * 1000)):
                continue
            frames = self.sock.recv_multipart()
            i = frames.index(b"<IDS|MSG>")
            parent = json.loads(frames[i + 3])
            got.append((json.loads(frames[i + 2]), parent))
            if parent.get("msg_id") == msg_id:
                return got

    def test_valid_raw_message_is_answered(self):
        # Without this, "no reply" below could mean our framing is wrong.
        self.sock.send_multipart(self.frames("kernel_info_request", "raw-ok"))
        got = self.receive_until_reply_to("raw-ok")
        self.assertEqual(got[-1][0]["msg_type"], "kernel_info_reply")

    def test_bad_messages_get_no_reply(self):
        self.check_bad_messages()

    def test_bad_messages_on_control_get_no_reply(self):
        self.sock.close()
        self.sock = self.ctx.socket(self.zmq.DEALER)
        self.sock.linger = 0
        self.connect("control_port")
        self.check_bad_messages()

    def check_bad_messages(self):
        bad = {
            "bad-signature": self.frames("kernel_info_request", "bad-signature", signature=b"0" * 64),
            "no-signature": self.frames("kernel_info_request", "no-signature", signature=b""),
            "no-delimiter": self.frames("kernel_info_request", "no-delimiter")[1:],
            "invalid-json": self.frames("kernel_info_request", "invalid-json",
                                        header=b'{"msg_id": "invalid-json", "msg_type": '),
            "missing-header-fields": self.frames("kernel_info_request", "missing-header-fields",
                                                 header=b'{"msg_type": "kernel_info_request"}'),
            "header-not-object": self.frames("kernel_info_request", "header-not-object",
                                             header=b'["kernel_info_request"]'),
            "content-not-object": self.frames("execute_request", "content-not-object",
                                              content=b'"1+1"'),
            "truncated": self.frames("kernel_info_request", "truncated")[:3],
            "garbage": [b"\x00\xff\xfe", b"\x80garbage", b""],
            "empty-frame": [b""],
        }
        for frames in bad.values():
            self.sock.send_multipart(frames)
        self.sock.send_multipart(self.frames("bogus_request", "unknown-type"))
        self.sock.send_multipart(self.frames("kernel_info_request", "after-bad"))
        got = self.receive_until_reply_to("after-bad")
        for header, parent in got[:-1]:
            pid = parent.get("msg_id")
            self.assertNotIn(pid, bad, "kernel replied to malformed message %r: %r" % (pid, header))
            self.assertEqual(pid, "unknown-type", "unexpected reply %r" % header)
        self.assertEqual(got[-1][0]["msg_type"], "kernel_info_reply")
        self.assertWorks()


class TestLifecycle(unittest.TestCase):
    """Each test starts its own kernel, because each ends one."""

    def setUp(self):
        self.k = KernelSession()

    def tearDown(self):
        self.k.close()

    def worker_pids(self):
        """The kernel's worker processes (children running `gokernel worker`)."""
        return [p for p in children(self.k.pid) if " worker" in " " + cmdline(p)]

    def running_worker(self):
        res = self.k.execute("_ = 1")
        self.assertEqual(res.status, "ok", res)
        workers = self.worker_pids()
        self.assertEqual(len(workers), 1,
                         "want one worker child of the kernel, have %r" %
                         [(p, cmdline(p)) for p in children(self.k.pid)])
        return workers[0]

    def test_restart_resets_state(self):
        name = fresh_name("beforeRestart")
        self.assertEqual(self.k.execute("%s := 1" % name).status, "ok")
        old_worker = self.running_worker()
        self.k.km.restart_kernel(now=False)
        self.k.kc.wait_for_ready(timeout=60)
        wait_until(lambda: not alive(old_worker), 10, "old worker %d to exit" % old_worker)
        res = self.k.execute("_ = " + name)
        self.assertEqual(res.status, "error", res)
        self.assertIn(name, res.error_text())
        res = self.k.execute("_ = 1")
        self.assertEqual(res.status, "ok", res)
        self.assertEqual(res.content["execution_count"], 2)

    def test_shutdown_ends_kernel_and_worker(self):
        worker = self.running_worker()
        front = self.k.pid
        msg_id = self.k.kc.shutdown()
        reply = self.k.control_reply(msg_id)
        self.assertEqual(reply["msg_type"], "shutdown_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIs(reply["content"]["restart"], False)
        wait_until(lambda: self.k.km.provisioner.process.poll() is not None, 10,
                   "kernel %d to exit" % front)
        self.assertEqual(self.k.km.provisioner.process.returncode, 0)
        wait_until(lambda: not alive(worker), 10, "worker %d to exit" % worker)

    def test_shutdown_while_cell_runs(self):
        worker = self.running_worker()
        msg_id = self.k.kc.execute(FMT + 'fmt.Println("started")\nfor {\n}', allow_stdin=False)
        self.k.wait_for_stdout(msg_id, "started")
        reply = self.k.control_reply(self.k.kc.shutdown())
        self.assertEqual(reply["content"]["status"], "ok")
        wait_until(lambda: self.k.km.provisioner.process.poll() is not None, 10,
                   "kernel to exit after shutdown_request during a running cell")
        wait_until(lambda: not alive(worker), 10, "worker %d to exit" % worker)

    def test_no_orphan_worker_after_kill_9(self):
        worker = self.running_worker()
        os.kill(self.k.pid, signal.SIGKILL)
        wait_until(lambda: not alive(worker), 10, "worker %d to exit after kill -9 of the kernel" % worker)

    def test_kernel_exits_when_its_launcher_dies(self):
        # ipykernel's ParentPollerUnix exits once the process that started it
        # is gone; a kernel left behind by a crashed notebook server or client
        # would otherwise run (with its worker) forever.
        launcher = subprocess.Popen(
            [sys.executable, "-c",
             "import sys, time\n"
             "from jupyter_client.manager import KernelManager\n"
             "km = KernelManager(kernel_name='gokernel')\n"
             "km.start_kernel()\n"
             "print(km.provisioner.process.pid, flush=True)\n"
             "sys.stdin.read()\n"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.addCleanup(launcher.wait, TIMEOUT)
        self.addCleanup(launcher.kill)
        line = []
        reader = threading.Thread(target=lambda: line.append(launcher.stdout.readline()))
        reader.start()
        reader.join(TIMEOUT)
        self.assertTrue(line and line[0].strip().isdigit(), "launcher did not report a kernel pid")
        kernel = int(line[0])
        self.addCleanup(lambda: alive(kernel) and os.kill(kernel, signal.SIGKILL))
        wait_until(lambda: alive(kernel), 10, "kernel %d to start" % kernel)
        launcher.kill()
        launcher.wait(TIMEOUT)
        wait_until(lambda: not alive(kernel), 15, "kernel %d to exit after its launcher died" % kernel)

    def test_worker_death_keeps_kernel_process(self):
        front = self.k.pid
        worker = self.running_worker()
        res = self.k.execute('import "os"\nos.Exit(3)')
        self.assertEqual(res.status, "error", res)
        self.assertTrue(alive(front))
        self.assertEqual(self.k.execute(FMT + "fmt.Println(2 + 2)").stream("stdout"), "4\n")
        if not alive(worker):
            self.assertEqual(len(self.worker_pids()), 1)


if __name__ == "__main__":
    unittest.main()
