"""The scrapers behind the dump styles (dumps.py): each turns a page's HTML into the text that scraper gives, with the
settings its users would use. Each imports or runs its tool only when called, so a missing one costs its style."""

from __future__ import annotations

import atexit
import contextlib
import json
import multiprocessing.util
import os
import re
import select
import shutil
import subprocess
import tempfile
import time

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
# lynx reads standard input through a temporary file and resolves relative links (and "#main") against it.
_LYNX_TEMP = re.compile(r"file://(?:localhost)?/\S*?/lynx\w+/(?:L\d+-\d+TMP\.html)?")


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
    """The first line of `name -version` (`--version` for chromium), or None when `name` is not installed."""
    path = shutil.which(name)
    if path is None:
        return None
    done = subprocess.run(
        [path, "--version" if name == "chromium" else "-version"], capture_output=True, timeout=TIMEOUT
    )
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "unknown"


def chromium(html: str) -> str:
    """A copy from a browser window: `document.body.innerText` of the page in headless Chromium, with its inline
    styles and scripts (every request is blocked, so no external stylesheet, image or script arrives).
    Hidden elements are left out, blocks on their own lines, table cells separated by tabs."""
    if not html.strip():
        return ""
    global _BROWSER
    if _BROWSER is None or not _BROWSER.alive():
        _BROWSER = Browser()
    try:
        return _BROWSER.inner_text(html)
    except Exception:
        _BROWSER.close()  # a browser that failed on a page is not trusted with the next one
        _BROWSER = None
        raise


class Browser:
    """One headless Chromium for many pages, driven over the DevTools protocol on a pipe (fds 3 and 4 of the
    browser, `--remote-debugging-pipe`): about a tenth of a second a page instead of a second to start a browser."""

    FLAGS = (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--blink-settings=imagesEnabled=false",
        "--remote-debugging-pipe",
    )

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="cleaner-chromium-")
        to_browser, self._send = os.pipe()
        self._receive, from_browser = os.pipe()

        def on_fds_3_and_4() -> None:  # in the child: the protocol's pipe ends where the browser looks for them
            import fcntl

            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        command = ["chromium", *self.FLAGS, f"--user-data-dir={self.profile}", "about:blank"]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # Python's own descriptors are not inheritable; only fds 3 and 4 are passed on
            preexec_fn=on_fds_3_and_4,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._count, self._buffer = 0, b""
        atexit.register(self.close)
        # A bench worker process ends without atexit (os._exit): multiprocessing runs its own finalizers then.
        multiprocessing.util.Finalize(self, self.close, exitpriority=10)
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", {}, self.session)  # for its dialogs
        self.call("Network.enable", {}, self.session)
        self.call("Network.setBlockedURLs", {"urls": ["*"]}, self.session)  # fail at once, never wait for a host
        self.frame = self.call("Page.getFrameTree", {}, self.session)["frameTree"]["frame"]["id"]

    def alive(self) -> bool:
        return self.process.poll() is None

    def _send_message(self, method: str, params: dict, session: str | None) -> int:
        self._count += 1
        message = {"id": self._count, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._send, json.dumps(message).encode() + b"\0")
        return self._count

    def call(self, method: str, params: dict, session: str | None = None) -> dict:
        ident = self._send_message(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            while b"\0" not in self._buffer:
                if not select.select([self._receive], [], [], max(0.0, deadline - time.monotonic()))[0]:
                    raise TimeoutError(f"chromium gave no answer to {method} in {TIMEOUT} s")
                chunk = os.read(self._receive, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed its pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("method") == "Page.javascriptDialogOpening":  # alert() waits for a click: give it one
                self._send_message("Page.handleJavaScriptDialog", {"accept": True}, answer.get("sessionId"))
            if answer.get("id") == ident:
                if "error" in answer:
                    raise RuntimeError(f"chromium: {method}: {answer['error']}")
                return answer["result"]

    def _evaluate(self, expression: str):
        found = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        return found["result"].get("value")

    def inner_text(self, html: str) -> str:
        self.call("Page.setDocumentContent", {"frameId": self.frame, "html": html}, self.session)
        deadline = time.monotonic() + TIMEOUT
        while self._evaluate("document.readyState") == "loading":  # the parser waits on blocked requests
            if time.monotonic() > deadline:
                raise TimeoutError(f"chromium still loading the page after {TIMEOUT} s")
            time.sleep(0.01)
        return self._evaluate("document.body ? document.body.innerText : ''") or ""

    def close(self) -> None:
        if self.alive():
            self.process.kill()
            self.process.wait(TIMEOUT)
        for fd in (self._send, self._receive):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


_BROWSER: Browser | None = None
