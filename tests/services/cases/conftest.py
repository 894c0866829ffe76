"""Actors and services for the case and property service tests."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.services.cases import (
    CaseImportService,
    CaseService,
    CaseWatchService,
    PropertyService,
    SeriesService,
)


@pytest.fixture
def cases(sessions: sessionmaker[Session]) -> CaseService:
    return CaseService(sessions)


@pytest.fixture
def items(sessions: sessionmaker[Session]) -> PropertyService:
    return PropertyService(sessions)


@pytest.fixture
def case_import(sessions: sessionmaker[Session]) -> CaseImportService:
    return CaseImportService(sessions)


@pytest.fixture
def series(sessions: sessionmaker[Session]) -> SeriesService:
    return SeriesService(sessions)


@pytest.fixture
def case_watch(sessions: sessionmaker[Session]) -> CaseWatchService:
    return CaseWatchService(sessions)
