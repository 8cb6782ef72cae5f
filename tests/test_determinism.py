"""Two clean builds of the same content give byte-identical output trees."""

import json
import os
import shutil
import subprocess
import sys

from sitebuild import ROOT, SEED_REPORT, build_site, copy_content

sys.path.insert(0, str(ROOT / "scripts"))
import benchcorpus  # noqa: E402

SECOND = ROOT / "tests" / "data" / "site" / "tehran-2026-01-20.md"
TWO_PARTNER_SECTION = (ROOT / "tests" / "data" / "heldout"
                       / "tass-putin-china-visit-sco-tianjin-2025-09-03.md")


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path):
    first = copy_content(tmp_path / "a" / "content", {SECOND.name: SECOND.read_text("utf-8")})
    # The second copy is written in the opposite order, so the file system
    # lists it differently; the output must not care.
    second = tmp_path / "b" / "content" / "reports"
    second.mkdir(parents=True)
    shutil.copy(SECOND, second / SECOND.name)
    shutil.copy(SEED_REPORT, second / SEED_REPORT.name)
    if (first / "pages").is_dir():
        shutil.copytree(first / "pages", second.parent / "pages")
    one = tree(build_site(first, tmp_path / "a" / "output"))
    two = tree(build_site(second.parent, tmp_path / "b" / "output"))
    assert one.keys() == two.keys()
    different = [name for name in one if one[name] != two[name]]
    assert different == []


def build_in_process_with_hash_seed(content, output, seed: str, **settings) -> dict:
    """Build in a fresh interpreter whose string hashing uses ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed,
           "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("tests", "plugins"))}
    subprocess.run([sys.executable, "-c",
                    "import json, sys; from pathlib import Path; from sitebuild import build_site; "
                    "build_site(Path(sys.argv[1]), Path(sys.argv[2]), **json.loads(sys.argv[3]))",
                    str(content), str(output), json.dumps(settings)],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    return tree(output)


def test_builds_in_different_interpreters_are_byte_identical(tmp_path):
    # Set iteration order changes with the interpreter's hash seed: nothing
    # that reaches the output may depend on it. This report, its countries
    # found automatically, has a section about two partners.
    report = TWO_PARTNER_SECTION.read_text("utf-8")
    report = "".join(line for line in report.splitlines(keepends=True)
                     if not line.startswith("Countries:"))
    content = copy_content(tmp_path / "content", {TWO_PARTNER_SECTION.name: report})
    benchcorpus.write_reports(content / "reports", 20)
    one = build_in_process_with_hash_seed(content, tmp_path / "one", "1",
                                          BRIEFING_COUNTRIES=None)
    two = build_in_process_with_hash_seed(content, tmp_path / "two", "2",
                                          BRIEFING_COUNTRIES=None)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
