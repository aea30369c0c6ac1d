"""Reading report files and writing the index. Never imports ``search``."""
