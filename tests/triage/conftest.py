"""Fixtures for the pure triage tests (no network: decisions only)."""

from __future__ import annotations

import pytest
from triage_support import context, example_context

from integrations.triage import TriageContext


@pytest.fixture
def ctx() -> TriageContext:
    return context()


@pytest.fixture(scope="module")
def ads() -> TriageContext:
    return example_context("ad-network")


@pytest.fixture(scope="module")
def games() -> TriageContext:
    return example_context("game-publisher")


@pytest.fixture(scope="module")
def stream() -> TriageContext:
    return example_context("streaming-platform")
