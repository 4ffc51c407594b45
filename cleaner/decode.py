"""Bytes to text: BOM first, then a declared charset, then UTF-8, then detection; always NFC-normalised, and
mended where UTF-8 was read as cp1252 or Latin-1 somewhere upstream ("FuÃŸball" for "Fußball"). A declared
charset counts only when browsers accept its label, and detection answers only with an encoding browsers use
(encodings.py)."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from itertools import islice

from .encodings import codec_for_label, codec_for_python_name

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.I)
# Control characters other than tab/newline/carriage return: their share tells binary from text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The input is not text (binary, or undecodable in any plausible encoding)."""


def declared_charset(data: bytes) -> str | None:
    """The codec of the charset an HTML page declares in a <meta> tag within its first 4 KB, if browsers accept
    its label (a UTF-16 label there means UTF-8: the page was readable as ASCII)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return codec_for_label(match.group(1).decode("ascii", "ignore"), in_meta=True)


# windows-1252 as browsers decode it: the five bytes cp1252 leaves undefined are the C1 controls of their value.
codecs.register_error("cleaner.c1", lambda e: (e.object[e.start : e.end].decode("latin-1"), e.end))


def _decode(data: bytes, codec: str, errors: str = "strict") -> str:
    return data.decode(codec, errors="cleaner.c1" if codec == "cp1252" else errors)


def decode(data: bytes | str, declared: str | None = None) -> str:
    """Decode a page. `declared` is a charset from outside the document (HTTP header, WARC record)."""
    if isinstance(data, str):
        return normalise(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalise(_plausible(data[len(bom) :].decode(encoding, errors="replace"), encoding))
    # From outside the page (an HTTP header, a caller), a Python codec name is taken too ("euc_kr", "cp932"), as
    # long as it names an encoding browsers use.
    outside = codec_for_label(declared) or (codec_for_python_name(declared) if declared else None)
    if b"\x00" in data[:4096] and not (outside or "").startswith("utf-16"):  # UTF-16 text is half NULs
        raise DecodeError("binary content (NUL bytes), not a text or HTML page")
    for encoding in (outside, declared_charset(data)):
        if encoding:
            try:
                return normalise(_decode(data, encoding))
            except UnicodeDecodeError:
                pass
    try:
        return normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return normalise(_detect(data))


# The legacy encodings of English, French, German and Spanish pages, preferred when detection finds them as
# likely as the encoding it ranks first (on short texts it often ties cp1250 with cp1252 and picks the former).
_WESTERN = ("cp1252", "iso8859_15", "latin_1")
BAD_SHARE = 0.05  # more replacement characters than this: the bytes are not in the encoding they claim


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data[:200_000]) if codec_for_python_name(m.encoding)]
    if not matches:
        raise DecodeError("undecodable bytes: no text encoding fits this content")
    best = matches[0]
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos and match.coherence >= best.coherence:
            best = match
            break
    codec = codec_for_python_name(best.encoding) or best.encoding
    return _plausible(_decode(data, codec, errors="replace"), codec)


def _plausible(text: str, encoding: str) -> str:
    """The text, unless decoding it replaced so many bytes that it is not really in `encoding`."""
    if text and text.count("\ufffd") > BAD_SHARE * len(text):
        raise DecodeError(f"mis-encoded: the bytes do not decode as {encoding} (or any encoding tried)")
    return text


def _mojibake() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """The pattern of a UTF-8 sequence read as cp1252 or Latin-1 characters, a cheaper one that every such
    sequence matches, and each such character's byte."""
    byte_of: dict[str, int] = {}
    for b in range(0x80, 0x100):
        byte_of[chr(b)] = b  # Latin-1: C1 controls for 0x80-0x9F
        with contextlib.suppress(UnicodeDecodeError):  # cp1252 leaves five bytes undefined
            byte_of[bytes([b]).decode("cp1252")] = b  # cp1252: "€", "’", "Ÿ" ... for 0x80-0x9F

    def chars(lo: int, hi: int) -> str:
        return re.escape("".join(sorted(c for c, b in byte_of.items() if lo <= b <= hi)))

    cont = f"[{chars(0x80, 0xBF)}]"
    pattern = f"[{chars(0xC2, 0xDF)}]{cont}|[{chars(0xE0, 0xEF)}]{cont}{{2}}|[{chars(0xF0, 0xF4)}]{cont}{{3}}"
    # A lead byte's character next to a continuation byte's: one range and one set, so a scan is cheap.
    lead = f"[{chr(0xC2)}-{chr(0xF4)}]{cont}"
    return re.compile(pattern), re.compile(lead), byte_of


def _maybe_mojibake_utf8() -> re.Pattern[bytes]:
    """`_MAYBE_MOJIBAKE` asked of a text's UTF-8 instead, where a scan looks for one byte: every text the pattern
    matches holds a lead character's UTF-8 ("\\xc3\\x82" to "\\xc3\\xb4") right before a byte that starts a
    continuation character's, so a text whose UTF-8 holds no such pair needs no mending."""
    leads = b"|".join(re.escape(chr(code).encode()) for code in range(0xC2, 0xF5))
    starts = bytes(sorted({char.encode()[0] for char, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF}))
    return re.compile(b"(?:" + leads + b")[" + starts + b"]")


_MOJIBAKE, _MAYBE_MOJIBAKE, _BYTE_OF = _mojibake()
_MAYBE_MOJIBAKE_UTF8 = _maybe_mojibake_utf8()
MIN_MOJIBAKE = 2  # sequences a text must hold before any is mended: one may be a real "Ã©" in a text about it


def _mended(sequence: str) -> str | None:
    """The character a mojibake sequence stands for, if it is one that text plausibly holds."""
    try:
        char = bytes(_BYTE_OF[c] for c in sequence).decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Two bytes: Latin, Greek, Cyrillic, Hebrew, Arabic ("ß“" in „Fuß“ would read as an N'Ko letter: left).
    if len(sequence) == 2 and not 0xA0 <= ord(char) <= 0x6FF:
        return None
    return None if unicodedata.category(char)[0] in "CZ" and char != "\xa0" else char


def mend_mojibake(text: str) -> str:
    """`text` with UTF-8 sequences that were read as cp1252 or Latin-1 turned back into their characters, when
    it holds at least MIN_MOJIBAKE of them."""
    if not _MAYBE_MOJIBAKE.search(text):
        return text
    plausible = (m for m in _MOJIBAKE.finditer(text) if _mended(m.group()))
    if len(list(islice(plausible, MIN_MOJIBAKE))) < MIN_MOJIBAKE:
        return text
    return _MOJIBAKE.sub(lambda m: _mended(m.group()) or m.group(), text)


def normalise(text: str) -> str:
    """NFC, unified newlines, no NULs; rejects text that is mostly control characters (binary read as text)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise DecodeError("binary content (control characters), not a text or HTML page")
    if text.isascii():  # no surrogates, and already NFC
        return text
    try:
        utf8 = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (from bad JSON escapes), which cannot be encoded on output
        text = mend_mojibake(text)
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    else:
        if _MAYBE_MOJIBAKE_UTF8.search(utf8):
            text = mend_mojibake(text)
    return unicodedata.normalize("NFC", text)
