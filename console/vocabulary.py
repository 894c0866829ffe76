"""The Chinese words for the codes of the event contract, shared by ingest, demo data and details.

Codes (``pig-butchering``, ``lost-pet``…) stay on the wire and in the database; officers read these.
"""

from __future__ import annotations

SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}
# contracts/events.md: a fraud_risk of level high raises a critical alert, and so on down.
FRAUD_SEVERITY = {"high": "critical", "medium": "high", "low": "medium"}
LEVEL_TITLES = {"high": "高", "medium": "中", "low": "低"}
CATEGORY_TITLES = {
    "theft": "盗窃",
    "lost-item": "失物求助",
    "lost-pet": "寻宠求助",
    "disturbance": "扰民",
    "other": "其他",
}
SCHEME_TITLES = {
    "pig-butchering": "杀猪盘(婚恋交友投资)",
    "refund": "冒充客服退款",
    "order-brushing": "刷单返利",
    "fake-police": "冒充公检法",
    "loan": "网络贷款",
    "game-trade": "游戏装备交易",
}


def scheme_title(scheme: str) -> str:
    """A fraud scheme in Chinese; free text that is not a known code is shown as sent."""
    return SCHEME_TITLES.get(scheme, scheme)
