package identity

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
)

// SecretBox seals small secrets (TOTP secrets) for storage with AES-256-GCM,
// under a key derived from the application's SECRET_KEY with HKDF-SHA256 and
// a purpose label, so that the same SECRET_KEY yields unrelated keys for
// unrelated uses. The additional data binds a sealed value to its owner (a
// user id): a sealed secret copied to another user's row does not open.
type SecretBox struct{ aead cipher.AEAD }

// NewSecretBox derives the key for purpose from secretKey.
func NewSecretBox(secretKey, purpose string) (*SecretBox, error) {
	if len(secretKey) < 32 {
		return nil, errors.New("identity: the secret key must be at least 32 characters")
	}
	key, err := hkdf.Key(sha256.New, []byte(secretKey), nil, "smoothschedule/"+purpose, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &SecretBox{aead: aead}, nil
}

// Seal encrypts plain with a fresh random nonce, bound to aad.
func (b *SecretBox) Seal(plain, aad []byte) []byte {
	nonce := make([]byte, b.aead.NonceSize())
	_, _ = rand.Read(nonce)
	return b.aead.Seal(nonce, nonce, plain, aad)
}

// ErrSealed is returned when a sealed value does not open (another key,
// another owner, or tampering).
var ErrSealed = errors.New("identity: sealed value does not open")

// Open decrypts what Seal produced with the same aad.
func (b *SecretBox) Open(sealed, aad []byte) ([]byte, error) {
	n := b.aead.NonceSize()
	if len(sealed) < n+b.aead.Overhead() {
		return nil, ErrSealed
	}
	plain, err := b.aead.Open(nil, sealed[:n], sealed[n:], aad)
	if err != nil {
		return nil, ErrSealed
	}
	return plain, nil
}
