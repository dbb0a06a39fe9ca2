"""Fixes: from a finding to a compliant post and compliant media copies (originals never written)."""
