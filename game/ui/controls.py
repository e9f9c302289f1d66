"""The round board's keyboard map, shared by the board and the autoplay driver.

Pre-sale:  A ask · P pitch · R reference · D demo · L pilot · C discount · F refer
Post-sale: D deliver · S support · T train · R review
Tab / Shift+Tab or the arrow keys move between members, 1…9 and 0 pick a
benefit (and the pitch action), [ and ] step through benefits beyond ten,
Enter plans the action (Shift+Enter: support for the whole account
rather than the focused member), Backspace undoes the last one, E ends the round.
"""
from __future__ import annotations

import pygame

from game.engine.types import MEMBER_OPTIONAL, POST_SALE_KINDS, PRE_SALE_KINDS

PRE_KEYS: dict[str, int] = {
    "ask": pygame.K_a, "pitch": pygame.K_p, "reference": pygame.K_r, "demo": pygame.K_d,
    "pilot": pygame.K_l, "discount": pygame.K_c, "refer": pygame.K_f,
}
POST_KEYS: dict[str, int] = {
    "deliver": pygame.K_d, "support": pygame.K_s, "train": pygame.K_t, "review": pygame.K_r,
}
BENEFIT_KEYS: tuple[int, ...] = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5,
                                 pygame.K_6, pygame.K_7, pygame.K_8, pygame.K_9, pygame.K_0)
END_ROUND = pygame.K_e
UNDO = pygame.K_BACKSPACE
ACT = pygame.K_RETURN


def kinds_for(phase: str) -> tuple[str, ...]:
    return POST_SALE_KINDS if phase == "post_sale" else PRE_SALE_KINDS


def kind_keys(phase: str) -> dict[str, int]:
    return POST_KEYS if phase == "post_sale" else PRE_KEYS


def key_label(kind: str) -> str:
    key = PRE_KEYS.get(kind, POST_KEYS.get(kind))
    return pygame.key.name(key).upper() if key is not None else ""


def kind_for_key(phase: str, key: int) -> str | None:
    for kind, k in kind_keys(phase).items():
        if k == key:
            return kind
    return None


def benefit_for_key(key: int) -> int | None:
    """Index of the benefit chosen by a number key (1 = first, 0 = tenth)."""
    return BENEFIT_KEYS.index(key) if key in BENEFIT_KEYS else None


def benefit_label(index: int) -> str:
    return str((index + 1) % 10) if index < 10 else ""


def keys_to_plan(action, *, phase: str, focus: int, member_index: int | None,
                 benefit: int, benefit_index: int | None, members: int,
                 benefits: int) -> list[tuple[int, int]]:
    """The key presses (key, mod) that plan ``action`` on the board, given the
    board's current member focus and chosen benefit.  Used by autoplay so it
    plays through exactly the keys a person would press."""
    keys: list[tuple[int, int]] = []
    if benefit_index is not None:
        if benefit_index < len(BENEFIT_KEYS):
            keys.append((BENEFIT_KEYS[benefit_index], 0))
        elif benefits:
            keys += [(pygame.K_RIGHTBRACKET, 0)] * ((benefit_index - benefit) % benefits)
    keys.append((kind_keys(phase)[action.kind], 0))
    if member_index is not None and members:
        steps = (member_index - focus) % members
        back = members - steps
        if steps <= back:
            keys += [(pygame.K_TAB, 0)] * steps
        else:
            keys += [(pygame.K_TAB, pygame.KMOD_SHIFT)] * back
    # Shift+Enter plans an action that may take a member without one
    whole_account = action.member is None and action.kind in MEMBER_OPTIONAL
    keys.append((ACT, pygame.KMOD_SHIFT if whole_account else 0))
    return keys


def keys_for_board(action, obs, *, focus: int, benefit: int) -> list[tuple[int, int]]:
    """``keys_to_plan`` for a board showing observation ``obs``."""
    ids = [m.id for m in obs.members]
    bids = [b.id for b in obs.benefits]
    return keys_to_plan(action, phase=obs.phase, focus=focus,
                        member_index=ids.index(action.member) if action.member in ids else None,
                        benefit=benefit, benefit_index=bids.index(action.benefit) if action.benefit in bids else None,
                        members=len(ids), benefits=len(bids))
