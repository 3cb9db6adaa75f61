"""hiplog: a desktop training log and progression tracker for hip-extensor training."""

__version__ = "0.1.0"
APP_ID = "io.github.hiplog.Hiplog"
APP_NAME = "hiplog"
