"""SQLite storage of round files and reviewer files. No Qt."""
