"""`python -m server` is the `ubiquite` command."""

import sys

from server.cli import main

sys.exit(main())
