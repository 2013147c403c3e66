package main

import (
	"bytes"
	"context"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/dbtest"
	"github.com/newsroom/newsroom/store"
)

// TestEveryChangeChecksTheCSRFToken walks every route of the whole site's
// router that changes something and sends it, as a logged-in admin, without
// the CSRF token and with a wrong one, as an urlencoded and as a multipart
// form: each is refused with 403 before its handler runs. Login and setup
// have no session yet to hold a token; the cross-origin check covers them.
func TestEveryChangeChecksTheCSRFToken(t *testing.T) {
	cfg := testConfig(t, map[string]string{"NEWSROOM_DATA_DIR": t.TempDir()})
	ctx := context.Background()
	st := store.New(dbtest.Database(t), 5*time.Second)
	if err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	s, err := newSite(ctx, cfg, slog.New(slog.DiscardHandler), st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	if _, err := auth.AddUser(ctx, st, "chief@example.com", "Chief", store.RoleAdmin, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	_, token, err := s.auth.Login(ctx, "chief@example.com", "correct horse battery", "127.0.0.1", "")
	if err != nil {
		t.Fatal(err)
	}
	router := s.router()
	engine, ok := router.(*gin.Engine)
	if !ok {
		t.Fatalf("the router is a %T, not a gin engine to list", router)
	}
	param := regexp.MustCompile(`:[a-z]+`)
	encodings := map[string]func(token string) (string, string){
		"urlencoded": func(tok string) (string, string) {
			f := url.Values{"caption_ko": {"바뀐 설명"}, "role": {"admin"}, "name": {"x"}}
			if tok != "" {
				f.Set(auth.CSRFField, tok)
			}
			return "application/x-www-form-urlencoded", f.Encode()
		},
		"multipart": func(tok string) (string, string) {
			var b bytes.Buffer
			mw := multipart.NewWriter(&b)
			_ = mw.WriteField("caption_ko", "바뀐 설명")
			if tok != "" {
				_ = mw.WriteField(auth.CSRFField, tok)
			}
			_ = mw.Close()
			return mw.FormDataContentType(), b.String()
		},
	}
	checked := 0
	for _, rt := range engine.Routes() {
		if rt.Method == http.MethodGet || rt.Method == http.MethodHead {
			continue
		}
		if rt.Path == "/admin/login" || rt.Path == "/admin/setup" || rt.Path == "/admin/invite/:token" {
			continue // before any session: the cross-origin check guards these
		}
		path := param.ReplaceAllStringFunc(rt.Path, func(p string) string {
			if p == ":lang" {
				return "ko"
			}
			return "1"
		})
		for name, enc := range encodings {
			for _, tok := range []string{"", "wrong-token"} {
				ct, body := enc(tok)
				req := httptest.NewRequest(rt.Method, path, strings.NewReader(body))
				req.Header.Set("Content-Type", ct)
				req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: token})
				w := httptest.NewRecorder()
				router.ServeHTTP(w, req)
				if w.Code != http.StatusForbidden {
					t.Errorf("%s %s, %s, token %q: %d, want 403", rt.Method, rt.Path, name, tok, w.Code)
				}
			}
		}
		checked++
	}
	if checked < 15 {
		t.Fatalf("only %d routes that change something: the walk missed the table", checked)
	}
}
