// Package dbtest gives other packages' tests a real database: one embedded
// server per test binary (or the MongoDB named by MONGODB_TEST_URI) and a
// scratch database per test. No mocks: tests see what production sees.
//
// Use it from TestMain:
//
//	func TestMain(m *testing.M) { dbtest.Main(m) }
//
// and in a test:
//
//	db := dbtest.Database(t)
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/embeddb"
)

// URIEnv names the variable that points the tests at an existing server
// (e.g. a real MongoDB) instead of an embedded one.
const URIEnv = "MONGODB_TEST_URI"

// shared is package state because TestMain has no way to hand values to
// the tests it runs. Main sets it before m.Run and clears nothing: the
// binary exits right after.
var shared struct {
	uri    string
	client *mongo.Client
	runID  string // tells this binary's databases from those of others on the same server
}

var dbCounter atomic.Int64

// Main starts one embedded server in a temp dir for the test binary (unless
// MONGODB_TEST_URI is set), runs m, closes the server, removes the dir and
// exits with m's code.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	uri := os.Getenv(URIEnv)
	if uri == "" {
		dir, err := os.MkdirTemp("", "newsroom-dbtest-")
		if err != nil {
			fmt.Fprintf(os.Stderr, "dbtest: temp dir: %v\n", err)
			return 1
		}
		defer os.RemoveAll(dir)

		// Warnings only: FerretDB reports failed commands at Warn, which
		// is worth seeing next to a failing test.
		logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		srv, err := embeddb.Start(ctx, dir, logger)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dbtest: %v\n", err)
			return 1
		}
		defer func() {
			if err := srv.Close(); err != nil {
				fmt.Fprintf(os.Stderr, "dbtest: close embedded server: %v\n", err)
			}
		}()
		uri = srv.URI()
	}

	client, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		fmt.Fprintf(os.Stderr, "dbtest: connect: %v\n", err)
		return 1
	}
	// Runs before the server's Close (defers are LIFO), so Close need not
	// wait for open connections.
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := client.Disconnect(ctx); err != nil {
			fmt.Fprintf(os.Stderr, "dbtest: disconnect: %v\n", err)
		}
	}()
	// Connect is lazy; fail here, once, rather than in every test.
	if err := client.Ping(ctx, nil); err != nil {
		fmt.Fprintf(os.Stderr, "dbtest: server at %s unreachable: %v\n", redact(uri), err)
		return 1
	}

	shared.uri = uri
	shared.client = client
	shared.runID = randomID()
	return m.Run()
}

// Database returns a scratch database with a unique name on the shared
// server, dropped when the test ends. Safe to call from parallel tests.
func Database(t testing.TB) *mongo.Database {
	t.Helper()
	requireMain(t)
	name := databaseName(shared.runID, dbCounter.Add(1), t.Name())
	db := shared.client.Database(name)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := db.Drop(ctx); err != nil {
			t.Errorf("dbtest: drop scratch database %s: %v", name, err)
		}
	})
	return db
}

// URI returns the shared server's URI, for tests that open their own client.
func URI(t testing.TB) string {
	t.Helper()
	requireMain(t)
	return shared.uri
}

func requireMain(t testing.TB) {
	t.Helper()
	if shared.client == nil {
		t.Fatal("dbtest: no shared server; add func TestMain(m *testing.M) { dbtest.Main(m) } to this package's tests")
	}
}

// maxNameLen keeps names within what both MongoDB (64 bytes) and FerretDB
// (63, [A-Za-z0-9_-]) accept.
const maxNameLen = 63

// databaseName builds "t<run>_<n>_<test name>": the run ID and counter make
// it unique, the test name (made safe, cut to fit) says whose it is when
// one is left behind.
func databaseName(runID string, n int64, testName string) string {
	name := fmt.Sprintf("t%s_%d_", runID, n)
	var b strings.Builder
	b.WriteString(name)
	for _, r := range testName {
		if b.Len() >= maxNameLen {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

func randomID() string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// redact drops the password from a URI before it is printed.
func redact(uri string) string {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return uri
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return uri
	}
	user, _, _ := strings.Cut(userinfo, ":")
	return scheme + "://" + user + ":xxxxx@" + host
}
