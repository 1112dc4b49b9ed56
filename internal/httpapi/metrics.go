package httpapi

import (
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the HTTP layer's Prometheus series. Labels are operation ids
// (never hosts, paths with ids, or tenants), so their number stays small.
type Metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	shed     *prometheus.CounterVec
}

// NewMetrics registers the HTTP series with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "smoothschedule_http_requests_total", Help: "API requests by operation and status.",
		}, []string{"operation", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "smoothschedule_http_request_duration_seconds", Help: "API request latency by operation.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"operation"}),
		shed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "smoothschedule_http_shed_total", Help: "Requests refused before any work to protect the others (reason: tenant_share).",
		}, []string{"reason"}),
	}
	reg.MustRegister(m.requests, m.duration, m.shed)
	return m
}

// observe is the huma middleware counting every API request.
func (m *Metrics) observe(ctx huma.Context, next func(huma.Context)) {
	start := time.Now()
	next(ctx)
	op := ctx.Operation().OperationID
	status := ctx.Status()
	if status == 0 {
		status = 200
	}
	m.requests.WithLabelValues(op, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(op).Observe(time.Since(start).Seconds())
}
