"""Scoring the system against gold question-answer sets."""
