package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// bodyCache keeps revision bodies as files in the data dir, and beside
// each the rest of the revision (who, when, the version's fields) for the
// history page. The embedded server answers even an _id lookup by scanning
// its table (hundreds of milliseconds at archive scale), and a revision
// never changes once written, so a local copy can't go stale: it is written
// when a revision is saved and filled from the database on a miss.
type bodyCache struct{ dir string }

// WithBodyCache keeps a copy of every revision body under dir.
func (s *Store) WithBodyCache(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("store: body cache: %w", err)
	}
	s.bodies = &bodyCache{dir: dir}
	return nil
}

func (c *bodyCache) path(n int, lang string, rev int) string {
	// Spread stories over folders of a thousand.
	return filepath.Join(c.dir, strconv.Itoa(n/1000), strconv.Itoa(n)+"-"+lang+"-"+strconv.Itoa(rev)+".md")
}

// putRevision keeps r: its body, and the rest without the body.
func (c *bodyCache) putRevision(r Revision) {
	if c == nil {
		return
	}
	c.put(r.Number, r.Lang, r.Revision, r.Body)
	r.Body = ""
	b, err := bson.Marshal(r)
	if err != nil {
		return // not cached; the database has it
	}
	c.write(c.metaPath(r.Number, r.Lang, r.Revision), b)
}

// revision returns the revision kept, without its body.
func (c *bodyCache) revision(n int, lang string, rev int) (Revision, bool) {
	var r Revision
	if c == nil {
		return r, false
	}
	b, err := os.ReadFile(c.metaPath(n, lang, rev))
	if err != nil || bson.Unmarshal(b, &r) != nil {
		return r, false
	}
	return r, true
}

func (c *bodyCache) metaPath(n int, lang string, rev int) string {
	return strings.TrimSuffix(c.path(n, lang, rev), ".md") + ".bson"
}

func (c *bodyCache) get(n int, lang string, rev int) (string, bool) {
	if c == nil {
		return "", false
	}
	b, err := os.ReadFile(c.path(n, lang, rev))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// put writes through a temporary file so a reader never sees half a body.
// Failing to cache is not failing to save: the database has the body.
func (c *bodyCache) put(n int, lang string, rev int, body string) {
	if c == nil {
		return
	}
	c.write(c.path(n, lang, rev), []byte(body))
}

func (c *bodyCache) write(p string, b []byte) {
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return
	}
	tmp := p + ".tmp" + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return
	}
	if err := os.Rename(tmp, p); err != nil {
		_ = os.Remove(tmp) // best effort; the next put overwrites it
	}
}
