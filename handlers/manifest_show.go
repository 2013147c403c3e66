package handlers

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/pagecache"
)

type manifestIcon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// manifestShow is /{lang}/manifest.webmanifest: the web app manifest that
// lets a phone put the paper on its home screen, named in that language
// and opening its front page.
func (h *Handler) manifestShow(c *gin.Context) {
	l := h.langOf(c)
	name := h.siteName(l)
	body, err := json.Marshal(struct {
		Name            string         `json:"name"`
		ShortName       string         `json:"short_name"`
		Lang            string         `json:"lang"`
		StartURL        string         `json:"start_url"`
		Scope           string         `json:"scope"`
		Display         string         `json:"display"`
		ThemeColor      string         `json:"theme_color"`
		BackgroundColor string         `json:"background_color"`
		Icons           []manifestIcon `json:"icons"`
	}{
		Name: name, ShortName: name, Lang: l.Code, StartURL: "/" + l.Code + "/", Scope: "/",
		Display: "minimal-ui", ThemeColor: "#9b1c1c", BackgroundColor: "#fffdf8",
		Icons: []manifestIcon{
			{Src: h.assets.URL("icon-192.png"), Sizes: "192x192", Type: "image/png"},
			{Src: h.assets.URL("icon-512.png"), Sizes: "512x512", Type: "image/png"},
			{Src: h.assets.URL("icon.svg"), Sizes: "any", Type: "image/svg+xml"},
		},
	})
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, "application/manifest+json", body)
}

// favicon is /favicon.ico, which browsers ask for on their own: the
// home-screen icon, a PNG (every browser takes one under that name).
// Its address has no hash, so browsers keep it for a day only.
func (h *Handler) favicon(c *gin.Context) {
	p, ok := h.statics[h.assets.URL("icon-192.png")]
	if !ok {
		h.notFound(c)
		return
	}
	pagecache.Serve(c.Writer, c.Request, p, "public, max-age=86400")
}
