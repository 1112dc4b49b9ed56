package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/support"
)

// Support implements support.Store on the shared schema.
type Support struct{ DB *DB }

var _ support.Store = (*Support)(nil)

const ticketSelect = `SELECT k.id::text, k.number, k.tenant_id::text, t.name, coalesce(k.requester_id::text, ''),
		coalesce(r.email, ''), coalesce(r.name, ''), k.subject, k.description, k.priority, k.category, k.status,
		coalesce(k.assignee_id::text, ''), coalesce(a.email, ''), k.created_at, k.updated_at, k.resolved_at
	FROM shared.support_tickets k JOIN shared.tenants t ON t.id = k.tenant_id
	LEFT JOIN shared.users r ON r.id = k.requester_id LEFT JOIN shared.users a ON a.id = k.assignee_id`

func scanTicket(row pgx.Row) (support.Ticket, error) {
	var k support.Ticket
	var priority, status string
	err := row.Scan(&k.ID, &k.Number, &k.TenantID, &k.BusinessName, &k.RequesterID, &k.RequesterEmail, &k.RequesterName,
		&k.Subject, &k.Description, &priority, &k.Category, &status, &k.AssigneeID, &k.AssigneeEmail, &k.CreatedAt, &k.UpdatedAt, &k.ResolvedAt)
	k.Priority, k.Status = support.Priority(priority), support.Status(status)
	return k, err
}

// CreateTicket inserts a ticket and sets its number.
func (s *Support) CreateTicket(ctx context.Context, k *support.Ticket) error {
	return s.DB.Pool.QueryRow(ctx, `INSERT INTO shared.support_tickets (id, tenant_id, requester_id, subject, description, priority,
			category, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING number`,
		k.ID, k.TenantID, nullUUID(k.RequesterID), k.Subject, k.Description, string(k.Priority), k.Category, string(k.Status), k.CreatedAt).Scan(&k.Number)
}

// Ticket reads one ticket.
func (s *Support) Ticket(ctx context.Context, id string) (*support.Ticket, error) {
	k, err := scanTicket(s.DB.Pool.QueryRow(ctx, ticketSelect+" WHERE k.id = $1::uuid", id))
	if err != nil {
		return nil, notFoundf(err, "no ticket %q", id)
	}
	return &k, nil
}

// Tickets returns a page of tickets, newest first, and the total matching.
func (s *Support) Tickets(ctx context.Context, f support.Filter) ([]support.Ticket, int, error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if f.TenantID != "" {
		where = append(where, "k.tenant_id = "+arg(f.TenantID)+"::uuid")
	}
	if f.Status != "" {
		where = append(where, "k.status = "+arg(string(f.Status)))
	}
	if f.Priority != "" {
		where = append(where, "k.priority = "+arg(string(f.Priority)))
	}
	if f.AssigneeID != "" {
		where = append(where, "k.assignee_id = "+arg(f.AssigneeID)+"::uuid")
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		p := arg("%" + escapeLike(strings.ToLower(q)) + "%")
		where = append(where, "(lower(k.subject) LIKE "+p+" OR lower(t.name) LIKE "+p+")")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	countSQL := `SELECT count(*)::int FROM shared.support_tickets k JOIN shared.tenants t ON t.id = k.tenant_id` + cond
	countArgs := append([]any(nil), args...)
	page := ticketSelect + cond + " ORDER BY k.created_at DESC, k.number DESC LIMIT " + arg(max(f.Limit, 1)) + " OFFSET " + arg(f.Offset)
	return countedPage(ctx, s.DB, countSQL, countArgs, page, args,
		func(r pgx.CollectableRow) (support.Ticket, error) { return scanTicket(r) })
}

// UpdateTicket applies c if the status is still from.
func (s *Support) UpdateTicket(ctx context.Context, id string, from support.Status, c support.Change, now time.Time) error {
	var status, priority *string
	if c.Status != nil {
		status = ptr(string(*c.Status))
	}
	if c.Priority != nil {
		priority = ptr(string(*c.Priority))
	}
	tag, err := s.DB.Pool.Exec(ctx, `UPDATE shared.support_tickets SET status = coalesce($3, status), priority = coalesce($4, priority),
			assignee_id = CASE WHEN $5::boolean THEN $6::uuid ELSE assignee_id END, updated_at = $7,
			resolved_at = CASE WHEN coalesce($3, status) IN ('RESOLVED', 'CLOSED') THEN coalesce(resolved_at, $7) ELSE NULL END
		WHERE id = $1::uuid AND status = $2`,
		id, string(from), status, priority, c.AssigneeID != nil, nullUUID(deref(c.AssigneeID)), now)
	if err == nil && tag.RowsAffected() == 0 {
		return errs.E(errs.Conflict, "the ticket changed meanwhile; reload it and try again")
	}
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// AddMessage inserts m and touches its ticket.
func (s *Support) AddMessage(ctx context.Context, m *support.Message) error {
	return s.DB.InShared(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO shared.ticket_messages (id, ticket_id, author_id, body, internal, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, m.ID, m.TicketID, nullUUID(m.AuthorID), m.Body, m.Internal, m.CreatedAt); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE shared.support_tickets SET updated_at = $2 WHERE id = $1::uuid`, m.TicketID, m.CreatedAt)
		return err
	})
}

// Messages lists a ticket's conversation, oldest first; internal notes only
// when internal is set.
func (s *Support) Messages(ctx context.Context, ticketID string, internal bool) ([]support.Message, error) {
	rows, err := s.DB.Pool.Query(ctx, `SELECT m.id::text, m.ticket_id::text, coalesce(m.author_id::text, ''), coalesce(u.name, 'Former user'),
			coalesce(u.email, ''), (u.id IS NOT NULL AND u.tenant_id IS NULL), m.body, m.internal, m.created_at
		FROM shared.ticket_messages m LEFT JOIN shared.users u ON u.id = m.author_id
		WHERE m.ticket_id = $1::uuid AND (NOT m.internal OR $2) ORDER BY m.created_at, m.id`, ticketID, internal)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (support.Message, error) {
		var m support.Message
		return m, r.Scan(&m.ID, &m.TicketID, &m.AuthorID, &m.AuthorName, &m.AuthorEmail, &m.FromPlatform, &m.Body, &m.Internal, &m.CreatedAt)
	})
}

// PlatformUser reports whether id is an active platform user.
func (s *Support) PlatformUser(ctx context.Context, id string) (bool, error) {
	var ok bool
	err := s.DB.Pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM shared.users WHERE id = $1::uuid AND tenant_id IS NULL AND status = 'active')`, id).Scan(&ok)
	return ok, err
}
