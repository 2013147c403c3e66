package auth

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsroom/newsroom/store"
)

func TestCookieAndFromRequest(t *testing.T) {
	e := newTestEnv(t)
	e.addUser(t, "kim@example.com", store.RoleReporter)
	sess, token := e.login(t, "kim@example.com")

	c := e.svc.Cookie(token, true)
	if c.Name != CookieName || c.Value != token || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode ||
		c.Path != "/" || c.MaxAge != 7*24*3600 {
		t.Errorf("cookie %+v", c)
	}
	if err := c.Valid(); err != nil {
		t.Errorf("cookie invalid: %v", err)
	}
	if cl := ClearCookie(true); cl.Name != CookieName || cl.MaxAge >= 0 {
		t.Errorf("clear cookie %+v", cl)
	}

	r := httptest.NewRequest("GET", "/admin", nil)
	if _, _, err := e.svc.FromRequest(r); !errors.Is(err, ErrNoSession) {
		t.Errorf("no cookie: %v", err)
	}
	r.AddCookie(c)
	u, got, err := e.svc.FromRequest(r)
	if err != nil || u.ID != "kim@example.com" || got.ID != sess.ID {
		t.Errorf("FromRequest = %+v, %v", u, err)
	}
}

func TestCSRF(t *testing.T) {
	sess := &Session{CSRF: newToken()}
	if ValidCSRF(sess, sess.CSRF[:42]+"x") || ValidCSRF(nil, sess.CSRF) || ValidCSRF(&Session{}, "") {
		t.Error("wrong token accepted")
	}
}
