package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/smoothschedule/smoothschedule/internal/access"
)

// TestRegisterLinksEarlierBookings: a customer who booked anonymously and
// then signs up with the same email (any letter case) sees that booking in
// the portal once they followed the emailed verification link: the login is linked to the existing customer record, not to
// a new one. An older login without a link is linked at its next sign-in.
// Sign-up answers alike for staff and customer emails, and exists only on
// tenant hosts.
func TestRegisterLinksEarlierBookings(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	const host = "acme.localhost"
	owner := e.signIn("owner@acme.example", access.TenantOwner, acme.ID, host)
	hours := make([]map[string]any, 7)
	for d := range hours {
		hours[d] = map[string]any{"dayOfWeek": d, "openTime": "09:00", "closeTime": "17:00"}
	}
	if code, _, doc := e.do("PUT", host, "/api/business-hours/", asJSON(hours), owner...); code != 200 {
		t.Fatalf("hours: %d %v", code, doc)
	}
	for _, c := range []struct {
		path string
		body map[string]any
	}{
		{"/api/resources/", map[string]any{"name": "Stylist", "type": "STAFF"}},
		{"/api/services/", map[string]any{"name": "Haircut", "durationMinutes": 30, "price": 50, "currency": "EUR"}},
	} {
		if code, _, doc := e.do("POST", host, c.path, c.body, owner...); code != 201 {
			t.Fatalf("%s: %d %v", c.path, code, doc)
		}
	}
	_, _, svcs := e.do("GET", host, "/api/booking/services/", nil)
	service := svcs["results"].([]any)[0].(map[string]any)["id"].(string)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	day := e.clock.Now().In(berlin).AddDate(0, 0, 3)
	book := func(hour int, email string) string {
		t.Helper()
		at := time.Date(day.Year(), day.Month(), day.Day(), hour, 0, 0, 0, berlin).Format(time.RFC3339)
		code, _, doc := e.do("POST", host, "/api/booking/", map[string]any{"serviceId": service, "startTime": at,
			"customer": map[string]any{"name": "Ann", "email": email}})
		if code != 201 {
			t.Fatalf("booking: %d %v", code, doc)
		}
		return doc["id"].(string)
	}
	booked := book(10, "ann@example.com")
	book(11, "someone-else@example.com")

	code, _, reg := e.do("POST", host, "/api/auth/register/", map[string]any{"email": "Ann@Example.com", "password": testPassword, "name": "Ann"})
	if code != 201 || reg["access"] == nil || reg["user"].(map[string]any)["role"] != "CUSTOMER" {
		t.Fatalf("register: %d %v", code, reg)
	}
	ann := bearer(reg["access"].(string))
	mine := func(who []string) []any {
		t.Helper()
		code, _, doc := e.do("GET", host, "/api/booking/appointments/?when=all", nil, who...)
		if code != 200 {
			t.Fatalf("portal: %d %v", code, doc)
		}
		return doc["results"].([]any)
	}
	// Until the emailed link is followed, the earlier booking is not shown.
	if list := mine(ann); len(list) != 0 {
		t.Errorf("portal before verifying the email: %v", list)
	}
	if code, _, doc := e.do("POST", host, "/api/auth/verify-email/", map[string]any{"token": e.mail.LinkTo(t, "ann@example.com")}); code != 200 {
		t.Fatalf("verify: %d %v", code, doc)
	}
	if list := mine(ann); len(list) != 1 || list[0].(map[string]any)["id"] != booked {
		t.Errorf("portal after verifying the email: %v", list)
	}
	var customers int
	_ = e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM `+acme.Schema+`.customers WHERE lower(email) = 'ann@example.com'`).Scan(&customers)
	if customers != 1 {
		t.Errorf("%d customer records for ann", customers)
	}

	// A login made before links existed is linked at its next sign-in.
	book(12, "old@example.com")
	e.user("old@example.com", access.Customer, acme.ID)
	if _, err := e.db.Pool.Exec(t.Context(), `UPDATE shared.users SET customer_id = NULL WHERE email = 'old@example.com';
		UPDATE `+acme.Schema+`.customers SET user_id = NULL WHERE email = 'old@example.com'`); err != nil {
		t.Fatal(err)
	}
	code, old, _ := e.login(host, "old@example.com", testPassword)
	if code != 200 {
		t.Fatalf("old login: %d %v", code, old)
	}
	if list := mine(bearer(old["access"].(string))); len(list) != 1 {
		t.Errorf("portal of an older login: %v", list)
	}

	// Taken emails: one answer for staff and customers alike.
	detail := func(email string) string {
		code, _, doc := e.do("POST", host, "/api/auth/register/", map[string]any{"email": email, "password": testPassword, "name": "X"})
		if code != 400 || fieldOf(doc) != "body.email" {
			t.Errorf("register %s again: %d %v", email, code, doc)
		}
		return strings.ReplaceAll(doc["detail"].(string), email, "EMAIL")
	}
	if staff, cust := detail("owner@acme.example"), detail("ann@example.com"); staff != cust {
		t.Errorf("sign-up tells staff from customers: %q / %q", staff, cust)
	}
	if code, _, doc := e.do("POST", host, "/api/auth/register/", map[string]any{"email": "new@example.com", "password": "short", "name": "X"}); code != 400 {
		t.Errorf("weak password: %d %v", code, doc)
	}
	for _, h := range []string{"platform.localhost", "localhost"} {
		if code, _, _ := e.do("POST", h, "/api/auth/register/", map[string]any{"email": "x@example.com", "password": testPassword, "name": "X"}); code != 404 {
			t.Errorf("register on %s: %d", h, code)
		}
	}
	if n := len(e.audits("CUSTOMER_REGISTERED")); n != 1 {
		t.Errorf("%d CUSTOMER_REGISTERED events", n)
	}
}

// TestForgotPasswordPerAddress: one address gets ten reset requests, then
// 429 with Retry-After, whatever the emails, until the lock passes.
func TestForgotPasswordPerAddress(t *testing.T) {
	e := newEnv(t)
	acme := e.tenant("Acme", "acme")
	e.user("ann@acme.example", access.TenantStaff, acme.ID)
	forgot := func(email string) (int, string) {
		code, hdr, _ := e.do("POST", "acme.localhost", "/api/auth/password/forgot/", `{"email":"`+email+`"}`)
		return code, hdr.Get("Retry-After")
	}
	for i := range 10 {
		if code, _ := forgot([]string{"ann@acme.example", "nobody@acme.example"}[i%2]); code != 202 {
			t.Fatalf("request %d: %d", i+1, code)
		}
	}
	for _, email := range []string{"ann@acme.example", "other@acme.example"} {
		if code, retry := forgot(email); code != 429 || retry != "60" {
			t.Errorf("11th request (%s): %d Retry-After %q", email, code, retry)
		}
	}
	e.clock.Advance(61 * time.Second)
	if code, _ := forgot("ann@acme.example"); code != 202 {
		t.Errorf("after the lock: %d", code)
	}
	if code, retry := forgot("ann@acme.example"); code != 429 || retry != "120" {
		t.Errorf("the next lock doubles: %d %q", code, retry)
	}
}
