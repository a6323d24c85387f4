"""Prefect flows and the ``newsflow`` command line.

One BLAS thread per process, set before anything imports numpy (OpenBLAS reads
it once, at load; limiting it later at run time does not give the speed back)
and inherited by the parse workers. The flow runs one parse per core, so
OpenBLAS's own threads only contend with the other parse; on spaCy's small
matrices they cost time even alone: with them the full ``en_core_web_sm``
pipeline used 10-15 % more CPU per article (BBC text, 2 cores). Dask's nanny
sets the same variables for its workers. A value set by the user is kept.
"""
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
