// Command newsroom runs the bilingual news site and its newsroom.
//
//	newsroom [serve]          run the site (default)
//	newsroom demo             load the demo edition (and --archive N synthetic stories)
//	newsroom backup           write an archive of the paper
//	newsroom restore FILE     restore the paper from an archive
//	newsroom import wordpress import a WordPress site from its WXR export
//	newsroom reindex          rebuild the search index
//	newsroom user add         create an account
//	newsroom version          print the version and schema version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsroom/newsroom/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) error
	hidden        bool // for tests; not in the usage
}

func commands() []command {
	return []command{
		{"serve", "run the site (the default)", runServe, false},
		{"demo", "load the demo edition; --archive N adds N synthetic stories", runDemo, false},
		{"backup", "write an archive of the paper (--out FILE), also while the site runs", runBackup, false},
		{"restore", "restore [--force] FILE: the paper from an archive, into an empty database", runRestore, false},
		{"import", "import wordpress [--dry-run] EXPORT.xml…: import a WordPress site, its translation pairs and old addresses", runImport, false},
		{"reindex", "rebuild the search index from the database", runReindex, false},
		{"user", "user add --email … --role …: create an account (password from a prompt or stdin)", runUser, false},
		{"version", "print the version and the database schema version it brings a database to", func(_ context.Context, _ []string, stdout, _ io.Writer) error {
			fmt.Fprintf(stdout, "newsroom %s (schema %d)\n", version, store.SchemaVersion())
			return nil
		}, false},
		{"dbserver", "run the embedded database server alone (tests of several instances)", runDBServer, true},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsroom:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	name := "serve"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		usage(stderr)
		return flag.ErrHelp
	}
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args, stdout, stderr)
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", name)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: newsroom [command] [flags]\n\nCommands:")
	for _, c := range commands() {
		if !c.hidden {
			fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nRun 'newsroom <command> --help' for a command's flags; every flag has an environment twin.")
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(level)) // config has validated it
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lv}))
}
