package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/errs"
	"github.com/smoothschedule/smoothschedule/internal/identity"
)

// TeamMember is a business's staff user (owner, manager or staff) with the
// resource linked to it, if any.
type TeamMember struct {
	StaffItem
	ResourceID *string `json:"resourceId" doc:"the STAFF resource linked to this user; null when none"`
}

func teamMember(m *identity.StaffMember) TeamMember {
	return TeamMember{StaffItem: staffItem(&m.User), ResourceID: optID(m.ResourceID)}
}

type teamOut struct {
	Body Page[TeamMember]
}

// team lists the business's staff users (customers are /api/customers/).
func (s *Server) team(ctx context.Context, _ *struct{}) (*teamOut, error) {
	realm, err := s.realm(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.Identity.Team(ctx, realm)
	if err != nil {
		return nil, err
	}
	out := &teamOut{}
	out.Body.Results = make([]TeamMember, 0, len(list))
	for i := range list {
		out.Body.Results = append(out.Body.Results, teamMember(&list[i]))
	}
	out.Body.Count = len(list)
	return out, nil
}

type teamMemberOut struct {
	Body TeamMember
}

// patchTeamMember changes a staff user's role, status or name and answers
// with the member as the list shows it.
func (s *Server) patchTeamMember(ctx context.Context, in *staffPatchIn) (*teamMemberOut, error) {
	u, realm, err := s.updateStaff(ctx, in)
	if err != nil {
		return nil, err
	}
	list, err := s.Identity.Team(ctx, realm)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == u.ID {
			return &teamMemberOut{Body: teamMember(&list[i])}, nil
		}
	}
	return nil, errs.E(errs.NotFound, "no staff user %q here", u.ID)
}
