"""Prefect flows and the ``newsflow`` command line."""
