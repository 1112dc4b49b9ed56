package postgres

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// Options bound what one piece of database work may take. Zero values take
// the defaults below.
type Options struct {
	MaxConns int // pool size (default 20)
	// AcquireTimeout is the longest a caller waits for a free connection;
	// after it the work fails with errs.Unavailable (503 + Retry-After).
	AcquireTimeout time.Duration
	// StatementTimeout, LockTimeout and IdleInTxTimeout are set on every
	// connection (PostgreSQL's statement_timeout, lock_timeout and
	// idle_in_transaction_session_timeout); a negative value leaves the
	// server's setting alone.
	StatementTimeout time.Duration
	LockTimeout      time.Duration
	IdleInTxTimeout  time.Duration
}

// The defaults: a request never waits long for a connection or a lock; a
// statement that runs away is stopped; a transaction left open by a bug
// does not hold its locks for long.
const (
	DefaultMaxConns         = 20
	DefaultAcquireTimeout   = 3 * time.Second
	DefaultStatementTimeout = 15 * time.Second
	DefaultLockTimeout      = 3 * time.Second
	DefaultIdleInTxTimeout  = 30 * time.Second
)

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	if o.MaxConns <= 0 {
		o.MaxConns = DefaultMaxConns
	}
	def(&o.AcquireTimeout, DefaultAcquireTimeout)
	def(&o.StatementTimeout, DefaultStatementTimeout)
	def(&o.LockTimeout, DefaultLockTimeout)
	def(&o.IdleInTxTimeout, DefaultIdleInTxTimeout)
	return o
}

// runtimeParams sets the connection-level timeouts in the startup packet:
// no round trip of its own, and they hold for every statement, including
// those of migrations and operator commands.
func (o Options) runtimeParams(p map[string]string) {
	set := func(name string, d time.Duration) {
		if d > 0 {
			p[name] = strconv.FormatInt(d.Milliseconds(), 10)
		}
	}
	set("statement_timeout", o.StatementTimeout)
	set("lock_timeout", o.LockTimeout)
	set("idle_in_transaction_session_timeout", o.IdleInTxTimeout)
}

// Pool is the connection pool with a deadline on every acquisition: a
// caller that cannot get a connection within AcquireTimeout gets
// errs.Unavailable instead of queuing until its client gives up. It has the
// methods of *pgxpool.Pool the stores use; each takes a connection for one
// statement (or batch) and gives it back.
type Pool struct {
	*pgxpool.Pool
	acquireTimeout time.Duration
}

// Acquire takes a connection, waiting at most the acquire timeout.
func (p *Pool) Acquire(ctx context.Context) (*pgxpool.Conn, error) {
	actx, cancel := context.WithTimeout(ctx, p.acquireTimeout)
	defer cancel()
	c, err := p.Pool.Acquire(actx)
	if err != nil {
		if ctx.Err() == nil && actx.Err() != nil {
			return nil, poolBusy(p.acquireTimeout)
		}
		return nil, err
	}
	return c, nil
}

// poolBusy is the error of an acquisition that timed out.
func poolBusy(waited time.Duration) error {
	return errs.E(errs.Unavailable, "the server is busy: no database connection became free within %s; please retry shortly", waited).
		With("retryAfterSeconds", 1)
}

// Exec runs one statement on a connection of its own.
func (p *Pool) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	c, err := p.Acquire(ctx)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	defer c.Release()
	tag, err := c.Exec(ctx, sql, args...)
	return tag, busy(err)
}

// Query runs a query; the connection goes back when the rows are closed
// or read to the end.
func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	c, err := p.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := c.Query(ctx, sql, args...)
	if err != nil {
		c.Release()
		return nil, busy(err)
	}
	return &poolRows{Rows: rows, c: c}, nil
}

// QueryRow runs a query expected to return at most one row.
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	c, err := p.Acquire(ctx)
	if err != nil {
		return errRow{err}
	}
	return &poolRow{row: c.QueryRow(ctx, sql, args...), c: c}
}

// SendBatch sends a batch; the connection goes back when the results are
// closed.
func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	c, err := p.Acquire(ctx)
	if err != nil {
		return errBatch{err}
	}
	return &poolBatch{BatchResults: c.SendBatch(ctx, b), c: c}
}

// Begin starts a transaction on a connection that goes back when it ends.
func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) {
	return p.BeginTx(ctx, pgx.TxOptions{})
}

// BeginTx starts a transaction with opts (see Begin).
func (p *Pool) BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error) {
	c, err := p.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := c.BeginTx(ctx, opts)
	if err != nil {
		c.Release()
		return nil, busy(err)
	}
	return &poolTx{Tx: tx, c: c}, nil
}

// Ping checks that the database answers.
func (p *Pool) Ping(ctx context.Context) error {
	c, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return c.Ping(ctx)
}

type poolRows struct {
	pgx.Rows
	c *pgxpool.Conn
}

func (r *poolRows) Next() bool {
	if r.Rows.Next() {
		return true
	}
	r.Close()
	return false
}

func (r *poolRows) Close() {
	r.Rows.Close()
	if r.c != nil {
		r.c.Release()
		r.c = nil
	}
}

func (r *poolRows) Err() error { return busy(r.Rows.Err()) }

type poolRow struct {
	row pgx.Row
	c   *pgxpool.Conn
}

func (r *poolRow) Scan(dest ...any) error {
	defer r.c.Release()
	return busy(r.row.Scan(dest...))
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

type poolBatch struct {
	pgx.BatchResults
	c *pgxpool.Conn
}

func (b *poolBatch) Close() error {
	err := b.BatchResults.Close()
	if b.c != nil {
		b.c.Release()
		b.c = nil
	}
	return busy(err)
}

type errBatch struct{ err error }

func (b errBatch) Exec() (pgconn.CommandTag, error) { return pgconn.CommandTag{}, b.err }
func (b errBatch) Query() (pgx.Rows, error)         { return nil, b.err }
func (b errBatch) QueryRow() pgx.Row                { return errRow(b) }
func (b errBatch) Close() error                     { return b.err }

type poolTx struct {
	pgx.Tx
	c *pgxpool.Conn
}

func (t *poolTx) Commit(ctx context.Context) error {
	defer t.release()
	return busy(t.Tx.Commit(ctx))
}

func (t *poolTx) Rollback(ctx context.Context) error {
	defer t.release()
	return t.Tx.Rollback(ctx)
}

func (t *poolTx) release() {
	if t.c != nil {
		t.c.Release()
		t.c = nil
	}
}

const (
	sqlLockNotAvailable = "55P03" // lock_timeout
	sqlQueryCanceled    = "57014" // statement_timeout (or a cancelled request)
	sqlIdleInTxTimeout  = "25P03"
)

// busy turns a timeout of the database's (lock_timeout, statement_timeout)
// into errs.Unavailable, which the HTTP edge answers with 503 and
// Retry-After; other errors pass through.
func busy(err error) error {
	switch pgCode(err) {
	case sqlLockNotAvailable:
		return errs.Wrap(errs.Unavailable, err, "the record is busy with another change; please retry").With("retryAfterSeconds", 1)
	case sqlQueryCanceled, sqlIdleInTxTimeout:
		return errs.Wrap(errs.Unavailable, err, "the database took too long to answer; please retry").With("retryAfterSeconds", 2)
	}
	return err
}

func (b errBatch) Tx() pgx.Tx { return nil }
