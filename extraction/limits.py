"""Input limits, stated once and shown in the README and in error messages."""

#: The longest article text analysed in one piece, in characters (about 30,000 words).
MAX_CHARS = 200_000
#: The largest file read from disk or upload, in bytes.
MAX_FILE_BYTES = 5 * 1024 * 1024
