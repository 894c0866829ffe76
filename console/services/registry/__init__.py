"""Registry (一标三实): importing the household registry, verification visits and the worklist, and search."""

from __future__ import annotations

from console.services.registry.file import ColumnSpec, NotUtf8Error, RegistryFileError, read_rows
from console.services.registry.importer import RegistryImportService
from console.services.registry.search import (
    SEARCH_INDEXES,
    SearchService,
    classify,
    drop_search_indexes,
    rebuild_search_index,
)
from console.services.registry.verification import (
    Assignment,
    NewResident,
    VerificationService,
    VisitResult,
    WorklistRow,
    export_worklist_csv,
)

__all__ = [
    "SEARCH_INDEXES",
    "Assignment",
    "ColumnSpec",
    "NewResident",
    "NotUtf8Error",
    "RegistryFileError",
    "RegistryImportService",
    "SearchService",
    "VerificationService",
    "VisitResult",
    "WorklistRow",
    "classify",
    "drop_search_indexes",
    "export_worklist_csv",
    "read_rows",
    "rebuild_search_index",
]
