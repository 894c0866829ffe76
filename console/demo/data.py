"""Word lists and vectorised value generators for the demo district (灌口, 集美区, 厦门).

Everything here is pure: it takes a seeded ``numpy.random.Generator`` or ``random.Random``
and returns values, so the same seed always yields the same district. The generators make
VALID identifiers (GB 11643 ID numbers, allocated mobile prefixes, GA 36 plates) cheaply
enough for a million rows.
"""

from __future__ import annotations

import datetime as dt
import random

import numpy as np

from console.validators import id_check_character
from console.vocabulary import SCHEME_TITLES

# --- people -----------------------------------------------------------------------------------
# Surnames weighted towards southern Fujian (陈, 林, 黄 lead there), then the national order.
SURNAMES = (
    "陈林黄张李王吴刘蔡杨郑许谢洪郭曾邱叶苏庄周徐何高柯颜卢罗施赵朱胡孙马"
    "梁宋唐韩冯邓彭肖田董袁潘蒋余杜程魏吕丁沈姚姜钟谭陆汪范金石廖江傅欧阳"
)
_SURNAME_WEIGHTS = np.array(
    [
        9.0,
        8.0,
        6.0,
        5.0,
        5.0,
        5.0,
        3.5,
        3.5,
        2.5,
        2.5,
        2.5,
        2.0,
        2.0,
        2.0,
        1.8,
        1.5,
        1.2,
        1.2,
        1.0,
        1.0,
        1.0,
        1.0,
    ]
    + [0.6] * (len(SURNAMES) - 22)
)
SURNAME_P = _SURNAME_WEIGHTS / _SURNAME_WEIGHTS.sum()
MALE_CHARS = "伟强磊军勇杰涛斌超明辉鹏华建国志文俊峰宇浩然志强家豪子轩宏达振东海波晨阳鑫泽锦荣金水"
FEMALE_CHARS = "芳娜敏静丽艳娟霞玲婷雪慧颖琳欣怡佳梦婉秀英红美淑惠月萍凤琴桂兰莉雅诗涵思彤紫薇"


def given_name_pool(chars: str, rng: random.Random, size: int = 1200) -> list[str]:
    """Distinct given names: one character (about a tenth of them) or two different ones."""
    letters = sorted(set(chars))
    pairs = [a + b for a in letters for b in letters if a != b]
    rng.shuffle(pairs)
    singles = letters[:]
    rng.shuffle(singles)
    names = pairs[: size - size // 10] + singles[: size // 10]
    rng.shuffle(names)
    return names


def person_names(
    gen: np.random.Generator,
    male: np.ndarray,
    male_pool: list[str],
    female_pool: list[str],
    surnames: np.ndarray | None = None,
) -> list[str]:
    """Full names for people of the given sex; ``surnames`` indexes SURNAMES if already fixed."""
    n = len(male)
    if surnames is None:
        surnames = gen.choice(len(SURNAMES), size=n, p=SURNAME_P)
    mi = gen.integers(0, len(male_pool), size=n)
    fi = gen.integers(0, len(female_pool), size=n)
    s = SURNAMES
    return [
        s[a] + (male_pool[b] if m else female_pool[c])
        for a, b, c, m in zip(surnames.tolist(), mi.tolist(), fi.tolist(), male.tolist(), strict=True)
    ]


# --- ID numbers (GB 11643) --------------------------------------------------------------------
# Where people registered at Guankou come from: mostly Jimei and the rest of Xiamen and southern
# Fujian, then the provinces that send most migrant workers to Xiamen.
AREA_CODES = (
    ("350211", 34.0),
    ("350203", 6.0),
    ("350206", 6.0),
    ("350205", 4.0),
    ("350212", 5.0),
    ("350213", 3.0),
    ("350524", 5.0),
    ("350583", 5.0),
    ("350582", 3.0),
    ("350521", 2.0),
    ("350681", 2.0),
    ("350181", 1.5),
    ("350402", 1.0),
    ("350702", 1.0),
    ("360730", 3.0),
    ("360781", 2.0),
    ("362101", 1.5),
    ("431102", 2.0),
    ("430524", 1.5),
    ("511381", 2.0),
    ("511322", 1.5),
    ("522101", 1.5),
    ("411381", 1.5),
    ("421381", 1.5),
    ("452123", 1.0),
    ("342221", 1.0),
    ("440513", 1.0),
    ("500228", 1.5),
)
_W17 = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
EARLIEST_BIRTH = dt.date(1920, 1, 1)  # nobody in the demo is older than 100


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def _check_table() -> list[str]:
    """Check character for each weighted sum mod 11, taken from the validators module."""
    table = [""] * 11
    n = 0
    while "" in table:
        first17 = f"{n:017d}"
        table[_weighted(first17, _W17) % 11] = id_check_character(first17)
        n += 1
    return table


class IdNumberFactory:
    """Makes unique, valid 18-character ID numbers in bulk from (area, birth date, sequence).

    The weighted sum splits into the three parts, so each part's contribution is computed once
    per distinct value and a number costs one table lookup and a string join.
    """

    def __init__(self, today: dt.date) -> None:
        self._areas = [code for code, _ in AREA_CODES]
        w = np.array([weight for _, weight in AREA_CODES])
        self._area_p = w / w.sum()
        self._area_sum = np.array([_weighted(a, _W17[:6]) for a in self._areas])
        self._first = EARLIEST_BIRTH.toordinal()
        days = today.toordinal() - self._first + 1
        dates = [dt.date.fromordinal(self._first + i).strftime("%Y%m%d") for i in range(days)]
        self._dates = dates
        self._date_sum = np.array([_weighted(d, _W17[6:14]) for d in dates])
        self._seqs = [f"{i:03d}" for i in range(1000)]
        self._seq_sum = np.array([_weighted(s, _W17[14:]) for s in self._seqs])
        self._check = _check_table()
        self._used = np.zeros(0, dtype=np.int64)

    def make(
        self,
        gen: np.random.Generator,
        birth_ordinals: np.ndarray,
        male: np.ndarray,
        areas: np.ndarray | None = None,
    ) -> list[str]:
        """ID numbers for people born on ``birth_ordinals`` (date ordinals), odd sequence for men."""
        n = len(birth_ordinals)
        if areas is None:
            areas = gen.choice(len(self._areas), size=n, p=self._area_p)
        d = np.clip(birth_ordinals - self._first, 0, len(self._dates) - 1)
        parity = male.astype(np.int64)
        seq = gen.integers(0, 500, size=n) * 2 + parity
        key = (areas.astype(np.int64) * len(self._dates) + d) * 1000 + seq
        # Re-draw the sequence number wherever two people (or an earlier batch) collide.
        for _ in range(50):
            order = np.argsort(key, kind="stable")
            dup = np.zeros(n, dtype=bool)
            sk = key[order]
            dup[order[1:]] = sk[1:] == sk[:-1]
            if len(self._used):
                dup |= np.isin(key, self._used)
            if not dup.any():
                break
            k = int(dup.sum())
            seq[dup] = gen.integers(0, 500, size=k) * 2 + parity[dup]
            key = (areas.astype(np.int64) * len(self._dates) + d) * 1000 + seq
        else:
            raise RuntimeError("could not draw unique ID numbers (too many people born on one day)")
        self._used = np.concatenate([self._used, key])
        total = (self._area_sum[areas] + self._date_sum[d] + self._seq_sum[seq]) % 11
        a_s, d_s, q_s, c_s = self._areas, self._dates, self._seqs, self._check
        return [
            a_s[a] + d_s[b] + q_s[c] + c_s[t]
            for a, b, c, t in zip(areas.tolist(), d.tolist(), seq.tolist(), total.tolist(), strict=True)
        ]


# --- mobile numbers ---------------------------------------------------------------------------
MOBILE_PREFIXES = (
    ("138", 6),
    ("139", 6),
    ("135", 5),
    ("136", 4),
    ("137", 4),
    ("130", 3),
    ("131", 3),
    ("132", 3),
    ("133", 3),
    ("150", 4),
    ("151", 3),
    ("152", 3),
    ("153", 2),
    ("155", 2),
    ("156", 2),
    ("157", 2),
    ("158", 4),
    ("159", 5),
    ("180", 3),
    ("181", 3),
    ("182", 3),
    ("183", 2),
    ("185", 3),
    ("186", 4),
    ("187", 3),
    ("188", 3),
    ("189", 4),
    ("173", 1),
    ("175", 1),
    ("176", 2),
    ("177", 2),
    ("178", 1),
    ("191", 1),
    ("193", 1),
    ("195", 1),
    ("198", 2),
    ("199", 2),
)
_MP = np.array([w for _, w in MOBILE_PREFIXES], dtype=float)
_MOBILE_P = _MP / _MP.sum()


def mobiles(gen: np.random.Generator, n: int) -> list[str]:
    """``n`` mainland mobile numbers with allocated prefixes (never 154 or 194)."""
    p = gen.choice(len(MOBILE_PREFIXES), size=n, p=_MOBILE_P)
    rest = gen.integers(0, 100_000_000, size=n)
    prefixes = [x for x, _ in MOBILE_PREFIXES]
    return [f"{prefixes[a]}{b:08d}" for a, b in zip(p.tolist(), rest.tolist(), strict=True)]


def mobile(rng: random.Random) -> str:
    prefix = rng.choices([x for x, _ in MOBILE_PREFIXES], weights=[w for _, w in MOBILE_PREFIXES])[0]
    return f"{prefix}{rng.randrange(100_000_000):08d}"


# --- plates (GA 36) ---------------------------------------------------------------------------
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # I and O are never used
PLATE_REGIONS = (
    ("闽D", 78.0),
    ("闽C", 3.0),
    ("闽E", 3.0),
    ("闽A", 2.0),
    ("闽B", 1.0),
    ("闽F", 1.0),
    ("粤B", 1.5),
    ("粤A", 1.0),
    ("赣B", 1.5),
    ("赣A", 1.0),
    ("浙A", 1.0),
    ("湘A", 1.0),
    ("川A", 1.0),
    ("渝A", 0.8),
    ("苏A", 0.7),
    ("豫A", 0.7),
    ("鄂A", 0.7),
    ("皖A", 0.6),
)
_PR = np.array([w for _, w in PLATE_REGIONS])
_PLATE_REGION_P = _PR / _PR.sum()


def plate(rng: random.Random, region: str | None = None, new_energy: bool = False) -> str:
    """One GA 36 plate: 7 characters, or 8 for a new-energy car (D/F then 5 more)."""
    if region is None:
        region = rng.choices([r for r, _ in PLATE_REGIONS], weights=[w for _, w in PLATE_REGIONS])[0]
    digits = "0123456789"
    if new_energy:
        second = rng.choice(PLATE_LETTERS[:10] + digits) if rng.random() < 0.5 else rng.choice(digits)
        return region + rng.choice("DF") + second + "".join(rng.choice(digits) for _ in range(4))
    serial = [rng.choice(digits) for _ in range(5)]
    for _ in range(rng.choice((0, 0, 1, 1, 2))):  # most serials have a letter or two
        serial[rng.randrange(5)] = rng.choice(PLATE_LETTERS)
    return region + "".join(serial)


def plates(rng: random.Random, n: int, new_energy_share: float = 0.18) -> list[str]:
    """``n`` distinct plates, mostly 闽D, a share of them new-energy."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        p = plate(rng, new_energy=rng.random() < new_energy_share)
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


CAR_BRANDS = (
    "比亚迪",
    "丰田",
    "大众",
    "本田",
    "日产",
    "吉利",
    "长安",
    "特斯拉",
    "五菱",
    "别克",
    "哈弗",
    "奥迪",
    "宝马",
    "奔驰",
    "广汽传祺",
    "蔚来",
    "理想",
    "小鹏",
    "马自达",
    "现代",
)
NEW_ENERGY_BRANDS = ("比亚迪", "特斯拉", "蔚来", "理想", "小鹏", "五菱", "广汽埃安", "极氪")
CAR_COLOURS = ("白", "白", "黑", "黑", "银", "灰", "红", "蓝", "棕")

# --- places -----------------------------------------------------------------------------------
STATION = {"code": "GK", "name": "灌口派出所", "district": "集美区"}
# The communities named in the article come first and always exist.
FEATURED_COMMUNITIES = ("禹洲璟阅城", "联发欣悦湾", "安仁社区")
NAME_HEADS = (
    "金辉",
    "建发",
    "国贸",
    "中骏",
    "世茂",
    "万科",
    "保利",
    "融信",
    "龙湖",
    "阳光",
    "特房",
    "象屿",
    "海投",
    "联发",
    "禹洲",
    "碧桂园",
    "招商",
    "旭辉",
    "正荣",
    "泰禾",
    "宝龙",
    "锦绣",
    "翠湖",
    "观澜",
    "御景",
    "星河",
    "凤凰",
    "东方",
    "滨海",
    "天湖",
    "紫云",
    "双岭",
    "深青",
    "田头",
    "黄庄",
    "井城",
    "李林",
    "铁山",
    "顶许",
    "坑内",
    "上塘",
    "灌南",
    "灌北",
    "安仁",
    "三社",
    "浦林",
    "后山",
    "溪头",
    "东辉",
    "杏林",
)
NAME_TAILS = (
    "花园",
    "家园",
    "雅苑",
    "公寓",
    "新城",
    "名城",
    "府",
    "湾",
    "里",
    "苑",
    "华庭",
    "嘉园",
    "广场",
    "小区",
    "安置房",
    "山庄",
    "公馆",
    "壹号",
    "学府",
    "滨江苑",
)
ROADS = (
    "灌口中路",
    "灌口南路",
    "灌口北路",
    "安仁大道",
    "三社路",
    "黄庄路",
    "田头路",
    "金山路",
    "双龙潭路",
    "深青路",
    "铁山路",
    "灌新路",
    "李林路",
    "井城路",
    "上塘路",
    "顶许路",
)
PM_COMPANIES = (
    "联发物业",
    "禹洲物业",
    "建发物业",
    "万科物业",
    "国贸物业",
    "特房物业",
    "象屿物业",
    "碧桂园服务",
    "保利物业",
    "中骏物业",
    "嘉和物业",
    "灌口社区物业服务站",
)
# Guankou, Jimei: the district is spread over about 8 km (east-west) by 6 km (north-south).
CENTRE_LAT, CENTRE_LON = 24.600, 118.000
SPAN_LAT, SPAN_LON = 0.054, 0.079

ORGANISATION_KINDS = (
    ("便利店", "商铺"),
    ("快递驿站", "物流"),
    ("幼儿园", "教育"),
    ("物业服务中心", "物业"),
    ("沙县小吃", "餐饮"),
    ("五金店", "商铺"),
    ("理发店", "商铺"),
    ("药店", "医药"),
    ("电动车维修店", "维修"),
    ("棋牌室", "娱乐"),
    ("社区卫生服务站", "医疗"),
    ("培训机构", "教育"),
)

# --- cases, reports, service ------------------------------------------------------------------
THEFT_KINDS = (
    # (title template, category, item description, value range in yuan, quantity range)
    ("{c}地下室电缆被盗", "电缆", "铜芯电缆(捆)", (800, 3000), (2, 12)),
    ("{c}电动车被盗", "电动车", "电动自行车", (1500, 4500), (1, 1)),
    ("{c}住户手机被盗", "手机", "智能手机", (1200, 7000), (1, 1)),
    ("{c}楼道自行车被盗", "自行车", "自行车", (300, 1500), (1, 1)),
    ("{c}快递包裹被盗", "快递包裹", "快递包裹", (50, 800), (1, 3)),
    ("{c}车内财物被盗", "现金", "现金及钱包", (200, 3000), (1, 1)),
)
SUSPECT_NOTES = (
    "多次窃取电缆后在废品回收站销赃时被抓获",
    "监控比对锁定",
    "骑电动车流窜作案",
    "车辆卡口比对锁定",
    "群众举报线索",
)
FRAUD_SCHEMES = tuple(SCHEME_TITLES.items())
BANKS = (
    "中国工商银行",
    "中国建设银行",
    "中国农业银行",
    "中国银行",
    "交通银行",
    "厦门银行",
    "兴业银行",
    "招商银行",
    "邮储银行",
    "厦门农商银行",
)
REPORTS = (
    ("theft", "小区地下车库有人撬电动车锁"),
    ("theft", "家门口快递被人拿走了"),
    ("theft", "电动车电瓶被偷"),
    ("disturbance", "楼上深夜噪音扰民, 多次沟通无效"),
    ("disturbance", "小区门口有人争吵, 情绪激动"),
    ("lost-item", "在小区附近丢失钱包, 内有身份证"),
    ("lost-item", "手机落在出租车上"),
    ("lost-pet", "家里的柯基犬走丢了, 棕白色, 戴红色项圈"),
    ("lost-pet", "橘猫从阳台跑出去了"),
    ("other", "发现一名老人迷路, 说不清住址"),
    ("other", "一名外地来的男子发热, 住在出租屋"),
)
SERVICE_REQUESTS = (
    ("lost-keys", "钥匙丢失, 被锁在门外, 请求联系物业开锁"),
    ("lost-keys", "孩子放学回家钥匙丢了"),
    ("lost-pet", "宠物狗走失, 请求查看小区监控"),
    ("lost-pet", "宠物猫走丢, 请求协助寻找"),
    ("lost-item", "遗失身份证, 请求开具证明"),
    ("other", "老人走失, 家属求助"),
)
