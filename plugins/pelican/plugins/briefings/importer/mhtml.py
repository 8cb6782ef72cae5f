"""Open a page saved as a single file (MHTML: Chrome's and Edge's ``.mhtml``).

MHTML is a MIME message: the page's HTML is its first ``text/html`` part,
quoted-printable or base64 encoded, in the charset its header names; the
address it was saved from is in the ``Snapshot-Content-Location`` or the
part's ``Content-Location`` header.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from .errors import ImportRefused


def html_of_mhtml(data: bytes, path: Path) -> tuple[str, str, str]:
    """Return ``(html, charset, saved-from address)`` of an MHTML file."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    address = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            payload = part.get_payload(decode=True)  # bytes for a text/html part
            html = payload.decode(charset) if isinstance(payload, bytes) else ""
        except (LookupError, UnicodeDecodeError):
            raise ImportRefused(f"{path}: its page is not valid {charset} text") from None
        address = address or str(part.get("Content-Location", "") or "")
        return html, charset, address
    raise ImportRefused(f"{path}: an MHTML file with no web page in it")
