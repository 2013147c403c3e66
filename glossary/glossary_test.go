package glossary

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/newsroom/textdiff"
)

var (
	kim = Entry{ID: "person-김현겸-hyun-kyum-kim", Kind: Person,
		Terms:    map[string]string{"ko": "김현겸", "en": "Hyun-kyum Kim"},
		Variants: map[string][]string{"en": {"H.K. Kim"}},
		Title:    map[string]string{"ko": "회장", "en": "President"}}
	chamber = Entry{ID: "org-dallas-chamber", Kind: Organization,
		Terms:    map[string]string{"ko": "달라스 한인상공회", "en": "Dallas Korean American Chamber of Commerce"},
		Variants: map[string][]string{"ko": {"달라스 한인 상공회"}, "en": {"Dallas Korean Chamber of Commerce"}}}
	mou = Entry{ID: "term-mou", Kind: Term,
		Terms: map[string]string{"ko": "업무협약", "en": "MOU"}}
	shortChamber = Entry{ID: "org-chamber", Kind: Organization,
		Terms: map[string]string{"ko": "한인상공회", "en": "Korean Chamber"}}
	dallas = Entry{ID: "place-dallas", Kind: Place,
		Terms: map[string]string{"ko": "달라스", "en": "Dallas"}}
)

func testGlossary() *Glossary { return New([]Entry{kim, chamber, mou, shortChamber, dallas}) }

// found lists matches as "text=entryID".
func found(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"="+m.Entry.ID)
	}
	return out
}

type findCase struct {
	name, text string
	want       []string
}

func runFind(t *testing.T, g *Glossary, lang string, tests []findCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := found(g.Find(lang, tc.text))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Find(%s, %q) = %q, want %q", lang, tc.text, got, tc.want)
			}
		})
	}
}

func TestFindKorean(t *testing.T) {
	tests := []findCase{
		{"particles attached", "김현겸 회장은 달라스 한인상공회와 업무협약을 맺었다.",
			[]string{"김현겸=" + kim.ID, "달라스 한인상공회=" + chamber.ID, "업무협약=" + mou.ID}},
		{"title attached without a space", "김현겸회장은 말했다", []string{"김현겸=" + kim.ID}},
		{"stacked particles", "달라스에서는 한인상공회에게도", []string{"달라스=" + dallas.ID, "한인상공회=" + shortChamber.ID}},
		{"longer compound is another name", "한인상공회의소 관계자", nil},
		{"ending 이라는 still names the person", "김현겸이라는 이름", []string{"김현겸=" + kim.ID}},
		{"longer name of a person", "김현겸수 씨", nil},
		{"preceded by hangul", "전김현겸", nil},
		{"quoted and bracketed", "“김현겸”(63) 회장", []string{"김현겸=" + kim.ID}},
		{"line break inside a name", "달라스\n한인상공회가", []string{"달라스\n한인상공회=" + chamber.ID}},
		{"variant spelling", "달라스 한인 상공회는", []string{"달라스 한인 상공회=" + chamber.ID}},
		{"longest wins over contained entries", "달라스 한인상공회", []string{"달라스 한인상공회=" + chamber.ID}},
		{"end of text", "회장 김현겸", []string{"김현겸=" + kim.ID}},
	}
	runFind(t, testGlossary(), "ko", tests)
}

func TestFindOffsets(t *testing.T) {
	text := "김현겸 회장은 달라스 한인상공회와"
	for _, m := range testGlossary().Find("ko", text) {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("%q: offsets %d:%d give %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
}

func TestFindEnglish(t *testing.T) {
	tests := []findCase{
		{"case-insensitive", "PRESIDENT HYUN-KYUM KIM spoke", []string{"HYUN-KYUM KIM=" + kim.ID}},
		{"possessive", "Hyun-kyum Kim's plan and the MOU’s terms", []string{"Hyun-kyum Kim=" + kim.ID, "MOU=" + mou.ID}},
		{"other dash", "Hyun–kyum Kim said", []string{"Hyun–kyum Kim=" + kim.ID}},
		{"whole words only", "MOUs and Dallasite and KIMCHI", nil},
		{"longest wins", "the Dallas Korean American Chamber of Commerce met in Dallas.",
			[]string{"Dallas Korean American Chamber of Commerce=" + chamber.ID, "Dallas=" + dallas.ID}},
		{"variant", "H.K. Kim said", []string{"H.K. Kim=" + kim.ID}},
	}
	runFind(t, testGlossary(), "en", tests)
}

func TestFindNamesakes(t *testing.T) {
	other := Entry{ID: "person-김현겸-2", Kind: Person, Terms: map[string]string{"ko": "김현겸", "en": "Hyeon-gyeom Kim"}}
	g := New([]Entry{kim, other})
	got := found(g.Find("ko", "김현겸 씨"))
	want := []string{"김현겸=" + kim.ID, "김현겸=" + other.ID}
	if !slices.Equal(got, want) {
		t.Errorf("namesakes: %q, want %q", got, want)
	}
	// Either rendering satisfies the check.
	if issues := g.Check("ko", "김현겸 씨가 왔다.", "en", "Hyeon-gyeom Kim came."); len(issues) != 0 {
		t.Errorf("namesake rendering flagged: %+v", issues)
	}
}

func TestCheck(t *testing.T) {
	g := testGlossary()
	src := "김현겸 회장은 달라스 한인상공회와 업무협약을 맺었다.\n\n김현겸 회장은 “기쁘다”고 말했다."
	tests := []struct {
		name, dst string
		want      []string // "paragraph:expected<-found"
	}{
		{"agreed forms pass",
			"President Hyun-kyum Kim signed an MOU with the Dallas Korean American Chamber of Commerce.\n\nHyun-kyum Kim said he was glad.",
			nil},
		{"run-together romanization is flagged",
			"President Hyunkyum Kim signed an MOU with the Dallas Korean American Chamber of Commerce.\n\nHyun-kyum Kim said he was glad.",
			[]string{"0:Hyun-kyum Kim<-Hyunkyum Kim"}},
		{"split romanization and a variant",
			"President Hyun Kyum Kim signed an MOU with the Dallas Korean Chamber of Commerce.\n\nH.K. Kim said he was glad.",
			[]string{"0:Hyun-kyum Kim<-Hyun Kyum Kim", "0:Dallas Korean American Chamber of Commerce<-Dallas Korean Chamber of Commerce", "1:Hyun-kyum Kim<-H.K. Kim"}},
		{"korean order and other romanization",
			"Kim Hyun-kyum signed an MOU with the Dallas Korean American Chamber of Commerce.\n\nHyeon-gyeom Kim said he was glad.",
			[]string{"0:Hyun-kyum Kim<-Kim Hyun-kyum", "1:Hyun-kyum Kim<-Hyeon-gyeom Kim"}},
		{"missing term, nothing to show instead",
			"President Hyun-kyum Kim signed an agreement with the Dallas Korean American Chamber of Commerce.\n\nHyun-kyum Kim said he was glad.",
			[]string{"0:MOU<-"}},
		{"unrelated Kim is not taken for him",
			"President Sarah Kim signed an MOU with the Dallas Korean American Chamber of Commerce.\n\nSarah Kim said she was glad.",
			[]string{"0:Hyun-kyum Kim<-", "1:Hyun-kyum Kim<-"}},
		{"different paragraph count checks the whole text, once per entry",
			"Hyunkyum Kim signed an MOU with the Dallas Korean American Chamber of Commerce and said he was glad.",
			[]string{"0:Hyun-kyum Kim<-Hyunkyum Kim"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, is := range g.Check("ko", src, "en", tc.dst) {
				got = append(got, fmt.Sprintf("%d:%s<-%s", is.Paragraph, is.Expected, is.Found))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Check =\n %q\nwant\n %q", got, tc.want)
			}
		})
	}
}

// TestCheckCountsParagraphsLikeTheTranslateView: the warning's "paragraph
// N" must name the row the translate view shows, also when the Korean text
// separates paragraphs with a line holding only an ideographic space.
func TestCheckCountsParagraphsLikeTheTranslateView(t *testing.T) {
	g := testGlossary()
	src := "달라스 한인상공회가 총회를 열었다.\n\u3000\n김현겸 회장은 “기쁘다”고 말했다."
	dst := "The Dallas Korean American Chamber of Commerce met.\n\nHyunkyum Kim said he was glad."
	issues := g.Check("ko", src, "en", dst)
	if len(issues) != 1 {
		t.Fatalf("issues = %+v, want one", issues)
	}
	rows := textdiff.SplitParagraphs(src)
	if len(rows) != 2 || !strings.Contains(rows[issues[0].Paragraph], "김현겸") {
		t.Errorf("the warning names paragraph %d; the translate view's rows are %q", issues[0].Paragraph, rows)
	}
}

func TestCheckEnglishToKorean(t *testing.T) {
	g := testGlossary()
	src := "Hyun-kyum Kim's chamber signed an MOU."
	if issues := g.Check("en", src, "ko", "김현겸 회장의 상공회가 업무협약을 맺었다."); len(issues) != 0 {
		t.Errorf("agreed Korean with particles flagged: %+v", issues)
	}
	issues := g.Check("en", src, "ko", "김현겸 회장의 상공회가 양해각서를 맺었다.")
	if len(issues) != 1 || issues[0].Expected != "업무협약" {
		t.Errorf("issues = %+v, want one for 업무협약", issues)
	}
}

func TestValidateAndSlug(t *testing.T) {
	if err := kim.Validate(); err != nil {
		t.Errorf("valid entry: %v", err)
	}
	bad := Entry{Kind: "thing", Terms: map[string]string{"ko": "x"}}
	if err := bad.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad kind: %v", err)
	}
	empty := Entry{Kind: Term, Terms: map[string]string{"ko": "  "}}
	var fe *FieldError
	if err := empty.Validate(); !errors.As(err, &fe) || fe.Field != "terms" {
		t.Errorf("no term: %v", err)
	}
	if got := kim.Slug(); got != "person-김현겸-hyun-kyum-kim" {
		t.Errorf("Slug = %q", got)
	}
	if got := (&Entry{Kind: Place, Terms: map[string]string{"ja": "ダラス"}}).Slug(); got != "place-ダラス" {
		t.Errorf("Slug without ko/en = %q", got)
	}
}

func TestNewCopiesEntries(t *testing.T) {
	e := Entry{ID: "t", Kind: Term, Terms: map[string]string{"ko": "협약"}}
	g := New([]Entry{e})
	e.Terms["ko"] = "바뀜"
	got, _ := g.Entry("t")
	if got.Terms["ko"] != "협약" {
		t.Errorf("snapshot changed with the caller's map: %q", got.Terms["ko"])
	}
}

// TestConcurrentReaders runs Find and Check on one snapshot from many
// goroutines (meaningful under -race).
func TestConcurrentReaders(t *testing.T) {
	g := testGlossary()
	src := "김현겸 회장은 달라스 한인상공회와 업무협약을 맺었다."
	want := len(g.Find("ko", src))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if n := len(g.Find("ko", src)); n != want {
					t.Errorf("Find gave %d matches, want %d", n, want)
					return
				}
				g.Check("ko", src, "en", "Hyunkyum Kim signed an MOU.")
			}
		})
	}
	wg.Wait()
}

// benchGlossary has 500 entries: people sharing common surnames, organizations and terms.
func benchGlossary() *Glossary {
	surnames := []string{"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"}
	syll := []rune("가나다라마바사아자차카타파하현겸영수민준서연지우")
	var es []Entry
	for i := 0; len(es) < 400; i++ {
		name := surnames[i%len(surnames)] + string(syll[i%len(syll)]) + string(syll[(i/len(syll)+i)%len(syll)])
		es = append(es, Entry{ID: fmt.Sprint("p", i), Kind: Person,
			Terms: map[string]string{"ko": name, "en": fmt.Sprintf("Name%d Kim", i)}})
	}
	for i := 0; len(es) < 500; i++ {
		es = append(es, Entry{ID: fmt.Sprint("o", i), Kind: Organization,
			Terms: map[string]string{"ko": fmt.Sprintf("%s 한인%d상공회", []string{"달라스", "휴스턴", "애틀랜타"}[i%3], i), "en": fmt.Sprint("Org ", i)}})
	}
	es = append(es, kim, chamber, mou)
	return New(es)
}

func koreanArticle(n int) string {
	sentences := []string{
		"달라스 한인상공회는 23일 정기총회를 열고 올해 사업 계획을 확정했다.",
		"김현겸 회장은 인사말에서 “회원사 확대와 차세대 지원에 힘쓰겠다”고 말했다.",
		"이날 행사에는 지역 한인 기업인과 시 관계자 등 200여 명이 참석했다.",
		"상공회는 텍사스주 정부와 업무협약을 맺고 중소기업 수출 상담을 돕기로 했다.",
		"박영수 이사장과 이민준 사무총장도 자리를 함께했다.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
		b.WriteString(" ")
		if i%3 == 2 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkFind5KBKorean500Entries(b *testing.B) {
	g := benchGlossary()
	text := koreanArticle(5000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Find("ko", text)
	}
}

func BenchmarkCheck5KB(b *testing.B) {
	g := benchGlossary()
	text := koreanArticle(5000)
	en := strings.Repeat("Hyunkyum Kim signed an MOU with the Dallas Korean American Chamber of Commerce.\n\n", 20)
	b.ReportAllocs()
	for b.Loop() {
		g.Check("ko", text, "en", en)
	}
}

func BenchmarkNew500(b *testing.B) {
	g := benchGlossary()
	es := make([]Entry, 0, 503)
	for _, e := range g.Entries() {
		es = append(es, *e)
	}
	b.ReportAllocs()
	for b.Loop() {
		New(es)
	}
}

func TestCleaned(t *testing.T) {
	e := Entry{Kind: Person,
		Terms:    map[string]string{"ko": " 김현겸 ", "en": "Hyun-kyum Kim", "ja": " "},
		Variants: map[string][]string{"en": {"H.K. Kim", " H.K. Kim", "Hyun-kyum Kim", ""}, "ko": {" "}},
		Title:    map[string]string{"ko": "회장 ", "en": ""}}
	c := e.Cleaned()
	if c.Terms["ko"] != "김현겸" || len(c.Terms) != 2 {
		t.Errorf("terms = %q", c.Terms)
	}
	if !slices.Equal(c.Variants["en"], []string{"H.K. Kim"}) || len(c.Variants) != 1 {
		t.Errorf("variants = %q", c.Variants)
	}
	if c.Title["ko"] != "회장" || len(c.Title) != 1 {
		t.Errorf("title = %q", c.Title)
	}
	if e.Terms["ko"] != " 김현겸 " {
		t.Errorf("Cleaned changed its receiver")
	}
}
