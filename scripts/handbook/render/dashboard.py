"""The home page dashboard: today's to-dos, what to do next, the pipeline, monthly activity and referrals.

``render_dashboard`` returns HTML that the site adapter appends to the user's own home page,
so the landing text stays theirs. The Today lists use the calendar's markup (``_agenda.j2``), so
the calendar script (handbook.js) regroups them with the reader's clock exactly as it does on the
calendar page.

The public build gets no dashboard: meetings and the agenda are private, and a shared person's
status is withheld, so even the pipeline would have nothing true to show.
"""

from __future__ import annotations

import datetime as dt

from ..book import Handbook
from ..derive.agenda import AgendaItem, agenda
from ..derive.referrals import referral_graph
from ..derive.stats import meetings_per_month, people_by_status, referral_stats
from .calendar import CALENDAR_SRC
from .charts import bar_chart, column_chart
from .network import NETWORK_SRC
from .next_steps import next_steps_values
from .site import RenderOptions, render

HOME_SRC = "index.md"
NEXT_MEETINGS = 3  # meetings listed beyond this week
LOOKAHEAD = 14  # tasks this many days ahead are on the page too, so a reader days later still sees them
TOP_REFERRERS = 5
LIST_ITEMS = 8  # each Today list shows this many, then "N more on the calendar": a bounded home page


def today_lists(items: list[AgendaItem], today: dt.date) -> dict[str, list[AgendaItem]]:
    """Overdue and this week's items, then the next meetings and soon-due tasks after the week."""
    lists: dict[str, list[AgendaItem]] = {"overdue": [], "week": [], "later": []}
    meetings_later = 0
    for item in items:
        bucket = item.bucket(today)
        if bucket in ("overdue", "week"):
            lists[bucket].append(item)
        elif bucket == "later":
            if not item.is_task and meetings_later < NEXT_MEETINGS:
                meetings_later += 1
                lists["later"].append(item)
            elif item.is_task and item.date < today + dt.timedelta(days=LOOKAHEAD):
                lists["later"].append(item)
    return lists


def first_items(lists: dict[str, list[AgendaItem]], limit: int | None = None
                ) -> tuple[dict[str, list[AgendaItem]], dict[str, int]]:
    """Each list's first ``limit`` (LIST_ITEMS) items, and how many more each has."""
    limit = limit or LIST_ITEMS
    return ({name: items[:limit] for name, items in lists.items()},
            {name: max(0, len(items) - limit) for name, items in lists.items()})


def _month_notes(months) -> list[str]:
    # The year goes under the first column and under every January.
    return [m.key[:4] if i == 0 or m.key.endswith("-01") else "" for i, m in enumerate(months)]


def render_dashboard(handbook: Handbook, options: RenderOptions) -> str:
    if not options.private:
        return ""
    today = options.today
    items = agenda(handbook, today)
    graph = referral_graph(handbook)
    months = meetings_per_month(handbook, today)
    lists, more = first_items(today_lists(items, today))
    return render(
        "dashboard.md.j2", handbook, options, HOME_SRC,
        lists=lists, more=more, positions={item.uid: n for n, item in enumerate(items)},
        pipeline=bar_chart("hb-chart-pipeline", "People by status", people_by_status(handbook)),
        activity=column_chart("hb-chart-activity", "Meetings per month, last 12 months", months,
                              _month_notes(months)),
        held=sum(m.value for m in months), referrals=referral_stats(handbook, today, TOP_REFERRERS, graph),
        graph=graph, calendar=CALENDAR_SRC, network=NETWORK_SRC, **next_steps_values(handbook, options, graph),
    ).source
