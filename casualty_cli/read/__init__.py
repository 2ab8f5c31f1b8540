"""Reading inputs: bytes -> `Article` (id, text).

Files, folders, stdin, JSON Lines, CSV and saved web pages are planned (`inputs`), decoded
whatever their encoding (`decode`) and, for HTML, cut to the article's main text (`webpage`).
Nothing here knows about spaCy or claims.
"""
