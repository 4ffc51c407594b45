"""The learned block scorer: tree evaluation, features, the shipped models, training from data, one decision."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from cleaner.devdata.split import split_of
from cleaner.model.features import feature_names, page_features
from cleaner.model.layout import (
    CONTAINER_FEATURES,
    LOG_WORDS,
    STRETCH_FEATURES,
    container_features,
    stretch_features,
)
from cleaner.model.scorer import GROUPS, BlockModel, shipped, stack_features
from cleaner.model.trees import TreeEnsemble, average
from cleaner.repair import repair
from cleaner.segment import segment
from cleaner.train.blocks import STAGE2_GROUPS

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _stump(feature: int, threshold: float, left: float, right: float, baseline: float) -> dict:
    """One tree of depth 1: node 0 splits, nodes 1 and 2 are leaves."""
    return {
        "feature": [feature, 0, 0],
        "threshold": [threshold, 0.0, 0.0],
        "left": [1, 1, 2],
        "right": [2, 1, 2],
        "value": [0.0, left, right],
        "roots": [0],
        "depth": 1,
        "baseline": baseline,
    }


def test_tree_walk_and_average_are_the_mean_log_odds():
    a, b = _stump(0, 0.5, -1.0, 2.0, 0.1), _stump(1, 3.0, 0.5, -0.5, -0.3)
    X = np.array([[0.0, 0.0], [1.0, 5.0], [0.5, 3.0]], dtype=np.float32)
    assert TreeEnsemble(a).raw(X).tolist() == pytest.approx([-0.9, 2.1, -0.9])
    assert TreeEnsemble(b).raw(X).tolist() == pytest.approx([0.2, -0.8, 0.2])
    mean = TreeEnsemble(average([a, b])).raw(X)
    assert mean.tolist() == pytest.approx([(-0.9 + 0.2) / 2, (2.1 - 0.8) / 2, (-0.9 + 0.2) / 2])
    assert TreeEnsemble(a).raw(np.zeros((0, 2))).shape == (0,)


def test_numpy_trees_match_sklearn():
    sklearn = pytest.importorskip("sklearn.ensemble")
    from cleaner.model.trees import from_sklearn

    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 5)).astype(np.float32)
    y = (X[:, 0] + X[:, 1] * X[:, 2] > 0).astype(int)
    model = sklearn.HistGradientBoostingClassifier(max_iter=20, max_depth=4, random_state=0).fit(X, y)
    ours = TreeEnsemble(json.loads(json.dumps(from_sklearn(model)))).proba(X)
    assert np.allclose(ours, model.predict_proba(X)[:, 1], atol=1e-5)


def test_stack_features_see_the_neighbours():
    p = np.array([0.0, 1.0, 1.0, 0.0])
    S = stack_features(p)
    assert S.shape == (4, stack_features(np.zeros(1)).shape[1])
    assert S[:, 0].tolist() == [0.0, 0.0, 1.0, 1.0]  # previous block
    assert S[:, 1].tolist() == [1.0, 1.0, 0.0, 0.0]  # next block
    assert stack_features(np.zeros(0)).shape[0] == 0


def test_stretch_features_place_a_block_against_the_main_stretch():
    p = np.array([0.9, 0.8, 0.1, 0.9, 0.0, 0.0, 0.0, 0.0, 0.0, 0.9])
    X = np.zeros((len(p), len(feature_names())), dtype=np.float32)
    X[:, LOG_WORDS] = np.log1p([50, 40, 5, 30, 3, 3, 3, 3, 3, 20])
    S = dict(zip(STRETCH_FEATURES, stretch_features(p, X).T, strict=True))
    assert S["in_main"].tolist() == [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]  # a one-block gap stays inside the stretch
    assert S["after_main"].tolist() == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert S["log_dist_main"][9] == pytest.approx(np.log1p(6))  # the lone likely block far below
    assert S["before_share"][0] == 0.0 and S["after_share"][9] == 0.0
    assert 0.8 < S["main_share"][0] < 1.0
    assert stretch_features(np.zeros(3), X[:3])[:, 3].tolist() == pytest.approx([np.log1p(3)] * 3)  # no stretch


def test_container_features_place_a_block_against_the_articles_element():
    # Elements: 0 the body, 1 a wrapper, 2 the article inside it, 3 a sidebar; the last block has no element.
    ancestry = [(0, 1, 2), (0, 1, 2), (0, 1, 2), (0, 3), (0, 3), ()]
    p = np.array([0.9, 0.9, 0.2, 0.8, 0.1, 0.5])
    X = np.zeros((len(p), len(feature_names())), dtype=np.float32)
    X[:, LOG_WORDS] = np.log1p([50, 40, 5, 10, 10, 3])
    C = dict(zip(CONTAINER_FEATURES, container_features(p, X, ancestry).T, strict=True))
    total = 45 + 36 + 1 + 8 + 1 + 1.5  # likely words: probability times words
    # The wrapper and the article hold the same words; the outer of equals is the article's element.
    assert C["in_main"].tolist() == [1, 1, 1, 0, 0, 0]  # the unlikely line inside the article is inside too
    assert C["log_levels_out"].tolist() == pytest.approx([0, 0, 0, np.log1p(1), np.log1p(1), np.log1p(2)])
    assert C["branch_share"][3] == pytest.approx(9 / total)  # the sidebar, a likely line and all
    assert C["branch_share"][0] == pytest.approx(82 / total)
    assert C["main_share"][0] == pytest.approx(82 / total) and C["main_density"][0] == pytest.approx(82 / 95)
    assert not container_features(np.zeros(2), X[:2], ancestry[:2]).any()  # nothing likely: no element
    assert container_features(p[:0], X[:0], []).shape == (0, len(CONTAINER_FEATURES))


@pytest.mark.parametrize("mode", ["html", "text"])
def test_features_are_finite_and_named(mode):
    html = "<html><body><nav><a href='/'>Home</a></nav><article><h1>T</h1><p>One sentence.</p></article></body></html>"
    content = html if mode == "html" else SEEDS[0].read_text(encoding="utf-8")
    page = segment(content, mode)
    repair(page)
    X = page_features(page)
    assert X.shape == (len(page.blocks), len(feature_names()))
    assert np.isfinite(X).all()


@pytest.mark.parametrize("mode", ["html", "text"])
def test_a_model_ships_for_each_mode_as_json(mode):
    model = shipped(mode)
    assert model is not None, f"cleaner/model/{mode}.json is missing"
    assert model.mode == mode
    extra = sum(len(GROUPS[group]) for group in STAGE2_GROUPS[mode])
    assert len(model.spec["features"]) == len(feature_names()) + stack_features(np.zeros(1)).shape[1] + extra
    assert model.groups == STAGE2_GROUPS[mode]
    assert 0.0 < model.threshold < 1.0


def test_every_removal_is_named_and_the_model_can_be_switched_off():
    text = SEEDS[0].read_text(encoding="utf-8")
    with_model = Cleaner(mode="text").clean(text)
    assert all(r["reason"] for r in with_model.removed)
    assert with_model.to_dict() == Cleaner(mode="text").clean(text).to_dict()  # deterministic
    rules_only = Cleaner(mode="text", disable=["model"]).clean(text)
    assert "model" not in {r["reason"] for r in rules_only.removed}


ARTICLE = [
    "The council approved the new budget on Tuesday after a long debate about school funding and repairs.",
    "Members said the plan would raise spending on roads, although several warned that taxes could follow.",
    "Residents who attended the meeting asked why the library hours had been cut again this year.",
    "The mayor answered that the decision was temporary, and that a review would be published in spring.",
]


AUTHORS = ("Jane Doe", "Tom Okafor", "Lena Brandt")


def _synthetic_dataset(path: Path, pages: int = 24, headlines: bool = False, bylines: bool = False) -> None:
    hosts = [h for h in (f"news{i}.example" for i in range(200)) if split_of({"url": f"https://{h}/"}) == "train"][:6]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(pages):
            host = hosts[i % len(hosts)]
            paragraphs = [f"{s} Story {i}, part {k}." for k, s in enumerate(ARTICLE[i % 2 :] + ARTICLE[: i % 2])]
            menu = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(6))
            html = (
                f"<html><body><nav><ul>{menu}</ul></nav><main><h1>Story {i}</h1>"
                + (f"<p>{AUTHORS[i % 3]}</p>" if bylines else "")
                + "".join(f"<p>{p}</p>" for p in paragraphs)
                + ("<p>Ray Ansari</p>" if bylines else "")  # a name, not the author's
                + "</main><footer><p>Contact us</p><p>Privacy policy</p></footer></body></html>"
            )
            row = {"id": str(i), "url": f"https://{host}/story/{i}", "html": html, "body": "\n\n".join(paragraphs)}
            if headlines:
                row["headline"] = f"Story {i}"
            if bylines:
                row["author"] = AUTHORS[i % 3]
            out.write(json.dumps(row) + "\n")


def _trained_twice(data: Path, mode: str, *options: str) -> Path:
    """`cleaner train` twice on the same data with the same seed: the two files must be the same bytes."""
    runner = CliRunner()
    first, second = data.with_name("a.json"), data.with_name("b.json")
    for target in (first, second):
        result = runner.invoke(app, ["train", str(data), "-o", str(target), "--mode", mode, "--seed", "3", *options])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    return first


@pytest.mark.parametrize(
    ("options", "final"),
    [((), "mean of the 6 fold models of 3 site splits"), (("--refit",), "refitted on all pages")],
)
def test_training_rebuilds_the_same_model_from_the_same_data(tmp_path, options, final):
    pytest.importorskip("sklearn")
    data = tmp_path / "synthetic.jsonl.gz"
    _synthetic_dataset(data)
    model = BlockModel.from_file(_trained_twice(data, "html", *options))
    assert model.spec["training"]["pages"] == 24
    assert model.spec["training"]["final_models"] == final
    assert model.groups == ("stretch", "container")  # the HTML model's stage 2 reads the stretch and the element
    page = segment(
        "<html><body><nav><ul><li><a href='/a'>Section 1</a></li><li><a href='/b'>Section 2</a></li></ul></nav>"
        f"<main><p>{ARTICLE[0]}</p><p>{ARTICLE[2]}</p></main></body></html>",
        "html",
    )
    repair(page)
    proba = model.content_proba(page)
    texts = [b.text for b in page.blocks]
    assert proba[texts.index(ARTICLE[0])] > model.threshold > proba[texts.index("Section 1")]


def test_the_title_model_ships_as_json_for_the_features_the_candidates_have():
    from cleaner.model.title import FEATURES, title_model

    model = title_model()
    assert model.features == tuple(FEATURES)
    assert model.ensemble.raw(np.zeros((2, len(FEATURES)))).shape == (2,)


def test_training_rebuilds_the_same_title_model_from_the_same_data(tmp_path):
    pytest.importorskip("sklearn")
    data = tmp_path / "wcxb-dev.jsonl.gz"  # the title model learns from the datasets with headline gold
    _synthetic_dataset(data, headlines=True)
    spec = json.loads(_trained_twice(data, "title").read_text(encoding="utf-8"))
    assert spec["format"] == "cleaner-title-model/1"
    assert spec["training"]["headlines"] > 0


def test_the_name_line_model_ships_as_json_for_the_features_the_candidates_have():
    from cleaner.model.nameline import FEATURES, nameline_model

    model = nameline_model()
    assert model.features == tuple(FEATURES) and len(model.given) > 100
    assert model.ensemble.raw(np.zeros((2, len(FEATURES)))).shape == (2,)


def test_training_rebuilds_the_same_name_line_model_from_the_same_data(tmp_path):
    pytest.importorskip("sklearn")
    data = tmp_path / "wcxb-dev.jsonl.gz"  # the name-line model learns from the datasets with byline gold
    _synthetic_dataset(data, headlines=True, bylines=True)
    spec = json.loads(_trained_twice(data, "byline").read_text(encoding="utf-8"))
    assert spec["format"] == "cleaner-name-line-model/1"
    assert spec["training"]["bylines"] > 0 and "jane" in spec["given"]
