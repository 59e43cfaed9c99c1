"""Fixtures for the pure triage tests (no network: decisions only)."""

from __future__ import annotations

import pytest
from triage_support import context

from integrations.triage import TriageContext


@pytest.fixture
def ctx() -> TriageContext:
    return context()
