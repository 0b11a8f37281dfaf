#!/usr/bin/env python3
"""The anchor of the First Secretary match benchmark: SciPy's linear_sum_assignment on the matrix
liaison-bench fs-matrix wrote (two int32, rows and columns, then float64 costs, +inf where not
allowed). Times the solve only, as liaison-bench lsap does, and prints the same JSON."""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

with open(sys.argv[1], "rb") as f:
    rows, cols = np.fromfile(f, dtype="<i4", count=2)
    costs = np.fromfile(f, dtype="<f8").reshape(rows, cols)
start = time.perf_counter()
r, c = linear_sum_assignment(costs)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": round(seconds, 4), "total": int(costs[r, c].sum()), "assigned": int(len(r))}))
