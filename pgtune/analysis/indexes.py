"""The select-indexes pass: the what-if engine's choice of indexes for the workload."""

from __future__ import annotations

import dataclasses

from ..errors import ExtensionMissing
from ..facts import CollectionGap
from ..whatif.advise import advise_indexes
from .context import Analysis


def select_indexes(analysis: Analysis) -> Analysis:
    """Candidates, what-if plans and the selection under the budget; without HypoPG the selection is
    modelled, and the missing extension is reported as a gap. The workload comes back as the selection
    weighed it (statements no measurement timed, timed from their plans)."""
    snapshot, settings = analysis.snapshot, analysis.settings.index
    try:
        selection, gaps = advise_indexes(snapshot, analysis.workload, analysis.session, settings), ()
    except ExtensionMissing as missing:
        gaps = (CollectionGap("hypopg", missing.message, missing.hint or ""),)
        fallback = dataclasses.replace(settings, use_hypopg=False)
        selection = advise_indexes(snapshot, analysis.workload, None, fallback)
    return dataclasses.replace(analysis, selection=selection, workload=selection.workload, gaps=gaps)
