"""Preflight's front ends: the `preflight` command line and the Qt desktop app."""
