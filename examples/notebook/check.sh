#!/usr/bin/env bash
# Runs the notebook example under Deno and under ts-node against the built package (dist/) and
# checks that both print the same week. Needs `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
deno_out=$(npx deno run --allow-read --allow-env examples/notebook/week.ts)
ts_node_out=$(TS_NODE_TRANSPILE_ONLY=1 node --loader ts-node/esm --no-warnings examples/notebook/week.ts)
echo "deno:    $deno_out"
echo "ts-node: $ts_node_out"
[ -n "$deno_out" ] && [ "$deno_out" = "$ts_node_out" ]
