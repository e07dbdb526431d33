"""Which calls become tests: stable assertions, the mutant screen, a greedy cover, simplification."""
