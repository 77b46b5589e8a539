# Shared steps of test/run-tests, test/demo and test/bench (sourced, not run).
#
# Everything here works from a fresh Debian/Ubuntu machine as root: missing
# build dependencies are installed with apt, the extension is built and
# installed, and a throwaway cluster is started on a private Unix socket and
# removed again on exit.  PG_CONFIG selects the PostgreSQL installation
# (default: Debian's PostgreSQL $PGVERSION, 15 unless set).

set -euo pipefail

PGVERSION=${PGVERSION:-15}
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$(cd "$TOP/.." && pwd)/shared}

say() { printf '\n== %s\n' "$*"; }

# Install what building and testing need, only when it is missing.
ensure_deps()
{
	local need=()
	command -v make >/dev/null || need+=(make)
	command -v gcc >/dev/null || need+=(gcc libc6-dev)
	if [ -z "${PG_CONFIG:-}" ]; then
		[ -x /usr/lib/postgresql/$PGVERSION/bin/postgres ] || need+=(postgresql-$PGVERSION)
		[ -f /usr/include/postgresql/$PGVERSION/server/postgres.h ] || need+=(postgresql-server-dev-$PGVERSION)
	fi
	command -v runuser >/dev/null || need+=(util-linux)
	if [ ${#need[@]} -gt 0 ]; then
		if [ "$(id -u)" != 0 ]; then
			echo "missing packages: ${need[*]} (run as root to install them)" >&2
			exit 1
		fi
		say "installing ${need[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q >/dev/null
		apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
	fi
	PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PGVERSION/bin/pg_config}
	export PG_CONFIG
	PGBIN=$($PG_CONFIG --bindir)
	export PGBIN
}

build_install()
{
	say "building and installing cjkpi with $PG_CONFIG"
	make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" >/dev/null
	make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Start a throwaway cluster; PGHOST/PGPORT/PGUSER point at it afterwards.
# initdb refuses to run as root, so as root the server runs as "postgres".
start_cluster()
{
	CLUSTER_DIR=$(mktemp -d /tmp/cjkpi-cluster.XXXXXX)
	local run=()
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
		chown postgres "$CLUSTER_DIR"
		run=(runuser -u postgres --)
	fi
	RUNAS=("${run[@]}")
	PGPORT=${PGPORT:-$((20000 + RANDOM % 20000))}
	"${run[@]}" "$PGBIN/initdb" -D "$CLUSTER_DIR/data" -U postgres -A trust \
		-E UTF8 --locale=C --no-sync >"$CLUSTER_DIR/initdb.log" 2>&1 ||
		{ cat "$CLUSTER_DIR/initdb.log"; exit 1; }
	"${run[@]}" "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w \
		-o "-k $CLUSTER_DIR -p $PGPORT -c listen_addresses='' -c fsync=off ${PGOPTIONS_SERVER:-}" \
		start >/dev/null || { cat "$CLUSTER_DIR/server.log"; exit 1; }
	export PGHOST=$CLUSTER_DIR PGPORT PGUSER=postgres PGDATABASE=postgres
	trap stop_cluster EXIT
}

stop_cluster()
{
	if [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR" ]; then
		"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$CLUSTER_DIR"
	fi
}
