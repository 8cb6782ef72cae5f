"""Show an editor how a report will be split, without building the site.

``invoke split content/reports/x.md`` prints, per country, the paragraphs it
takes and the words that decided it. It reads the file with Pelican's own
Markdown reader and the site's settings, so it splits exactly as a build does.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from .core.attribution import Splitter
from .core.gazetteer import Gazetteer
from .core.partners import report_partners
from .core.pipeline import SplitInputs, parse_and_split
from .readers import clean_read
from .settings import BriefingsConfig, SettingsError


class ReportError(ValueError):
    """A report ``invoke split`` cannot read; the message names the file and the problem."""


def read_report(path: str, settings) -> tuple[str, dict]:
    """Read a report as a build does (cleaned, NFC), or raise ReportError saying why not."""
    if os.path.isdir(path):
        raise ReportError(f"{path}: is a folder; give one report file")
    try:
        content, metadata = MarkdownReader(settings).read(path)
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise ReportError(f"{path}: is not valid UTF-8 (byte 0x{error.object[error.start]:02x}"
                          f" at position {error.start}); save it as UTF-8") from None
    except (OSError, ValueError) as error:
        raise ReportError(f"{path}: cannot be read ({error})") from None
    return clean_read(path, content, metadata)


def explain(path: str, settings_file: str = "pelicanconf.py", automatic: bool = False) -> str:
    """Return a readable account of how the report at ``path`` splits."""
    settings = read_settings(settings_file)
    gazetteer = Gazetteer.default()
    try:
        config = BriefingsConfig.from_settings(settings, gazetteer)
    except SettingsError as error:
        raise ReportError(f"{settings_file}: " + "; ".join(error.problems)) from None
    content, metadata = read_report(path, settings)
    title = str(metadata.get("title", Path(path).stem))
    raw = None if automatic else metadata.get("countries")
    default = None if automatic else config.countries
    partners = report_partners(raw, default, gazetteer, path)
    if automatic:
        source = "found automatically (--automatic)"
    elif raw is not None:
        source = "from the report's Countries: line"
    elif default is not None:
        source = "from the site's BRIEFING_COUNTRIES"
    else:
        source = "found automatically (BRIEFING_COUNTRIES = None)"
    splitter = Splitter(gazetteer, aliases=config.aliases)
    parsed, split = parse_and_split(SplitInputs(content, title, partners, config.context),
                                    splitter)
    if split is None:
        return f"{path}: {title}\nThe report has no paragraphs: no briefings."
    numbers = {b.index: n + 1 for n, b in enumerate(parsed.paragraphs)}
    name = lambda code: gazetteer.get(code).name  # noqa: E731

    lines = [f"{path}: {title}",
             f"Countries ({source}): " + (", ".join(map(name, split.partners)) or "none"),
             "Home country (no briefing unless listed): "
             + (name(split.home) if split.home else "unclear")]
    if split.aliases:
        lines.append("Names read as countries: " + ", ".join(
            f"{form} → {name(code)}" for form, code in sorted(split.aliases.items())))
    for code in split.partners:
        taken = split.paragraphs_for(code)
        lines.append("")
        lines.append(f"{name(code)}: {len(taken)} paragraph(s)")
        for p in taken:
            role = "primary" if code in p.primary else "context"
            quote = textwrap.shorten(p.block.text, 70, placeholder="…")
            lines.append(f"  ¶{numbers[p.block.index]:<3} {role:8} [{p.rule}] "
                         f"{p.reasons.get(code, '')}")
            lines.append(f"        “{quote}”")
    unused = [numbers[p.block.index] for p in split.paragraphs if not p.countries]
    lines.append("")
    lines.append("In no briefing: " + (", ".join(f"¶{n}" for n in unused) or "none"))
    lines.append("")
    lines.append("Paragraph by paragraph (the rule that decided it → its countries):")
    for p in split.paragraphs:
        given = [name(c) for c in split.partners if c in p.primary]
        given += [f"{name(c)} (context)" for c in split.partners if c in p.context]
        quote = textwrap.shorten(p.block.text, 50, placeholder="…")
        lines.append(f"  ¶{numbers[p.block.index]:<3} {p.rule:20} → "
                     f"{', '.join(given) or 'nobody'}   “{quote}”")
    return "\n".join(lines)
