package redirect

import (
	"strings"
	"testing"
)

func TestLocalKeepsSafeTargetsAndEncodesThem(t *testing.T) {
	cases := []struct{ next, want string }{
		{"/en/news/12/trade-deal", "/en/news/12/trade-deal"},
		{"/en/", "/en/"},
		{"/en/search?q=무역&page=2", "/en/search?page=2&q=%EB%AC%B4%EC%97%AD"},
		{"/en/tag/100%25-growth", "/en/tag/100%25-growth"},
		{"/en/tag/한국", "/en/tag/%ED%95%9C%EA%B5%AD"},
		{"/en/a b", "/en/a%20b"},
		{"/en/x/../y/", "/en/y/"},
	}
	for _, c := range cases {
		if got := Local(c.next, "/en/", "/en/"); got != c.want {
			t.Errorf("Local(%q) = %q, want %q", c.next, got, c.want)
		}
	}
}

func TestLocalRefusesOtherSitesAndControlCharacters(t *testing.T) {
	bad := []string{
		"", "https://evil.example/en/", "//evil.example/en/", "/\\evil.example", "/en/\\..\\..\\x",
		"/en/\x00", "/en/\x01x", "/en/\x7f", "/en/\r\nSet-Cookie: a=b", "/en/\u0085",
		"/en/%00", "/en/%0d%0aX: y", "/en/?q=%00", "/en/?q=%01",
		"/ko/", "/en", "/en/../admin/", "/en/../../etc", "/en/\xff", "/en/?%zz",
		"/en/" + strings.Repeat("a", 3000),
	}
	for _, next := range bad {
		if got := Local(next, "/en/", "/en/"); got != "/en/" {
			t.Errorf("Local(%q) = %q, want the fallback", next, got)
		}
	}
}

func TestLocalNeverPutsAnUnsafeByteInLocation(t *testing.T) {
	for b := 0; b < 256; b++ {
		for _, next := range []string{"/en/" + string(rune(b)), "/en/?q=" + string(rune(b)), "/en/" + string([]byte{byte(b)})} {
			got := Local(next, "/en/", "/en/")
			for i := 0; i < len(got); i++ {
				if c := got[i]; c < 0x21 || c > 0x7e {
					t.Fatalf("Local(%q) = %q: byte %#x in Location", next, got, c)
				}
			}
		}
	}
}
