package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/wordpress"
)

const importUsage = `Usage: newsroom import wordpress [flags] EXPORT.xml [EXPORT-2.xml …]

Imports a WordPress site from its WXR export (Tools → Export; the parts of a
split export together). Run with --dry-run first: it writes nothing, prints
what would be created and every problem, and writes the mapping file of its
decisions to edit and pass back with --mapping. Flags come before the files.`

// importMemoryLimit is the Go runtime's soft memory limit during an import
// (GOMEMLIMIT overrides it).
const importMemoryLimit = 200 << 20

// runImport is `newsroom import wordpress …`.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "wordpress" {
		fmt.Fprintln(stderr, importUsage)
		return errors.New("import: unknown or missing source (want: wordpress)")
	}
	var dry, fetch, allowPrivate bool
	var language, uploads, mappingFile, writeMapping, permalinks, verify string
	cfg, err := loadConfig("import wordpress", args[1:], stderr, func(fs *flag.FlagSet) {
		fs.Usage = func() { fmt.Fprintln(fs.Output(), importUsage+"\n\nFlags:"); fs.PrintDefaults() }
		fs.BoolVar(&dry, "dry-run", false, "write nothing: report what would be created, what needs a decision and every problem")
		fs.StringVar(&language, "language", "", "language of posts that carry none (a site without Polylang or WPML); default: the export's <language>")
		fs.BoolVar(&fetch, "fetch-media", false, "download from the old site the photos --uploads lacks (http/https only, 30 s and 64 MB per file, never from private or loopback addresses)")
		fs.BoolVar(&allowPrivate, "allow-private-media", false, "with --fetch-media: allow private and loopback addresses (an old site on the same network; tests)")
		fs.StringVar(&uploads, "uploads", "", "a local copy of the site's wp-content/uploads folder, for the photos")
		fs.StringVar(&mappingFile, "mapping", "", "the mapping file of decisions (categories → sections, authors → reporters)")
		fs.StringVar(&writeMapping, "write-mapping", "wordpress-mapping.toml", "with --dry-run: where to write the proposed mapping file")
		fs.StringVar(&verify, "verify", "", "instead of importing: request every old address of this sitemap or list (one a line) from the running site at --base-url and report each that does not end, through one 301, on a live page in its language")
		fs.StringVar(&permalinks, "permalinks", "", "the old site's permalink structure, e.g. '/%year%/%monthnum%/%postname%/', for old addresses besides each post's exported link")
	})
	if err != nil {
		return err
	}
	if verify != "" {
		return runVerify(ctx, cfg.BaseURL, cfg.Languages, verify, stdout)
	}
	files := flagArgs(args[1:])
	if len(files) == 0 {
		return errors.New("import wordpress: no export file given (flags come before the files)")
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return fmt.Errorf("import wordpress: %w", err)
		}
	}
	opt := wordpress.Options{Languages: cfg.Languages, Language: language, DryRun: dry, Uploads: uploads, Permalinks: permalinks,
		FetchMedia: fetch, AllowPrivateMedia: allowPrivate}
	if mappingFile != "" {
		f, err := os.Open(mappingFile)
		if err != nil {
			return fmt.Errorf("import wordpress: %w", err)
		}
		opt.Mapping, err = wordpress.ReadMapping(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("import wordpress: %w", err)
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the collector works harder rather than let a large
		// export's garbage push the process past it.
		debug.SetMemoryLimit(importMemoryLimit)
	}
	log := newLogger(stderr, cfg.LogLevel)
	opt.Log = log
	opt.Progress = progress(stderr)
	var deps wordpress.Deps
	if !dry {
		db, err := openDatabase(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer db.close()
		lib, err := photos.New(ctx, photos.Deps{Store: db.store, Files: media.NewFiles(db.store.DB()), CacheDir: filepath.Join(cfg.DataDir, "media"), Log: log})
		if err != nil {
			return err
		}
		deps = wordpress.Deps{Store: db.store, Photos: lib}
	}
	start := time.Now()
	r, err := wordpress.Import(ctx, wordpress.Paths(files), deps, opt)
	if r != nil {
		fmt.Fprintln(stdout)
		r.Write(stdout)
	}
	if err != nil {
		return fmt.Errorf("import wordpress: %w", err)
	}
	if dry {
		if err := writeMappingFile(writeMapping, r, opt.Mapping); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nDry run: nothing written. Decisions are in %s: edit it, then run again with --mapping %s and without --dry-run.\n", writeMapping, writeMapping)
		return nil
	}
	fmt.Fprintf(stdout, "\nImported in %s. Running it again imports what is new and updates what changed.\n", time.Since(start).Round(time.Second))
	return nil
}

// flagArgs is what follows the flags (the export files): the flag set has
// parsed args already, so this finds where it stopped.
func flagArgs(args []string) []string {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return args[i+1:]
		}
		if len(a) == 0 || a[0] != '-' {
			return args[i:]
		}
		if !hasValue(a) && i+1 < len(args) && !isBool(a) {
			i++ // the flag's value
		}
	}
	return nil
}

func hasValue(a string) bool {
	for i := 1; i < len(a); i++ {
		if a[i] == '=' {
			return true
		}
	}
	return false
}

func isBool(a string) bool {
	for len(a) > 0 && a[0] == '-' {
		a = a[1:]
	}
	return a == "dry-run" || a == "no-demo" || a == "fetch-media" || a == "allow-private-media"
}

func writeMappingFile(path string, r *wordpress.Report, m wordpress.Mapping) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("import wordpress: mapping file: %w", err)
	}
	pages, def := m.PagesSection, m.DefaultSection
	if pages == "" {
		pages = "pages"
	}
	if def == "" {
		def = "news"
	}
	if err := wordpress.WriteMapping(f, r, pages, def); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// progress shows a bar on a terminal and a plain line every 5 % otherwise
// (a log file, a pipe).
func progress(w io.Writer) func(done, total int) {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var bar *progressbar.ProgressBar
		return func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("posts"),
					progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
			}
			_ = bar.Set(done) // only a display: a failed write to the terminal changes nothing
		}
	}
	last := -1
	return func(done, total int) {
		if total == 0 {
			return
		}
		pct := done * 100 / total
		if pct/5 != last/5 || done == total {
			if pct != last {
				fmt.Fprintf(w, "posts: %d of %d (%d%%)\n", done, total, pct)
			}
			last = pct
		}
	}
}

// runVerify is `newsroom import wordpress --verify LIST`.
func runVerify(ctx context.Context, base *url.URL, langs []string, list string, stdout io.Writer) error {
	f, err := os.Open(list)
	if err != nil {
		return fmt.Errorf("import wordpress --verify: %w", err)
	}
	old, err := wordpress.ReadURLList(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("import wordpress --verify %s: %w", list, err)
	}
	client := &http.Client{Timeout: 15 * time.Second}
	bad := 0
	for _, c := range wordpress.Verify(ctx, client, base, langs, old) {
		if c.Reason != "" {
			bad++
			fmt.Fprintf(stdout, "FAIL %s: %s\n", c.Old, c.Reason)
		}
	}
	fmt.Fprintf(stdout, "%d of %d old addresses end, through one 301, on a live page in their language.\n", len(old)-bad, len(old))
	if bad > 0 {
		return fmt.Errorf("import wordpress --verify: %d addresses fail", bad)
	}
	return nil
}
