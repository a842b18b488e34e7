"""A picture of the service for coordinators (issue 15, item 6): per team and per week, new
tickets, time to first contact (median and p90, in office hours of the team's calendar),
the share within target, the outcomes recorded at closing, and the satisfaction from the
six-week follow-up (average score 1-5 and the share that would recommend us, counted per
week of the answer: FollowUps.satisfaction_counts, never per person).

Only aggregates leave this module: counts, durations and shares per team and week. The
query reads the columns it needs and nothing about the person (no contact details,
summary, topic or safety flag). Charts are server-rendered SVG (no script, the console's
CSP unchanged), built from numbers only; labels are escaped.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from html import escape
from zoneinfo import ZoneInfo

from markupsafe import Markup
from sqlalchemy import or_, select

from bot.tickets.follow_up import FollowUps, SatisfactionCounts
from bot.tickets.schema import tickets

ZONE = ZoneInfo("Europe/Amsterdam")
ALL_TEAMS = "*"
WEEKS = 8
# Short Dutch legend labels for the outcomes (bot.tickets.models.OUTCOMES, in that order).
OUTCOME_LABELS = {
    "stayed_improved": "gebleven, verbeterd", "internal_move": "intern anders",
    "new_job": "nieuwe baan", "training": "opleiding", "referred": "doorverwezen",
    "no_contact": "geen contact", "other": "anders",
}


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def week_of(moment: datetime) -> date:
    """Monday of the (Amsterdam) week a moment falls in."""
    local = moment.astimezone(ZONE).date()
    return local - timedelta(days=local.weekday())


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0.5: the median); None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class WeekFigures:
    new: int = 0
    contact_hours: list[float] = field(default_factory=list)
    within: int = 0
    missed: int = 0
    outcomes: Counter = field(default_factory=Counter)
    satisfaction: SatisfactionCounts = field(default_factory=SatisfactionCounts)

    @property
    def average_score(self) -> float | None:
        answers = self.satisfaction
        return answers.score_total / answers.responses if answers.responses else None

    @property
    def recommend_share(self) -> float | None:
        answers = self.satisfaction
        return (answers.recommend_yes / answers.recommend_answers
                if answers.recommend_answers else None)

    @property
    def median_hours(self) -> float | None:
        return percentile(self.contact_hours, 0.5)

    @property
    def p90_hours(self) -> float | None:
        return percentile(self.contact_hours, 0.9)

    @property
    def share_within(self) -> float | None:
        judged = self.within + self.missed
        return None if judged == 0 else self.within / judged


@dataclass
class ServiceStats:
    weeks: list[date]
    teams: dict[str, dict[date, WeekFigures]]  # team id (ALL_TEAMS: everyone) -> week -> figures


def service_stats(store, now: datetime, weeks: int = WEEKS) -> ServiceStats:
    """Figures for the last `weeks` weeks up to `now`, per team and for all teams."""
    now = _aware(now)
    first_week = week_of(now) - timedelta(weeks=weeks - 1)
    since = datetime.combine(first_week, datetime.min.time(), ZONE).astimezone(timezone.utc)
    since_db = since.replace(tzinfo=None)
    query = select(tickets.c.team, tickets.c.created_at, tickets.c.due_at,
                   tickets.c.first_contact_at, tickets.c.outcome, tickets.c.closed_at,
                   tickets.c.status).where(or_(tickets.c.created_at >= since_db,
                                               tickets.c.closed_at >= since_db))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    week_list = [first_week + timedelta(weeks=n) for n in range(weeks)]
    figures: dict[str, dict[date, WeekFigures]] = defaultdict(
        lambda: {w: WeekFigures() for w in week_list})
    levels = store.service_levels
    for row in rows:
        team = row.team or "?"
        created = _aware(row.created_at)
        due, contact = _aware(row.due_at), _aware(row.first_contact_at)
        closed = _aware(row.closed_at)
        targets = (figures[team], figures[ALL_TEAMS])
        if created >= since:
            week = week_of(created)
            for per_week in targets:
                one = per_week[week]
                one.new += 1
                if contact is not None:
                    seconds = levels.calendar(team).working_seconds(created, contact)
                    one.contact_hours.append(seconds / 3600)
                if due is not None:
                    if contact is not None:
                        one.within += contact <= due
                        one.missed += contact > due
                    elif now > due and row.status != "closed":
                        one.missed += 1  # overdue and still no contact
        if closed is not None and closed >= since and row.outcome:
            for per_week in targets:
                per_week[week_of(closed)].outcomes[row.outcome] += 1
    counts = FollowUps(store).satisfaction_counts(week_list[0], week_list[-1])
    for (week, team), answers in counts.items():
        if week in week_list:
            for per_week in (figures[team], figures[ALL_TEAMS]):
                per_week[week].satisfaction += answers
    ordered = dict(sorted(((t, f) for t, f in figures.items() if t != ALL_TEAMS)))
    return ServiceStats(weeks=week_list,
                        teams={ALL_TEAMS: figures[ALL_TEAMS], **ordered})


# -- SVG ------------------------------------------------------------------------------------

WIDTH, HEIGHT = 560, 190
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 34
COLOURS = ("#2f6f8f", "#d08c2e", "#6a9f58", "#8e5ea2", "#c4574b", "#7a7a7a", "#3b8d8d")


def _week_label(week: date) -> str:
    return f"wk {week.isocalendar()[1]}"


def bar_chart(title: str, weeks: list[date], series: list[tuple[str, list[float | None]]],
              *, unit: str = "", maximum: float | None = None, stacked: bool = False) -> Markup:
    """Grouped (or stacked) bars per week, one colour per series, a legend under the axis.
    The title and a text table alternative are in <title>/<desc> for screen readers."""
    values = [v for _, vs in series for v in vs if v is not None]
    if stacked:
        sums = [sum(vs[i] or 0 for _, vs in series) for i in range(len(weeks))]
        top = max(sums or [0])
    else:
        top = max(values or [0])
    top = maximum if maximum is not None else _nice(top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(weeks))
    bar_w = slot * 0.7 / (1 if stacked else max(1, len(series)))
    legend, x, y = [], LEFT, HEIGHT + 4
    for s, (name, _vs) in enumerate(series):  # legend entries, wrapped to the width
        width = 22 + 6.5 * len(name)
        if x + width > WIDTH and x > LEFT:
            x, y = LEFT, y + 16
        legend.append(f'<rect x="{x:.0f}" y="{y}" width="10" height="10" '
                      f'fill="{COLOURS[s % len(COLOURS)]}"/>'
                      f'<text x="{x + 14:.0f}" y="{y + 9}" font-size="11" fill="#222">'
                      f'{escape(name)}</text>')
        x += width
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y + 16}" '
             f'role="img" class="chart">', f"<title>{escape(title)}</title>"]
    desc = "; ".join(
        f"{_week_label(w)}: " + ", ".join(
            f"{name} {_fmt(vs[i], unit)}" for name, vs in series)
        for i, w in enumerate(weeks))
    parts.append(f"<desc>{escape(desc)}</desc>")
    for step in range(5):  # grid and axis labels
        value = top * step / 4
        y = TOP + plot_h - plot_h * step / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     'stroke="#d8dde3" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'font-size="11" fill="#444">{escape(_fmt(value, unit, axis=True))}</text>')
    for i, week in enumerate(weeks):
        x0 = LEFT + slot * i + slot * 0.15
        base = TOP + plot_h
        for s, (_name, vs) in enumerate(series):
            value = vs[i]
            if value is None or top <= 0:
                continue
            h = plot_h * min(value, top) / top
            x = x0 if stacked else x0 + bar_w * s
            parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" '
                         f'height="{h:.1f}" fill="{COLOURS[s % len(COLOURS)]}"/>')
            if stacked:
                base -= h
        parts.append(f'<text x="{LEFT + slot * i + slot / 2:.1f}" y="{TOP + plot_h + 16}" '
                     f'text-anchor="middle" font-size="11" fill="#444">'
                     f'{escape(_week_label(week))}</text>')
    parts.extend(legend)
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above went through escape()


def _nice(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _fmt(value: float | None, unit: str, axis: bool = False) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{value * 100:.0f}%"
    if unit == "u":
        return f"{value:.1f} u" if not axis else f"{value:g} u"
    return f"{value:g}"


def team_charts(stats: ServiceStats, team: str) -> dict[str, Markup]:
    per_week = stats.teams[team]
    weeks = stats.weeks
    figures = [per_week[w] for w in weeks]
    outcome_series = [(label, [float(f.outcomes.get(key, 0)) or None for f in figures])
                      for key, label in OUTCOME_LABELS.items()
                      if any(f.outcomes.get(key) for f in figures)]
    return {
        "new": bar_chart("Nieuwe aanvragen per week", weeks,
                         [("nieuw", [float(f.new) for f in figures])]),
        "contact": bar_chart("Tijd tot eerste contact (kantooruren)", weeks,
                             [("mediaan", [f.median_hours for f in figures]),
                              ("p90", [f.p90_hours for f in figures])], unit="u"),
        "within": bar_chart("Binnen de termijn", weeks,
                            [("binnen termijn", [f.share_within for f in figures])],
                            unit="%", maximum=1.0),
        "outcomes": bar_chart("Uitkomsten bij sluiten", weeks,
                              outcome_series or [("nog geen", [None] * len(weeks))],
                              stacked=True),
        "satisfaction": bar_chart("Tevredenheid na zes weken (1-5)", weeks,
                                  [("gemiddeld cijfer", [f.average_score for f in figures])],
                                  maximum=5.0),
        "recommend": bar_chart("Zou ons aanraden", weeks,
                               [("raadt aan", [f.recommend_share for f in figures])],
                               unit="%", maximum=1.0),
    }

