"""Tables kept on disk between processes must be the tables a process would build, and a
missing, torn or unwritable cache must only cost the build."""
from __future__ import annotations

import pytest

from tasks import diskcache
from tasks.numbers import context, currencies, units

BUILDS: list[int] = []


@diskcache.on_disk("pyarrow")
def _table() -> dict[str, tuple[int, ...]]:
    BUILDS.append(1)
    return {"kWh": (1, 2), "SEK": (3,)}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFLOW_CACHE_DIR", str(tmp_path))
    BUILDS.clear()
    _table.cache_clear()
    return tmp_path


def test_a_second_process_reads_the_table_instead_of_building_it(cache):
    first = _table()
    _table.cache_clear()  # what a new process starts with
    assert _table() == first
    assert len(BUILDS) == 1
    assert len(list(cache.glob("*.pickle"))) == 1


def test_a_torn_file_is_built_again(cache):
    _table()
    path, = cache.glob("*.pickle")
    path.write_bytes(path.read_bytes()[:5])
    _table.cache_clear()
    assert _table() == {"kWh": (1, 2), "SEK": (3,)}
    assert len(BUILDS) == 2


def test_a_directory_that_cannot_be_written_costs_only_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NEWSFLOW_CACHE_DIR", str(blocker / "cache"))
    _table.cache_clear()
    assert _table() == {"kWh": (1, 2), "SEK": (3,)}


def test_another_version_replaces_the_old_file(cache, monkeypatch):
    _table()
    old, = cache.glob("*.pickle")
    monkeypatch.setattr(diskcache, "_key", lambda packages, modules, extra="": "0" * 16)
    _table.cache_clear()
    _table()
    new, = cache.glob("*.pickle")
    assert new != old and len(BUILDS) == 2


def test_unit_tables_read_back_are_the_ones_built(cache):
    for table in (units._db, units._measures, currencies._codes, currencies._phrases, currencies._symbols,
                  currencies._local_symbols, context._invariant_nouns):
        table.cache_clear()
        table()  # built and stored
        table.cache_clear()
        assert table() == table.build()
    assert units.lookup("kWh").name == "kilowatt hour"


def test_no_home_directory_costs_only_the_build(monkeypatch):
    monkeypatch.delenv("NEWSFLOW_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(diskcache.Path, "home", staticmethod(no_home))
    _table.cache_clear()
    BUILDS.clear()
    assert _table() == {"kWh": (1, 2), "SEK": (3,)}
    assert len(BUILDS) == 1


def test_invariant_plurals_need_no_inflect_once_stored(cache):
    """A worker reads which plurals are their own singular from disk; the answers are inflect's."""
    context._invariant_nouns()
    context._invariant_nouns.cache_clear()
    context.invariant.cache_clear()
    words = ["species", "sheep", "measles", "series", "soldiers", "people", "cars"]
    stored = [context.invariant(w) for w in words]
    assert stored == [context._inflect().singular_noun(w) == w for w in words]
    assert stored == [True, True, True, True, False, False, False]
