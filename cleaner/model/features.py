"""Block features for the learned scorer: the block's text, its markup (HTML mode) or layout (text mode), its
position, and its neighbours' features (furniture comes in runs, articles in one stretch).

`page_features(page)` returns an (n_blocks, n_features) float32 matrix whose columns are `feature_names()`.
Everything is computed once per page; neighbour features are windowed means. The rules' verdicts are not
features (docs/DECISIONS.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import groupby

import numpy as np

from ..fastre import finder
from ..lines import BULLET, paragraph_like, title_like
from ..page import Page
from .words import FURNITURE_WORDS, STOP_WORDS

# Chinese and Japanese write no spaces between words: a run of their characters counts a word per two characters
# (about the length of a word in either), and their full stops end sentences without a space after them. Text in
# other scripts reads as before.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]{{1,2}}|[^\W{_CJK}]+")
_ASCII_WORD = re.compile(r"\w+")  # the same words in ASCII text (most lines), found faster
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]」』）]*$")
_SENTENCE = re.compile(r"[.!?…](?:\s|$)|[。！？]")
# _YEAR and _URL are asked only of text holding a literal each match needs ("19" or "20"; "http", "www." or
# "@"): the same answer, without a search through every position of text that has none.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTE = re.compile(r"[\"“”«»„]")
_URL = re.compile(r"https?://|www\.|\S@\S")
CHROME_TAGS = frozenset(("nav", "aside", "footer", "form", "menu", "dialog"))
CAPTION_TAGS = frozenset(("figure", "figcaption"))
# Words in an element's class or id (anywhere in the name: "site-nav", "mainMenu", "post_share").
_BOILER = re.compile(
    r"nav|menu|footer|sidebar|breadcrumb|share|sharing|social|related|cookie|consent|newsletter|subscri|signup|"
    r"advert|banner|promo|outbrain|taboola|popup|modal|widget|tags|pagination|toolbar|masthead|login|paywall|"
    r"recommend|trending|popular|teaser|author-bio|disclaimer|copyright|print|button|btn|icon",
    re.I,
)
_CONTENT = re.compile(r"content|article|body|post|entry|story|text|main|prose|rich", re.I)
_COMMENT = re.compile(r"comment|reply|respond|discussion|disqus", re.I)
_CAPTION = re.compile(r"caption|credit|gallery|media|image|photo", re.I)
_TAG = re.compile(r"[^.#]*")

TAGS = ("p", "li", "td", "th", "div", "span", "blockquote", "pre", "figcaption", "dd", "dt", "a", "section", "line")
BASE = (
    "log_chars log_words mean_word_len stop_ratio punct_ratio terminal ends_colon log_sentences commas_per_word "
    "upper_ratio title_ratio digit_ratio has_year bullet separators link_density heading is_h1 in_content "
    "path_depth chrome site_header boilerplate_class content_class comment_class caption_class gap_before "
    "log_indent paragraph_like furniture_words title_like quotes has_url position char_position "
    "rel_length"
).split()
CONTEXT_SOURCES = ("log_chars", "paragraph_like", "link_density", "terminal", "furniture_words")
WINDOWS = (1, 3, 8)


def feature_names() -> list[str]:
    names = list(BASE) + [f"tag_{t}" for t in TAGS]
    for source in CONTEXT_SOURCES:
        names += [f"prev_{source}", f"next_{source}"]
        names += [f"win{w}_{source}" for w in WINDOWS]
    names += [
        "dist_prev_paragraph", "dist_next_paragraph", "paragraphs_before", "paragraphs_after",
        "dist_main", "run_length", "parent_share", "grandparent_share", "same_text_count",
        "in_top_candidate", "best_candidate_share", "near_top_candidate", "class_weight", "unlikely",
    ]  # fmt: skip
    return names


SAMPLE_CHARS = 400  # character ratios are read off the block's start: stable, and bounded in cost
SAMPLE_WORDS = 80


@lru_cache(maxsize=1)
def _char_tables() -> np.ndarray:
    """For every code point of the Basic Multilingual Plane: is it a letter, upper case, a digit, punctuation."""
    chars = "".join(map(chr, range(0x10000)))
    # One C-level pass per test (about 0.02 s; a Python loop over the characters took 0.09 to 0.16 s of start-up).
    alpha, upper, digit, alnum, space = (
        np.frombuffer(bytes(map(test, chars)), dtype=np.uint8)
        for test in (str.isalpha, str.isupper, str.isdigit, str.isalnum, str.isspace)
    )
    return np.stack([alpha, upper, digit, (1 - alnum) & (1 - space)], axis=1).astype(np.int32)


def _char_counts(texts: list[str]) -> np.ndarray:
    """Letters, upper-case letters, digits, punctuation and length of each text's first SAMPLE_CHARS, at once."""
    samples = [t[:SAMPLE_CHARS] for t in texts]
    lengths = np.array([len(t) for t in samples])
    codes = np.frombuffer("".join(samples).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _char_tables()[np.minimum(codes, 0xFFFF)]
    sums = np.add.reduceat(classes, np.concatenate([[0], np.cumsum(lengths)[:-1]]), axis=0) if len(codes) else None
    counts = np.zeros((len(texts), 5))
    if sums is not None:
        counts[:, :4] = np.where(lengths[:, None] > 0, sums, 0)
    counts[:, 4] = lengths
    return counts


def _text_features(text: str, chars: list[float]) -> list[float]:
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    n_words = len(words)
    n_chars = len(text)
    sample = text[:SAMPLE_CHARS]
    n_sample = chars[4] or 1
    letters = chars[0] or 1
    head = words[:SAMPLE_WORDS]
    n_head = len(head) or 1
    lower_words = [w.lower() for w in head]
    stop = sum(map(STOP_WORDS.__contains__, lower_words))
    furniture = sum(map(FURNITURE_WORDS.__contains__, lower_words))
    punct = chars[3]
    sentences = len(_SENTENCE.findall(text))
    terminal = 1.0 if _TERMINAL.search(text[-8:]) else 0.0
    paragraph = 1.0 if paragraph_like(n_words, bool(terminal)) else 0.0
    title = 1.0 if title_like(n_words) and not terminal and not text.endswith((",", ";", ":")) else 0.0
    return [
        math.log1p(n_chars),
        math.log1p(n_words),
        sum(map(len, head)) / n_head,
        stop / n_head,
        punct / n_sample,
        terminal,
        1.0 if text.endswith(":") else 0.0,
        math.log1p(sentences),
        text.count(",") / n_words if n_words else 0.0,
        chars[1] / letters,
        sum([w[0].isupper() for w in head]) / n_head,
        chars[2] / n_sample,
        1.0 if ("19" in sample or "20" in sample) and _YEAR.search(sample) else 0.0,
        1.0 if BULLET.match(text) else 0.0,
        float(text.count("|") + text.count("•") + text.count("·") + text.count("»")),
        paragraph,
        float(furniture),
        title,
        1.0 if _QUOTE.search(sample) else 0.0,
        1.0 if ("http" in sample or "www." in sample or "@" in sample) and _URL.search(sample) else 0.0,
    ]


def _texts_features(texts: list[str]) -> list[list[float]]:
    """`_text_features` of each text, computed once per distinct text of the page (menus, share bars and
    repeated headlines recur)."""
    distinct = list(dict.fromkeys(texts))
    found = dict(zip(distinct, map(_text_features, distinct, _char_counts(distinct).tolist()), strict=True))
    return [found[t] for t in texts]


CHROME, HEADER, BOILER, CONTENT, COMMENT, CAPTION = (1 << k for k in range(6))
_has_boiler, _has_content, _has_comment, _has_caption = map(finder, (_BOILER, _CONTENT, _COMMENT, _CAPTION))


@lru_cache(maxsize=65536)
def _token_flags(token: str) -> int:
    """Markup flags of one element ("div.share-bar#top"); elements recur across a site's pages, so cached."""
    tag = _TAG.match(token).group()
    names = token[len(tag) :]
    flags = (CHROME if tag in CHROME_TAGS else 0) | (HEADER if tag == "header" else 0)
    flags |= CAPTION if tag in CAPTION_TAGS else 0
    if names:
        flags |= BOILER if _has_boiler(names) else 0
        flags |= CONTENT if _has_content(names) else 0
        flags |= COMMENT if _has_comment(names) else 0
        flags |= CAPTION if _has_caption(names) else 0
    return flags


def _path_features(path: str) -> tuple[float, ...]:
    """The path's depth and markup flags: any of its elements has them."""
    mask = 0
    for token in path.split(" ") if path else ():
        mask |= _token_flags(token)
    flags = (1.0 if mask & bit else 0.0 for bit in (CHROME, HEADER, BOILER, CONTENT, COMMENT, CAPTION))
    return (float(path.count(" ") + 1 if path else 0), *flags)


def _parent(path: str, levels: int) -> str:
    parts = path.rsplit(" ", levels)
    return parts[0] if len(parts) > levels else ""


def _column(name: str) -> int:
    return BASE.index(name)


TEXT_COLUMNS = [_column(name) for name in BASE[:15] + BASE[28:33]]  # where `_text_features`' values go
PATH_COLUMNS = slice(_column("path_depth"), _column("caption_class") + 1)  # `_path_features`' values
_TAG_INDEX = {t: i for i, t in enumerate(TAGS)}


def page_features(page: Page) -> np.ndarray:
    """The feature matrix, a column at a time: each column holds the values the block-by-block definitions give
    (Python floats and ints made float32, divisions of integers as exact in numpy as in Python)."""
    blocks = page.blocks
    n = len(blocks)
    rows = np.zeros((n, len(BASE) + len(TAGS)), dtype=np.float32)
    if n:
        texts = [b.text for b in blocks]
        rows[:, TEXT_COLUMNS] = _texts_features(texts)
        rows[:, _column("link_density")] = [b.link_density for b in blocks]
        heading = np.array([b.heading for b in blocks])
        rows[:, _column("heading")] = heading
        rows[:, _column("is_h1")] = heading == 1
        in_content = np.array([b.in_content for b in blocks])
        rows[:, _column("in_content")] = in_content
        # Paths recur (a menu's items share one): each distinct path's features are computed once.
        paths = [b.path for b in blocks]
        distinct = {path: k for k, path in enumerate(dict.fromkeys(paths))}
        path_table = np.array([_path_features(path) for path in distinct])
        rows[:, PATH_COLUMNS] = path_table[[distinct[path] for path in paths]]
        rows[in_content, _column("site_header")] = 0.0  # a header inside the article is the article's
        rows[:, _column("gap_before")] = [min(b.gap_before, 3) for b in blocks]
        rows[:, _column("log_indent")] = [_log1p(b.indent) for b in blocks]
        lengths = np.array([len(t) for t in texts])
        total_chars = int(lengths.sum()) or 1
        rows[:, _column("position")] = np.arange(n) / n
        rows[:, _column("char_position")] = (np.cumsum(lengths) - lengths) / total_chars
        rows[:, _column("rel_length")] = lengths / (int(lengths.max()) or 1)
        columns = np.array([_tag_column(b.tag, b.heading) for b in blocks])
        has_tag = np.flatnonzero(columns >= 0)
        rows[has_tag, len(BASE) + columns[has_tag]] = 1.0
    return np.hstack([rows, _context(rows, blocks, page.declared.elements)])


@lru_cache(maxsize=256)
def _log1p(indent: int) -> float:
    return math.log1p(indent)


def _tag_column(tag: str, heading: int) -> int:
    """The block's TAGS column (a heading's tag has none; another tag reads as "div"), -1 for none."""
    column = _TAG_INDEX.get(tag)
    if column is None:
        return -1 if heading else _TAG_INDEX["div"]
    return column


def _window_mean(values: np.ndarray, w: int) -> np.ndarray:
    """The mean of `values` (of each column, for a 2-D array) over each block's window of w blocks either side
    (a cumulative sum runs down each column in order, as over a 1-D array: the same sums)."""
    padded = np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])
    n = len(values)
    lo = np.maximum(np.arange(n) - w, 0)  # (np.clip costs more, and never reaches the other bound here)
    hi = np.minimum(np.arange(n) + w + 1, n)
    width = hi - lo
    return (padded[hi] - padded[lo]) / (width if values.ndim == 1 else width[:, None])


CONTEXT_COLUMNS = [BASE.index(source) for source in CONTEXT_SOURCES]


def _context(rows: np.ndarray, blocks, tokens: dict[int, str]) -> np.ndarray:
    n = len(blocks)
    columns = []
    sources = rows[:, CONTEXT_COLUMNS].astype(np.float64)  # windowed all at once, a source a column
    before = np.concatenate([np.zeros((1, len(CONTEXT_SOURCES))), sources[:-1]]) if n else sources
    after = np.concatenate([sources[1:], np.zeros((1, len(CONTEXT_SOURCES)))]) if n else sources
    windows = [_window_mean(sources, w) for w in WINDOWS]
    for k in range(len(CONTEXT_SOURCES)):
        columns += [before[:, k], after[:, k], *(window[:, k] for window in windows)]
    paragraph = rows[:, BASE.index("paragraph_like")] > 0
    idx = np.arange(n)
    last = np.maximum.accumulate(np.where(paragraph, idx, -1)) if n else idx
    prev_para = np.concatenate([[-1], last[:-1]]) if n else idx
    nxt = np.minimum.accumulate(np.where(paragraph, idx, n)[::-1])[::-1] if n else idx
    next_para = np.concatenate([nxt[1:], [n]]) if n else idx
    columns.append(np.log1p(np.where(prev_para >= 0, idx - prev_para, n)))
    columns.append(np.log1p(np.where(next_para < n, next_para - idx, n)))
    count = np.cumsum(paragraph)
    total = max(int(count[-1]) if n else 0, 1)
    columns.append(count / total)
    columns.append((total - count) / total)
    # The article's centre: where paragraph text is densest.
    weight = paragraph * rows[:, BASE.index("log_chars")]
    dense = _window_mean(weight.astype(np.float64), 5) if n else weight
    centre = int(np.argmax(dense)) if n else 0
    columns.append((idx - centre) / max(n, 1))
    columns.append(_run_lengths(blocks))
    columns.extend(_container_shares(blocks))
    columns.append(_same_text_counts(blocks))
    columns.extend(_candidate_features(blocks, tokens))
    return np.column_stack(columns).astype(np.float32) if n else np.zeros((0, len(columns)), dtype=np.float32)


def _run_lengths(blocks) -> np.ndarray:
    """How many neighbours in a row share this block's tag and path: menus and link lists come in long runs."""
    runs = [len(list(run)) for _, run in groupby((b.tag, b.path, b.indent) for b in blocks)]
    return np.repeat(list(map(math.log1p, runs)), runs) if runs else np.zeros(0)


def _container_shares(blocks) -> list[np.ndarray]:
    """The share of the page's text inside this block's parent and grandparent element (HTML mode): the
    article's container holds most of it. In text mode, blocks with the same indentation stand in for it.
    Characters are summed per distinct path (or indentation) first, then per container (integers: any order)."""
    sources = [b.path or b.indent for b in blocks]  # a path, or for a block without one its indentation
    own: dict[str | int, int] = {}
    for source, block in zip(sources, blocks, strict=True):
        own[source] = own.get(source, 0) + len(block.text)
    total = sum(own.values()) or 1
    shares = []
    for levels in (1, 2):
        key = {s: _parent(s, levels) if isinstance(s, str) else f"indent{s}" for s in own}
        chars: dict[str, int] = {}
        for source, size in own.items():
            chars[key[source]] = chars.get(key[source], 0) + size
        shares.append(np.array([chars[key[source]] for source in sources]) / total)
    return shares


def _same_text_counts(blocks) -> np.ndarray:
    """How often the block's text occurs on the page (repeated menus, repeated headlines)."""
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    return np.array([math.log(counts[b.text]) for b in blocks])


PARAGRAPH_TAGS = frozenset(("p", "td", "pre", "blockquote", "div", "section", "article", "dd", "li"))
# Readability's class and id weights and its "unlikely candidate" pattern.
_POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.I)
_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|"
    r"media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|"
    r"widget",
    re.I,
)
_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|"
    r"menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
    r"pagination|pager|popup|yom-remote",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow", re.I)
_has_positive, _has_negative, _has_unlikely, _has_maybe = map(finder, (_POSITIVE, _NEGATIVE, _UNLIKELY, _MAYBE))
_TAG_SCORE = {"div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3, "dl": -3,
              "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5,
              "h6": -5, "th": -5}  # fmt: skip


@lru_cache(maxsize=65536)
def _class_weight(token: str) -> float:
    names = token.partition(".")[2].replace("#", " ").replace(".", " ")
    if not names:
        return 0.0
    return 25.0 * (_has_positive(names) - _has_negative(names))


@lru_cache(maxsize=65536)
def _unlikely(token: str) -> bool:
    names = token.partition(".")[2].replace("#", " ").replace(".", " ")
    return bool(names) and _has_unlikely(names) and not _has_maybe(names)


def add_parents(parent: dict[int, int | None], ancestry: tuple[int, ...]) -> None:
    """Record each element's parent (None for a root) from a block's ancestry (element ids, outermost first),
    walking up only as far as the first element already recorded: each element is entered once per page."""
    for k in range(len(ancestry) - 1, -1, -1):
        if ancestry[k] in parent:
            break
        parent[ancestry[k]] = ancestry[k - 1] if k else None


def sums_below(parent: dict[int, int | None], order: list[int], *owns: dict) -> list[dict]:
    """For each per-element amount in `owns` (its own blocks'), the total inside each element of `order` (the
    elements in id order: parents are numbered before their children, so one reverse pass adds children up)."""
    totals = [{node: own.get(node, 0) for node in order} for own in owns]
    for node in reversed(order):
        up = parent[node]
        if up is not None:
            for total in totals:
                total[up] += total[node]
    return totals


def per_deepest(chains: list[tuple[int, ...]], value: Callable[[tuple[int, ...]], tuple]) -> list[tuple]:
    """`value(chain)` for each block's chain of elements (its ancestry; () for none), worked out once per deepest
    element: blocks whose deepest element is the same have the same chain."""
    found: dict[int | None, tuple] = {}
    out = []
    for chain in chains:
        key = chain[-1] if chain else None
        if key not in found:
            found[key] = value(chain)
        out.append(found[key])
    return out


def _candidate_features(blocks, tokens: dict[int, str]) -> list[np.ndarray]:
    """Readability's idea as features: paragraphs vote for their parent (and half for their grandparent) with
    their length and commas; a container starts from its tag's and class's weight, and its score is discounted
    by its link density. The best container is the article's likely home.

    A block's ancestry is its element's path from the root of one tree, so each element's parent is known from
    any block below it: sums over an element's blocks and maxima along a path are taken once per element (in
    id order, parents before children) instead of once per block and ancestor."""
    n = len(blocks)
    parent: dict[int, int | None] = {}
    own_chars: dict[int, int] = {}
    own_links: dict[int, int] = {}
    score: dict[int, float] = {}
    for block in blocks:
        ancestry = block.ancestry
        if not ancestry:
            continue
        size = len(block.text)
        deepest = ancestry[-1]
        own_chars[deepest] = own_chars.get(deepest, 0) + size
        own_links[deepest] = own_links.get(deepest, 0) + block.link_chars
        if deepest not in parent:  # (else its whole ancestry is recorded)
            add_parents(parent, ancestry)
        if size >= 25 and block.tag in PARAGRAPH_TAGS and len(ancestry) >= 2:
            vote = 1.0 + block.text.count(",") + min(size / 100, 3.0)
            for level, node in enumerate(ancestry[-2:-4:-1]):
                if node not in score:
                    token = tokens.get(node, "")
                    score[node] = _TAG_SCORE.get(token.partition(".")[0].partition("#")[0], 0) + _class_weight(token)
                score[node] += vote / (1 + level)
    # Characters and link characters inside each element: its own blocks' plus its children's (integers).
    order = sorted(parent)
    chars, links = sums_below(parent, order, own_chars, own_links)
    final = {node: s * (1.0 - links[node] / chars[node]) for node, s in score.items() if chars.get(node)}
    chains = [block.ancestry for block in blocks]

    def weighed(chain: tuple[int, ...]) -> tuple[float, float]:
        """The class weights and unlikeliness of a chain's six innermost elements."""
        weights, unlikely = 0.0, 0.0
        for node in chain[-6:]:
            token = tokens.get(node, "")
            weights += _class_weight(token)
            if _unlikely(token):
                unlikely = 1.0
        return weights, unlikely

    class_weight, unlikely = np.array(per_deepest(chains, weighed), dtype=np.float64).reshape(n, 2).T
    if not final:
        return [np.zeros(n), np.zeros(n), np.zeros(n), class_weight, unlikely]
    top = max(final, key=final.__getitem__)
    top_score = final[top] or 1.0
    top_parent = parent[top]  # (recorded from the first block whose ancestry holds top)
    # Along each element's path from the root: the best final score (the first of equals, as max() keeps),
    # and whether the path passes the top candidate or its parent.
    best: dict[int, float] = {}
    under_top: dict[int, bool] = {}
    under_parent: dict[int, bool] = {}
    for node in order:
        up = parent[node]
        value = final.get(node, 0.0)
        if up is None:
            best[node] = value
            under_top[node] = node == top
            under_parent[node] = node == top_parent
        else:
            best[node] = max(best[up], value)
            under_top[node] = under_top[up] or node == top
            under_parent[node] = under_parent[up] or node == top_parent

    def against_top(chain: tuple[int, ...]) -> tuple[float, float, float]:
        if not chain:
            return 0.0, 0.0, 0.0
        deepest = chain[-1]
        return (
            1.0 if under_top[deepest] else 0.0,
            best[deepest] / abs(top_score),
            1.0 if top_parent is not None and under_parent[deepest] else 0.0,
        )

    in_top, best_share, near_top = np.array(per_deepest(chains, against_top)).reshape(n, 3).T
    return [in_top, best_share, near_top, class_weight, unlikely]
