"""Parquet out: `-o x.parquet` gives a table with one row per input, in order, readable by pyarrow."""

import json

import pyarrow.parquet as pq
from helpers import SEEDS, run_cleaner


def test_parquet_output_holds_every_record_with_pass_through_fields(tmp_path):
    pages = tmp_path / "pages.jsonl"
    with open(pages, "w", encoding="utf-8") as f:
        for n, seed in enumerate(SEEDS):
            # `rank` is always a number; `tag` is a string on some lines and a list on others.
            tag = ["a", "b"] if n % 2 else "solo"
            f.write(json.dumps({"id": f"p{n}", "rank": n, "tag": tag, "text": seed.read_text(encoding="utf-8")}) + "\n")
        f.write(json.dumps({"id": "broken", "rank": 99, "text": ""}) + "\n")
    out = tmp_path / "out.parquet"
    proc = run_cleaner(str(pages), "-o", str(out), "--explain")
    assert proc.returncode == 1  # the broken line is an error record
    assert not (tmp_path / "out.parquet.part").exists()

    table = pq.read_table(out)
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["p0", "p1", "p2", "p3", "p4", "broken"]
    assert str(table.schema.field("rank").type) == "int64"
    assert [r["tag"] for r in rows[:2]] == ['"solo"', '["a", "b"]']  # mixed types are kept as JSON text
    assert rows[0]["headline"] == "France and Belgium increase cooperation in terror fight"
    assert rows[0]["byline"] == [] and rows[2]["byline"] == ["Robert-Jan Bartunek"]
    assert all(r["reason"] for r in rows[0]["removed"])
    assert rows[5]["error"] == "field 'text' is empty or not a string" and rows[5]["body"] == ""
    assert rows[0]["error"] is None
