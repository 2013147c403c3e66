package textdiff

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// join rebuilds the two sides of a diff.
func join(chunks []Chunk) (a, b string) {
	var sa, sb strings.Builder
	for _, c := range chunks {
		if c.Op != Insert {
			sa.WriteString(c.Text)
		}
		if c.Op != Delete {
			sb.WriteString(c.Text)
		}
	}
	return sa.String(), sb.String()
}

// show writes chunks compactly: [-deleted-]{+inserted+}.
func show(chunks []Chunk) string {
	var b strings.Builder
	for _, c := range chunks {
		switch c.Op {
		case Equal:
			b.WriteString(c.Text)
		case Delete:
			b.WriteString("[-" + c.Text + "-]")
		case Insert:
			b.WriteString("{+" + c.Text + "+}")
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"김현겸 회장은 23일(현지시간) 말했다.", []string{"김현겸", " ", "회장은", " ", "23일", "(", "현지시간", ")", " ", "말했다", "."}},
		{"“업무협약을 맺었다”고", []string{"“", "업무협약을", " ", "맺었다", "”", "고"}},
		{"Kim's MOU, don't", []string{"Kim's", " ", "MOU", ",", " ", "don't"}},
		{"it's 'quoted'", []string{"it's", " ", "'", "quoted", "'"}},
		{"a  \n\nb", []string{"a", "  \n\n", "b"}},
		{"é (e + combining acute) café", []string{"é", " ", "(", "e", " ", "+", " ", "combining", " ", "acute", ")", " ", "café"}},
		{"👍🏽👨‍👩‍👧🇰🇷🇺🇸", []string{"👍🏽", "👨‍👩‍👧", "🇰🇷", "🇺🇸"}},
		{"", nil},
	}
	for _, tc := range tests {
		got := Words(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"korean particle change", "김현겸 회장은 이날 업무협약을 체결했다.", "김현겸 회장이 이날 업무협약을 체결했다.",
			"김현겸 [-회장은-]{+회장이+} 이날 업무협약을 체결했다."},
		{"korean word inserted", "달라스 한인상공회와 협약을 맺었다.", "달라스 한인상공회와 지난주 협약을 맺었다.",
			"달라스 한인상공회와 {+지난주 +}협약을 맺었다."},
		{"punctuation only", "그는 말했다. 그리고 떠났다", "그는 말했다, 그리고 떠났다!",
			"그는 말했다[-.-]{+,+} 그리고 떠났다{+!+}"},
		{"english word swap", "the quick brown fox jumps", "the slow red fox jumps",
			"the [-quick brown-]{+slow red+} fox jumps"},
		{"english reorder", "Kim met Lee in Dallas.", "Lee met Kim in Dallas.",
			"[-Kim-]{+Lee+} met [-Lee-]{+Kim+} in Dallas."},
		{"identical", "같다", "같다", "같다"},
		{"from empty", "", "새 글", "{+새 글+}"},
		{"to empty", "옛 글", "", "[-옛 글-]"},
		{"paragraph inserted", "첫 문단.\n\n끝 문단.", "첫 문단.\n\n새 문단.\n\n끝 문단.",
			"첫 문단.\n\n{+새 문단.\n\n+}끝 문단."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Diff(tc.a, tc.b)
			if s := show(got); s != tc.want {
				t.Errorf("Diff\n got %s\nwant %s", s, tc.want)
			}
			checkDiff(t, tc.a, tc.b, got)
		})
	}
}

// checkDiff asserts the promises every diff keeps.
func checkDiff(t *testing.T, a, b string, chunks []Chunk) {
	t.Helper()
	if ga, gb := join(chunks); ga != a || gb != b {
		t.Fatalf("joins do not rebuild the inputs:\n a %q\n-> %q\n b %q\n-> %q", a, ga, b, gb)
	}
	for i, c := range chunks {
		if c.Text == "" {
			t.Errorf("chunk %d is empty", i)
		}
		if i > 0 && chunks[i-1].Op == c.Op {
			t.Errorf("chunks %d and %d share op %v", i-1, i, c.Op)
		}
		if i > 0 && chunks[i-1].Op == Insert && c.Op == Delete {
			t.Errorf("chunk %d: a deletion follows an insertion", i)
		}
		if !utf8.ValidString(c.Text) && utf8.ValidString(a) && utf8.ValidString(b) {
			t.Errorf("chunk %d splits a rune: %q", i, c.Text)
		}
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("김현겸 회장은 말했다.", "김현겸 회장이 말했다!")
	f.Add("a b\n\nc d\n\n", "a\n\n\nb c")
	f.Add("the quick brown fox", "a slow red fox")
	f.Add("👨‍👩‍👧 가족", "👨‍👩 가족\r\n\r\n끝")
	f.Add("", "x")
	f.Add("\xff\xfe 가", "가 \xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkDiff(t, a, b, Diff(a, b))
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		// Tokens never split a rune.
		for _, w := range Words(a) {
			if !utf8.ValidString(w) {
				t.Fatalf("token %q splits a rune", w)
			}
		}
	})
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name   string
		chunks []Chunk
		want   string
	}{
		{"escapes", []Chunk{{Equal, "a "}, {Delete, "<script>alert('x')</script>"}, {Insert, "&amp; \"q\""}},
			`<p>a <del>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</del><ins>&amp;amp; &#34;q&#34;</ins></p>` + "\n"},
		{"paragraphs", Diff("첫 문단이다.\n\n둘째 문단은 여기.", "첫 문단이다.\n\n둘째 문단이 여기.\n\n셋째."),
			"<p>첫 문단이다.</p>\n<p>둘째 <del>문단은</del><ins>문단이</ins> 여기.</p>\n<p><ins>셋째.</ins></p>\n"},
		{"line breaks", []Chunk{{Equal, "한 줄\n다음 줄"}}, "<p>한 줄<br>\n다음 줄</p>\n"},
		{"empty", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(HTML(tc.chunks)); got != tc.want {
				t.Errorf("HTML\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	old := strings.Join([]string{
		"달라스 한인상공회는 23일 총회를 열었다.",
		"김현겸 회장은 올해 사업 계획을 발표했다. 회원사 확대가 목표다.",
		"이 문단은 곧 지워진다. 전혀 다른 이야기다.",
		"행사는 오후 6시에 끝났다.",
	}, "\n\n")
	new := strings.Join([]string{
		"달라스 한인상공회는 23일 총회를 열었다.",
		"새로 들어간 문단: 참석자는 200명이었다.",
		"김현겸 회장이 올해 사업 계획을 발표했다. 회원사 확대가 목표다.",
		"행사는 오후 6시에 끝났다.",
	}, "\n\n")
	got := Paragraphs(old, new)
	type row struct {
		Index int
		Op    Op
		Diff  string
	}
	var rows []row
	for _, p := range got {
		rows = append(rows, row{p.Index, p.Op, show(p.Diff)})
	}
	want := []row{
		{0, Equal, "달라스 한인상공회는 23일 총회를 열었다."},
		{1, Insert, "{+새로 들어간 문단: 참석자는 200명이었다.+}"},
		{2, Change, "김현겸 [-회장은-]{+회장이+} 올해 사업 계획을 발표했다. 회원사 확대가 목표다."},
		{-1, Delete, "[-이 문단은 곧 지워진다. 전혀 다른 이야기다.-]"},
		{3, Equal, "행사는 오후 6시에 끝났다."},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("Paragraphs:\n got %v\nwant %v", rows, want)
	}
	for _, p := range got {
		if a, b := join(p.Diff); a != p.Old || b != p.New {
			t.Errorf("paragraph %d: diff does not rebuild old/new", p.Index)
		}
	}
}

func TestParagraphsRewriteIsRemovalAndInsertion(t *testing.T) {
	got := Paragraphs("The board met on Monday.", "Completely unrelated words here now.")
	var ops []Op
	for _, p := range got {
		ops = append(ops, p.Op)
	}
	if !slices.Equal(ops, []Op{Delete, Insert}) {
		t.Errorf("ops = %v, want [delete insert]", ops)
	}
}

func TestSplitParagraphs(t *testing.T) {
	got := SplitParagraphs("\n\n첫째 줄\n둘째 줄  \r\n \r\n\n  들여쓴 코드\n\n\n")
	want := []string{"첫째 줄\n둘째 줄", "  들여쓴 코드"}
	if !slices.Equal(got, want) {
		t.Errorf("SplitParagraphs = %q, want %q", got, want)
	}
	// Korean text often leaves a "blank" line holding an ideographic space
	// (U+3000), or a no-break space pasted from a word processor.
	got = SplitParagraphs("첫 문단입니다.\u3000\n\u3000\n둘째 문단입니다.\n \u00a0\n셋째.")
	want = []string{"첫 문단입니다.", "둘째 문단입니다.", "셋째."}
	if !slices.Equal(got, want) {
		t.Errorf("SplitParagraphs with U+3000 blank lines = %q, want %q", got, want)
	}
}

// TestDiffLargeIsBounded feeds 200 KB texts that differ everywhere: the
// diff must still come back quickly, and exactly.
func TestDiffLargeIsBounded(t *testing.T) {
	var a, b strings.Builder
	for i := 0; a.Len() < 200_000; i++ {
		fmt.Fprintf(&a, "문단 %d: 김현겸 회장은 %d번째 계획을 발표했다.\n\n", i, i*7)
		fmt.Fprintf(&b, "Paragraph %d: a different text %d in another language.\n\n", i, i*13)
	}
	for _, tc := range []struct{ name, a, b string }{
		{"all paragraphs differ", a.String(), b.String()},
		{"one paragraph of words", strings.ReplaceAll(a.String(), "\n\n", " "), strings.ReplaceAll(b.String(), "\n\n", " ")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got := Diff(tc.a, tc.b)
			took := time.Since(start)
			checkDiff(t, tc.a, tc.b, got)
			t.Logf("%d KB: %v, %d chunks", len(tc.a)/1000, took, len(got))
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// article builds a Korean article of about n bytes.
func article(n int) string {
	sentences := []string{
		"달라스 한인상공회는 23일 정기총회를 열고 올해 사업 계획을 확정했다.",
		"김현겸 회장은 인사말에서 “회원사 확대와 차세대 지원에 힘쓰겠다”고 말했다.",
		"이날 행사에는 지역 한인 기업인과 시 관계자 등 200여 명이 참석했다.",
		"상공회는 텍사스주 정부와 업무협약을 맺고 중소기업 수출 상담을 돕기로 했다.",
		"참석자들은 물가 상승과 인력난을 가장 큰 어려움으로 꼽았다.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func BenchmarkDiff5KBKorean(b *testing.B) {
	a := article(5000)
	edited := strings.Replace(a, "회장은", "회장이", 1)
	edited = strings.Replace(edited, "200여 명이", "300여 명이", 2)
	edited = strings.Replace(edited, "확정했다.", "확정했다. 새 문장을 더했다.", 1)
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for b.Loop() {
		Diff(a, edited)
	}
}

func BenchmarkParagraphs5KBKorean(b *testing.B) {
	a := article(5000)
	edited := strings.Replace(a, "회장은", "회장이", 1)
	edited = strings.Replace(edited, "200여 명이", "300여 명이", 2)
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(a, edited)
	}
}
