"""Readers and writers around the shared data classes; they never decide content."""
