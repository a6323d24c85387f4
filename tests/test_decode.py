"""Decoding and unicode repair: the bytes every scraper gets wrong."""
from __future__ import annotations

import pytest

from tasks.decode import DecodeError, clean_text, decode_bytes, strip_controls


def test_utf8():
    assert decode_bytes("Zürich £5".encode()) == ("Zürich £5", "utf-8")


def test_utf8_bom_is_removed_and_named():
    assert decode_bytes(b"\xef\xbb\xbfHello") == ("Hello", "utf-8-sig")


def test_cp1252_pound_and_smart_quotes():
    text, enc = decode_bytes(b"costs \xa35 and \x93more\x94")
    assert (text, enc) == ("costs £5 and “more”", "cp1252")


def test_html_declared_charset_wins_over_cp1252():
    data = '<html><head><meta charset="iso-8859-7"></head><body>Αθήνα</body></html>'.encode("iso-8859-7")
    text, enc = decode_bytes(data, html=True)
    assert "Αθήνα" in text and enc == "iso8859-7"


def test_garbage_is_invalid_encoding():
    with pytest.raises(DecodeError) as err:
        decode_bytes(b"\x81\x8d\x8f\x90\x9d\xff" * 20)
    assert err.value.reason == "invalid_encoding"


def test_mojibake_repaired_quotes_kept():
    assert clean_text("She wasnâ€™t at the cafÃ© in â€œParisâ€\x9d") == "She wasn’t at the café in “Paris”"


def test_crlf_and_controls():
    assert clean_text("one\r\ntwo\rthree\x07 four\u200bfive") == "one\ntwo\nthree fourfive"
    assert strip_controls("tab\there\n") == "tab\there\n"


def test_mostly_control_characters_rejected():
    with pytest.raises(DecodeError) as err:
        clean_text("\x01\x02\x03\x04ab\x05\x06")
    assert err.value.reason == "control_characters"


def test_repair_fast_paths_match_full_ftfy():
    import ftfy

    from tasks.decode import _FTFY, repair

    for text in ["Plain ASCII text, nothing to do.", "Tom &amp; Jerry", "café £5 – “quoted”", "e\u0301 ﬁnal ＡＢＣ",
                 "She wasnâ€™t at the cafÃ© in â€œParisâ€\x9d", "costs \x935 and"]:
        assert repair(text) == ftfy.fix_text(text, config=_FTFY), text


def test_control_regex_matches_unicode_categories():
    import sys
    import unicodedata

    from tasks.decode import _CONTROL, _is_control

    sample = [chr(c) for c in range(0, sys.maxunicode + 1, 7)] + ["\x00", "\x9f", "\u200b", "\u200d", "\ufeff", "\n", "\t"]
    assert all(bool(_CONTROL.match(ch)) == _is_control(ch) for ch in sample)
    assert unicodedata.category("\u00ad") == "Cf" and _CONTROL.match("\u00ad")


def test_mostly_valid_utf8_with_a_few_bad_bytes_stays_utf8():
    good = "Zürich’s “café” – déjà vu for the naïve résumé writer. " * 3
    data = good.encode() + b"\xff\xfe\xc3\x28\x80" + " and more text.".encode()
    text, enc = decode_bytes(data)
    assert enc == "utf-8-lossy"
    assert text.startswith(good) and text.endswith(" and more text.")
    assert "Ã" not in text and "ÿ" not in text and text.count("\ufffd") == 4


def test_latin1_file_with_many_accents_is_still_cp1252():
    data = "Le café de la gare à Genève, où l'été dure. Ça coûte 5 €.".encode("cp1252")
    assert decode_bytes(data) == ("Le café de la gare à Genève, où l'été dure. Ça coûte 5 €.", "cp1252")


def test_utf16_with_odd_length_does_not_raise():
    text, enc = decode_bytes(b"\xff\xfeH\x00i\x00!")
    assert enc == "utf-16" and text.startswith("Hi")
