#!/usr/bin/env bash
# The packed tarball, installed into a new project and used by name: publint --strict, attw
# (node16 and bundler resolution), then ESM, CommonJS, TypeScript (nodenext and bundler) and
# Deno (npm: specifier, resolved from the project's node_modules), and the size of a consumer's
# minified bundle of `getVolumeTier` alone (under 10 KB, issue 10), the README quickstart run
# from the installed package, and the bin with `--workers`. Run from the repository root.
set -euo pipefail
root="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/eros-schedule-*.tgz)"
npx publint --strict "$tarball"
npx attw --profile node16 "$tarball"
mkdir "$work/app" && cd "$work/app"
printf '{ "name": "smoke", "private": true, "type": "module" }\n' > package.json
npm install --silent --no-audit --no-fund "$tarball" >/dev/null
cat > esm.mjs <<'JS'
import { getVolumeTier, inMemoryPorts, runSchedule } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
const a = await runSchedule({ creatorId: 'creator_01', weekStart: '2025-01-20', seed: 42 }, inMemoryPorts(generateDemoAgency(42)));
if (!a.ok || getVolumeTier(1200).tier !== 'mid') process.exit(1);
console.log(`esm: ${a.value.items.length} items, ${a.value.validation.status}`);
JS
cat > cjs.cjs <<'JS'
const { buildSchedule, inMemoryPorts } = require('eros-schedule');
const { generateDemoAgency } = require('eros-schedule/demo');
buildSchedule({ creatorId: 'creator_01', weekStart: '2025-01-20', seed: 42 })(inMemoryPorts(generateDemoAgency(42)))().then((e) => {
  if (e._tag !== 'Right') process.exit(1);
  console.log(`cjs: ${e.right.items.length} items, ${e.right.validation.status}`);
});
JS
cat > use.ts <<'TS'
import { type RunScheduleResult, getVolumeTier, runSchedule, type ScheduleItem } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import { importAgencyExport } from 'eros-schedule/import';
const tier: 'low' | 'mid' | 'high' | 'ultra' = getVolumeTier(10).tier;
const f = (r: RunScheduleResult): ReadonlyArray<ScheduleItem> => (r.ok ? r.value.items : []);
export { f, generateDemoAgency, importAgencyExport, runSchedule, tier };
TS
tsc="$root/node_modules/.bin/tsc"
"$tsc" --noEmit --strict --skipLibCheck false --module nodenext --moduleResolution nodenext --target es2022 use.ts
"$tsc" --noEmit --strict --module esnext --moduleResolution bundler --target es2022 use.ts
node esm.mjs
node cjs.cjs
sed "s#from 'eros-schedule#from 'npm:eros-schedule#" esm.mjs > deno.mjs
printf '{ "nodeModulesDir": "manual" }\n' > deno.json
"$root/node_modules/.bin/deno" run --allow-read --allow-env deno.mjs | sed 's/^esm/deno/'
printf "import { getVolumeTier } from 'eros-schedule';\nconsole.log(getVolumeTier(12434).tier);\n" > tier.mjs
"$root/node_modules/.bin/esbuild" tier.mjs --bundle --minify --format=esm --platform=node --outfile=tier.bundle.js --log-level=warning
bytes="$(wc -c < tier.bundle.js)"
[ "$(node tier.bundle.js)" = high ] || { echo "bundle of getVolumeTier does not run" >&2; exit 1; }
[ "$bytes" -lt 10240 ] || { echo "getVolumeTier alone bundles to $bytes bytes (limit 10240)" >&2; exit 1; }
echo "bundle: getVolumeTier alone is $bytes bytes minified"
# The README's quickstart snippet (examples/quickstart.ts, whose output the README shows and the
# test suite checks) run from the installed package gives the same output as in the repository.
cp "$root/examples/quickstart.ts" quickstart.ts
"$root/node_modules/.bin/tsx" quickstart.ts > quickstart.installed.txt
(cd "$root" && node_modules/.bin/tsx examples/quickstart.ts) > quickstart.repo.txt
diff quickstart.repo.txt quickstart.installed.txt
echo "readme: the quickstart snippet runs from the installed package ($(wc -l < quickstart.installed.txt) lines, same output)"
# The installed bin over worker threads (`--workers`, dist/cli-worker.js next to dist/cli.js)
# prints what one thread prints.
./node_modules/.bin/eros-schedule demo --format json --creators 3 > one.json 2>/dev/null
./node_modules/.bin/eros-schedule demo --format json --creators 3 --workers 2 > workers.json 2>/dev/null
cmp one.json workers.json
echo "bin: demo --workers 2 prints the same $(wc -c < one.json) bytes as one thread"
