"""Every build is indexed for search: the invoke tasks and the Pages workflow run Pagefind."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture
def tasks(monkeypatch):
    """The tasks module with Pelican and subprocesses recorded, not run."""
    monkeypatch.chdir(ROOT)
    module = importlib.import_module("tasks")
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(module, "pelican_run", lambda cmd: calls.append(("pelican", cmd)))

    def run(command, **kwargs):
        calls.append(("run", command))
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(module, "calls", calls, raising=False)
    return module


def pagefind_runs(calls):
    return [c for kind, c in calls if kind == "run" and c[1:3] == ["-m", "pagefind"]]


@pytest.mark.parametrize("name", ["build", "rebuild", "preview"])
def test_the_build_tasks_index_the_site_after_pelican(tasks, name):
    getattr(tasks, name).body(None)
    kinds = [kind for kind, _ in tasks.calls]
    assert kinds == ["pelican", "run"], tasks.calls
    (command,) = pagefind_runs(tasks.calls)
    assert command[0] == sys.executable
    assert command[command.index("--site") + 1] == tasks.CONFIG["deploy_path"]


def test_gh_pages_indexes_before_checking_and_pushing(tasks, monkeypatch):
    order = []
    monkeypatch.setattr(tasks, "clean", lambda c: None)
    monkeypatch.setattr(tasks, "pelican_run", lambda cmd: order.append("pelican"))
    monkeypatch.setattr(tasks, "index_search", lambda output=None: order.append("index"))
    monkeypatch.setattr(tasks, "_site_passes_checks",
                        lambda *args: order.append("check") or True)
    fake = types.SimpleNamespace(GhpError=RuntimeError,
                                 ghp_import=lambda *a, **k: order.append("push"))
    monkeypatch.setitem(sys.modules, "ghp_import", fake)
    context = types.SimpleNamespace(
        run=lambda *a, **k: types.SimpleNamespace(stdout="abc123\n"))
    tasks.gh_pages.body(context)
    assert order == ["pelican", "index", "check", "push"]


def test_a_failed_index_stops_the_task_with_a_message(tasks, monkeypatch):
    monkeypatch.setattr(subprocess, "run",
                        lambda command, **kwargs: subprocess.CompletedProcess(command, 2))
    with pytest.raises(SystemExit, match="Pagefind could not index"):
        tasks.index_search("output")


def test_the_pages_workflow_indexes_between_build_and_check():
    names = re.findall(r"^\s*- name: (.+)$", WORKFLOW.read_text("utf-8"), re.M)
    assert names.index("Build") < names.index("Index for search") < names.index("Check")
    step = WORKFLOW.read_text("utf-8").split("- name: Index for search", 1)[1]
    assert re.search(r"run: python -m pagefind --site output\b", step.split("- name:")[0])
