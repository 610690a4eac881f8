"""A user's programme catalogue, named by a pipeline file, adds programmes and metadata."""

from __future__ import annotations

from pathlib import Path

from pressparse.config import load_settings
from pressparse.pipeline import Pipeline

TEXT = ("Pressemitteilung vom 02.05.2022\n\nGeld für Vereine\n\n"
        "Der Sportverein erhält aus dem HWF 2.000 Euro für neue Trikots.")
CATALOGUE = """
[[programme]]
name = "Heimatwerkstatt-Fonds"
acronyms = ["HWF"]
issuer = "Gemeinde Beispielstadt"
level = "kommune"
"""


def test_a_catalogue_beside_the_pipeline_file_is_used(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(CATALOGUE, "utf-8")
    pipeline_file = tmp_path / "pipeline.toml"
    pipeline_file.write_text('[programmes]\ncatalogues = ["mine.toml"]\n', "utf-8")
    settings = load_settings(pipeline_file)
    assert settings.programmes.catalogues == [str(tmp_path / "mine.toml")]

    without = Pipeline().process_text(TEXT)
    assert without.programmes == [] and without.funding == []
    record = Pipeline(settings).process_text(TEXT)
    (programme,) = record.programmes
    assert (programme.issuer, programme.level) == ("Gemeinde Beispielstadt", "kommune")
    assert [(f.programme, f.amount) for f in record.funding] == [(programme.name, 2000.0)]
