"""Talks to a zmqnet.Transport the way Jupyter does, with pyzmq (libzmq) and
jupyter_client's Session for signing. Run by TestJupyterClientInterop.

Steps: heartbeat echo; a badly signed request (must be dropped); a
kernel_info_request on shell whose reply must verify; iopub status messages
(the Go side publishes until it hears from us again); a shutdown_request on
control whose reply must verify. Prints OK and exits 0 on success.
"""
import json
import sys

import zmq
from jupyter_client.session import Session

TIMEOUT_MS = 20000


def main(path):
    with open(path) as f:
        info = json.load(f)
    session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
    ctx = zmq.Context()

    def connect(kind, port):
        sock = ctx.socket(kind)
        sock.linger = 0
        if kind == zmq.DEALER:
            sock.identity = session.bsession  # as jupyter_client does
        sock.connect("tcp://%s:%d" % (info["ip"], port))
        return sock

    hb = connect(zmq.REQ, info["hb_port"])
    hb.send(b"ping from libzmq")
    if not hb.poll(TIMEOUT_MS):
        sys.exit("no heartbeat echo")
    echo = hb.recv()
    if echo != b"ping from libzmq":
        sys.exit("heartbeat echoed %r" % echo)

    shell = connect(zmq.DEALER, info["shell_port"])
    iopub = connect(zmq.SUB, info["iopub_port"])
    iopub.setsockopt(zmq.SUBSCRIBE, b"")

    bad = Session(key=b"not the key")
    bad.send(shell, "kernel_info_request", {"bad": True})
    session.send(shell, "kernel_info_request", {})
    if not shell.poll(TIMEOUT_MS):
        sys.exit("no kernel_info_reply")
    _, reply = session.recv(shell)  # verifies the signature, raises if bad
    if reply["msg_type"] != "kernel_info_reply" or reply["content"].get("status") != "ok":
        sys.exit("unexpected reply %r" % reply)

    if not iopub.poll(TIMEOUT_MS):
        sys.exit("no iopub message")
    idents, status = session.recv(iopub)
    if status["msg_type"] != "status" or status["content"]["execution_state"] != "idle":
        sys.exit("unexpected iopub message %r" % status)

    control = connect(zmq.DEALER, info["control_port"])
    session.send(control, "shutdown_request", {"restart": False})
    if not control.poll(TIMEOUT_MS):
        sys.exit("no shutdown_reply")
    _, reply = session.recv(control)
    if reply["msg_type"] != "shutdown_reply" or reply["parent_header"]["msg_type"] != "shutdown_request":
        sys.exit("unexpected reply %r" % reply)
    print("OK topic=%r" % idents[:1])


if __name__ == "__main__":
    main(sys.argv[1])
