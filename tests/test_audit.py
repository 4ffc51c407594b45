"""The rule audit (rule hits on gold article lines) and the scraped-text scorer, on small data made here."""

import gzip
import json

from cleaner.bench.split import split_of
from cleaner.rules.audit import Audit, gold_bodies
from cleaner.rules.audit import main as audit_main
from cleaner.rules.scraped import page_scores, shingles

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


def test_shingle_scores_follow_the_datasets_readme():
    assert shingles("a b c") == {("a", "b", "c"): 1}
    assert page_scores("one two three four five", "one two three four five") == (1.0, 1.0)
    precision, recall = page_scores("one two three four five six", "one two three four five")
    assert (precision, recall) == (2 / 3, 1.0)
    assert page_scores("", "one two three four") == (None, 0.0)
    assert page_scores("one two three four", "") == (0.0, None)
