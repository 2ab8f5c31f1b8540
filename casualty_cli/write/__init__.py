"""Writers: claims and tolls -> bytes.

JSON, JSON Lines and CSV (`export`), the terminal tables (`render`, `toll_output`), SQLite
(`sqlite`) and the HTML report (`report` and its `templates/`).
"""
