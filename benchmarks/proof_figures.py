"""Issue 11 items 1-2 (proofs and discounts), per bundled scenario, ``games`` seeded games per figure.

* use: share of games in which the expert and the oracle use each proof (reference, demo, pilot) at least
  once; target: each in >= 25% of games on >= 4 of the 5 bundled scenarios, for both;
* drop: the expert's win rate minus that of the same expert with one move removed (``Knobs.drop``, the rest
  held; same seeded games); target: >= 3 points on >= 2 scenarios for each proof;
* discounts: the oracle's mean discounts per game <= 1.0 on every scenario; ``discount_first`` (every
  discount first, then the expert) wins less than the expert on every scenario.
Run through benchmarks/calibration.py (``--only-proofs``, ``--proof-games N``).
"""
from __future__ import annotations

from game.engine import compile_tables, proofs
from game.engine.strategies import play_batch
from game.engine.strategies.discount_first import DiscountFirstStrategy
from game.engine.strategies.expert import expert_variant
from game.scenario import bundled_scenarios, load_scenario

PROOFS = ("reference", "demo", "pilot")
USE_MIN, USE_SCENARIOS, DROP_MIN, DROP_SCENARIOS, ORACLE_DISCOUNTS = 0.25, 4, 0.03, 2, 1.0


def use(bg) -> dict:
    st = bg.state
    return {"reference": float(st.proved[..., proofs.REFERENCE].any(axis=1).mean()),
            "demo": float(st.proved[..., proofs.DEMO].any(axis=1).mean()), "pilot": float(st.pilot_used.mean())}


def win(bg) -> float:
    return float((bg.state.outcome == 0).mean())


def proof_figures(games: int, seed: int, into: dict) -> bool:
    """Print the figures of every bundled scenario, store them in ``into``; True when every target is met."""
    print(f"\nproofs and discounts (issue 11 items 1-2), {games} games per figure")
    print(f"  {'scenario':<28}{'who':<8}{'ref':>6}{'demo':>6}{'pilot':>6}{'win':>7}  drop ref/demo/pilot"
          f"{'disc/g':>8}  discount_first")
    for path in bundled_scenarios():
        sc = load_scenario(path)
        tb = compile_tables(sc)
        expert, oracle = play_batch(tb, "expert", seed, games), play_batch(tb, "oracle", seed, games)
        e = win(expert)
        drop = {k: round(e - win(play_batch(tb, expert_variant(f"no_{k}", drop=k), seed, games)), 4) for k in PROOFS}
        first = win(play_batch(tb, DiscountFirstStrategy(), seed, games))
        fig = into[sc.id] = {"expert_use": use(expert), "oracle_use": use(oracle), "expert_win": e,
                             "oracle_win": win(oracle), "drop": drop, "discount_first_win": first,
                             "oracle_discounts": float(oracle.state.discount_steps.mean())}
        for who in ("expert", "oracle"):
            u = fig[f"{who}_use"]
            tail = (f"  {drop['reference']:+.3f}/{drop['demo']:+.3f}/{drop['pilot']:+.3f}"
                    f"{'':>8}  {first:.3f}") if who == "expert" else f"{'':>24}{fig['oracle_discounts']:>8.2f}"
            print(f"  {sc.id:<28}{who:<8}{u['reference']:>6.2f}{u['demo']:>6.2f}{u['pilot']:>6.2f}"
                  f"{fig[f'{who}_win']:>7.3f}{tail}")
    figs = list(into.values())
    targets = {}
    for who in ("expert", "oracle"):
        for k in PROOFS:
            n = sum(f[f"{who}_use"][k] >= USE_MIN for f in figs)
            targets[f"{who} uses {k} in >= {USE_MIN:.0%} of games on >= {USE_SCENARIOS} scenarios"] = [
                n >= USE_SCENARIOS, n]
    for k in PROOFS:
        n = sum(f["drop"][k] >= DROP_MIN for f in figs)
        targets[f"dropping {k} costs the expert >= {DROP_MIN:.0%} on >= {DROP_SCENARIOS} scenarios"] = [
            n >= DROP_SCENARIOS, n]
    worst = max(f["oracle_discounts"] for f in figs)
    targets[f"oracle discounts per game <= {ORACLE_DISCOUNTS}"] = [worst <= ORACLE_DISCOUNTS, round(worst, 3)]
    gap = min(f["expert_win"] - f["discount_first_win"] for f in figs)
    targets["discount_first wins less than the expert everywhere"] = [gap > 0, round(gap, 4)]
    for t, (ok, f) in targets.items():
        print(f"  [{'ok' if ok else 'FAIL'}] {t}: {f}")
    into["targets"] = targets
    return all(ok for ok, _ in targets.values())
