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
    brief = b"Kerry meets Putin in Sochi for talks on Ukraine, the first visit by a US secretary of state since 2013."
    art = normalise(RawRecord("s", "", "txt", brief))
    assert isinstance(art, Article) and art.language == "en"


def test_metadata_from_record_wins():
    rec = RawRecord("j#L1", "j", "jsonl", "Body text of the story, which is long enough to keep as it is: a sentence of more than fifteen words.",
                    title="Given", url="https://x", published="2023-03-23 17:18:00", author="A. Writer")
    art = normalise(rec)
    assert (art.title, art.url, art.published, art.author) == ("Given", "https://x", date(2023, 3, 23), "A. Writer")


def test_no_text_and_control_characters():
    assert normalise(RawRecord("a", "", "txt", b"Advertisement\nRead more\n")).reason == "no_text"
    assert normalise(RawRecord("b", "", "txt", "\x01\x02\x03\x04\x05ab")).reason == "control_characters"
    assert normalise(RawRecord("c", "", "txt", b"\x81\x8d\x8f\x90\x9d\xff" * 20)).reason == "invalid_encoding"


def test_whitespace_and_paragraphs():
    art = normalise(RawRecord("w", "", "txt", "First   paragraph\t is here, with spaces and tabs.\r\n\r\n"
                              "Second\u00a0one follows it, as expected, with a no-break space.\r\n"))
    assert art.text == ("First paragraph is here, with spaces and tabs.\n\n"
                        "Second one follows it, as expected, with a no-break space.")


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


# --------------------------------------------------------------------------- junk pages and scripts (issue 12)

NAV = ("<html><body><nav><ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in
       "Home World Business Politics Tech Science Health Sport Video".split()) + "</ul></nav></body></html>")
SCRIPT_ONLY = ("<html><head><script src='/app.js'></script></head><body><noscript>Please enable JavaScript "
               "to view this site.</noscript><div id='root'></div></body></html>")


def html(page: str) -> Article | Reject:
    return normalise(RawRecord("p.html", "p.html", "html", page.encode(), is_html=True))


def test_navigation_only_page_is_no_text():
    rej = html(NAV)
    assert isinstance(rej, Reject) and rej.reason == "no_text" and "navigation" in rej.detail
    rej = normalise(RawRecord("n.txt", "", "txt", b"Home World Business Politics Tech Science Health Sport\n"))
    assert rej.reason == "no_text"


def test_script_only_page_is_no_text():
    rej = html(SCRIPT_ONLY)
    assert isinstance(rej, Reject) and rej.reason == "no_text" and "notice" in rej.detail


def test_one_word_and_headline_only_are_too_short():
    assert normalise(RawRecord("w.txt", "", "txt", b"Hello\n")).reason == "too_short"
    rej = normalise(RawRecord("h.txt", "", "txt", b"Council votes to rebuild the central library after fire\n"))
    assert rej.reason == "too_short" and rej.detail == "word count 9 < 15"


def test_a_sentence_alone_is_kept_however_short():
    """A user may feed sentences one to a record to have their numbers read; a headline alone stays too short."""
    art = normalise(RawRecord("s.jsonl", "", "jsonl", "Profits at Orla Foods rose 12% to £40m last year."))
    assert isinstance(art, Article) and art.text == "Profits at Orla Foods rose 12% to £40m last year."
    assert normalise(RawRecord("s.jsonl", "", "jsonl", "Orla Foods profits up 12%")).reason == "too_short"


def test_short_wire_brief_is_kept():
    brief = (b"LONDON (Reuters) - Britain's FTSE 100 index rose 0.4 percent on Monday, "
             b"led by mining shares as metal prices climbed.")
    art = normalise(RawRecord("b.txt", "", "txt", brief))
    assert isinstance(art, Article) and art.n_words == 20


def test_every_shipped_seed_passes_the_junk_page_rules():
    for path in sorted(SEED.parent.iterdir()):
        for rec in read_records(path):
            assert isinstance(normalise(rec), Article), rec.source


def test_short_chinese_article_is_chinese_not_english():
    text = "北京市政府周二宣布，将在未来三年内投资五百亿元人民币，用于改善城市公共交通系统。市长表示，这是为了缓解交通拥堵。"
    for rec in (RawRecord("zh.txt", "", "txt", text.encode()),
                RawRecord("zh.html", "", "html", f"<html><body><h1>北京宣布交通投资计划</h1><p>{text}</p></body></html>".encode(),
                          is_html=True)):
        rej = normalise(rec)
        assert isinstance(rej, Reject) and rej.reason == "language:zh", rec.source
    assert isinstance(normalise(RawRecord("zh.txt", "", "txt", text.encode()), languages=frozenset({"en", "zh"})), Article)


def test_other_scripts_get_their_own_language_even_when_short():
    cases = {"ru": "Правительство объявило в понедельник о новых мерах поддержки малого бизнеса.",
             "ko": "서울시는 월요일 새로운 대중교통 계획을 발표했다고 밝혔다.",
             "ja": "東京都は二十日、新しい図書館の建設計画を発表した。",
             "ar": "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لدعم الشركات الصغيرة.",
             "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα στήριξης των μικρών επιχειρήσεων."}
    for code, text in cases.items():
        rej = normalise(RawRecord(code, "", "txt", text.encode()))
        assert isinstance(rej, Reject) and rej.reason == f"language:{code}", (code, rej)


def test_english_quoting_another_script_stays_english():
    text = ("The new bridge, known locally as 长江大桥, opened on Monday after four years of work, the city's "
            "transport office said, and will carry about 50,000 vehicles a day across the river.")
    art = normalise(RawRecord("en.txt", "", "txt", text.encode()))
    assert isinstance(art, Article) and art.language == "en"


def test_mostly_utf8_file_is_decoded_as_utf8(tmp_path):
    good = ("The café’s owner said the “naïve” plan would cost €5m – more than the council’s "
            "budget for the whole year, according to officials in Zürich. ")
    p = tmp_path / "a.txt"
    p.write_bytes(good.encode() * 3 + b"\xff\xfe\xc3\x28\x80" + good.encode())
    art = one(p)
    assert isinstance(art, Article) and art.encoding == "utf-8-lossy"
    assert "café’s" in art.text and "Ã" not in art.text and "ÿ" not in art.text


def test_lone_surrogates_in_json_metadata_become_replacement_characters():
    rec = RawRecord("j#L1", "j", "jsonl", "Body text of the story, which is long enough to keep as it is: a sentence "
                    "of more than fifteen words.", title="Bad \ud800 title \ud83d\ude00", author="A\x00uthor \udce9")
    art = normalise(rec)
    assert (art.title, art.author) == ("Bad \ufffd title \U0001f600", "Author \ufffd")
