package main

import (
	"context"

	"github.com/smoothschedule/smoothschedule/internal/app"
)

func init() {
	commands = append(commands, command{
		name: "openapi", summary: "print the API's OpenAPI document (web/openapi.json); needs no database",
		run: func(m *Main, _ context.Context, _ []string) error {
			doc, err := app.OpenAPI(m.Config, m.Log)
			if err != nil {
				return err
			}
			_, err = m.Stdout.Write(doc)
			return err
		},
	})
}
