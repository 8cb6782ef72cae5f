"""Helpers for the import tests: run `invoke import`'s code, read the fixtures."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild import ROOT

from pelican.plugins.briefings.importer.cli import import_reports
from pelican.settings import read_settings

IMPORT_DATA = ROOT / "tests" / "data" / "import"
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


@dataclass
class Run:
    status: int
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)

    @property
    def output(self) -> str:
        return "\n".join(self.out)

    @property
    def errors(self) -> str:
        return "\n".join(self.err)


def run_import(files, dest: Path, **options) -> Run:
    run = Run(0)
    run.status = import_reports([str(f) for f in files], str(dest), SETTINGS,
                                out=run.out.append, err=run.err.append, **options)
    return run


def expected(name: str) -> dict:
    return json.loads((IMPORT_DATA / f"{name}.expected.json").read_text("utf-8"))


def written(dest: Path) -> list[Path]:
    return sorted(dest.rglob("*")) if dest.exists() else []


def body_text(page):
    """Return the report body's text, without the plugin's own links to briefings."""
    body = page.select_one(".report-body")
    for aside in body.select("aside"):
        aside.decompose()
    return body.get_text(" ")


def blocks_of(page):
    """Return [(kind, text)] of a built report page's body, in order."""
    body = page.select_one(".report-body")
    kinds = {"p": "paragraph", "h2": "heading", "li": "item"}
    out = []
    for element in body.find_all(["p", "h2", "li"]):
        if element.find_parent(["aside", "footer", "nav", "header"]):
            continue
        text = " ".join(element.get_text(" ").split())
        if element.name == "li" and element.find_parent("ol"):
            out.append(("numbered", text))
        else:
            out.append((kinds[element.name], text))
    return out


def assert_refused(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    """Import a file holding ``data``: one message naming it, exit 1, nothing written."""
    source = tmp_path / name
    source.write_bytes(data)
    run = run_import([source], tmp_path / "reports", date="2026-01-01")
    assert run.status == 1
    (message,) = run.err
    assert message.startswith(f"invoke import: {source}: ") and says in message
    assert written(tmp_path / "reports") == []
