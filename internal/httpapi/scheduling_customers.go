package httpapi

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/scheduling"
)

// CustomerOut is a customer as the API shows it.
type CustomerOut struct {
	ID               string     `json:"id"`
	Name             string     `json:"name"`
	Email            string     `json:"email"`
	Phone            string     `json:"phone"`
	Tags             []string   `json:"tags"`
	Status           string     `json:"status" enum:"ACTIVE,INACTIVE,BLOCKED"`
	UserID           *string    `json:"userId"`
	Notes            string     `json:"notes"`
	TotalSpend       string     `json:"totalSpend" example:"120.00"`
	LastVisit        *time.Time `json:"lastVisit"`
	HasPaymentMethod bool       `json:"hasPaymentMethod"`
	CreatedAt        time.Time  `json:"createdAt"`
}

// CustomerIn is the body of customer writes; absent fields keep their value.
type CustomerIn struct {
	Name   *string   `json:"name,omitempty"`
	Email  *string   `json:"email,omitempty"`
	Phone  *string   `json:"phone,omitempty"`
	Tags   *[]string `json:"tags,omitempty"`
	Status *string   `json:"status,omitempty" doc:"ACTIVE, INACTIVE or BLOCKED (blocked customers cannot book)"`
	UserID *string   `json:"userId,omitempty" nullable:"true" doc:"a CUSTOMER login to link"`
	Notes  *string   `json:"notes,omitempty"`
}

func customerOut(c scheduling.Customer) CustomerOut {
	return CustomerOut{ID: c.ID, Name: c.Name, Email: c.Email, Phone: c.Phone, Tags: c.Tags, Status: strings.ToUpper(string(c.Status)),
		UserID: c.UserID, Notes: c.Notes, TotalSpend: c.TotalSpend.String(), LastVisit: c.LastVisit,
		HasPaymentMethod: c.PaymentMethodID != "", CreatedAt: c.CreatedAt}
}

// customerStatus reads ACTIVE / Active / active.
func customerStatus(s string) scheduling.CustomerStatus {
	if s == "" {
		return ""
	}
	return scheduling.CustomerStatus(strings.ToUpper(s[:1]) + strings.ToLower(s[1:]))
}

// apply sets the fields the request gives (the service validates).
func (in CustomerIn) apply(c *scheduling.Customer) error {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&c.Name, in.Name)
	set(&c.Email, in.Email)
	set(&c.Phone, in.Phone)
	set(&c.Notes, in.Notes)
	if in.Tags != nil {
		c.Tags = *in.Tags
	}
	if in.Status != nil {
		c.Status = customerStatus(*in.Status)
	}
	if in.UserID != nil {
		c.UserID = in.UserID
		if *in.UserID == "" {
			c.UserID = nil
		} else if err := bodyIDs("body.userId", *in.UserID); err != nil {
			return err
		}
	}
	return nil
}

// statusSpelled words the domain's status error as the API spells the
// statuses (ACTIVE, not Active).
func statusSpelled(err error) error {
	var e *errs.Error
	if errors.As(err, &e) {
		for i := range e.Fields {
			if e.Fields[i].Location == "status" {
				e.Fields[i].Message = "status must be ACTIVE, INACTIVE or BLOCKED"
			}
		}
	}
	return err
}

type customerListIn struct {
	PageParams
	Search string `query:"search" doc:"part of the name, email or phone"`
	Status string `query:"status" doc:"ACTIVE, INACTIVE or BLOCKED"`
	Tag    string `query:"tag"`
}

func (s *Server) listCustomers(ctx context.Context, in *customerListIn) (*struct{ Body Page[CustomerOut] }, error) {
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	f := scheduling.CustomerFilter{Search: in.Search, Status: customerStatus(in.Status), Tag: in.Tag, Limit: in.limit(), Offset: in.offset()}
	list, total, err := s.Scheduling.Customers(ctx, b, f)
	if err != nil {
		return nil, err
	}
	out := make([]CustomerOut, len(list))
	for i, c := range list {
		out[i] = customerOut(c)
	}
	return &struct{ Body Page[CustomerOut] }{page(&in.PageParams, total, out)}, nil
}

type customerBody struct {
	Body CustomerOut
}

func (s *Server) getCustomer(ctx context.Context, in *IDPath) (*customerBody, error) {
	if err := pathID("customer", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.Scheduling.Customer(ctx, b, in.ID)
	if err != nil {
		return nil, err
	}
	return &customerBody{customerOut(*c)}, nil
}

func (s *Server) createCustomer(ctx context.Context, in *struct{ Body CustomerIn }) (*struct {
	Status int
	Body   CustomerOut
}, error) {
	if in.Body.Name == nil {
		return nil, errs.Field("body.name", "name is required")
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.Scheduling.CreateCustomer(ctx, b, in.Body.apply)
	if err != nil {
		return nil, statusSpelled(err)
	}
	return &struct {
		Status int
		Body   CustomerOut
	}{201, customerOut(*c)}, nil
}

type customerPatchIn struct {
	IDPath
	Body CustomerIn
}

func (s *Server) updateCustomer(ctx context.Context, in *customerPatchIn) (*customerBody, error) {
	if err := pathID("customer", in.ID); err != nil {
		return nil, err
	}
	b, err := s.business(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.Scheduling.UpdateCustomer(ctx, b, in.ID, in.Body.apply)
	if err != nil {
		return nil, statusSpelled(err)
	}
	return &customerBody{customerOut(*c)}, nil
}

func (s *Server) deleteCustomer(ctx context.Context, in *IDPath) (*struct{ Status int }, error) {
	return s.deleted(ctx, "customer", in.ID, s.Scheduling.DeleteCustomer)
}
