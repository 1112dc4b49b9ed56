package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/platform"
	"github.com/smoothschedule/smoothschedule/internal/tenancy"
)

// entitlements loads the plan and overrides of the request's tenant (one
// round trip). Without a platform store (tests of other areas) there is
// nothing to enforce: ok is false.
func (s *Server) entitlements(ctx context.Context) (e platform.Entitlements, ok bool, err error) {
	t := tenancy.TenantFrom(ctx)
	if s.Platform == nil {
		return e, false, nil
	}
	if t == nil {
		return e, false, errs.E(errs.Internal, "plan limits checked outside a business's site")
	}
	e, err = s.Platform.Entitlements(ctx, t.ID, t.Plan)
	return e, err == nil, err
}

// checkLimit says whether the request's tenant may add one more of limit
// when current exist: nil, or an errs.LimitReached (403) naming the limit,
// the plan and the plan that allows more. Handlers call it before creating a
// resource, service, staff user, appointment or plugin, with the count they
// hold (ideally read in the same transaction as the insert).
func (s *Server) checkLimit(ctx context.Context, limit platform.Limit, current int) error {
	e, ok, err := s.entitlements(ctx)
	if !ok {
		return err
	}
	return e.CheckAdd(limit, current)
}

// requireFeature says whether the request's tenant's plan (with overrides)
// includes feature: nil, or an errs.LimitReached (403) naming the plan that
// has it.
func (s *Server) requireFeature(ctx context.Context, feature platform.Feature) error {
	e, ok, err := s.entitlements(ctx)
	if !ok {
		return err
	}
	return e.Require(feature)
}

// checkStaffSeat applies MaxUsers to inviting or adding one more staff user
// to the request's tenant: its staff users and pending staff invitations
// count against the limit.
func (s *Server) checkStaffSeat(ctx context.Context) error {
	t := tenancy.TenantFrom(ctx)
	if s.Platform == nil || s.Admin == nil || t == nil {
		return nil
	}
	n, err := s.Admin.Admin.StaffSeats(ctx, t.ID)
	if err != nil {
		return err
	}
	return s.checkLimit(ctx, platform.MaxUsers, n)
}
