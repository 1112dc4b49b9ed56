package httpapi_test

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestBookingPolicies: fair assignment, payment-method requirement,
// cancellation window with a late fee, manage links, reschedule, and what
// customers see.
func TestBookingPolicies(t *testing.T) {
	s := newSched(t, 10)
	b, stylist, service, _ := salon(t, s, "salon")
	second := b.create("/api/resources/", map[string]any{"name": "Second", "type": "STAFF"})
	book := func(at, email string, extra map[string]any) (int, map[string]any) {
		body := map[string]any{"serviceId": service, "startTime": at, "customer": map[string]any{"name": email, "email": email}}
		for k, v := range extra {
			body[k] = v
		}
		return b.call("POST", "/api/booking/", "", body)
	}
	// Fair: with the stylist busier that day, "any" goes to the second.
	b.must(201, "POST", "/api/appointments/", map[string]any{"customerId": b.create("/api/customers/", map[string]any{"name": "Z"}),
		"resourceId": stylist, "serviceId": service, "startTime": "2026-01-05T09:00:00+01:00"})
	code, out := book("2026-01-05T14:00:00+01:00", "fair@example.com", nil)
	if code != 201 || out["resourceId"] != second {
		t.Fatalf("fair pick: %d %v", code, out)
	}
	if out["manageToken"] == "" || out["manageUrl"] == nil {
		t.Errorf("no manage link: %v", out)
	}

	// Policies: 24-hour window, 50 % late fee, payment method required.
	b.must(200, "PATCH", "/api/business/settings/", map[string]any{"cancellationWindowHours": 24, "lateCancellationFeePercent": 50,
		"requirePaymentMethodToBook": true, "resourcesCanReschedule": true})
	if cfg := b.must(200, "GET", "/api/business/settings/", nil); cfg["cancellationWindowHours"] != 24.0 {
		t.Fatalf("settings: %v", cfg)
	}
	if code, out := book("2026-01-05T15:00:00+01:00", "nopay@example.com", nil); code != 403 || out["paymentMethodRequired"] != true {
		t.Errorf("no payment method: %d %v", code, out)
	}
	code, out = book("2026-01-01T10:00:00+01:00", "soon@example.com", map[string]any{"paymentMethodId": "pm_test_1"})
	if code != 400 { // Thursday 1 January is closed (no Thursday hours)
		t.Errorf("closed day: %d %v", code, out)
	}
	code, late := book("2026-01-05T15:00:00+01:00", "late@example.com", map[string]any{"paymentMethodId": "pm_test_1"})
	if code != 201 {
		t.Fatalf("with a payment method: %d %v", code, late)
	}
	id, token := late["id"].(string), late["manageToken"].(string)
	// The test clock is 1 January 00:00 UTC: 5 January is outside the window.
	pv := b.must(200, "GET", "/api/booking/appointments/"+id+"/cancellation-preview/?token="+token, nil)
	if pv["lateCancellation"] != false || pv["feeAmount"] != nil {
		t.Errorf("preview outside the window: %v", pv)
	}
	if code, _ := b.call("GET", "/api/booking/appointments/"+id+"/cancellation-preview/?token=wrong", "", nil); code != 403 {
		t.Errorf("bad token: %d", code)
	}
	if code, _ := b.call("POST", "/api/booking/appointments/"+id+"/cancel/", "", nil); code != 401 {
		t.Errorf("no token: %d", code)
	}
	// Reschedule with the link to Wednesday; a late one gets the fee.
	moved := b.must(200, "POST", "/api/booking/appointments/"+id+"/reschedule/?token="+token, map[string]any{"startTime": "2026-01-07T09:00:00+01:00"})
	if moved["startTime"] != "2026-01-07T09:00:00+01:00" {
		t.Errorf("reschedule: %v", moved)
	}
	soon := b.create("/api/customers/", map[string]any{"name": "Soon", "email": "soonest@example.com"})
	near := b.must(201, "POST", "/api/appointments/", map[string]any{"customerId": soon, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-01T10:00:00+01:00"}) // staff may book a closed day
	nearTok := b.manage(near["id"].(string))
	pv = b.must(200, "GET", "/api/booking/appointments/"+near["id"].(string)+"/cancellation-preview/?token="+nearTok, nil)
	if pv["lateCancellation"] != true || pv["feeAmount"] != "25.00" || pv["feePercent"] != 50.0 {
		t.Errorf("late preview: %v", pv)
	}
	c := b.must(200, "POST", "/api/booking/appointments/"+near["id"].(string)+"/cancel/?token="+nearTok, nil)
	if c["status"] != "CANCELLED" || c["cancellationFee"] != "25.00" {
		t.Errorf("late cancel: %v", c)
	}

	// A signed-in customer sees only their own appointments.
	// (Its login is linked to the record of its email, as sign-up links it.)
	me := b.as(access.Customer, "late@example.com")
	list := b.mustAs(me, 200, "GET", "/api/appointments/", nil)
	if list["count"] != 1.0 {
		t.Errorf("customer list: %v", list)
	}
	if code, _ := b.call("GET", "/api/appointments/"+near["id"].(string)+"/", me, nil); code != 404 {
		t.Errorf("another customer's appointment: %d", code)
	}
	b.mustAs(me, 200, "GET", "/api/appointments/"+id+"/", nil)
	b.mustAs(me, 200, "POST", "/api/booking/appointments/"+id+"/cancel/", nil)

	// Staff move their own resource's appointments under the policy.
	staffUser, staff := b.SignIn("stylist@salon.example", access.TenantStaff, b.ten.ID)
	b.must(200, "PATCH", "/api/resources/"+second+"/", map[string]any{"userId": staffUser.ID})
	own := b.must(201, "POST", "/api/appointments/", map[string]any{"customerId": soon, "resourceId": second, "serviceId": service,
		"startTime": "2026-01-12T10:00:00+01:00"})
	b.mustAs(staff, 200, "PATCH", "/api/appointments/"+own["id"].(string)+"/", map[string]any{"startTime": "2026-01-12T11:00:00+01:00"})
	if code, _ := b.call("PATCH", "/api/appointments/"+own["id"].(string)+"/", staff, map[string]any{"status": "CANCELLED"}); code != 403 {
		t.Errorf("staff status change: %d", code)
	}
	notOwn := b.must(201, "POST", "/api/appointments/", map[string]any{"customerId": soon, "resourceId": stylist, "serviceId": service,
		"startTime": "2026-01-12T10:00:00+01:00"})
	if code, _ := b.call("PATCH", "/api/appointments/"+notOwn["id"].(string)+"/", staff, map[string]any{"startTime": "2026-01-12T12:00:00+01:00"}); code != 403 {
		t.Errorf("staff moving another's appointment: %d", code)
	}

	// The dashboard sees the month.
	d := b.must(200, "GET", "/api/dashboard/?start_date=2026-01-01&end_date=2026-01-31", nil)
	if d["appointments"] == 0.0 || len(d["series"].([]any)) != 31 || len(d["utilisation"].([]any)) != 2 {
		t.Errorf("dashboard: %v", d)
	}
}

// manage returns the manage token of a staff-made appointment (which has
// no booking confirmation), computed the server's way.
func (b *biz) manage(id string) string {
	return manageToken(b.ten.ID, id)
}

func (b *biz) mustAs(user string, want int, method, path string, body any) map[string]any {
	b.t.Helper()
	code, out := b.call(method, path, user, body)
	if code != want {
		b.t.Fatalf("%s %s: %d, want %d: %v", method, path, code, want, out)
	}
	return out
}
