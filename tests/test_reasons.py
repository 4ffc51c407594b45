"""Every reason a block can leave with is a name of reasons.py, and every rule is registered under one: a stage that
reads another stage's decisions (the title model's inputs, the context pass) can never name a reason that no longer
exists."""

import ast
from pathlib import Path

from cleaner import classify, reasons, rescue
from cleaner.meta import date, dateclues, titleline
from cleaner.pipeline import Cleaner
from cleaner.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
PASS_REASONS = {
    reasons.MODEL,
    reasons.CONTEXT,
    reasons.LINK_REFERENCES,
    reasons.SITE_TEMPLATE,
    reasons.DOUBLED_LINE,
    reasons.RESCUED,
    *reasons.ROLES,
}
NAMES = {value for name, value in vars(reasons).items() if name.isupper() and isinstance(value, str)}


def test_every_rule_is_registered_under_a_name_of_reasons_and_every_name_is_a_rule_or_a_pass_reason():
    rules = set(all_rules())
    assert rules <= NAMES
    assert rules | PASS_REASONS == NAMES


def test_every_set_of_reasons_read_by_another_stage_is_made_of_known_names():
    for used in (
        classify.METADATA_REASONS,
        titleline.BETWEEN,
        titleline.MAY_DROP_TITLE,
        date.NOT_STAMPING,
        dateclues.NOT_DATING,
        rescue.SOFT,
        rescue.ENDS,
    ):
        assert used and used <= NAMES, used - NAMES


def test_no_reason_is_written_as_a_bare_string_in_the_code():
    """`block.drop("...")`, `reason == "..."` and `reason in ("...", ...)` name a reason only through reasons.py."""
    found = []
    for path in sorted((ROOT / "cleaner").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_drop = isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "drop" and node.args
            if is_drop and isinstance(node.args[0], ast.Constant):
                found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Compare) and getattr(node.left, "attr", None) in ("reason", "role"):
                for right in node.comparators:
                    literals = right.elts if isinstance(right, (ast.Tuple, ast.Set, ast.List)) else [right]
                    if any(isinstance(x, ast.Constant) and isinstance(x.value, str) for x in literals):
                        found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_the_reasons_on_every_fixture_are_known():
    from cleaner import fixtures

    cleaner = Cleaner()
    for name in fixtures.names(ROOT / "fixtures"):
        path = fixtures.input_of(ROOT / "fixtures" / name)
        page = cleaner.page(path.read_bytes(), mode="html" if path.suffix == ".html" else "text")
        assert {b.reason for b in page.blocks if not b.keep} <= NAMES
