"""Scenario format: typed model, loader with positioned errors, lint."""
from game.scenario.model import (  # noqa: F401
    DEFAULT_BENEFITS,
    DEFAULT_STAGES,
    ROLES,
    Benefit,
    Competitor,
    Member,
    Scenario,
    Stage,
    Vendor,
)
from game.scenario.loader import (  # noqa: F401
    Diagnostic,
    ScenarioError,
    bundled_scenarios,
    load_scenario,
    load_scenario_text,
    scenario_from_data,
    validate_file,
    validate_text,
)
