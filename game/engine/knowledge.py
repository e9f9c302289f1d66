"""What the player knows about priorities: asking reveals the top one, then the top three, then all.

Of the current stage: ``st.rank`` and ``st.care`` are what matters now, and ``st.known_level`` is the
reveal level that still holds (a first answer goes stale when the emphasis shifts; a follow-up, level 2
and up, told the player how the member's needs move, so it holds in every stage).
"""
from __future__ import annotations

import numpy as np

from game.engine.state import priority_rank  # noqa: F401  (re-exported)

REVEAL_LIMITS = np.array([0, 1, 3, 10**6])   # benefits known at reveal level 0, 1, 2, 3


def known_mask(rank: np.ndarray, revealed: np.ndarray) -> np.ndarray:
    """(…,M,B) bool: which priorities the player has discovered, from ``st.rank`` and ``st.revealed``."""
    return rank < REVEAL_LIMITS[revealed][..., None]


def known_care(st) -> np.ndarray:
    """(G,M,B) care the player has discovered; 0 where unknown.  Fair strategies use only this."""
    return np.where(known_mask(st.rank, st.known_level), st.care, 0.0)
