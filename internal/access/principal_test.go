package access

import (
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func grantFor(grantee string, action Permission, expires time.Duration) Grant {
	return Grant{ID: "g", GrantorID: "boss", GranteeID: grantee, Action: action, Reason: "r",
		CreatedAt: t0, ExpiresAt: t0.Add(expires)}
}

func TestCanWithGrants(t *testing.T) {
	revokedAt := t0.Add(time.Minute)
	revoked := grantFor("u", ResourcesWrite, time.Hour)
	revoked.RevokedAt = &revokedAt
	for _, tc := range []struct {
		name  string
		p     *Principal
		perm  Permission
		now   time.Time
		wantC bool
	}{
		{"nil principal", nil, SessionsManage, t0, false},
		{"role holds it", &Principal{UserID: "u", Role: TenantManager}, ResourcesWrite, t0, true},
		{"role lacks it", &Principal{UserID: "u", Role: TenantStaff}, ResourcesWrite, t0, false},
		{"invalid role", &Principal{UserID: "u", Role: "ROOT"}, SessionsManage, t0, false},
		{"active grant", &Principal{UserID: "u", Role: TenantStaff, Grants: []Grant{grantFor("u", ResourcesWrite, time.Hour)}}, ResourcesWrite, t0.Add(59 * time.Minute), true},
		{"grant expires exactly at ExpiresAt", &Principal{UserID: "u", Role: TenantStaff, Grants: []Grant{grantFor("u", ResourcesWrite, time.Hour)}}, ResourcesWrite, t0.Add(time.Hour), false},
		{"expired grant", &Principal{UserID: "u", Role: TenantStaff, Grants: []Grant{grantFor("u", ResourcesWrite, time.Hour)}}, ResourcesWrite, t0.Add(2 * time.Hour), false},
		{"revoked grant", &Principal{UserID: "u", Role: TenantStaff, Grants: []Grant{revoked}}, ResourcesWrite, t0, false},
		{"grant for someone else", &Principal{UserID: "u", Role: TenantStaff, Grants: []Grant{grantFor("v", ResourcesWrite, time.Hour)}}, ResourcesWrite, t0, false},
		{"grant for another action", &Principal{UserID: "u", Role: TenantStaff, Grants: []Grant{grantFor("u", ServicesWrite, time.Hour)}}, ResourcesWrite, t0, false},
		{"platform grant to a tenant user is ignored", &Principal{UserID: "u", Role: TenantOwner, Grants: []Grant{grantFor("u", PlatformBusinessesRead, time.Hour)}}, PlatformBusinessesRead, t0, false},
		{"tenant grant to a platform user is ignored", &Principal{UserID: "u", Role: PlatformSupport, Grants: []Grant{grantFor("u", ResourcesWrite, time.Hour)}}, ResourcesWrite, t0, false},
		{"non-grantable action is ignored", &Principal{UserID: "u", Role: TenantManager, Grants: []Grant{grantFor("u", SupportApprove, time.Hour)}}, SupportApprove, t0, false},
		{"unknown action is ignored", &Principal{UserID: "u", Role: TenantManager, Grants: []Grant{grantFor("u", "x.y", time.Hour)}}, "x.y", t0, false},
		{"platform grant to support", &Principal{UserID: "u", Role: PlatformSupport, Grants: []Grant{grantFor("u", PlatformAuditRead, time.Hour)}}, PlatformAuditRead, t0, true},
	} {
		if got := tc.p.Can(tc.perm, tc.now); got != tc.wantC {
			t.Errorf("%s: Can(%s) = %v, want %v", tc.name, tc.perm, got, tc.wantC)
		}
	}
}

func TestPermissions(t *testing.T) {
	p := &Principal{UserID: "u", Role: Customer, Grants: []Grant{grantFor("u", CustomersRead, time.Hour)}}
	want := []Permission{CustomersRead, AppointmentsOwn, SessionsManage}
	if got := p.Permissions(t0); !slices.Equal(got, want) {
		t.Errorf("Permissions() = %v, want %v", got, want)
	}
	if got := p.Permissions(t0.Add(time.Hour)); !slices.Equal(got, want[1:]) {
		t.Errorf("after expiry Permissions() = %v, want %v", got, want[1:])
	}
}

func TestCanReadOwn(t *testing.T) {
	s := func(v string) *string { return &v }
	cust := &Principal{UserID: "u1", Role: Customer, TenantID: "t", CustomerID: "c1"}
	noRecord := &Principal{UserID: "u2", Role: Customer, TenantID: "t"}
	for _, tc := range []struct {
		name     string
		p        *Principal
		user, cr *string
		want     bool
	}{
		{"linked by user", cust, s("u1"), nil, true},
		{"linked by customer record", cust, nil, s("c1"), true},
		{"linked by both", cust, s("u1"), s("c1"), true},
		{"another customer's record", cust, s("u9"), s("c9"), false},
		{"other user, own customer record", cust, s("u9"), s("c1"), true},
		{"no links", cust, nil, nil, false},
		{"empty customer id never matches", noRecord, nil, s(""), false},
		{"empty user id never matches", &Principal{Role: Customer, CustomerID: "c1"}, s(""), nil, false},
		{"anonymous", nil, s("u1"), s("c1"), false},
	} {
		if got := CanReadOwn(tc.p, tc.user, tc.cr); got != tc.want {
			t.Errorf("%s: CanReadOwn = %v, want %v", tc.name, got, tc.want)
		}
	}
}
