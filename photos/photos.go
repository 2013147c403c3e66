// Package photos is the paper's media library: uploads (checked, decoded and
// cut into renditions by package media, kept in GridFS), metadata (package
// store, held in memory here because reader pages look photos up on every
// render), serving of renditions from a disk cache under /media/, the
// markup pages put them in, and the newsroom's library pages under
// /admin/media/.
package photos

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/lang"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/render"
	"github.com/newsroom/newsroom/static"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// Photo is a photo of the library. Values handed out by a Library are
// shared: read them, never change them (use Library.Update).
type Photo = store.Photo

// ErrNotFound is returned for a photo or rendition that does not exist.
var ErrNotFound = errors.New("photos: not found")

// Deps are what a Library is built from. Store, Files and CacheDir are
// required; Auth and Langs only for the newsroom pages (RegisterAdmin).
type Deps struct {
	Store    *store.Store
	Files    *media.Files
	CacheDir string       // renditions and thumbnails served from here; e.g. <data dir>/media
	Limits   media.Limits // zero: media.DefaultLimits()
	// UploadMemory is the memory uploads being decoded may take together
	// (zero: 512 MB); UploadWait how long an upload waits for room before
	// ErrBusy (zero: 10 s); UploadTimeout how long a client waits for its
	// upload to be processed before ErrBusy (zero: 60 s).
	UploadMemory  int64
	UploadWait    time.Duration
	UploadTimeout time.Duration
	Log           *slog.Logger

	Auth  *auth.Service
	Langs *lang.Set
	// Stories lists the stories to look through before a photo is deleted
	// (the in-memory catalogue's All). Nil: no story is ever found using one.
	Stories func() []*story.Story
	// Changed is called after a photo's caption, credit, alt text or crop
	// changes or it is deleted, so the page cache can drop pages showing it.
	Changed func(id string)
	Now     func() time.Time
}

// Library is the media library; it is safe for concurrent use.
type Library struct {
	st         *store.Store
	files      *media.Files
	dir        string
	limits     media.Limits
	log        *slog.Logger
	auth       *auth.Service
	langs      *lang.Set
	stories    func() []*story.Story
	changed    func(string)
	now        func() time.Time
	widths     []int
	formats    []string
	gate       *gate // bounds uploads being decoded and encoded at once
	uploadTime time.Duration
	cropping   chan struct{} // bounds thumbnails being made at once
	fill       [64]sync.Mutex
	sameSite   *http.CrossOriginProtection // refuses changes sent from other sites

	mu     sync.RWMutex
	byID   map[string]*Photo
	newest []*Photo // newest upload first

	pages  *render.Renderer // newsroom pages; nil until parsed
	assets *static.Assets
}

// New builds the library and loads every photo's metadata.
func New(ctx context.Context, d Deps) (*Library, error) {
	if d.Store == nil || d.Files == nil || d.CacheDir == "" {
		return nil, fmt.Errorf("photos: Store, Files and CacheDir are required")
	}
	if d.Limits == (media.Limits{}) {
		d.Limits = media.DefaultLimits()
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Changed == nil {
		d.Changed = func(string) {}
	}
	if d.UploadMemory <= 0 {
		d.UploadMemory = DefaultUploadMemory
	}
	if d.UploadWait <= 0 {
		d.UploadWait = defaultUploadWait
	}
	if d.UploadTimeout <= 0 {
		d.UploadTimeout = defaultUploadTime
	}
	l := &Library{
		st: d.Store, files: d.Files, dir: d.CacheDir, limits: d.Limits, log: d.Log,
		auth: d.Auth, langs: d.Langs, stories: d.Stories, changed: d.Changed, now: d.Now,
		widths: media.DefaultWidths(), formats: []string{media.JPEG, media.WebP},
		gate: newGate(d.UploadMemory, d.UploadWait), uploadTime: d.UploadTimeout,
		cropping: make(chan struct{}, 2),
		sameSite: http.NewCrossOriginProtection(),
	}
	if err := l.Load(ctx); err != nil {
		return nil, err
	}
	if d.Auth != nil {
		if d.Langs == nil {
			return nil, fmt.Errorf("photos: the newsroom pages need Langs")
		}
		if err := l.parsePages(); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// Load (re)reads every photo's metadata from the database, e.g. to catch
// up with photos uploaded through another instance.
func (l *Library) Load(ctx context.Context) error {
	all, err := l.st.Photos(ctx)
	if err != nil {
		return fmt.Errorf("photos: load library: %w", err)
	}
	byID := make(map[string]*Photo, len(all))
	for _, p := range all {
		byID[p.ID] = p
	}
	l.mu.Lock()
	l.byID, l.newest = byID, all
	l.mu.Unlock()
	return nil
}

// Get returns the photo id from memory.
func (l *Library) Get(id string) (*Photo, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	p, ok := l.byID[id]
	return p, ok
}

// All returns every photo, newest upload first.
func (l *Library) All() []*Photo {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return append([]*Photo(nil), l.newest...)
}

// lookup finds a photo in memory, else in the database (uploaded through
// another instance), and remembers it.
func (l *Library) lookup(ctx context.Context, id string) (*Photo, error) {
	if !validID(id) {
		return nil, fmt.Errorf("photos: photo %q: %w", id, ErrNotFound)
	}
	if p, ok := l.Get(id); ok {
		return p, nil
	}
	p, err := l.st.Photo(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("photos: photo %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("photos: photo %s: %w", id, err)
	}
	l.remember(p)
	return p, nil
}

// remember puts p (a new value, never changed afterwards) in memory.
func (l *Library) remember(p *Photo) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.byID[p.ID]; ok {
		for i, q := range l.newest {
			if q.ID == p.ID {
				l.newest[i] = p
			}
		}
	} else {
		l.newest = append([]*Photo{p}, l.newest...)
	}
	l.byID[p.ID] = p
}

func (l *Library) forget(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.byID, id)
	for i, q := range l.newest {
		if q.ID == id {
			l.newest = append(l.newest[:i:i], l.newest[i+1:]...)
			break
		}
	}
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// validID checks an ID before it names a directory or a database key.
func validID(id string) bool { return idPattern.MatchString(id) }

func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// Encoding returns how many uploads are being decoded and encoded now.
func (l *Library) Encoding() int { return int(l.gate.busy.Load()) }

// acquire takes a slot of sem or gives up when ctx ends.

func acquire(ctx context.Context, sem chan struct{}) (func(), error) {
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("photos: waiting for a free slot: %w", ctx.Err())
	}
}

// Changed takes in p as another instance saved it: a new upload joins the
// library (so this instance's picker lists it and its editor accepts it),
// newer details replace the ones in memory, and pages showing the photo are
// rebuilt.
func (l *Library) Changed(p *Photo) {
	old, ok := l.Get(p.ID)
	if !ok {
		l.remember(p)
		return
	}
	if !p.UpdatedAt.After(old.UpdatedAt) {
		return
	}
	l.remember(p)
	if p.CropRev != old.CropRev {
		l.dropThumbs(p.ID, p.CropRev)
	}
	l.changed(p.ID)
}

// Forget drops photo id, deleted by another instance, from memory and from
// this instance's disk cache, so that it is served no more.
func (l *Library) Forget(id string) {
	if _, ok := l.Get(id); !ok {
		return
	}
	l.forget(id)
	l.removeCache(id)
	l.changed(id)
}
