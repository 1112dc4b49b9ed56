// Package web embeds the built single-page application (web/dist).
//
// Build it with `npm ci && npm run build` in this directory; until then
// dist holds only a placeholder so `go build` works on a fresh clone.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built app: index.html at the root and hashed,
// immutable files under assets/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // cannot happen: "dist" is a valid, embedded path
	}
	return sub
}
