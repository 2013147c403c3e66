// Package browsertest starts real headless Chromium for browser tests, the
// same way in every package: Debian's chromium, a fresh profile, and a
// resolver that reaches nothing but this machine.
package browsertest

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package puts the browser.
const ChromiumPath = "/usr/bin/chromium"

// New starts Chromium for the test and returns a chromedp context that lives
// until the test ends. Without Chromium the test is skipped with a message
// naming pkg, except under CI=true, where it fails: CI installs Chromium, so
// a missing browser there is a broken setup, not a reason to skip.
// acceptLang sets the browser's Accept-Language ("" for Chromium's default).
func New(t *testing.T, pkg, acceptLang string) context.Context {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s browser tests: %s is missing (install Debian's chromium package): %v", pkg, ChromiumPath, err)
		}
		t.Skipf("%s browser tests skipped: %s is missing (apt-get install chromium)", pkg, ChromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(t.TempDir()),
	}
	if acceptLang != "" {
		opts = append(opts, chromedp.Flag("accept-lang", acceptLang))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// Start the browser now, without a deadline (it lives as long as ctx).
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", ChromiumPath, err)
	}
	return ctx
}
