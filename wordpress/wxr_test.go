package wordpress

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func parseString(t *testing.T, s string) ([]*Item, []Problem, error) {
	t.Helper()
	var items []*Item
	var probs []Problem
	err := Parse(strings.NewReader(s), Visitor{Item: func(it *Item) { items = append(items, it) }, Problem: func(p Problem) { probs = append(probs, p) }})
	return items, probs, err
}

const head = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.1/"><channel><wp:wxr_version>1.1</wp:wxr_version>`

func TestParseRefusesEntities(t *testing.T) {
	for name, doc := range map[string]string{
		"billion laughs": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version><item><title>&lol3;</title></item></channel></rss>`,
		"external entity": `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>`,
	} {
		t.Run(name, func(t *testing.T) {
			items, _, err := parseString(t, doc)
			if !errors.Is(err, ErrEntities) || len(items) != 0 {
				t.Errorf("err %v, %d items", err, len(items))
			}
		})
	}
}

func TestParseUndeclaredEntityIsAnError(t *testing.T) {
	_, _, err := parseString(t, head+`<item><title>&lol9;</title></item></channel></rss>`)
	if err == nil || !strings.Contains(err.Error(), "malformed XML") {
		t.Errorf("err = %v", err)
	}
}

func TestParseTruncatedKeepsItemsBefore(t *testing.T) {
	doc := head + `<item><wp:post_id>1</wp:post_id><title>one</title></item><item><wp:post_id>2</wp:post_id><title>tw`
	items, _, err := parseString(t, doc)
	if err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("err = %v", err)
	}
	if len(items) != 1 || items[0].ID != 1 {
		t.Errorf("items %v", items)
	}
}

func TestParseUnknownVersion(t *testing.T) {
	_, _, err := parseString(t, `<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/2.0/">2.0</wp:wxr_version></channel></rss>`)
	if !errors.Is(err, ErrVersion) {
		t.Errorf("err = %v", err)
	}
}

func TestParseHugeBodySkippedAndReported(t *testing.T) {
	big := strings.Repeat("가", 50<<20/3)
	doc := head + `<item><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[` + big + `]]></content:encoded></item>` +
		`<item><wp:post_id>8</wp:post_id><wp:post_type>post</wp:post_type><content:encoded>small</content:encoded></item></channel></rss>`
	items, probs, err := parseString(t, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].ID != 8 {
		t.Errorf("items %d", len(items))
	}
	if len(probs) != 1 || probs[0].Kind != ProblemTooLarge || probs[0].Item != 7 {
		t.Errorf("problems %v", probs)
	}
}

func TestParseMixedCDATAAndSelfClosing(t *testing.T) {
	items, _, err := parseString(t, head+`<item><title>A &amp; <![CDATA[B]]></title><wp:post_id>3</wp:post_id><wp:post_parent/><wp:post_password/><content:encoded>x &lt;b&gt;</content:encoded></item></channel></rss>`)
	if err != nil {
		t.Fatal(err)
	}
	if items[0].Title != "A & B" || items[0].Content != "x <b>" || items[0].Parent != 0 {
		t.Errorf("%+v", items[0])
	}
}

func TestPolylangSerialized(t *testing.T) {
	m, err := phpMap(`a:2:{s:2:"ko";i:12;s:2:"en";i:13;}`)
	if err != nil || m["ko"] != 12 || m["en"] != 13 {
		t.Errorf("%v %v", m, err)
	}
	for _, bad := range []string{`a:2:{s:2:"ko";i:1`, `s:5:"hello";`, `a:1:{i:0;i:5;}`, `O:8:"stdClass":0:{}`} {
		if _, err := phpMap(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

// A split export: the pair's Korean post in one file and the English one
// in the next still make one story.
func TestSplitExportPairsAcrossFiles(t *testing.T) {
	e := newEnv(t)
	full := genFile(t, 1, 4, true) // posts 1..4: 1+2 paired, 3 and 4 alone
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	cut := strings.Index(s, "<item><title>기사 2 ")
	end := strings.Index(s, "</channel>")
	header := s[:strings.Index(s, "<item>")]
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xml"), filepath.Join(dir, "b.xml")
	if err := os.WriteFile(a, []byte(s[:cut]+"</channel></rss>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(header+s[cut:end]+"</channel></rss>"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := e.importFixture(t, Options{Languages: []string{"ko", "en"}}, a, b)
	if r.Pairs != 1 || r.Stories["ko"] != 3 || r.Stories["en"] != 1 {
		t.Errorf("report %+v", r)
	}
	stories, err := e.st.Stories(context.Background())
	if err != nil || len(stories) != 3 {
		t.Errorf("%d stories, %v", len(stories), err)
	}
}
