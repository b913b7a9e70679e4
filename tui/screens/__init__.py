"""The screens of the lumbar app, one module each."""
