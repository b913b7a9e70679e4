"""Run lumbar with ``python -m tui``."""

from tui.quick import main

raise SystemExit(main())
