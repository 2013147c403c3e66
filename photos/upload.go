package photos

import (
	"context"
	"fmt"
	"io"
	"path"
	"strings"

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
// cache and records the photo. Refusals the uploader can fix are
// *media.Error values with a message ID (error.media.*).
func (l *Library) Upload(ctx context.Context, name string, r io.Reader, by string) (*Photo, error) {
	data, err := media.ReadAll(r, l.limits)
	if err != nil {
		return nil, err
	}
	release, err := acquire(ctx, l.encoding)
	if err != nil {
		return nil, err
	}
	up, err := media.Decode(data, l.limits)
	var rends []media.Rendition
	if err == nil {
		rends, err = media.Renditions(up.Image, l.widths, l.formats)
	}
	release()
	if err != nil {
		return nil, err
	}
	up.Image = nil // the pixels are done with; let them go before the slow writes

	now := l.now().UTC()
	p := &Photo{
		ID: newID(), Name: cleanName(name), Type: up.Type, Width: up.Width, Height: up.Height,
		Size: int64(len(data)), FocusX: 0.5, FocusY: 0.5,
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
