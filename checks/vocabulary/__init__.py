"""Vocabulary: the normaliser and the merged word lists (`PackSet`) — the layer below checks.text."""
