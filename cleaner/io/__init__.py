"""Readers turn paths into Items (one per page, or one per failure); writers write records safely."""

from .item import Item
from .readers import expand, read_inputs
from .writers import open_output

__all__ = ["Item", "expand", "open_output", "read_inputs"]
