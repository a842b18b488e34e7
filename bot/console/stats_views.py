"""The coordinators' page: a picture of the service per team and week (issue 15, item 6).

GET /dienstverlening. Coordinators only (an ordinary consultant gets 403); aggregates
only (service_stats.py), charts as inline SVG under the console's CSP.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.console.keys import CLOCK, STORE, current_session
from bot.console.service_stats import ALL_TEAMS, service_stats, team_charts
from bot.console.ticket_views import _forbidden, _page, _team_labels
from bot.console.web_security import login_required

STATS_PATH = "/dienstverlening"


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


@login_required
async def stats_page(request: web.Request) -> web.Response:
    session = current_session(request)
    assert session is not None
    if not session.consultant.is_coordinator:
        return _forbidden(request, "Deze pagina is er voor coördinatoren.")
    store = request.app[STORE]
    stats = await asyncio.to_thread(service_stats, store, request.app[CLOCK]())
    labels = _team_labels(store)
    sections = []
    for team, per_week in stats.teams.items():
        figures = [per_week[w] for w in stats.weeks]
        if team != ALL_TEAMS and not any(
                f.new or f.outcomes or f.satisfaction.responses or
                f.satisfaction.recommend_answers for f in figures):
            continue
        sections.append({
            "id": "alle-teams" if team == ALL_TEAMS else team,
            "label": "Alle teams" if team == ALL_TEAMS else labels.get(team, team),
            "charts": team_charts(stats, team),
            "rows": [
                {"week": f"week {w.isocalendar()[1]} ({w:%d-%m})", "new": f.new,
                 "median": _hours(f.median_hours), "p90": _hours(f.p90_hours),
                 "within": _share(f.share_within),
                 "outcomes": sum(f.outcomes.values()),
                 "score": _score(f.average_score), "answers": f.satisfaction.responses,
                 "recommend": _share(f.recommend_share)}
                for w, f in zip(stats.weeks, figures, strict=True)
            ],
        })
    return _page(request, "stats.html", {"sections": sections,
                                         "first_week": stats.weeks[0],
                                         "last_week": stats.weeks[-1]})


def add_stats_routes(app: web.Application) -> None:
    app.router.add_get(STATS_PATH, stats_page)
