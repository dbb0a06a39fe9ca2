"""Text analysis shared by all rules: normalisation, structure, lexicons, times, places, topics."""
