package postgres

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// Holds: an appointment holds each of its resources over its booked
// interval (buffers included) in appointment_resources, under the
// no_double_booking exclusion constraint: no two active rows of different
// sessions share a resource, a seat and a moment. The constraint is the
// guarantee; the code below only chooses seats and turns violations into
// conflicts that name the appointment in the way.
//
// A resource of capacity 1 has one seat and needs no choosing. For larger
// capacities the lowest seat free over the whole interval is taken
// (first-fit). First-fit can fail while fewer than capacity appointments
// overlap at every instant — fragmentation: 9–10 on seat 1 and 10–11 on
// seat 2 leave no single seat for 9:30–10:30 although at most one seat is
// ever busy. Then the seats of the connected window are re-assigned by
// start time, always taking the lowest seat free at that start (the
// resource row is locked, so no other booking of it runs meanwhile). For
// intervals this greedy colouring uses exactly as many seats as the largest
// number of simultaneous appointments, so it succeeds whenever capacity
// allows, and it happens in the same transaction as the booking.

// hold writes rec's rows for each of its resources.
func (r *repo) hold(ctx context.Context, rec *scheduling.Record) error {
	lo, hi := scheduling.BookedInterval(rec.Appointment, scheduling.Service{BufferBefore: rec.BufferBefore, BufferAfter: rec.BufferAfter})
	h := holdRow{appt: rec.ID, lo: lo, hi: hi, session: rec.ID, active: scheduling.BlocksTime(rec.Status), group: rec.GroupSeats}
	if rec.GroupSeats > 1 {
		h.session = classPrefix + rec.ServiceID + ":" + rec.Start.UTC().Format(time.RFC3339)
	}
	ids := slices.Clone(rec.ResourceIDs)
	slices.Sort(ids) // a fixed lock order between transactions
	for _, id := range ids {
		h.resource = id
		if err := r.place(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// classPrefix starts the session key of a group class's participants.
const classPrefix = "class:"

// holdRow is one appointment_resources row to write.
type holdRow struct {
	appt, resource, session string
	lo, hi                  time.Time
	active                  bool
	group                   int // seats of a group class, 0 otherwise
}

// occupant is an active session holding a seat of a resource.
type occupant struct {
	session string
	seat    int
	lo, hi  time.Time
}

func (r *repo) place(ctx context.Context, h holdRow) error {
	if !h.active {
		return r.insertHold(ctx, h, 1)
	}
	// Bookings of one resource queue on its row. Without this, two
	// transactions inserting overlapping rows at once each wait inside the
	// exclusion check for the other's uncommitted row, and PostgreSQL
	// breaks the deadlock only after deadlock_timeout (1 s). Queued, the
	// later one sees the earlier one's committed hold and fails at once.
	// NO KEY UPDATE does not block the key-share locks of foreign keys.
	var capacity int
	if err := r.tx.QueryRow(ctx, `SELECT capacity FROM resources WHERE id = $1 FOR NO KEY UPDATE`, h.resource).Scan(&capacity); err != nil {
		return notFound(err, "resource", h.resource)
	}
	if capacity == 1 && h.group == 0 {
		return r.tryHold(ctx, h, 1)
	}
	if h.group > 0 {
		var seat, taken int
		err := r.tx.QueryRow(ctx, `SELECT COALESCE(min(seat), 0), count(*) FROM appointment_resources
			WHERE resource_id = $1 AND session = $2 AND active`, h.resource, h.session).Scan(&seat, &taken)
		switch {
		case err != nil:
			return err
		case taken >= h.group:
			return errs.E(errs.Conflict, "this class is full (%d of %d seats taken)", taken, h.group)
		case taken > 0:
			return r.tryHold(ctx, h, seat)
		}
	}
	occ, err := r.occupants(ctx, h, h.lo, h.hi)
	if err != nil {
		return err
	}
	if seat := firstFit(occ, capacity); seat > 0 {
		return r.tryHold(ctx, h, seat)
	}
	if peak(occ, h.lo) >= capacity {
		return r.conflict(ctx, h)
	}
	return r.repack(ctx, h, capacity)
}

// occupants lists the other sessions holding h's resource within [lo, hi),
// one entry per session (a class's participants share one seat).
func (r *repo) occupants(ctx context.Context, h holdRow, lo, hi time.Time) ([]occupant, error) {
	rows, err := r.tx.Query(ctx, `SELECT session, min(seat), min(lower(during)), max(upper(during)) FROM appointment_resources
		WHERE resource_id = $1 AND active AND during && tstzrange($2, $3, '[)') AND session <> $4
		GROUP BY session ORDER BY 3, 1`, h.resource, lo, hi, h.session)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []occupant
	for rows.Next() {
		var o occupant
		if err := rows.Scan(&o.session, &o.seat, &o.lo, &o.hi); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// firstFit is the lowest seat in 1..capacity that no occupant holds, or 0.
func firstFit(occ []occupant, capacity int) int {
	used := make([]bool, capacity+1)
	for _, o := range occ {
		if o.seat <= capacity {
			used[o.seat] = true
		}
	}
	for s := 1; s <= capacity; s++ {
		if !used[s] {
			return s
		}
	}
	return 0
}

// peak is the largest number of occupants overlapping at one instant from
// lo on (occupants all overlap the interval starting at lo).
func peak(occ []occupant, lo time.Time) int {
	best := 0
	for _, a := range occ {
		t := a.lo
		if t.Before(lo) {
			t = lo
		}
		n := 0
		for _, b := range occ {
			if !b.lo.After(t) && b.hi.After(t) {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

// repack re-assigns the seats of every session connected to h's interval
// (transitively overlapping it), h included, greedily by start time, then
// inserts h. The caller holds the resource row's lock.
func (r *repo) repack(ctx context.Context, h holdRow, capacity int) error {
	lo, hi := h.lo, h.hi
	var occ []occupant
	for { // widen the window until it covers the connected component
		var err error
		if occ, err = r.occupants(ctx, h, lo, hi); err != nil {
			return err
		}
		nlo, nhi := lo, hi
		for _, o := range occ {
			if o.lo.Before(nlo) {
				nlo = o.lo
			}
			if o.hi.After(nhi) {
				nhi = o.hi
			}
		}
		if nlo.Equal(lo) && nhi.Equal(hi) {
			break
		}
		lo, hi = nlo, nhi
	}
	all := append(slices.Clone(occ), occupant{session: h.session, lo: h.lo, hi: h.hi})
	slices.SortStableFunc(all, func(a, b occupant) int { return a.lo.Compare(b.lo) })
	for i := range all {
		used := make([]bool, capacity+1)
		for _, o := range all[:i] {
			if o.hi.After(all[i].lo) {
				used[o.seat] = true
			}
		}
		all[i].seat = 0
		for s := 1; s <= capacity && all[i].seat == 0; s++ {
			if !used[s] {
				all[i].seat = s
			}
		}
		if all[i].seat == 0 {
			return r.conflict(ctx, h)
		}
	}
	var sessions []string
	var seats []int
	seat := 0
	for _, o := range all {
		if o.session == h.session {
			seat = o.seat
			continue
		}
		sessions, seats = append(sessions, o.session), append(seats, o.seat)
	}
	// Two steps keep every intermediate state valid under the immediate
	// constraint: first park the sessions on distinct high seats, then give
	// them their final seats (which do not collide with one another).
	b := &pgx.Batch{}
	b.Queue(`UPDATE appointment_resources SET seat = seat + 1000000 WHERE resource_id = $1 AND active AND session = ANY($2)`, h.resource, sessions)
	b.Queue(`UPDATE appointment_resources ar SET seat = v.seat FROM unnest($2::text[], $3::int[]) AS v(session, seat)
		WHERE ar.resource_id = $1 AND ar.active AND ar.session = v.session`, h.resource, sessions, seats)
	if err := r.tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	return r.tryHold(ctx, h, seat)
}

// tryHold inserts an active hold inside a savepoint, so that a violation of
// the exclusion constraint leaves the transaction usable to look up (and
// name) the appointment in the way. Two transactions inserting overlapping
// rows at once can each wait for the other's row (PostgreSQL then aborts
// one with a deadlock error); the victim rolls back to the savepoint and
// tries again, now waiting for the survivor's outcome.
func (r *repo) tryHold(ctx context.Context, h holdRow, seat int) error {
	for attempt := 0; ; attempt++ {
		sp, err := r.tx.Begin(ctx)
		if err != nil {
			return err
		}
		err = insertHold(ctx, sp, h, seat)
		if err == nil {
			return sp.Commit(ctx)
		}
		_ = sp.Rollback(ctx)
		switch code := pgCode(err); {
		case code == sqlDeadlock && attempt < 3:
			continue
		case code == sqlExclusionViolation || code == sqlDeadlock:
			return r.conflict(ctx, h)
		case code == sqlForeignKey || code == sqlInvalidText:
			return errs.E(errs.NotFound, "resource %s does not exist", h.resource)
		}
		return err
	}
}

func (r *repo) insertHold(ctx context.Context, h holdRow, seat int) error {
	return insertHold(ctx, r.tx, h, seat)
}

func insertHold(ctx context.Context, tx pgx.Tx, h holdRow, seat int) error {
	_, err := tx.Exec(ctx, `INSERT INTO appointment_resources (appointment_id, resource_id, seat, during, active, session)
		VALUES ($1, $2, $3, tstzrange($4, $5, '[)'), $6, $7)`, h.appt, h.resource, seat, h.lo, h.hi, h.active, h.session)
	return err
}

// conflict is the error for a hold that cannot be placed, naming the
// earliest appointment holding the resource in the way.
func (r *repo) conflict(ctx context.Context, h holdRow) error {
	var id string
	err := r.tx.QueryRow(ctx, `SELECT appointment_id::text FROM appointment_resources
		WHERE resource_id = $1 AND active AND during && tstzrange($2, $3, '[)') AND session <> $4
		ORDER BY lower(during), appointment_id LIMIT 1`, h.resource, h.lo, h.hi, h.session).Scan(&id)
	e := errs.E(errs.Conflict, "the resource is already booked at that time")
	if err == nil {
		e.Message = "the resource is already booked at that time by appointment " + id
		e = e.With("conflictingAppointmentId", id)
	}
	return e.With("resourceId", h.resource)
}
