"""A saved page's own metadata: headline, publication date, outlet, address.

Read from what news sites publish for search engines and social networks:
``og:*`` and ``article:*`` meta tags, ``<link rel="canonical">``, JSON-LD
(``NewsArticle`` and its kin), and the ``<!-- saved from url=... -->``
comment browsers write into saved pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                  "blogposting", "backgroundnewsarticle", "opinionnewsarticle",
                  "reviewnewsarticle", "liveblogposting", "webpage"}
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_DATE_META = ("article:published_time", "og:published_time", "datepublished",
              "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
              "dcterms.created", "sailthru.date", "parsely-pub-date")


@dataclass
class PageMeta:
    title: str = ""
    date: str = ""
    date_from: str = ""
    site: str = ""
    url: str = ""


def _objects(data) -> Iterator[dict]:
    """Yield every JSON-LD object in ``data`` (lists and ``@graph`` flattened)."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph", []))


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _text(value) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _web_address(value: str) -> str:
    return value if value.lower().startswith(("http://", "https://")) else ""


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(html: str):
    """Parse a page with lxml; an XHTML page's ``<?xml … encoding?>`` is dropped first.

    lxml refuses a decoded string that still declares an encoding, and the
    text here is decoded already.
    """
    return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))


def read_page_meta(html: str) -> PageMeta:
    """Return the page's own metadata (empty strings where it gives none)."""
    meta = PageMeta()
    try:
        tree = parse_html(html)
    except (ValueError, lxml.etree.ParserError):
        return meta
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or "").strip().lower()
        if key and key not in tags and element.get("content"):
            tags[key] = " ".join(element.get("content").split())
    canonical = ""
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split():
            canonical = _web_address((element.get("href") or "").strip())
            break
    article: dict = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _objects(data):
            if _types(obj) & _ARTICLE_TYPES and (obj.get("headline") or obj.get("datePublished")):
                article = obj
                break
        if article:
            break
    meta.title = (_text(article.get("headline")) or tags.get("og:title", "")
                  or tags.get("twitter:title", ""))
    if tags.get("article:published_time"):
        meta.date, meta.date_from = tags["article:published_time"], "article:published_time tag"
    elif _text(article.get("datePublished")):
        meta.date, meta.date_from = _text(article.get("datePublished")), "JSON-LD"
    else:
        for key in _DATE_META:
            if tags.get(key):
                meta.date, meta.date_from = tags[key], f"{key} meta tag"
                break
    if not meta.date:
        # A <time datetime> in the article's own markup ("Published <time …>").
        for element in tree.xpath("//article//time[@datetime] | //*[@itemprop='datePublished']"):
            value = element.get("datetime") or element.get("content") or ""
            if value.strip():
                meta.date, meta.date_from = value.strip(), "<time> element"
                break
    meta.site = tags.get("og:site_name", "") or _text(article.get("publisher"))
    saved = _SAVED_FROM.search(html[:2000])
    meta.url = (canonical or _web_address(tags.get("og:url", ""))
                or _web_address(_text(article.get("url")))
                or _web_address(_text(article.get("mainEntityOfPage")))
                or (_web_address(saved[1]) if saved else ""))
    return meta
