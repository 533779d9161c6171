"""Python anchors for gokernel's runtime queue, executor and GIL benchmarks.

Run with /usr/bin/python3. Prints one "name value unit" line per metric
(the best of a few runs), paired with Go benchmarks in pairs_executor.txt:
  asyncio_queue1_10k     seconds to move 10k items through asyncio.Queue(maxsize=1)
  threadpool8_submit_1k  seconds to submit 1000 tasks to ThreadPoolExecutor(8) and get their results
  cpu_threads4_speedup   serial time / time of the same CPU work on 4 threads
The Go side is BenchmarkQueueBounded1, BenchmarkExecutorSubmitResult and
BenchmarkCPUSpeedup in runtime/.
"""
import asyncio
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

MASK = (1 << 64) - 1


def mix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def cpu_work(n):
    """The same hash chain as runtime.CPUWork."""
    x = n
    for i in range(n):
        x = mix64((x + i) & MASK)
    return x


async def queue_items_per_s(n):
    q = asyncio.Queue(maxsize=1)

    async def producer():
        for i in range(n):
            await q.put(i)

    async def consumer():
        for _ in range(n):
            await q.get()

    start = time.perf_counter()
    await asyncio.gather(producer(), consumer())
    return n / (time.perf_counter() - start)


def submit_result_us(n, batch=1000):
    with ThreadPoolExecutor(8) as ex:
        start = time.perf_counter()
        for _ in range(n // batch):
            futs = [ex.submit(int) for _ in range(batch)]
            for f in futs:
                f.result()
        return (time.perf_counter() - start) / n * 1e6


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def on_threads(total):
    threads = [threading.Thread(target=cpu_work, args=(total // 4,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def cpu_speedup(total, rounds=3):
    """Best serial time over best 4-thread time, rounds interleaved."""
    serial = threaded = float("inf")
    for _ in range(rounds):
        serial = min(serial, timed(lambda: cpu_work(total)))
        threaded = min(threaded, timed(lambda: on_threads(total)))
    return serial / threaded


def main():
    queue = max(asyncio.run(queue_items_per_s(100_000)) for _ in range(3))
    print(f"asyncio_queue1_10k {10_000 / queue:.6f} s")
    print(f"# asyncio.Queue(maxsize=1): {queue:.0f} items/s")
    submit = min(submit_result_us(20_000) for _ in range(3))
    print(f"threadpool8_submit_1k {submit * 1000 / 1e6:.6f} s")
    print(f"# ThreadPoolExecutor(8) submit+result: {submit:.2f} us/task")
    print(f"cpu_threads4_speedup {cpu_speedup(200_000):.2f} x")
    print(f"# python {sys.version.split()[0]}, GIL enabled: {getattr(sys, '_is_gil_enabled', lambda: True)()}")


if __name__ == "__main__":
    main()
