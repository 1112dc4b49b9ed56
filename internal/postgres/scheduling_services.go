package postgres

import (
	"context"
	"encoding/json"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

const serviceColumns = `s.id::text, s.name, s.description, s.category, s.duration_minutes, s.price::text, s.currency,
	s.buffer_before_minutes, s.buffer_after_minutes, s.slot_step_minutes, s.min_notice_minutes, s.max_advance_minutes,
	s.capacity, s.requirements, s.is_active,
	COALESCE((SELECT array_agg(sr.resource_id::text ORDER BY sr.resource_id) FROM service_resources sr WHERE sr.service_id = s.id), '{}')`

// requirementJSON is a requirement as stored in services.requirements.
type requirementJSON struct {
	Type        string   `json:"type,omitempty"`
	ResourceIDs []string `json:"resourceIds,omitempty"`
	Count       int      `json:"count"`
}

func scanService(row pgx.Row) (*scheduling.Service, error) {
	var s scheduling.Service
	var price string
	var dur, before, after, step, notice, advance int
	var reqs []requirementJSON
	if err := row.Scan(&s.ID, &s.Name, &s.Description, &s.Category, &dur, &price, &s.Currency, &before, &after,
		&step, &notice, &advance, &s.Capacity, &reqs, &s.IsActive, &s.ResourceIDs); err != nil {
		return nil, err
	}
	s.Price = money(price)
	s.Duration, s.BufferBefore, s.BufferAfter = mins(dur), mins(before), mins(after)
	s.SlotStep, s.MinNotice, s.MaxAdvance = mins(step), mins(notice), mins(advance)
	for _, q := range reqs {
		s.Requirements = append(s.Requirements, scheduling.Requirement{Type: scheduling.ResourceType(q.Type), ResourceIDs: q.ResourceIDs, Count: q.Count})
	}
	return &s, nil
}

func (r *repo) ListServices(ctx context.Context, activeOnly bool) ([]scheduling.Service, error) {
	rows, err := r.tx.Query(ctx, `SELECT `+serviceColumns+` FROM services s WHERE s.is_active OR NOT $1 ORDER BY s.category, s.name, s.id`, activeOnly)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanService)
}

func (r *repo) GetService(ctx context.Context, id string) (*scheduling.Service, error) {
	s, err := scanService(r.tx.QueryRow(ctx, `SELECT `+serviceColumns+` FROM services s WHERE s.id = $1`, id))
	return s, notFound(err, "service", id)
}

func serviceArgs(s *scheduling.Service) []any {
	reqs := make([]requirementJSON, len(s.Requirements))
	for i, q := range s.Requirements {
		reqs[i] = requirementJSON{Type: string(q.Type), ResourceIDs: q.ResourceIDs, Count: q.Count}
	}
	rj, _ := json.Marshal(reqs)
	return []any{s.ID, s.Name, s.Description, s.Category, minutes(s.Duration), s.Price.String(), s.Currency,
		minutes(s.BufferBefore), minutes(s.BufferAfter), minutes(s.Step()), minutes(s.MinNotice), minutes(s.MaxAdvance),
		s.Seats(), string(rj), s.IsActive}
}

func (r *repo) CreateService(ctx context.Context, s *scheduling.Service) error {
	s.ID = uuid.NewString()
	_, err := r.tx.Exec(ctx, `INSERT INTO services (id, name, description, category, duration_minutes, price, currency,
		buffer_before_minutes, buffer_after_minutes, slot_step_minutes, min_notice_minutes, max_advance_minutes, capacity,
		requirements, is_active) VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15)`, serviceArgs(s)...)
	if err != nil {
		return err
	}
	return r.setServiceResources(ctx, s)
}

func (r *repo) UpdateService(ctx context.Context, s *scheduling.Service) error {
	tag, err := r.tx.Exec(ctx, `UPDATE services SET name = $2, description = $3, category = $4, duration_minutes = $5,
		price = $6::numeric, currency = $7, buffer_before_minutes = $8, buffer_after_minutes = $9, slot_step_minutes = $10,
		min_notice_minutes = $11, max_advance_minutes = $12, capacity = $13, requirements = $14::jsonb, is_active = $15,
		updated_at = now() WHERE id = $1`, serviceArgs(s)...)
	if err := affected(tag.RowsAffected(), err, "service", s.ID); err != nil {
		return err
	}
	return r.setServiceResources(ctx, s)
}

// setServiceResources replaces the service's resource list; an unknown (or
// another tenant's) resource id is reported on resourceIds.
func (r *repo) setServiceResources(ctx context.Context, s *scheduling.Service) error {
	if _, err := r.tx.Exec(ctx, `DELETE FROM service_resources WHERE service_id = $1`, s.ID); err != nil {
		return err
	}
	if len(s.ResourceIDs) == 0 {
		return nil
	}
	tag, err := r.tx.Exec(ctx, `INSERT INTO service_resources (service_id, resource_id)
		SELECT $1, res.id FROM resources res WHERE res.id = ANY($2::uuid[])`, s.ID, s.ResourceIDs)
	if err != nil || int(tag.RowsAffected()) != len(s.ResourceIDs) {
		if err == nil || pgCode(err) == sqlInvalidText {
			return errs.Field("resourceIds", "resourceIds names a resource that does not exist")
		}
		return err
	}
	return nil
}

// DeleteService removes a service with no appointments; one with history
// must be deactivated instead.
func (r *repo) DeleteService(ctx context.Context, id string) error {
	tag, err := r.tx.Exec(ctx, `DELETE FROM services WHERE id = $1`, id)
	if pgCode(err) == sqlForeignKey {
		return errs.E(errs.Conflict, "service %s has appointments; deactivate it (isActive: false) instead of deleting it", id)
	}
	return affected(tag.RowsAffected(), err, "service", id)
}
