"""RawRecord -> Article end to end: encodings, HTML, junk, language, ids."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from tasks.ingest import read_records
from tasks.normalise import normalise, parse_date, unwrap
from tasks.records import Article, RawRecord, Reject

FIX = Path(__file__).parent / "fixtures" / "normalise"
SEED = Path(__file__).parent.parent / "seeds" / "000_e5e4900b5f92f034.txt"


def one(path: Path) -> Article | Reject:
    [rec] = list(read_records(path))
    return normalise(rec)


def test_seed_article():
    art = one(SEED)
    assert isinstance(art, Article)
    assert art.text.startswith("US Secretary of State John Kerry")
    assert art.title == "Ukraine crisis: John Kerry to meet Putin in Russia"
    assert "Uncategorized" not in art.text
    assert "Ukraine crisis: John Kerry to meet Putin in Russia" not in art.text
    assert art.text.endswith("Both Ukraine and Nato have warned of a risk of a return to widespread violence.")
    # Every body sentence survives (the seed has 25 body lines after breadcrumb and headline).
    raw_body = [ln for ln in SEED.read_text(encoding="utf-8").splitlines()[3:] if ln.strip()]
    assert len(art.text.split("\n\n")) == len(raw_body)
    assert art.article_id == hashlib.sha1(art.text.encode()).hexdigest()[:16]
    assert art.language == "en" and art.encoding == "utf-8" and art.fmt == "txt"


def test_cp1252_file():
    art = one(FIX / "cp1252.txt")
    assert art.encoding == "cp1252"
    assert "£1.20" in art.text and "“further rises”" in art.text and "\r" not in art.text
    assert art.title == "Shop prices rise again"


def test_utf8_bom_file():
    art = one(FIX / "bom.txt")
    assert art.encoding == "utf-8-sig" and not art.text.startswith("\ufeff")
    assert "The FTSE 100 index closed at 7,020 points" in art.text


def test_mojibake_file():
    art = one(FIX / "mojibake.txt")
    assert "wasn’t" in art.text and "café" in art.text and "â€" not in art.text


def test_html_file():
    art = one(FIX / "article.html")
    assert art.text.startswith("The city council voted") and "Advertisement" not in art.text
    assert art.title == "Council approves budget after months of debate"
    assert art.published == date(2015, 5, 12) and art.author == "Jane Smith"
    assert art.url == "https://gazette.example.com/news/council-budget"
    assert len(art.text.split("\n\n")) == 4


def test_non_english_rejected():
    rej = one(FIX / "german.txt")
    assert isinstance(rej, Reject) and rej.reason == "language:de"
    assert isinstance(normalise(next(read_records(FIX / "german.txt")), languages=frozenset({"en", "de"})), Article)


def test_unspaced_script_is_judged_too():
    # Japanese has no spaces between words: it must not pass as an unjudged "short" English text.
    text = ("東京都は二十日、新しい図書館の建設計画を発表した。完成は二〇二八年の予定で、"
            "総工費は約百二十億円と見込まれている。知事は記者会見で、地域の子どもたちが"
            "気軽に本に親しめる場所にしたいと述べた。計画には市民の意見も取り入れるという。")
    rej = normalise(RawRecord("ja", "", "txt", text.encode()))
    assert isinstance(rej, Reject) and rej.reason == "language:ja"


def test_short_english_brief_not_rejected_on_language():
    art = normalise(RawRecord("s", "", "txt", b"Kerry meets Putin in Sochi."))
    assert isinstance(art, Article) and art.language == "en"


def test_metadata_from_record_wins():
    rec = RawRecord("j#L1", "j", "jsonl", "Body text of the story, which is long enough to keep as it is.",
                    title="Given", url="https://x", published="2023-03-23 17:18:00", author="A. Writer")
    art = normalise(rec)
    assert (art.title, art.url, art.published, art.author) == ("Given", "https://x", date(2023, 3, 23), "A. Writer")


def test_no_text_and_control_characters():
    assert normalise(RawRecord("a", "", "txt", b"Advertisement\nRead more\n")).reason == "no_text"
    assert normalise(RawRecord("b", "", "txt", "\x01\x02\x03\x04\x05ab")).reason == "control_characters"
    assert normalise(RawRecord("c", "", "txt", b"\x81\x8d\x8f\x90\x9d\xff" * 20)).reason == "invalid_encoding"


def test_whitespace_and_paragraphs():
    art = normalise(RawRecord("w", "", "txt", "First   paragraph\t is here, with spaces.\r\n\r\nSecond\u00a0one follows it, as expected.\r\n"))
    assert art.text == "First paragraph is here, with spaces.\n\nSecond one follows it, as expected."


def test_unwrap_hard_wrapped_paragraphs():
    text = ("The council voted on Tuesday to approve a new budget for the coming\nyear, ending months of "
            "debate over spending on schools, roads and\npublic transport in the borough.\n\n"
            "Council leader Maria Lopez said the plan would raise spending on\nschools by four percent "
            "while keeping council tax flat for most\nhouseholds.\n")
    assert unwrap(text)[0].startswith("The council voted") and len([x for x in unwrap(text) if x.strip()]) == 2


def test_parse_date_formats():
    assert parse_date("2015-05-12T10:00:00Z") == date(2015, 5, 12)
    assert parse_date("Tue, 12 May 2015 10:00:00 GMT") == date(2015, 5, 12)
    assert parse_date("May 12th, 2015") == date(2015, 5, 12)
    assert parse_date("12 May 2015") == date(2015, 5, 12)
    assert parse_date("yesterday") is None and parse_date(None) is None


def test_clean_wire_story_keeps_every_content_line():
    """No page furniture, so nothing but whitespace may change: headline, dateline, table rows, short last line."""
    raw = (FIX / "wire.txt").read_text(encoding="utf-8")
    art = one(FIX / "wire.txt")
    assert isinstance(art, Article)
    assert art.text.split("\n\n") == [ln for ln in raw.splitlines() if ln.strip()]
    assert art.title is None or art.title.startswith("ROWING")


def test_headline_kept_when_not_repeated():
    text = ("Harbour bridge to close for repairs\n\n"
            "The harbour bridge in Northbridge will close for six weeks from Monday while engineers replace its cables, "
            "the city council said.\n\nDrivers are advised to use the ring road.\n")
    art = normalise(RawRecord("h", "h.txt", "txt", text.encode()))
    assert art.title == "Harbour bridge to close for repairs"
    assert art.text.startswith("Harbour bridge to close for repairs\n\nThe harbour bridge")
    assert art.text.endswith("Drivers are advised to use the ring road.")


def test_headline_dropped_when_it_repeats_the_record_title():
    body = "The harbour bridge in Northbridge will close for six weeks from Monday while engineers replace its cables."
    rec = RawRecord("j#L2", "j", "jsonl", "Harbour bridge to close for repairs\n\n" + body, title="Harbour bridge to close for repairs")
    assert normalise(rec).text == body


def test_language_detected_once_per_record(monkeypatch):
    import tasks.normalise as norm

    calls = []
    real = norm.language_of
    monkeypatch.setattr(norm, "language_of", lambda text, **kw: calls.append(len(text)) or real(text, **kw))
    normalise(next(read_records(SEED)))
    assert len(calls) == 1 and calls[0] <= 600
