package sitemap

import "testing"

func TestRobots(t *testing.T) {
	tests := []struct {
		name     string
		sitemaps []string
		disallow []string
		want     string
	}{
		{
			name:     "relative and absolute sitemaps",
			sitemaps: []string{"/sitemap.xml", "https://news.example.com/sitemaps/news.xml"},
			disallow: []string{"/admin/", "/search"},
			want: "User-agent: *\nDisallow: /admin/\nDisallow: /search\n\n" +
				"Sitemap: https://news.example.com/sitemap.xml\nSitemap: https://news.example.com/sitemaps/news.xml\n",
		},
		{
			name: "nothing disallowed, no sitemaps",
			want: "User-agent: *\nDisallow:\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Robots("https://news.example.com/", tt.sitemaps, tt.disallow)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestRobotsErrors(t *testing.T) {
	tests := []struct {
		name     string
		base     string
		disallow []string
	}{
		{"relative base", "/", nil},
		{"path without slash", "https://news.example.com/", []string{"admin"}},
		// A newline would smuggle in a rule of its own.
		{"path with newline", "https://news.example.com/", []string{"/x\nAllow: /admin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if out, err := Robots(tt.base, []string{"/sitemap.xml"}, tt.disallow); err == nil {
				t.Errorf("no error; got\n%s", out)
			}
		})
	}
}
