#!/usr/bin/env bash
# `npm test`: type-check, lint, unit, openstack CLI conformance and Playwright e2e, each suite ending with a
# plain "N passed, N failed" line. Exit status is non-zero when any suite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
out=.stratus/test-results
mkdir -p "$out"
status=0

bash scripts/system-deps.sh || exit 1

step() { # name, command...: a check that is one test
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo "$name: 1 passed, 0 failed"; else echo "$name: 0 passed, 1 failed"; status=1; fi
}

step typecheck npx tsc --noEmit
step lint npx eslint . --max-warnings 0

echo "== unit"
npx vitest run --reporter=default --reporter=json --outputFile="$out/unit.json" || status=1
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTests ?? 0)} failed`);
' "$out/unit.json" || { echo "unit: 0 passed, 1 failed"; status=1; }

echo "== cli (real openstack CLI against the demo cloud)"
npx tsx scripts/cli-conformance.ts || status=1

echo "== cli against real OpenStack (../shared/realcloud)"
if bash scripts/realcloud.sh status || bash scripts/realcloud.sh up; then
  npx tsx scripts/cli-conformance.ts --target realcloud || status=1
else
  echo "cli (realcloud): skipped: real OpenStack is not running and could not be started (see above)"
fi

echo "== build"
if ! npx next build > "$out/build.log" 2>&1; then
  tail -50 "$out/build.log"; echo "build: 0 passed, 1 failed"; status=1
else
  grep -E "^(Route|[├└┌]|○|ƒ|First Load)" "$out/build.log" | head -40
  echo "build: 1 passed, 0 failed"
fi

echo "== e2e (Playwright, system Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e.json" npx playwright test --reporter=list,json || status=1
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const s = r.stats;
console.log(`e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
' "$out/e2e.json" || { echo "e2e: 0 passed, 1 failed"; status=1; }

exit $status
