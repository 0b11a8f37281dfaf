#!/usr/bin/env bash
# Adds a migration with the same name to both providers: ./scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for p in Postgres Sqlite; do
  dotnet ef migrations add "$name" --project "src/Liaison.Data.$p" --startup-project "src/Liaison.Data.$p" --output-dir Migrations
done
