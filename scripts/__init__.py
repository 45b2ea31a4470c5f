"""Developer scripts: set-up, checks and the benchmark."""
