package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/backup"
	"github.com/newsroom/newsroom/coalesce"
	"github.com/newsroom/newsroom/config"
	"github.com/newsroom/newsroom/metrics"
	"github.com/newsroom/newsroom/photos"
)

func loadConfig(name string, args []string, stderr io.Writer, extra func(*flag.FlagSet)) (*config.Config, error) {
	fs := flag.NewFlagSet("newsroom "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if extra != nil {
		extra(fs)
	}
	return config.Load(fs, args, os.Getenv)
}

// tuneRuntime sets the Go runtime for a busy reader site, unless the
// standard GOGC and GOMAXPROCS environment variables decide.
func tuneRuntime(getenv func(string) string) {
	// The live heap is small (about 50 MB with 20,000 stories) while a busy
	// reader site allocates fast, so the default GOGC=100 collects several
	// times a second and the collector's pauses set the tail latency.
	// Collecting at 5× the live heap instead costs ~200 MB at archive scale.
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// A request is a few microseconds of Go between two system calls, and
	// the host shares its cores with other processes (a proxy, the database,
	// a load generator). When the kernel pauses a thread that holds one of
	// the runtime's Ps, the goroutines queued on that P wait out the pause:
	// under wrk with 64 connections on two cores that was the whole p99
	// (10–11 ms; 4–6 ms with twice as many Ps as cores, and ~10% more
	// requests per second), because other threads then run the queued work.
	if getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(2 * runtime.GOMAXPROCS(0))
	}
}

// limitMemory sets a soft limit on the Go runtime's memory, unless the
// standard GOMEMLIMIT environment variable decides: the page cache, what
// uploads being decoded may take (photos.DefaultUploadMemory) and 256 MB for
// the rest. Without it, GOGC=400 lets the heap grow to five times what a
// large upload holds before collecting its garbage: 20 uploads of 40 MP
// photos took the process to 1.6 GB; with it, 817 MB.
func limitMemory(getenv func(string) string, cacheBytes int64) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(cacheBytes + photos.DefaultUploadMemory + 256<<20)
	}
}

func runServe(ctx context.Context, args []string, _, stderr io.Writer) error {
	cfg, err := loadConfig("serve", args, stderr, nil)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	tuneRuntime(os.Getenv)
	var mx *metrics.Metrics
	var dbOpts []*options.ClientOptions
	if cfg.MetricsAddr != "" {
		mx = metrics.New()
		dbOpts = append(dbOpts, options.Client().SetMonitor(mx.CommandMonitor()))
	}
	limitMemory(os.Getenv, cfg.CacheBytes)
	db, err := openDatabase(ctx, cfg, log, dbOpts...)
	if err != nil {
		return err
	}
	defer db.close()
	if unfinished, err := backup.Unfinished(ctx, db.store.DB()); err != nil {
		return err
	} else if unfinished != "" {
		return fmt.Errorf("%s: the database holds part of a paper; run newsroom restore --force with that archive again", unfinished)
	}
	if cfg.Embedded() && !cfg.NoDemo {
		if err := loadDemoIfEmpty(ctx, db.store, cfg.DataDir, log); err != nil {
			return err
		}
	}
	// Changes from other instances are taken in from before the catalogue
	// was read (some twice, which is harmless).
	start := time.Now()
	var extras siteExtras
	var sched *backup.Schedule
	if cfg.BackupDir != "" {
		sched = &backup.Schedule{Dir: cfg.BackupDir, Every: cfg.BackupEvery, Keep: cfg.BackupKeep, Log: log,
			Take: func(ctx context.Context, path string) error {
				_, err := takeBackup(ctx, db.store, path)
				return err
			}}
		extras.backups = sched.Status
	}
	if mx != nil {
		extras.observe = mx.Request
	}
	s, err := newSiteWith(ctx, cfg, log, db.store, extras)
	if err != nil {
		return err
	}
	defer s.close()
	if sched != nil {
		go sched.Run(ctx)
	}
	if mx != nil {
		s.watch(mx, !cfg.Embedded(), extras.backups)
		ln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("listen on %s (NEWSROOM_METRICS_ADDR): %w", cfg.MetricsAddr, err)
		}
		go func() {
			if err := mx.Serve(ctx, ln); err != nil {
				log.Error("metrics", "err", err)
			}
		}()
		log.Info("metrics listening", "addr", ln.Addr().String())
	}
	log.Info("catalogue loaded", "stories", s.catalog.Len(), "took", time.Since(start).Round(time.Millisecond))
	// The search index catches up in the background, retried until complete:
	// reading pages needs none of it.
	go s.handler.RunSearch(ctx)
	if !cfg.Embedded() {
		go s.follower(start).Run(ctx, cfg.PollInterval)
	}
	go s.admin.RunScheduler(ctx)
	go s.purgeSessions(ctx, time.Hour)
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           s.handler.Fast(s.router()),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.RequestTimeout + 10*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s (NEWSROOM_ADDR): %w", cfg.Addr, err)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(coalesce.Listener(ln)) }()
	log.Info("listening", "addr", cfg.Addr, "base_url", cfg.BaseURL.String())
	select {
	case err := <-errc:
		return fmt.Errorf("listen on %s (NEWSROOM_ADDR): %w", cfg.Addr, err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
