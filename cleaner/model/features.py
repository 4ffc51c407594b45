"""Block features for the learned scorer: the block's text, its markup (HTML mode) or layout (text mode), which
rule matched it, its position, and its neighbours' features (furniture comes in runs, articles in one stretch).

`page_features(page, hits, rule_names)` returns an (n_blocks, n_features) float32 matrix whose columns are
`feature_names(rule_names)`. Everything is computed once per page; neighbour features are windowed means.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ..record import Page
from .words import FURNITURE_WORDS, STOP_WORDS

_WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_SENTENCE = re.compile(r"[.!?…](?:\s|$)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BULLET = re.compile(r"^(?:\d{1,3}[.)]|[*•·▪►‣◦–-])\s")
_QUOTE = re.compile(r"[\"“”«»„]")
_URL = re.compile(r"https?://|www\.|\S@\S")
_CHROME = re.compile(r"(?:^|\s)(?:nav|aside|footer|form|menu|dialog)(?=[\s.#]|$)")
_HEADER = re.compile(r"(?:^|\s)header(?=[\s.#]|$)")
_BOILER = re.compile(
    r"[.#][\w-]*(?:nav|menu|footer|sidebar|breadcrumb|share|sharing|social|related|cookie|consent|newsletter|"
    r"subscri|signup|advert|banner|promo|outbrain|taboola|popup|modal|widget|tags|pagination|toolbar|masthead|"
    r"login|paywall|recommend|trending|popular|teaser|author-bio|disclaimer|copyright|print|button|btn|icon)",
    re.I,
)
_CONTENT = re.compile(r"[.#][\w-]*(?:content|article|body|post|entry|story|text|main|prose|rich)", re.I)
_COMMENT = re.compile(r"[.#][\w-]*(?:comment|reply|respond|discussion|disqus)", re.I)
_CAPTION = re.compile(r"(?:^|\s)(?:figure|figcaption)|[.#][\w-]*(?:caption|credit|gallery|media|image|photo)", re.I)

TAGS = ("p", "li", "td", "th", "div", "span", "blockquote", "pre", "figcaption", "dd", "dt", "a", "section", "line")
BASE = (
    "log_chars log_words mean_word_len stop_ratio punct_ratio terminal ends_colon log_sentences commas_per_word "
    "upper_ratio title_ratio digit_ratio has_year bullet separators link_density heading is_h1 in_content "
    "path_depth chrome site_header boilerplate_class content_class comment_class caption_class gap_before "
    "log_indent paragraph_like furniture_words title_like quotes has_url any_rule position char_position "
    "rel_length"
).split()
CONTEXT_SOURCES = ("log_chars", "paragraph_like", "link_density", "terminal", "any_rule", "furniture_words")
WINDOWS = (1, 3, 8)


def feature_names(rule_names: list[str]) -> list[str]:
    names = list(BASE) + [f"tag_{t}" for t in TAGS] + [f"rule_{r}" for r in rule_names]
    for source in CONTEXT_SOURCES:
        names += [f"prev_{source}", f"next_{source}"]
        names += [f"win{w}_{source}" for w in WINDOWS]
    names += [
        "dist_prev_paragraph", "dist_next_paragraph", "paragraphs_before", "paragraphs_after",
        "dist_main", "run_length", "parent_share", "grandparent_share", "same_text_count",
        "in_top_candidate", "best_candidate_share", "near_top_candidate", "class_weight", "unlikely",
    ]  # fmt: skip
    return names


def _text_features(text: str) -> list[float]:
    words = _WORD.findall(text)
    n_words = len(words)
    n_chars = len(text)
    letters = sum(c.isalpha() for c in text) or 1
    lower_words = [w.lower() for w in words]
    stop = sum(w in STOP_WORDS for w in lower_words)
    furniture = sum(w in FURNITURE_WORDS for w in lower_words)
    punct = sum(not c.isalnum() and not c.isspace() for c in text)
    sentences = len(_SENTENCE.findall(text))
    terminal = 1.0 if _TERMINAL.search(text) else 0.0
    paragraph_like = 1.0 if n_words >= 20 or (n_words >= 10 and terminal) else 0.0
    title_like = 1.0 if 1 <= n_words <= 20 and not terminal and not text.endswith((",", ";", ":")) else 0.0
    return [
        math.log1p(n_chars),
        math.log1p(n_words),
        (sum(map(len, words)) / n_words) if n_words else 0.0,
        stop / n_words if n_words else 0.0,
        punct / n_chars if n_chars else 0.0,
        terminal,
        1.0 if text.endswith(":") else 0.0,
        math.log1p(sentences),
        text.count(",") / n_words if n_words else 0.0,
        sum(c.isupper() for c in text) / letters,
        sum(w[0].isupper() for w in words) / n_words if n_words else 0.0,
        sum(c.isdigit() for c in text) / n_chars if n_chars else 0.0,
        1.0 if _YEAR.search(text) else 0.0,
        1.0 if _BULLET.match(text) else 0.0,
        float(text.count("|") + text.count("•") + text.count("·") + text.count("»")),
        paragraph_like,
        float(furniture),
        title_like,
        1.0 if _QUOTE.search(text) else 0.0,
        1.0 if _URL.search(text) else 0.0,
    ]


def _parent(path: str, levels: int) -> str:
    parts = path.rsplit(" ", levels)
    return parts[0] if len(parts) > levels else ""


def page_features(page: Page, hits: list[str | None], rule_names: list[str]) -> np.ndarray:
    blocks = page.blocks
    n = len(blocks)
    rule_index = {name: i for i, name in enumerate(rule_names)}
    n_tags = len(TAGS)
    rows = np.zeros((n, len(BASE) + n_tags + len(rule_names)), dtype=np.float32)
    total_chars = sum(len(b.text) for b in blocks) or 1
    max_chars = max((len(b.text) for b in blocks), default=1) or 1
    chars_before = 0
    tag_index = {t: i for i, t in enumerate(TAGS)}
    for i, block in enumerate(blocks):
        text = block.text
        t = _text_features(text)
        path = block.path
        rows[i, : len(BASE)] = (
            t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13], t[14],
            block.link_density, block.heading, 1.0 if block.heading == 1 else 0.0, 1.0 if block.in_content else 0.0,
            path.count(" ") + 1 if path else 0, 1.0 if _CHROME.search(path) else 0.0,
            1.0 if _HEADER.search(path) and not block.in_content else 0.0,
            1.0 if _BOILER.search(path) else 0.0, 1.0 if _CONTENT.search(path) else 0.0,
            1.0 if _COMMENT.search(path) else 0.0, 1.0 if _CAPTION.search(path) else 0.0,
            min(block.gap_before, 3), math.log1p(block.indent), t[15], t[16], t[17], t[18], t[19],
            1.0 if hits[i] else 0.0, i / n, chars_before / total_chars, len(text) / max_chars,
        )  # fmt: skip
        chars_before += len(text)
        column = tag_index.get(block.tag)
        if column is None:
            column = tag_index["div"] if not block.heading else None
        if column is not None:
            rows[i, len(BASE) + column] = 1.0
        if hits[i] in rule_index:
            rows[i, len(BASE) + n_tags + rule_index[hits[i]]] = 1.0
    return np.hstack([rows, _context(rows, blocks, page.meta.get("node_tokens") or {})])


def _window_mean(values: np.ndarray, w: int) -> np.ndarray:
    padded = np.concatenate([[0.0], np.cumsum(values)])
    n = len(values)
    lo = np.clip(np.arange(n) - w, 0, n)
    hi = np.clip(np.arange(n) + w + 1, 0, n)
    return (padded[hi] - padded[lo]) / (hi - lo)


def _context(rows: np.ndarray, blocks, tokens: dict[int, str]) -> np.ndarray:
    n = len(blocks)
    columns = []
    for source in CONTEXT_SOURCES:
        values = rows[:, BASE.index(source)].astype(np.float64)
        columns.append(np.concatenate([[0.0], values[:-1]]) if n else values)
        columns.append(np.concatenate([values[1:], [0.0]]) if n else values)
        columns.extend(_window_mean(values, w) for w in WINDOWS)
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
    n = len(blocks)
    out = np.zeros(n)
    i = 0
    while i < n:
        key = (blocks[i].tag, blocks[i].path, blocks[i].indent)
        j = i
        while j < n and (blocks[j].tag, blocks[j].path, blocks[j].indent) == key:
            j += 1
        out[i:j] = math.log1p(j - i)
        i = j
    return out


def _container_shares(blocks) -> list[np.ndarray]:
    """The share of the page's text inside this block's parent and grandparent element (HTML mode): the
    article's container holds most of it. In text mode, blocks with the same indentation stand in for it."""
    total = sum(len(b.text) for b in blocks) or 1
    shares = []
    for levels in (1, 2):
        keys = [(_parent(b.path, levels) if b.path else f"indent{b.indent}") for b in blocks]
        chars: dict[str, int] = {}
        for key, block in zip(keys, blocks, strict=True):
            chars[key] = chars.get(key, 0) + len(block.text)
        shares.append(np.array([chars[k] / total for k in keys]))
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
_TAG_SCORE = {"div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3, "dl": -3,
              "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5,
              "h6": -5, "th": -5}  # fmt: skip


def _class_weight(token: str) -> float:
    names = token.partition(".")[2].replace("#", " ").replace(".", " ")
    if not names:
        return 0.0
    return 25.0 * (bool(_POSITIVE.search(names)) - bool(_NEGATIVE.search(names)))


def _unlikely(token: str) -> bool:
    names = token.partition(".")[2].replace("#", " ").replace(".", " ")
    return bool(names) and bool(_UNLIKELY.search(names)) and not _MAYBE.search(names)


def _candidate_features(blocks, tokens: dict[int, str]) -> list[np.ndarray]:
    """Readability's idea as features: paragraphs vote for their parent (and half for their grandparent) with
    their length and commas; a container starts from its tag's and class's weight, and its score is discounted
    by its link density. The best container is the article's likely home."""
    n = len(blocks)
    score: dict[int, float] = {}
    chars: dict[int, int] = {}
    links: dict[int, int] = {}
    for block in blocks:
        size = len(block.text)
        for node in block.ancestry:
            chars[node] = chars.get(node, 0) + size
            links[node] = links.get(node, 0) + block.link_chars
        if size >= 25 and block.tag in PARAGRAPH_TAGS and len(block.ancestry) >= 2:
            vote = 1.0 + block.text.count(",") + min(size / 100, 3.0)
            for level, node in enumerate(block.ancestry[-2:-4:-1]):
                if node not in score:
                    token = tokens.get(node, "")
                    score[node] = _TAG_SCORE.get(token.partition(".")[0].partition("#")[0], 0) + _class_weight(token)
                score[node] += vote / (1 + level)
    final = {node: s * (1.0 - links[node] / chars[node]) for node, s in score.items() if chars.get(node)}
    in_top, best_share, near_top = np.zeros(n), np.zeros(n), np.zeros(n)
    class_weight, unlikely = np.zeros(n), np.zeros(n)
    flags: dict[int, tuple[float, bool]] = {}
    for i, block in enumerate(blocks):
        for node in block.ancestry[-6:]:
            if node not in flags:
                token = tokens.get(node, "")
                flags[node] = (_class_weight(token), _unlikely(token))
            weight, is_unlikely = flags[node]
            class_weight[i] += weight
            if is_unlikely:
                unlikely[i] = 1.0
    if not final:
        return [in_top, best_share, near_top, class_weight, unlikely]
    top = max(final, key=final.__getitem__)
    top_score = final[top] or 1.0
    top_parent = None
    for block in blocks:
        if top in block.ancestry:
            at = block.ancestry.index(top)
            top_parent = block.ancestry[at - 1] if at else None
            break
    for i, block in enumerate(blocks):
        ancestry = block.ancestry
        in_top[i] = 1.0 if top in ancestry else 0.0
        best_share[i] = max((final.get(a, 0.0) for a in ancestry), default=0.0) / abs(top_score)
        near_top[i] = 1.0 if top_parent is not None and top_parent in ancestry else 0.0
    return [in_top, best_share, near_top, class_weight, unlikely]
