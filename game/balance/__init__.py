"""Balance tooling: batch-simulate the baseline strategies on a scenario and judge the result.

    from game.balance import run_balance, to_json, to_table, warnings_for
    run = run_balance(scenario, games=2000, seed=0)
    print(to_table(run)); print(*warnings_for(run), sep="\n")

``families`` builds scenario families (1..6 members, otherwise alike) for the
stakeholder curve.  Nothing here imports pygame.
"""
from game.balance.checks import warnings_for  # noqa: F401
from game.balance.report import to_json, to_table  # noqa: F401
from game.balance.simulate import BalanceRun, StrategyRun, run_balance  # noqa: F401
