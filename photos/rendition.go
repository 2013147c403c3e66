package photos

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// Crops are the thumbnail shapes listings use.
const (
	CropWide   = "thumb"  // 3:2
	CropSquare = "square" // 1:1
)

// ThumbWidths are the thumbnail widths served; any other is refused, so a
// stranger cannot fill the disk with sizes nobody uses.
var thumbWidths = []int{160, 320, 640}

// ThumbWidths returns the thumbnail widths served.
func ThumbWidths() []int { return slices.Clone(thumbWidths) }

func ext(format string) string {
	if format == media.JPEG {
		return "jpg"
	}
	return format
}

// fileName is a rendition's name in URLs, GridFS and the cache: 640.jpg.
func fileName(width int, format string) string {
	return strconv.Itoa(width) + "." + ext(format)
}

// thumbName is a thumbnail's name: thumb-320-r2.jpg (r: the crop revision).
func thumbName(crop string, width, rev int) string {
	return crop + "-" + strconv.Itoa(width) + "-r" + strconv.Itoa(rev) + ".jpg"
}

// ETag is the strong entity tag of bytes served: a hash of the content.
func ETag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// Rendition returns the rendition of photo id at width in format (media.JPEG
// or media.WebP) and its ETag: from the disk cache, or from GridFS on a miss
// (and then cached). ErrNotFound when there is no such photo or size.
func (l *Library) Rendition(ctx context.Context, id string, width int, format string) ([]byte, string, error) {
	if !validID(id) {
		return nil, "", fmt.Errorf("photos: photo %q: %w", id, ErrNotFound)
	}
	name := fileName(width, format)
	if data, ok := l.readCache(id, name); ok {
		return data, ETag(data), nil
	}
	// One filler per file: a page of 30 photos on a cold cache must not
	// read each one from GridFS 30 times.
	unlock := l.lockFill(id + "/" + name)
	defer unlock()
	if data, ok := l.readCache(id, name); ok {
		return data, ETag(data), nil
	}
	p, err := l.lookup(ctx, id)
	if err != nil {
		return nil, "", err
	}
	r, ok := findRendition(p, width, format)
	if !ok {
		return nil, "", fmt.Errorf("photos: photo %s has no %s: %w", id, name, ErrNotFound)
	}
	// The database's deadline, not GridFS's longer one for uploads: a
	// reader waits on this, and during an outage must hear so quickly.
	gctx, cancel := context.WithTimeout(ctx, l.st.Timeout())
	defer cancel()
	data, err := l.files.Get(gctx, r.File)
	if errors.Is(err, media.ErrNotFound) {
		return nil, "", fmt.Errorf("photos: photo %s: file of %s is gone: %w", id, name, ErrNotFound)
	}
	if err != nil {
		return nil, "", fmt.Errorf("photos: photo %s: %w", id, err)
	}
	if err := l.writeCache(id, name, data); err != nil {
		l.log.Warn("photos: writing the disk cache", "photo", id, "file", name, "err", err)
	}
	return data, ETag(data), nil
}

func findRendition(p *Photo, width int, format string) (store.Rendition, bool) {
	for _, r := range p.Renditions {
		if r.Width == width && r.Format == format {
			return r, true
		}
	}
	return store.Rendition{}, false
}

// largest returns the widest rendition in format.
func largest(p *Photo, format string) (store.Rendition, bool) {
	var best store.Rendition
	for _, r := range p.Renditions {
		if r.Format == format && r.Width > best.Width {
			best = r
		}
	}
	return best, best.Width > 0
}

// Thumbnail returns a crop of photo id (CropWide or CropSquare) at width,
// cut around the focal point from the largest JPEG rendition, and its ETag.
// The result is cached on disk under the photo's current crop revision.
func (l *Library) Thumbnail(ctx context.Context, id, crop string, width int) ([]byte, string, error) {
	if !validID(id) || (crop != CropWide && crop != CropSquare) || !slices.Contains(thumbWidths, width) {
		return nil, "", fmt.Errorf("photos: thumbnail %q %s %d: %w", id, crop, width, ErrNotFound)
	}
	p, err := l.lookup(ctx, id)
	if err != nil {
		return nil, "", err
	}
	name := thumbName(crop, width, p.CropRev)
	if data, ok := l.readCache(id, name); ok {
		return data, ETag(data), nil
	}
	unlock := l.lockFill(id + "/" + name)
	defer unlock()
	if data, ok := l.readCache(id, name); ok {
		return data, ETag(data), nil
	}
	src, ok := largest(p, media.JPEG)
	if !ok {
		return nil, "", fmt.Errorf("photos: photo %s has no JPEG rendition: %w", id, ErrNotFound)
	}
	raw, _, err := l.Rendition(ctx, id, src.Width, media.JPEG)
	if err != nil {
		return nil, "", err
	}
	release, err := acquire(ctx, l.cropping)
	if err != nil {
		return nil, "", err
	}
	defer release()
	img, err := jpeg.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, "", fmt.Errorf("photos: photo %s: decoding its %d px rendition: %w", id, src.Width, err)
	}
	h := width * 2 / 3
	if crop == CropSquare {
		h = width
	}
	t, err := media.Thumbnail(img, p.FocusX, p.FocusY, width, h)
	if err != nil {
		return nil, "", fmt.Errorf("photos: photo %s: thumbnail: %w", id, err)
	}
	if err := l.writeCache(id, name, t.Data); err != nil {
		l.log.Warn("photos: writing the disk cache", "photo", id, "file", name, "err", err)
	}
	return t.Data, ETag(t.Data), nil
}

func (l *Library) lockFill(key string) func() {
	h := fnv.New32a()
	h.Write([]byte(key))
	m := &l.fill[h.Sum32()%uint32(len(l.fill))]
	m.Lock()
	return m.Unlock
}

func (l *Library) cachePath(id, name string) string { return filepath.Join(l.dir, id, name) }

func (l *Library) readCache(id, name string) ([]byte, bool) {
	data, err := os.ReadFile(l.cachePath(id, name))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.log.Warn("photos: reading the disk cache", "photo", id, "file", name, "err", err)
		}
		return nil, false
	}
	return data, true
}

// writeCache writes through a temporary file and a rename, so a reader never
// sees half a file, even when the process dies mid-write.
func (l *Library) writeCache(id, name string, data []byte) error {
	dir := filepath.Join(l.dir, id)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("photos: cache dir: %w", err)
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("photos: cache: %w", err)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), filepath.Join(dir, name))
	}
	if werr != nil {
		_ = os.Remove(f.Name()) // best effort: a stray temp file is harmless
		return fmt.Errorf("photos: cache %s/%s: %w", id, name, werr)
	}
	return nil
}

// dropThumbs removes cached thumbnails of older crops of photo id.
func (l *Library) dropThumbs(id string, keepRev int) {
	entries, err := os.ReadDir(filepath.Join(l.dir, id))
	if err != nil {
		return // nothing cached
	}
	suffix := "-r" + strconv.Itoa(keepRev) + ".jpg"
	for _, e := range entries {
		n := e.Name()
		if (strings.HasPrefix(n, CropWide+"-") || strings.HasPrefix(n, CropSquare+"-")) && !strings.HasSuffix(n, suffix) {
			if err := os.Remove(filepath.Join(l.dir, id, n)); err != nil {
				l.log.Warn("photos: removing an old thumbnail", "photo", id, "file", n, "err", err)
			}
		}
	}
}

// removeCache removes every cached file of photo id.
func (l *Library) removeCache(id string) {
	if !validID(id) {
		return
	}
	if err := os.RemoveAll(filepath.Join(l.dir, id)); err != nil {
		l.log.Warn("photos: removing a deleted photo's cache", "photo", id, "err", err)
	}
}
