"""Bar charts as inline SVG, drawn at build time: no script, no CDN, and they print.

Python only lays the bars out; the markup lives in the templates ``bar_chart.svg.j2`` (horizontal
bars, one row per label) and ``column_chart.svg.j2`` (vertical bars, one column per label). Every
number is drawn as text next to its bar and repeated in the chart's <desc> for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from markupsafe import Markup

from .environment import environment

WIDTH = 640  # viewBox units; the SVG scales to its container


class Datum(Protocol):
    """What a chart needs from a data point (derive.stats.Count fits)."""

    key: str
    label: str  # short, drawn on the chart
    name: str  # in full, read out by screen readers
    value: int


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    note: str = ""  # a second line under a column's label, e.g. the year


@dataclass(frozen=True)
class Chart:
    id: str  # unique on the page: the <title> and <desc> ids derive from it
    title: str
    desc: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    axis: float  # where the bars start: x for horizontal bars, the baseline y for columns


def _scale(value: int, largest: int, room: float) -> float:
    # Zero stays zero; any non-zero value gets at least a sliver so it never looks like nothing.
    if value <= 0 or largest <= 0:
        return 0.0
    return round(max(room * value / largest, 2.0), 1)


def _describe(title: str, data: Sequence[Datum]) -> str:
    return f"{title}. " + "; ".join(f"{d.name}: {d.value}" for d in data) + "."


def bar_chart(chart_id: str, title: str, data: Sequence[Datum]) -> Markup:
    """Horizontal bars, one row per datum, the label on the left and the count after the bar."""
    row, bar, label_width, value_room, top = 30, 20, 130, 48, 6
    room = WIDTH - label_width - value_room
    largest = max((d.value for d in data), default=0)
    bars = tuple(Bar(d.key, d.label, d.value, label_width, top + i * row, _scale(d.value, largest, room), bar)
                 for i, d in enumerate(data))
    chart = Chart(chart_id, title, _describe(title, data), WIDTH, top * 2 + row * len(data), bars,
                  label_width)
    return Markup(environment().get_template("bar_chart.svg.j2").render(chart=chart).strip())


def column_chart(chart_id: str, title: str, data: Sequence[Datum], notes: Sequence[str] = ()) -> Markup:
    """Vertical bars side by side, the count above each and the label (and note) below."""
    top, plot, gap = 24, 150, 10
    step = (WIDTH - 2) / max(len(data), 1)
    largest = max((d.value for d in data), default=0)
    baseline = top + plot
    bars = []
    for i, d in enumerate(data):
        height = _scale(d.value, largest, plot)
        note = notes[i] if i < len(notes) else ""
        bars.append(Bar(d.key, d.label, d.value, round(1 + i * step + gap / 2, 1), round(baseline - height, 1),
                        round(step - gap, 1), height, note))
    chart = Chart(chart_id, title, _describe(title, data), WIDTH, baseline + 44, tuple(bars), baseline)
    return Markup(environment().get_template("column_chart.svg.j2").render(chart=chart).strip())
