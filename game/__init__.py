"""B2B sales simulation game: sell to a buying center, stage by stage."""
from pathlib import Path

__version__ = "0.1.0"

#: Folder that holds the bundled scenarios (``scenarios/`` beside the package).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCENARIO_DIR = PROJECT_ROOT / "scenarios"
ASSET_DIR = PROJECT_ROOT / "assets"
