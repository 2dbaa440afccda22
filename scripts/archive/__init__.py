"""The essay archive's pipeline: decode raw files, parse them into essays, render pages (the disk is touched only by scripts/normalize.py)."""
