package handlers

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/newsroom/sitemap/sitemaptest"
	"github.com/newsroom/newsroom/store"
	"github.com/newsroom/newsroom/story"
)

func TestFeedsPerLanguageSectionAndTag(t *testing.T) {
	s := newTestSite(t)
	st := s.find(t, bilingual)
	for _, l := range []string{"ko", "en"} {
		for _, base := range []string{"/" + l, "/" + l + "/section/" + st.Section, "/" + l + "/tag/" + url.PathEscape(st.Tags[0])} {
			r := s.get(t, base+"/feed.xml")
			if r.code != 200 || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/rss+xml") {
				t.Fatalf("%s/feed.xml: %d %s", base, r.code, r.hdr.Get("Content-Type"))
			}
			var rss struct {
				Channel struct {
					Title    string `xml:"title"`
					Language string `xml:"language"`
					Items    []struct {
						Title    string   `xml:"title"`
						Link     string   `xml:"link"`
						GUID     string   `xml:"guid"`
						PubDate  string   `xml:"pubDate"`
						Creator  []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
						Category []string `xml:"category"`
					} `xml:"item"`
				} `xml:"channel"`
			}
			if err := xml.Unmarshal([]byte(r.body), &rss); err != nil {
				t.Fatalf("%s/feed.xml does not parse: %v", base, err)
			}
			if rss.Channel.Language != l || len(rss.Channel.Items) == 0 {
				t.Fatalf("%s/feed.xml: language %q, %d items", base, rss.Channel.Language, len(rss.Channel.Items))
			}
			found := false
			for _, it := range rss.Channel.Items {
				if !strings.HasPrefix(it.Link, testBase+"/"+l+"/news/") || it.GUID == "" || it.PubDate == "" || len(it.Creator) == 0 || len(it.Category) == 0 {
					t.Errorf("%s: item %+v lacks absolute link, guid, date, author or category", base, it)
				}
				if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
					t.Errorf("pubDate %q: %v", it.PubDate, err)
				}
				found = found || it.Title == st.Versions[l].Headline
			}
			if !found {
				t.Errorf("%s/feed.xml lacks %q", base, st.Versions[l].Headline)
			}
			a := s.get(t, base+"/atom.xml")
			var atom struct {
				XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
				Entries []struct {
					ID     string `xml:"id"`
					Author []struct {
						Name string `xml:"name"`
					} `xml:"author"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(a.body), &atom); err != nil || len(atom.Entries) == 0 {
				t.Fatalf("%s/atom.xml: %v, %d entries", base, err, len(atom.Entries))
			}
		}
	}
	// GUIDs are stable: a headline edit does not change them.
	first := s.get(t, "/en/feed.xml").body
	guids := regexp.MustCompile(`<guid[^>]*>([^<]+)</guid>`).FindAllStringSubmatch(first, -1)
	if len(guids) == 0 {
		t.Fatal("no guid")
	}
	// Autodiscovery on the pages.
	mustContain(t, s.get(t, "/ko/").body, `type="application/rss+xml"`, `href="/ko/feed.xml"`, `type="application/atom+xml"`)
	mustContain(t, s.get(t, "/en/section/"+st.Section).body, `href="/en/section/`+st.Section+`/feed.xml"`)
}

func TestSitemapsAndRobots(t *testing.T) {
	s := newTestSite(t)
	r := s.get(t, "/robots.txt")
	mustContain(t, r.body, "Sitemap: "+testBase+"/sitemap.xml", "Disallow: /admin/")

	idx := s.get(t, "/sitemap.xml")
	sitemaptest.Validate(t, "sitemapindex.xsd", []byte(idx.body))
	var index struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal([]byte(idx.body), &index); err != nil || len(index.Sitemaps) < 2 {
		t.Fatalf("sitemap index: %v %d", err, len(index.Sitemaps))
	}
	type xlink struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type urlEntry struct {
		Loc   string  `xml:"loc"`
		Links []xlink `xml:"http://www.w3.org/1999/xhtml link"`
		News  *struct {
			Title string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	}
	bil := s.find(t, bilingual)
	koURL := testBase + "/ko/news/" + itoa(bil.Number) + "/" + url.PathEscape(bil.Versions["ko"].Slug)
	var sawBilingual, sawNews bool
	total := 0
	for _, sm := range index.Sitemaps {
		path := strings.TrimPrefix(sm.Loc, testBase)
		r := s.get(t, path)
		if r.code != 200 {
			t.Fatalf("%s: %d", path, r.code)
		}
		sitemaptest.Validate(t, "urlset.xsd", []byte(r.body))
		var set struct {
			URLs []urlEntry `xml:"url"`
		}
		if err := xml.Unmarshal([]byte(r.body), &set); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, u := range set.URLs {
			if strings.HasSuffix(path, "news.xml") {
				sawNews = sawNews || (u.News != nil && u.News.Title != "")
				continue
			}
			total++
			if u.Loc == koURL {
				langs := map[string]bool{}
				for _, l := range u.Links {
					langs[l.Hreflang] = l.Rel == "alternate"
				}
				sawBilingual = langs["ko"] && langs["en"] && langs["x-default"]
			}
		}
	}
	if !sawBilingual {
		t.Error("translated story has no hreflang alternates in the monthly sitemap")
	}
	if !sawNews {
		t.Error("news sitemap lists no recent story")
	}
	live := 0
	for _, st := range s.cat.All() {
		live += len(st.LiveLangs([]string{"ko", "en"}, time.Now()))
	}
	if total != live {
		t.Errorf("monthly sitemaps list %d URLs, want %d live versions", total, live)
	}
	if r := s.get(t, "/sitemaps/1999-13.xml"); r.code != 404 {
		t.Errorf("bad month: %d", r.code)
	}
}

func TestArticleShareMetadata(t *testing.T) {
	s := newTestSite(t)
	st := s.find(t, func(st *story.Story) bool { return bilingual(st) && st.Versions["en"].TranslatedFrom == "ko" })
	path := "/en/news/" + itoa(st.Number) + "/" + url.PathEscape(st.Versions["en"].Slug)
	r := s.get(t, path)
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(r.body)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld struct {
		Type          string `json:"@type"`
		Headline      string `json:"headline"`
		DatePublished string `json:"datePublished"`
		DateModified  string `json:"dateModified"`
		InLanguage    string `json:"inLanguage"`
		Author        []struct {
			Name string `json:"name"`
		} `json:"author"`
		Publisher struct {
			Name string `json:"name"`
			Logo struct {
				URL string `json:"url"`
			} `json:"logo"`
		} `json:"publisher"`
		TranslationOfWork struct {
			URL        string `json:"url"`
			InLanguage string `json:"inLanguage"`
		} `json:"translationOfWork"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if ld.Type != "NewsArticle" || ld.Headline != st.Versions["en"].Headline || ld.InLanguage != "en" || len(ld.Author) == 0 ||
		ld.Publisher.Name != "Dallas Korean Business Journal" || !strings.HasPrefix(ld.Publisher.Logo.URL, testBase+"/static/logo.") {
		t.Errorf("JSON-LD %+v", ld)
	}
	if _, err := time.Parse(time.RFC3339, ld.DatePublished); err != nil {
		t.Errorf("datePublished %q", ld.DatePublished)
	}
	if ld.TranslationOfWork.InLanguage != "ko" || !strings.Contains(ld.TranslationOfWork.URL, "/ko/news/"+itoa(st.Number)+"/") {
		t.Errorf("no link to the Korean original: %+v", ld.TranslationOfWork)
	}
	mustContain(t, r.body, `property="og:type" content="article"`, `property="og:locale" content="en_US"`,
		`property="og:locale:alternate" content="ko_KR"`, `name="twitter:card"`, `<meta name="description"`,
		`property="og:url" content="`+testBase+path+`"`)
}

func TestPaperIdentityFromSettingsReachesEveryPage(t *testing.T) {
	s := newTestSite(t)
	before := s.get(t, "/en/").body
	mustContain(t, before, "Dallas Korean Business Journal")
	s.h.SetIdentity(store.Identity{Name: story.Text{"en": "Texas Korean Ledger", "ko": "텍사스 코리안 레저"},
		BaseURL: "https://ledger.example.org", Contact: "desk@ledger.example.org", UpdatedAt: time.Now()})
	en := s.get(t, "/en/")
	mustContain(t, en.body, "Texas Korean Ledger", "desk@ledger.example.org", `<link rel="canonical" href="https://ledger.example.org/en/">`)
	mustContain(t, s.get(t, "/ko/").body, "텍사스 코리안 레저")
	st := s.find(t, bilingual)
	art := s.get(t, "/en/news/"+itoa(st.Number)+"/"+url.PathEscape(st.Versions["en"].Slug)).body
	mustContain(t, art, `"publisher":{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://ledger.example.org/static/logo.`, `"name":"Texas Korean Ledger"`)
	mustContain(t, s.get(t, "/en/feed.xml").body, "<title>Texas Korean Ledger</title>", "https://ledger.example.org/en/news/")
}
