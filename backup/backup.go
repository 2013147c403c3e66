// Package backup writes and restores the archive of everything a paper owns:
// every collection of its database as Extended JSON lines, and the files of
// its GridFS buckets (photo originals and renditions) as they are stored,
// with a manifest of counts and SHA-256 checksums.
//
// The archive is a gzip-compressed tar file:
//
//	collections/<name>.jsonl          one canonical Extended JSON document per line
//	gridfs/<bucket>/<file id>/<n>     chunk n of a GridFS file, its bytes as stored
//	manifest.json                     written last: format, time, schema version,
//	                                  and per part its count, bytes and SHA-256
//
// A part is one collection: its .jsonl entry, or for a GridFS bucket's chunks
// all its chunk entries in archive order. A part's SHA-256 is over the
// bytes of its entries in that order.
package backup

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"slices"
	"strings"
	"time"
)

// Format names this layout in the manifest.
const Format = "newsroom-backup/1"

// manifestName is the archive's last entry; an archive without it is incomplete.
const manifestName = "manifest.json"

// Left out of every backup: sessions and one-time tokens (a restored site
// logs everyone out and old links stop working), who has a story open,
// passing state (record locks, failed logins, the change log other
// instances follow) and the marker of a restore in progress.
var skipped = []string{"sessions", "tokens", "invitations", "resets", "presence",
	"locks", "login_failures", "changes", markerCollection}

// Manifest describes an archive.
type Manifest struct {
	Format    string    `json:"format"`
	CreatedAt time.Time `json:"created_at"`
	Newsroom  string    `json:"newsroom"` // the version that wrote it
	Schema    int       `json:"schema"`   // the database's schema version
	Parts     []Part    `json:"parts"`
}

// Part is one collection in the archive.
type Part struct {
	Collection string `json:"collection"`
	Kind       string `json:"kind"`  // KindDocuments or KindChunks
	Entry      string `json:"entry"` // the .jsonl entry, or the folder of the chunk entries
	Count      int64  `json:"count"` // documents, or chunks
	Bytes      int64  `json:"bytes"`
	SHA256     string `json:"sha256"`
	// Indexes are the collection's indexes but _id's, recreated on restore
	// (a restored database must enforce the same unique keys).
	Indexes []Index `json:"indexes,omitempty"`
}

// Index is one index of a collection.
type Index struct {
	Name   string          `json:"name"`
	Keys   json.RawMessage `json:"keys"` // canonical Extended JSON: key order matters
	Unique bool            `json:"unique,omitempty"`
}

// Kinds of parts.
const (
	KindDocuments = "documents"
	KindChunks    = "gridfs-chunks"
)

// Documents returns how many documents (or chunks) the archive holds in all.
func (m *Manifest) Documents() int64 {
	var n int64
	for _, p := range m.Parts {
		n += p.Count
	}
	return n
}

// kindOf tells a GridFS bucket's chunks from ordinary documents: the driver
// names a bucket's collections <bucket>.files and <bucket>.chunks.
func kindOf(name string, all []string) string {
	if b, ok := strings.CutSuffix(name, ".chunks"); ok && slices.Contains(all, b+".files") {
		return KindChunks
	}
	return KindDocuments
}

func entryOf(name, kind string) string {
	if kind == KindChunks {
		return "gridfs/" + strings.TrimSuffix(name, ".chunks") + "/"
	}
	return "collections/" + name + ".jsonl"
}

// partOf returns the collection an archive entry belongs to.
func partOf(entry string) (string, bool) {
	if n, ok := strings.CutPrefix(entry, "collections/"); ok {
		return strings.CutSuffix(n, ".jsonl")
	}
	if n, ok := strings.CutPrefix(entry, "gridfs/"); ok {
		b, _, ok := strings.Cut(n, "/")
		return b + ".chunks", ok
	}
	return "", false
}

// counter hashes and counts a part's bytes.
type counter struct {
	h     hash.Hash
	bytes int64
	count int64
}

func newCounter() *counter { return &counter{h: sha256.New()} }

func (c *counter) Write(p []byte) (int, error) {
	c.bytes += int64(len(p))
	return c.h.Write(p)
}

func (c *counter) sum() string { return hex.EncodeToString(c.h.Sum(nil)) }
