"""Offline language identification and per-language stop words.

py3langid ships its model in the wheel, so nothing downloads at run time.
Short texts are where identifiers guess: a two-line English brief full of
names can score as Dutch or Latin. We therefore only trust a verdict that is
confident *and* based on enough words; otherwise the text is assumed to be in
the caller's preferred language instead of being thrown away.
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
    ``default`` so that short English briefs are never rejected as 'foreign'.
    """
    code, prob = detect(text)
    reliable = word_count(text) >= MIN_WORDS and prob >= MIN_PROB
    return (code, True) if reliable else (default, False)


@lru_cache(maxsize=64)
def stopwords(code: str) -> frozenset[str]:
    """Lower-cased stop words for ``code`` (English when jusText has no list)."""
    return frozenset(justext.get_stoplist(_JUSTEXT_NAMES.get(code, "English")))
