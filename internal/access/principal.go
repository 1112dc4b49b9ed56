package access

import "time"

// Principal is the authenticated caller of one request, as the session layer
// resolved it. During a masquerade UserID, Role, TenantID and CustomerID are
// those of the acting (target) user and Impersonator* name the real person.
type Principal struct {
	UserID string
	Role   Role
	// TenantID is the user's tenant; "" for platform roles.
	TenantID string
	// CustomerID is the customer record linked to the user, if any.
	CustomerID string
	// ImpersonatorID is the user who started the masquerade; "" otherwise.
	ImpersonatorID   string
	ImpersonatorRole Role
	// Grants are the user's permission grants, active or not: Can checks
	// each one's state against the clock on every call.
	Grants []Grant
	// MFAVerified tells whether this session passed a second factor.
	MFAVerified bool
	// SessionID is the session the request authenticated with ("" when the
	// principal did not come from a session, e.g. in tests or API keys).
	SessionID string
}

// Masquerading reports whether p acts on behalf of another user.
func (p *Principal) Masquerading() bool { return p != nil && p.ImpersonatorID != "" }

// Can reports whether p may perform perm at now: p's role holds it, or one of
// p's grants names it, is addressed to p and is active at now. A grant never
// reaches across sides (a tenant user gains no platform.* permission even if
// a grant says so). A nil principal can do nothing.
func (p *Principal) Can(perm Permission, now time.Time) bool {
	if p == nil || !p.Role.Valid() {
		return false
	}
	if roleHolds(p.Role, perm) {
		return true
	}
	info, ok := Lookup(perm)
	if !ok || !info.Grantable || !info.fitsRole(p.Role) {
		return false
	}
	for _, g := range p.Grants {
		if g.Action == perm && g.GranteeID == p.UserID && g.Status(now) == GrantActive {
			return true
		}
	}
	return false
}

// Permissions lists what p can do at now, in catalog order (for
// GET /api/auth/me/).
func (p *Principal) Permissions(now time.Time) []Permission {
	var out []Permission
	for _, info := range catalog {
		if p.Can(info.Name, now) {
			out = append(out, info.Name)
		}
	}
	return out
}

// CanReadOwn reports whether p may read a record (an appointment, a customer
// file) that is linked to a user and/or a customer record, because the
// record is p's own: its user is p, or its customer is p's linked customer
// record. Nil links and empty IDs never match. Staff-wide reads are a
// separate check (Can with e.g. AppointmentsRead); CanReadOwn is for callers
// without it, such as customers.
func CanReadOwn(p *Principal, recordUserID, recordCustomerID *string) bool {
	if p == nil {
		return false
	}
	if recordUserID != nil && p.UserID != "" && *recordUserID == p.UserID {
		return true
	}
	return recordCustomerID != nil && p.CustomerID != "" && *recordCustomerID == p.CustomerID
}
