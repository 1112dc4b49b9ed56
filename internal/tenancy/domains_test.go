package tenancy

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func TestNormalizeCustomDomain(t *testing.T) {
	good := map[string]string{
		"Booking.Example.com":   "booking.example.com",
		"booking.example.com.":  "booking.example.com",
		"bücher.example":        "xn--bcher-kva.example",
		"MÜNCHEN.de":            "xn--mnchen-3ya.de",
		"例え.テスト":                "xn--r8jz45g.xn--zckzah",
		"xn--bcher-kva.example": "xn--bcher-kva.example",
		"a-b.c-d.example":       "a-b.c-d.example",
		"shop.example.co.uk":    "shop.example.co.uk",
		"notlocalhost.example":  "notlocalhost.example",
		"localhost.example":     "localhost.example",
	}
	for in, want := range good {
		got, err := NormalizeCustomDomain(in, "localhost")
		if err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", " ", "http://a.example", "a.example:80", "a.example/x", "a.example?x", "1.2.3.4", "::1",
		"[2001:db8::1]", "0x7f.1", "single", "localhost", "x.localhost", "a..example", ".example", "-a.example", "a_b.example",
		"a b.example", "user@a.example"} {
		if _, err := NormalizeCustomDomain(bad, "localhost"); !errs.Is(err, errs.Invalid) {
			t.Errorf("%q accepted (%v)", bad, err)
		}
	}
	if _, err := NormalizeCustomDomain("app.smoothschedule.com", "smoothschedule.com"); err == nil {
		t.Error("a subdomain of BASE_DOMAIN accepted")
	}
	if _, err := NormalizeCustomDomain("notsmoothschedule.com", "smoothschedule.com"); err != nil {
		t.Errorf("a name merely ending like BASE_DOMAIN refused: %v", err)
	}
}
