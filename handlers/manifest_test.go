package handlers

import (
	"encoding/json"
	"regexp"
	"testing"
)

// TestIconsAndManifest: every page names a favicon, a home-screen icon and
// a web app manifest in its language, and each of them answers.
func TestIconsAndManifest(t *testing.T) {
	s := newTestSite(t)
	for _, code := range []string{"ko", "en"} {
		page := s.get(t, "/"+code+"/")
		for rel, typ := range map[string]string{"icon": "image/svg+xml", "apple-touch-icon": "image/png", "manifest": "application/manifest+json"} {
			m := regexp.MustCompile(`<link rel="` + rel + `" href="([^"]+)"`).FindStringSubmatch(page.body)
			if m == nil {
				t.Errorf("/%s/ names no %s", code, rel)
				continue
			}
			r := s.get(t, m[1])
			if r.code != 200 || r.hdr.Get("Content-Type") != typ {
				t.Errorf("%s %s: %d %q, want 200 %s", rel, m[1], r.code, r.hdr.Get("Content-Type"), typ)
			}
			if rel != "manifest" {
				continue
			}
			var man struct {
				Name, Lang string
				StartURL   string `json:"start_url"`
				Icons      []struct{ Src, Sizes string }
			}
			if err := json.Unmarshal([]byte(r.body), &man); err != nil {
				t.Fatal(err)
			}
			if man.Lang != code || man.StartURL != "/"+code+"/" || man.Name == "" || len(man.Icons) < 2 {
				t.Errorf("%s manifest: %+v", code, man)
			}
			for _, ic := range man.Icons {
				if r := s.get(t, ic.Src); r.code != 200 {
					t.Errorf("manifest icon %s: %d", ic.Src, r.code)
				}
			}
		}
	}
	if r := s.get(t, "/favicon.ico"); r.code != 200 || r.hdr.Get("Content-Type") != "image/png" {
		t.Errorf("/favicon.ico: %d %q", r.code, r.hdr.Get("Content-Type"))
	}
}
