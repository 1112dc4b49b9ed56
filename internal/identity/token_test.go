package identity

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		plain, hash := NewToken(PrefixAccess)
		if !strings.HasPrefix(plain, "ss_at_") {
			t.Fatalf("token %q lacks its prefix", plain)
		}
		raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(plain, PrefixAccess))
		if err != nil || len(raw) != 32 {
			t.Fatalf("token %q: body is not 32 bytes of base64url (%v)", plain, err)
		}
		want := sha256.Sum256([]byte(plain))
		if string(hash) != string(want[:]) || string(HashToken(plain)) != string(hash) {
			t.Fatal("hash is not SHA-256 of the plain token")
		}
		if seen[plain] {
			t.Fatal("token repeated")
		}
		seen[plain] = true
	}
}

func TestTokenMatches(t *testing.T) {
	plain, hash := NewToken(PrefixRefresh)
	other, _ := NewToken(PrefixRefresh)
	if !TokenMatches(plain, hash) {
		t.Error("token does not match its own hash")
	}
	if TokenMatches(other, hash) || TokenMatches(plain, hash[:16]) || TokenMatches(plain, nil) || TokenMatches("", hash) {
		t.Error("mismatch accepted")
	}
	// The prefix is part of what is hashed: a refresh token is not an access token.
	if TokenMatches(PrefixAccess+strings.TrimPrefix(plain, PrefixRefresh), hash) {
		t.Error("token accepted under another prefix")
	}
}
