package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

const customerColumns = `c.id::text, c.name, c.email, c.phone, c.tags, c.status, c.user_id::text, c.notes,
	c.total_spend::text, c.last_visit_at, c.payment_method_id, c.created_at`

// Customer statuses are stored upper-case (ACTIVE, INACTIVE, BLOCKED).
func dbStatus(s scheduling.CustomerStatus) string { return strings.ToUpper(string(s)) }

func scanCustomer(row pgx.Row) (*scheduling.Customer, error) {
	var c scheduling.Customer
	var status, spend string
	if err := row.Scan(&c.ID, &c.Name, &c.Email, &c.Phone, &c.Tags, &status, &c.UserID, &c.Notes, &spend,
		&c.LastVisit, &c.PaymentMethodID, &c.CreatedAt); err != nil {
		return nil, err
	}
	c.Status = scheduling.CustomerStatus(status[:1] + strings.ToLower(status[1:]))
	c.TotalSpend = money(spend)
	if c.Tags == nil {
		c.Tags = []string{}
	}
	return &c, nil
}

func (r *repo) ListCustomers(ctx context.Context, f scheduling.CustomerFilter) ([]scheduling.Customer, int, error) {
	where := `WHERE ($1 = '' OR c.name ILIKE $1 OR c.email ILIKE $1 OR c.phone ILIKE $1)
		AND ($2 = '' OR c.status = $2) AND ($3 = '' OR $3 = ANY(c.tags))`
	search := ""
	if f.Search != "" {
		search = "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(f.Search) + "%"
	}
	args := []any{search, dbStatus(f.Status), f.Tag}
	var total int
	if err := r.tx.QueryRow(ctx, `SELECT count(*) FROM customers c `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := r.tx.Query(ctx, `SELECT `+customerColumns+` FROM customers c `+where+` ORDER BY lower(c.name), c.id LIMIT $4 OFFSET $5`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	list, err := collect(rows, scanCustomer)
	return list, total, err
}

func (r *repo) GetCustomer(ctx context.Context, id string) (*scheduling.Customer, error) {
	c, err := scanCustomer(r.tx.QueryRow(ctx, `SELECT `+customerColumns+` FROM customers c WHERE c.id = $1`, id))
	return c, notFound(err, "customer", id)
}

func (r *repo) CustomerByUser(ctx context.Context, userID string) (*scheduling.Customer, error) {
	c, err := scanCustomer(r.tx.QueryRow(ctx, `SELECT `+customerColumns+` FROM customers c WHERE c.user_id = $1`, userID))
	return c, notFound(err, "customer of user", userID)
}

// EnsureCustomer inserts c unless a customer has its email (the unique
// index on lower(email) settles concurrent bookers), then reads the row.
func (r *repo) EnsureCustomer(ctx context.Context, c *scheduling.Customer) (*scheduling.Customer, bool, error) {
	var id string
	err := r.tx.QueryRow(ctx, `INSERT INTO customers (id, name, email, phone, tags, status, notes)
		VALUES ($1, $2, $3, $4, '{}', 'ACTIVE', '') ON CONFLICT (lower(email)) WHERE email <> '' DO NOTHING RETURNING id::text`,
		uuid.NewString(), c.Name, c.Email, c.Phone).Scan(&id)
	created := err == nil
	if err != nil && err != pgx.ErrNoRows {
		return nil, false, err
	}
	cust, err := scanCustomer(r.tx.QueryRow(ctx, `SELECT `+customerColumns+` FROM customers c WHERE lower(c.email) = lower($1)`, c.Email))
	return cust, created, err
}

func customerArgs(c *scheduling.Customer) []any {
	tags := c.Tags
	if tags == nil {
		tags = []string{}
	}
	return []any{c.ID, c.Name, c.Email, c.Phone, tags, dbStatus(c.Status), c.UserID, c.Notes}
}

func (r *repo) CreateCustomer(ctx context.Context, c *scheduling.Customer) error {
	if err := r.checkLinkedUser(ctx, c.UserID, customerRoles, "customer login", "customers", ""); err != nil {
		return err
	}
	c.ID = uuid.NewString()
	c.CreatedAt = time.Now()
	_, err := r.tx.Exec(ctx, `INSERT INTO customers (id, name, email, phone, tags, status, user_id, notes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, customerArgs(c)...)
	return customerErr(err)
}

func (r *repo) UpdateCustomer(ctx context.Context, c *scheduling.Customer) error {
	if err := r.checkLinkedUser(ctx, c.UserID, customerRoles, "customer login", "customers", c.ID); err != nil {
		return err
	}
	tag, err := r.tx.Exec(ctx, `UPDATE customers SET name = $2, email = $3, phone = $4, tags = $5, status = $6, user_id = $7,
		notes = $8, updated_at = now() WHERE id = $1`, customerArgs(c)...)
	if err != nil {
		return customerErr(err)
	}
	return affected(tag.RowsAffected(), nil, "customer", c.ID)
}

func customerErr(err error) error {
	switch {
	case pgCode(err) == sqlUniqueViolation && constraintOf(err) == "customers_user":
		return errs.Field("userId", "this login is already linked to another customer")
	case pgCode(err) == sqlUniqueViolation:
		return errs.Field("email", "another customer has this email")
	}
	return err
}

// DeleteCustomer removes a customer with no appointments.
func (r *repo) DeleteCustomer(ctx context.Context, id string) error {
	tag, err := r.tx.Exec(ctx, `DELETE FROM customers WHERE id = $1`, id)
	if pgCode(err) == sqlForeignKey {
		return errs.E(errs.Conflict, "customer %s has appointments; set the status to INACTIVE instead of deleting", id)
	}
	return affected(tag.RowsAffected(), err, "customer", id)
}

func (r *repo) RecordVisit(ctx context.Context, customerID string, amount scheduling.Money, at time.Time) error {
	tag, err := r.tx.Exec(ctx, `UPDATE customers SET total_spend = total_spend + $2::numeric,
		last_visit_at = GREATEST(last_visit_at, $3), updated_at = now() WHERE id = $1`, customerID, amount.String(), at)
	return affected(tag.RowsAffected(), err, "customer", customerID)
}

func (r *repo) SetPaymentMethod(ctx context.Context, customerID, paymentMethodID string) error {
	tag, err := r.tx.Exec(ctx, `UPDATE customers SET payment_method_id = $2, updated_at = now() WHERE id = $1`, customerID, paymentMethodID)
	return affected(tag.RowsAffected(), err, "customer", customerID)
}
