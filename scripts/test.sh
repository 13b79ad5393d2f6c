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

# Each section header says when it starts, in seconds since the suite began (where CI time goes).
started=$(date +%s)
at() { echo "(at $(( $(date +%s) - started )) s)"; }

# Type-check and lint at once (one core each); each prints its own output and result line after both end.
echo "== typecheck and lint $(at)"
npx tsc --noEmit > "$out/typecheck.log" 2>&1 & tsc_pid=$!
npx eslint . --max-warnings 0 > "$out/lint.log" 2>&1 & lint_pid=$!
for check in typecheck lint; do
  pid=$tsc_pid; [ $check = lint ] && pid=$lint_pid
  wait $pid; rc=$?
  cat "$out/$check.log"
  if [ $rc = 0 ]; then echo "$check: 1 passed, 0 failed"; else echo "$check: 0 passed, 1 failed"; status=1; fi
done

echo "== unit $(at)"
npx vitest run --reporter=default --reporter=json --outputFile="$out/unit.json" || status=1
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTests ?? 0)} failed`);
' "$out/unit.json" || { echo "unit: 0 passed, 1 failed"; status=1; }

echo "== cli (real openstack CLI against the demo cloud) $(at)"
npx tsx scripts/cli-conformance.ts || status=1

echo "== build $(at)"
if ! npx next build > "$out/build.log" 2>&1; then
  tail -50 "$out/build.log"; echo "build: 0 passed, 1 failed"; status=1
else
  grep -E "^(Route|[├└┌]|○|ƒ|First Load)" "$out/build.log" | head -40
  echo "build: 1 passed, 0 failed"
fi

# .ci/run starts real OpenStack in the background and leaves its pid here; wait for it (at most 30 min).
if [ -f .stratus/realcloud.starting ]; then
  pid=$(cat .stratus/realcloud.starting); waited=0
  while [ -n "$pid" ] && [ -e "/proc/$pid" ] && [ $waited -lt 1800 ]; do sleep 5; waited=$((waited + 5)); done
  rm -f .stratus/realcloud.starting
  echo "realcloud: waited ${waited}s for its start"; tail -3 .stratus/realcloud.log 2>/dev/null
fi

echo "== cli against real OpenStack (../shared/realcloud) $(at)"
if bash scripts/realcloud.sh status || bash scripts/realcloud.sh up; then
  npx tsx scripts/cli-conformance.ts --target realcloud || status=1
else
  echo "cli (realcloud): skipped: real OpenStack is not running and could not be started (see above)"
fi

echo "== e2e (Playwright, system Chromium): projects demo and realcloud $(at)"
# Real OpenStack is started above when absent (cli step); playwright.config.ts checks it again and, when it is
# not running, reports the realcloud project as skipped with the reason (never as passed).
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e.json" npx playwright test --reporter=list,json || status=1
node -e '
const fs = require("fs");
// Per backend: demo-setup and demo count as demo, realcloud-setup/-teardown and realcloud as realcloud.
const per = {};
let failed = false;
const file = process.argv[1];
let r = { suites: [], stats: { unexpected: 0 }, errors: [] };
try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch (e) { console.log(`e2e: no report ${file} (${e.message})`); failed = true; }
{
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) {
      const b = t.projectName.startsWith("realcloud") ? "realcloud" : "demo";
      const c = (per[b] ??= { passed: 0, failed: 0, skipped: 0, reasons: new Set() });
      if (t.status === "expected" || t.status === "flaky") c.passed++;
      else if (t.status === "skipped") {
        c.skipped++;
        if (spec.file.includes("realcloud-unavailable")) {
          const notes = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((x) => x.annotations ?? [])];
          for (const a of notes) if (a.type === "skip" && a.description) c.reasons.add(a.description);
          if (!c.reasons.size) c.reasons.add("realcloud project skipped: real OpenStack is not available");
        }
      } else c.failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of r.suites ?? []) walk(s);
  // Failures of either project fail the suite, also when Playwright itself exited 0 (or its errors are only in the report).
  if (r.stats.unexpected > 0 || (r.errors ?? []).length > 0) failed = true;
  for (const e of r.errors ?? []) console.log(`e2e: ${(e.message ?? "").split("\n")[0]}`);
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const b of ["demo", "realcloud"]) {
  const c = per[b] ?? { passed: 0, failed: 0, skipped: 0, reasons: new Set() };
  console.log(`e2e (${b}): ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  for (const reason of c.reasons) console.log(`e2e (${b}): ${reason}`);
  for (const k of ["passed", "failed", "skipped"]) total[k] += c[k];
}
if (failed && total.failed === 0) total.failed = 1;
console.log(`e2e: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
'  "$out/e2e.json" || status=1

echo "== done $(at)"
exit $status
