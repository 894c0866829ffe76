"""Cases: theft case dossiers, their parties, links and timeline, and stolen property with its custody trail."""

from __future__ import annotations

from console.services.cases.common import iso
from console.services.cases.dossier import Dossier
from console.services.cases.importer import CASE_COLUMNS, CaseImportReport, CaseImportService
from console.services.cases.listing import PAGE_SIZE, CaseFilter, CaseFilterChoices, CaseRow, OfficerChoice
from console.services.cases.merge import MergeResult
from console.services.cases.property import STATUS_FILTERS, ItemChange, ItemRow, PropertyService
from console.services.cases.rules import (
    CATEGORIES,
    NOTIFY_WITHIN,
    SOLVE_BANDS,
    SOLVED_FAST,
    SOLVED_SLOW,
    STATION_TZ,
    case_no_year_prefix,
    category_code,
    format_case_no,
    hours_to_solve,
    normalise_imei,
    normalise_serial,
    solve_band,
)
from console.services.cases.series import (
    CaseBrief,
    Reason,
    SeriesEntry,
    SeriesProposal,
    SeriesService,
    SeriesView,
)
from console.services.cases.service import (
    STATUS_CHANGES,
    CaseEdited,
    CaseLinked,
    CaseOpened,
    CaseService,
    CaseSolved,
)
from console.services.cases.unclaimed import ReleaseReceipt, UnclaimedRow
from console.services.cases.watch import CaseWatchService, WatchCandidate

__all__ = [
    "CASE_COLUMNS",
    "CATEGORIES",
    "NOTIFY_WITHIN",
    "PAGE_SIZE",
    "SOLVED_FAST",
    "SOLVED_SLOW",
    "SOLVE_BANDS",
    "STATION_TZ",
    "STATUS_CHANGES",
    "STATUS_FILTERS",
    "CaseBrief",
    "CaseEdited",
    "CaseFilter",
    "CaseFilterChoices",
    "CaseImportReport",
    "CaseImportService",
    "CaseLinked",
    "CaseOpened",
    "CaseRow",
    "CaseService",
    "CaseSolved",
    "CaseWatchService",
    "Dossier",
    "ItemChange",
    "ItemRow",
    "MergeResult",
    "OfficerChoice",
    "PropertyService",
    "Reason",
    "ReleaseReceipt",
    "SeriesEntry",
    "SeriesProposal",
    "SeriesService",
    "SeriesView",
    "UnclaimedRow",
    "WatchCandidate",
    "case_no_year_prefix",
    "category_code",
    "format_case_no",
    "hours_to_solve",
    "iso",
    "normalise_imei",
    "normalise_serial",
    "solve_band",
]
