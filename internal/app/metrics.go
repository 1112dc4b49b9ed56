package app

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/smoothschedule/smoothschedule/internal/httpapi"
	"github.com/smoothschedule/smoothschedule/internal/postgres"
)

// metrics builds the Prometheus registry: Go and process series, the
// database pool, and the HTTP layer's series (returned for the server).
func (a *App) metrics() (*prometheus.Registry, *httpapi.Metrics) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		poolCollector{a.DB}, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "smoothschedule_build_info", Help: "The running version.", ConstLabels: prometheus.Labels{"version": Version},
		}, func() float64 { return 1 }))
	return reg, httpapi.NewMetrics(reg)
}

// serveMetrics serves /metrics on its own listener (keep it private: it is
// not behind the API's authentication) until ctx ends.
func (a *App) serveMetrics(ctx context.Context, reg *prometheus.Registry) error {
	ln, err := net.Listen("tcp", a.Config.MetricsAddr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.Log.Error("metrics listener stopped", "err", err)
		}
	}()
	a.Log.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	return nil
}

// poolCollector reports the database pool's state at each scrape.
type poolCollector struct{ db *postgres.DB }

var (
	poolConns    = prometheus.NewDesc("smoothschedule_db_connections", "Database pool connections by state.", []string{"state"}, nil)
	poolMax      = prometheus.NewDesc("smoothschedule_db_connections_max", "Database pool size.", nil, nil)
	poolAcquires = prometheus.NewDesc("smoothschedule_db_acquires_total", "Connections taken from the pool.", nil, nil)
	poolWaited   = prometheus.NewDesc("smoothschedule_db_acquire_wait_seconds_total", "Time spent waiting for a connection.", nil, nil)
	poolGaveUp   = prometheus.NewDesc("smoothschedule_db_acquire_timeouts_total", "Waits for a connection that ended without one (DB_ACQUIRE_TIMEOUT or a cancelled request): each is a 503.", nil, nil)
)

func (poolCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- poolConns
	ch <- poolMax
	ch <- poolAcquires
	ch <- poolWaited
	ch <- poolGaveUp
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.db.Pool.Stat()
	ch <- prometheus.MustNewConstMetric(poolConns, prometheus.GaugeValue, float64(st.AcquiredConns()), "acquired")
	ch <- prometheus.MustNewConstMetric(poolConns, prometheus.GaugeValue, float64(st.IdleConns()), "idle")
	ch <- prometheus.MustNewConstMetric(poolMax, prometheus.GaugeValue, float64(st.MaxConns()))
	ch <- prometheus.MustNewConstMetric(poolAcquires, prometheus.CounterValue, float64(st.AcquireCount()))
	ch <- prometheus.MustNewConstMetric(poolWaited, prometheus.CounterValue, st.EmptyAcquireWaitTime().Seconds())
	ch <- prometheus.MustNewConstMetric(poolGaveUp, prometheus.CounterValue, float64(st.CanceledAcquireCount()))
}
