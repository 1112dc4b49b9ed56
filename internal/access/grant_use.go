package access

import "time"

// GrantFor returns the grant through which p may perform perm at now when
// p's role alone does not hold it (false: the role holds perm, or nothing
// gives it). The authorization middleware audits such uses (GRANT_USED).
func (p *Principal) GrantFor(perm Permission, now time.Time) (Grant, bool) {
	if p == nil || roleHolds(p.Role, perm) || !p.Can(perm, now) {
		return Grant{}, false
	}
	for _, g := range p.Grants {
		if g.Action == perm && g.GranteeID == p.UserID && g.Status(now) == GrantActive {
			return g, true
		}
	}
	return Grant{}, false
}
