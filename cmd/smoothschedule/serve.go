package main

import (
	"context"
)

func init() {
	commands = append(commands, command{
		name: "serve", args: "[--addr :8000] [--migrate auto|true|false]",
		summary: "run the API, the web app and the background workers",
		needsDB: true,
		run: func(m *Main, ctx context.Context, _ []string) error {
			return m.App.Serve(ctx, m.Stdout)
		},
	})
}
