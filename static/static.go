// Package static holds the site's stylesheet and scripts, embedded in the
// binary and served under a content hash so browsers may cache them forever.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"
)

//go:embed files
var files embed.FS

// Asset is one embedded file with its hashed URL.
type Asset struct {
	Name        string // logical name, e.g. "site.css"
	URL         string // "/static/site.3f2a9c1b.css"
	ContentType string
	Body        []byte
}

// Assets maps logical names and hashed URL paths to files.
type Assets struct {
	byName map[string]*Asset
	byURL  map[string]*Asset
}

// Load reads the embedded files and computes their hashed URLs.
func Load() (*Assets, error) {
	a := &Assets{byName: map[string]*Asset{}, byURL: map[string]*Asset{}}
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "files/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		as := &Asset{Name: name, URL: url, ContentType: ct, Body: body}
		a.byName[name], a.byURL[url] = as, as
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static: %w", err)
	}
	return a, nil
}

// URL returns the hashed URL of a logical name; templates call it. An unknown
// name is a programming error caught by the template tests.
func (a *Assets) URL(name string) string {
	if as, ok := a.byName[name]; ok {
		return as.URL
	}
	return "/static/missing/" + name
}

// ByURL finds an asset by its hashed URL path.
func (a *Assets) ByURL(p string) (*Asset, bool) {
	as, ok := a.byURL[p]
	return as, ok
}

// All lists the assets.
func (a *Assets) All() []*Asset {
	out := make([]*Asset, 0, len(a.byURL))
	for _, as := range a.byURL {
		out = append(out, as)
	}
	return out
}
