"""Tolls: claims (as dicts) -> `Toll`s, one per event and type.

`events` groups articles or a claims file into events (with the people the extractor read one by one,
`extract.people`); `figures` says what each figure is on its own; `rules` weighs an event's figures into a
toll. Pure Python over claim dicts: no spaCy here.
"""
