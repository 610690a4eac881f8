"""Shared fixtures."""

from __future__ import annotations

import importlib.util

import pytest

from pressparse.config import PipelineSettings
from pressparse.extract import FACT_TYPES
from pressparse.pipeline import Pipeline


def available_facts() -> list[str]:
    return [f for f in FACT_TYPES if importlib.util.find_spec(f"pressparse.extract.{f}")]


@pytest.fixture(scope="session")
def full_pipeline() -> Pipeline:
    """Every fact extractor the package has, rules only."""
    return Pipeline(PipelineSettings.model_validate(
        {"nlp": {"model": "none"}, "extract": {"facts": available_facts()}}))
