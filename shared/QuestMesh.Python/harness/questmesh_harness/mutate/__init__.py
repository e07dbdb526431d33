"""`mutate`: the target's mutants (`operators`, walked by `mutants`) and the suite's score against them.

`command` serves the request; `engine` runs each mutant in a forked child (`fork`, `child`, `swap`) with
only the tests that reach it (`selection`, `order`); `naive` is the one-process-per-mutant yardstick.
`operators` is the one mutation table: explore's mutant screen uses the same mutants.
"""
