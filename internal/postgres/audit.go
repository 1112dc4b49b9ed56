package postgres

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
)

// AuditLog implements audit.Recorder for events that stand alone — a
// refusal or a failure (LOGIN_FAILED, MASQUERADE_DENIED …) that changed
// nothing: a row in shared.audit_events (which refuses updates and
// deletes) and one log line per event. Events that record a change are not
// written here: the store that makes the change writes them in its
// transaction (see auditTx), so both commit or neither does.
type AuditLog struct {
	DB  *DB
	Log *slog.Logger
}

var _ audit.Recorder = (*AuditLog)(nil)

// Record stores e.
func (l *AuditLog) Record(ctx context.Context, e audit.Event) error {
	err := insertAudit(ctx, l.DB.Pool, &e)
	logAudit(ctx, l.Log, e, err == nil)
	return err
}

// insertAudit writes e (filling its ID when empty) with q: the pool for an
// event on its own, the transaction of the change e records otherwise.
func insertAudit(ctx context.Context, q execer, e *audit.Event) error {
	if e.ID == "" {
		e.ID = uuid.NewString()
	}
	if e.Detail == nil {
		e.Detail = map[string]any{}
	}
	_, err := q.Exec(ctx, `INSERT INTO shared.audit_events (id, action, actor_id, actor_email, impersonator_id,
			target_id, target_email, tenant_id, ip, user_agent, session_id, reason, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, coalesce($14, now()))`,
		e.ID, string(e.Action), nullUUID(e.ActorID), e.ActorEmail, nullUUID(e.ImpersonatorID), nullUUID(e.TargetID),
		e.TargetEmail, nullUUID(e.TenantID), e.IP, e.UserAgent, nullUUID(e.SessionID), e.Reason, e.Detail, nullTime(*e))
	if err != nil {
		return fmt.Errorf("audit event %s not written: %w", e.Action, err)
	}
	return nil
}

// logAudit writes the log line of an event (stored: its row exists).
func logAudit(ctx context.Context, log *slog.Logger, e audit.Event, stored bool) {
	if log == nil {
		log = slog.Default()
	}
	detail := e.Detail
	if detail == nil {
		detail = map[string]any{}
	}
	log.LogAttrs(ctx, slog.LevelInfo, "audit", slog.String("action", string(e.Action)), slog.String("event", e.ID),
		slog.String("actor_id", e.ActorID), slog.String("actor_email", e.ActorEmail),
		slog.String("impersonator_id", e.ImpersonatorID), slog.String("target_id", e.TargetID),
		slog.String("target_email", e.TargetEmail), slog.String("tenant_id", e.TenantID), slog.String("ip", e.IP),
		slog.String("session_id", e.SessionID), slog.String("reason", e.Reason), slog.Any("detail", detail),
		slog.Bool("stored", stored))
}

// auditTx writes the audit events of one transaction; audited logs them
// once it has committed (a rolled-back event is never claimed in the log).
type auditTx struct {
	tx      pgx.Tx
	written []audit.Event
}

// write inserts events in the transaction. A failure fails the change.
func (w *auditTx) write(ctx context.Context, events ...audit.Event) error {
	for _, e := range events {
		if err := insertAudit(ctx, w.tx, &e); err != nil {
			return err
		}
		w.written = append(w.written, e)
	}
	return nil
}

// audited runs fn in a transaction begun with opts; fn makes the change and
// writes its audit events with w. The events are logged after the commit.
func (db *DB) audited(ctx context.Context, opts pgx.TxOptions, fn func(tx pgx.Tx, w *auditTx) error) error {
	w := &auditTx{}
	err := db.tx(ctx, opts, func(tx pgx.Tx) error {
		w.tx = tx
		return fn(tx, w)
	})
	if err != nil {
		return err
	}
	for _, e := range w.written {
		logAudit(ctx, db.Log, e, true)
	}
	return nil
}

// inSharedAudited runs fn in a shared-schema transaction and, when fn
// succeeds, writes events in the same transaction.
func (db *DB) inSharedAudited(ctx context.Context, events []audit.Event, fn func(pgx.Tx) error) error {
	return db.audited(ctx, pgx.TxOptions{}, func(tx pgx.Tx, w *auditTx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return w.write(ctx, events...)
	})
}

// inTenantAudited is InTenant writing events in the transaction after fn.
func (db *DB) inTenantAudited(ctx context.Context, schema string, events []audit.Event, fn func(pgx.Tx) error) error {
	if !ValidSchema(schema) {
		return fmt.Errorf("postgres: refusing invalid tenant schema name %q", schema)
	}
	return db.audited(ctx, tenantTx(schema), func(tx pgx.Tx, w *auditTx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return w.write(ctx, events...)
	})
}

// nullUUID is nil for "" and for anything that is not a UUID.
func nullUUID(s string) any {
	if _, err := uuid.Parse(s); err != nil {
		return nil
	}
	return s
}

func nullTime(e audit.Event) any {
	if e.CreatedAt.IsZero() {
		return nil
	}
	return e.CreatedAt
}
