package store

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The slugs collection:
//
//	slugs  _id "<lang>/<slug>"  which story holds a slug in a language; the
//	                            insert into the _id is what keeps slugs
//	                            unique per language when two editors race.

type slugDoc struct {
	ID     string `bson:"_id"`
	Number int    `bson:"number"`
}

func slugID(lang, slug string) string { return lang + "/" + slug }

// ClaimSlug records that story n uses slug in lang. Claiming a slug the
// story already holds succeeds; one held by another story fails with
// ErrExists.
func (s *Store) ClaimSlug(ctx context.Context, lang, slug string, n int) error {
	id := slugID(lang, slug)
	cctx, cancel := s.ctx(ctx)
	_, err := s.db.Collection("slugs").InsertOne(cctx, slugDoc{ID: id, Number: n})
	cancel()
	if err == nil {
		return nil
	}
	if !mongo.IsDuplicateKeyError(err) {
		return wrap("claim slug "+id, err)
	}
	holder, err := s.slugHolder(ctx, id)
	if err != nil {
		return err
	}
	if holder != n {
		return fmt.Errorf("store: slug %s held by story %d: %w", id, holder, ErrExists)
	}
	return nil
}

// ReleaseSlug frees slug in lang if story n holds it.
func (s *Store) ReleaseSlug(ctx context.Context, lang, slug string, n int) error {
	id := slugID(lang, slug)
	holder, err := s.slugHolder(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil || holder != n {
		return err
	}
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	_, err = s.db.Collection("slugs").DeleteOne(ctx, idFilter(id))
	return wrap("release slug "+id, err)
}

func (s *Store) slugHolder(ctx context.Context, id string) (int, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	var d slugDoc
	if err := s.db.Collection("slugs").FindOne(ctx, idFilter(id)).Decode(&d); err != nil {
		return 0, wrap("slug "+id, err)
	}
	return d.Number, nil
}

// SlugClaim is one slug a story holds in a language.
type SlugClaim struct {
	Lang, Slug string
	Number     int
}

// ClaimSlugs records many claims at once, for an import whose slugs are
// already known to be free; a slug already claimed keeps its holder.
func (s *Store) ClaimSlugs(ctx context.Context, cs []SlugClaim) error {
	docs := make([]any, len(cs))
	for i, c := range cs {
		docs[i] = slugDoc{ID: slugID(c.Lang, c.Slug), Number: c.Number}
	}
	return s.insertManyNew(ctx, "slugs", docs)
}
