"""Fuzzing (issue 8): arbitrary bytes, hostile unicode, HTML soup, JSONL with wrong types, truncated gzip and
WARC, through the API and the CLI. Invariants: no exception escapes `clean()`; the CLI gives one record or one
reject per input; every output line is valid UTF-8 JSON; the same input gives the same output.

Profiles: `ci` (the default: bounded examples, derandomised so CI is reproducible) and `deep` for a long hunt:
`HYPOTHESIS_PROFILE=deep pytest tests/test_fuzz.py`.
"""

import gzip
import io
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import cleaner
from cleaner import Article, Cleaner
from cleaner.cli import app

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, suppress_health_check=_SLOW_IS_FINE)
settings.register_profile("deep", max_examples=2_000, deadline=None, suppress_health_check=_SLOW_IS_FINE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Characters that break naive text handling: lone surrogates, bidi and zero-width marks, BOM, controls, NUL,
# every kind of line break, and markup's own.
NASTY = list("\ud800\udbff\udc00\udfff\u202e\u202d\u200f\u200e\u2066\u2069\u200b\u200c\u200d\u2060\ufeff\ufffd")
NASTY += list("\x00\x01\x08\x0b\x0c\x1b\x7f\x85\r\n\t\u2028\u2029 <>&;/\"'=!-.?") + [
    "\r\n",
    "&amp;",
    "&#0;",
    "&#xD800;",
]
hostile_text = st.lists(st.one_of(st.characters(), st.sampled_from(NASTY)), max_size=200).map("".join)

TAGS = "html head body title meta div p span a article main nav footer h1 h2 li ul table td script style br".split()
_tag_name = st.sampled_from(TAGS + ["svg", "math", "plaintext", "template", "x-y", "DIV"])
_attribute = st.tuples(
    st.sampled_from(["class", "id", "href", "name", "content", "hidden", "style", "lang"]), hostile_text
)
_open_tag = st.builds(
    lambda name, attrs, close: f"<{name}" + "".join(f' {k}="{v}"' for k, v in attrs) + ("/>" if close else ">"),
    _tag_name,
    st.lists(_attribute, max_size=3),
    st.booleans(),
)
_markup = st.one_of(
    _open_tag,
    _tag_name.map(lambda name: f"</{name}>"),
    st.sampled_from(["<!--", "-->", "<!doctype html>", "<![CDATA[", "]]>", "<?xml?>", "<", ">", "</", "<a", "&"]),
    hostile_text,
)
html_soup = st.lists(_markup, max_size=60).map("".join)
encoded_soup = st.tuples(html_soup, st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252", "latin-1"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)
any_page = st.one_of(st.binary(max_size=3_000), hostile_text, html_soup, encoded_soup)

_fuzz_cleaner = Cleaner()


def valid_json_line(record: dict) -> dict:
    """The record as the CLI writes it: one line of JSON, valid UTF-8, that reads back to the same record."""
    from cleaner.io.writers import to_json_line

    line = to_json_line(record)
    assert line.endswith("\n") and "\n" not in line[:-1]
    data = line.encode("utf-8")  # raises on a lone surrogate: output must be valid UTF-8
    return json.loads(data.decode("utf-8"))


@given(page=any_page, mode=st.sampled_from(["auto", "html", "text"]), url=st.none() | hostile_text)
def test_clean_never_raises_and_is_deterministic(page, mode, url):
    first = _fuzz_cleaner.clean(page, url=url, mode=mode, id="p")
    assert isinstance(first, Article) and first.id == "p"
    assert first.error is None or first.error.strip()
    record = first.to_dict(explain=True)
    assert valid_json_line(record)["id"] == "p"
    assert _fuzz_cleaner.clean(page, url=url, mode=mode, id="p").to_dict(explain=True) == record


@given(page=st.one_of(any_page, st.integers(), st.none(), st.lists(st.text(), max_size=2)))
def test_module_clean_never_raises(page):
    article = cleaner.clean(page)
    assert isinstance(article, Article)
    valid_json_line(article.to_dict())


# --- the CLI: one record or one reject per input, valid UTF-8 JSON Lines, the same bytes twice ------------------

runner = CliRunner()
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
)
_field_value = st.one_of(json_value, html_soup, hostile_text)
jsonl_object = st.fixed_dictionaries(
    {},
    optional={"id": json_value, "url": json_value, "text": _field_value, "html": _field_value, "extra": json_value},
)
_line_bytes = st.binary(max_size=200).map(lambda b: b.replace(b"\n", b""))
jsonl_line = st.one_of(
    jsonl_object.map(lambda obj: json.dumps(obj, ensure_ascii=False).encode("utf-8", errors="surrogatepass")),
    jsonl_object.map(lambda obj: json.dumps(obj).encode("ascii")),  # lone surrogates as \ud800 escapes
    json_value.map(lambda value: json.dumps(value).encode("ascii")),
    _line_bytes,
)


def run_cli(workdir: Path, *inputs: str) -> tuple[list[dict], list[dict], bytes]:
    """Run `cleaner clean` on `inputs`; returns the records, the rejects, and both files' bytes."""
    out, rejects = workdir / "out.jsonl", workdir / "rejects.jsonl"
    for stale in (out, rejects):
        stale.unlink(missing_ok=True)
    result = runner.invoke(app, ["clean", *inputs, "-o", str(out), "--rejects", str(rejects)])
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
    written = out.read_bytes() + b"\0" + rejects.read_bytes()
    records, rejected = (
        [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()] for path in (out, rejects)
    )
    assert all("error" not in r for r in records) and all(r["error"] and r["id"] for r in rejected)
    return records, rejected, written


@given(lines=st.lists(jsonl_line, min_size=1, max_size=12))
def test_cli_gives_one_record_or_reject_per_jsonl_line(tmp_path_factory, lines):
    workdir = tmp_path_factory.mktemp("jsonl")
    dump = workdir / "pages.jsonl"
    dump.write_bytes(b"\n".join(lines) + b"\n")
    records, rejected, written = run_cli(workdir, str(dump))
    assert len(records) + len(rejected) == sum(1 for line in lines if line.strip())
    assert written.count(b"\n") == len(records) + len(rejected)
    assert run_cli(workdir, str(dump))[2] == written


@given(pages=st.lists(st.tuples(any_page, st.sampled_from([".txt", ".html", ".htm", ".txt.gz"])), max_size=5))
def test_cli_gives_one_record_or_reject_per_file(tmp_path_factory, pages):
    workdir = tmp_path_factory.mktemp("files")
    folder = workdir / "pages"
    folder.mkdir()
    for n, (page, suffix) in enumerate(pages):
        data = page.encode("utf-8", errors="surrogatepass") if isinstance(page, str) else page
        (folder / f"page-{n}{suffix}").write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
    records, rejected, written = run_cli(workdir, str(folder))
    assert len(records) + len(rejected) == max(len(pages), 1)  # an empty folder is one reject
    assert run_cli(workdir, str(folder))[2] == written


def _warc(pages: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n, body in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        url = f"http://fuzz.example/{n}"
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def _jsonl_gz(pages: list[bytes]) -> bytes:
    lines = (json.dumps({"id": f"p{n}", "html": p.decode("latin-1")}) for n, p in enumerate(pages))
    return gzip.compress("".join(line + "\n" for line in lines).encode(), mtime=0)


@given(
    pages=st.lists(html_soup.map(lambda s: s.encode("utf-8", errors="replace")), min_size=1, max_size=6),
    kind=st.sampled_from([(".warc.gz", _warc), (".jsonl.gz", _jsonl_gz)]),
    cut=st.floats(0, 1),
)
def test_truncated_gzip_and_warc_keep_what_comes_before_the_damage(tmp_path_factory, pages, kind, cut):
    suffix, build = kind
    whole = build(pages)
    workdir = tmp_path_factory.mktemp("truncated")
    damaged = workdir / f"pages{suffix}"
    damaged.write_bytes(whole[: int(len(whole) * cut)])
    records, rejected, written = run_cli(workdir, str(damaged))
    everything = records + rejected
    assert len(everything) <= len(pages) + 1  # at most one reject for the damage itself
    assert len({r["id"] for r in everything}) == len(everything)  # no page twice
    assert run_cli(workdir, str(damaged))[2] == written
