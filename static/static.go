// Package static holds the site's stylesheet and scripts, embedded in the
// binary and served under a content hash so browsers may cache them forever,
// and names the newsroom's own files (FromFS) the same way.
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
	prefix string
	byName map[string]*Asset
	byURL  map[string]*Asset
}

// Load reads the reader site's embedded files and computes their hashed
// URLs under /static/.
func Load() (*Assets, error) {
	return FromFS(files, "files", "/static/")
}

// FromFS reads the files under dir of fsys and names each by a hash of its
// content under prefix: "site.css" becomes prefix+"site.3f2a9c1b.css".
// The newsroom and its media library load their own files with it.
func FromFS(fsys fs.FS, dir, prefix string) (*Assets, error) {
	a := &Assets{prefix: prefix, byName: map[string]*Asset{}, byURL: map[string]*Asset{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, dir+"/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		url := prefix + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		as := &Asset{Name: name, URL: url, ContentType: ct, Body: body}
		a.byName[name], a.byURL[url] = as, as
		return nil
	})
	if err == nil && len(a.byName) == 0 {
		err = fmt.Errorf("no files in %s", dir)
	}
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
	return a.prefix + "missing/" + name
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
