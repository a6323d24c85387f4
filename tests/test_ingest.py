"""Ingest: discovery, every input format, and every way an input can be bad."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.ingest import discover, read_records
from tasks.records import RawRecord, Reject

FIX = Path(__file__).parent / "fixtures" / "normalise"
PAGE = b"<html><head><title>T</title></head><body><p>" + b"Some words of the story. " * 40 + b"</p></body></html>"


def records(path: Path, **kw) -> list[RawRecord | Reject]:
    return list(read_records(path, **kw))


def write_warc(path: Path, n: int = 3, gz: bool = True) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for i in range(n):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.com/{i}", "response", payload=io.BytesIO(PAGE),
                                            http_headers=http, warc_headers_dict={"WARC-Date": "2015-05-12T10:00:00Z"})
            writer.write_record(rec)
        req = writer.create_warc_record("https://example.com/x", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(req)


def test_discover_directory_sorted_recursive_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.html", "c.jsonl", "README.md", "b/x.warc.gz", "d.zip"]:
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.html", "b/2.txt", "b/x.warc.gz", "c.jsonl", "d.zip"]


def test_discover_glob_and_single_file(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.json").write_text("{}")
    assert discover(str(tmp_path / "*.txt")) == [tmp_path / "a.txt"]
    assert discover(tmp_path / "b.json") == [tmp_path / "b.json"]


def test_discover_missing_source(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        discover(tmp_path / "nope")


def test_txt_and_html(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Hello world")
    (tmp_path / "a.html").write_bytes(PAGE)
    [txt] = records(tmp_path / "a.txt")
    [html] = records(tmp_path / "a.html")
    assert (txt.fmt, txt.data, txt.is_html, txt.source) == ("txt", b"Hello world", False, str(tmp_path / "a.txt"))
    assert html.is_html and html.fmt == "html"


def test_jsonl_bad_line_rejected_rest_read(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "one", "title": "T", "url": "u", "published": "2015-05-12", "author": "A"}) + "\n"
                 + "{not json\n" + json.dumps({"html": "<p>two</p>"}) + "\n\n" + json.dumps([1]) + "\n")
    out = records(p)
    assert [type(r).__name__ for r in out] == ["RawRecord", "Reject", "RawRecord", "Reject"]
    assert (out[0].title, out[0].url, out[0].published, out[0].author) == ("T", "u", "2015-05-12", "A")
    assert out[1].reason == "invalid_json" and out[1].source == f"{p}#L2"
    assert out[2].is_html and out[2].source == f"{p}#L3"
    assert out[3].reason == "invalid_record"


def test_json_object_and_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "x"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "x"}, {"html": "<p>y</p>"}, {"title": "no body"}]))
    [one] = records(tmp_path / "one.json")
    assert one.source == f"{tmp_path / 'one.json'}#r0"
    many = records(tmp_path / "many.json")
    assert [getattr(r, "reason", None) for r in many] == [None, None, "no_text_field"]
    assert many[1].source.endswith("#r1")


def test_warc_streams_html_responses(tmp_path):
    p = tmp_path / "a.warc.gz"
    write_warc(p)
    out = records(p)
    assert len(out) == 3 and all(isinstance(r, RawRecord) for r in out)
    assert out[0].url == "https://example.com/0" and out[0].published == "2015-05-12T10:00:00Z"
    assert out[0].is_html and out[0].data == PAGE and out[0].source.startswith(f"{p}#r")
    assert len({r.source for r in out}) == 3


def test_uncompressed_warc(tmp_path):
    p = tmp_path / "a.warc"
    write_warc(p, gz=False)
    assert len(records(p)) == 3


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_rejected_cleanly(tmp_path, gz):
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(p, gz=gz)
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.6)])
    out = records(p)
    assert isinstance(out[-1], Reject) and out[-1].reason == "truncated_warc"
    assert all(isinstance(r, RawRecord) and r.data == PAGE for r in out[:-1])


def test_warc_gz_that_is_not_gzip(tmp_path):
    p = tmp_path / "a.warc.gz"
    p.write_bytes(b"<html>not a warc</html>")
    assert [r.reason for r in records(p)] == ["wrong_format:not_gzip"]


def test_zip_and_tar_members(tmp_path):
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("news/b.txt", "second")
        zf.writestr("news/a.txt", "first")
        zf.writestr("notes.md", "ignored")
    out = records(z)
    assert [r.source for r in out] == [f"{z}!news/a.txt", f"{z}!news/b.txt"]
    assert out[0].data == b"first" and out[0].path == str(z)
    t = tmp_path / "a.tar.gz"
    with tarfile.open(t, "w:gz") as tf:
        for name, data in [("x.json", json.dumps({"text": "j"}).encode()), ("y.html", PAGE)]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    out = records(t)
    assert [r.source for r in out] == [f"{t}!x.json#r0", f"{t}!y.html"]


def test_empty_binary_and_wrong_format(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b" \n\n ")
    (tmp_path / "b.txt").write_bytes(b"abc\x00\x01\x02def" * 10)
    (tmp_path / "h.json").write_bytes(b"<!DOCTYPE html><html></html>")
    assert [r.reason for r in records(tmp_path / "e.txt")] == ["empty"]
    assert [r.reason for r in records(tmp_path / "w.txt")] == ["empty"]
    assert [r.reason for r in records(tmp_path / "b.txt")] == ["binary"]
    assert [r.reason for r in records(tmp_path / "h.json")] == ["wrong_format:html"]
    assert [r.reason for r in records(FIX / "image.html")] == ["wrong_format:png"]


def test_too_large_is_judged_by_size_not_read(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    read_sizes = []
    real_open = Path.open

    def spy(self, *a, **kw):  # noqa: ANN001
        fh = real_open(self, *a, **kw)
        orig = fh.read
        fh.read = lambda n=-1: (read_sizes.append(n), orig(n))[1]
        return fh

    monkeypatch.setattr(Path, "open", spy)
    [rej] = records(p)
    assert rej.reason == "too_large" and read_sizes == []


def test_too_large_jsonl_line_skipped(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    out = records(p, max_bytes=1000)
    assert [getattr(r, "reason", None) for r in out] == ["too_large", None]
    assert out[1].source.endswith("#L2")


def test_gzip_payload_in_txt_is_binary(tmp_path):
    (tmp_path / "g.txt").write_bytes(gzip.compress(b"hello"))
    assert [r.reason for r in records(tmp_path / "g.txt")] == ["binary"]


# --------------------------------------------------------------------------- bad input (issue 12)


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _read_without_file_permissions(folder: Path) -> list[str]:
    """discover + read_records in a child that file permissions apply to (root: without the override)."""
    code = ("import sys; from tasks.ingest import discover, read_records\n"
            "for p in discover(sys.argv[1]):\n"
            "    for r in read_records(p): print(type(r).__name__, getattr(r, 'reason', '-'), r.source)\n")
    cmd = [sys.executable, "-c", code, str(folder)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv cannot be denied a read")
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent).stdout.splitlines()


def test_unreadable_file_is_a_reject_and_the_rest_is_read(tmp_path):
    """Permission denied for real: root gets it only without the file-permission override."""
    (tmp_path / "a.txt").write_text("readable story")
    locked = tmp_path / "b.txt"
    locked.write_text("locked story")
    locked.chmod(0)
    assert _read_without_file_permissions(tmp_path) == [f"RawRecord - {tmp_path / 'a.txt'}", f"Reject unreadable {locked}"]


def test_file_gone_after_discovery_is_unreadable(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("story")
    [found] = discover(tmp_path)
    p.unlink()
    [rej] = records(found)
    assert rej.reason == "unreadable" and "FileNotFoundError" in rej.detail


def test_discover_gives_one_absolute_name_however_typed(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("story")
    monkeypatch.chdir(tmp_path)
    relative = discover("news")
    assert relative == discover(tmp_path / "news") == discover(str(tmp_path / "news" / ".." / "news"))
    assert relative == [(tmp_path / "news" / "a.txt").resolve()] and relative[0].is_absolute()
    assert discover("news/*.txt") == relative and discover("news/a.txt") == relative


def test_zip_in_zip_is_read(tmp_path):
    inner = _zip_bytes({"inner/a.txt": b"story in a nested zip"})
    z = tmp_path / "outer.zip"
    z.write_bytes(_zip_bytes({"b.txt": b"outer story", "nested.zip": inner}))
    out = records(z)
    assert [(type(r).__name__, r.source) for r in out] == [
        ("RawRecord", f"{z}!b.txt"), ("RawRecord", f"{z}!nested.zip!inner/a.txt")]
    assert out[1].data == b"story in a nested zip" and out[1].path == str(z)


def test_tar_in_zip_is_read(tmp_path):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        info = tarfile.TarInfo("t.txt")
        info.size = 5
        tf.addfile(info, io.BytesIO(b"tarry"))
    z = tmp_path / "a.zip"
    z.write_bytes(_zip_bytes({"x.tar.gz": buf.getvalue()}))
    [rec] = records(z)
    assert rec.source == f"{z}!x.tar.gz!t.txt" and rec.data == b"tarry"


def test_archives_nested_too_deep_are_rejected(tmp_path):
    data = _zip_bytes({"deep.txt": b"four levels down"})
    for level in range(3):
        data = _zip_bytes({f"l{level}.zip": data})
    z = tmp_path / "a.zip"
    z.write_bytes(data)
    [rej] = records(z)
    assert rej.reason == "nested_archive" and rej.source == f"{z}!l2.zip!l1.zip!l0.zip"


def test_nested_archive_bigger_than_a_member_may_be(tmp_path):
    inner = _zip_bytes({"a.txt": os.urandom(3000)})
    z = tmp_path / "a.zip"
    z.write_bytes(_zip_bytes({"n.zip": inner}))
    [rej] = records(z, max_bytes=1000)
    assert rej.reason == "too_large" and rej.source.endswith("!n.zip")


@pytest.mark.parametrize("codec,compress", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_compressed_single_files_are_read_by_inner_suffix(tmp_path, codec, compress):
    (tmp_path / f"a.txt{codec}").write_bytes(compress(b"plain story"))
    (tmp_path / f"b.jsonl{codec}").write_bytes(compress(b'{"text": "one"}\n{"text": "two"}\n'))
    (tmp_path / f"c.html{codec}").write_bytes(compress(PAGE))
    out = [r for p in discover(tmp_path) for r in records(p)]
    assert [(r.fmt, r.source.rsplit("/", 1)[1]) for r in out] == [
        ("txt", f"a.txt{codec}"), ("jsonl", f"b.jsonl{codec}#L1"), ("jsonl", f"b.jsonl{codec}#L2"),
        ("html", f"c.html{codec}")]
    assert out[0].data == b"plain story" and out[3].is_html


def test_compressed_warc_stays_a_warc_and_gz_of_warc_too(tmp_path):
    p = tmp_path / "a.warc.gz"
    write_warc(p)
    assert len(records(p)) == 3
    q = tmp_path / "b.warc.xz"
    write_warc(tmp_path / "b.warc", gz=False)
    q.write_bytes(lzma.compress((tmp_path / "b.warc").read_bytes()))
    assert [r.fmt for r in records(q)] == ["warc"] * 3


def test_compression_bomb_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr("tasks.ingest.MAX_EXPANDED", 50_000)
    p = tmp_path / "bomb.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"text": "x"}\n' * 100_000))
    out = records(p, max_bytes=1000)
    assert out[-1].reason == "too_large" and "decompression" in out[-1].detail
    assert len(out) < 5000
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5000))
    assert [r.reason for r in records(tmp_path / "bomb.txt.gz", max_bytes=1000)] == ["too_large"]


def test_corrupt_compressed_file(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gzip.compress(b"story " * 100)[:30])
    [rej] = records(p)
    assert rej.reason == "corrupt_archive"
    q = tmp_path / "b.txt.bz2"
    q.write_bytes(b"not bzip2 at all")
    assert [r.reason for r in records(q)] == ["corrupt_archive"]


@pytest.mark.parametrize("doc,detail", [(b"42", "int"), (b'"just a string"', "str"), (b"[1, 2]", "int"),
                                        (b"[]", "empty"), (b"null", "NoneType")])
def test_json_without_an_article_object(tmp_path, doc, detail):
    p = tmp_path / "a.json"
    p.write_bytes(doc)
    out = records(p)
    assert {r.reason for r in out} == {"invalid_record"} and detail in out[0].detail


def test_text_in_a_json_file_is_still_wrong_format(tmp_path):
    (tmp_path / "a.json").write_bytes(b"Just some words")
    assert [r.reason for r in records(tmp_path / "a.json")] == ["wrong_format:text"]


def _shorten_first_record(raw: bytes, by: int) -> bytes:
    """The first record's Content-Length made ``by`` bytes smaller than its block."""
    i = raw.index(b"Content-Length: ") + len(b"Content-Length: ")
    j = raw.index(b"\r\n", i)
    return raw[:i] + str(int(raw[i:j]) - by).encode() + raw[j:]


@pytest.mark.parametrize("gz", [False, True])
def test_record_shorter_than_its_block_is_truncated_record(tmp_path, gz):
    plain = tmp_path / "plain.warc"
    write_warc(plain, gz=False)
    bad = _shorten_first_record(plain.read_bytes(), 300)
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    if gz:  # one gzip member per record, as WARC writers do
        bad = b"".join(gzip.compress(b"WARC/1." + part) for part in bad.split(b"WARC/1.")[1:])
    p.write_bytes(bad)
    out = records(p)
    assert [getattr(r, "reason", None) for r in out] == ["truncated_record", None, None]
    assert out[0].source.endswith("#r0") and all(r.data == PAGE for r in out[1:])


def test_block_digest_mismatch_is_corrupt_record(tmp_path):
    p = tmp_path / "a.warc"
    write_warc(p, gz=False)
    raw = p.read_bytes()
    i = raw.index(b"Some words")
    p.write_bytes(raw[:i] + b"Sone" + raw[i + 4:])  # same length, different bytes
    out = records(p)
    assert [getattr(r, "reason", None) for r in out] == ["corrupt_record", None, None]


def test_names_that_are_not_utf8_give_storable_labels(tmp_path):
    """A Latin-1 file name (and tar member name) must not put lone surrogates into a UTF-8 column."""
    (Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))).write_bytes(b"story")
    t = tmp_path / "a.tar"
    with tarfile.open(t, "w", format=tarfile.GNU_FORMAT, encoding="latin-1") as tf:
        info = tarfile.TarInfo("m\xe9mo.txt")
        info.size = 4
        tf.addfile(info, io.BytesIO(b"memo"))
    out = [r for p in discover(tmp_path) for r in records(p)]
    assert sorted(r.source.rsplit("/", 1)[1] for r in out) == ["a.tar!m\\xe9mo.txt", "caf\\xe9.txt"]
    for r in out:
        r.source.encode("utf-8")
        r.path.encode("utf-8")


def test_folder_that_cannot_be_listed_is_an_unreadable_reject(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("hidden story")
    (tmp_path / "b.txt").write_text("visible story")
    (tmp_path / "locked").chmod(0)
    try:
        out = _read_without_file_permissions(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert out == [f"RawRecord - {tmp_path / 'b.txt'}", f"Reject unreadable {tmp_path / 'locked'}"]
