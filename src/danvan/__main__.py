"""``python -m danvan``: the same as the ``danvan`` command."""

from danvan.cli import main

raise SystemExit(main())
