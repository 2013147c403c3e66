package photos

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/lang"
)

// maxShown bounds the grid; a search narrows it.
const maxShown = 120

type libraryItem struct {
	ID, Href, Thumb string
	Caption, Credit string
	Name, Uploaded  string
	Width, Height   int
	AltMissing      []string // names of the languages without alt text
}

// libraryShow is the library grid with its search and date filter.
func (l *Library) libraryShow(c *gin.Context) {
	lg := l.langFor(c, nil)
	q, from, to := c.Query("q"), c.Query("from"), c.Query("to")
	query := Query{Text: q}
	loc := l.langs.Location()
	if t, err := time.ParseInLocation(time.DateOnly, from, loc); err == nil {
		query.From = t
	}
	if t, err := time.ParseInLocation(time.DateOnly, to, loc); err == nil {
		query.To = t.AddDate(0, 0, 1) // through the whole of that day
	}
	found := l.Search(query)
	items := make([]libraryItem, 0, min(len(found), maxShown))
	for _, p := range found[:min(len(found), maxShown)] {
		items = append(items, l.item(p, lg))
	}
	p := l.page(c, lg, lg.T("photos.library.title"))
	if n, err := strconv.Atoi(c.Query("uploaded")); err == nil && n > 0 {
		p.Notice = lg.N("photos.library.uploaded", n)
	}
	if c.Query("deleted") != "" {
		p.Notice = lg.T("photos.library.deleted")
	}
	p.Data = struct {
		frame
		Q, From, To  string
		Items        []libraryItem
		Total, Shown int
		Filtered     bool
	}{l.frame(c), q, from, to, items, len(found), len(items), q != "" || from != "" || to != ""}
	l.show(c, http.StatusOK, "library", p)
}

func (l *Library) item(p *Photo, lg *lang.Lang) libraryItem {
	it := libraryItem{
		ID: p.ID, Href: AdminPrefix + "/photo/" + p.ID, Thumb: ThumbURL(p, CropWide, 320),
		Caption: p.Caption.In(lg.Code), Credit: p.Credit.In(lg.Code), Name: p.Name,
		Uploaded: lg.Date(p.UploadedAt), Width: p.Width, Height: p.Height,
	}
	for _, code := range l.langs.Codes() {
		if AltMissing(p, code) {
			it.AltMissing = append(it.AltMissing, l.langs.Get(code).Name())
		}
	}
	return it
}

// pickJSON lists photos matching ?q= for the story editor's photo picker:
// what to show, the reference to keep as the lead photo, and the Markdown
// that puts the photo in a body.
func (l *Library) pickJSON(c *gin.Context) {
	lg := l.langFor(c, nil)
	// The snippet goes into a story version: ?lang= names its language.
	if sl := l.langs.Get(c.Query("lang")); sl != nil {
		lg = sl
	}
	found := l.Search(Query{Text: c.Query("q")})
	type pick struct {
		ID       string `json:"id"`
		Thumb    string `json:"thumb"`
		Caption  string `json:"caption"`
		Credit   string `json:"credit"`
		Name     string `json:"name"`
		Width    int    `json:"width"`
		Height   int    `json:"height"`
		Markdown string `json:"markdown"`
	}
	out := make([]pick, 0, min(len(found), 60))
	for _, p := range found[:min(len(found), 60)] {
		out = append(out, pick{ID: p.ID, Thumb: ThumbURL(p, CropSquare, 160), Caption: p.Caption.In(lg.Code),
			Credit: p.Credit.In(lg.Code), Name: p.Name, Width: p.Width, Height: p.Height,
			Markdown: Markdown(p, lg.Code)})
	}
	c.JSON(http.StatusOK, gin.H{"photos": out})
}
