package httpapi_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestAnonymousBookingDoesNotRideOnStoredCustomer (issue 11, V2): an
// anonymous booker who gives a stored customer's email learns nothing of
// that record (the answer, its idempotent replay and the manage routes show
// the name the booker typed), cannot satisfy requirePaymentMethodToBook with
// the stored payment method, and changes neither the stored name, phone nor
// payment method. The booking is still attached to the record (so the
// business sees it under that customer) and keeps what the booker gave.
func TestAnonymousBookingDoesNotRideOnStoredCustomer(t *testing.T) {
	s := newSched(t, 10)
	b, _, service, _ := salon(t, s, "salon")
	b.must(200, "PATCH", "/api/business/settings/", map[string]any{"requirePaymentMethodToBook": true})
	book := func(at, name, pm string, hdr ...string) (int, map[string]any) {
		body := map[string]any{"serviceId": service, "startTime": at,
			"customer": map[string]any{"name": name, "email": "Victim@Example.com", "phone": "+1 555 0100"}}
		if pm != "" {
			body["paymentMethodId"] = pm
		}
		return b.call("POST", "/api/booking/", "", body, hdr...)
	}
	// The victim books first: their record is created with their details.
	if code, out := book("2026-01-05T09:00:00+01:00", "Victoria Secretname", "pm_victim"); code != 201 || out["customerName"] != "Victoria Secretname" {
		t.Fatalf("victim's booking: %d %v", code, out)
	}
	b.must(200, "PATCH", "/api/customers/"+customerID(t, b)+"/", map[string]any{"phone": "+49 30 999"})

	// Without a payment method of their own the attacker is refused.
	if code, out := book("2026-01-05T10:00:00+01:00", "Mallory", ""); code != 403 || out["paymentMethodRequired"] != true {
		t.Fatalf("stored payment method satisfied an anonymous booker: %d %v", code, out)
	}
	code, raw := b.raw("POST", "/api/booking/", "", map[string]any{"serviceId": service, "startTime": "2026-01-05T11:00:00+01:00",
		"paymentMethodId": "pm_attacker", "customer": map[string]any{"name": "Mallory", "email": "victim@example.com", "phone": "+1 555 0199"}},
		"Idempotency-Key", "mallory-1")
	if code != 201 || strings.Contains(string(raw), "Victoria") || !strings.Contains(string(raw), `"customerName":"Mallory"`) {
		t.Fatalf("anonymous booking with a stored email: %d %s", code, raw)
	}
	_, replay := b.raw("POST", "/api/booking/", "", map[string]any{"serviceId": service, "startTime": "2026-01-05T11:00:00+01:00",
		"paymentMethodId": "pm_attacker", "customer": map[string]any{"name": "Mallory", "email": "victim@example.com", "phone": "+1 555 0199"}},
		"Idempotency-Key", "mallory-1")
	if strings.Contains(string(replay), "Victoria") {
		t.Errorf("the replay discloses the stored name: %s", replay)
	}
	var out map[string]any
	_, out = b.call("GET", "/api/appointments/?start_date=2026-01-05&end_date=2026-01-05", b.owner, nil)
	var id string
	for _, a := range out["results"].([]any) {
		if a := a.(map[string]any); strings.HasPrefix(a["startTime"].(string), "2026-01-05T11:00") {
			id = a["id"].(string)
			if a["customerId"] != customerID(t, b) {
				t.Errorf("the booking is not attached to the customer with that email: %v", a)
			}
		}
	}
	_, moved := b.raw("POST", "/api/booking/appointments/"+id+"/reschedule/?token="+b.manage(id), "",
		map[string]any{"startTime": "2026-01-05T12:00:00+01:00"})
	_, cancelled := b.raw("POST", "/api/booking/appointments/"+id+"/cancel/?token="+b.manage(id), "", nil)
	for _, body := range [][]byte{moved, cancelled} {
		if strings.Contains(string(body), "Victoria") || !strings.Contains(string(body), "Mallory") {
			t.Errorf("a manage route discloses the stored name: %s", body)
		}
	}

	// Nothing of the stored record changed; the booking kept what the
	// booker gave.
	var name, phone, pm, bookerName, bookerPhone, apPM string
	err := b.db.InTenant(context.Background(), b.ten.Schema, func(tx pgx.Tx) error {
		if err := tx.QueryRow(context.Background(), `SELECT name, phone, payment_method_id FROM customers WHERE lower(email) = 'victim@example.com'`).
			Scan(&name, &phone, &pm); err != nil {
			return err
		}
		return tx.QueryRow(context.Background(), `SELECT booker_name, booker_phone, payment_method_id FROM appointments WHERE id = $1`, id).
			Scan(&bookerName, &bookerPhone, &apPM)
	})
	if err != nil {
		t.Fatal(err)
	}
	if name != "Victoria Secretname" || phone != "+49 30 999" || pm != "pm_victim" {
		t.Errorf("the stored customer was changed: %q %q %q", name, phone, pm)
	}
	if bookerName != "Mallory" || bookerPhone != "+1 555 0199" || apPM != "pm_attacker" {
		t.Errorf("the booking lost what its booker gave: %q %q %q", bookerName, bookerPhone, apPM)
	}
}

// customerID is the id of the customer with the victim's email.
func customerID(t *testing.T, b *biz) string {
	t.Helper()
	var id string
	err := b.db.InTenant(context.Background(), b.ten.Schema, func(tx pgx.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT id::text FROM customers WHERE lower(email) = 'victim@example.com'`).Scan(&id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
