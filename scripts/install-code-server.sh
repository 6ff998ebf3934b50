#!/usr/bin/env bash
# Installs code-server (the VS Code workbench served to a browser, with the normal Node extension host) and
# playwright-core into a git-ignored cache directory, for the workbench tests in test/e2e/.
#
# Only the npm registry and Debian's packages are reachable here, so code-server's own postinstall (which
# downloads ripgrep) cannot run: we install with --ignore-scripts, put Debian's rg where @vscode/ripgrep looks
# first, and rebuild the native modules against the local Node headers ourselves.
#
# usage: scripts/install-code-server.sh [DIR]     (default .cache/code-server; idempotent)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.cache/code-server}
version=4.100.3            # 4.100.x is the newest line whose engines.node accepts Node 20
playwright=1.65.1
stamp="code-server@$version playwright-core@$playwright node@$(node -p 'process.versions.modules')"

mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
# Test files may start in parallel: one installs, the others wait and then find it installed.
exec 9>"$dir.lock"
flock 9
if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$stamp" ] && [ -x "$dir/node_modules/.bin/code-server" ]; then
  echo "code-server $version already installed in $dir"
  exit 0
fi

# Native modules need these headers/tools; CI (.ci/run) installs them, a developer may lack some.
need=(ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "install-code-server: missing Debian packages: ${missing[*]} (apt-get install them first)" >&2
    exit 1
  fi
fi

start=$(date +%s)
rm -f "$dir/.installed"
cd "$dir"
[ -f package.json ] || echo '{ "name": "code-server-cache", "private": true }' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --ignore-scripts --save-exact "code-server@$version" "playwright-core@$playwright" >/dev/null
# argon2 (password hashing; unused with --auth none, but loaded at start) has no prebuilt binary we can fetch.
npm_config_build_from_source=true npm rebuild argon2 >/dev/null

# The steps of code-server's postinstall, minus the ripgrep download.
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# node-pty's install script runs `npx node-gyp`: answer npx's prompt.
npm_config_yes=true npm_config_build_from_source=true npm rebuild >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev >/dev/null)

cd "$dir"
node_modules/.bin/code-server --version | head -1
echo "$stamp" > .installed
echo "code-server $version installed in $dir in $(( $(date +%s) - start )) s"
