package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// ResourceOut is a resource as the API shows it.
type ResourceOut struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Type     string       `json:"type" enum:"STAFF,ROOM,EQUIPMENT"`
	UserID   *string      `json:"userId"`
	Timezone string       `json:"timezone" doc:"IANA zone; empty follows the business"`
	Capacity int          `json:"capacity"`
	IsActive bool         `json:"isActive"`
	Hours    []HoursRowIO `json:"hours" doc:"own weekly hours; null follows the business hours only"`
}

// ResourceIn is the body of resource writes; absent fields keep their value
// on PATCH.
type ResourceIn struct {
	Name     *string       `json:"name,omitempty"`
	Type     *string       `json:"type,omitempty" enum:"STAFF,ROOM,EQUIPMENT"`
	UserID   *string       `json:"userId,omitempty" nullable:"true" format:"uuid"`
	Timezone *string       `json:"timezone,omitempty" nullable:"true"`
	Capacity *int          `json:"capacity,omitempty"`
	IsActive *bool         `json:"isActive,omitempty"`
	Hours    *[]HoursRowIO `json:"hours,omitempty" nullable:"true"`
}

func resourceOut(r scheduling.Resource) ResourceOut {
	out := ResourceOut{ID: r.ID, Name: r.Name, Type: string(r.Type), UserID: r.UserID, Timezone: r.TimeZone,
		Capacity: r.Capacity, IsActive: r.IsActive}
	if r.Hours != nil {
		out.Hours = hoursOut(r.Hours)
	}
	return out
}

// apply sets the fields the request gives (the service validates).
func (in ResourceIn) apply(r *scheduling.Resource) error {
	if in.Name != nil {
		r.Name = *in.Name
	}
	if in.Type != nil {
		r.Type = scheduling.ResourceType(*in.Type)
	}
	if in.UserID != nil {
		r.UserID = in.UserID
		if *in.UserID == "" {
			r.UserID = nil
		}
	}
	if in.Timezone != nil {
		r.TimeZone = *in.Timezone
	}
	if in.Capacity != nil {
		r.Capacity = *in.Capacity
	}
	if in.IsActive != nil {
		r.IsActive = *in.IsActive
	}
	if in.Hours != nil {
		week, err := hoursIn("hours", *in.Hours)
		if err != nil {
			return err
		}
		r.Hours = week
		if r.Hours == nil {
			r.Hours = []scheduling.WeeklyInterval{}
		}
	}
	return nil
}

type resourceBody struct {
	Body ResourceOut
}

type resourceListIn struct {
	PageParams
	Type   string `query:"type" doc:"only resources of this type"`
	Active string `query:"is_active" doc:"only active (true) or inactive (false) resources"`
}

func (s *Server) listResources(ctx context.Context, in *resourceListIn) (*struct{ Body Page[ResourceOut] }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	f := scheduling.ResourceFilter{Type: scheduling.ResourceType(in.Type), Active: active(in.Active), Paging: paging(&in.PageParams)}
	list, total, err := s.Scheduling.Resources(ctx, b, f)
	if err != nil {
		return nil, err
	}
	out := make([]ResourceOut, len(list))
	for i, res := range list {
		out[i] = resourceOut(res)
	}
	return &struct{ Body Page[ResourceOut] }{page(&in.PageParams, total, out)}, nil
}

func (s *Server) getResource(ctx context.Context, in *IDPath) (*resourceBody, error) {
	if err := pathID("resource", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.Scheduling.Resource(ctx, b, in.ID)
	if err != nil {
		return nil, err
	}
	return &resourceBody{resourceOut(*res)}, nil
}

type resourceCreateIn struct {
	Body ResourceIn
}

func (s *Server) createResource(ctx context.Context, in *resourceCreateIn) (*createdResource, error) {
	if in.Body.Name == nil {
		return nil, errs.Field("body.name", "name is required")
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.Scheduling.CreateResource(ctx, b, in.Body.apply)
	if err != nil {
		return nil, err
	}
	return &createdResource{Status: 201, Body: resourceOut(*res)}, nil
}

type createdResource struct {
	Status int
	Body   ResourceOut
}

type resourcePatchIn struct {
	IDPath
	Body ResourceIn
}

func (s *Server) updateResource(ctx context.Context, in *resourcePatchIn) (*resourceBody, error) {
	if err := pathID("resource", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.Scheduling.UpdateResource(ctx, b, in.ID, in.Body.apply)
	if err != nil {
		return nil, err
	}
	return &resourceBody{resourceOut(*res)}, nil
}

func (s *Server) deleteResource(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	return s.deleted(ctx, "resource", in.ID, s.Scheduling.DeleteResource)
}
