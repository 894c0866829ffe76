"""Instant search: short Chinese names, ID and phone fragments, plates, addresses; masking and audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import AuditLog, Resident, Vehicle
from console.services.registry import (
    SEARCH_INDEXES,
    RegistryImportService,
    SearchService,
    classify,
    rebuild_search_index,
)
from console.validators import id_check_character


def idn(first17: str) -> str:
    return first17 + id_check_character(first17)


ZHANG = idn("35021119850312001")
LI = idn("35021119900101002")
OUYANG = idn("51138119921111003")


@pytest.fixture
def search(
    sessions: sessionmaker[Session], clock: FixedClock, community_officer, tmp_path: Path
) -> SearchService:
    rows = [
        "小区,楼栋,单元,户室,姓名,身份证号,手机号",
        f"海景花园,3号楼,1,1203,张伟,{ZHANG},13812345678",
        f"海景花园,3号楼,1,1204,李娜,{LI},13900001111",
        f"侨英小区,12,2,801,欧阳娜娜,{OUYANG},18650007777",
        "侨英小区,12,2,802,王小明,,",
    ]
    path = tmp_path / "r.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    RegistryImportService(sessions, clock).import_registry(community_officer, path)
    with sessions.begin() as s:
        zhang_id = s.scalar(select(Resident.id).where(Resident.id_number == ZHANG))
        s.execute(
            insert(Vehicle).values(
                plate="闽D12345",
                owner_name="张伟",
                owner_phone="13812345678",
                resident_id=zhang_id,
                version=1,
            )
        )
    return SearchService(sessions, clock)


def titles(hits, kind="resident"):
    return [h.title for h in hits if h.kind == kind]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张伟", ["张伟"]),
        ("伟", ["张伟"]),
        ("娜", ["李娜"]),
        ("娜娜", ["欧阳娜娜"]),
        ("小明", ["王小明"]),
        ("欧阳", ["欧阳娜娜"]),
    ],
)
def test_short_chinese_names_are_found(search, duty_officer, query, expected):
    assert set(expected) <= set(titles(search.search(duty_officer, query)))


def test_last_digits_of_id_and_full_id(search, duty_officer):
    assert titles(search.search(duty_officer, ZHANG[-4:])) == ["张伟"]
    assert titles(search.search(duty_officer, ZHANG[-6:])) == ["张伟"]
    hit = search.search(duty_officer, ZHANG)[0]
    assert hit.title == "张伟" and hit.address == "海景花园 3号楼 1单元 1203"


def test_partial_and_full_phone(search, duty_officer):
    assert titles(search.search(duty_officer, "5678")) == ["张伟"]  # last four
    assert titles(search.search(duty_officer, "1390000")) == ["李娜"]  # first digits
    assert "张伟" in titles(search.search(duty_officer, "138 1234 5678"))


def test_plate_with_spaces_and_lowercase(search, duty_officer):
    hits = search.search(duty_officer, "闽d 12345")
    vehicle = [h for h in hits if h.kind == "vehicle"]
    assert [v.title for v in vehicle] == ["闽D12345"]
    loc = SearchService.household_of(vehicle[0])
    assert loc is not None and loc.room == "1203" and loc.community == "海景花园"


@pytest.mark.parametrize("query", ["3号楼 1203", "海景花园 3号楼 1单元 1203", "海景 1203", "3-1-1203"])
def test_address_fragment_finds_the_household(search, duty_officer, query):
    hits = search.search(duty_officer, query)
    assert "海景花园 3号楼 1单元 1203" in [h.address for h in hits if h.kind == "household"]


def test_community_name_lists_its_households(search, duty_officer):
    assert len(titles(search.search(duty_officer, "侨英"), "household")) == 2


def test_duty_officer_sees_masked_numbers_and_no_audit(search, sessions, duty_officer):
    hit = search.search(duty_officer, "张伟")[0]
    assert hit.id_number == "350211********" + ZHANG[-4:] and hit.phone == "138****5678"
    with sessions() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "view_personal_data")).all() == []


def test_community_officer_sees_full_numbers_and_each_view_is_audited(search, sessions, community_officer):
    hit = search.search(community_officer, "张伟")[0]
    assert hit.id_number == ZHANG and hit.phone == "13812345678"
    search.search(community_officer, "李娜")
    with sessions() as s:
        lines = s.scalars(select(AuditLog).where(AuditLog.action == "view_personal_data")).all()
    assert len(lines) == 2 and all(line.username == "yang" for line in lines)


def test_nothing_found_and_classification(search, duty_officer):
    assert search.search(duty_officer, "诸葛") == []
    assert search.search(duty_officer, "   ") == []
    assert classify(ZHANG) == ["id_number"] and classify("13812345678") == ["phone"]
    assert "plate" in classify("闽d 12345") and "address" in classify("3号楼 1203")


def test_search_indexes_exist_and_rebuild_is_idempotent(engine: Engine):
    expected = {name for name, _t, _e in SEARCH_INDEXES["common"]}
    if engine.dialect.name == "postgresql":
        expected |= {name for name, _t, _e in SEARCH_INDEXES["postgresql"]}
        sql = "SELECT indexname FROM pg_indexes"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    rebuild_search_index(engine)
    with engine.connect() as conn:
        names = set(conn.execute(text(sql)).scalars())
    assert expected <= names


def test_sqlite_uses_the_suffix_index(engine: Engine, search, duty_officer):
    if engine.dialect.name != "sqlite":
        pytest.skip("query plan wording is SQLite's")
    with engine.connect() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT id FROM resident WHERE substr(id_number, 15) = '0019' "
                    "AND id_number LIKE '%0019'"
                )
            )
        )
        name_plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT id FROM resident WHERE substr(name, length(name) - 1) = '小明'"
                )
            )
        )
    assert "ix_resident_id_last4" in plan and "ix_resident_name_last2" in name_plan


def test_postgresql_prefix_and_substring_queries_can_use_the_search_indexes(engine: Engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL-only indexes")
    from console.services.registry.search import R, _Query

    with engine.connect() as conn:
        q = _Query(conn, True, 50)
        conn.exec_driver_sql("SET enable_seqscan = off")  # tiny table: ask whether an index CAN serve it
        plans = {}
        for label, where in (
            ("prefix", q._prefix(R.c.name, "张")),
            ("substring", q._t(R.c.phone).like("%12345%")),
        ):
            stmt = select(R.c.id).where(where)
            sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
            plans[label] = " ".join(r[0] for r in conn.execute(text("EXPLAIN " + sql)))
    assert "ix_resident_name_c" in plans["prefix"]
    assert "ix_resident_phone_trgm" in plans["substring"]


def test_unmasked_vehicle_owner_numbers_are_audited_too(search, sessions, community_officer):
    hits = search.search(community_officer, "闽D12345")
    assert [h.phone for h in hits if h.kind == "vehicle"] == ["13812345678"]
    with sessions() as s:
        line = s.scalars(select(AuditLog).where(AuditLog.action == "view_personal_data")).one()
    assert '"vehicles": [' in line.detail and "闽D12345" in line.detail
