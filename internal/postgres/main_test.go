package postgres_test

import (
	"os"
	"testing"

	"github.com/smoothschedule/smoothschedule/internal/postgres/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.DropTemplate()
	os.Exit(code)
}
