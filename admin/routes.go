package admin

import (
	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
)

// Register adds the newsroom's routes to r (the /admin group): read it as
// the newsroom's map. Every route gets the newsroom's headers, the
// cross-origin check and a bounded body; all but login, setup and static
// files need a session, and every POST behind a session needs its CSRF token.
func (a *Admin) Register(r *gin.RouterGroup) {
	r.Use(auth.PrivateHeaders, a.crossOrigin, a.limitBody)

	// Static files (toolbar, preview, autosave; styles)
	r.GET("/static/:file", a.staticFile)

	// Login and the one-time setup of the first admin
	r.GET("/login", a.loginShow)
	r.POST("/login", a.loginSubmit)
	r.GET("/setup", a.setupShow)
	r.POST("/setup", a.setupSubmit)
	r.GET("/invite/:token", a.inviteShow)
	r.POST("/invite/:token", a.inviteAccept)

	in := r.Group("", a.requireUser, auth.CSRF(maxFormMemory, a.refuse))
	in.POST("/logout", a.logout)
	in.POST("/me", a.meSave)
	in.GET("/account", a.accountShow)
	in.POST("/account/password", a.passwordChange)

	// Dashboard
	in.GET("/", a.dashboardShow)

	// Stories
	in.GET("/stories/new", a.storyNew)
	in.POST("/stories/new", a.storyCreate)
	in.GET("/stories/:number/:lang", a.storyEdit)
	in.POST("/stories/:number/:lang", a.storySave)
	in.POST("/stories/:number/:lang/pending/approve", a.pendingApprove)
	in.POST("/stories/:number/:lang/pending/reject", a.pendingReject)
	in.POST("/preview", a.preview)
	in.GET("/stories/:number/delete", a.storyDeleteShow)
	in.POST("/stories/:number/delete", a.storyDelete)

	// Reporters' profiles and guest contributors
	in.GET("/people", a.peopleShow)
	in.POST("/people", a.personCreate)
	in.GET("/people/:handle", a.personShow)
	in.POST("/people/:handle", a.personSave)

	// The front page (pins and the breaking-news banner, per language)
	in.GET("/front", a.frontShow)
	in.POST("/front/:lang", a.frontSave)

	// The trash (restore within story.TrashKeep; purge for good)
	in.GET("/trash", a.trashShow)
	in.POST("/trash/empty", a.trashEmpty)
	in.POST("/trash/:number/restore", a.trashRestore)
	in.POST("/trash/:number/purge", a.trashPurge)

	// Revisions, conflicts and translation (history, side-by-side editor,
	// staleness, presence), the translation desk and the glossary
	in.GET("/stories/:number/:lang/history", a.historyShow)
	in.POST("/stories/:number/:lang/history/restore", a.historyRestore)
	in.GET("/stories/:number/:lang/translate", a.translateShow)
	in.POST("/stories/:number/:lang/uptodate", a.markUpToDate)
	in.POST("/stories/:number/:lang/presence", a.presenceBeat)
	in.POST("/stories/:number/:lang/presence/leave", a.presenceLeave)
	in.GET("/desk", a.deskShow)
	in.GET("/glossary", a.glossaryShow)
	in.POST("/glossary", a.glossarySave)
	in.POST("/glossary/delete", a.glossaryDelete)

	// Administration
	in.GET("/users", a.usersShow)
	in.POST("/users", a.userCreate)
	in.POST("/users/invite", a.userInvite)
	in.POST("/users/:id", a.userUpdate)
	in.POST("/users/:id/unlock", a.userUnlock)
	in.GET("/sections", a.sectionsShow)
	in.POST("/sections", a.sectionSave)
	in.GET("/audit", a.auditShow)
	in.GET("/settings", a.settingsShow)
	in.POST("/settings", a.settingsSave)

	// Moving from WordPress: the import and the 404 monitor of old addresses
	in.GET("/import", a.importShow)
	in.POST("/import", a.importUpload)
	in.POST("/import/run", a.importRun)
	in.GET("/redirects", a.redirectsShow)
	in.POST("/redirects", a.redirectSave)
}
