package main

import (
	"bytes"
	"os"
	"testing"
)

// refreshOpenAPI is how web/openapi.json and the TypeScript generated from
// it are brought up to date with the server.
const refreshOpenAPI = "go run ./cmd/smoothschedule openapi > web/openapi.json && (cd web && npm run gen:api)"

// TestOpenAPIDocumentIsCurrent keeps the web app's copy of the API
// description equal to the one this server builds, so the typed client
// cannot compile against routes the server does not have.
func TestOpenAPIDocumentIsCurrent(t *testing.T) {
	code, out, errOut := run(t, map[string]string{"LOG_LEVEL": "warn", "DATA_DIR": t.TempDir()}, "openapi")
	if code != 0 {
		t.Fatalf("smoothschedule openapi: exit %d: %s", code, errOut)
	}
	saved, err := os.ReadFile("../../web/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved, []byte(out)) {
		t.Fatalf("web/openapi.json is not the server's OpenAPI document; refresh it with (in the repository root, BASE_DOMAIN unset):\n\t%s", refreshOpenAPI)
	}
}
