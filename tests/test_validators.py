"""Plates, resident ID numbers and mobile numbers: what the duty room types, imports and receives.

Property-based: generated valid values must pass in every spelling a person or a camera might
produce, and every typo the check character is designed to catch must be refused with a message
that names the rule. No input at all may raise anything but ValidationError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.errors import ValidationError
from console.validators import (
    PROVINCES,
    birth_date_of,
    id_check_character,
    mask_id_number,
    mask_phone,
    normalise_plate,
    validate_id_number,
    validate_mobile,
    validate_plate,
)

# Modest budgets: the whole file runs in a few seconds even on a shared 2-core machine.
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DIGITS = "0123456789"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O
PLATE_ALNUM = PLATE_LETTERS + DIGITS

# ---------------------------------------------------------------------------------------------
# Resident ID numbers

# GB 11643 written out independently of the code under test: weights 2^(17-i) mod 11.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def reference_check(first17: str) -> str:
    return CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11]


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    area = draw(st.text(DIGITS, min_size=6, max_size=6))
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)))
    seq = draw(st.text(DIGITS, min_size=3, max_size=3))
    first17 = f"{area}{born:%Y%m%d}{seq}"
    return first17 + reference_check(first17)


def with_check(first17: str) -> str:
    return first17 + reference_check(first17)


# Jimei district (350211) residents born before the code existed (1983/1987): real, and refused
# by python-stdnum's own validate() — the reason we use only its check-digit and date helpers.
JIMEI_OLD = [
    with_check("35021119500315001"),
    with_check("35021119821231123"),
    with_check("35021119300101001"),
]


@pytest.mark.parametrize("number", JIMEI_OLD)
def test_jimei_residents_born_before_1983_are_accepted(number: str) -> None:
    assert validate_id_number(number) == number


def test_well_known_example_with_x_check_character() -> None:
    assert id_check_character("11010519491231002") == "X"
    assert validate_id_number("11010519491231002x") == "11010519491231002X"
    assert validate_id_number("  11010519491231002X ") == "11010519491231002X"
    assert birth_date_of("11010519491231002X") == dt.date(1949, 12, 31)


def test_full_width_digits_from_a_chinese_input_method_are_accepted() -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in "11010519491231002X")
    assert validate_id_number(full) == "11010519491231002X"


@given(valid_ids())
@FAST
def test_every_valid_id_is_accepted(number: str) -> None:
    assert validate_id_number(number) == number
    assert validate_id_number(number.lower()) == number  # a trailing x is read as X
    assert id_check_character(number[:17]) == number[17]
    assert birth_date_of(number) == dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


@given(valid_ids(), st.integers(0, 17), st.sampled_from(DIGITS + "X"))
@FAST
def test_every_single_substitution_is_rejected(number: str, pos: int, char: str) -> None:
    if number[pos] == char:
        return
    typo = number[:pos] + char + number[pos + 1 :]
    with pytest.raises(ValidationError) as err:
        validate_id_number(typo, "id_number")
    assert err.value.field == "id_number"


@given(valid_ids(), st.integers(0, 16))
@FAST
def test_every_adjacent_transposition_is_rejected(number: str, pos: int) -> None:
    a, b = number[pos], number[pos + 1]
    if a == b:  # swapping two equal characters changes nothing
        return
    swapped = number[:pos] + b + a + number[pos + 2 :]
    with pytest.raises(ValidationError):
        validate_id_number(swapped)


def test_all_typos_of_one_number_are_caught_exhaustively() -> None:
    number = JIMEI_OLD[0]
    for pos in range(18):
        for char in DIGITS + "X":
            if char != number[pos]:
                with pytest.raises(ValidationError):
                    validate_id_number(number[:pos] + char + number[pos + 1 :])
    for pos in range(17):
        if number[pos] != number[pos + 1]:
            with pytest.raises(ValidationError):
                validate_id_number(number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :])


def test_wrong_check_character_names_the_right_one() -> None:
    with pytest.raises(ValidationError) as err:
        validate_id_number("110105194912310021", "id_number")
    assert err.value.message == "校验码应为 X (check character should be X)"
    assert err.value.text("en") == "check character should be X"
    assert str(err.value) == "id_number: 校验码应为 X (check character should be X)"


@pytest.mark.parametrize(
    ("first17", "rule"),
    [
        ("35021119990230001", "出生日期无效"),  # 30 February
        ("35021120230229001", "出生日期无效"),  # 2023 is not a leap year
        ("35021118991231001", "出生日期无效"),  # before 1900
        ("35021119901301001", "出生日期无效"),  # month 13
        ("35021119900100001", "出生日期无效"),  # day 0
    ],
)
def test_impossible_birth_dates_are_rejected(first17: str, rule: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_id_number(with_check(first17))
    assert rule in err.value.message
    assert "invalid birth date" in err.value.text("en")


def test_leap_day_is_a_real_birth_date() -> None:
    number = with_check("35021120000229001")
    assert validate_id_number(number) == number


def test_birth_date_in_the_future_is_rejected() -> None:
    number = with_check("35021120260315001")
    assert validate_id_number(number, today=dt.date(2026, 3, 15)) == number
    with pytest.raises(ValidationError, match="出生日期无效") as err:
        validate_id_number(number, today=dt.date(2026, 3, 14))
    assert "future" in err.value.text("en")


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        ("11010519491231002", "应为18位"),
        ("1101051949123100200", "应为18位"),
        ("3502111950031500", "应为18位"),  # an old 15/16-digit number
        ("11010519491231002Y", "末位应为数字或 X"),
        ("1101051949123100X2", "前17位应为数字"),
        ("11010519491231 02X", "前17位应为数字"),
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "前17位应为数字"),  # Arabic-Indic digits are not ID digits
    ],
)
def test_malformed_ids_name_the_rule(raw: str, rule: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_id_number(raw, "身份证号")
    assert rule in err.value.message
    assert err.value.field == "身份证号"


@pytest.mark.parametrize(
    "bad", ["", "1234", "1101051949123100", "110105194912310021", "1101051949123100x", None, 17]
)
def test_check_character_needs_exactly_17_digits(bad: object) -> None:
    with pytest.raises(ValidationError):
        id_check_character(bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Plates

ordinary_serials = st.one_of(
    st.text(PLATE_ALNUM, min_size=5, max_size=5),
    st.builds(str.__add__, st.text(PLATE_ALNUM, min_size=4, max_size=4), st.sampled_from("挂学警港澳")),
)
small_nev_serials = st.builds(
    lambda df, c, d: df + c + d,
    st.sampled_from("DF"),
    st.sampled_from(PLATE_ALNUM),
    st.text(DIGITS, min_size=4, max_size=4),
)
large_nev_serials = st.builds(str.__add__, st.text(DIGITS, min_size=5, max_size=5), st.sampled_from("DF"))


def plates(serials: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda p, a, s: p + a + s, st.sampled_from(sorted(PROVINCES)), st.sampled_from(PLATE_LETTERS), serials
    )


valid_plates = st.one_of(plates(ordinary_serials), plates(small_nev_serials), plates(large_nev_serials))

SEPARATORS = ["", "", "", " ", "·", "-", "\u3000", "•", "・", ".", " - ", "．"]


@st.composite
def spellings(draw: st.DrawFn, plate: str) -> str:
    """The same plate as a person, a form or a camera might write it."""
    out = []
    for c in plate:
        if c.isascii() and c.isalnum():
            c = draw(st.sampled_from([c, c.lower(), chr(ord(c) + 0xFEE0), chr(ord(c.lower()) + 0xFEE0)]))
        out.append(c + draw(st.sampled_from(SEPARATORS)))
    return draw(st.sampled_from(SEPARATORS)) + "".join(out)


@pytest.mark.parametrize(
    ("raw", "plate"),
    [
        ("闽D12345", "闽D12345"),
        ("闽DD12345", "闽DD12345"),  # small new-energy
        ("闽DF1234", "闽DF1234"),  # an ordinary plate whose serial happens to start with F
        ("闽D12345D", "闽D12345D"),  # large new-energy
        ("粤B·A1234", "粤BA1234"),
        ("粤b a1234", "粤BA1234"),
        ("京A-F0236", "京AF0236"),
        ("闽D1234警", "闽D1234警"),
        ("粤Z·A123港", "粤ZA123港"),
        ("闽Ｄ１２３４５", "闽D12345"),
    ],
)
def test_real_plates_are_accepted_and_normalised(raw: str, plate: str) -> None:
    assert validate_plate(raw) == plate


@given(st.data())
@FAST
def test_every_valid_plate_is_accepted_in_any_spelling(data: st.DataObject) -> None:
    plate = data.draw(valid_plates)
    assert validate_plate(plate) == plate
    assert validate_plate(data.draw(spellings(plate))) == plate


@given(valid_plates, st.integers(0, 7), st.sampled_from("IOio"))
@FAST
def test_plates_with_i_or_o_are_rejected_naming_the_rule(plate: str, pos: int, letter: str) -> None:
    pos = min(pos, len(plate) - 1)
    bad = plate[:pos] + letter + plate[pos + 1 :]
    with pytest.raises(ValidationError) as err:
        validate_plate(bad)
    assert err.value.message.startswith(
        f"字母 {letter.upper()} 不用于号牌 (the letter {letter.upper()} is not used"
    )
    assert err.value.text("en").startswith(f"the letter {letter.upper()} is not used in plates")
    assert err.value.field == "plate"


def test_camera_read_with_o_for_zero_is_rejected() -> None:
    with pytest.raises(ValidationError) as err:
        validate_plate("闽d-1234o", "车牌")
    assert str(err.value).startswith("车牌: 字母 O 不用于号牌 (the letter O is not used in plates")


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("", "不能为空"),
        (" · ", "不能为空"),
        ("闽D1234", "应为7位"),
        ("闽D1234567", "应为7位"),
        ("港D12345", "省份简称"),
        ("AD123456", "省份简称"),
        ("闽112345", "发牌机关"),
        ("闽闽12345", "发牌机关"),
        ("闽D123挂5", "序号"),
        ("闽D12#45", "序号"),
        ("闽D1234甲", "序号"),  # only 挂/学/警/港/澳 may end a plate
        ("闽D1234!", "序号"),
        ("闽DA12345", "新能源"),  # 8 characters but neither new-energy pattern
        ("闽DD1234A", "新能源"),
        ("闽D1234AD", "新能源"),
        ("闽D12345A", "新能源"),
    ],
)
def test_malformed_plates_name_the_rule(raw: str, rule: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_plate(raw)
    assert rule in err.value.message


@given(st.text())
@FAST
def test_normalisation_is_idempotent_and_leaves_no_separators(raw: str) -> None:
    once = normalise_plate(raw)
    assert normalise_plate(once) == once
    assert not any(c.isspace() or c in "·•・.-" or "a" <= c <= "z" for c in once)


# ---------------------------------------------------------------------------------------------
# Mobile numbers

ALLOCATED = ["130", "131", "135", "138", "139", "150", "152", "158", "177", "180", "186", "189", "199"]
mobiles = st.builds(str.__add__, st.sampled_from(ALLOCATED), st.text(DIGITS, min_size=8, max_size=8))


@given(mobiles, st.sampled_from(["", "+86", "+86 ", "86", "0086 ", "+86-"]), st.sampled_from(["", " ", "-"]))
@FAST
def test_every_allocated_mobile_is_accepted_with_prefix_and_separators(
    number: str, prefix: str, sep: str
) -> None:
    spelled = prefix + number[:3] + sep + number[3:7] + sep + number[7:]
    assert validate_mobile(spelled) == number


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("15412341234", "154"),  # unallocated prefix
        ("19412341234", "194"),
        ("1381234123", "11位"),
        ("138123412345", "11位"),
        ("05925551234", "11位"),  # a Xiamen landline is not a mobile
        ("23812341234", "11位"),
        ("138一二三四1234", "11位"),
        ("", "不能为空"),
        ("+86", "11位"),
        # libphonenumber reads "1xx…00" as a carrier-select international prefix and throws:
        # it must still come out as a ValidationError.
        ("11147002948", "111"),
        ("12336009679", "123"),
    ],
)
def test_bad_mobiles_name_the_rule(raw: str, rule: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_mobile(raw, "手机号")
    assert rule in err.value.message
    assert err.value.field == "手机号"


@given(st.sampled_from(["140", "141", "154", "160", "179", "194"]), st.text(DIGITS, min_size=8, max_size=8))
@FAST
def test_unallocated_prefixes_are_always_refused(prefix: str, rest: str) -> None:
    with pytest.raises(ValidationError, match=prefix):
        validate_mobile(prefix + rest)


@given(st.text(DIGITS, min_size=10, max_size=10))
@FAST
def test_any_eleven_digits_give_a_mobile_or_a_validation_error(rest: str) -> None:
    try:
        assert validate_mobile("1" + rest) == "1" + rest
    except ValidationError as err:
        assert "11位" in err.message or rest[:2] in err.message


# ---------------------------------------------------------------------------------------------
# Any input at all: ValidationError or a normalised value, never a traceback

VALIDATORS = [validate_plate, validate_id_number, validate_mobile, id_check_character, birth_date_of]
# Text near the valid shapes reaches the deeper rules more often than st.text() alone.
near_text = st.text(DIGITS + "Xx闽粤DFIOdf·- 　+８挂\x00\ud800")
non_text = st.one_of(
    st.none(), st.integers(), st.floats(), st.binary(), st.booleans(), st.lists(st.integers())
)


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda f: f.__name__)
@given(raw=st.one_of(st.text(), near_text))
@FAST
def test_arbitrary_text_only_ever_raises_validation_error(
    validator: Callable[[str], object], raw: str
) -> None:
    try:
        result = validator(raw)
    except ValidationError as err:
        assert err.message
    else:
        assert isinstance(result, str | dt.date)


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda f: f.__name__)
@given(raw=non_text)
@settings(max_examples=30, deadline=None)
def test_non_text_is_a_validation_error(validator: Callable[[object], object], raw: object) -> None:
    with pytest.raises(ValidationError):
        validator(raw)


# ---------------------------------------------------------------------------------------------
# Masks


def test_masks_follow_the_export_contract() -> None:
    assert mask_id_number("350211198512301234") == "350211********1234"
    assert mask_phone("13812341234") == "138****1234"
    assert mask_id_number(None) == mask_id_number("") == ""
    assert mask_phone(None) == mask_phone("") == ""


@given(valid_ids(), mobiles)
@FAST
def test_masks_never_reveal_the_middle_digits(number: str, phone: str) -> None:
    masked = mask_id_number(number)
    assert masked == number[:6] + "*" * 8 + number[-4:]
    assert number[6:14] not in masked  # the birth date stays hidden
    assert mask_phone(phone) == phone[:3] + "****" + phone[-4:]


@given(st.text())
@FAST
def test_masks_of_any_text_show_at_most_the_ends(raw: str) -> None:
    for mask, head, tail in ((mask_id_number, 6, 4), (mask_phone, 3, 4)):
        masked = mask(raw)
        shown = [c for c in masked if c != "*"]
        assert len(shown) <= head + tail
        text = raw.strip()
        if len(text) > head + tail:
            assert masked[head:-tail] == "*" * (len(text) - head - tail)
