"""`invoke split FILE`: the explanation names the deciding rule of each paragraph."""

from pathlib import Path

from sitebuild import SEED_REPORT

from pelican.plugins.briefings.explain import explain

ROOT = Path(__file__).parent.parent


def test_explain_prints_the_deciding_rule_beside_each_paragraph():
    text = explain(str(SEED_REPORT), settings_file=str(ROOT / "pelicanconf.py"))
    table = text.split("Paragraph by paragraph")[1].splitlines()[1:]
    assert len(table) == 22  # one line per paragraph of the seed
    assert table[0].split()[:4] == ["¶1", "names_partners", "→", "Russia"]
    assert any(line.split()[1] == "topic_shift" and "nobody" in line for line in table)
    assert "[continues_meeting] continues the talks with it" in text
