#!/usr/bin/env bash
# Runs every check and test of Liaison on a fresh machine (Debian 12):
#   - installs what is missing (PostgreSQL, Chromium, CJK fonts for pages and PDFs) when run as root;
#   - dotnet format --verify-no-changes (the house style);
#   - the test projects (domain, data on PostgreSQL and SQLite, app, headless-browser E2E);
#   - dotnet publish, then the published `liaison` imports Jining and answers --help.
# Ends with the line "N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -d /tmp/liaison-test.XXXXXX)

need=()
[ -x "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/initdb" ] || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
# PDFs embed a TrueType Chinese font (PDFsharp cannot use Noto CJK's CFF outlines): docs/decisions/0010.
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
command -v node >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$log/apt.log" 2>&1 \
      || { cat "$log/apt.log"; echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "missing system packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})"; echo "0 passed, 1 failed"; exit 1
  fi
fi

passed=0; failed=0; rc=0
step() { # step NAME COMMAND...: a check that counts as one test
  local name=$1; shift
  if "$@" >"$log/$name.log" 2>&1; then passed=$((passed+1)); echo "ok: $name"
  else failed=$((failed+1)); rc=1; echo "FAILED: $name"; tail -40 "$log/$name.log"; fi
}

dotnet tool restore >/dev/null
dotnet restore Liaison.slnx >"$log/restore.log" 2>&1 || { cat "$log/restore.log"; echo "0 passed, 1 failed"; exit 1; }
dotnet build Liaison.slnx --no-restore -c Debug >"$log/build.log" 2>&1 || { grep -E "error|Error" "$log/build.log" | sort -u | head -40; echo "0 passed, 1 failed"; exit 1; }
step format dotnet format Liaison.slnx --verify-no-changes --no-restore

set +e
dotnet test Liaison.slnx --no-build 2>&1 | tee "$log/test.log"
test_rc=${PIPESTATUS[0]}

[ "$test_rc" = 0 ] || rc=1
read -r tp tf < <(awk '/^(Passed|Failed)!/ { for(i=1;i<=NF;i++){ if($i=="Failed:") f+=$(i+1)+0; if($i=="Passed:") p+=$(i+1)+0 } } END { printf "%d %d\n", p, f }' "$log/test.log")
passed=$((passed+tp)); failed=$((failed+tf))
if ! grep -qE "^(Passed|Failed)!" "$log/test.log"; then failed=$((failed+1)); rc=1; tail -60 "$log/test.log"; fi

publish_smoke() {
  local out; out=$(mktemp -d /tmp/liaison-publish.XXXXXX)
  dotnet publish src/Liaison.App -c Release -r linux-x64 -o "$out/app" &&
  "$out/app/liaison" --help | grep -q "import" &&
  "$out/app/liaison" import divisions src/Liaison.Data/Demo/jining-3708.csv --db "sqlite:$out/p.db" --json | grep -q '"village":4927' &&
  rm -rf "$out"
}
step publish publish_smoke

echo "$passed passed, $failed failed"
exit $rc
