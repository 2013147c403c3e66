package handlers

import (
	"github.com/gin-gonic/gin"
)

// Router returns the reader site's route table: read it as the site map.
// The newsroom mounts itself under /admin (admin.Register), in cmd.
func (h *Handler) Router() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	// Believe X-Forwarded-For only from configured proxies (NEWSROOM_TRUSTED_PROXIES).
	if err := r.SetTrustedProxies(h.trustedProxies); err != nil {
		h.log.Error("trusted proxies", "err", err)
	}
	r.RedirectTrailingSlash = true
	r.RedirectFixedPath = false
	r.HandleMethodNotAllowed = false
	r.Use(h.recoverPanic, h.logRequest, h.guardRequest, h.securityHeaders)
	r.NoRoute(h.notFound)

	// Operations
	r.GET("/healthz", h.health)
	r.HEAD("/healthz", h.health)
	r.GET("/static/*file", h.staticFile)
	r.HEAD("/static/*file", h.staticFile)
	r.GET("/favicon.ico", h.favicon)
	r.HEAD("/favicon.ico", h.favicon)
	if h.photos != nil {
		r.GET("/media/:id/:file", h.photos.ServeMedia)
		r.HEAD("/media/:id/:file", h.photos.ServeMedia)
	}

	// Search engines
	r.GET("/robots.txt", h.robots)
	r.GET("/sitemap.xml", h.sitemapIndex)
	r.GET("/sitemaps/:file", h.sitemapMonth)

	// Language choice
	r.GET("/", h.rootRedirect)
	r.HEAD("/", h.rootRedirect)
	r.GET("/lang/:code", h.languageSwitch)

	// Reader site, one group per configured language
	for _, code := range h.langs.Codes() {
		g := r.Group("/" + code)
		g.Use(h.withLang(code))
		for _, m := range []string{"GET", "HEAD"} {
			g.Handle(m, "/", h.frontShow)
			g.Handle(m, "/latest", h.latestList)
			g.Handle(m, "/news/:number", h.articleShow)
			g.Handle(m, "/news/:number/:slug", h.articleShow)
			g.Handle(m, "/section/:section", h.sectionList)
			g.Handle(m, "/tag/:tag", h.tagList)
			g.Handle(m, "/author/:handle", h.authorList)
			g.Handle(m, "/search", h.searchShow)
			g.Handle(m, "/feed.xml", h.langFeed)
			g.Handle(m, "/atom.xml", h.langFeed)
			g.Handle(m, "/section/:section/feed.xml", h.sectionFeed)
			g.Handle(m, "/section/:section/atom.xml", h.sectionFeed)
			g.Handle(m, "/tag/:tag/feed.xml", h.tagFeed)
			g.Handle(m, "/tag/:tag/atom.xml", h.tagFeed)
			g.Handle(m, "/manifest.webmanifest", h.manifestShow)
		}
	}
	return r
}
