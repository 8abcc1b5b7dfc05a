#!/usr/bin/env bash
# Builds the cockpit with the machine's Node.js and npm into OUT (the jar's META-INF/resources/cockpit).
#   scripts/build.sh auto|required|skip OUT
# auto: without npm, writes a page that says how to get the real one, so that `make run` needs only JDK and
# Maven; required (CI): a missing npm fails the build; skip: placeholder even where npm exists.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:?auto, required or skip}
OUT=${2:?output directory}

placeholder() {
  mkdir -p "$OUT"
  cat > "$OUT/index.html" <<HTML
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>CityKPI 领导驾驶舱</title></head>
<body><main><h1>领导驾驶舱未构建 / The cockpit was not built</h1>
<p>$1</p>
<p>Install Node.js 20.19+ and npm (e.g. <code>apt-get install nodejs npm</code>) and build again
(<code>mvn -pl cockpit,services/gateway package -DskipTests</code>, or <code>make run</code>).
The API is unaffected: <a href="../q/swagger-ui/">Swagger UI</a>.</p></main></body></html>
HTML
}

case "$MODE" in
  skip)
    echo "[cockpit] front-end build skipped (-Dcockpit.frontend=skip): the gateway serves a placeholder page under /cockpit"
    placeholder "This build skipped the front end (-Dcockpit.frontend=skip)."
    exit 0 ;;
  auto|required) ;;
  *) echo "[cockpit] unknown mode '$MODE' (auto, required or skip)" >&2; exit 2 ;;
esac

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  if [[ $MODE == required ]]; then
    echo "[cockpit] ERROR: Node.js and npm are required (-Dcockpit.frontend=required) but not on the PATH" >&2
    exit 1
  fi
  echo "[cockpit] WARNING: Node.js/npm not found: the gateway serves a placeholder page under /cockpit." >&2
  echo "[cockpit] WARNING: install nodejs and npm, then build again, to get the cockpit." >&2
  placeholder "This build ran on a machine without Node.js and npm."
  exit 0
fi

# Vite 8 needs Node.js 20.19 or newer (Debian 12's own nodejs is 18).
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  if [[ $MODE == required ]]; then
    echo "[cockpit] ERROR: Node.js $(node -v) is too old: the cockpit's build (Vite 8) needs 20.19 or newer" >&2
    exit 1
  fi
  echo "[cockpit] WARNING: Node.js $(node -v) is too old (Vite 8 needs 20.19+): the gateway serves a placeholder page under /cockpit." >&2
  placeholder "This build ran with Node.js $(node -v); the cockpit needs 20.19 or newer."
  exit 0
fi

# npm ci only when the lock file changed since the last install: it deletes node_modules first.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# openapi-typescript reports success on stderr: show its output only when it fails.
if ! generated=$(npm run --silent generate 2>&1); then
  echo "$generated" >&2
  exit 1
fi
npm run --silent typecheck
rm -rf "$OUT"
npx --no-install vite build --logLevel warn --outDir "$OUT" --emptyOutDir
