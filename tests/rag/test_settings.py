"""Settings: validation, dict round trip, files."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from rag.errors import InvalidRequestError, SettingsError
from rag.retrieval import check_request
from rag.settings import (
    INDEX_FIELDS,
    MAX_TOP_K,
    Settings,
    load_settings,
    save_settings,
    valid_top_k,
)


def test_dict_round_trip() -> None:
    custom = Settings(chunk_size=500, chunk_overlap=50, top_k=7, mode="bm25",
                      abstain_threshold=0.42, max_quotes=2)
    data = custom.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert Settings.from_dict(data) == custom
    assert Settings.from_dict(Settings().to_dict()) == Settings()


def test_unknown_key_is_rejected_by_name() -> None:
    data = Settings().to_dict() | {"chunk_sise": 10}
    with pytest.raises(SettingsError, match="chunk_sise"):
        Settings.from_dict(data)


@pytest.mark.parametrize(
    ("overrides", "name"),
    [
        ({"chunk_size": 100, "chunk_overlap": 100}, "chunk_overlap"),
        ({"chunk_size": 100, "chunk_overlap": 150}, "chunk_overlap"),
        ({"chunk_overlap": -1}, "chunk_overlap"),
        ({"mode": "semantic"}, "semantic"),
        ({"top_k": 0}, "top_k"),
        ({"top_k": 51}, "top_k"),
        ({"chunk_size": 10, "chunk_overlap": 0}, "chunk_size"),
        ({"chunk_size": 10**22}, "chunk_size=10000000000000000000000 is too large"),
        ({"embed_batch_size": 0}, "embed_batch_size=0"),
        ({"embed_batch_size": 10**6}, "embed_batch_size=1000000"),
        ({"min_sentence_words": 0}, "min_sentence_words=0"),
        ({"max_quotes": 4}, "max_quotes"),
        ({"max_quotes": 0}, "max_quotes"),
        ({"abstain_threshold": 1.5}, "abstain_threshold"),
        ({"abstain_threshold": -0.1}, "abstain_threshold"),
        ({"lexical_weight": 1.5}, "lexical_weight"),
        ({"lexical_weight": -0.1}, "lexical_weight"),
        # Wrong JSON types, which would otherwise fail far from the file.
        ({"max_quotes": 2.5}, "max_quotes=2.5 must be an integer"),
        ({"chunk_overlap": 10.5}, "chunk_overlap=10.5 must be an integer"),
        ({"embed_batch_size": 1.5}, "embed_batch_size"),
        ({"top_k": "5"}, "top_k='5' must be an integer"),
        ({"top_k": True}, "top_k=True must be an integer"),
        ({"model": None}, "model=None must be non-empty text"),
        ({"model": 5}, "model=5"),
        ({"mode": ["hybrid"]}, "mode"),
        ({"abstain_threshold": "0.2"}, "abstain_threshold='0.2' must be a number"),
    ],
)
def test_invalid_values_raise_settings_error(overrides: dict, name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings(**overrides)
    with pytest.raises(SettingsError, match=name):
        Settings.from_dict(overrides)


def test_settings_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        Settings(top_k=0)


def test_with_overrides_ignores_none() -> None:
    base = Settings()
    assert base.with_overrides(top_k=None, mode=None) == base
    assert base.with_overrides(top_k=9).top_k == 9
    with pytest.raises(SettingsError):
        base.with_overrides(mode="bogus")


def test_index_fields_are_what_the_index_depends_on() -> None:
    fields = Settings().index_fields()
    assert tuple(fields) == INDEX_FIELDS
    assert {"model", "chunk_size", "chunk_overlap"} <= set(fields)
    assert "top_k" not in fields and "abstain_threshold" not in fields


def test_save_load_round_trip(tmp_path: Path) -> None:
    custom = Settings(abstain_threshold=0.33, top_k=3)
    path = save_settings(custom, tmp_path / "sub" / "settings.json")
    assert path == tmp_path / "sub" / "settings.json"
    assert load_settings(path) == custom
    assert not list(path.parent.glob("*.tmp")), "the temp file must be renamed away"


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.json") == Settings()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"top_k": 0}', '{"colour": "red"}'])
def test_bad_settings_file_raises(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(path)


def test_unreadable_file_message_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(SettingsError, match=r"settings\.json"):
        load_settings(path)


def test_a_number_may_be_written_without_a_point() -> None:
    assert Settings.from_dict({"lexical_weight": 1, "abstain_threshold": 0}).lexical_weight == 1


def test_a_whole_number_written_with_a_point_is_an_integer() -> None:
    settings = Settings.from_dict({"chunk_size": 800.0, "top_k": 5.0})
    assert settings.chunk_size == 800 and isinstance(settings.chunk_size, int)
    assert isinstance(settings.top_k, int)
    assert settings == Settings()


def test_a_settings_file_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"max_quotes": 2.5}', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings\.json: max_quotes=2\.5 must be"):
        load_settings(path)


def test_env_var_naming_nothing_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("RAG_SETTINGS", str(tmp_path / "typo.json"))
    with caplog.at_level("WARNING", logger="rag.settings"):
        assert load_settings() == Settings()  # `--calibrate --write` may create it
    assert "typo.json does not exist yet" in caplog.text
    monkeypatch.setenv("RAG_SETTINGS", str(tmp_path))
    with pytest.raises(SettingsError, match="is a folder"):
        load_settings()


def test_env_var_points_to_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_settings(Settings(top_k=4), tmp_path / "env.json")
    monkeypatch.setenv("RAG_SETTINGS", str(path))
    assert load_settings().top_k == 4


def test_a_settings_file_from_an_older_release_still_loads(
        tmp_path, caplog: pytest.LogCaptureFixture) -> None:
    # `rag eval --calibrate --write` used to save rrf_k with every other field.
    old = {k: v for k, v in Settings().to_dict().items() if k != "lexical_weight"}
    path = tmp_path / "rag_settings.json"
    path.write_text(json.dumps({**old, "rrf_k": 60, "abstain_threshold": 0.5}),
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="rag.settings"):
        settings = load_settings(path)
    assert settings.abstain_threshold == 0.5
    assert "rrf_k" in caplog.text


@pytest.mark.parametrize(("top_k", "valid"), [
    (1, True), (MAX_TOP_K, True), (0, False), (MAX_TOP_K + 1, False), (-3, False),
    (True, False), (5.0, False), ("5", False), (None, False),
])
def test_one_range_of_top_k_for_settings_and_requests(top_k: object, valid: bool) -> None:
    assert valid_top_k(top_k) is valid
    if valid:
        check_request("hybrid", top_k)  # type: ignore[arg-type]
    else:
        with pytest.raises(InvalidRequestError, match="top_k"):
            check_request("hybrid", top_k)  # type: ignore[arg-type]
    # The settings read a whole float as written in JSON ("top_k": 5.0 is 5) and
    # refuse other types before the range; a request takes integers only.
    if type(top_k) is int:
        if valid:
            assert Settings(top_k=top_k).top_k == top_k
        else:
            with pytest.raises(SettingsError, match="between 1 and"):
                Settings(top_k=top_k)


def test_settings_read_a_whole_float_as_its_integer() -> None:
    assert Settings(top_k=5.0).top_k == 5
    assert not valid_top_k(5.0)  # a request must give the integer itself
