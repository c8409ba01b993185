"""Runners: the same per-document functions in one process, a local pool, or Spark."""
