package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"log/slog"
	"path/filepath"

	"golang.org/x/image/draw"

	"github.com/newsroom/newsroom/demo"
	"github.com/newsroom/newsroom/media"
	"github.com/newsroom/newsroom/photos"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

// demoPhotoCount photos are drawn for the demo edition and shared among its
// stories (a photo used by several stories is normal in a newsroom).
const demoPhotoCount = 4

// attachDemoPhotos draws the demo edition's photos (abstract pictures made
// by the project, nothing downloaded), puts them in the media library and
// makes them the lead photos of the edition's stories, keeping each story's
// own caption and credit.
func attachDemoPhotos(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger, ed *demo.Edition) error {
	lib, err := photos.New(ctx, photos.Deps{Store: st, Files: media.NewFiles(st.DB()), CacheDir: filepath.Join(dataDir, "media"), Log: log})
	if err != nil {
		return err
	}
	alt := story.Text{"ko": "색면과 도형으로 그린 추상 일러스트", "en": "Abstract illustration of color fields and shapes"}
	var refs []story.Photo
	for i, img := range photos.DemoImages(demoPhotoCount) {
		// 1200 pixels wide is plenty for the demo and keeps the first start quick.
		small := image.NewRGBA(image.Rect(0, 0, 1200, 1200*img.Bounds().Dy()/img.Bounds().Dx()))
		draw.ApproxBiLinear.Scale(small, small.Bounds(), img, img.Bounds(), draw.Src, nil)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, small, &jpeg.Options{Quality: 88}); err != nil {
			return err
		}
		p, _, err := lib.Upload(ctx, fmt.Sprintf("demo-%d.jpg", i+1), &buf, "demo")
		if err != nil {
			return fmt.Errorf("demo photo %d: %w", i+1, err)
		}
		if p, err = lib.Update(ctx, p.ID, photos.Details{Alt: alt}); err != nil {
			return err
		}
		refs = append(refs, photos.Ref(p))
	}
	for i := range ed.Stories {
		s := &ed.Stories[i].Story
		ref := refs[i%len(refs)]
		ref.Caption, ref.Credit = s.Photo.Caption, s.Photo.Credit
		s.Photo = ref
	}
	return nil
}
