"""A Whoosh collector that sees every match: the top hits and, for the total and the
facet counts, every document a search matches."""

from __future__ import annotations

from heapq import heappush, heapreplace

from whoosh import collectors


class RecordingCollector(collectors.TopCollector):
    """Top N by score, noting every match per segment in ``segments`` as (segment
    reader, segment document numbers). It never raises the minimum score, so Whoosh
    never prunes a sub-matcher and every match is seen.

    Whoosh's ``TopCollector`` calls ``_collect`` once per match (its extension point,
    private by name); this one keeps the same heap of (score, -global document number)."""

    def __init__(self, limit: int):
        super().__init__(limit=limit, usequality=False)
        self.segments: list[tuple[object, list[int]]] = []
        self._docnums: list[int] = []

    def set_subsearcher(self, subsearcher, offset):
        super().set_subsearcher(subsearcher, offset)
        self._docnums = []
        self.segments.append((subsearcher.reader(), self._docnums))

    def _collect(self, global_docnum, score):
        self._docnums.append(global_docnum - self.offset)
        items = self.items
        self.total += 1
        if len(items) < self.limit:
            heappush(items, (score, 0 - global_docnum))
        elif score > items[0][0]:
            heapreplace(items, (score, 0 - global_docnum))
        return 0 - score
