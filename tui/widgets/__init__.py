"""Reusable widgets: a big countdown, text that repaints only when it changes, prompts."""
