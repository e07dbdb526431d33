"""The written test module: test functions, their names, the module around them, and its verification."""
