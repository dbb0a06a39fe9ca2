"""Offline geography: administrative divisions of China, landmarks and countries (`checks.geo.gazetteer`)."""
