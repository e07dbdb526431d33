"""Whole repositories: where the Python is (`survey`), and one measured run of a whole suite (`measure`)."""
