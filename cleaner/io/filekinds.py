"""What a file found in a folder is, when its name does not say it is a page: a binary kind known by its first
bytes (so that it is rejected with a reason: "not a page: PDF document"), or a kind passed over on purpose
(hidden files, data and code, a run's own .part files), which the run names on stderr."""

from __future__ import annotations

import os

# First bytes of the binary files found beside saved pages, and what each is called in a reject.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive (or a Word, Excel or EPUB document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (OLE)"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x1f\x8b", "gzip data without a .gz name"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg audio or video"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska or WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"\x7fELF", "executable"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Passed over in a folder (a file named on the command line is read whatever its name): not pages by their kind.
SKIPPED_SUFFIXES = (".csv", ".tsv", ".css", ".js", ".mjs", ".map", ".py", ".sqlite", ".db", ".parquet", ".part")


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file `data` starts as, or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4 or QuickTime video (or HEIC image)"
    return None


def skipped_on_purpose(name: str) -> bool:
    """Whether a file found in a folder is passed over by its name: hidden, or data and code."""
    base = os.path.basename(name)
    return base.startswith(".") or base.lower().endswith(SKIPPED_SUFFIXES)
