package postgres

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/audit"
)

// AuditEvents lists audit events matching f, newest first, with the total
// count.
func (s *Identity) AuditEvents(ctx context.Context, f audit.Filter) ([]audit.Event, int, error) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		conds = append(conds, strings.ReplaceAll(cond, "$?", "$"+strconv.Itoa(len(args))))
	}
	if len(f.Actions) > 0 {
		names := make([]string, len(f.Actions))
		for i, a := range f.Actions {
			names[i] = string(a)
		}
		add("e.action = ANY($?::text[])", names)
	}
	for _, c := range []struct{ col, v string }{{"actor_id", f.ActorID}, {"target_id", f.TargetID}, {"tenant_id", f.TenantID}} {
		if c.v != "" {
			add("e."+c.col+" = $?::uuid", c.v)
		}
	}
	if !f.From.IsZero() {
		add("e.created_at >= $?", f.From)
	}
	if !f.To.IsZero() {
		add("e.created_at < $?", f.To)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	var total int
	if err := s.DB.Pool.QueryRow(ctx, `SELECT count(*) FROM shared.audit_events e`+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	n := len(args)
	rows, err := s.DB.Pool.Query(ctx, `SELECT e.id::text, e.action, coalesce(e.actor_id::text, ''), e.actor_email,
			coalesce(e.impersonator_id::text, ''), coalesce(e.target_id::text, ''), e.target_email,
			coalesce(e.tenant_id::text, ''), e.ip, e.user_agent, coalesce(e.session_id::text, ''), e.reason, e.detail, e.created_at,
			e.tenant_id IS NULL OR EXISTS (SELECT 1 FROM shared.users o
				WHERE o.id IN (e.actor_id, e.impersonator_id) AND o.tenant_id IS DISTINCT FROM e.tenant_id)
		FROM shared.audit_events e`+where+` ORDER BY e.created_at DESC, e.id
		LIMIT $`+strconv.Itoa(n+1)+` OFFSET $`+strconv.Itoa(n+2), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (audit.Event, error) {
		var e audit.Event
		var action string
		var at time.Time
		err := r.Scan(&e.ID, &action, &e.ActorID, &e.ActorEmail, &e.ImpersonatorID, &e.TargetID, &e.TargetEmail,
			&e.TenantID, &e.IP, &e.UserAgent, &e.SessionID, &e.Reason, &e.Detail, &at, &e.ByOutsider)
		e.Action, e.CreatedAt = audit.Action(action), at
		return e, err
	})
	return list, total, err
}
