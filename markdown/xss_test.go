package markdown

import (
	"html/template"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// xssVectors are inputs a hostile or careless contributor could put in a
// story body. Whatever they are, the rendered page must not run script.
var xssVectors = []struct {
	name, md string
}{
	{"script lower", `<script>alert(1)</script>`},
	{"script upper", `<SCRIPT>alert(1)</SCRIPT>`},
	{"script mixed", `<ScRiPt>alert(1)</sCrIpT>`},
	{"script src", `<script src="https://evil.example/x.js"></script>`},
	{"script inline in paragraph", "기사 본문 <script>alert(1)</script> 계속"},
	{"script split tag", `<scr<script>ipt>alert(1)</script>`},
	{"script double angle", `<<script>script>alert(1)//<</script>/script>`},
	{"script in list", "- 항목 <script>alert(1)</script>"},
	{"img onerror", `<img src=x onerror=alert(1)>`},
	{"img onerror upper", `<IMG SRC=x ONERROR="alert(1)">`},
	{"img onerror unclosed", `<img src=x onerror=alert(1)//`},
	{"svg onload", `<svg onload=alert(1)>`},
	{"svg script", `<svg><script>alert(1)</script></svg>`},
	{"svg xlink", `<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>`},
	{"math xlink", `<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>`},
	{"math a href", `<math href="javascript:alert(1)">x</math>`},
	{"a javascript", `<a href="javascript:alert(1)">x</a>`},
	{"a javascript mixed case", `<a href="JaVaScRiPt:alert(1)">x</a>`},
	{"a javascript leading space", `<a href="  javascript:alert(1)">x</a>`},
	{"a javascript decimal entity", `<a href="&#106;avascript:alert(1)">x</a>`},
	{"a javascript hex entities", `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>`},
	{"a javascript padded entities", `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>`},
	{"a javascript colon entity", `<a href="javascript&colon;alert(1)">x</a>`},
	{"a javascript tab entity", `<a href="jav&#x09;ascript:alert(1)">x</a>`},
	{"a javascript tab", "<a href=\"jav\tascript:alert(1)\">x</a>"},
	{"a javascript newline", "<a href=\"java\nscript:alert(1)\">x</a>"},
	{"a javascript control prefix", `<a href="&#14;javascript:alert(1)">x</a>`},
	{"a onclick", `<a href="https://ok.example" onclick="alert(1)">x</a>`},
	{"md link javascript", `[x](javascript:alert(1))`},
	{"md link javascript upper", `[x](JAVASCRIPT:alert(1))`},
	{"md link javascript entity", `[x](&#106;avascript:alert(1))`},
	{"md link javascript colon entity", `[x](javascript&colon;alert(1))`},
	{"md link javascript tab entity", `[x](java&#x09;script:alert(1))`},
	{"md link javascript angle", `[x](<javascript:alert(1)>)`},
	{"md link javascript escaped", `[x](javascript\:alert(1))`},
	{"md image javascript", `![x](javascript:alert(1))`},
	{"md image javascript entity", `![x](&#x6A;avascript:alert(1))`},
	{"md image inline javascript", `글 ![x](javascript:alert(1)) 글`},
	{"md image in link", `[![x](javascript:alert(1))](javascript:alert(2))`},
	{"reference link javascript", "[x][r]\n\n[r]: javascript:alert(1)"},
	{"reference image javascript", "![x][r]\n\n[r]: javascript:alert(1)"},
	{"reference link entity", "[x]\n\n[x]: &#106;avascript:alert(1) \"t\""},
	{"autolink javascript", `<javascript:alert(1)>`},
	{"autolink vbscript", `<vbscript:msgbox(1)>`},
	{"md link data html", `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`},
	{"a data html", `<a href="data:text/html,<script>alert(1)</script>">x</a>`},
	{"md image data svg", `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`},
	{"img data", `<img src="data:image/png;base64,AAAA">`},
	{"img srcset javascript", `<img src="/ok.png" srcset="javascript:alert(1) 1x">`},
	{"img srcset data", `<img src="/ok.png" srcset="/a.png 1x, data:image/svg+xml,x 2x">`},
	{"md link vbscript", `[x](vbscript:msgbox(1))`},
	{"a vbscript", `<a href="vbscript:msgbox(1)">x</a>`},
	{"iframe", `<iframe src="https://evil.example"></iframe>`},
	{"iframe srcdoc", `<iframe srcdoc="<script>alert(1)</script>"></iframe>`},
	{"object", `<object data="https://evil.example/x.swf"></object>`},
	{"embed", `<embed src="https://evil.example/x.swf">`},
	{"form action", `<form action="https://evil.example"><input name=q><button formaction="javascript:alert(1)">go</button></form>`},
	{"input autofocus", `<input autofocus onfocus=alert(1)>`},
	{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`},
	{"base href", `<base href="https://evil.example/">`},
	{"link stylesheet", `<link rel="stylesheet" href="https://evil.example/x.css">`},
	{"style expression", `<div style="width: expression(alert(1))">x</div>`},
	{"style url", `<p style="background:url(javascript:alert(1))">x</p>`},
	{"style element", `<style>body{background:url(javascript:alert(1))}</style>`},
	{"body onload", `<body onload=alert(1)>`},
	{"p onmouseover", `<p onmouseover="alert(1)">x</p>`},
	{"details ontoggle", `<details open ontoggle=alert(1)>`},
	{"video source onerror", `<video><source onerror=alert(1)></video>`},
	{"attribute breakout", `"><script>alert(1)</script>`},
	{"attribute breakout in img alt", `<img src="/ok.png" alt=""><script>alert(1)</script>">`},
	{"md link title double quote", `[x](https://ok.example "a\" onmouseover=\"alert(1)")`},
	{"md link title single quote", `[x](https://ok.example 'a" onclick="alert(1)')`},
	{"md image alt breakout", `![a" onerror="alert(1)](https://ok.example/i.png)`},
	{"md image title breakout", `![a](https://ok.example/i.png "t\"><script>alert(1)</script>")`},
	{"comment hiding script", `<!-- <script>alert(1)</script> -->`},
	{"comment early close", `<!--><script>alert(1)</script>-->`},
	{"comment bang close", `<!-- x --!><script>alert(1)</script>`},
	{"unclosed div with script", `<div><script>alert(1)`},
	{"nested unclosed", `<p><a href="javascript:alert(1)"><b><i>x`},
	{"noscript breakout", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`},
	{"textarea breakout", `<textarea></textarea><img src=x onerror=alert(1)>`},
	{"heading id attribute", `<h2 id="main" onclick="alert(1)">x</h2>`},
}

// forbidden are elements that must never reach a page from a story body.
var forbidden = map[atom.Atom]bool{
	atom.Script: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Svg: true, atom.Math: true, atom.Form: true, atom.Meta: true,
	atom.Base: true, atom.Style: true, atom.Link: true, atom.Input: true,
	atom.Button: true, atom.Textarea: true, atom.Frame: true, atom.Noscript: true,
}

// urlAttrs are attributes a browser follows or fetches.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "data": true,
	"xlink:href": true, "cite": true, "poster": true, "background": true,
}

func TestHTMLNeutralizesXSS(t *testing.T) {
	if len(xssVectors) < 40 {
		t.Fatalf("only %d vectors", len(xssVectors))
	}
	r := New(Options{})
	for _, v := range xssVectors {
		t.Run(v.name, func(t *testing.T) {
			assertSafe(t, r.HTML(v.md))
		})
	}
}

// TestHTMLSanitizesPhotoFigures covers the media library's HTML too: it
// carries reporter-typed alt and titles, so it is sanitized like the rest.
func TestHTMLSanitizesPhotoFigures(t *testing.T) {
	r := New(Options{Image: func(id, alt, title string) (template.HTML, bool) {
		return template.HTML(`<figure onclick="alert(1)"><img src="javascript:alert(1)" alt="` + alt +
			`"><script>alert(2)</script><figcaption style="x">` + title + `</figcaption></figure>`), true
	}})
	for _, md := range []string{
		`![a"><script>alert(1)</script>](photo:7 "t")`,
		`![a](photo:7 "<img src=x onerror=alert(1)>")`,
	} {
		assertSafe(t, r.HTML(md))
	}
}

// assertSafe parses out as a browser would and fails on anything that can
// run script or restyle the page.
func assertSafe(t *testing.T, out template.HTML) {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(string(out)), body)
	if err != nil {
		t.Fatalf("parse %q: %v", out, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if forbidden[n.DataAtom] || n.Namespace != "" {
				t.Errorf("element <%s> (namespace %q) in %q", n.Data, n.Namespace, out)
			}
			for _, a := range n.Attr {
				name := strings.ToLower(a.Key)
				if a.Namespace != "" {
					name = a.Namespace + ":" + name
				}
				switch {
				case strings.HasPrefix(name, "on"):
					t.Errorf("event handler %s=%q in %q", name, a.Val, out)
				case name == "style":
					t.Errorf("style=%q in %q", a.Val, out)
				case name == "id":
					t.Errorf("id=%q in %q", a.Val, out)
				case urlAttrs[name] || strings.HasSuffix(name, ":href"):
					if !safeURL(a.Val) {
						t.Errorf("%s=%q in %q", name, a.Val, out)
					}
				case name == "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 && !safeURL(f[0]) {
							t.Errorf("srcset candidate %q in %q", f[0], out)
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// safeURL reports whether an attribute value (entities already decoded by
// the parser) is http, https, mailto or relative. It removes every control
// character and space first, which is stricter than any browser.
func safeURL(v string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v)
	s = strings.ToLower(s)
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true
	}
	switch s[:i] {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func TestSafeURLHelper(t *testing.T) {
	for v, want := range map[string]bool{
		"https://a.example/x": true, "/x": true, "x/y:z": true, "#top": true, "mailto:a@b.example": true,
		"javascript:alert(1)": false, "JAVA\tSCRIPT:x": false, " data:text/html,x": false, "vbscript:x": false,
	} {
		if got := safeURL(v); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", v, got, want)
		}
	}
}
