"""WARC input: response records carrying HTML become Items with the record's URL and date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .readers import Item


def read_warc(stream: BinaryIO, path: str) -> Iterator[Item]:
    yield Item(id=path, error="WARC input is not supported yet")
