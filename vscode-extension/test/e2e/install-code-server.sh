#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last release for Node 20) outside the
# project's dependencies, following the recipe in shared/notes/node20-stack.md. Idempotent.
set -euo pipefail
dir="${MLAT_CODE_SERVER_DIR:-$HOME/.cache/mlat-code-server}"
if [ -x "$dir/node_modules/code-server/out/node/entry.js" ] || [ -f "$dir/.done" ]; then echo "$dir"; exit 0; fi
if ! command -v rg >/dev/null || ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update >/dev/null && apt-get install -y --no-install-recommends libkrb5-dev ripgrep chromium >/dev/null
fi
mkdir -p "$dir" && cd "$dir"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
npm install --ignore-scripts --no-audit --no-fund code-server@4.100.3 >/dev/null
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >/dev/null 2>&1 || true
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund >/dev/null)
touch "$dir/.done"
echo "$dir"
