package httpapi

import (
	"context"
	"fmt"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// ServiceOut is a service as the API shows it.
type ServiceOut struct {
	ID                  string          `json:"id"`
	Name                string          `json:"name"`
	Description         string          `json:"description"`
	Category            string          `json:"category"`
	DurationMinutes     int             `json:"durationMinutes"`
	Price               string          `json:"price" example:"50.00"`
	Currency            string          `json:"currency" example:"EUR"`
	BufferBeforeMinutes int             `json:"bufferBeforeMinutes"`
	BufferAfterMinutes  int             `json:"bufferAfterMinutes"`
	SlotStepMinutes     int             `json:"slotStepMinutes"`
	MinNoticeMinutes    int             `json:"minNoticeMinutes"`
	MaxAdvanceMinutes   int             `json:"maxAdvanceMinutes" doc:"0: no limit"`
	ResourceIDs         []string        `json:"resourceIds" doc:"empty: any active STAFF resource"`
	Requirements        []RequirementIO `json:"requirements" doc:"resources needed together, e.g. one STAFF and one ROOM"`
	Capacity            int             `json:"capacity" doc:"seats of a group session; 1 for one customer at a time"`
	IsActive            bool            `json:"isActive"`
}

// RequirementIO is one group of resources a service needs.
type RequirementIO struct {
	Type        string   `json:"type,omitempty" enum:"STAFF,ROOM,EQUIPMENT"`
	ResourceIDs []string `json:"resourceIds,omitempty"`
	Count       int      `json:"count" minimum:"1"`
}

// ServiceIn is the body of service writes; absent fields keep their value.
type ServiceIn struct {
	Name                *string          `json:"name,omitempty"`
	Description         *string          `json:"description,omitempty"`
	Category            *string          `json:"category,omitempty"`
	DurationMinutes     *int             `json:"durationMinutes,omitempty"`
	Price               moneyIn          `json:"price,omitempty"`
	Currency            *string          `json:"currency,omitempty"`
	BufferBeforeMinutes *int             `json:"bufferBeforeMinutes,omitempty"`
	BufferAfterMinutes  *int             `json:"bufferAfterMinutes,omitempty"`
	SlotStepMinutes     *int             `json:"slotStepMinutes,omitempty"`
	MinNoticeMinutes    *int             `json:"minNoticeMinutes,omitempty"`
	MaxAdvanceMinutes   *int             `json:"maxAdvanceMinutes,omitempty"`
	ResourceIDs         *[]string        `json:"resourceIds,omitempty"`
	Requirements        *[]RequirementIO `json:"requirements,omitempty"`
	Capacity            *int             `json:"capacity,omitempty"`
	IsActive            *bool            `json:"isActive,omitempty"`
}

func serviceOut(s scheduling.Service) ServiceOut {
	out := ServiceOut{ID: s.ID, Name: s.Name, Description: s.Description, Category: s.Category,
		DurationMinutes: minutesOf(s.Duration), Price: s.Price.String(), Currency: s.Currency,
		BufferBeforeMinutes: minutesOf(s.BufferBefore), BufferAfterMinutes: minutesOf(s.BufferAfter),
		SlotStepMinutes: minutesOf(s.Step()), MinNoticeMinutes: minutesOf(s.MinNotice), MaxAdvanceMinutes: minutesOf(s.MaxAdvance),
		ResourceIDs: s.ResourceIDs, Requirements: []RequirementIO{}, Capacity: s.Seats(), IsActive: s.IsActive}
	if out.ResourceIDs == nil {
		out.ResourceIDs = []string{}
	}
	for _, r := range s.Requirements {
		out.Requirements = append(out.Requirements, RequirementIO{Type: string(r.Type), ResourceIDs: r.ResourceIDs, Count: r.Count})
	}
	return out
}

// apply sets the fields the request gives (the service validates).
func (in ServiceIn) apply(s *scheduling.Service) error {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	setMin := func(dst *time.Duration, v *int) {
		if v != nil {
			*dst = time.Duration(*v) * time.Minute
		}
	}
	set(&s.Name, in.Name)
	set(&s.Description, in.Description)
	set(&s.Category, in.Category)
	set(&s.Currency, in.Currency)
	setMin(&s.Duration, in.DurationMinutes)
	setMin(&s.BufferBefore, in.BufferBeforeMinutes)
	setMin(&s.BufferAfter, in.BufferAfterMinutes)
	setMin(&s.SlotStep, in.SlotStepMinutes)
	setMin(&s.MinNotice, in.MinNoticeMinutes)
	setMin(&s.MaxAdvance, in.MaxAdvanceMinutes)
	if err := in.Price.check("body.price"); err != nil {
		return err
	}
	if in.Price.Set {
		s.Price = in.Price.Value
	}
	if in.ResourceIDs != nil {
		if err := bodyIDs("body.resourceIds", *in.ResourceIDs...); err != nil {
			return err
		}
		s.ResourceIDs = *in.ResourceIDs
	}
	if in.Requirements != nil {
		s.Requirements = nil
		for i, r := range *in.Requirements {
			if err := bodyIDs(fmt.Sprintf("body.requirements[%d].resourceIds", i), r.ResourceIDs...); err != nil {
				return err
			}
			s.Requirements = append(s.Requirements, scheduling.Requirement{Type: scheduling.ResourceType(r.Type), ResourceIDs: r.ResourceIDs, Count: r.Count})
		}
	}
	if in.Capacity != nil {
		s.Capacity = *in.Capacity
		if s.Capacity < 1 || s.Capacity > scheduling.MaxCapacity {
			return errs.Field("body.capacity", "capacity must be from 1 to %d", scheduling.MaxCapacity)
		}
	}
	if in.IsActive != nil {
		s.IsActive = *in.IsActive
	}
	return nil
}

type serviceBody struct {
	Body ServiceOut
}

type serviceListIn struct {
	PageParams
	Active string `query:"is_active" doc:"only active (true) or inactive (false) services"`
}

func (s *Server) listServices(ctx context.Context, in *serviceListIn) (*struct{ Body Page[ServiceOut] }, error) {
	return s.servicePage(ctx, &in.PageParams, active(in.Active))
}

// servicePage answers a page of services (active: nil for all).
func (s *Server) servicePage(ctx context.Context, p *PageParams, active *bool) (*struct{ Body Page[ServiceOut] }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	list, total, err := s.Scheduling.Services(ctx, b, scheduling.ServiceFilter{Active: active, Paging: paging(p)})
	if err != nil {
		return nil, err
	}
	out := make([]ServiceOut, len(list))
	for i, svc := range list {
		out[i] = serviceOut(svc)
	}
	return &struct{ Body Page[ServiceOut] }{page(p, total, out)}, nil
}

func (s *Server) getService(ctx context.Context, in *IDPath) (*serviceBody, error) {
	if err := pathID("service", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	svc, err := s.Scheduling.Service(ctx, b, in.ID)
	if err != nil {
		return nil, err
	}
	return &serviceBody{serviceOut(*svc)}, nil
}

func (s *Server) createService(ctx context.Context, in *struct{ Body ServiceIn }) (*struct {
	Status int
	Body   ServiceOut
}, error) {
	if in.Body.Name == nil {
		return nil, errs.Field("body.name", "name is required")
	}
	if in.Body.DurationMinutes == nil {
		return nil, errs.Field("body.durationMinutes", "durationMinutes is required")
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	svc, err := s.Scheduling.CreateService(ctx, b, in.Body.apply)
	if err != nil {
		return nil, err
	}
	return &struct {
		Status int
		Body   ServiceOut
	}{201, serviceOut(*svc)}, nil
}

type servicePatchIn struct {
	IDPath
	Body ServiceIn
}

func (s *Server) updateService(ctx context.Context, in *servicePatchIn) (*serviceBody, error) {
	if err := pathID("service", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	svc, err := s.Scheduling.UpdateService(ctx, b, in.ID, in.Body.apply)
	if err != nil {
		return nil, err
	}
	return &serviceBody{serviceOut(*svc)}, nil
}

func (s *Server) deleteService(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	return s.deleted(ctx, "service", in.ID, s.Scheduling.DeleteService)
}
