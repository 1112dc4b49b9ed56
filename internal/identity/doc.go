// Package identity holds the pure primitives of users and credentials:
// argon2id password hashing and the password policy, opaque session and
// invitation tokens, TOTP and recovery codes, and the User type with its
// validation. It touches no database and no network; the store and the HTTP
// handlers are built on it.
package identity
