"""Extractors: pure functions from article text to typed records."""
