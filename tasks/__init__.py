"""Plain, testable functions for each pipeline stage, plus thin Prefect task wrappers."""
