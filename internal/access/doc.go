// Package access is SmoothSchedule's authorization policy, as pure functions
// of their inputs and a clock: roles and their ranks, the permission catalog
// and what each role holds, time-limited permission grants, the rule every
// HTTP route declares (Authorize), and the masquerade matrix (CanMasquerade).
//
// It imports only the standard library and internal/errs, so it can be tested
// exhaustively without a database or an HTTP server. Stores and handlers load
// facts (the user, the tenant, the grants) and ask this package for a verdict;
// they never re-implement a rule.
//
// The two sides of the system never mix:
//   - platform roles (SUPERUSER, PLATFORM_*) have no tenant and act only on the
//     platform host; they reach a tenant only by masquerade, where the acting
//     user is a tenant user;
//   - tenant roles (TENANT_*, CUSTOMER) belong to exactly one tenant and act
//     only on that tenant's hosts.
package access
