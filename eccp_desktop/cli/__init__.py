"""The command line (no Qt): ``eccp-desktop COMMAND``."""
