package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// /metrics answers on its own address only, with requests by route pattern,
// page-cache hits, database commands and the site's gauges; /healthz?detail
// says how the scheduled backups stand.
func TestMetricsOnTheirOwnAddressAndHealthDetail(t *testing.T) {
	addr, maddr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data-dir", t.TempDir(), "--metrics-addr", maddr,
			"--backup-dir", t.TempDir(), "--backup-every", "1h", "--no-demo", "true"}, io.Discard, io.Discard)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Error(err)
		}
	}()
	waitHealthy(t, addr)
	site := "http://" + addr
	for _, p := range []string{"/ko/", "/ko/", "/en/", "/ko/nowhere/at/all"} {
		httpGet(t, site+p)
	}
	if code, _ := httpGet(t, site+"/metrics"); code != http.StatusNotFound {
		t.Errorf("the public site answers /metrics with %d", code)
	}
	code, health := httpGet(t, site+"/healthz?detail")
	if code != 200 || !strings.Contains(health, "database: ok") || !strings.Contains(health, "backup: none yet; next due "+time.Now().UTC().Add(time.Hour).Format("2006-01-02")) {
		t.Errorf("/healthz?detail = %d %q", code, health)
	}
	code, m := httpGet(t, "http://"+maddr+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics: %d", code)
	}
	for _, want := range []string{
		`newsroom_http_requests_total{route="/ko/",status="200"}`,
		`newsroom_http_requests_total{route="cached",status="200"}`,
		`newsroom_http_requests_total{route="unmatched",status="404"}`,
		`newsroom_http_request_duration_seconds_bucket{route="/en/",le=`,
		`newsroom_db_command_duration_seconds_count{command="find"}`,
		"newsroom_page_cache_pages ", "newsroom_catalog_stories ", "newsroom_search_documents ",
		"newsroom_scheduler_lag_seconds 0", "newsroom_upload_encoding 0", "newsroom_backup_last_failed 0",
		"go_goroutines ",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(m, "nowhere") {
		t.Error("/metrics labels a request by its raw path")
	}
}
