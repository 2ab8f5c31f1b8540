"""Where extraction runs: articles -> (article, claims) in input order.

In this process (`runner`), in a pool of processes (`parallel`), or on a Dask cluster (`dask`).
"""
