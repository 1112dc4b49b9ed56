package identity

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

func TestNewTOTPSecret(t *testing.T) {
	secret, uri, err := NewTOTPSecret("SmoothSchedule", "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if len(secret) != 32 { // 20 bytes in base32
		t.Errorf("secret %q is not 160 bits", secret)
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" || u.Query().Get("secret") != secret ||
		u.Query().Get("issuer") != "SmoothSchedule" || u.Query().Get("period") != "30" {
		t.Errorf("bad otpauth URI %q", uri)
	}
	if _, _, err := NewTOTPSecret("", "ann@example.com"); err == nil {
		t.Error("an empty issuer must be refused")
	}
}

func TestValidateTOTP(t *testing.T) {
	secret, _, _ := NewTOTPSecret("SmoothSchedule", "ann@example.com")
	now := time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)
	step := now.Unix() / 30
	codeAt := func(d time.Duration) string {
		c, err := totp.GenerateCode(secret, now.Add(d))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, tc := range []struct {
		name     string
		code     string
		last     int64
		wantStep int64
		ok       bool
	}{
		{"current step", codeAt(0), 0, step, true},
		{"with spaces", " " + codeAt(0) + " ", 0, step, true},
		{"previous step (drift)", codeAt(-30 * time.Second), 0, step - 1, true},
		{"next step (drift)", codeAt(30 * time.Second), 0, step + 1, true},
		{"two steps old", codeAt(-60 * time.Second), 0, 0, false},
		{"two steps ahead", codeAt(60 * time.Second), 0, 0, false},
		{"replayed in the same step", codeAt(0), step, 0, false},
		{"older than the last used step", codeAt(-30 * time.Second), step, 0, false},
		{"newer than the last used step", codeAt(30 * time.Second), step, step + 1, true},
		{"wrong code", "000000", 0, 0, false},
		{"not six digits", "12345", 0, 0, false},
		{"letters", "abcdef", 0, 0, false},
	} {
		if tc.name == "wrong code" && codeAt(0) == "000000" {
			continue // one chance in a million
		}
		got, ok := ValidateTOTP(secret, tc.code, now, tc.last)
		if ok != tc.ok || got != tc.wantStep {
			t.Errorf("%s: ValidateTOTP = %d, %v; want %d, %v", tc.name, got, ok, tc.wantStep, tc.ok)
		}
	}
	if _, ok := ValidateTOTP("not base32!", "123456", now, 0); ok {
		t.Error("a broken secret must not validate")
	}
}

func TestRecoveryCodes(t *testing.T) {
	plain, hashes := NewRecoveryCodes(0)
	if len(plain) != RecoveryCodeCount || len(hashes) != RecoveryCodeCount {
		t.Fatalf("got %d codes and %d hashes", len(plain), len(hashes))
	}
	shape := regexp.MustCompile(`^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$`)
	seen := map[string]bool{}
	for i, c := range plain {
		if !shape.MatchString(c) {
			t.Errorf("code %q is not shaped like abcd-efgh-jkmn", c)
		}
		if seen[c] {
			t.Errorf("code %q repeated", c)
		}
		seen[c] = true
		if got := RecoveryCodeMatches(c, hashes); got != i {
			t.Errorf("code %d matched %d", i, got)
		}
	}
	if got := RecoveryCodeMatches("0000-0000-0000", hashes); got != -1 {
		t.Errorf("unknown code matched %d", got)
	}
	if p, _ := NewRecoveryCodes(3); len(p) != 3 {
		t.Errorf("asked for 3 codes, got %d", len(p))
	}
}

func TestNormalizeRecoveryCode(t *testing.T) {
	for in, want := range map[string]string{
		"7k2m-q9xd-4hta":   "7k2m-q9xd-4hta",
		"7K2M Q9XD 4HTA":   "7k2m-q9xd-4hta",
		"7k2mq9xd4hta":     "7k2m-q9xd-4hta",
		" 7k2m-q9xd-4hta ": "7k2m-q9xd-4hta",
		"oil0-0000-0000":   "0110-0000-0000",
		"short":            "sh0rt", // wrong length: only mapped
	} {
		if got := NormalizeRecoveryCode(in); got != want {
			t.Errorf("NormalizeRecoveryCode(%q) = %q, want %q", in, got, want)
		}
	}
}
