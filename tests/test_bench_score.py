"""The scorers on hand-made cases whose answers are worked out by hand (datasets README, "How to score")."""

import pytest

from cleaner.devdata.score import (
    BodyScore,
    Counts,
    body_score,
    corpus_body,
    meta_counts,
    normalise_byline,
    normalise_date,
    normalise_text,
    shingles,
    snippet_counts,
    tokens,
    total,
)


def test_tokens_are_word_runs_and_keep_case():
    assert tokens("Hello, world! It's 2016.") == ["Hello", "world", "It", "s", "2016"]
    assert tokens("") == tokens(None) == []


def test_shingles_are_a_multiset_of_4_token_windows():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


@pytest.mark.parametrize("text, shingle", [("one", ("one",)), ("one two", ("one", "two")), ("a b c", ("a", "b", "c"))])
def test_a_text_of_1_to_3_tokens_is_one_shingle(text, shingle):
    assert shingles(text) == {shingle: 1}


def test_identical_texts_score_1():
    score = body_score("The quick brown fox jumps.", "The quick brown fox jumps.")
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_extra_text_costs_precision_only():
    # pred shingles: abcd, bcde; gold: abcd. TP=1, FP=1, FN=0 (each /2 after normalising: ratios unchanged)
    score = body_score("a b c d e", "a b c d")
    assert (score.tp, score.fp, score.fn) == (0.5, 0.5, 0.0)
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.f1 == pytest.approx(2 / 3)


def test_missing_text_costs_recall_only():
    score = body_score("a b c d", "a b c d e f")  # gold abcd bcde cdef; TP=1, FN=2
    assert (score.precision, score.recall) == (1.0, pytest.approx(1 / 3))


def test_repeated_text_counts_each_time():
    score = body_score("a b c d a b c d", "a b c d")  # pred abcd x2, bcda, cdab, dabc; TP=1, FP=4
    assert (score.precision, score.recall) == (pytest.approx(0.2), 1.0)


def test_short_texts():
    assert body_score("hello world", "hello world").f1 == 1.0
    assert body_score("hello world", "hello there").f1 == 0.0
    # a 1-token prediction is one shingle ("one",) that shares nothing with the gold's 4-token window
    assert (body_score("one", "one two three four").precision, body_score("one", "one two three four").recall) == (
        0.0,
        0.0,
    )


def test_case_matters_as_the_readme_tokenises_without_folding():
    assert body_score("Hello big wide world", "hello big wide world").f1 == 0.0


def test_empty_prediction_has_no_precision_and_zero_recall():
    score = body_score("", "a b c d")
    assert (score.precision, score.recall, score.f1) == (None, 0.0, 0.0)
    assert body_score("  ... !! ", "a b c d").precision is None  # no tokens is empty


def test_empty_gold_has_no_recall_and_zero_precision():
    score = body_score("a b c d", "")
    assert (score.precision, score.recall) == (0.0, None)


def test_both_empty_has_neither():
    score = body_score("", None)
    assert (score.precision, score.recall, score.tp + score.fp + score.fn) == (None, None, 0)


def test_corpus_means_leave_out_empty_prediction_and_empty_gold():
    pages = [
        BodyScore(0, 0, 0, precision=1.0, recall=0.5),
        body_score("", "a b c d"),  # empty prediction: out of the precision mean, recall 0 in
        body_score("a b c d", ""),  # empty gold: precision 0 in, out of the recall mean
    ]
    result = corpus_body(pages)
    assert (result.precision, result.recall) == (0.5, 0.25)
    assert result.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)  # harmonic mean of the two means, not a mean of F1s


def test_corpus_of_nothing_is_none():
    assert corpus_body([]) is None
    assert corpus_body([body_score("", "")]) is None


def test_snippets_found_missing_and_leaked():
    counts = snippet_counts("The quick  brown\nfox jumps.", ["quick brown fox", "lazy dog"], ["jumps.", "Imprint"])
    assert counts == Counts(tp=1, fp=1, fn=1, tn=1)


def test_snippets_of_empty_output():
    assert snippet_counts("", ["a snippet"], ["furniture"]) == Counts(tp=0, fp=0, fn=1, tn=1)
    assert snippet_counts(None, [], []) == Counts()


def test_snippet_scores_are_summed_over_the_corpus():
    pages = [Counts(tp=3, fp=1, fn=0), Counts(tp=0, fp=0, fn=2), Counts(tp=1, fp=1, fn=0, tn=5)]
    result = total(pages).prf()
    assert (result.precision, result.recall) == (4 / 6, 4 / 6)
    assert result.f1 == 2 * 4 / (2 * 4 + 2 + 2)


def test_prf_of_nothing_is_zero():
    assert Counts().prf().f1 == 0.0


def test_headline_ignores_case_quotes_and_whitespace():
    assert normalise_text("“Hello”  World\n") == normalise_text("hello world") == "hello world"
    assert meta_counts("headline", "‘Hello’ world", "Hello World") == Counts(tp=1)


@pytest.mark.parametrize(
    "predicted, gold, expected",
    [
        ("Right", "right", Counts(tp=1)),
        ("Wrong", "right", Counts(fp=1)),  # a wrong value is a FP only, not also a FN
        ("Anything", None, Counts(fp=1)),  # a value where the gold has none
        (None, "right", Counts(fn=1)),
        ("", "right", Counts(fn=1)),
        (None, None, Counts()),
        (None, "", Counts()),
    ],
)
def test_metadata_outcomes(predicted, gold, expected):
    assert meta_counts("headline", predicted, gold) == expected


def test_dates_compare_as_days():
    assert normalise_date("2018-04-05T06:00:00.000Z") == "2018-04-05"
    assert normalise_date("2019-8-2") == "2019-08-02"
    assert normalise_date("2025-09") == "2025-09"
    assert normalise_date("yesterday") is None
    assert meta_counts("date", "2016-02-02T10:31:00+01:00", "2016-02-02") == Counts(tp=1)
    assert meta_counts("date", "2016-02-03", "2016-02-02") == Counts(fp=1)


def test_bylines_are_sets_of_names():
    assert normalise_byline("By Jane Doe and John Smith") == {"jane doe", "john smith"}
    assert normalise_byline(["John Smith", "jane  doe"]) == {"jane doe", "john smith"}
    assert normalise_byline("Jane Doe, MD, Ph.D.") == {"jane doe"}
    assert normalise_byline("Dr. Jane Doe; J. Smith") == {"jane doe", "j. smith"}
    # The serial comma: "and" belongs to neither name.
    assert normalise_byline("Ann Lee, Bo Ng, and Cy Po") == {"ann lee", "bo ng", "cy po"}
    assert normalise_byline("Written by Rob Ewaschuk\n   Edited by Betsy Beyer") == {"rob ewaschuk"}
    assert normalise_byline("Rodolfo Costa.") == {"rodolfo costa"}
    assert normalise_byline("By Nathan Willis\n   March 25, 2015") == {"nathan willis"}
    assert normalise_byline("Last Updated: January 7, 2025") is None
    assert normalise_byline([]) is None
    assert meta_counts("byline", ["John Smith", "Jane Doe"], "Jane Doe & John Smith") == Counts(tp=1)
    assert meta_counts("byline", ["Jane Doe"], "Jane Doe & John Smith") == Counts(fp=1)  # half right is wrong
