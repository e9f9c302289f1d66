"""What the player knows about priorities: asking reveals the top one, then the top three, then all."""
from __future__ import annotations

import numpy as np

from game.engine.state import priority_rank  # noqa: F401  (re-exported)

REVEAL_LIMITS = np.array([0, 1, 3, 10**6])   # benefits known at reveal level 0, 1, 2, 3


def known_mask(rank: np.ndarray, revealed: np.ndarray) -> np.ndarray:
    """(…,M,B) bool: which priorities the player has discovered, from ``st.rank`` and ``st.revealed``."""
    return rank < REVEAL_LIMITS[revealed][..., None]


def known_care(st) -> np.ndarray:
    """(G,M,B) care the player has discovered; 0 where unknown.  Fair strategies use only this."""
    return np.where(known_mask(st.rank, st.revealed), st.care, 0.0)
