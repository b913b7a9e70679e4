"""lumbar: a terminal coach for low back pain exercise routines."""

__version__ = "0.1.0"
