package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// StaffItem is a platform staff user.
type StaffItem struct {
	ID          string     `json:"id"`
	Email       string     `json:"email"`
	Name        string     `json:"name"`
	Role        string     `json:"role"`
	Status      string     `json:"status" enum:"active,disabled"`
	MFAEnabled  bool       `json:"mfaEnabled"`
	LastLoginAt *time.Time `json:"lastLoginAt"`
	CreatedAt   time.Time  `json:"createdAt"`
}

func staffItem(u *identity.User) StaffItem {
	return StaffItem{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), Status: string(u.Status),
		MFAEnabled: u.MFAEnabled, LastLoginAt: u.LastLoginAt, CreatedAt: u.CreatedAt}
}

type staffListOut struct {
	Body Page[StaffItem]
}

func (s *Server) platformStaff(ctx context.Context, _ *struct{}) (*staffListOut, error) {
	list, err := s.Identity.PlatformStaff(ctx)
	if err != nil {
		return nil, err
	}
	out := &staffListOut{}
	out.Body.Results = make([]StaffItem, 0, len(list))
	for i := range list {
		out.Body.Results = append(out.Body.Results, staffItem(&list[i]))
	}
	out.Body.Count = len(list)
	return out, nil
}

type staffPatchIn struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Role   *string `json:"role,omitempty" maxLength:"32"`
		Status *string `json:"status,omitempty" enum:"active,disabled"`
		Name   *string `json:"name,omitempty" maxLength:"150"`
	}
}

// change reads the PATCH body of a staff user.
func (in *staffPatchIn) change() (identity.UserChange, error) {
	c := identity.UserChange{Name: in.Body.Name}
	if in.Body.Role != nil {
		r, err := access.ParseRole(*in.Body.Role)
		if err != nil {
			return c, err
		}
		c.Role = &r
	}
	if in.Body.Status != nil {
		st := identity.Status(*in.Body.Status)
		c.Status = &st
	}
	return c, nil
}

// updateStaff applies a staff PATCH in the host's realm (the platform's
// staff or a tenant's team: identity.UpdateStaff has one set of rules).
func (s *Server) updateStaff(ctx context.Context, in *staffPatchIn) (*identity.User, identity.Realm, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, realm, err
	}
	c, err := in.change()
	if err != nil {
		return nil, realm, err
	}
	u, err := s.Identity.UpdateStaff(ctx, principalFrom(ctx), realm, in.ID, c, clientFrom(ctx))
	return u, realm, err
}

type staffOut struct {
	Body StaffItem
}

func (s *Server) patchPlatformStaff(ctx context.Context, in *staffPatchIn) (*staffOut, error) {
	u, _, err := s.updateStaff(ctx, in)
	if err != nil {
		return nil, err
	}
	return &staffOut{Body: staffItem(u)}, nil
}
