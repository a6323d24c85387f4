"""Ingest: discovery, every input format, and every way an input can be bad."""
from __future__ import annotations

import gzip
import io
import json
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
