"""`explore`: the offline test search, in four stages.

- `inputs`: argument values (hints, defaults, the module's own literals, docstring examples, factories);
- `calls`: what can be called (`targets`) and running the calls in-process (`runner`, `session`, `search`);
- `selection`: assertions (`oracle`), the mutant screen, and which calls become tests (`choice`, `hunt`);
- `writing`: the test module (`cases`, `names`, `document`) and its verification by pytest.

`command` serves the request; `skips` keeps one target's trouble with that target.
"""
