"""Who spoke about it, and when: the geometry of two small SVG charts, worked out here
and drawn by the ``charts.html`` macros (so every label is escaped by the template)."""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 480
LABEL_WIDTH = 150  # the speakers' names, left of their bars
ROW = 24
TOP_SPEAKERS = 10
TIMELINE_HEIGHT = 130
AXIS = 22  # room under the timeline for its labels
MONTHS_WHEN_YEARS = 3  # a span of this many years or fewer is drawn per month


@dataclass(frozen=True)
class Bar:
    label: str  # the speaker's name or the period
    value: int
    x: float
    y: float
    width: float
    height: float
    href: str
    tick: bool = False  # a period whose label is written under the axis
    tick_x: float = 0.0
    tick_anchor: str = "middle"  # start or end at the chart's edges, not cut off


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str  # what a value counts
    width: int
    height: int
    bars: list[Bar]
    peak: int

    @property
    def rows(self) -> list[tuple[str, int]]:
        """The numbers, for the table under the chart."""
        return [(b.label, b.value) for b in self.bars]


def speakers_chart(counts: dict[str, int], link) -> Chart | None:
    """Horizontal bars: the speakers of the most matching paragraphs, most first.
    ``link(name)`` is the search narrowed to that speaker."""
    top = list(counts.items())[:TOP_SPEAKERS]
    if not top:
        return None
    peak = max(n for _, n in top)
    room = WIDTH - LABEL_WIDTH - 50
    bars = [Bar(label=name, value=n, x=LABEL_WIDTH, y=i * ROW + 4,
                width=max(2.0, room * n / peak), height=ROW - 8, href=link(name))
            for i, (name, n) in enumerate(top)]
    return Chart("Who spoke about it", "paragraphs", WIDTH, len(top) * ROW, bars, peak)


def timeline_chart(years: dict[str, int], months: dict[str, int], link) -> Chart | None:
    """Vertical bars: matching paragraphs per year, or per month when the years span
    is short. ``link(period)`` narrows the search to that period."""
    if not years:
        return None
    periods = months if len(years) <= MONTHS_WHEN_YEARS else years
    step = WIDTH / len(periods)
    peak = max(periods.values()) or 1
    label_width = 7.5 * len(next(iter(periods))) + 8  # px of a label at 12px, with room
    every = max(1, math.ceil(label_width / step))  # labels that do not overlap
    bars = []
    for i, (period, n) in enumerate(periods.items()):
        height = (TIMELINE_HEIGHT - 10) * n / peak
        centre = i * step + step / 2
        anchor, tick_x = "middle", centre
        if centre < label_width / 2:
            anchor, tick_x = "start", i * step
        elif centre > WIDTH - label_width / 2:
            anchor, tick_x = "end", (i + 1) * step
        bars.append(Bar(label=period, value=n, x=i * step + step * 0.1,
                        y=TIMELINE_HEIGHT - height, width=max(1.0, step * 0.8),
                        height=height, href=link(period), tick=i % every == 0,
                        tick_x=tick_x, tick_anchor=anchor))
    per = "month" if periods is months else "year"
    return Chart(f"Matching paragraphs per {per}", "paragraphs", WIDTH,
                 TIMELINE_HEIGHT + AXIS, bars, peak)


def short_label(text: str, most: int = 30) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
