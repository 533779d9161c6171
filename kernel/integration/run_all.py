#!/usr/bin/python3
"""Run gokernel's integration suite and fail on any failure, error or skip.

    /usr/bin/python3 kernel/integration/run_all.py            # everything
    /usr/bin/python3 kernel/integration/run_all.py -k interrupt

The kernelspec "gokernel" must be installed where jupyter_client finds it
(`make integration` installs it into a throwaway JUPYTER_DATA_DIR). A skipped
test counts as a failure: every sample of the stock KernelTests is filled in,
so a skip means the suite silently stopped checking something.
"""

import argparse
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


class StrictResult(unittest.TextTestResult):
    """A result that is unsuccessful when anything was skipped."""

    def wasSuccessful(self):
        return (
            super().wasSuccessful()
            and not self.skipped
            and not self.expectedFailures
            and self.testsRun > 0
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", action="append", dest="patterns", default=None,
                        help="only run tests whose name contains this pattern (unittest -k)")
    parser.add_argument("-q", action="store_true", help="less output")
    args = parser.parse_args()

    sys.path.insert(0, HERE)
    loader = unittest.TestLoader()
    loader.testNamePatterns = ["*%s*" % p for p in args.patterns] if args.patterns else None
    suite = loader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    runner = unittest.TextTestRunner(verbosity=1 if args.q else 2, resultclass=StrictResult)
    result = runner.run(suite)
    if result.skipped:
        print("\nFAILED: %d skipped test(s); skips are failures here:" % len(result.skipped))
        for test, reason in result.skipped:
            print("  %s: %s" % (test, reason or "(no reason)"))
    if result.testsRun == 0:
        print("\nFAILED: no tests ran")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
