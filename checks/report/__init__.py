"""Reports: JSON (the contract other tools read), text for people, HTML for filing."""
