"""`factlint audit`: a whole archive linted on a Dask cluster, compared across articles, reported.

Layers: ``command`` (the CLI) -> ``run`` (cluster, partitions, the run) -> ``worker`` (lint one
partition into Parquet, on a worker) and ``aggregate`` (reductions over the Parquet, on the
cluster) -> ``report`` (the HTML page). ``mentions`` is the one adapter to the analysis layer.
Dask and pyarrow are imported only inside these modules, never by `factlint check`.
"""
