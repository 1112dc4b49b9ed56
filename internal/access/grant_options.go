package access

// GrantOption is a permission a grantor may give, and the roles that may
// receive it from them.
type GrantOption struct {
	PermissionInfo
	// Roles are the grantee roles ValidateGrant accepts for it: on the
	// permission's side, below the grantor, not holding it by role already.
	Roles []Role
}

// GrantOptions lists what a user with role grantor may grant, in catalog
// order, by asking ValidateGrant itself (for a valid reason and duration, in
// the grantor's own business), so grant forms offer exactly what would be
// accepted. Permissions nobody may receive from grantor are left out.
func GrantOptions(grantor Role) []GrantOption {
	const tenant = "the grantor's business"
	by := Principal{Role: grantor}
	if grantor.IsTenant() {
		by.TenantID = tenant
	}
	var out []GrantOption
	for _, info := range catalog {
		if !info.Grantable {
			continue
		}
		var to []Role
		for _, r := range Roles() {
			tenantID := ""
			if r.IsTenant() {
				tenantID = tenant
			}
			if ValidateGrant(by, r, tenantID, info.Name, "listing grant options", MinGrantDuration) == nil {
				to = append(to, r)
			}
		}
		if len(to) > 0 {
			out = append(out, GrantOption{PermissionInfo: info, Roles: to})
		}
	}
	return out
}
