"""Write a synthetic, reproducible corpus for `invoke bench`.

Two kinds of content, both drawn from the plugin's own data files (the
gazetteer's countries and the topic keyword map), so the synthetic text
exercises the same names, demonyms, capitals and topic words as real reports:

* **reports**: about 800 words each, a dateline lead from a host country and
  5 to 8 subsections, one per partner country listed on a `Countries:` line;
* **plain articles**: about 250 words, two country tags and a topic tag, the
  kind of page plain Pelican builds (the baseline the plugin is compared to).

A fixed seed makes every run write the same files, so runs compare.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "plugins" / "pelican" / "plugins" / "briefings" / "data"
FIRST_DAY = dt.date(2020, 1, 1)
SEED = 20251212

# The generator's grammar: sentence patterns filled from the data files.
# {P} partner name, {PD} partner demonym, {PC} partner capital, {H} host
# name, {HD} host demonym, {HC} host capital, {K}/{K2} topic keywords,
# {L} a leader's name, {O} another partner, named in passing.
LEAD_SENTENCES = [
    "{HD} President {L} opened talks with delegations from {partners} on the sidelines "
    "of the regional forum, saying cooperation on {K} and {K2} would define the year ahead.",
    "Officials said the meetings in {HC} were the busiest round of {HD} diplomacy since "
    "the spring, with agreements on {K} expected before the end of the session.",
    "The host government described the gathering as a test of whether neighbours could "
    "turn declarations into projects, pointing to stalled plans for {K}.",
]
SECTION_SENTENCES = [
    "{PD} officials told their {HD} counterparts that {P} was ready to expand "
    "cooperation on {K}, and proposed a joint working group on {K2}.",
    "President {L} and the {PD} delegation reviewed progress on {K}, noting that trade "
    "between the two countries had grown for a third consecutive year.",
    "{P} has sought closer ties with {H} on {K} since last year, and ministers agreed "
    "to meet again in {PC} before the summer.",
    "The two sides signed a memorandum on {K} and discussed financing for {K2}, "
    "according to a statement released after the meeting.",
    "Analysts in {PC} said the talks reflected {P}'s wish to diversify its partners, "
    "while keeping a careful distance from the dispute involving {O}.",
    "Both leaders called for a fair settlement of regional conflicts and said dialogue "
    "on {K} should continue at the level of deputy ministers.",
    "{PD} Foreign Minister {L} said {P} would host a follow-up round on {K2} and invited "
    "{HD} companies to take part in tenders for {K}.",
]
CLOSING_SENTENCES = [
    "The forum closes on Saturday with a joint declaration on {K} and {K2}.",
    "Delegations are due to reconvene in {HC} next year to review the commitments.",
]
HEADINGS = [
    "{H} and {P} discuss {K}",
    "{P} seeks deeper ties on {K}",
    "Talks with {P} turn to {K}",
    "{PD} delegation focuses on {K}",
]
GIVEN_NAMES = ["Amir", "Lena", "Tomas", "Sadia", "Kofi", "Mei", "Ravi", "Olga", "Diego",
               "Nadia", "Jonas", "Aylin", "Hugo", "Imani", "Farid", "Sofia"]
FAMILY_NAMES = ["Karimov", "Novak", "Mensah", "Tanaka", "Haddad", "Silva", "Okafor",
                "Lindqvist", "Rahimi", "Petrov", "Alvarez", "Nakamura", "Osei", "Farouk"]


def load_countries() -> list[dict]:
    """Return the gazetteer's countries that have a demonym and a capital."""
    data = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    return [c for c in data["countries"] if c.get("demonyms") and c.get("capitals")]


def load_topic_words() -> list[str]:
    """Return plain topic keywords (no wildcards, no acronyms) from topics.json."""
    data = json.loads((DATA / "topics.json").read_text(encoding="utf-8"))
    return sorted({k for key, words in data.items() if not key.startswith("_")
                   for k in words if not k.endswith("*") and not k.isupper()})


class CorpusWriter:
    """Fill the sentence patterns from the data files with one seeded RNG."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.countries = load_countries()
        self.topics = load_topic_words()

    def _leader(self) -> str:
        return f"{self.rng.choice(GIVEN_NAMES)} {self.rng.choice(FAMILY_NAMES)}"

    def _fill(self, pattern: str, host: dict, partner: dict | None = None,
              others: list[dict] = (), partners: str = "") -> str:
        partner = partner or host
        bystander = self.rng.choice(others) if others else host
        k, k2 = self.rng.sample(self.topics, 2)
        return pattern.format(
            P=partner["name"], PD=partner["demonyms"][0], PC=partner["capitals"][0],
            H=host["name"], HD=host["demonyms"][0], HC=host["capitals"][0],
            K=k, K2=k2, L=self._leader(), O=bystander["name"], partners=partners)

    def _paragraph(self, patterns: list[str], count: int, **fields) -> str:
        return " ".join(self._fill(p, **fields) for p in self.rng.sample(patterns, count))

    def report(self, index: int) -> tuple[str, str]:
        """Return (file name, Markdown) of report number ``index``."""
        host, *partners = self.rng.sample(self.countries, self.rng.randint(6, 9))
        day = FIRST_DAY + dt.timedelta(days=index)
        names = [p["name"] for p in partners]
        lead_partners = ", ".join(names[:-1]) + " and " + names[-1]
        lines = [
            f"Title: {host['demonyms'][0]} summit in {host['capitals'][0]} draws "
            f"{len(partners)} delegations ({index})",
            f"Date: {day.isoformat()} 09:00",
            "Countries: " + ", ".join(names),
            "",
            f"{host['capitals'][0].upper()} – "
            + self._paragraph(LEAD_SENTENCES, 2, host=host, partners=lead_partners),
            "",
            self._paragraph(LEAD_SENTENCES[1:], 2, host=host),
            "",
        ]
        for partner in partners:
            others = [p for p in partners if p is not partner]
            lines += ["## " + self._fill(self.rng.choice(HEADINGS), host, partner), ""]
            for _ in range(2):
                lines += [self._paragraph(SECTION_SENTENCES, 2, host=host, partner=partner,
                                          others=others), ""]
        lines.append(self._paragraph(CLOSING_SENTENCES, 2, host=host))
        slug = f"{host['capitals'][0]}-{day.isoformat()}-{index}".lower()
        return f"{_safe(slug)}.md", "\n".join(lines) + "\n"

    def plain_article(self, index: int) -> tuple[str, str]:
        """Return (file name, Markdown) of plain article number ``index``."""
        host, partner = self.rng.sample(self.countries, 2)
        day = FIRST_DAY + dt.timedelta(days=index // 7)
        topic = self.rng.choice(self.topics)
        body = [self._paragraph(SECTION_SENTENCES, 3, host=host, partner=partner)
                for _ in range(3)]
        lines = [
            f"Title: {partner['name']} and {host['name']} talk {topic} ({index})",
            f"Date: {day.isoformat()} 09:00",
            "Category: News",
            f"Tags: {host['name']}, {partner['name']}, {topic}",
            "",
            "\n\n".join(body),
        ]
        return f"article-{index:06d}.md", "\n".join(lines) + "\n"


def _safe(slug: str) -> str:
    # ASCII, as Pelican's slug of the file name is ("Asunción" -> "asuncion").
    slug = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode("ascii")
    return "".join(c if c.isalnum() or c == "-" else "-" for c in slug)


def write_reports(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write ``count`` reports into ``folder`` and return their paths."""
    return _write(folder, count, CorpusWriter(seed).report)


def write_plain_articles(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write ``count`` plain articles into ``folder`` and return their paths."""
    return _write(folder, count, CorpusWriter(seed).plain_article)


def _write(folder: Path, count: int, make) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = make(index)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
