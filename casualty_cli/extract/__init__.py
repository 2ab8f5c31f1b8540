"""Extraction: `Article` -> `Claim`s.

The words of harm (`lexicon`) feed a cheap scan for candidate sentences (`segments`, `scan`);
numbers are read without a model (`numbers`, `count_context`, `factbox`); the spaCy pipeline
(`pipeline`, `sentences`, `attributes`) parses the candidates; the rules read harm (`detect`),
victims (`victims`) and sources (`attribution`) from the parse; `extractor` joins the pieces into
claims, and `component` offers the same as a spaCy component.
"""
