package postgres

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
)

// exportShared are the business's rows in the shared schema, by section.
// Credentials (password hashes, MFA secrets, token hashes) are left out.
var exportShared = []struct{ name, sql string }{
	{"business", `SELECT row_to_json(x)::text FROM (SELECT id, slug, name, status, plan, timezone, primary_color, secondary_color,
		logo_url, is_demo, expires_at, resources_can_reschedule, require_payment_method_to_book, cancellation_window_hours,
		late_cancellation_fee_percent, created_at, updated_at, deleted_at FROM shared.tenants WHERE id = $1::uuid) x`},
	{"domains", `SELECT row_to_json(x)::text FROM (SELECT domain, is_primary, is_custom, verified_at, created_at
		FROM shared.domains WHERE tenant_id = $1::uuid ORDER BY domain) x`},
	{"users", `SELECT row_to_json(x)::text FROM (SELECT id, email, name, role, status, customer_id, last_login_at, mfa_enabled,
		created_at, updated_at FROM shared.users WHERE tenant_id = $1::uuid ORDER BY created_at, id) x`},
	{"overrides", `SELECT row_to_json(x)::text FROM (SELECT limits, features, updated_at FROM shared.tenant_overrides
		WHERE tenant_id = $1::uuid) x`},
	{"tickets", `SELECT row_to_json(x)::text FROM (SELECT id, number, subject, description, priority, category, status,
		created_at, updated_at, resolved_at, (SELECT coalesce(json_agg(json_build_object('body', m.body, 'createdAt', m.created_at)
			ORDER BY m.created_at), '[]') FROM shared.ticket_messages m WHERE m.ticket_id = t.id AND NOT m.internal) AS messages
		FROM shared.support_tickets t WHERE tenant_id = $1::uuid ORDER BY number) x`},
	{"dailyBookings", `SELECT row_to_json(x)::text FROM (SELECT day, booked FROM shared.daily_bookings
		WHERE tenant_id = $1::uuid ORDER BY day) x`},
}

// Export writes a JSON archive of a business to w: its shared rows and
// every table of its schema, whatever tables the tenant migrations have
// created, one row at a time. It reads in one REPEATABLE READ, READ ONLY
// tenant transaction, so the archive is a consistent snapshot.
func (s *PlatformAdmin) Export(ctx context.Context, id string, w io.Writer) error {
	t, err := s.Tenants.ByID(ctx, id)
	if err != nil {
		return err
	}
	if !ValidSchema(t.Schema) {
		return fmt.Errorf("refusing to export schema %q", t.Schema)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	begin := "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT set_config('search_path', '" + t.Schema + ",shared', true)"
	err = s.DB.tx(ctx, pgx.TxOptions{BeginQuery: begin}, func(tx pgx.Tx) error {
		head, _ := json.Marshal(map[string]any{"format": "smoothschedule-export/1", "exportedAt": time.Now().UTC(), "schema": t.Schema,
			"schemaVersion": t.SchemaVersion})
		bw.Write(head[:len(head)-1])
		for _, sec := range exportShared {
			fmt.Fprintf(bw, ",%q:", sec.name)
			if err := streamRows(ctx, tx, bw, sec.name == "business" || sec.name == "overrides", sec.sql, t.ID); err != nil {
				return err
			}
		}
		rows, err := tx.Query(ctx, `SELECT table_name::text FROM information_schema.tables
			WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`, t.Schema)
		if err != nil {
			return err
		}
		tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		bw.WriteString(`,"tables":{`)
		for i, name := range tables {
			if i > 0 {
				bw.WriteByte(',')
			}
			fmt.Fprintf(bw, "%q:", name)
			sql := "SELECT row_to_json(x)::text FROM " + pgx.Identifier{t.Schema, name}.Sanitize() + " x"
			if err := streamRows(ctx, tx, bw, false, sql); err != nil {
				return err
			}
		}
		bw.WriteString("}}\n")
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// streamRows writes the JSON texts the query returns as an array, or as a
// single value (null when none) when one is set.
func streamRows(ctx context.Context, tx pgx.Tx, w *bufio.Writer, one bool, sql string, args ...any) error {
	rows, err := tx.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	if !one {
		w.WriteByte('[')
	}
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return err
		}
		if n > 0 {
			w.WriteByte(',')
		}
		w.WriteString(text)
		n++
		if w.Buffered() > 32<<10 {
			if err := w.Flush(); err != nil {
				return err
			}
		}
	}
	if one && n == 0 {
		w.WriteString("null")
	}
	if !one {
		w.WriteByte(']')
	}
	return rows.Err()
}
