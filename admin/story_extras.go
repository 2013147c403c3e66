package admin

import (
	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/story"
)

// storyExtras is what the revisions and translation features add to the
// plain editor: history, translation links, the "source updated" banner,
// who else is editing, and the minor-edit box.
type storyExtras struct {
	HistoryHref string
	Translate   []versionLink // side-by-side editors of other languages (Exists: already translated)
	Stale       *staleView
	Presence    presenceView
	// ShowMinor offers "minor edit, no translation update needed" when
	// this version has translations that would otherwise turn stale.
	ShowMinor bool
}

// storyExtras fills the editor's extras for an existing story; errors in
// these courtesies are logged and leave them out rather than failing the
// editor.
func (a *Admin) storyExtras(c *gin.Context, l *lang.Lang, st *story.Story, lng string) storyExtras {
	var x storyExtras
	if st == nil {
		return x
	}
	u := auth.UserFrom(c)
	if st.Version(lng) != nil {
		x.HistoryHref = editHref(st.Number, lng) + "/history"
	}
	for _, code := range a.langs.Codes() {
		if code == lng {
			continue
		}
		other := st.Version(code)
		if other != nil && other.TranslatedFrom == lng {
			x.ShowMinor = st.Version(lng) != nil
		}
		// Offer the side-by-side editor for translations of this story
		// (made or to make) that the user may work on.
		if (other == nil || other.TranslatedFrom != "") && auth.IsTranslation(st, code) && auth.CanEditVersion(u, st, code) {
			label := l.T("translate.into", "Lang", langName(l, a.langs, code))
			if other != nil {
				label = l.T("translate.side_by_side", "Lang", langName(l, a.langs, code))
			}
			x.Translate = append(x.Translate, versionLink{Label: label, Href: translateHref(st.Number, code), Exists: other != nil})
		}
	}
	if v := st.Version(lng); v != nil && v.TranslatedFrom != "" && auth.CanEditVersion(u, st, lng) {
		x.Translate = append(x.Translate, versionLink{Label: l.T("translate.side_by_side", "Lang", langName(l, a.langs, lng)),
			Href: translateHref(st.Number, lng), Exists: true})
	}
	sv, err := a.staleness(c.Request.Context(), l, u, st, lng)
	if err != nil {
		a.log.Warn("staleness", "story", st.Number, "lang", lng, "err", err)
	}
	x.Stale = sv
	x.Presence = a.presence(c, l, st.Number, lng)
	return x
}
