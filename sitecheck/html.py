"""HTML validity: the Nu HTML Checker (vnu.jar), run once over the whole tree."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .problem import Problem

REPO_ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One JVM checks the whole tree; generous, because a large site takes minutes.
VNU_TIMEOUT_SECONDS = 1800


def check_html(
    output_dir: str | Path, jar: Path = VNU_JAR, java: str | None = None
) -> list[Problem]:
    """Validate every HTML file under ``output_dir``; return vnu's errors."""
    java = java or shutil.which("java")
    if not java:
        return [
            Problem(
                "html",
                "checker missing",
                "",
                "cannot validate HTML: no `java` on PATH (install a Java 11+ "
                "runtime, e.g. `apt-get install default-jre-headless`)",
            )
        ]
    if not Path(jar).is_file():
        return [
            Problem(
                "html",
                "checker missing",
                "",
                f"cannot validate HTML: the Nu HTML Checker is not at {jar} "
                f"(run `npm ci` in {REPO_ROOT})",
            )
        ]
    root = Path(output_dir).resolve()
    command = [
        java,
        "-jar",
        str(jar),
        "--errors-only",
        "--format",
        "json",
        "--skip-non-html",
        str(root),
    ]
    try:
        run = subprocess.run(
            command, capture_output=True, text=True, timeout=VNU_TIMEOUT_SECONDS
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return [Problem("html", "checker failed", "", f"could not run vnu: {error}")]
    output = run.stderr or run.stdout
    try:
        # The JVM may print notes (JAVA_TOOL_OPTIONS...) before vnu's JSON.
        messages = json.loads(output[output.index("{") :])["messages"]
    except (ValueError, KeyError):
        return [
            Problem(
                "html",
                "checker failed",
                "",
                f"vnu exited {run.returncode} without a JSON report: "
                f"{output.strip()[:300]}",
            )
        ]
    return [
        _problem(root, message)
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]


def _problem(root: Path, message: dict) -> Problem:
    """Turn one vnu JSON message into a Problem on the file it names."""
    path = Path(unquote(urlsplit(message.get("url", "")).path))
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = str(path)
    text = message.get("message", "").strip()
    if message.get("extract"):
        text += f" (near {message['extract'].strip()[:60]!r})"
    kind = "invalid HTML" if message.get("type") == "error" else "checker failed"
    return Problem("html", kind, relative, text, message.get("lastLine"))
