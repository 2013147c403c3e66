package wordpress

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// isImage reports whether an attachment address names a photo the
// pipeline takes.
func isImage(u string) bool {
	u = strings.ToLower(u)
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, e := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp"} {
		if strings.HasSuffix(u, e) {
			return true
		}
	}
	return false
}

// photos brings every image attachment into the photo library, through the
// product's pipeline (renditions made, metadata stripped), once: a photo
// whose file content is already in the library is reused.
func (im *importer) photos(ctx context.Context) error {
	ids := make([]int, 0, len(im.p.attachments))
	for id, a := range im.p.attachments {
		if isImage(a.URL) {
			ids = append(ids, id)
		}
	}
	sort.Ints(ids)
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := im.p.attachments[id]
		if _, done := im.photo[id]; done {
			im.r.PhotosReused++
			continue
		}
		if !im.opt.DryRun && im.deps.Photos == nil {
			im.r.add(Problem{Kind: ProblemMissingMedia, Item: id, Detail: a.URL + ": this site has no photo library"})
			continue
		}
		data, err := im.readUpload(a.URL)
		if err != nil && im.fetch != nil {
			data, err = fetchMedia(ctx, im.fetch, a.URL)
		}
		if err != nil {
			im.r.add(Problem{Kind: ProblemMissingMedia, Item: id, Detail: a.URL + ": " + err.Error()})
			continue
		}
		if im.opt.DryRun {
			im.photo[id] = fmt.Sprintf("wp%d", id)
			im.r.Photos++
			continue
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])
		if pid, ok := im.hashes[hash]; ok {
			im.photo[id] = pid
			im.r.PhotosReused++
			if err := im.addRef(ctx, store.ImportRef{ID: refID("attachment", id), Photo: pid}); err != nil {
				return err
			}
			continue
		}
		p, _, err := im.deps.Photos.Upload(ctx, filepath.Base(a.URL), bytes.NewReader(data), By)
		var me *media.Error
		if errors.As(err, &me) {
			im.r.add(Problem{Kind: ProblemMissingMedia, Item: id, Detail: a.URL + ": " + me.Error()})
			continue
		}
		if err != nil {
			return err
		}
		if _, err := im.deps.Photos.Update(ctx, p.ID, im.details(a)); err != nil {
			var fe *photos.FieldError
			if !errors.As(err, &fe) {
				return err
			}
			im.r.add(Problem{Kind: ProblemTooLarge, Item: id, Detail: "caption, alt text or credit: " + fe.Error()})
		}
		im.photo[id], im.hashes[hash] = p.ID, p.ID
		im.r.Photos++
		if err := im.addRef(ctx, store.ImportRef{ID: source + "/photo-hash/" + hash, Photo: p.ID}); err != nil {
			return err
		}
		if err := im.addRef(ctx, store.ImportRef{ID: refID("attachment", id), Photo: p.ID}); err != nil {
			return err
		}
	}
	return nil
}

// details are an attachment's alt text, caption and credit, in the
// attachment's language (or every language of the paper when it has none).
func (im *importer) details(a *attachment) photos.Details {
	d := photos.Details{Alt: story.Text{}, Caption: story.Text{}, Credit: story.Text{}}
	langs := im.opt.Languages
	if im.paperLang(a.Lang) {
		langs = []string{a.Lang}
	}
	for _, l := range langs {
		if a.Alt != "" {
			d.Alt[l] = truncateUTF8(plainText(a.Alt), 2000)
		}
		if a.Caption != "" {
			d.Caption[l] = truncateUTF8(a.Caption, 2000)
		}
		if a.Credit != "" {
			d.Credit[l] = truncateUTF8(plainText(a.Credit), 2000)
		}
	}
	return d
}

// maxUploadBytes bounds one file read from the uploads folder; the photo
// pipeline has its own, lower limit.
const maxUploadBytes = 64 << 20

// readUpload reads the original of an attachment from the local copy of
// wp-content/uploads.
func (im *importer) readUpload(u string) ([]byte, error) {
	if im.opt.Uploads == "" {
		return nil, errors.New("no --uploads folder given")
	}
	i := strings.Index(u, "/wp-content/uploads/")
	if i < 0 {
		return nil, errors.New("not under wp-content/uploads")
	}
	rel := decodeSlug(u[i+len("/wp-content/uploads/"):])
	if q := strings.IndexAny(rel, "?#"); q >= 0 {
		rel = rel[:q]
	}
	// filepath.Join cleans "..": the file stays inside the folder.
	f, err := os.Open(filepath.Join(im.opt.Uploads, filepath.FromSlash(filepath.Clean("/"+rel))))
	if err != nil {
		return nil, errors.New("not in the uploads folder")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxUploadBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxUploadBytes {
		return nil, fmt.Errorf("larger than %d MB", maxUploadBytes>>20)
	}
	return data, nil
}

// addRef records an import reference; one already there (another run) is fine.
func (im *importer) addRef(ctx context.Context, r store.ImportRef) error {
	if im.opt.DryRun {
		return nil
	}
	r.At = time.Now().UTC().Truncate(time.Millisecond)
	err := im.deps.Store.AddImportRef(ctx, r)
	if errors.Is(err, store.ErrExists) {
		return nil
	}
	if err == nil {
		im.refs[r.ID] = r
	}
	return err
}

// mediaIndex answers which photo an image address of the old site is.
type mediaIndex struct{ im *importer }

// Photo implements Media.
func (m mediaIndex) Photo(src string) (string, bool) {
	id, ok := m.im.p.byUpload[uploadKey(src)]
	if !ok {
		return "", false
	}
	pid, ok := m.im.photo[id]
	return pid, ok
}

// Gallery implements Media: the given attachments, or those attached to post.
func (m mediaIndex) Gallery(post int, ids []string) []string {
	var out []string
	if len(ids) > 0 {
		for _, s := range ids {
			var id int
			if _, err := fmt.Sscanf(strings.TrimSpace(s), "%d", &id); err == nil {
				if a, ok := m.im.p.attachments[id]; ok {
					out = append(out, a.URL)
				}
			}
		}
		return out
	}
	var children []int
	for id, a := range m.im.p.attachments {
		if a.Parent == post && isImage(a.URL) {
			children = append(children, id)
		}
	}
	sort.Ints(children)
	for _, id := range children {
		out = append(out, m.im.p.attachments[id].URL)
	}
	return out
}
