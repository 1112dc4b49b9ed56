package httpapi

import (
	"errors"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func TestFieldPlaces(t *testing.T) {
	type in struct {
		ID      string `path:"id"`
		Service string `query:"service_id,omitempty"`
		Body    struct{ Email string }
	}
	var v errs.Validation
	for _, n := range []string{"email", "customer.email", "id", "service_id", "items[2].name", "body.name", "header.Idempotency-Key", "body", "body[0].openTime"} {
		v.Add(n, "bad")
	}
	orig := v.Err()
	err := placesOf[in]().located(orig)
	var e *errs.Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	want := []string{"body.email", "body.customer.email", "path.id", "query.service_id", "body.items[2].name", "body.name", "header.Idempotency-Key", "body.body", "body[0].openTime"}
	for i, f := range e.Fields {
		if f.Location != want[i] {
			t.Errorf("%d: %q, want %q", i, f.Location, want[i])
		}
	}
	var o *errs.Error
	errors.As(orig, &o)
	if o.Fields[0].Location != "email" {
		t.Error("located changed the original error")
	}
	if err := placesOf[in]().located(errs.E(errs.NotFound, "x")); !errs.Is(err, errs.NotFound) {
		t.Error(err)
	}
}
