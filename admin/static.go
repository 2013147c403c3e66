package admin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"

	"github.com/gin-gonic/gin"
)

// asset is one embedded static file of the newsroom.
type asset struct {
	body  []byte
	hash  string
	ctype string
}

func loadAssets(fsys fs.FS) (map[string]asset, error) {
	names, err := fs.Glob(fsys, "static/*")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("admin: no static files: %v", err)
	}
	out := map[string]asset{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("admin: static %s: %w", n, err)
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(n))
		if ct == "" {
			ct = "application/octet-stream"
		}
		out[path.Base(n)] = asset{body: b, hash: hex.EncodeToString(sum[:6]), ctype: ct}
	}
	return out, nil
}

// assetURL names a static file with its content hash, so it can be cached
// for good and still change with every release.
func (a *Admin) assetURL(name string) string {
	return "/admin/static/" + name + "?v=" + a.assets[name].hash
}

func (a *Admin) staticFile(c *gin.Context) {
	f, ok := a.assets[c.Param("file")]
	if !ok {
		a.fail(c, notFound())
		return
	}
	if c.Query("v") == f.hash {
		c.Header("Cache-Control", "public, max-age=31536000, immutable")
	}
	c.Data(http.StatusOK, f.ctype, f.body)
}
