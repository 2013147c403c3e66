package wordpress

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genExport writes a Polylang export of n posts numbered from first: the
// first half paired (Korean and English posts of one translation group),
// the rest Korean only; bodies are classic-editor text of about 3 KB.
// With terms false the header terms are left out (a later part of a split
// export).
func genExport(w io.Writer, first, n int, terms bool) error {
	b := bufio.NewWriter(w)
	fmt.Fprint(b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Generated</title><link>https://gen.example.com</link><language>ko-KR</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>gen</wp:author_login><wp:author_email>gen@gen.example.com</wp:author_email><wp:author_display_name>Gen</wp:author_display_name></wp:author>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>business</wp:category_nicename><wp:cat_name>Business</wp:cat_name></wp:category>
`)
	para := strings.Repeat("휴스턴 한인 상공회의소는 올해 무역 박람회를 열었다. ", 12)
	pairs := n / 2
	if terms {
		for i := 0; i < pairs; i += 2 {
			fmt.Fprintf(b, `<wp:term><wp:term_id>%d</wp:term_id><wp:term_taxonomy>post_translations</wp:term_taxonomy><wp:term_slug>pll_%d</wp:term_slug><wp:term_name>pll_%d</wp:term_name><wp:term_description><![CDATA[a:2:{s:2:"ko";i:%d;s:2:"en";i:%d;}]]></wp:term_description></wp:term>
`, 1_000_000+first+i, first+i, first+i, first+i, first+i+1)
		}
	}
	for i := 0; i < n; i++ {
		id := first + i
		lang, group := "ko", ""
		if i < pairs {
			g := first + i - i%2
			group = fmt.Sprintf(`<category domain="post_translations" nicename="pll_%d">pll_%d</category>`, g, g)
			if i%2 == 1 {
				lang = "en"
			}
		}
		fmt.Fprintf(b, `<item><title>기사 %d 제목</title><link>https://gen.example.com/%s/%d/</link><dc:creator>gen</dc:creator>
<content:encoded><![CDATA[%s
%s

%s]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>%d</wp:post_id><wp:post_date_gmt>2020-01-%02d 10:00:00</wp:post_date_gmt><wp:post_name>story-%d</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="business">Business</category><category domain="language" nicename="%s">%s</category>%s</item>
`, id, lang, id, para, para, para, id, 1+i%28, id, lang, lang, group)
	}
	fmt.Fprint(b, "</channel></rss>\n")
	return b.Flush()
}

func genFile(t testing.TB, first, n int, terms bool) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), fmt.Sprintf("export-%d.xml", first))
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := genExport(f, first, n, terms); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}
