#!/usr/bin/python3
"""Compare gokernel with ipykernel over the Jupyter protocol.

    make bench                         # installs the kernelspec into a temp dir, then runs this
    /usr/bin/python3 bench/kernel/bench.py [--rounds 200] [--json]

Both kernels are started by jupyter_client exactly as Jupyter starts them
(kernelspecs "gokernel" and "python3"), in the same run, one after the other.
Measured, per kernel (medians unless said otherwise):

  startup      spawn -> first kernel_info_reply           (--starts runs), once
               as jupyter_client does it and once with the client's ZMQ
               reconnect interval at 1 ms instead of 100 ms (see start())
  round trip   send -> execute_reply of a trivial cell     (--rounds runs)
  pipelined    50 executes sent at once; total / 50        (--batches runs)
  interrupt    interrupt -> execute_reply of a sleeping cell (--starts runs)
  restart      shutdown_request(restart) -> exit -> spawn -> kernel_info_reply
               (--starts runs; see restart() for why not restart_kernel)

Last, without any kernel: the floor that libzmq's reconnect puts under
"restart -> ready" for every kernel (see reconnect_floor()).

The table gives the ratio gokernel/ipykernel and the target for each row.
The exit status is 0 even when a target is missed: this is a measurement,
not a test.
"""

import argparse
import json
import queue
import statistics
import sys
import time

import zmq
from jupyter_client.manager import KernelManager

TIMEOUT = 60

KERNELS = {
    "gokernel": {
        "trivial": "1+1",
        "sleep": 'import (\n\t"fmt"\n\t"time"\n)\nfmt.Println("started")\ntime.Sleep(time.Hour)',
    },
    "python3": {
        "trivial": "1+1",
        "sleep": 'import time\nprint("started", flush=True)\ntime.sleep(3600)',
    },
}

# metric -> (label, target ratio gokernel/ipykernel)
METRICS = [
    ("startup", "spawn -> kernel_info_reply", 0.1),
    ("startup_fast_reconnect", "  same, client reconnect 1 ms", 0.1),
    ("round_trip", "trivial cell round trip", 0.2),
    ("pipelined", "pipelined execute, per cell", 0.2),
    ("interrupt", "interrupt -> reply", 1.0),
    ("restart", "restart -> ready", 0.1),
    ("restart_fast_reconnect", "  same, client reconnect 1 ms", 0.1),
]


def reply_to(get, msg_id, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while True:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError("no reply to %s within %ss" % (msg_id, timeout))
        try:
            msg = get(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_stdout(kc, msg_id, text, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while True:
        msg = reply_to(kc.get_iopub_msg, msg_id, end - time.monotonic())
        if msg["msg_type"] == "stream" and text in msg["content"]["text"]:
            return


def start(name, reconnect_ms=None):
    """Start kernel name; return (manager, client, seconds to first
    kernel_info_reply). reconnect_ms sets the client sockets' ZMQ_RECONNECT_IVL
    (libzmq's default is 100 ms: a client that connects before the kernel
    listens, as jupyter_client always does, retries only after that)."""
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    if reconnect_ms is not None:
        kc.context.setsockopt(zmq.RECONNECT_IVL, reconnect_ms)
    kc.start_channels()
    reply_to(kc.get_shell_msg, kc.kernel_info())
    return km, kc, time.perf_counter() - t0


def interrupt(km, kc, msg_id, tries=3):
    """Interrupt the running cell msg_id and return its execute_reply. An
    interrupt that is lost (seen now and then with ipykernel's SIGINT) is
    repeated after 10 s; the measurement then shows it."""
    for attempt in range(tries):
        km.interrupt_kernel()
        try:
            return reply_to(kc.get_shell_msg, msg_id, timeout=10)
        except TimeoutError:
            print("bench: interrupt %d of cell %s lost, repeating" % (attempt + 1, msg_id),
                  file=sys.stderr)
    raise TimeoutError("cell %s survived %d interrupts" % (msg_id, tries))


def restart(km):
    """Restart the kernel as KernelManager.restart_kernel does (shutdown_request
    with restart=True, wait for the exit, start again on the same ports), but
    wait for the exit with Popen.wait instead of restart_kernel's 100 ms
    polling, which would put the same floor under both kernels."""
    km.request_shutdown(restart=True)
    km.provisioner.process.wait(timeout=TIMEOUT)
    km.finish_shutdown(restart=True)
    km.cleanup_resources(restart=True)
    km.start_kernel()


def settle(kc):
    """Drain the iopub channel until it has been quiet for 0.2s."""
    while True:
        try:
            kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            return


def bench_kernel(name, args):
    code = KERNELS[name]
    out = {}
    startups = []
    for _ in range(args.starts):
        km, kc, dt = start(name)
        startups.append(dt)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    out["startup"] = statistics.median(startups)
    startups = []
    for _ in range(args.starts):
        km, kc, dt = start(name, reconnect_ms=1)
        startups.append(dt)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    out["startup_fast_reconnect"] = statistics.median(startups)

    km, kc, _ = start(name)
    try:
        for _ in range(5):  # warm up
            reply_to(kc.get_shell_msg, kc.execute(code["trivial"]))
        trips = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            reply_to(kc.get_shell_msg, kc.execute(code["trivial"]))
            trips.append(time.perf_counter() - t0)
        out["round_trip"] = statistics.median(trips)

        batches = []
        for _ in range(args.batches):
            t0 = time.perf_counter()
            ids = [kc.execute(code["trivial"]) for _ in range(50)]
            for msg_id in ids:
                reply_to(kc.get_shell_msg, msg_id)
            batches.append((time.perf_counter() - t0) / 50)
        out["pipelined"] = statistics.median(batches)

        interrupts = []
        for _ in range(args.starts):
            settle(kc)
            msg_id = kc.execute(code["sleep"])
            wait_stdout(kc, msg_id, "started")
            t0 = time.perf_counter()
            reply = interrupt(km, kc, msg_id)
            interrupts.append(time.perf_counter() - t0)
            if reply["content"]["status"] != "error":
                raise RuntimeError("%s: interrupted cell replied %r" % (name, reply["content"]))
        out["interrupt"] = statistics.median(interrupts)

        out["restart"] = measure_restarts(km, kc, args.starts)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km, kc, _ = start(name, reconnect_ms=1)
    try:
        out["restart_fast_reconnect"] = measure_restarts(km, kc, args.starts)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return out


def measure_restarts(km, kc, n):
    """Median seconds from restart to the new kernel's kernel_info_reply."""
    restarts = []
    for _ in range(n):
        settle(kc)
        t0 = time.perf_counter()
        restart(km)
        reply_to(kc.get_shell_msg, kc.kernel_info())
        restarts.append(time.perf_counter() - t0)
    return statistics.median(restarts)


def reconnect_floor(n=7, reconnect_ms=None):
    """Median seconds a client socket needs to reach a server that went away
    and came back at once on the same port, as a restarted kernel does, with
    no kernel involved: a pyzmq DEALER connected to a ROUTER; the ROUTER is
    closed, and as soon as the DEALER has seen the disconnect a new ROUTER
    binds the port and the DEALER sends; the time until the new ROUTER has
    the message is measured. With libzmq's default ZMQ_RECONNECT_IVL (100 ms,
    plus a random 0-100 ms on each attempt) this is the least that any
    kernel's restart -> ready can take through jupyter_client."""
    from zmq.utils.monitor import recv_monitor_message
    ctx = zmq.Context()
    socks = []

    def sock(kind):
        s = ctx.socket(kind)
        s.setsockopt(zmq.LINGER, 0)
        socks.append(s)
        return s
    try:
        router = sock(zmq.ROUTER)
        port = router.bind_to_random_port("tcp://127.0.0.1")
        dealer = sock(zmq.DEALER)
        if reconnect_ms is not None:
            dealer.setsockopt(zmq.RECONNECT_IVL, reconnect_ms)
        mon = dealer.get_monitor_socket(zmq.EVENT_DISCONNECTED)
        socks.append(mon)
        dealer.connect("tcp://127.0.0.1:%d" % port)
        dealer.send(b"hello")
        router.recv_multipart()
        times = []
        for _ in range(n):
            router.close()
            if not mon.poll(TIMEOUT * 1000):
                raise TimeoutError("reconnect floor: the client saw no disconnect")
            recv_monitor_message(mon)
            t0 = time.perf_counter()
            router = sock(zmq.ROUTER)
            for _ in range(2000):  # libzmq releases the old socket's port asynchronously
                try:
                    router.bind("tcp://127.0.0.1:%d" % port)
                    break
                except zmq.ZMQError:
                    time.sleep(0.0005)
            dealer.send(b"again")
            if not router.poll(TIMEOUT * 1000):
                raise TimeoutError("reconnect floor: no message after %d s" % TIMEOUT)
            router.recv_multipart()
            times.append(time.perf_counter() - t0)
        return statistics.median(times)
    finally:
        for s in socks:
            s.close(0)
        ctx.term()


def fmt_time(s):
    return "%.1f ms" % (s * 1e3) if s >= 1e-3 else "%.0f µs" % (s * 1e6)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=200, help="trivial round trips (default 200)")
    p.add_argument("--batches", type=int, default=5, help="pipelined batches of 50 (default 5)")
    p.add_argument("--starts", type=int, default=5,
                   help="startups, interrupts and restarts each (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--only", choices=sorted(KERNELS), help="measure one kernel, no ratios")
    args = p.parse_args()

    if args.only:
        res = bench_kernel(args.only, args)
        for key, label, _ in METRICS:
            print("%-30s %12s" % (label, fmt_time(res[key])))
        return 0
    res = {name: bench_kernel(name, args) for name in ("gokernel", "python3")}
    rows = []
    for key, label, target in METRICS:
        go, py = res["gokernel"][key], res["python3"][key]
        ratio = go / py
        rows.append((label, go, py, ratio, target))
    if args.json:
        json.dump({"gokernel": res["gokernel"], "ipykernel": res["python3"],
                   "ratio": {k: r[3] for k, r in zip((m[0] for m in METRICS), rows)}},
                  sys.stdout, indent=2)
        print()
        return 0
    print("%-30s %12s %12s %8s %8s" % ("", "gokernel", "ipykernel", "ratio", "target"))
    for label, go, py, ratio, target in rows:
        mark = "ok" if ratio <= target else "MISSED"
        print("%-30s %12s %12s %7.3fx %7s  %s" % (label, fmt_time(go), fmt_time(py), ratio,
                                                  "<=%gx" % target, mark))
    floor, fast = reconnect_floor(), reconnect_floor(reconnect_ms=1)
    print("\nclient reconnect floor, no kernel (libzmq ZMQ_RECONNECT_IVL 100 ms): %s; with 1 ms: %s"
          % (fmt_time(floor), fmt_time(fast)))
    print("restart -> ready of any kernel through jupyter_client is at least the first; "
          "0.1x of ipykernel's restart is %s" % fmt_time(0.1 * res["python3"]["restart"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
