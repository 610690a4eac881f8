"""Pipeline files: the shipped default equals the built-in defaults; mistakes are caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressparse.config import ConfigError, PipelineSettings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_default_pipeline_file_matches_built_in_defaults() -> None:
    assert load_settings(ROOT / "pipelines" / "default.toml") == PipelineSettings()


def test_a_pipeline_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    f = tmp_path / "p.toml"
    f.write_text('[pipeline]\nname = "fast"\n[load]\npdf_reader = "pdfium"\n', "utf-8")
    settings = load_settings(f)
    assert settings.name == "fast"
    assert settings.load.pdf_reader == "pdfium"
    assert settings.normalise == PipelineSettings().normalise


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[load]\npdf_readr = 'pdfium'\n", "pdf_readr"),
        ("[load]\npdf_reader = 'tesseract'\n", "pdf_reader"),
        ("[pipeline]\nstages = ['load', 'ocr']\n", "ocr"),
        ("[load\n", "not valid TOML"),
    ],
)
def test_mistakes_in_a_pipeline_file_are_named(tmp_path: Path, content: str, message: str
                                               ) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(f)
