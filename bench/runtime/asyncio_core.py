#!/usr/bin/python3
"""asyncio measurements matching runtime's core Go benchmarks.

Prints one line per measurement, "<name> <seconds> s", the best of REPEAT
runs; run.sh pairs the names with Go benchmarks (see pairs_core.txt).
Run with /usr/bin/python3.
"""
import asyncio
import time

REPEAT = 3


async def trivial():
    return 1


def gather_100k():
    async def main():
        return await asyncio.gather(*(trivial() for _ in range(100_000)))
    asyncio.run(main())


def sleep_10k():
    async def main():
        return await asyncio.gather(*(asyncio.sleep(0.1) for _ in range(10_000)))
    asyncio.run(main())


def best(fn):
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


if __name__ == "__main__":
    for name, fn in [("asyncio_gather_100k", gather_100k), ("asyncio_sleep_10k_100ms", sleep_10k)]:
        print(f"{name} {best(fn):.6f} s", flush=True)
