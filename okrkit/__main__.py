"""``python -m okrkit`` runs the command line."""

from okrkit.cli import main

raise SystemExit(main())
