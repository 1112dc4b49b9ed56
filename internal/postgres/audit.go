package postgres

import (
	"context"
	"log/slog"

	"github.com/google/uuid"

	"github.com/smoothschedule/smoothschedule/internal/audit"
)

// AuditLog implements audit.Recorder: a row in shared.audit_events (which
// refuses updates and deletes) and one log line per event.
type AuditLog struct {
	DB  *DB
	Log *slog.Logger
}

var _ audit.Recorder = (*AuditLog)(nil)

// Record stores e.
func (l *AuditLog) Record(ctx context.Context, e audit.Event) error {
	if e.ID == "" {
		e.ID = uuid.NewString()
	}
	detail := e.Detail
	if detail == nil {
		detail = map[string]any{}
	}
	_, err := l.DB.Pool.Exec(ctx, `INSERT INTO shared.audit_events (id, action, actor_id, actor_email, impersonator_id,
			target_id, target_email, tenant_id, ip, user_agent, session_id, reason, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, coalesce($14, now()))`,
		e.ID, string(e.Action), nullUUID(e.ActorID), e.ActorEmail, nullUUID(e.ImpersonatorID), nullUUID(e.TargetID),
		e.TargetEmail, nullUUID(e.TenantID), e.IP, e.UserAgent, nullUUID(e.SessionID), e.Reason, detail, nullTime(e))
	l.Log.LogAttrs(ctx, slog.LevelInfo, "audit", slog.String("action", string(e.Action)), slog.String("event", e.ID),
		slog.String("actor_id", e.ActorID), slog.String("actor_email", e.ActorEmail),
		slog.String("impersonator_id", e.ImpersonatorID), slog.String("target_id", e.TargetID),
		slog.String("target_email", e.TargetEmail), slog.String("tenant_id", e.TenantID), slog.String("ip", e.IP),
		slog.String("session_id", e.SessionID), slog.String("reason", e.Reason), slog.Any("detail", detail),
		slog.Bool("stored", err == nil))
	return err
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
