package httpapi

import (
	"context"
	"time"
)

type healthOut struct {
	Status int
	Body   struct {
		Status   string `json:"status" example:"ok" doc:"ok, or degraded when the database does not answer"`
		Database string `json:"database" example:"ok"`
		Version  string `json:"version"`
	}
}

func (s *Server) health(ctx context.Context, _ *struct{}) (*healthOut, error) {
	out := &healthOut{Status: 200}
	out.Body.Status, out.Body.Database, out.Body.Version = "ok", "ok", s.Version
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.DB.Ping(ctx); err != nil {
		s.Log.WarnContext(ctx, "health: database does not answer", "err", err)
		out.Body.Status, out.Body.Database = "degraded", "unavailable"
		out.Status = 503
	}
	return out, nil
}
