"""The `handbook` command line. Each module adds its commands to the shared Typer app."""

from . import check  # noqa: F401  (registers commands)
from . import due  # noqa: F401  (registers commands)
from . import next_cmd, path_cmd, targets_cmd  # noqa: F401  (registers commands)
from . import export_pages  # noqa: F401  (registers commands)
from . import print_cmd  # noqa: F401  (registers commands)
from . import exporting, importing, message, new  # noqa: F401  (registers commands)
from . import init_cmd, log_cmd, meeting_edits  # noqa: F401  (registers commands)
from .app import app


def main() -> None:
    app()
