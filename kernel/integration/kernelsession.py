"""A small synchronous driver for one gokernel process, used by test_client.py.

Every wait is bounded: methods take a timeout and raise AssertionError (so
unittest reports a failure, not a hang) when it runs out. Messages that
belong to other requests are skipped, never mistaken for ours.
"""

import os
import queue
import time

from jupyter_client.manager import KernelManager

KERNEL_NAME = "gokernel"
STARTUP_TIMEOUT = 60
TIMEOUT = 30


class Deadline:
    """The time left until a fixed point in the future."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self, what):
        left = self.end - time.monotonic()
        if left <= 0:
            raise AssertionError("timed out after %.0fs waiting for %s" % (self.seconds, what))
        return left


class Result:
    """The reply to one execute_request and the iopub messages it caused."""

    def __init__(self, msg_id, reply, iopub):
        self.msg_id = msg_id
        self.reply = reply
        self.content = reply["content"]
        self.status = self.content["status"]
        self.iopub = iopub
        self.outputs = [m for m in iopub if m["msg_type"] not in ("status", "execute_input")]

    def types(self):
        return [m["msg_type"] for m in self.iopub]

    def stream(self, name="stdout"):
        return "".join(
            m["content"]["text"]
            for m in self.outputs
            if m["msg_type"] == "stream" and m["content"]["name"] == name
        )

    def plain(self):
        """The text/plain of the execute_result, or None."""
        for m in self.outputs:
            if m["msg_type"] == "execute_result":
                return m["content"]["data"].get("text/plain")
        return None

    def error_text(self):
        """ename, evalue and traceback of the reply, as one string."""
        c = self.content
        return "\n".join([c.get("ename", ""), c.get("evalue", "")] + list(c.get("traceback") or []))

    def __repr__(self):
        return "Result(status=%r, reply=%r, iopub=%r)" % (self.status, self.content, self.types())


class KernelSession:
    """One running gokernel and a blocking client connected to it."""

    def __init__(self, kernel_name=KERNEL_NAME):
        self._stash = {}  # channel name -> messages received but not yet asked for
        self.km = KernelManager(kernel_name=kernel_name)
        self.km.start_kernel()
        try:
            self.connect()
        except Exception:
            self.km.shutdown_kernel(now=True)
            raise

    def connect(self):
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)

    def close(self):
        self.kc.stop_channels()
        if self.km.has_kernel:
            self.km.shutdown_kernel(now=False)

    @property
    def pid(self):
        """The process id of the kernel (the front)."""
        return self.km.provisioner.process.pid

    # ---- waiting for messages -------------------------------------------

    def _get(self, channel, what, deadline, match):
        """The first message from getter that matches. Messages that do not
        match are kept for later calls, never dropped: a test may wait for
        one reply while another request's reply arrives first."""
        getter = getattr(self.kc, "get_%s_msg" % channel)
        stash = self._stash.setdefault(channel, [])
        for i, msg in enumerate(stash):
            if match(msg):
                return stash.pop(i)
        while True:
            try:
                msg = getter(timeout=deadline.left(what))
            except queue.Empty:
                continue
            if match(msg):
                return msg
            stash.append(msg)

    def shell_reply(self, msg_id, timeout=TIMEOUT, what="shell reply"):
        return self._get("shell", what, Deadline(timeout),
                         lambda m: m["parent_header"].get("msg_id") == msg_id)

    def control_reply(self, msg_id, timeout=TIMEOUT, what="control reply"):
        return self._get("control", what, Deadline(timeout),
                         lambda m: m["parent_header"].get("msg_id") == msg_id)

    def input_request(self, msg_id, timeout=TIMEOUT):
        """The input_request sent on stdin on behalf of execute request msg_id."""
        return self._get("stdin", "input_request", Deadline(timeout),
                         lambda m: m["parent_header"].get("msg_id") == msg_id)

    def iopub_until_idle(self, msg_id, timeout=TIMEOUT):
        """All iopub messages whose parent is msg_id, through status idle."""
        got = []
        deadline = Deadline(timeout)
        while True:
            msg = self._get("iopub", "iopub idle", deadline,
                            lambda m: m["parent_header"].get("msg_id") == msg_id)
            got.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return got

    def iopub_until(self, msg_id, pred, timeout=TIMEOUT, what="iopub message"):
        """iopub messages of msg_id up to and including the first matching pred."""
        got = []
        deadline = Deadline(timeout)
        while True:
            msg = self._get("iopub", what, deadline,
                            lambda m: m["parent_header"].get("msg_id") == msg_id)
            got.append(msg)
            if pred(msg):
                return got

    def wait_for_stdout(self, msg_id, text, timeout=TIMEOUT):
        """Wait until the cell msg_id has printed text on stdout (on timeout,
        interrupt it so that later tests find an idle kernel)."""
        try:
            return self.iopub_until(
                msg_id,
                lambda m: m["msg_type"] == "stream" and text in m["content"]["text"],
                timeout, "stdout %r" % text)
        except AssertionError:
            self._unstick(msg_id)
            raise

    def healthy(self):
        """Whether the kernel runs a trivial cell within 10 seconds."""
        try:
            return self.execute("_ = 0", timeout=10).status == "ok"
        except AssertionError:
            return False

    def restart(self):
        """Restart the kernel process (a fresh front and worker)."""
        self.km.restart_kernel(now=True)
        self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        self.drain()

    # ---- requests ----------------------------------------------------------

    def execute(self, code, timeout=TIMEOUT, **kw):
        kw.setdefault("allow_stdin", False)
        msg_id = self.kc.execute(code, **kw)
        return self.collect(msg_id, timeout)

    def collect(self, msg_id, timeout=TIMEOUT, early=()):
        """The Result of execute request msg_id; early = iopub already read.
        When the reply does not come in time, the cell is interrupted (so
        that later tests find an idle kernel) and the timeout is reported."""
        try:
            reply = self.shell_reply(msg_id, timeout, "execute_reply")
        except AssertionError as timeout_error:
            self._unstick(msg_id)
            raise timeout_error
        if early and early[-1]["msg_type"] == "status" and early[-1]["content"]["execution_state"] == "idle":
            return Result(msg_id, reply, list(early))
        return Result(msg_id, reply, list(early) + self.iopub_until_idle(msg_id, timeout))

    def _unstick(self, msg_id):
        try:
            self.interrupt(timeout=5)
            self.shell_reply(msg_id, 10, "execute_reply after an interrupt")
        except AssertionError:
            pass

    def control_request(self, msg_type, content=None, timeout=TIMEOUT):
        msg = self.kc.session.msg(msg_type, content or {})
        self.kc.control_channel.send(msg)
        return self.control_reply(msg["header"]["msg_id"], timeout, msg_type + " reply")

    def interrupt(self, timeout=TIMEOUT):
        return self.control_request("interrupt_request", timeout=timeout)

    def kept(self, channel):
        """Messages received on channel while waiting for others, not yet
        asked for (see _get)."""
        return list(self._stash.get(channel, []))

    def drain(self):
        """Drop whatever is queued or kept on shell, iopub and stdin."""
        self._stash.clear()
        for get in (self.kc.get_shell_msg, self.kc.get_iopub_msg, self.kc.get_stdin_msg):
            while True:
                try:
                    get(timeout=0)
                except queue.Empty:
                    break


# ---- processes ---------------------------------------------------------------


def all_pids():
    """Every live process id (read from /proc)."""
    return [int(e) for e in os.listdir("/proc") if e.isdigit() and alive(int(e))]


def children(pid):
    """Process ids whose parent is pid (read from /proc)."""
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: split after the last ")"
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            kids.append(int(entry))
    return kids


def alive(pid):
    """Whether pid is a live process (a zombie counts as dead)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


def cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def wait_until(pred, timeout, what):
    """Poll pred every 20ms until it is true; fail after timeout seconds."""
    deadline = Deadline(timeout)
    while not pred():
        deadline.left(what)
        time.sleep(0.02)  # polling interval of a bounded wait, not synchronisation
