package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
)

// Token prefixes. A prefix tells people and secret scanners what a leaked
// token is; it carries no authority.
const (
	PrefixAccess     = "ss_at_"  // session access token
	PrefixRefresh    = "ss_rt_"  // session refresh token
	PrefixInvitation = "ss_inv_" // invitation link
	PrefixReset      = "ss_pr_"  // password reset link
	PrefixMasquerade = "ss_mq_"  // one-time code carrying a masquerade across hosts
	PrefixAPIKey     = "ss_key_" // API key
	PrefixCookie     = "ss_ck_"  // browser session cookie
	PrefixMFA        = "ss_mfa_" // second step of a sign-in with MFA
	PrefixVerify     = "ss_ev_"  // email verification link
)

// tokenBytes is the token's entropy: 256 bits.
const tokenBytes = 32

// NewToken returns a new opaque token, prefix followed by 32 random bytes in
// unpadded base64url, and its SHA-256 hash. Store only the hash; hand out
// the plain token once.
func NewToken(prefix string) (plain string, hash []byte) {
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (it crashes the program instead)
	plain = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, HashToken(plain)
}

// HashToken returns the SHA-256 of the whole plain token, prefix included.
// Tokens carry 256 random bits, so a fast unsalted hash is enough: it lets
// the store look a token up by its hash.
func HashToken(plain string) []byte {
	h := sha256.Sum256([]byte(plain))
	return h[:]
}

// TokenMatches reports, in constant time, whether plain hashes to hash.
func TokenMatches(plain string, hash []byte) bool {
	return subtle.ConstantTimeCompare(HashToken(plain), hash) == 1
}
