#!/usr/bin/env bash
# The one test command (npm test): the lint gate, unit tests, a production build, then end-to-end
# tests in Debian's Chromium. Ends with one line "N passed, N failed" totalling every suite.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf test-results && mkdir -p test-results

bash scripts/ensure-system-packages.sh || exit 1
[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1

status=0
# Each phase's wall time, printed at the end: the whole suite is meant to stay under 20 minutes.
timings=()
phase_started=0 # from the script's start: set-up includes the packages
lap() { timings+=("$1 $((SECONDS - phase_started)) s"); phase_started=$SECONDS; }
# A throwaway PostgreSQL for the integration suite (it runs on SQLite and on PostgreSQL).
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  # shellcheck source=scripts/postgres.sh
  source scripts/postgres.sh || { echo "PostgreSQL could not start: the PostgreSQL suite cannot run"; status=1; }
fi
lap "set-up (packages, PostgreSQL)"
node scripts/audit.mjs || status=1
# The lint gate (ESLint, zero warnings; the `// @ts-check` .mjs files type-checked): one suite in the summary.
if npm run lint; then lint_failed=0; else lint_failed=1; status=1; fi
echo "{\"passed\": $((1 - lint_failed)), \"failed\": $lint_failed}" > test-results/suite-lint.json
lap "audit and lint"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json || status=1
lap "unit and integration (Vitest)"

if npm run build; then
  lap "build"
  npx playwright test || status=1
  lap "end-to-end (Playwright)"
  node scripts/lighthouse.mjs || status=1
  lap "Lighthouse"
else
  echo "next build failed: end-to-end tests not run"
  echo '{"build":"failed"}' > test-results/build-failed.json
  status=1
fi

echo "Time per phase (total $SECONDS s):"
printf '  %s\n' "${timings[@]}"
node scripts/test-summary.mjs || status=1
exit $status
