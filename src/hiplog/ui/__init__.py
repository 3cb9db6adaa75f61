"""The PySide6 desktop window. Calls services and shows dataclasses; runs no SQL."""
