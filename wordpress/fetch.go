package wordpress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Limits of --fetch-media, per file.
const (
	fetchTimeout   = 30 * time.Second
	fetchRedirects = 3
)

// errPrivate refuses an address inside the network the import runs in.
var errPrivate = errors.New("refused: a private, loopback or link-local address (--allow-private-media allows it)")

// mediaClient is the HTTP client of --fetch-media: http and https only, no
// proxy from the environment, a deadline and a size limit per file, and
// (unless allowPrivate) no connection to a private, loopback, link-local
// or otherwise internal address, checked on the address actually dialled
// so that neither DNS nor a redirect can lead inside.
func mediaClient(allowPrivate bool) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		if allowPrivate {
			return nil
		}
		ap, err := netip.ParseAddrPort(address)
		if err != nil || internal(ap.Addr()) {
			return errPrivate
		}
		return nil
	}}
	return &http.Client{
		Timeout: fetchTimeout,
		Transport: &http.Transport{Proxy: nil, DialContext: d.DialContext, TLSHandshakeTimeout: 10 * time.Second,
			ResponseHeaderTimeout: 15 * time.Second, MaxIdleConnsPerHost: 2},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= fetchRedirects {
				return errors.New("too many redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return errors.New("redirect to a scheme other than http(s)")
			}
			return nil
		},
	}
}

func internal(a netip.Addr) bool {
	a = a.Unmap()
	return !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() ||
		netip.MustParsePrefix("100.64.0.0/10").Contains(a) || netip.MustParsePrefix("192.0.0.0/24").Contains(a) ||
		netip.MustParsePrefix("198.18.0.0/15").Contains(a) || netip.MustParsePrefix("64:ff9b::/96").Contains(a)
}

// fetchMedia downloads one original from the old site.
func fetchMedia(ctx context.Context, c *http.Client, raw string) ([]byte, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("not an http(s) address")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "newsroom-wordpress-import")
	res, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download: %w", unwrapURLError(err))
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download: %s", res.Status)
	}
	if res.ContentLength > maxUploadBytes {
		return nil, fmt.Errorf("larger than %d MB", maxUploadBytes>>20)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, maxUploadBytes+1))
	if err != nil {
		return nil, fmt.Errorf("download: %w", err)
	}
	if len(data) > maxUploadBytes {
		return nil, fmt.Errorf("larger than %d MB", maxUploadBytes>>20)
	}
	return data, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
