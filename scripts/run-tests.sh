#!/usr/bin/env bash
# Runs each test project and prints one closing line summed over all of them: "N passed, N failed, N skipped".
# Exits non-zero when a test failed, a project did not report, or nothing ran.
set -uo pipefail
config="$1"; shift
passed=0; failed=0; skipped=0; broken=0
for project in "$@"; do
  name=$(basename "$project")
  log=$(mktemp)
  echo "── $name"
  dotnet run --project "$project" -c "$config" --no-build -- -noColor > "$log" 2>&1
  grep -A 20 -F '[FAIL]' "$log" || true
  summary=$(grep -E "^\s*$name\s+Total:" "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "   $name did not report results; its output:"; tail -n 40 "$log"
    broken=$((broken + 1)); rm -f "$log"; continue
  fi
  total=$(sed -E 's/.*Total: ([0-9]+).*/\1/' <<<"$summary")
  errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$summary")
  f=$(sed -E 's/.*Failed: ([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$summary")
  notrun=$(sed -E 's/.*Not Run: ([0-9]+).*/\1/' <<<"$summary")
  p=$((total - f - s - notrun))
  [ "$errors" -gt 0 ] && { echo "   $name: $errors errors outside tests"; tail -n 40 "$log"; broken=$((broken + 1)); }
  echo "   $summary" | sed -E 's/^\s+/   /'
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s + notrun))
  rm -f "$log"
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$broken" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$skipped" -gt 0 ]; then exit 1; fi
