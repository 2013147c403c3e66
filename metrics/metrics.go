// Package metrics collects what the person who keeps the site up watches,
// in the Prometheus format through the official Go client, on a registry of
// its own (nothing global). It is fed by small hooks: one per request, one
// per database command, and gauges read when Prometheus scrapes.
package metrics

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.mongodb.org/mongo-driver/v2/event"
)

// Metrics is the site's registry and the collectors fed by hooks.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	dbCalls  *prometheus.HistogramVec
	dbErrors *prometheus.CounterVec
}

// New makes the registry with the Go runtime's and the process's collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsroom_http_requests_total",
			Help: "HTTP requests by route pattern (\"cached\": answered from the page cache before routing) and status.",
		}, []string{"route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsroom_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		dbCalls: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsroom_db_command_duration_seconds",
			Help:    "Time of a database command, by command name.",
			Buckets: []float64{.0005, .001, .005, .01, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"command"}),
		dbErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsroom_db_command_errors_total",
			Help: "Database commands that failed, by command name.",
		}, []string{"command"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.dbCalls, m.dbErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Request records one answered request. route is the pattern that matched
// (never the raw path: one series per route, not per article).
func (m *Metrics) Request(route string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// CommandMonitor feeds the database metrics; give it to the driver.
func (m *Metrics) CommandMonitor() *event.CommandMonitor {
	return &event.CommandMonitor{
		Succeeded: func(_ context.Context, e *event.CommandSucceededEvent) {
			m.dbCalls.WithLabelValues(e.CommandName).Observe(e.Duration.Seconds())
		},
		Failed: func(_ context.Context, e *event.CommandFailedEvent) {
			m.dbCalls.WithLabelValues(e.CommandName).Observe(e.Duration.Seconds())
			m.dbErrors.WithLabelValues(e.CommandName).Inc()
		},
	}
}

// Gauge registers a value read at every scrape.
func (m *Metrics) Gauge(name, help string, read func() float64) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, read))
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: nil, Timeout: 10 * time.Second})
}

// Serve answers /metrics on ln until ctx ends. It is a listener of its own
// (NEWSROOM_METRICS_ADDR) so that the metrics are never on the public site
// by accident.
func (m *Metrics) Serve(ctx context.Context, ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx) // the process is ending
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("metrics on %s: %w", ln.Addr(), err)
	}
	return nil
}
