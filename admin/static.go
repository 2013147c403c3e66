package admin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// assetURL names a static file with its content hash, so it can be cached
// for good and still change with every release.
func (a *Admin) assetURL(name string) string { return a.assets.URL(name) }

func (a *Admin) staticFile(c *gin.Context) {
	f, ok := a.assets.ByURL(c.Request.URL.Path)
	if !ok {
		a.fail(c, notFound())
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	c.Data(http.StatusOK, f.ContentType, f.Body)
}
