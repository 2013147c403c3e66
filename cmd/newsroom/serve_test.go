package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/newsroom/newsroom/store"
)

func TestServeTunesTheRuntimeUnlessTheEnvironmentDecides(t *testing.T) {
	procs, gc := runtime.GOMAXPROCS(0), debug.SetGCPercent(100)
	t.Cleanup(func() { runtime.GOMAXPROCS(procs); debug.SetGCPercent(gc) })

	tuneRuntime(func(string) string { return "" })
	if got := runtime.GOMAXPROCS(0); got != 2*procs {
		t.Errorf("GOMAXPROCS = %d with the variable unset, want twice the cores' %d", got, procs)
	}
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GOGC = %d with the variable unset, want 400", got)
	}

	runtime.GOMAXPROCS(procs)
	tuneRuntime(func(k string) string { return map[string]string{"GOGC": "100", "GOMAXPROCS": "1"}[k] })
	if got := runtime.GOMAXPROCS(0); got != procs {
		t.Errorf("GOMAXPROCS = %d with the variable set, want it left at %d", got, procs)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC = %d with the variable set, want it left at 100", got)
	}
}

func TestVersionPrintsTheSchemaVersion(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"version"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("(schema %d)", store.SchemaVersion())
	if !strings.Contains(out.String(), want) {
		t.Fatalf("newsroom version printed %q; want it to contain %q", out.String(), want)
	}
}

func TestServeLimitsMemoryUnlessTheEnvironmentDecides(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	limitMemory(func(string) string { return "" }, 256<<20)
	if got := debug.SetMemoryLimit(-1); got != (256+512+256)<<20 {
		t.Errorf("memory limit %d MB with GOMEMLIMIT unset, want the cache, the uploads' 512 MB and 256 MB", got>>20)
	}
	debug.SetMemoryLimit(old)
	limitMemory(func(k string) string { return map[string]string{"GOMEMLIMIT": "2GiB"}[k] }, 256<<20)
	if got := debug.SetMemoryLimit(-1); got != old {
		t.Errorf("memory limit %d with GOMEMLIMIT set, want it left at %d", got, old)
	}
}
