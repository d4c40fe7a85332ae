# Sourced by .ci/setup and .ci/run: puts a supported Node (>= 22, WXT's requirement) first on PATH.
# Machines that only have an older Node get one from the npm registry's `node` package, kept in
# ~/.cache so later runs reuse it.
R2K_NODE_VERSION=22.23.3
r2k_node_major() { node -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
if [ "$(r2k_node_major)" -lt 22 ]; then
  R2K_NODE_HOME="${R2K_NODE_HOME:-$HOME/.cache/r2k-lens/node-$R2K_NODE_VERSION}"
  if [ ! -x "$R2K_NODE_HOME/node_modules/.bin/node" ]; then
    echo "installing Node $R2K_NODE_VERSION from the npm registry into $R2K_NODE_HOME"
    mkdir -p "$R2K_NODE_HOME"
    npm install --no-save --no-audit --no-fund --prefix "$R2K_NODE_HOME" "node@$R2K_NODE_VERSION" >/dev/null
  fi
  export PATH="$R2K_NODE_HOME/node_modules/.bin:$PATH"
fi
if [ "$(r2k_node_major)" -lt 22 ]; then
  echo "Node >= 22 is needed and could not be installed" >&2
  return 1 2>/dev/null || exit 1
fi
