package tenancy

import (
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

// TestNormalizeCustomDomainUTS46: custom domains are mapped as UTS-46
// says, not merely NFC-normalised: fullwidth letters and dots fold to
// their ASCII forms, ß is kept (nontransitional, as browsers resolve it),
// and what UTS-46 disallows (joiners out of context, symbols, bad
// punycode) is refused.
func TestNormalizeCustomDomainUTS46(t *testing.T) {
	good := map[string]string{
		"ｂｏｏｋｉｎｇ．ｅｘａｍｐｌｅ．ｃｏｍ": "booking.example.com",
		"booking。example。com": "booking.example.com",
		"faß.de":              "xn--fa-hia.de",
		"ＭÜＮＣＨＥＮ.de":          "xn--mnchen-3ya.de",
	}
	for in, want := range good {
		got, err := NormalizeCustomDomain(in, "localhost")
		if err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"a\u200db.example", "☃\u0000.example", "xn--zz--.example", "xn--a.example", "ab--cd.example", "a\u2488.example"} {
		if got, err := NormalizeCustomDomain(bad, "localhost"); !errs.Is(err, errs.Invalid) {
			t.Errorf("%q accepted as %q (%v)", bad, got, err)
		}
	}
}
