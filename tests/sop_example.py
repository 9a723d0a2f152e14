"""The complete example SOP of the format documentation, for tests (no Django needed)."""

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "sop_workflow" / "definitions" / "README.md"


def documented_example() -> str:
    """The TOML of the first ``toml`` code block of ``sop_workflow/definitions/README.md``."""
    return README.read_text(encoding="utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
