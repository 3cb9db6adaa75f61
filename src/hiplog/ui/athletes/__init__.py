"""Athletes in the window: the switcher, File > Athletes... and File > New athlete..."""
