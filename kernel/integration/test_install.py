"""`gokernel install` checked against jupyter_core and jupyter_client themselves:
the directory it picks is the one Jupyter computes, and Jupyter finds and
reads what it writes. Needs the built binary (bin/gokernel, or $GOKERNEL_BIN).
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get("GOKERNEL_BIN") or os.path.join(HERE, "..", "..", "bin", "gokernel")
PYTHON = "/usr/bin/python3"
TIMEOUT = 60
# Variables that steer Jupyter's paths; each test sets the ones it wants.
PATH_VARS = ("JUPYTER_DATA_DIR", "JUPYTER_PATH", "XDG_DATA_HOME", "JUPYTER_PREFER_ENV_PATH")


class TestInstall(unittest.TestCase):
    def setUp(self):
        self.assertTrue(os.access(BINARY, os.X_OK), "build %s first (make build)" % BINARY)
        self.binary = os.path.realpath(BINARY)
        self.tmp = tempfile.mkdtemp(prefix="gokernel-install-test-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if k not in PATH_VARS}
        env["HOME"] = os.path.join(self.tmp, "home")
        env.update(extra)
        return env

    def install(self, *args, env, binary=None):
        """Run `gokernel install args...`; return the kernelspec dir it reports."""
        p = subprocess.run([binary or self.binary, "install", *args], env=env,
                           capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0, "install %s failed: %s" % (args, p.stderr))
        prefix = "installed kernelspec gokernel in "
        self.assertTrue(p.stdout.startswith(prefix), p.stdout)
        return p.stdout[len(prefix):].strip()

    def jupyter(self, code, env):
        """Run Python code under Debian's python3 with env; return its stdout."""
        p = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True,
                           timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.strip()

    def found_by_jupyter(self, env):
        """The gokernel spec as jupyter_client's KernelSpecManager finds it."""
        out = self.jupyter(
            "import json\n"
            "from jupyter_client.kernelspec import KernelSpecManager\n"
            "ksm = KernelSpecManager()\n"
            "dirs = ksm.find_kernel_specs()\n"
            "spec = ksm.get_kernel_spec('gokernel')\n"
            "print(json.dumps({'dir': dirs['gokernel'], 'spec': spec.to_dict()}))", env)
        return json.loads(out)

    def check_spec(self, found, want_dir):
        self.assertEqual(os.path.realpath(found["dir"]), os.path.realpath(want_dir))
        spec = found["spec"]
        self.assertEqual(spec["argv"], [self.binary, "kernel", "--connection-file", "{connection_file}"])
        self.assertEqual(spec["display_name"], "Go (gokernel)")
        self.assertEqual(spec["language"], "go")
        self.assertEqual(spec["interrupt_mode"], "message")
        self.assertEqual(sorted(os.listdir(want_dir)), ["kernel.json", "logo-32x32.png", "logo-64x64.png"])
        for size in (32, 64):
            with open(os.path.join(want_dir, "logo-%dx%d.png" % (size, size)), "rb") as f:
                head = f.read(24)
            self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
            self.assertEqual((int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")),
                             (size, size))

    def user_data_dir(self, env):
        return self.jupyter("from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())", env)

    def test_user_follows_jupyter_core(self):
        cases = {
            "JUPYTER_DATA_DIR": {"JUPYTER_DATA_DIR": os.path.join(self.tmp, "jdd"),
                                 "XDG_DATA_HOME": os.path.join(self.tmp, "ignored")},
            "XDG_DATA_HOME": {"XDG_DATA_HOME": os.path.join(self.tmp, "xdg")},
            "home default": {},
        }
        for name, extra in cases.items():
            with self.subTest(name):
                env = self.env(**extra)
                want = os.path.join(self.user_data_dir(env), "kernels", "gokernel")
                self.assertEqual(self.install("--user", env=env), want)
                self.check_spec(self.found_by_jupyter(env), want)
        # no flag means --user
        env = self.env(JUPYTER_DATA_DIR=os.path.join(self.tmp, "noflag"))
        self.assertEqual(self.install(env=env), os.path.join(self.tmp, "noflag", "kernels", "gokernel"))

    def test_prefix(self):
        prefix = os.path.join(self.tmp, "prefix")
        env = self.env(JUPYTER_DATA_DIR=os.path.join(self.tmp, "empty"),
                       JUPYTER_PATH=os.path.join(prefix, "share", "jupyter"))
        want = os.path.join(prefix, "share", "jupyter", "kernels", "gokernel")
        self.assertEqual(self.install("--prefix", prefix, env=env), want)
        self.check_spec(self.found_by_jupyter(env), want)

    def test_sys_prefix_uses_the_python_running_jupyter(self):
        # A fake `jupyter` on PATH whose interpreter reports a temp sys.prefix.
        fake_prefix = os.path.join(self.tmp, "venv")
        bindir = os.path.join(self.tmp, "bin")
        os.makedirs(bindir)
        fake_python = os.path.join(bindir, "fakepython")
        with open(fake_python, "w") as f:
            f.write("#!/bin/sh\necho %s\n" % fake_prefix)
        with open(os.path.join(bindir, "jupyter"), "w") as f:
            f.write("#!%s\n" % fake_python)
        for p in ("fakepython", "jupyter"):
            os.chmod(os.path.join(bindir, p), 0o755)
        env = self.env(PATH=bindir + os.pathsep + os.environ["PATH"],
                       JUPYTER_PATH=os.path.join(fake_prefix, "share", "jupyter"))
        want = os.path.join(fake_prefix, "share", "jupyter", "kernels", "gokernel")
        self.assertEqual(self.install("--sys-prefix", env=env), want)
        self.check_spec(self.found_by_jupyter(env), want)

    def test_reinstall_replaces_and_resolves_symlinks(self):
        env = self.env(JUPYTER_DATA_DIR=os.path.join(self.tmp, "data"))
        kdir = self.install(env=env)
        with open(os.path.join(kdir, "stale.txt"), "w") as f:
            f.write("from an older install")
        link = os.path.join(self.tmp, "gk-link")
        os.symlink(self.binary, link)
        self.assertEqual(self.install("--user", env=env, binary=link), kdir)
        self.check_spec(self.found_by_jupyter(env), kdir)  # argv[0] is the real path, stale.txt gone
        self.assertEqual(os.listdir(os.path.dirname(kdir)), ["gokernel"])

    def test_bad_arguments(self):
        env = self.env(JUPYTER_DATA_DIR=os.path.join(self.tmp, "data"))
        for args in (["--user", "--prefix", "/x"], ["--bogus"], ["--prefix"]):
            with self.subTest(args=args):
                p = subprocess.run([self.binary, "install", *args], env=env, capture_output=True,
                                   text=True, timeout=TIMEOUT)
                self.assertEqual(p.returncode, 2, p)
                self.assertTrue(p.stderr.startswith("install: "), p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "data")))
        p = subprocess.run([self.binary, "install", "--help"], env=env, capture_output=True,
                           text=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0)
        for word in ("--user", "--sys-prefix", "--prefix DIR"):
            self.assertIn(word, p.stdout)


if __name__ == "__main__":
    unittest.main()
