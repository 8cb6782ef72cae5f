"""The repository passes its linter and its type checker, as `invoke test` runs them."""

import subprocess
import sys

from sitebuild import ROOT


def _run(*command):
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff_passes():
    run = _run("ruff", "check", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_passes():
    # Configured in pyproject.toml: run without arguments, as `invoke test` does.
    run = _run("mypy")
    assert run.returncode == 0, run.stdout + run.stderr
