package scheduling

import (
	"context"
	"time"
)

// The units of work of the business's catalogue and calendar: resources,
// services, hours and date overrides, blockers and customers. Each method
// opens one transaction. Creations start from the domain's defaults, apply
// the caller's fill (what the request sets), and are validated here;
// changes read the stored record, apply change and validate in the same
// transaction that writes it.

// Paging selects a page of a list; Limit 0 means all.
type Paging struct{ Limit, Offset int }

// page cuts one page out of a list, as p selects.
func page[T any](list []T, p Paging) []T {
	lo, hi := min(p.Offset, len(list)), len(list)
	if p.Limit > 0 {
		hi = min(lo+p.Limit, len(list))
	}
	return list[lo:hi]
}

// one reads a single record in its own unit of work.
func one[T any](ctx context.Context, s *Scheduler, b Business, get func(Repo) (*T, error)) (*T, error) {
	var v *T
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		v, err = get(r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// create fills a new record (v holds the defaults), validates it, and
// inserts it in one unit of work, after the plan's quota when there is one.
func create[T any](ctx context.Context, s *Scheduler, b Business, v *T, fill, validate func(*T) error, quota Quota,
	insert func(Repo, *T) error) (*T, error) {
	if err := fill(v); err != nil {
		return nil, err
	}
	if err := validate(v); err != nil {
		return nil, err
	}
	return one(ctx, s, b, func(r Repo) (*T, error) {
		if quota != "" {
			if err := s.within(ctx, r, b, quota); err != nil {
				return nil, err
			}
		}
		return v, insert(r, v)
	})
}

// change reads a record, applies edit, validates and writes it, in one
// unit of work.
func change[T any](ctx context.Context, s *Scheduler, b Business, get func(Repo) (*T, error), edit func(*T) error,
	validate func(*T) error, put func(Repo, *T) error) (*T, error) {
	return one(ctx, s, b, func(r Repo) (*T, error) {
		v, err := get(r)
		if err != nil {
			return nil, err
		}
		if err := edit(v); err != nil {
			return nil, err
		}
		if err := validate(v); err != nil {
			return nil, err
		}
		return v, put(r, v)
	})
}

// ResourceFilter selects resources; zero fields select all.
type ResourceFilter struct {
	Type   ResourceType
	Active *bool
	Paging
}

// Resources lists a page of the resources f selects, with their number.
func (s *Scheduler) Resources(ctx context.Context, b Business, f ResourceFilter) ([]Resource, int, error) {
	var list []Resource
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		all, err := r.ListResources(ctx, f.Active != nil && *f.Active)
		for _, res := range all {
			if (f.Type == "" || res.Type == f.Type) && (f.Active == nil || res.IsActive == *f.Active) {
				list = append(list, res)
			}
		}
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return page(list, f.Paging), len(list), nil
}

// BookableResources are the active resources a customer may choose for
// serviceID (those of its first requirement), or all active ones when
// serviceID is "".
func (s *Scheduler) BookableResources(ctx context.Context, b Business, serviceID string) ([]Resource, error) {
	list := []Resource{}
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var need *Requirement
		if serviceID != "" {
			svc, err := r.GetService(ctx, serviceID)
			if err != nil {
				return err
			}
			need = &svc.Needs()[0]
		}
		all, err := r.ListResources(ctx, true)
		for _, res := range all {
			if need == nil || need.admits(res) {
				list = append(list, res)
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}

// admits reports whether res can fill the requirement: one of its
// resources, or of its type when it names none.
func (q Requirement) admits(res Resource) bool {
	if len(q.ResourceIDs) == 0 {
		return res.Type == q.Type
	}
	for _, id := range q.ResourceIDs {
		if id == res.ID {
			return true
		}
	}
	return false
}

// Resource reads one resource.
func (s *Scheduler) Resource(ctx context.Context, b Business, id string) (*Resource, error) {
	return one(ctx, s, b, func(r Repo) (*Resource, error) { return r.GetResource(ctx, id) })
}

// CreateResource adds a resource (by default a STAFF resource of one seat,
// active) within the plan's maxResources.
func (s *Scheduler) CreateResource(ctx context.Context, b Business, fill func(*Resource) error) (*Resource, error) {
	return create(ctx, s, b, &Resource{Capacity: 1, IsActive: true, Type: Staff}, fill, (*Resource).Validate,
		QuotaResources, func(r Repo, res *Resource) error { return r.CreateResource(ctx, res) })
}

// UpdateResource changes a resource.
func (s *Scheduler) UpdateResource(ctx context.Context, b Business, id string, edit func(*Resource) error) (*Resource, error) {
	return change(ctx, s, b, func(r Repo) (*Resource, error) { return r.GetResource(ctx, id) }, edit,
		(*Resource).Validate, func(r Repo, res *Resource) error { return r.UpdateResource(ctx, res) })
}

// DeleteResource deletes a resource without appointments.
func (s *Scheduler) DeleteResource(ctx context.Context, b Business, id string) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.DeleteResource(ctx, id) })
}

// ServiceFilter selects services; zero fields select all.
type ServiceFilter struct {
	Active *bool
	Paging
}

// Services lists a page of the services f selects, with their number.
func (s *Scheduler) Services(ctx context.Context, b Business, f ServiceFilter) ([]Service, int, error) {
	var list []Service
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		all, err := r.ListServices(ctx, f.Active != nil && *f.Active)
		for _, svc := range all {
			if f.Active == nil || svc.IsActive == *f.Active {
				list = append(list, svc)
			}
		}
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return page(list, f.Paging), len(list), nil
}

// Service reads one service.
func (s *Scheduler) Service(ctx context.Context, b Business, id string) (*Service, error) {
	return one(ctx, s, b, func(r Repo) (*Service, error) { return r.GetService(ctx, id) })
}

// CreateService adds a service (by default active, for one customer at a
// time, priced in USD) within the plan's maxServices.
func (s *Scheduler) CreateService(ctx context.Context, b Business, fill func(*Service) error) (*Service, error) {
	return create(ctx, s, b, &Service{Currency: "USD", IsActive: true, Capacity: 1}, fill, (*Service).Validate,
		QuotaServices, func(r Repo, svc *Service) error { return r.CreateService(ctx, svc) })
}

// UpdateService changes a service.
func (s *Scheduler) UpdateService(ctx context.Context, b Business, id string, edit func(*Service) error) (*Service, error) {
	return change(ctx, s, b, func(r Repo) (*Service, error) { return r.GetService(ctx, id) }, edit,
		(*Service).Validate, func(r Repo, svc *Service) error { return r.UpdateService(ctx, svc) })
}

// DeleteService deletes a service without appointments.
func (s *Scheduler) DeleteService(ctx context.Context, b Business, id string) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.DeleteService(ctx, id) })
}

// BusinessHours reads the business's week.
func (s *Scheduler) BusinessHours(ctx context.Context, b Business) ([]WeeklyInterval, error) {
	var week []WeeklyInterval
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		week, err = r.BusinessHours(ctx)
		return err
	})
	return week, err
}

// SetBusinessHours replaces the business's week (validated by the caller,
// which names the list: ValidateHours).
func (s *Scheduler) SetBusinessHours(ctx context.Context, b Business, week []WeeklyInterval) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.SetBusinessHours(ctx, week) })
}

// Overrides lists a page of the date overrides, with their number.
func (s *Scheduler) Overrides(ctx context.Context, b Business, p Paging) ([]OverrideRow, int, error) {
	var rows []OverrideRow
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		rows, err = r.ListOverrides(ctx)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return page(rows, p), len(rows), nil
}

// CreateOverride closes a date, or sets one interval of special hours on it.
func (s *Scheduler) CreateOverride(ctx context.Context, b Business, o *OverrideRow) error {
	dov := DateOverride{Date: o.Date, Closed: o.Closed}
	if !o.Closed {
		dov.Intervals = []TimeRange{{Open: o.Open, Close: o.Close}}
	}
	if err := dov.ValidateOverride(); err != nil {
		return err
	}
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.CreateOverride(ctx, o) })
}

// DeleteOverride deletes a date override.
func (s *Scheduler) DeleteOverride(ctx context.Context, b Business, id string) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.DeleteOverride(ctx, id) })
}

// Blockers lists a page of the blockers that may block time in [from, to)
// (zero: open ends), of one resource when resourceID is set.
func (s *Scheduler) Blockers(ctx context.Context, b Business, from, to time.Time, resourceID string, p Paging) ([]Blocker, int, error) {
	var list []Blocker
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		list, err = r.ListBlockers(ctx, from, to, resourceID)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return page(list, p), len(list), nil
}

// Blocker reads one blocker.
func (s *Scheduler) Blocker(ctx context.Context, b Business, id string) (*Blocker, error) {
	return one(ctx, s, b, func(r Repo) (*Blocker, error) { return r.GetBlocker(ctx, id) })
}

// CreateBlocker adds a blocker.
func (s *Scheduler) CreateBlocker(ctx context.Context, b Business, fill func(*Blocker) error) (*Blocker, error) {
	return create(ctx, s, b, &Blocker{}, fill, (*Blocker).Validate,
		"", func(r Repo, bl *Blocker) error { return r.CreateBlocker(ctx, bl) })
}

// UpdateBlocker changes a blocker.
func (s *Scheduler) UpdateBlocker(ctx context.Context, b Business, id string, edit func(*Blocker) error) (*Blocker, error) {
	return change(ctx, s, b, func(r Repo) (*Blocker, error) { return r.GetBlocker(ctx, id) }, edit,
		(*Blocker).Validate, func(r Repo, bl *Blocker) error { return r.UpdateBlocker(ctx, bl) })
}

// DeleteBlocker deletes a blocker.
func (s *Scheduler) DeleteBlocker(ctx context.Context, b Business, id string) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.DeleteBlocker(ctx, id) })
}

// Customers lists the customers f selects, with their number.
func (s *Scheduler) Customers(ctx context.Context, b Business, f CustomerFilter) ([]Customer, int, error) {
	var list []Customer
	var total int
	err := s.Store.Tx(ctx, b, func(r Repo) error {
		var err error
		list, total, err = r.ListCustomers(ctx, f)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return list, total, nil
}

// Customer reads one customer.
func (s *Scheduler) Customer(ctx context.Context, b Business, id string) (*Customer, error) {
	return one(ctx, s, b, func(r Repo) (*Customer, error) { return r.GetCustomer(ctx, id) })
}

// CreateCustomer adds a customer (active, without tags, by default).
func (s *Scheduler) CreateCustomer(ctx context.Context, b Business, fill func(*Customer) error) (*Customer, error) {
	return create(ctx, s, b, &Customer{Status: CustomerActive, Tags: []string{}}, fill, (*Customer).Validate,
		"", func(r Repo, c *Customer) error { return r.CreateCustomer(ctx, c) })
}

// UpdateCustomer changes a customer.
func (s *Scheduler) UpdateCustomer(ctx context.Context, b Business, id string, edit func(*Customer) error) (*Customer, error) {
	return change(ctx, s, b, func(r Repo) (*Customer, error) { return r.GetCustomer(ctx, id) }, edit,
		(*Customer).Validate, func(r Repo, c *Customer) error { return r.UpdateCustomer(ctx, c) })
}

// DeleteCustomer deletes a customer without appointments.
func (s *Scheduler) DeleteCustomer(ctx context.Context, b Business, id string) error {
	return s.Store.Tx(ctx, b, func(r Repo) error { return r.DeleteCustomer(ctx, id) })
}
