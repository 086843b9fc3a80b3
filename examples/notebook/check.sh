#!/usr/bin/env bash
# The notebook examples, against the package by name. Inside this repository `eros-schedule`
# resolves to the build through package.json's self-reference (its name and exports map; Deno
# walks up from the notebook's directory to it, no deno.json needed): `npm run build` first.
#   1. week.ts under Deno and under ts-node must print the same week;
#   2. week.ipynb executed on the Deno Jupyter kernel (`jupyter nbconvert --execute`); its outputs
#      are checked (checkOutputs.mjs): no error, the table has one row per item, the calendar is
#      HTML, the volume plot is SVG whose bars add up to the items.
# Installs Debian's jupyter-nbconvert, python3-nbclient, python3-ipykernel and jupyter-client when
# missing (as .ci/run installs chromium; through sudo when not root), and Deno's kernelspec for
# this repository's deno into a temporary Jupyter data directory, so a kernelspec of your own is
# left alone and every run starts from the same state.
set -euo pipefail
cd "$(dirname "$0")/../.."
deno="$(pwd)/node_modules/.bin/deno"

deno_out=$("$deno" run --allow-read --allow-env examples/notebook/week.ts)
ts_node_out=$(TS_NODE_TRANSPILE_ONLY=1 node --loader ts-node/esm --no-warnings examples/notebook/week.ts)
echo "deno:    $deno_out"
echo "ts-node: $ts_node_out"
[ -n "$deno_out" ] && [ "$deno_out" = "$ts_node_out" ]

if ! command -v jupyter-nbconvert >/dev/null 2>&1 ||
  ! /usr/bin/python3 -c 'import nbclient, jupyter_client, ipykernel' >/dev/null 2>&1; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  ("${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jupyter-nbconvert \
      python3-nbclient python3-ipykernel jupyter-client) >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# `deno jupyter --install` writes to $XDG_DATA_HOME (or $HOME/.local/share)/jupyter/kernels/deno
# and ignores JUPYTER_DATA_DIR: point it at the temporary directory, then Jupyter at the same.
HOME="$work/home" XDG_DATA_HOME="$work/data" "$deno" jupyter --install --force >/dev/null 2>&1
export JUPYTER_DATA_DIR="$work/data/jupyter"
[ -f "$JUPYTER_DATA_DIR/kernels/deno/kernel.json" ] || {
  echo "notebook: deno jupyter --install wrote no kernelspec under $JUPYTER_DATA_DIR" >&2
  exit 1
}
if ! jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=deno \
  --ExecutePreprocessor.timeout=600 --output-dir "$work/out" examples/notebook/week.ipynb \
  >"$work/nbconvert.log" 2>&1; then
  cat "$work/nbconvert.log" >&2
  exit 1
fi
node examples/notebook/checkOutputs.mjs "$work/out/week.ipynb"
