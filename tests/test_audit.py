"""The rule audit (rule hits on gold article lines), on small data made here."""

import gzip
import json

from cleaner.bench.audit import Audit, gold_bodies
from cleaner.bench.audit import main as audit_main
from cleaner.devdata.split import split_of

BODY = (
    "The prime ministers of France and Belgium vowed on Monday to reinforce their cooperation in the fight "
    "against Islamist militants.\n\nShare :\n\nMichel praised the work between French and Belgian authorities."
)


def site_on(side: str) -> str:
    return next(f"site{n}.example" for n in range(1000) if split_of({"domain": f"site{n}.example"}) == side)


def test_audit_counts_each_rule_on_gold_lines(tmp_path, capsys):
    path = tmp_path / "gold.jsonl.gz"
    rows = [
        {"id": "a", "domain": site_on("train"), "body": BODY},
        {"id": "b", "domain": site_on("validation"), "body": "Share :"},
        {"id": "c", "domain": site_on("train"), "body": None},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(r) for r in rows) + "\n")
    assert list(gold_bodies(path)) == [BODY]
    audit = Audit()
    audit.add(BODY)
    assert audit.pages == 1 and audit.lines == 3
    assert audit.alone == {"share_prompt": 1}
    assert audit.pipeline["share_prompt"] == 1
    assert audit_main([str(path)]) == 0
    report = capsys.readouterr().out
    assert "1 gold bodies, 3 lines" in report and "share_prompt" in report
    assert "split gold lines at 0 points" in report
    audit.add("The end of one sentence.The start of another one is here.")
    assert audit.splits == 1
