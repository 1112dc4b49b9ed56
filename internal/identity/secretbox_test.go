package identity

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSecretBox(t *testing.T) {
	key := strings.Repeat("k", 40)
	box, err := NewSecretBox(key, "totp")
	if err != nil {
		t.Fatal(err)
	}
	sealed := box.Seal([]byte("JBSWY3DPEHPK3PXP"), []byte("user-1"))
	if bytes.Contains(sealed, []byte("JBSWY3DP")) {
		t.Fatal("sealed value shows the secret")
	}
	if got, err := box.Open(sealed, []byte("user-1")); err != nil || string(got) != "JBSWY3DPEHPK3PXP" {
		t.Fatalf("open: %q %v", got, err)
	}
	other, _ := NewSecretBox(key, "something else")
	otherKey, _ := NewSecretBox(strings.Repeat("x", 40), "totp")
	tampered := bytes.Clone(sealed)
	tampered[len(tampered)-1] ^= 1
	for name, open := range map[string]func() ([]byte, error){
		"other owner":   func() ([]byte, error) { return box.Open(sealed, []byte("user-2")) },
		"other purpose": func() ([]byte, error) { return other.Open(sealed, []byte("user-1")) },
		"other key":     func() ([]byte, error) { return otherKey.Open(sealed, []byte("user-1")) },
		"tampered":      func() ([]byte, error) { return box.Open(tampered, []byte("user-1")) },
		"truncated":     func() ([]byte, error) { return box.Open(sealed[:5], []byte("user-1")) },
	} {
		if _, err := open(); err != ErrSealed {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := NewSecretBox("short", "totp"); err == nil {
		t.Error("short key accepted")
	}
}

func TestThrottleRule(t *testing.T) {
	r := ThrottleRule{Free: 5, Base: time.Second, Max: 15 * time.Minute}
	for failures, want := range map[int]time.Duration{
		0: 0, 5: 0, 6: time.Second, 7: 2 * time.Second, 8: 4 * time.Second, 15: 512 * time.Second,
		16: 15 * time.Minute, 100: 15 * time.Minute,
	} {
		if got := r.LockFor(failures); got != want {
			t.Errorf("LockFor(%d) = %v, want %v", failures, got, want)
		}
	}
}
