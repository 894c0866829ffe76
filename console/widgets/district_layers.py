"""What the district map's extra layers send to the page: officers' destinations and series paths.

Plain functions from the services' frozen dataclasses to the JSON items ``district.js`` draws;
the words go through Qt's translation in the ``DistrictLayers`` context.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from console.services.maps import OfficerDestination, SeriesPath

STATION_TZ = dt.timezone(dt.timedelta(hours=8))
# Series lines: mid-tones that stand out on the dark and the light background (each line also has
# a halo in the theme's label halo colour) and are none of the verification or severity colours,
# nor the officers' blue (en route) and purple (on scene).
SERIES_COLOURS = ("#e0408a", "#00a3a3", "#b04fd6", "#8a5a00", "#6f7f00", "#1f7ae0")


def _hm(at: dt.datetime) -> str:
    return at.astimezone(STATION_TZ).strftime("%H:%M")


def officer_items(destinations: Sequence[OfficerDestination]) -> list[dict[str, object]]:
    """One item per community with open dispatches: officer count, status, and who is going."""
    by_community: dict[int, list[OfficerDestination]] = {}
    for d in destinations:
        by_community.setdefault(d.community_id, []).append(d)
    items: list[dict[str, object]] = []
    for community_id, group in by_community.items():
        group.sort(key=lambda d: d.dispatch_id)
        officers = [o for d in group for o in d.officers]
        on_scene = all(d.status == "on_scene" for d in group)
        lines = [f"<b>{html.escape(group[0].community_name)}</b>"]
        for d in group:
            names = "、".join(
                f"{name} ({badge})" for badge, name in d.officers
            ) or QCoreApplication.translate("DistrictLayers", "未指定警员")
            if d.status == "on_scene" and d.arrived_at is not None:
                state = QCoreApplication.translate("DistrictLayers", "已到场 {0}").format(_hm(d.arrived_at))
            else:
                state = QCoreApplication.translate("DistrictLayers", "在途, {0} 派出").format(
                    _hm(d.dispatched_at)
                )
            head = QCoreApplication.translate("DistrictLayers", "派警 #{0}").format(d.dispatch_id)
            if d.alert_id is not None:
                head += " · " + QCoreApplication.translate("DistrictLayers", "预警 #{0}").format(d.alert_id)
            lines.append(html.escape(f"{head} · {state}"))
            lines.append(html.escape(names))
        newest_alert = next((d.alert_id for d in reversed(group) if d.alert_id is not None), None)
        if newest_alert is not None:
            hint = QCoreApplication.translate("DistrictLayers", "点击打开预警详情")
            lines.append(f"<i>{html.escape(hint)}</i>")
        items.append(
            {
                "community": community_id,
                "lat": group[0].lat,
                "lon": group[0].lon,
                "dispatches": [d.dispatch_id for d in group],
                "count": len(officers),
                "status": "on_scene" if on_scene else "en_route",
                "alert": newest_alert,
                "text": html.escape(
                    QCoreApplication.translate("DistrictLayers", "警 {0}").format(len(officers))
                ),
                "tooltip": "<br>".join(lines),
            }
        )
    return items


def series_items(paths: Sequence[SeriesPath]) -> list[dict[str, object]]:
    """One item per series: the line through its placed cases in order, and one stop per place.

    Cases at the same community share one stop that carries all their numbers ("1·3"), so
    nothing is drawn twice on the same spot; the line still passes through it in order.
    """
    items: list[dict[str, object]] = []
    for k, path in enumerate(paths):
        colour = SERIES_COLOURS[k % len(SERIES_COLOURS)]
        placed = path.placed
        if not placed:
            continue
        order = {s.case_no: n for n, s in enumerate(path.stops, start=1)}
        stops: dict[tuple[float, float], list[str]] = {}
        lines_at: dict[tuple[float, float], list[str]] = {}
        for s in placed:
            key = (float(s.lat or 0.0), float(s.lon or 0.0))
            stops.setdefault(key, []).append(s.case_no)
            day = s.reported_at.astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M")
            lines_at.setdefault(key, [f"<b>{html.escape(s.community_name)}</b>"]).append(
                html.escape(f"{order[s.case_no]}. {s.case_no} · {day}")
            )
        head = html.escape(
            QCoreApplication.translate("DistrictLayers", "串案「{0}」 共 {1} 起").format(
                path.label, len(path.stops)
            )
        )
        tooltip = head
        if path.unplaced:
            tooltip += "<br>" + html.escape(
                QCoreApplication.translate("DistrictLayers", "未能定位: {0}").format("、".join(path.unplaced))
            )
        items.append(
            {
                "id": path.id,
                "label": path.label,
                "colour": colour,
                "path": [[s.lat, s.lon] for s in placed],
                "tooltip": tooltip,
                "stops": [
                    {
                        "lat": lat,
                        "lon": lon,
                        "cases": cases,
                        "order": [order[c] for c in cases],
                        "orderText": "·".join(str(order[c]) for c in cases),
                        "casesHtml": "<br>".join(html.escape(c) for c in cases),
                        "tooltip": head + "<br>" + "<br>".join(lines_at[(lat, lon)]),
                    }
                    for (lat, lon), cases in stops.items()
                ],
            }
        )
    return items
