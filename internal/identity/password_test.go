package identity

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"

	"github.com/smoothschedule/smoothschedule/internal/errs"
)

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("unexpected PHC string %q", h)
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password must differ (salt)")
	}
	if ok, rehash, err := VerifyPassword(h, "correct horse battery"); !ok || rehash || err != nil {
		t.Errorf("right password: ok=%v rehash=%v err=%v", ok, rehash, err)
	}
	if ok, rehash, err := VerifyPassword(h, "correct horse batterY"); ok || rehash || err != nil {
		t.Errorf("wrong password: ok=%v rehash=%v err=%v", ok, rehash, err)
	}
}

// phcWith hashes pw with explicit parameters, as an older release would have.
func phcWith(pw string, m, tm uint32, p uint8, keyLen uint32) string {
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte(pw), salt, tm, m, p, keyLen)
	return fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s", m, tm, p, b64.EncodeToString(salt), b64.EncodeToString(key))
}

func TestVerifyOldParametersNeedsRehash(t *testing.T) {
	for _, old := range []string{
		phcWith("pw-pw-pw-pw", 46*1024, 1, 1, 32), // OWASP's other option
		phcWith("pw-pw-pw-pw", 19*1024, 2, 1, 16), // shorter key
		phcWith("pw-pw-pw-pw", 64, 1, 2, 32),      // cheap legacy
	} {
		ok, rehash, err := VerifyPassword(old, "pw-pw-pw-pw")
		if !ok || !rehash || err != nil {
			t.Errorf("%s: ok=%v rehash=%v err=%v", old, ok, rehash, err)
		}
		if ok, rehash, _ := VerifyPassword(old, "other"); ok || rehash {
			t.Errorf("%s: wrong password must neither match nor ask for a rehash", old)
		}
	}
	if ok, rehash, err := VerifyPassword(phcWith("x", 19*1024, 2, 1, 32), "x"); !ok || rehash || err != nil {
		t.Errorf("current parameters: ok=%v rehash=%v err=%v", ok, rehash, err)
	}
}

func TestVerifyMalformed(t *testing.T) {
	good := phcWith("x", 64, 1, 1, 32)
	parts := strings.Split(good, "$")
	with := func(i int, s string) string {
		p := append([]string(nil), parts...)
		p[i] = s
		return strings.Join(p, "$")
	}
	for name, phc := range map[string]string{
		"empty":          "",
		"bcrypt":         "$2a$10$abcdefghijklmnopqrstuu5Q5u8Q5u8Q5u8Q5u8Q5u8Q5u8Q5u8Q",
		"argon2i":        with(1, "argon2i"),
		"old version":    with(2, "v=16"),
		"bad params":     with(3, "m=64,t=1"),
		"padded params":  with(3, "m=064,t=1,p=1"),
		"huge memory":    with(3, "m=4194304,t=1,p=1"),
		"huge time":      with(3, "m=64,t=100,p=1"),
		"zero threads":   with(3, "m=64,t=1,p=0"),
		"bad salt":       with(4, "!!!"),
		"short salt":     with(4, b64.EncodeToString([]byte("1234"))),
		"bad hash":       with(5, "***"),
		"short hash":     with(5, b64.EncodeToString([]byte("12345678"))),
		"extra field":    good + "$x",
		"missing dollar": strings.TrimPrefix(good, "$"),
	} {
		ok, rehash, err := VerifyPassword(phc, "x")
		if ok || rehash || !errors.Is(err, ErrMalformedHash) || !errs.Is(err, errs.Internal) {
			t.Errorf("%s: ok=%v rehash=%v err=%v", name, ok, rehash, err)
		}
	}
}

func TestDummyVerify(t *testing.T) {
	if ok, rehash, err := VerifyPassword(dummyPHC, "smoothschedule dummy password"); !ok || rehash || err != nil {
		t.Fatalf("the dummy hash must use current parameters: ok=%v rehash=%v err=%v", ok, rehash, err)
	}
	DummyVerify()
}

func TestValidatePassword(t *testing.T) {
	for _, tc := range []struct {
		pw, email, name string
		ok              bool
	}{
		{"violet-lantern-42", "ann@example.com", "Ann Lee", true},
		{"ünïcødé-pässwörd", "ann@example.com", "Ann", true},
		{"short1!", "ann@example.com", "Ann", false},
		{"ééééééééé", "ann@example.com", "Ann", false}, // 9 characters, 18 bytes
		{strings.Repeat("ab", 128), "ann@example.com", "Ann", true},
		{strings.Repeat("ab", 128) + "c", "ann@example.com", "Ann", false},
		{"qwertyuiop", "ann@example.com", "Ann", false},
		{"PASSWORD123", "ann@example.com", "Ann", false},
		{"1234567890", "ann@example.com", "Ann", false},
		{"zzzzzzzzzzzz", "ann@example.com", "Ann", false},
		{"Ann@Example.com", "ann@example.com", "Ann", false},
		{"annabelle.lee", "annabelle.lee@example.com", "Ann", false},
		{"Annabelle Lee", "al@example.com", "annabelle lee", false},
		{"Annabelle Lee!", "al@example.com", "annabelle lee", true},
		{"valid-but-\xff-bytes", "ann@example.com", "Ann", false},
	} {
		err := ValidatePassword(tc.pw, tc.email, tc.name)
		if (err == nil) != tc.ok {
			t.Errorf("ValidatePassword(%q) = %v, want ok=%v", tc.pw, err, tc.ok)
			continue
		}
		if err != nil {
			e := err.(*errs.Error)
			if e.Code != errs.Invalid || e.Fields[0].Location != "password" {
				t.Errorf("ValidatePassword(%q): %#v", tc.pw, e)
			}
		}
	}
}

func TestCommonPasswordList(t *testing.T) {
	if n := len(commonPasswords); n < 2000 {
		t.Errorf("only %d common passwords loaded", n)
	}
	for _, pw := range []string{"123456", "password", "qwertyuiop", "password123", "iloveyou"} {
		if _, ok := commonPasswords[pw]; !ok {
			t.Errorf("%q missing from the list", pw)
		}
	}
	for pw := range commonPasswords {
		if pw != strings.ToLower(pw) || strings.HasPrefix(pw, "#") {
			t.Errorf("list entry %q is not a lowercase password", pw)
		}
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("violet-lantern-42"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyPassword(b *testing.B) {
	h, _ := HashPassword("violet-lantern-42")
	for b.Loop() {
		if ok, _, _ := VerifyPassword(h, "violet-lantern-42"); !ok {
			b.Fatal("no match")
		}
	}
}
