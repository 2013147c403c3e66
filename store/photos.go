package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsroom/newsroom/story"
)

// The photos collection:
//
//	photos  _id "<photo id>"  one photo of the media library: what was
//	                          uploaded, its captions and credit, and the
//	                          GridFS files of the original and renditions
//
// The documents are small (no pixels), so the library is loaded whole and
// kept in memory by package photos; nothing here queries by another field.

// Photo is a photo of the media library.
type Photo struct {
	ID       string `bson:"_id"`
	Original string `bson:"original"` // GridFS file ID of the bytes as uploaded; never served
	Name     string `bson:"name"`     // file name as uploaded, for search
	Type     string `bson:"type"`     // MIME type found from the content
	Width    int    `bson:"width"`    // upright, after the EXIF orientation
	Height   int    `bson:"height"`
	Size     int64  `bson:"size"` // bytes as uploaded

	Caption story.Text `bson:"caption,omitempty"`
	Alt     story.Text `bson:"alt,omitempty"`
	Credit  story.Text `bson:"credit,omitempty"`

	// FocusX and FocusY are the focal point as fractions of the width and
	// height from the top left (0.5, 0.5 is the centre); crops keep it in.
	FocusX float64 `bson:"focus_x"`
	FocusY float64 `bson:"focus_y"`
	// CropRev counts focal point changes; it is part of thumbnail URLs so
	// that a new crop gets a new URL while old ones stay cacheable for good.
	CropRev int `bson:"crop_rev,omitempty"`

	// Hash is the SHA-256 of the bytes as uploaded (hex), by which an
	// identical upload finds this photo; empty for photos from before.
	Hash string `bson:"hash,omitempty"`

	UploadedBy string      `bson:"uploaded_by"`
	UploadedAt time.Time   `bson:"uploaded_at"`
	UpdatedAt  time.Time   `bson:"updated_at"`
	Renditions []Rendition `bson:"renditions"`
}

// Rendition is one stored, metadata-free size of a photo.
type Rendition struct {
	Width  int    `bson:"width"`
	Height int    `bson:"height"`
	Format string `bson:"format"` // "jpeg" or "webp"
	Size   int    `bson:"size"`
	File   string `bson:"file"` // GridFS file ID
}

// Photo returns the photo id.
func (s *Store) Photo(ctx context.Context, id string) (*Photo, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var p Photo
	if err := s.db.Collection("photos").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&p); err != nil {
		return nil, wrap("photo "+id, err)
	}
	return &p, nil
}

// Photos returns the whole library, newest upload first.
func (s *Store) Photos(ctx context.Context) ([]*Photo, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	cur, err := s.db.Collection("photos").Find(ctx, bson.D{})
	if err != nil {
		return nil, wrap("photos", err)
	}
	var out []*Photo
	if err := cur.All(ctx, &out); err != nil {
		return nil, wrap("photos", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].UploadedAt.Equal(out[j].UploadedAt) {
			return out[i].UploadedAt.After(out[j].UploadedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// PutPhoto creates or replaces a photo's metadata.
func (s *Store) PutPhoto(ctx context.Context, p *Photo) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("photos").ReplaceOne(ctx, bson.D{{Key: "_id", Value: p.ID}}, p, options.Replace().SetUpsert(true))
	if err != nil {
		return wrap("put photo "+p.ID, err)
	}
	s.recordChange(ctx, ChangedPhoto, p.ID)
	return nil
}

// PhotoChange is an edit of a photo's details that sets only what it
// names, so that edits of other languages or fields made meanwhile stay.
type PhotoChange struct {
	Text  []PhotoText // captions, alt texts and credits by language
	Focus *[2]float64 // a new focal point (x, y), which also counts a new crop
	At    time.Time
}

// PhotoText is one language's caption, alt text or credit; empty Text
// removes it.
type PhotoText struct {
	Field string // "caption", "alt" or "credit"
	Lang  string // a configured language code
	Text  string
}

// UpdatePhoto applies ch to photo id and returns the photo as stored
// after it; ErrNotFound when there is none. Edits of one photo are
// serialized through its record lock (the embedded server's updates are
// not atomic), and other instances learn of them through the change log.
func (s *Store) UpdatePhoto(ctx context.Context, id string, ch PhotoChange) (*Photo, error) {
	set := bson.D{{Key: "updated_at", Value: ch.At}}
	var unset bson.D
	for _, t := range ch.Text {
		switch t.Field {
		case "caption", "alt", "credit":
		default:
			return nil, fmt.Errorf("store: update photo %s: no field %q", id, t.Field)
		}
		if t.Lang == "" || strings.ContainsAny(t.Lang, ".$") {
			return nil, fmt.Errorf("store: update photo %s: bad language %q", id, t.Lang)
		}
		if t.Text == "" {
			unset = append(unset, bson.E{Key: t.Field + "." + t.Lang, Value: ""})
		} else {
			set = append(set, bson.E{Key: t.Field + "." + t.Lang, Value: t.Text})
		}
	}
	upd := bson.D{{Key: "$set", Value: set}}
	if len(unset) > 0 {
		upd = append(upd, bson.E{Key: "$unset", Value: unset})
	}
	if ch.Focus != nil {
		set = append(set, bson.E{Key: "focus_x", Value: ch.Focus[0]}, bson.E{Key: "focus_y", Value: ch.Focus[1]})
		upd[0].Value = set
		upd = append(upd, bson.E{Key: "$inc", Value: bson.D{{Key: "crop_rev", Value: 1}}})
	}
	var p Photo
	// Under the photo's lock: two instances' edits of different fields
	// would otherwise lose one another on the embedded server.
	err := s.withLock(ctx, "photos/"+id, func(ctx context.Context) error {
		return s.db.Collection("photos").FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: id}}, upd,
			options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&p)
	})
	if err != nil {
		return nil, wrap("update photo "+id, err)
	}
	s.recordChange(ctx, ChangedPhoto, id)
	return &p, nil
}

// DeletePhoto removes a photo's metadata (its files are the caller's);
// ErrNotFound when there was none.
func (s *Store) DeletePhoto(ctx context.Context, id string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	res, err := s.db.Collection("photos").DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return wrap("delete photo "+id, err)
	}
	if res.DeletedCount == 0 {
		return wrap("delete photo "+id, mongo.ErrNoDocuments)
	}
	s.recordChange(ctx, ChangedPhoto, id)
	return nil
}

// PhotoHash is the claim an upload makes on its content hash, so that the
// same bytes uploaded again (a retry, a double click, another instance)
// find the first photo instead of making a second.
type PhotoHash struct {
	Hash  string    `bson:"_id"`
	Photo string    `bson:"photo"`
	At    time.Time `bson:"at"`
}

// ClaimPhotoHash records that photo is being made from the bytes hashed
// h.Hash; ErrConflict when another upload claimed them first.
func (s *Store) ClaimPhotoHash(ctx context.Context, h PhotoHash) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("photo_hashes").InsertOne(ctx, h)
	if mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: photo hash %s: %w", h.Hash, ErrConflict)
	}
	return wrap("claim photo hash "+h.Hash, err)
}

// PhotoHashClaim returns the claim on hash; ErrNotFound when there is none.
func (s *Store) PhotoHashClaim(ctx context.Context, hash string) (PhotoHash, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var h PhotoHash
	err := s.db.Collection("photo_hashes").FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&h)
	return h, wrap("photo hash "+hash, err)
}

// ReleasePhotoHash removes the claim on hash if photo holds it (an upload
// that failed, a photo deleted), so the same bytes may be uploaded anew.
func (s *Store) ReleasePhotoHash(ctx context.Context, hash, photo string) error {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err := s.db.Collection("photo_hashes").DeleteOne(ctx, bson.D{{Key: "_id", Value: hash}, {Key: "photo", Value: photo}})
	return wrap("release photo hash "+hash, err)
}
