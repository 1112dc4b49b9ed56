package pgmanaged

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Options configure Start.
type Options struct {
	// Dir is the data root, e.g. "./data". The cluster lives in Dir/pg,
	// its output in Dir/pg.log, its socket in Dir/pgsock (see the package
	// documentation for the fallback when that path is too long).
	Dir string
	// Logger receives one line when the server is ready, one when it stops,
	// and warnings. Default: slog.Default().
	Logger *slog.Logger
	// Database is created if missing. Default: "smoothschedule".
	Database string

	// StartTimeout bounds the wait for the server to accept connections,
	// including crash recovery after an unclean shutdown. Default: 60s.
	StartTimeout time.Duration

	finder *finder // tests replace how binaries are found
}

// Cluster is a running private PostgreSQL server.
type Cluster struct {
	log       *slog.Logger
	url       string
	dataDir   string
	sockDir   string
	logPath   string
	logOffset int64 // size of the log when the server was launched
	cmd       *exec.Cmd
	exited    chan struct{} // closed when the process has exited, whatever the cause
	waitErr   error         // the exit status; set before exited is closed
	done      chan struct{} // closed when the process exited without Stop
	ready     atomic.Bool   // start-up done: an exit is now worth a log line
	stopping  atomic.Bool
	stopOnce  sync.Once
	stopErr   error
}

// Start brings up the private cluster under opts.Dir, creating it on first
// use, and returns once opts.Database accepts connections. The server keeps
// running after ctx ends (ctx bounds only the start-up); call Stop.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	opts = withDefaults(opts)
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	pgdir := filepath.Join(dir, "pg")
	existing := readVersion(pgdir)
	bins, err := opts.finder.find(ctx, existing)
	if err != nil {
		return nil, err
	}
	acct, fallback, err := serverAccount()
	if err != nil {
		return nil, err
	}
	if fallback {
		opts.Logger.Warn(`private PostgreSQL: no "postgres" user, running the server as "nobody"; other services running as nobody could read the database`)
	}
	sockdir, err := prepareDirs(dir, acct)
	if err != nil {
		return nil, err
	}
	c := &Cluster{
		log:     opts.Logger,
		url:     connString(sockdir, opts.Database),
		dataDir: pgdir,
		sockDir: sockdir,
		logPath: filepath.Join(dir, "pg.log"),
		exited:  make(chan struct{}),
		done:    make(chan struct{}),
	}
	if existing == "" {
		if err := initCluster(ctx, bins, pgdir, c.logPath, acct); err != nil {
			return nil, err
		}
	} else {
		if err := ownDir(pgdir, acct, true); err != nil {
			return nil, fmt.Errorf("private PostgreSQL data directory: %w", err)
		}
		if err := checkPidFile(pgdir, c.url, c.log); err != nil {
			return nil, err
		}
	}
	began := time.Now()
	if err := c.launch(bins, sockdir, acct); err != nil {
		return nil, err
	}
	if err := c.waitReady(ctx, opts.StartTimeout, opts.Database); err != nil {
		c.stopping.Store(true)
		c.kill()
		return nil, err
	}
	c.ready.Store(true)
	c.log.Info(fmt.Sprintf("private PostgreSQL %s ready", bins.version),
		"dir", pgdir, "socket", sockdir, "database", opts.Database, "user", acct.name,
		"log", c.logPath, "took", time.Since(began).Round(time.Millisecond))
	return c, nil
}

// prepareDirs creates the data root and the socket directory and checks
// that acct can reach both; it returns the socket directory.
func prepareDirs(dir string, acct account) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("private PostgreSQL: %w", err)
	}
	if err := checkTraversable(dir, acct); err != nil {
		return "", err
	}
	sockdir := socketDirFor(dir, defaultTempDir())
	if err := checkTraversable(filepath.Dir(sockdir), acct); err != nil {
		return "", err
	}
	if err := ownDir(sockdir, acct, false); err != nil {
		return "", fmt.Errorf("private PostgreSQL socket directory: %w", err)
	}
	return sockdir, nil
}

func withDefaults(o Options) Options {
	if o.Dir == "" {
		o.Dir = "./data"
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Database == "" {
		o.Database = "smoothschedule"
	}
	if o.StartTimeout <= 0 {
		o.StartTimeout = 60 * time.Second
	}
	if o.finder == nil {
		o.finder = &defaultFinder
	}
	return o
}

// URL returns a libpq/pgx keyword/value connection string for the database
// over the Unix socket, e.g.
// "host=/abs/data/pgsock port=5432 dbname=smoothschedule user=postgres sslmode=disable".
func (c *Cluster) URL() string { return c.url }

// Done is closed if the server process exits without Stop having been
// called; the caller should then shut down. Stop never closes it.
func (c *Cluster) Done() <-chan struct{} { return c.done }

// Err describes why the server exited, once Done is closed; nil before.
func (c *Cluster) Err() error {
	select {
	case <-c.done:
		return fmt.Errorf("private PostgreSQL exited unexpectedly (%v); see %s", c.waitErr, c.logPath)
	default:
		return nil
	}
}

// Stop shuts the server down with a fast shutdown (SIGINT: connections are
// closed, a checkpoint is written) and waits for it to exit. After a grace
// period it escalates to an immediate shutdown. Stop is idempotent and safe
// to call after the server died on its own (it then returns nil).
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() { c.stopErr = c.stop() })
	return c.stopErr
}

func (c *Cluster) stop() error {
	c.stopping.Store(true)
	select {
	case <-c.exited:
		return nil // died earlier; that was reported through Done
	default:
	}
	began := time.Now()
	_ = c.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-c.exited:
	case <-time.After(60 * time.Second):
		c.log.Warn("private PostgreSQL: fast shutdown is taking long, forcing an immediate shutdown")
		c.kill()
	}
	if c.waitErr != nil {
		return fmt.Errorf("private PostgreSQL shutdown: %v; see %s", c.waitErr, c.logPath)
	}
	c.log.Info("private PostgreSQL stopped", "dir", c.dataDir, "took", time.Since(began).Round(time.Millisecond))
	return nil
}

// kill stops the server quickly: SIGQUIT (immediate shutdown, recovery on
// next start), then SIGKILL if it still runs after a few seconds.
func (c *Cluster) kill() {
	_ = c.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-c.exited:
	case <-time.After(5 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.exited
	}
}
