package access_test

import (
	"fmt"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// A handler's route declares its rule; middleware asks Authorize.
func ExampleAuthorize() {
	rule := access.Rule{Scope: access.ScopeTenant, Permission: access.ServicesWrite, Description: "change a service"}
	acme := access.Site{Scope: access.ScopeTenant, TenantID: "acme"}
	now := time.Now()

	manager := &access.Principal{UserID: "u1", Role: access.TenantManager, TenantID: "acme"}
	staff := &access.Principal{UserID: "u2", Role: access.TenantStaff, TenantID: "acme"}
	otherOwner := &access.Principal{UserID: "u3", Role: access.TenantOwner, TenantID: "globex"}

	fmt.Println(access.Authorize(rule, manager, acme, now))
	fmt.Println(access.Authorize(rule, staff, acme, now))
	fmt.Println(access.Authorize(rule, otherOwner, acme, now))
	fmt.Println(access.Authorize(rule, nil, acme, now))
	// Output:
	// <nil>
	// "change a service" requires the permission services.write
	// "change a service": this session is not valid on this host; sign in here
	// "change a service" requires signing in
}

func ExampleCanMasquerade() {
	support := access.Actor{UserID: "s1", Role: access.PlatformSupport}
	owner := access.Target{UserID: "o1", Role: access.TenantOwner, TenantID: "acme", TenantRequiresApproval: true}

	fmt.Printf("%+v\n", access.CanMasquerade(support, owner))
	owner.ApprovalGranted = true
	fmt.Printf("%+v\n", access.CanMasquerade(support, owner))
	// Output:
	// {Allowed:false Rule:approval_required Reason:this business requires its owner's approval before support may act as its users}
	// {Allowed:true Rule:support_tenant_user Reason:PLATFORM_SUPPORT may masquerade as users of a business}
}
