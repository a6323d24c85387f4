"""HTML main-text extraction on a page fixture with navigation, ads and a footer."""
from __future__ import annotations

from pathlib import Path

from tasks.html import extract

PAGE = (Path(__file__).parent / "fixtures" / "normalise" / "article.html").read_text(encoding="utf-8")


def test_extracts_body_and_metadata():
    page = extract(PAGE)
    assert page is not None
    assert "The city council voted on Tuesday" in page.text
    assert "spending plans without major changes" in page.text
    assert "Sport" not in page.text and "All rights reserved" not in page.text
    assert page.title == "Council approves budget after months of debate"
    assert page.author == "Jane Smith"
    assert page.date == "2015-05-12"
    assert page.url == "https://gazette.example.com/news/council-budget"


def test_page_without_text():
    assert extract("<html><head><title>x</title></head><body></body></html>") is None
