package wordpress

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// maxVerifyURLs bounds one verification list.
const maxVerifyURLs = 1_000_000

// ReadURLList reads old addresses from a sitemap (<urlset> of <loc>) or a
// plain list, one address a line.
func ReadURLList(r io.Reader) ([]string, error) {
	br := bufio.NewReader(io.LimitReader(r, 512<<20))
	head, _ := br.Peek(512) // a short file is fine: Peek returns what there is
	if bytes.Contains(head, []byte("<urlset")) || bytes.Contains(head, []byte("<?xml")) {
		return readSitemap(br)
	}
	var out []string
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.HasPrefix(s, "#") {
			if len(out) == maxVerifyURLs {
				return nil, fmt.Errorf("more than %d addresses", maxVerifyURLs)
			}
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

func readSitemap(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, ErrEntities
		case xml.StartElement:
			if t.Name.Local == "sitemap" {
				return nil, errors.New("sitemap: this is a sitemap index; give the sitemaps it lists")
			}
			if t.Name.Local != "loc" {
				continue
			}
			var s string
			if err := d.DecodeElement(&s, &t); err != nil {
				return nil, fmt.Errorf("sitemap: %w", err)
			}
			if len(out) == maxVerifyURLs {
				return nil, fmt.Errorf("more than %d addresses", maxVerifyURLs)
			}
			out = append(out, strings.TrimSpace(s))
		}
	}
}

// Check is the verdict on one old address.
type Check struct {
	Old    string
	Status int    // of the first answer
	To     string // where the 301 sent it
	Final  int    // status of the page it sent to
	Reason string // empty when the address is fine
}

// Verify requests every old address (its path and query) from the new
// site at base and reports each that does not end, through one 301, on a
// live page in the language the old address was in (its /ko/ prefix or
// ?lang=; any when it names none). It asks with a few requests at a time.
func Verify(ctx context.Context, client *http.Client, base *url.URL, langs []string, old []string) []Check {
	noFollow := *client
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	out := make([]Check, len(old))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range jobs {
				out[i] = verifyOne(ctx, &noFollow, base, langs, old[i])
			}
		})
	}
	for i := range old {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func verifyOne(ctx context.Context, c *http.Client, base *url.URL, langs []string, old string) Check {
	ch := Check{Old: old}
	u, err := url.Parse(old)
	if err != nil {
		ch.Reason = "not an address"
		return ch
	}
	want := oldLang(u, langs)
	first := base.ResolveReference(&url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery})
	res, err := get(ctx, c, first.String())
	if err != nil {
		ch.Reason = err.Error()
		return ch
	}
	ch.Status = res.StatusCode
	if res.StatusCode != http.StatusMovedPermanently {
		ch.Reason = fmt.Sprintf("answered %d, not 301", res.StatusCode)
		return ch
	}
	ch.To = res.Header.Get("Location")
	to, err := first.Parse(ch.To)
	if err != nil {
		ch.Reason = "the 301 points nowhere"
		return ch
	}
	res, err = get(ctx, c, to.String())
	if err != nil {
		ch.Reason = err.Error()
		return ch
	}
	ch.Final = res.StatusCode
	switch {
	case res.StatusCode != http.StatusOK:
		ch.Reason = fmt.Sprintf("the 301 leads to a %d", res.StatusCode)
	case want != "" && !strings.HasPrefix(to.Path, "/"+want+"/") && !strings.HasPrefix(to.Path, "/media/"):
		ch.Reason = "the 301 leads to a page in another language than " + want
	}
	return ch
}

// oldLang is the language an old address names, or "".
func oldLang(u *url.URL, langs []string) string {
	if l := u.Query().Get("lang"); l != "" {
		return l
	}
	for _, l := range langs {
		if u.Path == "/"+l || strings.HasPrefix(u.Path, "/"+l+"/") {
			return l
		}
	}
	return ""
}

func get(ctx context.Context, c *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 4<<20)) // drained for the connection's reuse; its content does not matter
	res.Body.Close()
	return res, nil
}
