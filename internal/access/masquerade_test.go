package access

import "testing"

// matrix is the masquerade matrix of the system we replace, as data: which
// target roles each actor role reaches, and under which tenant condition.
var matrix = map[Role]struct {
	targets    []Role
	sameTenant bool // target must be in the actor's tenant
	demoOnly   bool // target's tenant must be a demo tenant
	approval   bool // a tenant's approval requirement applies
}{
	Superuser:       {targets: Roles()},
	PlatformSupport: {targets: []Role{TenantOwner, TenantManager, TenantStaff, Customer}, approval: true},
	PlatformSales:   {targets: []Role{TenantOwner, TenantManager, TenantStaff, Customer}, demoOnly: true},
	TenantOwner:     {targets: []Role{TenantManager, TenantStaff}, sameTenant: true},
}

// TestCanMasqueradeExhaustive walks every role pair × self × chain ×
// disabled × demo × same/other tenant × approval required × approval
// granted (8 × 8 × 2⁷ cases) and checks the verdict and its rule code.
func TestCanMasqueradeExhaustive(t *testing.T) {
	bools := []bool{false, true}
	n := 0
	for _, ar := range Roles() {
		for _, tr := range Roles() {
			for _, self := range bools {
				for _, chain := range bools {
					for _, disabled := range bools {
						for _, demo := range bools {
							for _, same := range bools {
								for _, needApproval := range bools {
									for _, approved := range bools {
										n++
										actor, target := masqCase(ar, tr, self, chain, disabled, demo, same, needApproval, approved)
										want := expectMasq(ar, tr, self, chain, disabled, demo, same, needApproval, approved)
										got := CanMasquerade(actor, target)
										if got.Rule != want || got.Allowed != isAllowCode(want) || got.Reason == "" {
											t.Errorf("%+v → %+v: got %+v, want rule %q", actor, target, got, want)
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	if n != 8*8*128 {
		t.Fatalf("walked %d cases", n)
	}
}

func masqCase(ar, tr Role, self, chain, disabled, demo, same, needApproval, approved bool) (Actor, Target) {
	actor := Actor{UserID: "actor", Role: ar, Masquerading: chain}
	if ar.IsTenant() {
		actor.TenantID = "A"
	}
	target := Target{UserID: "target", Role: tr, Disabled: disabled, TenantIsDemo: demo,
		TenantRequiresApproval: needApproval, ApprovalGranted: approved}
	if self {
		target.UserID = actor.UserID
	}
	if tr.IsTenant() {
		target.TenantID = "B"
		if same {
			target.TenantID = "A"
		}
	}
	return actor, target
}

func expectMasq(ar, tr Role, self, chain, disabled, demo, same, needApproval, approved bool) string {
	switch {
	case chain:
		return MasqChain
	case self:
		return MasqSelf
	case disabled:
		return MasqDisabledTarget
	case tr == Superuser && ar != Superuser:
		return MasqSuperuserTarget
	}
	m, ok := matrix[ar]
	reaches := false
	for _, r := range m.targets {
		reaches = reaches || r == tr
	}
	sameTenant := same && tr.IsTenant() && ar.IsTenant()
	switch {
	case !ok:
		return MasqRoleNotAllowed
	case m.sameTenant && !sameTenant:
		return MasqOtherTenant
	case !reaches:
		return MasqRoleNotAllowed
	case m.demoOnly && !demo:
		return MasqNotDemoTenant
	case m.approval && needApproval && !approved:
		return MasqApprovalRequired
	}
	return map[Role]string{Superuser: MasqSuperuserAnyone, PlatformSupport: MasqSupportTenantUser,
		PlatformSales: MasqSalesDemoUser, TenantOwner: MasqOwnerOwnStaff}[ar]
}

func isAllowCode(code string) bool {
	switch code {
	case MasqSuperuserAnyone, MasqSupportTenantUser, MasqSalesDemoUser, MasqOwnerOwnStaff:
		return true
	}
	return false
}

// TestCanMasqueradeNamedCases spells out the matrix's headline cases.
func TestCanMasqueradeNamedCases(t *testing.T) {
	owner := Actor{UserID: "o", Role: TenantOwner, TenantID: "A"}
	support := Actor{UserID: "s", Role: PlatformSupport}
	sales := Actor{UserID: "sa", Role: PlatformSales}
	su := Actor{UserID: "su", Role: Superuser}
	for _, tc := range []struct {
		name   string
		actor  Actor
		target Target
		rule   string
	}{
		{"superuser → another superuser", su, Target{UserID: "su2", Role: Superuser}, MasqSuperuserAnyone},
		{"superuser → customer, approval ignored", su, Target{UserID: "c", Role: Customer, TenantID: "A", TenantRequiresApproval: true}, MasqSuperuserAnyone},
		{"superuser → itself", su, Target{UserID: "su", Role: Superuser}, MasqSelf},
		{"superuser inside a masquerade", Actor{UserID: "su", Role: Superuser, Masquerading: true}, Target{UserID: "x", Role: TenantStaff, TenantID: "A"}, MasqChain},
		{"manager → support", Actor{UserID: "m", Role: PlatformManager}, Target{UserID: "s", Role: PlatformSupport}, MasqRoleNotAllowed},
		{"manager → superuser", Actor{UserID: "m", Role: PlatformManager}, Target{UserID: "su", Role: Superuser}, MasqSuperuserTarget},
		{"support → owner", support, Target{UserID: "o", Role: TenantOwner, TenantID: "A"}, MasqSupportTenantUser},
		{"support → sales", support, Target{UserID: "sa", Role: PlatformSales}, MasqRoleNotAllowed},
		{"support → owner needing approval", support, Target{UserID: "o", Role: TenantOwner, TenantID: "A", TenantRequiresApproval: true}, MasqApprovalRequired},
		{"support → owner, approved", support, Target{UserID: "o", Role: TenantOwner, TenantID: "A", TenantRequiresApproval: true, ApprovalGranted: true}, MasqSupportTenantUser},
		{"support → disabled staff", support, Target{UserID: "x", Role: TenantStaff, TenantID: "A", Disabled: true}, MasqDisabledTarget},
		{"sales → demo owner", sales, Target{UserID: "o", Role: TenantOwner, TenantID: "D", TenantIsDemo: true}, MasqSalesDemoUser},
		{"sales → real owner", sales, Target{UserID: "o", Role: TenantOwner, TenantID: "A"}, MasqNotDemoTenant},
		{"sales → support", sales, Target{UserID: "s", Role: PlatformSupport}, MasqRoleNotAllowed},
		{"owner → own staff", owner, Target{UserID: "x", Role: TenantStaff, TenantID: "A"}, MasqOwnerOwnStaff},
		{"owner → own manager", owner, Target{UserID: "x", Role: TenantManager, TenantID: "A"}, MasqOwnerOwnStaff},
		{"owner → own customer", owner, Target{UserID: "x", Role: Customer, TenantID: "A"}, MasqRoleNotAllowed},
		{"owner → co-owner", owner, Target{UserID: "x", Role: TenantOwner, TenantID: "A"}, MasqRoleNotAllowed},
		{"owner → other tenant's staff", owner, Target{UserID: "x", Role: TenantStaff, TenantID: "B"}, MasqOtherTenant},
		{"owner without tenant", Actor{UserID: "o", Role: TenantOwner}, Target{UserID: "x", Role: TenantStaff}, MasqOtherTenant},
		{"manager → staff", Actor{UserID: "m", Role: TenantManager, TenantID: "A"}, Target{UserID: "x", Role: TenantStaff, TenantID: "A"}, MasqRoleNotAllowed},
		{"customer → anyone", Actor{UserID: "c", Role: Customer, TenantID: "A"}, Target{UserID: "x", Role: TenantStaff, TenantID: "A"}, MasqRoleNotAllowed},
		{"target with no valid role", su, Target{UserID: "x", Role: "ROOT"}, MasqRoleNotAllowed},
		{"actor without id", Actor{Role: Superuser}, Target{UserID: "x", Role: Customer, TenantID: "A"}, MasqSelf},
	} {
		got := CanMasquerade(tc.actor, tc.target)
		if got.Rule != tc.rule || got.Allowed != isAllowCode(tc.rule) {
			t.Errorf("%s: got %+v, want rule %q", tc.name, got, tc.rule)
		}
	}
}
