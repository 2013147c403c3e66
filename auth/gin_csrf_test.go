package auth

import (
	"bytes"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestCSRFMiddlewareWhateverTheEncoding: the token is checked on every
// change, whether it comes as a header, an urlencoded form or a multipart
// form; a body of any other kind needs the header; reads pass.
func TestCSRFMiddlewareWhateverTheEncoding(t *testing.T) {
	sess := &Session{CSRF: newToken()}
	gin.SetMode(gin.TestMode)
	r := gin.New()
	var refused error
	r.Use(func(c *gin.Context) { Attach(c, &User{ID: "kim@example.com"}, sess); c.Next() },
		CSRF(1<<10, func(c *gin.Context, err error) { refused = err; c.Status(http.StatusForbidden) }))
	done := func(c *gin.Context) { c.String(http.StatusOK, c.PostForm("caption")) }
	r.POST("/x", done)
	r.GET("/x", done)

	urlencoded := func(token string) (string, string) {
		f := url.Values{"caption": {"hi"}}
		if token != "" {
			f.Set(CSRFField, token)
		}
		return "application/x-www-form-urlencoded", f.Encode()
	}
	multi := func(token string) (string, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		_ = mw.WriteField("caption", "hi")
		if token != "" {
			_ = mw.WriteField(CSRFField, token)
		}
		w, _ := mw.CreateFormFile("file", "a.jpg")
		_, _ = w.Write(bytes.Repeat([]byte("x"), 4<<10)) // more than the memory: a temporary file
		_ = mw.Close()
		return mw.FormDataContentType(), b.String()
	}
	for _, tc := range []struct {
		name, method string
		body         func(string) (string, string)
		token        string
		header       bool
		want         int
	}{
		{"urlencoded with token", "POST", urlencoded, sess.CSRF, false, 200},
		{"urlencoded without", "POST", urlencoded, "", false, 403},
		{"urlencoded, wrong token", "POST", urlencoded, sess.CSRF[:42] + "x", false, 403},
		{"multipart with token", "POST", multi, sess.CSRF, false, 200},
		{"multipart without", "POST", multi, "", false, 403},
		{"multipart, wrong token", "POST", multi, "nope", false, 403},
		{"raw body with the header", "POST", func(string) (string, string) { return "application/octet-stream", "xx" }, sess.CSRF, true, 200},
		{"raw body, token in a form-looking body", "POST", func(string) (string, string) { return "text/plain", CSRFField + "=" + sess.CSRF }, "", false, 403},
		{"GET", "GET", urlencoded, "", false, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			refused = nil
			ct, body := tc.body(tc.token)
			req := httptest.NewRequest(tc.method, "/x", strings.NewReader(body))
			req.Header.Set("Content-Type", ct)
			if tc.header {
				req.Header.Set(CSRFHeader, tc.token)
			}
			w := httptest.NewRecorder()
			r.ServeHTTP(w, req)
			if w.Code != tc.want {
				t.Fatalf("%d, want %d (%v)", w.Code, tc.want, refused)
			}
			if w.Code == 403 && !errors.Is(refused, ErrCSRF) {
				t.Errorf("refused with %v, want ErrCSRF", refused)
			}
			if w.Code == 200 && tc.method == "POST" && ct != "application/octet-stream" && w.Body.String() != "hi" {
				t.Errorf("the handler read %q of the form, want %q", w.Body.String(), "hi")
			}
		})
	}
	// A multipart body that is not one is a bad form, not a server error.
	req := httptest.NewRequest("POST", "/x", strings.NewReader("--nope\r\n"))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=zzz")
	r.ServeHTTP(httptest.NewRecorder(), req)
	if !errors.Is(refused, ErrBadForm) {
		t.Errorf("broken multipart: %v, want ErrBadForm", refused)
	}
}
