"""The scrapers behind the dump styles (dumps.py): each turns a page's HTML into the text that scraper gives, with the
settings its users would use. Each imports or runs its tool only when called, so a missing one costs its style."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

TIMEOUT = 60  # seconds for one subprocess dump; a page that takes longer gives that style no text
_NON_TEXT = ("script", "style", "noscript", "template")


def html_text(html: str) -> str:
    """What html-text keeps of a page, laid out as a browser would (blocks on their own lines)."""
    import html_text

    return html_text.extract_text(html, guess_layout=True) if html.strip() else ""


def inscriptis(html: str) -> str:
    """What inscriptis keeps of a page (its own layout engine: tables as columns, indented lists)."""
    import inscriptis

    return inscriptis.get_text(html) if html.strip() else ""


def _soup(html: str):
    """The page as a naive scraper holds it: BeautifulSoup's own parser, the non-text elements taken out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(list(_NON_TEXT)):
        element.decompose()
    return soup


def bs4_lines(html: str) -> str:
    """`soup.get_text("\\n", strip=True)`: every text node on its own line, so a paragraph with a link or a bold
    word is cut at each inline tag, and no blank line anywhere."""
    return _soup(html).get_text("\n", strip=True) if html.strip() else ""


def bs4_glued(html: str) -> str:
    """`soup.get_text()` with its blank lines dropped (the usual recipe: strip each line, keep those left): text nodes
    joined with nothing, so a paragraph runs into the next where the markup had no white space between them
    ("documents.Two"), and lines fall where the page's source had line breaks."""
    if not html.strip():
        return ""
    lines = (line.strip() for line in _soup(html).get_text().splitlines())
    return "\n".join(line for line in lines if line)


def html2text_markdown(html: str) -> str:
    """html2text with its defaults: Markdown (`# Heading`, `  * [link](url)`, `![alt](src)`), wrapped at 78."""
    import html2text

    return html2text.html2text(html) if html.strip() else ""


def markdownify_markdown(html: str) -> str:
    """markdownify with ATX headings (`# Heading`), the page's `<title>` and every table and link as Markdown."""
    from markdownify import markdownify

    return markdownify(html, heading_style="ATX") if html.strip() else ""


def trafilatura_text(html: str) -> str:
    """trafilatura's own extraction as a user calls it, `trafilatura.extract(html)` (plain text, default settings,
    comments included): text that another extractor already cleaned."""
    import trafilatura

    return (trafilatura.extract(html) or "") if html.strip() else ""


# The declared charset, which lynx obeys over its command line: the dump is fed UTF-8, so it must say UTF-8.
_META_CHARSET = re.compile(r"(<meta\b[^>]*?charset\s*=\s*[\"']?)([\w.:-]+)", re.IGNORECASE)
# lynx reads standard input through a temporary file and resolves relative links against it.
_LYNX_TEMP = re.compile(r"file://(?:localhost)?/\S*?/lynx\w+/")


def _run(command: list[str], html: str) -> str:
    data = _META_CHARSET.sub(r"\g<1>utf-8", html).encode("utf-8", "replace")
    with tempfile.TemporaryDirectory(prefix="cleaner-dump-") as home:
        # A fresh HOME: w3m keeps history and cookies there, and nothing of the user's settings leaks in.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8", "TERM": "dumb"}
        done = subprocess.run(command, input=data, capture_output=True, env=env, cwd=home, timeout=TIMEOUT)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {done.returncode}: {done.stderr.decode('utf-8', 'replace')[:200]}")
    return done.stdout.decode("utf-8", "replace")


def lynx(html: str) -> str:
    """`lynx -dump` at 79 columns: hard-wrapped lines, `[12]` before each link, a numbered References list at the end,
    headings centred, table cells side by side."""
    if not html.strip():
        return ""
    command = ["lynx", "-dump", "-force_html", "-stdin", "-width=79", "-assume_charset=utf-8", "-display_charset=utf-8"]
    return _LYNX_TEMP.sub("file:///", _run(command, html))


def w3m(html: str) -> str:
    """`w3m -dump -T text/html -cols 80`: hard-wrapped lines, tables drawn in columns, `•` bullets, no link list."""
    if not html.strip():
        return ""
    return _run(["w3m", "-dump", "-T", "text/html", "-cols", "80", "-I", "UTF-8", "-O", "UTF-8"], html)


def binary_version(name: str) -> str | None:
    """The first line of `name -version` (lynx and w3m both answer it), or None when `name` is not installed."""
    path = shutil.which(name)
    if path is None:
        return None
    done = subprocess.run([path, "-version"], capture_output=True, timeout=TIMEOUT)
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "unknown"
