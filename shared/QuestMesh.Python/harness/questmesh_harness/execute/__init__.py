"""`execute`: run a test module in-process under coverage.py, with outcomes and coverage per test.

`command` serves the request; `plugin`, `measurement`, `capture`, `failure` and `order` are the pieces
`mutate` reuses to run a suite the same way.
"""
