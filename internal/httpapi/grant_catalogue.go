package httpapi

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// GrantOptionOut is a permission the caller may grant, as grant forms offer it.
type GrantOptionOut struct {
	Name        string   `json:"name" doc:"the permission, e.g. customers.write"`
	Description string   `json:"description" doc:"what it lets the grantee do, in a sentence"`
	Scope       string   `json:"scope" enum:"tenant,platform,any"`
	Roles       []string `json:"roles" doc:"the roles that may receive it from you: on its side, below your role, not holding it already"`
}

// grantCatalogue lists what the caller's role may grant and to whom, so the
// web app's grant forms offer exactly what the server would accept.
func (s *Server) grantCatalogue(ctx context.Context, _ *struct{}) (*struct{ Body Page[GrantOptionOut] }, error) {
	opts := access.GrantOptions(principalFrom(ctx).Role)
	out := make([]GrantOptionOut, len(opts))
	for i, o := range opts {
		roles := make([]string, len(o.Roles))
		for j, r := range o.Roles {
			roles[j] = string(r)
		}
		out[i] = GrantOptionOut{Name: string(o.Name), Description: o.Description, Scope: o.Scope.String(), Roles: roles}
	}
	return &struct{ Body Page[GrantOptionOut] }{Page[GrantOptionOut]{Count: len(out), Results: out}}, nil
}
