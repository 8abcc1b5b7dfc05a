#!/usr/bin/env bash
# Refreshes openapi/gateway.json, the committed copy of the gateway's OpenAPI document that the typed client
# (src/api/gateway.d.ts) is generated from. The system test fails while the copy differs from what the
# gateway serves (paths, parameters, schemas; texts and examples may differ).
#   scripts/refresh-openapi.sh                 from the gateway's build (mvn package of services/gateway)
#   scripts/refresh-openapi.sh URL             from a running gateway, e.g. http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=openapi/gateway.json
if (($#)); then
  curl -fsS "${1%/}/q/openapi?format=json" -o "$TARGET.tmp"
else
  OUT=$(mktemp -d)
  # The document as Quarkus builds it (quarkus.smallrye-openapi.store-schema-directory), without a running gateway.
  (cd .. && mvn -B -q -pl services/gateway -am package -DskipTests \
    -Dquarkus.smallrye-openapi.store-schema-directory="$OUT")
  mv "$OUT/openapi.json" "$TARGET.tmp"
  rm -rf "$OUT"
fi
# Pretty-printed, so that a refresh shows as a readable diff.
node -e 'const fs = require("fs"); const f = process.argv[1]; fs.writeFileSync(f, JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8")), null, 2) + "\n")' "$TARGET.tmp"
mv "$TARGET.tmp" "$TARGET"
npm run --silent generate
echo "refreshed $TARGET and src/api/gateway.d.ts; review with: git diff $TARGET"
