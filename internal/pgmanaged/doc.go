// Package pgmanaged runs a private PostgreSQL server as a supervised child
// of the smoothschedule binary, so that `smoothschedule serve` works with
// zero set-up when no DATABASE_URL is given.
//
// Layout under Options.Dir (e.g. ./data):
//
//	Dir/pg        the cluster (created by initdb on first run, reused later)
//	Dir/pgsock    the Unix socket directory, mode 0700
//	Dir/pg.log    initdb and server output (rotated to pg.log.1 past 10 MiB)
//
// When Dir/pgsock/.s.PGSQL.5432 would exceed the 107-byte Unix socket path
// limit, the socket directory moves to os.TempDir()/smoothschedule-pg-<hash>,
// keyed by a hash of the absolute data directory.
//
// # Security decisions
//
// The server never listens on TCP (listen_addresses=”); it is reachable
// only through its Unix socket. The cluster is created with
// --auth-local=trust --auth-host=reject: any process that can open the
// socket may connect as the superuser "postgres", so the socket directory
// is mode 0700 and owned by the account running the server, and the socket
// itself is created with unix_socket_permissions=0700. In effect only that
// account (and root) can reach the database, which is the same trust
// boundary as the data files themselves. Peer authentication was not used
// because the application (often root in containers) and the server
// account differ, which would require a pg_ident map for little gain.
//
// PostgreSQL refuses to run as root. When the binary runs as root, initdb
// and postgres run as the "postgres" system user (or "nobody" if it does
// not exist, with a warning), Dir/pg and the socket directory are owned by
// that user, and every parent directory must be traversable by it; Start
// checks this and says which directory to fix.
//
// The server is started in its own process group (a terminal Ctrl-C does
// not reach it; the application decides when to stop it) and, on Linux,
// with a parent-death signal of SIGINT, so that a killed application does
// not leave an orphaned server behind.
//
// The cluster uses UTF8 with the C.UTF-8 locale (falling back to C where
// C.UTF-8 does not exist): sorting is by code point and does not change
// when the host's locale data is upgraded, which would corrupt indexes.
package pgmanaged
