#!/usr/bin/env bash
# Lints the five services' OpenAPI documents with Redocly (the version pinned in package-lock.json), as a front-end
# team would before generating a client. Run by the Maven build (verify phase) after every service has written its
# document to services/<service>/target/openapi/; by hand: bash openapi-check/lint.sh
set -euo pipefail
cd "$(dirname "$0")"

fail() {
  echo "openapi-check: $*" >&2
  echo "openapi-check: (to skip only this lint: mvn ... -Dopenapi.lint.skip=true)" >&2
  exit 1
}

command -v node >/dev/null && command -v npm >/dev/null \
  || fail "Node.js and npm are not installed, so the OpenAPI documents cannot be linted with Redocly. Install Node.js 20.19 or later with npm."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "Redocly needs Node.js 20.19 or later; this machine has $(node --version)."

# npm ci only when the pinned tool is missing or the lock file changed since it was installed.
if [[ ! -x node_modules/.bin/redocly || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed (is the npm registry reachable?)"
fi

documents=()
for service in projects investment livelihood safety-inspection gateway; do
  document=../services/$service/target/openapi/openapi.yaml
  [[ -f $document ]] || fail "$document is missing: build the service first (mvn package writes it)."
  documents+=("$document")
done

# Node 20 is still supported by this Redocly version, which prints a banner about it; the lint result follows.
node_modules/.bin/redocly lint --config redocly.yaml --format=stylish "${documents[@]}"
