package httpapi

import (
	"context"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/identity"
	"github.com/smoothschedule/smoothschedule/internal/platform"
)

// PlatformUserItem is a user as the platform console shows it.
type PlatformUserItem struct {
	ID                string     `json:"id"`
	Email             string     `json:"email"`
	Name              string     `json:"name"`
	Role              string     `json:"role"`
	BusinessID        *string    `json:"businessId"`
	BusinessName      *string    `json:"businessName"`
	BusinessSubdomain *string    `json:"businessSubdomain"`
	Status            string     `json:"status" enum:"active,disabled"`
	IsActive          bool       `json:"isActive"`
	MFAEnabled        bool       `json:"mfaEnabled"`
	LastLoginAt       *time.Time `json:"lastLoginAt"`
	CreatedAt         time.Time  `json:"createdAt"`
}

func platformUserItem(r *platform.UserRow) PlatformUserItem {
	u := PlatformUserItem{ID: r.ID, Email: r.Email, Name: r.Name, Role: string(r.Role), BusinessID: r.TenantID,
		Status: string(r.Status), IsActive: r.Status == identity.StatusActive, MFAEnabled: r.MFAEnabled,
		LastLoginAt: r.LastLoginAt, CreatedAt: r.CreatedAt}
	if r.TenantID != nil {
		u.BusinessName, u.BusinessSubdomain = &r.BusinessName, &r.BusinessSlug
	}
	return u
}

type userListIn struct {
	Search     string `query:"search" maxLength:"100" doc:"part of the email or name"`
	Role       string `query:"role" maxLength:"32"`
	BusinessID string `query:"business_id" maxLength:"64"`
	Status     string `query:"status" enum:"active,disabled,"`
	PageParams
}

type userListOut struct{ Body Page[PlatformUserItem] }

func (s *Server) listPlatformUsers(ctx context.Context, in *userListIn) (*userListOut, error) {
	rows, total, err := s.Admin.Admin.Users(ctx, platform.UserFilter{Search: in.Search, Role: in.Role, BusinessID: in.BusinessID,
		Status: in.Status, Limit: in.limit(), Offset: in.offset()})
	if err != nil {
		return nil, err
	}
	items := make([]PlatformUserItem, len(rows))
	for i := range rows {
		items[i] = platformUserItem(&rows[i])
	}
	return &userListOut{Body: page(&in.PageParams, total, items)}, nil
}

type platformUserOut struct{ Body PlatformUserItem }

func userOut(r *platform.UserRow, err error) (*platformUserOut, error) {
	if err != nil {
		return nil, err
	}
	return &platformUserOut{Body: platformUserItem(r)}, nil
}

func (s *Server) getPlatformUser(ctx context.Context, in *objectIDPath) (*platformUserOut, error) {
	return userOut(s.Admin.User(ctx, in.ID))
}

func (s *Server) userStatus(to identity.Status) func(context.Context, *objectIDPath) (*platformUserOut, error) {
	return func(ctx context.Context, in *objectIDPath) (*platformUserOut, error) {
		return userOut(s.Admin.SetUserStatus(ctx, principalFrom(ctx), in.ID, to))
	}
}
