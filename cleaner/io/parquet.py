"""Parquet output (the `parquet` extra, pyarrow): the run's JSON Lines `.part` converted in row groups, so memory
stays bounded by one group whatever the size of the run.

The record's own fields have fixed types. Fields passed through from the input are typed from their values over
the whole file (a first pass); a field whose values do not share one type (a number here, a string there) is
stored as JSON text rather than failing the run at its very end, and so is one nested deeper than `MAX_NESTING`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..record import FIELDS, ITEMS, MAPPING, TEXT, TEXTS, written

ROWS_PER_GROUP = 1000
# Parquet readers refuse a schema more than 100 levels deep (pyarrow's default), and each list takes three: a
# pass-through field that nests deeper than this is stored as JSON text.
MAX_NESTING = 16


def record_schema(pa) -> dict[str, Any]:
    """The record's fields (record.FIELDS) as Arrow types."""
    kinds = {TEXT: pa.string(), "number": pa.float64(), "numbers": pa.list_(pa.int64())}
    kinds[TEXTS] = pa.list_(pa.string())
    kinds[MAPPING] = pa.map_(pa.string(), pa.string())
    for kind, shape in ITEMS.items():
        kinds[kind] = pa.list_(pa.struct([(name, kinds[of]) for name, of in shape.items()]))
    return {spec.name: kinds[spec.kind] for spec in FIELDS}


def _batches(path: str) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    with open(path, "rb") as f:
        for line in f:
            batch.append(json.loads(line))
            if len(batch) == ROWS_PER_GROUP:
                yield batch
                batch = []
    if batch:
        yield batch


def _schema(path: str):
    """Field order as first seen; the record's fields typed as above, pass-through fields inferred."""
    import pyarrow as pa

    fixed = record_schema(pa)
    seen: dict[str, Any] = {}
    as_json: set[str] = set()
    for batch in _batches(path):
        names = dict.fromkeys(name for record in batch for name in record)
        for name in names:
            if name in fixed:
                seen.setdefault(name, fixed[name])
                continue
            if name in as_json:
                continue
            try:
                inferred = pa.array([record.get(name) for record in batch]).type
                seen[name] = _unify(pa, seen.get(name), inferred)
                if _nesting(seen[name]) > MAX_NESTING:
                    raise pa.ArrowNotImplementedError("nested deeper than Parquet readers accept")
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                as_json.add(name)
                seen[name] = pa.string()
    if not seen:  # no records: the record's own columns, so the file still reads as a table
        seen = {name: kind for name, kind in fixed.items() if name in written()}
    return pa.schema(list(seen.items())), as_json


def _nesting(kind) -> int:
    """How many lists, structs and maps a column type nests."""
    children = [kind.field(i).type for i in range(kind.num_fields)]
    return 1 + max(map(_nesting, children)) if children else 0


def _unify(pa, known, inferred):
    if known is None:
        return inferred
    return (
        pa.unify_schemas([pa.schema([("f", known)]), pa.schema([("f", inferred)])], promote_options="permissive")
        .field("f")
        .type
    )


def jsonl_to_parquet(source: str, target: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, as_json = _schema(source)
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        for batch in _batches(source):
            columns = {name: [record.get(name) for record in batch] for name in schema.names}
            for name in as_json:
                columns[name] = [None if v is None else json.dumps(v, ensure_ascii=False) for v in columns[name]]
            writer.write_table(pa.table(columns, schema=schema))
