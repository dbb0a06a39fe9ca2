"""Media reader tests (a package so test module names such as test_corpus stay unique across folders)."""
