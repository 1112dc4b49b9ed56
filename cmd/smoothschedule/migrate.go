package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/smoothschedule/smoothschedule/internal/postgres"
)

func init() {
	commands = append(commands, command{
		name: "migrate", args: "[--workers N]",
		summary: "bring the shared schema, then every tenant schema, to this binary's version",
		needsDB: true,
		run: func(m *Main, ctx context.Context, _ []string) error {
			a := m.App
			n, err := a.DB.MigrateShared(ctx, a.Migrations)
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "shared schema: %d migrations applied, at version %d\n", n, len(a.Migrations.Shared))
			bar := newProgress(m.Stdout)
			sum, err := a.DB.MigrateTenants(ctx, a.Migrations, a.Config.MigrateWorkers, bar.update)
			bar.finish()
			fmt.Fprintf(m.Stdout, "tenant schemas: %d migrated, %d already at version %d, %d failed (%d in all) in %s\n",
				sum.Migrated, sum.AtHead, a.Migrations.Head(), sum.Failed, sum.Total, sum.Elapsed.Round(time.Millisecond))
			for schema, e := range sum.Failures {
				fmt.Fprintf(m.Stdout, "  failed: %s: %v\n", schema, e)
			}
			return err
		},
	})
}

// progress draws the tenant runner's advance: a redrawn bar on a terminal,
// a line every 10% otherwise (logs, CI).
type progress struct {
	w        io.Writer
	tty      bool
	lastStep int
	drawn    bool
}

func newProgress(w io.Writer) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, tty: tty}
}

func (p *progress) update(pr postgres.Progress) {
	if pr.Total == 0 {
		return
	}
	if p.tty {
		const width = 30
		filled := pr.Done * width / pr.Total
		fmt.Fprintf(p.w, "\r  [%s%s] %d/%d schemas", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), pr.Done, pr.Total)
		if pr.Failed > 0 {
			fmt.Fprintf(p.w, ", %d failed", pr.Failed)
		}
		p.drawn = true
		return
	}
	if step := pr.Done * 10 / pr.Total; step > p.lastStep || pr.Done == pr.Total {
		p.lastStep = step
		fmt.Fprintf(p.w, "  %d/%d tenant schemas (%d failed)\n", pr.Done, pr.Total, pr.Failed)
	}
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
