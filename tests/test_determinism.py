"""Two clean builds of the same content give byte-identical output trees."""

import shutil

from sitebuild import SEED_REPORT, build_site, copy_content

SECOND = SEED_REPORT.parent.parent.parent / "tests" / "data" / "site" / "tehran-2026-01-20.md"


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
