"""Whole repositories: where the Python is and what it declares (`survey`), one measured run of a whole suite
(`measure`), and the declared dependencies installed into a virtual environment (`install`)."""
