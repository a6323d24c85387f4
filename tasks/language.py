"""Offline language identification and per-language stop words.

py3langid ships its model in the wheel, so nothing downloads at run time.
Short texts are where identifiers guess: a two-line English brief full of
names can score as Dutch or Latin. We therefore only trust a verdict that is
confident *and* based on enough words; otherwise the text is assumed to be in
the caller's preferred language instead of being thrown away. That fallback
is only for text in the Latin script: a short Chinese or Russian article is
not English however unsure the identifier is, so a text written mostly in
another script gets a language of that script, whatever its length.
"""
from __future__ import annotations

import re
from functools import lru_cache

import justext
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many words, or below this probability, the detector is unreliable.
MIN_WORDS = 25
MIN_PROB = 0.90
# Classification time grows with the input; ~100 words of prose decide a
# news article's language as well as the whole of it, several times cheaper.
_SAMPLE_CHARS = 600
# Lines with at least this many words are prose worth sampling (menus are not).
_PROSE_WORDS = 8
# ISO 639-1 code to the stop-list names jusText ships (used for text density).
_JUSTEXT_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch",
    "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
}


# Scripts written without spaces between words (CJK, Thai): count characters.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CHARS_PER_WORD = 3


def word_count(text: str) -> int:
    """Words in ``text``, counting unspaced scripts at three characters a word, so a
    Japanese or Chinese article is long enough to be judged (and rejected) too."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // _CHARS_PER_WORD


# Letters of each non-Latin script (code point ranges) and the languages the
# identifier knows in it, the most common first (the answer when it guesses
# a language of another script).
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]], ...] = (
    ("han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)), ("zh", "yue", "wuu")),
    ("kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D)), ("ja",)),
    ("hangul", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)), ("ko",)),
    ("cyrillic", ((0x0400, 0x052F),), ("ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba")),
    ("greek", ((0x0370, 0x03FF), (0x1F00, 0x1FFF)), ("el", "grc")),
    ("arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
     ("ar", "fa", "ur", "ps", "ug", "ku", "sdh", "ary", "arz")),
    ("hebrew", ((0x0590, 0x05FF),), ("he", "hbo")),
    ("armenian", ((0x0530, 0x058F),), ("hy",)),
    ("georgian", ((0x10A0, 0x10FF),), ("ka",)),
    ("devanagari", ((0x0900, 0x097F),), ("hi", "mr", "ne", "sa", "gom")),
    ("bengali", ((0x0980, 0x09FF),), ("bn", "as")),
    ("gurmukhi", ((0x0A00, 0x0A7F),), ("pa",)),
    ("gujarati", ((0x0A80, 0x0AFF),), ("gu",)),
    ("oriya", ((0x0B00, 0x0B7F),), ("or",)),
    ("tamil", ((0x0B80, 0x0BFF),), ("ta",)),
    ("telugu", ((0x0C00, 0x0C7F),), ("te",)),
    ("kannada", ((0x0C80, 0x0CFF),), ("kn",)),
    ("malayalam", ((0x0D00, 0x0D7F),), ("ml",)),
    ("sinhala", ((0x0D80, 0x0DFF),), ("si",)),
    ("thai", ((0x0E00, 0x0E7F),), ("th",)),
    ("lao", ((0x0E80, 0x0EFF),), ("lo",)),
    ("tibetan", ((0x0F00, 0x0FFF),), ("dz",)),
    ("myanmar", ((0x1000, 0x109F),), ("my",)),
    ("ethiopic", ((0x1200, 0x139F),), ("am",)),
    ("khmer", ((0x1780, 0x17FF),), ("km",)),
)
# Any letter of those scripts: text without one is Latin-script (accents, £, curly quotes and dashes
# included) and needs no count.
_BEYOND_LATIN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for _, ranges, _ in _SCRIPTS for a, b in ranges) + "]")
# Japanese prose always mixes kana into its kanji; this share of kana makes Han text Japanese.
_KANA_SHARE = 0.1


def script_counts(text: str) -> dict[str, int]:
    """Letters per script in ``text``; ``latin`` counts every other letter."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        name = "latin" if cp < 0x0370 else next(
            (n for n, ranges, _ in _SCRIPTS if any(a <= cp <= b for a, b in ranges)), "latin")
        counts[name] = counts.get(name, 0) + 1
    return counts


def script_language(text: str, guess: str) -> str | None:
    """The language of a text written mostly in a non-Latin script, else None.

    The identifier's ``guess`` is kept when it is a language of that script
    (Ukrainian for Cyrillic, Persian for Arabic script); otherwise the
    script's most common language is the answer. Han text with kana in it is
    Japanese, and a CJK character is weighed as two letters (it is a word or
    half of one).
    """
    counts = script_counts(text)
    cjk = counts.get("han", 0) + counts.get("kana", 0)
    weighed = {k: v * (2 if k in ("han", "kana") else 1) for k, v in counts.items()}
    if cjk:
        weighed.pop("kana", None)
        weighed["han"] = 2 * cjk
    if not weighed or (top := max(weighed, key=weighed.__getitem__)) == "latin":
        return None
    if top == "han" and counts.get("kana", 0) >= _KANA_SHARE * cjk:
        return "ja"
    langs = next(langs for name, _, langs in _SCRIPTS if name == top)
    return guess if guess in langs else langs[0]


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """``(iso_code, probability)`` for the first few thousand characters of ``text``."""
    code, prob = _identifier().classify(text[:_SAMPLE_CHARS])
    return code, float(prob)


def prose_sample(lines: list[str], limit: int = _SAMPLE_CHARS) -> str:
    """The first ``limit`` characters of the prose-like lines of a page.

    Menus and footers are often in the site's language, not the article's,
    and they come first; sampling the long lines avoids judging the menu and
    lets one detection serve both the stop-word choice and the verdict.
    """
    out: list[str] = []
    size = 0
    for ln in lines:
        if word_count(ln) >= _PROSE_WORDS:
            out.append(ln)
            size += len(ln) + 1
            if size >= limit:
                break
    return "\n".join(out)[:limit] if out else "\n".join(lines)[:limit]


def language_of(text: str, *, default: str = "en") -> tuple[str, bool]:
    """The language to record and whether the detector was confident.

    An unconfident verdict (short text, low probability) falls back to
    ``default`` so that short English briefs are never rejected as 'foreign';
    text mostly in another script than Latin is never given that benefit.
    """
    code, prob = detect(text)
    if _BEYOND_LATIN.search(text) and (by_script := script_language(text, code)) is not None:
        return by_script, True
    reliable = word_count(text) >= MIN_WORDS and prob >= MIN_PROB
    return (code, True) if reliable else (default, False)


@lru_cache(maxsize=64)
def stopwords(code: str) -> frozenset[str]:
    """Lower-cased stop words for ``code`` (English when jusText has no list)."""
    return frozenset(justext.get_stoplist(_JUSTEXT_NAMES.get(code, "English")))
