package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// BlockerOut is a blocker as the API shows it.
type BlockerOut struct {
	ID              string     `json:"id"`
	ResourceID      *string    `json:"resourceId" doc:"null: the whole business"`
	StartTime       time.Time  `json:"startTime"`
	EndTime         time.Time  `json:"endTime"`
	DurationMinutes int        `json:"durationMinutes"`
	Title           string     `json:"title"`
	Reason          string     `json:"reason"`
	RRule           string     `json:"rrule" doc:"RFC 5545 recurrence (e.g. FREQ=WEEKLY;BYDAY=MO), in the resource's local time"`
	Until           *time.Time `json:"until"`
}

// BlockerIn is the body of blocker writes: give durationMinutes or endTime.
type BlockerIn struct {
	ResourceID      *string    `json:"resourceId,omitempty" nullable:"true"`
	StartTime       *time.Time `json:"startTime,omitempty"`
	EndTime         *time.Time `json:"endTime,omitempty"`
	DurationMinutes *int       `json:"durationMinutes,omitempty"`
	Title           *string    `json:"title,omitempty"`
	Reason          *string    `json:"reason,omitempty"`
	RRule           *string    `json:"rrule,omitempty"`
	Until           *time.Time `json:"until,omitempty" nullable:"true"`
}

func blockerOut(b scheduling.Blocker) BlockerOut {
	return BlockerOut{ID: b.ID, ResourceID: b.ResourceID, StartTime: b.Start, EndTime: b.End,
		DurationMinutes: minutesOf(b.End.Sub(b.Start)), Title: b.Title, Reason: b.Reason, RRule: b.RRule, Until: b.Until}
}

// maxBlockerMinutes bounds a blocker's length (five years), so that no
// duration overflows an instant.
const maxBlockerMinutes = 5 * 366 * 24 * 60

// apply sets the fields the request gives (the service validates).
func (in BlockerIn) apply(b *scheduling.Blocker) error {
	if in.ResourceID != nil {
		b.ResourceID = in.ResourceID
		if *in.ResourceID == "" {
			b.ResourceID = nil
		} else if err := bodyIDs("body.resourceId", *in.ResourceID); err != nil {
			return err
		}
	}
	length := b.End.Sub(b.Start)
	if in.StartTime != nil {
		b.Start = *in.StartTime
	}
	switch {
	case in.DurationMinutes != nil:
		if *in.DurationMinutes < 1 || *in.DurationMinutes > maxBlockerMinutes {
			return errs.Field("body.durationMinutes", "durationMinutes must be from 1 to %d (five years)", maxBlockerMinutes)
		}
		b.End = b.Start.Add(time.Duration(*in.DurationMinutes) * time.Minute)
	case in.EndTime != nil:
		b.End = *in.EndTime
	default:
		b.End = b.Start.Add(length)
	}
	if in.Title != nil {
		b.Title = *in.Title
	}
	if in.Reason != nil {
		b.Reason = *in.Reason
	}
	if in.RRule != nil {
		b.RRule = *in.RRule
	}
	if in.Until != nil {
		b.Until = in.Until
	}
	return nil
}

type blockerListIn struct {
	PageParams
	StartDate  string `query:"start_date" doc:"YYYY-MM-DD, in the business's zone"`
	EndDate    string `query:"end_date" doc:"YYYY-MM-DD, inclusive"`
	ResourceID string `query:"resource_id"`
}

func (s *Server) listBlockers(ctx context.Context, in *blockerListIn) (*struct{ Body Page[BlockerOut] }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	var from, to time.Time
	if in.StartDate != "" {
		d, err := queryDate("start_date", in.StartDate)
		if err != nil {
			return nil, err
		}
		from, _ = scheduling.DayRange(d, b.Zone)
	}
	if in.EndDate != "" {
		d, err := queryDate("end_date", in.EndDate)
		if err != nil {
			return nil, err
		}
		_, to = scheduling.DayRange(d, b.Zone)
	}
	if err := queryUUID("resource_id", in.ResourceID); err != nil {
		return nil, err
	}
	list, total, err := s.Scheduling.Blockers(ctx, b, from, to, in.ResourceID, paging(&in.PageParams))
	if err != nil {
		return nil, err
	}
	out := make([]BlockerOut, len(list))
	for i, bl := range list {
		out[i] = blockerOut(bl)
	}
	return &struct{ Body Page[BlockerOut] }{page(&in.PageParams, total, out)}, nil
}

type blockerBody struct {
	Body BlockerOut
}

func (s *Server) getBlocker(ctx context.Context, in *IDPath) (*blockerBody, error) {
	if err := pathID("blocker", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	bl, err := s.Scheduling.Blocker(ctx, b, in.ID)
	if err != nil {
		return nil, err
	}
	return &blockerBody{blockerOut(*bl)}, nil
}

func (s *Server) createBlocker(ctx context.Context, in *struct{ Body BlockerIn }) (*struct {
	Status int
	Body   BlockerOut
}, error) {
	if in.Body.StartTime == nil {
		return nil, errs.Field("body.startTime", "startTime is required")
	}
	if in.Body.DurationMinutes == nil && in.Body.EndTime == nil {
		return nil, errs.Field("body.durationMinutes", "give durationMinutes or endTime")
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	bl, err := s.Scheduling.CreateBlocker(ctx, b, in.Body.apply)
	if err != nil {
		return nil, err
	}
	return &struct {
		Status int
		Body   BlockerOut
	}{201, blockerOut(*bl)}, nil
}

type blockerPatchIn struct {
	IDPath
	Body BlockerIn
}

func (s *Server) updateBlocker(ctx context.Context, in *blockerPatchIn) (*blockerBody, error) {
	if err := pathID("blocker", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	bl, err := s.Scheduling.UpdateBlocker(ctx, b, in.ID, in.Body.apply)
	if err != nil {
		return nil, err
	}
	return &blockerBody{blockerOut(*bl)}, nil
}

func (s *Server) deleteBlocker(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	return s.deleted(ctx, "blocker", in.ID, s.Scheduling.DeleteBlocker)
}
