#!/usr/bin/env bash
# The notebook examples, against the package by name (inside this repository `eros-schedule`
# resolves to the build: `npm run build` first):
#   1. week.ts under Deno and under ts-node must print the same week;
#   2. week.ipynb executed on the Deno Jupyter kernel (`jupyter nbconvert --execute`); its outputs
#      are checked: no error, the table has one row per item, the calendar is HTML, the volume
#      plot is SVG whose bars add up to the items.
# Installs Debian's jupyter-nbconvert, python3-nbclient and python3-ipykernel when missing, and
# Deno's kernelspec (`deno jupyter --install --force`: this repository's deno).
set -euo pipefail
cd "$(dirname "$0")/../.."
deno="$(pwd)/node_modules/.bin/deno"

deno_out=$("$deno" run --allow-read --allow-env examples/notebook/week.ts)
ts_node_out=$(TS_NODE_TRANSPILE_ONLY=1 node --loader ts-node/esm --no-warnings examples/notebook/week.ts)
echo "deno:    $deno_out"
echo "ts-node: $ts_node_out"
[ -n "$deno_out" ] && [ "$deno_out" = "$ts_node_out" ]

if ! command -v jupyter-nbconvert >/dev/null 2>&1 ||
  ! /usr/bin/python3 -c 'import nbclient, jupyter_client' >/dev/null 2>&1; then
  (apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jupyter-nbconvert python3-nbclient \
      python3-ipykernel jupyter-client) >/dev/null
fi
"$deno" jupyter --install --force >/dev/null 2>&1
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=deno \
  --ExecutePreprocessor.timeout=600 --output-dir "$out" examples/notebook/week.ipynb 2>/dev/null
node examples/notebook/checkOutputs.mjs "$out/week.ipynb"
