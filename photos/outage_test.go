package photos

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// blackHole forwards TCP connections to target until cut; from then on it
// drops the connections it forwarded and takes new ones without ever
// answering, like a database host that went away mid-flight.
type blackHole struct {
	ln              net.Listener
	network, target string
	mu              sync.Mutex
	cut             bool
	conns           []net.Conn
}

func newBlackHole(t *testing.T, network, target string) *blackHole {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b := &blackHole{ln: ln, network: network, target: target}
	t.Cleanup(func() { ln.Close(); b.closeAll() })
	go b.serve()
	return b
}

func (b *blackHole) serve() {
	for {
		c, err := b.ln.Accept()
		if err != nil {
			return
		}
		b.mu.Lock()
		b.conns = append(b.conns, c)
		cut := b.cut
		b.mu.Unlock()
		if cut {
			continue // held open, never answered
		}
		up, err := net.Dial(b.network, b.target)
		if err != nil {
			c.Close()
			continue
		}
		b.mu.Lock()
		b.conns = append(b.conns, up)
		b.mu.Unlock()
		go func() { _, _ = io.Copy(up, c); up.Close() }()
		go func() { _, _ = io.Copy(c, up); c.Close() }()
	}
}

func (b *blackHole) closeAll() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range b.conns {
		c.Close()
	}
	b.conns = nil
}

func (b *blackHole) cutOff() {
	b.mu.Lock()
	b.cut = true
	b.mu.Unlock()
	b.closeAll()
}

// TestMediaDuringADatabaseOutage: an instance whose disk cache lacks a
// rendition answers 503 with Retry-After within the database timeout while
// the database is away, and what it has cached is still served.
func TestMediaDuringADatabaseOutage(t *testing.T) {
	e := newEnv(t)
	p := upload(t, e.lib, "a.jpg", jpegBytes(t, picture(700, 500)))

	// A second instance reaching the same database through the black hole,
	// with a one-second database timeout and an empty cache of its own.
	rest := strings.TrimPrefix(dbtest.URI(t), "mongodb://")
	host, path, _ := strings.Cut(rest, "/")
	host, err := url.QueryUnescape(host)
	if err != nil {
		t.Fatal(err)
	}
	network := "tcp"
	if strings.HasSuffix(host, ".sock") {
		network = "unix"
	}
	hole := newBlackHole(t, network, host)
	uri := "mongodb://" + hole.ln.Addr().String() + "/" + path
	client, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	db := client.Database(e.st.DB().Name())
	const dbTimeout = time.Second
	other, err := New(context.Background(), Deps{Store: store.New(db, dbTimeout), Files: media.NewFiles(db),
		CacheDir: t.TempDir(), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv := serveLib(t, other)
	if _, res := get(t, srv, "/media/"+p.ID+"/320.jpg", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("before the outage: %d", res.StatusCode)
	}
	hole.cutOff()
	// A rendition, a thumbnail and a photo this instance has not seen: none cached here.
	q := upload(t, e.lib, "b.jpg", jpegBytes(t, picture(500, 300)))
	for _, path := range []string{
		"/media/" + p.ID + "/640.jpg",
		"/media/" + p.ID + "/" + thumbName(CropWide, 320, 0),
		"/media/" + q.ID + "/320.webp",
	} {
		start := time.Now()
		_, res := get(t, srv, path, nil)
		took := time.Since(start)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" ||
			res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s during the outage: %d, Retry-After %q, Cache-Control %q", path, res.StatusCode,
				res.Header.Get("Retry-After"), res.Header.Get("Cache-Control"))
		}
		if took > dbTimeout+time.Second {
			t.Errorf("%s: the answer took %s, with a database timeout of %s", path, took, dbTimeout)
		}
	}
	// What this instance has cached is still served.
	if _, res := get(t, srv, "/media/"+p.ID+"/320.jpg", nil); res.StatusCode != http.StatusOK {
		t.Errorf("a cached rendition during the outage: %d", res.StatusCode)
	}
}
