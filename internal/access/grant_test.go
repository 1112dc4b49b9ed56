package access

import (
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func TestGrantStatus(t *testing.T) {
	g := grantFor("u", ResourcesWrite, 30*time.Minute)
	for _, tc := range []struct {
		now  time.Time
		want GrantStatus
	}{
		{t0, GrantActive},
		{t0.Add(30*time.Minute - time.Nanosecond), GrantActive},
		{t0.Add(30 * time.Minute), GrantExpired},
		{t0.Add(time.Hour), GrantExpired},
	} {
		if got := g.Status(tc.now); got != tc.want {
			t.Errorf("Status(%v) = %s, want %s", tc.now, got, tc.want)
		}
	}
	at := t0.Add(time.Hour) // even a revocation stamped later wins
	g.RevokedAt = &at
	if g.Status(t0) != GrantRevoked || g.Status(t0.Add(2*time.Hour)) != GrantRevoked {
		t.Error("a revoked grant must report revoked")
	}
}

func TestGrantDuration(t *testing.T) {
	for in, want := range map[int]time.Duration{0: 30 * time.Minute, 1: time.Minute, 480: 8 * time.Hour, -5: -5 * time.Minute} {
		if got := GrantDuration(in); got != want {
			t.Errorf("GrantDuration(%d) = %v, want %v", in, got, want)
		}
	}
}

func TestValidateGrant(t *testing.T) {
	manager := Principal{UserID: "m", Role: PlatformManager}
	owner := Principal{UserID: "o", Role: TenantOwner, TenantID: "A"}
	masq := owner
	masq.ImpersonatorID = "su"
	for _, tc := range []struct {
		name        string
		grantor     Principal
		granteeRole Role
		granteeTen  string
		action      Permission
		reason      string
		d           time.Duration
		want        errs.Code
		field       string
	}{
		{"manager → support, audit", manager, PlatformSupport, "", PlatformAuditRead, "ticket 42", DefaultGrantDuration, "", ""},
		{"superuser → staff, tenant action", Principal{UserID: "su", Role: Superuser}, TenantStaff, "A", ServicesWrite, "help", time.Hour, "", ""},
		{"owner → staff, write services", owner, TenantStaff, "A", ServicesWrite, "vacation cover", 8 * time.Hour, "", ""},
		{"owner → manager, settings", owner, TenantManager, "A", SettingsWrite, "rebrand", time.Hour, "", ""},
		{"no reason", manager, PlatformSupport, "", PlatformAuditRead, "  ", time.Hour, errs.Invalid, "reason"},
		{"reason too long", manager, PlatformSupport, "", PlatformAuditRead, strings.Repeat("x", 501), time.Hour, errs.Invalid, "reason"},
		{"too long", manager, PlatformSupport, "", PlatformAuditRead, "r", 8*time.Hour + time.Minute, errs.Invalid, "durationMinutes"},
		{"too short", manager, PlatformSupport, "", PlatformAuditRead, "r", 30 * time.Second, errs.Invalid, "durationMinutes"},
		{"negative", manager, PlatformSupport, "", PlatformAuditRead, "r", GrantDuration(-5), errs.Invalid, "durationMinutes"},
		{"unknown action", manager, PlatformSupport, "", "platform.money.print", "r", time.Hour, errs.Invalid, "action"},
		{"non-grantable action", manager, PlatformSupport, "", PlatformGrantsManage, "r", time.Hour, errs.Invalid, "action"},
		{"platform action to a tenant user", Principal{UserID: "su", Role: Superuser}, TenantOwner, "A", PlatformBusinessesRead, "r", time.Hour, errs.Invalid, "action"},
		{"tenant action to a platform user", Principal{UserID: "su", Role: Superuser}, PlatformSupport, "", ResourcesWrite, "r", time.Hour, errs.Invalid, "action"},
		{"grantee already holds it", owner, TenantManager, "A", ServicesWrite, "r", time.Hour, errs.Invalid, "action"},
		{"tenant grantee without tenant", owner, TenantStaff, "", ServicesWrite, "r", time.Hour, errs.Invalid, "businessId"},
		{"unknown grantee role", manager, "ROOT", "", PlatformAuditRead, "r", time.Hour, errs.Invalid, "role"},
		{"grantor lacks the action", Principal{UserID: "m", Role: PlatformManager}, PlatformSales, "", MasqueradeStart, "r", time.Hour, errs.Invalid, "action"},
		{"manager cannot grant what it lacks", owner, TenantStaff, "A", AppointmentsOwn, "r", time.Hour, errs.Forbidden, ""},
		{"support cannot grant at all", Principal{UserID: "s", Role: PlatformSupport}, PlatformSales, "", PlatformUsersRead, "r", time.Hour, errs.Forbidden, ""},
		{"tenant manager cannot grant", Principal{UserID: "tm", Role: TenantManager, TenantID: "A"}, TenantStaff, "A", ServicesWrite, "r", time.Hour, errs.Forbidden, ""},
		{"owner → other tenant's staff", owner, TenantStaff, "B", ServicesWrite, "r", time.Hour, errs.Forbidden, ""},
		{"owner → platform user", owner, PlatformSales, "", ServicesWrite, "r", time.Hour, errs.Invalid, "action"},
		// A peer or a superior already holds everything the grantor could give.
		{"owner → co-owner (peer)", owner, TenantOwner, "A", ServicesWrite, "r", time.Hour, errs.Invalid, "action"},
		{"manager → manager (peer)", manager, PlatformManager, "", PlatformAuditRead, "r", time.Hour, errs.Invalid, "action"},
		{"manager → superuser", manager, Superuser, "", PlatformAuditRead, "r", time.Hour, errs.Invalid, "action"},
		{"platform manager → tenant staff", manager, TenantStaff, "A", ServicesWrite, "r", time.Hour, errs.Forbidden, ""},
		{"while masquerading", masq, TenantStaff, "A", ServicesWrite, "r", time.Hour, errs.Forbidden, ""},
	} {
		err := ValidateGrant(tc.grantor, tc.granteeRole, tc.granteeTen, tc.action, tc.reason, tc.d)
		if got := errs.CodeOf(err); got != tc.want {
			t.Errorf("%s: ValidateGrant = %v (code %q), want %q", tc.name, err, got, tc.want)
			continue
		}
		if tc.field != "" {
			checkField(t, err, tc.field)
		}
	}
}

// TestGrantsNeverEscalate generates every grantor role × grantee role ×
// permission and proves a valid grant gives only what the grantor's role
// holds, to someone it outranks, on the grantee's own side — and that the
// grantee can then use it.
func TestGrantsNeverEscalate(t *testing.T) {
	for _, gr := range Roles() {
		grantor := Principal{UserID: "grantor", Role: gr}
		if gr.IsTenant() {
			grantor.TenantID = "A"
		}
		for _, ge := range Roles() {
			tenant := ""
			if ge.IsTenant() {
				tenant = "A"
			}
			for _, info := range Catalog() {
				if ValidateGrant(grantor, ge, tenant, info.Name, "reason", time.Hour) != nil {
					continue
				}
				if !roleHolds(gr, info.Name) || !Outranks(gr, ge) || !info.fitsRole(ge) || !info.Grantable {
					t.Errorf("%s may grant %s to %s", gr, info.Name, ge)
				}
				grantee := &Principal{UserID: "grantee", Role: ge, TenantID: tenant,
					Grants: []Grant{{GranteeID: "grantee", Action: info.Name, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}}}
				if !grantee.Can(info.Name, t0) || grantee.Can(info.Name, t0.Add(time.Hour)) {
					t.Errorf("grant of %s to %s is not honoured for exactly its lifetime", info.Name, ge)
				}
			}
		}
	}
}
