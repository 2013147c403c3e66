package auth

import (
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
)

// A handler behind the newsroom's middleware sees who is logged in; one
// in front of it (the login page) sees nobody, and a string key that
// happens to read the same cannot stand in for the user.
func TestAttachUserFromSessionFrom(t *testing.T) {
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	if UserFrom(c) != nil || SessionFrom(c) != nil {
		t.Fatal("a fresh request has a user or session")
	}
	c.Set("admin.user", &User{Name: "someone"})
	if UserFrom(c) != nil {
		t.Fatal("UserFrom read a string key")
	}

	u, sess := &User{Name: "Kim"}, &Session{CSRF: "tok"}
	Attach(c, u, sess)
	if UserFrom(c) != u || SessionFrom(c) != sess {
		t.Errorf("after Attach: user %v, session %v; want %v, %v", UserFrom(c), SessionFrom(c), u, sess)
	}
}
