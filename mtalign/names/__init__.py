"""Korean-English name spellings: romanization and comparison."""
