"""Everything that touches the SQLite file or the JSON exchange file."""
