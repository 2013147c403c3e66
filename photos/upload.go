package photos

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/store"
)

// maxNameLen bounds the stored file name; phones' names are short, the
// rest is someone's mistake or mischief.
const maxNameLen = 200

// Upload reads a photo from r (at most Limits.MaxBytes), checks and decodes
// it, keeps the original in GridFS, makes and stores the renditions (JPEG
// and WebP at each width, none wider than the photo), puts them in the disk
// cache and records the photo. The same bytes uploaded again give back the
// photo they made the first time (existing is true). Refusals the uploader
// can fix are *media.Error values with a message ID (error.media.*);
// ErrBusy means "try again later": no room to decode within
// Deps.UploadWait, or the work outlived Deps.UploadTimeout (it then goes
// on, and the retry finds its photo).
func (l *Library) Upload(ctx context.Context, name string, r io.Reader, by string) (p *Photo, existing bool, err error) {
	data, err := media.ReadAll(r, l.limits)
	if err != nil {
		return nil, false, err
	}
	h, err := media.Inspect(data, l.limits)
	if err != nil {
		return nil, false, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	id := newID()
	if p, err := l.claim(ctx, hash, id); p != nil || err != nil {
		return p, p != nil, err
	}
	unclaim := func() {
		if err := l.st.ReleasePhotoHash(context.WithoutCancel(ctx), hash, id); err != nil {
			l.log.Warn("photos: releasing the hash of a failed upload", "photo", id, "err", err)
		}
	}
	release, err := l.gate.enter(ctx, h.Bytes)
	if err != nil {
		unclaim()
		return nil, false, err
	}
	// The work goes on without the request: a client that gave up, or a
	// deadline passed, leaves it to finish and be found by a retry.
	done := make(chan uploadResult, 1)
	go func() {
		defer release()
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), workTime)
		defer cancel()
		p, err := l.process(wctx, id, hash, name, data, by)
		if err != nil {
			unclaim()
		}
		done <- uploadResult{p, err}
	}()
	timer := time.NewTimer(l.uploadTime)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.p, false, res.err
	case <-timer.C:
		return nil, false, fmt.Errorf("photos: upload %s still processing after %s: %w", id, l.uploadTime, ErrBusy)
	case <-ctx.Done():
		return nil, false, fmt.Errorf("photos: upload %s: %w", id, ctx.Err())
	}
}

// workTime bounds the processing of an upload once it has room: decoding
// and cutting the largest photo accepted, and writing its files.
const workTime = 5 * time.Minute

type uploadResult struct {
	p   *Photo
	err error
}

// staleClaim is how old a claim on a hash whose photo never appeared must
// be to be taken over: its upload died with its process.
const staleClaim = 10 * time.Minute

// claim claims hash for the new photo id. When the same bytes were claimed
// before, it returns their photo, or ErrBusy while that is still being
// made; (nil, nil) means the claim is id's.
func (l *Library) claim(ctx context.Context, hash, id string) (*Photo, error) {
	for range 2 {
		err := l.st.ClaimPhotoHash(ctx, store.PhotoHash{Hash: hash, Photo: id, At: l.now().UTC()})
		if !errors.Is(err, store.ErrConflict) {
			return nil, err
		}
		c, err := l.st.PhotoHashClaim(ctx, hash)
		if errors.Is(err, store.ErrNotFound) {
			continue // released in between: claim again
		}
		if err != nil {
			return nil, err
		}
		p, err := l.lookup(ctx, c.Photo)
		if err == nil || !errors.Is(err, ErrNotFound) {
			return p, err
		}
		if l.now().Sub(c.At) < staleClaim {
			return nil, fmt.Errorf("photos: the same photo is being uploaded as %s: %w", c.Photo, ErrBusy)
		}
		if err := l.st.ReleasePhotoHash(ctx, hash, c.Photo); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("photos: claiming upload %s: %w", hash, ErrBusy)
}

// process decodes an upload, makes its renditions and stores it all.
func (l *Library) process(ctx context.Context, id, hash, name string, data []byte, by string) (*Photo, error) {
	up, err := media.Decode(data, l.limits)
	var rends []media.Rendition
	if err == nil {
		rends, err = media.Renditions(up.Image, l.widths, l.formats)
	}
	if err != nil {
		return nil, err
	}
	up.Image = nil // the pixels are done with; let them go before the slow writes

	now := l.now().UTC()
	p := &Photo{
		ID: id, Name: cleanName(name), Type: up.Type, Width: up.Width, Height: up.Height,
		Size: int64(len(data)), FocusX: 0.5, FocusY: 0.5, Hash: hash,
		UploadedBy: by, UploadedAt: now, UpdatedAt: now,
	}
	var stored []string // GridFS files to remove if a later step fails
	fail := func(err error) (*Photo, error) {
		for _, f := range stored {
			if derr := l.files.Delete(context.WithoutCancel(ctx), f); derr != nil {
				l.log.Warn("photos: removing a file of a failed upload", "file", f, "err", derr)
			}
		}
		return nil, err
	}
	orig, err := l.files.Put(ctx, p.Name, data, bson.D{{Key: "photo", Value: p.ID}, {Key: "kind", Value: "original"}, {Key: "type", Value: up.Type}})
	if err != nil {
		return fail(fmt.Errorf("photos: upload %s: %w", p.ID, err))
	}
	stored = append(stored, orig)
	p.Original = orig
	for _, rd := range rends {
		name := fileName(rd.Width, rd.Format)
		f, err := l.files.Put(ctx, p.ID+"/"+name, rd.Data, bson.D{{Key: "photo", Value: p.ID}, {Key: "kind", Value: "rendition"}})
		if err != nil {
			return fail(fmt.Errorf("photos: upload %s: %w", p.ID, err))
		}
		stored = append(stored, f)
		p.Renditions = append(p.Renditions, store.Rendition{Width: rd.Width, Height: rd.Height, Format: rd.Format, Size: len(rd.Data), File: f})
		// The cache is a copy: failing to write it costs a GridFS read later, not the upload.
		if err := l.writeCache(p.ID, name, rd.Data); err != nil {
			l.log.Warn("photos: writing the disk cache", "photo", p.ID, "file", name, "err", err)
		}
	}
	if err := l.st.PutPhoto(ctx, p); err != nil {
		return fail(fmt.Errorf("photos: upload %s: %w", p.ID, err))
	}
	l.remember(p)
	l.log.Info("photo uploaded", "photo", p.ID, "name", p.Name, "type", p.Type,
		"width", p.Width, "height", p.Height, "bytes", p.Size, "by", by)
	return p, nil
}

// cleanName keeps the last path element of an uploaded file's name, without
// control characters, bounded in length.
func cleanName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" {
		name = ""
	}
	if len(name) > maxNameLen {
		name = strings.ToValidUTF8(name[:maxNameLen], "")
	}
	return name
}
