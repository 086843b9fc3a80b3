#!/usr/bin/env bash
# `npm run example:sqlite`: init a temporary database with 3 demo creators, then plan and save
# the week twice; the second save must store nothing new (the idempotency guard).
set -euo pipefail
cd "$(dirname "$0")/../.."
db="$(mktemp -d)/weeks.sqlite"
trap 'rm -rf "$(dirname "$db")"' EXIT
npx tsx examples/sqlite/cli.ts init --db "$db" --creators 3
npx tsx examples/sqlite/cli.ts plan --db "$db" --save
second="$(npx tsx examples/sqlite/cli.ts plan --db "$db" --save)"
echo "$second"
[ "$(grep -c 'nothing stored' <<<"$second")" -eq 3 ]
