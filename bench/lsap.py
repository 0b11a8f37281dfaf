#!/usr/bin/env python3
"""The anchor of the First Secretary match benchmark: SciPy's linear_sum_assignment.

  lsap.py MATRIX.bin   the matrix liaison-bench fs-matrix wrote (two int32, rows and columns, then
                       float64 costs, +inf where not allowed); times the solve only, as
                       liaison-bench lsap does, and prints the same JSON.
  lsap.py --csv FILE   the pairs `liaison plan first-secretaries --export-costs FILE` wrote
                       (cadre_id,village_code,cost; pairs not listed are not allowed); prints the
                       optimal total, to compare with liaison's totalCost.
"""
import csv
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

if sys.argv[1] == "--csv":
    rows, cols, pairs = {}, {}, []
    with open(sys.argv[2], newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for cadre, village, cost in reader:
            pairs.append((rows.setdefault(cadre, len(rows)), cols.setdefault(village, len(cols)), int(cost)))
    costs = np.full((len(rows), len(cols)), np.inf)
    for i, j, c in pairs:
        costs[i, j] = c
else:
    with open(sys.argv[1], "rb") as f:
        n_rows, n_cols = np.fromfile(f, dtype="<i4", count=2)
        costs = np.fromfile(f, dtype="<f8").reshape(n_rows, n_cols)
start = time.perf_counter()
r, c = linear_sum_assignment(costs)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": round(seconds, 4), "total": int(costs[r, c].sum()), "assigned": int(len(r))}))
