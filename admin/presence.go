package admin

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/store"
)

// Who else has a language version's editor open. This is a soft notice,
// never a lock: the editor page records a heartbeat when it opens and its
// script every presenceEvery; people seen within presenceWindow are shown.
// Heartbeats live in the database (store.Heartbeat, one document per
// language version read by _id), so instances sharing a database see each
// other's editors. When the page is closed its script says so with a
// beacon (presenceLeave), and the others' notices clear at their next
// heartbeat; a tab that could not say so (a crash, a lost connection)
// drops out after presenceWindow.
const (
	presenceEvery  = 10 * time.Second
	presenceWindow = 2 * time.Minute
)

// presenceView is the notice and what the script needs to refresh it.
type presenceView struct {
	Message string
	Href    string
	Every   int // seconds
}

// presence records that the current user has n/lng open and says who
// else has. A failure to record or read is logged and shows nothing: the
// notice is a courtesy, not worth failing the editor for.
func (a *Admin) presence(c *gin.Context, l *lang.Lang, n int, lng string) presenceView {
	pv := presenceView{Href: editHref(n, lng) + "/presence", Every: int(presenceEvery / time.Second)}
	pv.Message = a.heartbeat(c, l, n, lng)
	return pv
}

func (a *Admin) heartbeat(c *gin.Context, l *lang.Lang, n int, lng string) string {
	u := auth.UserFrom(c)
	ctx := c.Request.Context()
	now := a.now()
	if err := a.store.Heartbeat(ctx, n, lng, store.Presence{User: u.ID, Name: u.Name, At: now}); err != nil {
		a.log.Warn("presence heartbeat", "story", n, "lang", lng, "err", err)
		return ""
	}
	seen, err := a.store.Present(ctx, n, lng, now.Add(-presenceWindow))
	if err != nil {
		a.log.Warn("presence", "story", n, "lang", lng, "err", err)
		return ""
	}
	var names []string
	for _, p := range seen {
		if p.User != u.ID {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return l.T("presence.editing", "Names", strings.Join(names, ", "))
}

// presenceBeat is the editor script's heartbeat: it records the user and
// answers with the current notice (empty when nobody else is there).
func (a *Admin) presenceBeat(c *gin.Context) {
	st, lng, u, ok := a.storyFor(c, auth.CanEditVersion)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, gin.H{"message": a.heartbeat(c, a.langFor(c, u), st.Number, lng)})
}

// presenceLeave is the beacon the editor's script sends as the page closes:
// the user no longer has this version open.
func (a *Admin) presenceLeave(c *gin.Context) {
	st, lng, u, ok := a.storyFor(c, auth.CanEditVersion)
	if !ok {
		return
	}
	if err := a.store.Leave(c.Request.Context(), st.Number, lng, u.ID); err != nil {
		a.log.Warn("presence leave", "story", st.Number, "lang", lng, "err", err)
	}
	c.Status(http.StatusNoContent)
}
