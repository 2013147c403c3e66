package markdown

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestPlain(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"korean article", koreanArticle, strings.Join([]string{
			`LA 한인타운의 식당 업주들이 내년 최저임금 인상을 앞두고 메뉴 가격 조정에 나섰다. 업계는 "손님이 줄까 걱정"이라고 말했다.`,
			"업주들의 반응",
			"“가격을 올리지 않으면 버틸 수 없습니다.” — 김영희 대표",
			"인건비 12% 상승", "식자재 가격 안정세", "배달 수수료 인하 동결",
			"자세한 내용은 LA 시 노동국과 지난 기사에서 볼 수 있다.",
		}, "\n\n")},
		{"soft breaks join, hard breaks stay", "첫 줄\n둘째 줄  \n셋째 줄", "첫 줄 둘째 줄\n셋째 줄"},
		{"no urls", "[기사](https://example.com/a) 참고 <https://example.com> www.example.com 끝", "기사 참고 끝"},
		{"no images", "![사진 설명](/a.jpg)\n\n본문", "본문"},
		{"entities and escapes", `AT&amp;T \*별표\* &lt;태그&gt; ` + "`a*b`", "AT&T *별표* <태그> a*b"},
		{"inline html stripped, script dropped", "가 <b>나</b> <script>alert(1)</script> 다", "가 나 다"},
		{"html block stripped", "<div>\n<p>AT&amp;T <em>x</em></p>\n<script>bad()</script>\n</div>", "AT&T x"},
		{"comment dropped", "<!-- 메모: 확인 필요 -->\n\n본문", "본문"},
		{"table", "| 지역 | 인상률 |\n|---|---|\n| LA | 4.3% |", "지역 인상률\nLA 4.3%"},
		{"code block lines", "```\na\n\nb\n```", "a\nb"},
		{"crlf", "줄1\r\n줄2\r\n\r\n문단2\r\n", "줄1 줄2\n\n문단2"},
		{"reference definitions hidden", "[a][r] text\n\n[r]: https://x.example", "a text"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Plain(tc.md); got != tc.want {
				t.Errorf("Plain = %q\nwant    %q", got, tc.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name, md string
		max      int
		want     string
	}{
		{"short stays whole", "짧은 문단.\n\n둘째 문단", 40, "짧은 문단."},
		{"korean cut at eojeol", "서울 한인타운의 식당들이 최저임금 인상에 대응하고 있다.", 14, "서울 한인타운의 식당들이…"},
		{"english cut at word", "The quick brown fox jumps over the lazy dog.", 16, "The quick brown…"},
		{"exact fit", "The quick brown fox", 19, "The quick brown fox"},
		{"one long korean word cut at syllable", "가나다라마바사아자차카타파하", 5, "가나다라…"},
		{"trailing comma dropped", "서울, 부산, 대구, 광주", 8, "서울, 부산…"},
		{"markup and urls stripped", "**굵게** [링크](https://x.example) 텍스트", 40, "굵게 링크 텍스트"},
		{"skips heading and image", "## 제목\n\n![사진](/a.jpg)\n\n첫 문단입니다.\n\n둘째", 40, "첫 문단입니다."},
		{"falls back to first block", "## 제목만 있는 글", 40, "제목만 있는 글"},
		{"jamo composed, never split", norm.NFD.String("한국어 기사입니다"), 5, "한국어…"},
		{"emoji modifier kept whole", "👍🏽👍🏽👍🏽", 4, "👍🏽…"},
		{"zero max", "아무 글", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Excerpt(tc.md, tc.max)
			if got != tc.want {
				t.Errorf("Excerpt(%d) = %q, want %q", tc.max, got, tc.want)
			}
			if n := utf8.RuneCountInString(got); n > tc.max {
				t.Errorf("Excerpt(%d) has %d runes", tc.max, n)
			}
		})
	}
}

// TestExcerptNeverSplitsSyllables cuts decomposed Korean at every length:
// no result may end in a dangling jamo.
func TestExcerptNeverSplitsSyllables(t *testing.T) {
	md := norm.NFD.String("대한민국헌법제1조대한민국은민주공화국이다")
	for max := 1; max < 40; max++ {
		got := Excerpt(md, max)
		for _, r := range got {
			if r >= 0x1100 && r <= 0x11ff || r >= 0xa960 && r <= 0xa97f || r >= 0xd7b0 && r <= 0xd7ff {
				t.Fatalf("Excerpt(%d) = %q contains jamo %U", max, got, r)
			}
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{
		{"korean article", koreanArticle, []string{
			`LA 한인타운의 식당 업주들이 내년 최저임금 인상을 앞두고 메뉴 가격 조정에 나섰다. 업계는 "손님이 줄까 걱정"이라고 말했다.`,
			"## 업주들의 반응",
			"> “가격을 올리지 않으면 버틸 수 없습니다.” — 김영희 대표",
			"- 인건비 12% 상승\n- 식자재 가격 **안정세**\n- 배달 수수료 ~~인하~~ 동결",
			"자세한 내용은 [LA 시 노동국](https://wagesla.lacity.gov/)과 [지난 기사](/ko/articles/41/minimum-wage)에서 볼 수 있다.",
		}},
		{"heading without blank line, break, code", "\n\n# Title\nPara one\nstill one.\n\n***\n\n```\na\n\nb\n```\n",
			[]string{"# Title", "Para one\nstill one.", "***", "```\na\n\nb\n```"}},
		{"loose list is one block", "1. a\n\n   b\n2. c\n\n끝", []string{"1. a\n\n   b\n2. c", "끝"}},
		{"setext heading", "Title\n-----\n본문", []string{"Title\n-----", "본문"}},
		{"reference definition", "[a][r] 본문\n\n[r]: https://x.example", []string{"[a][r] 본문", "[r]: https://x.example"}},
		{"html block", "<div>\n<p>x</p>\n</div>\n\n본문", []string{"<div>\n<p>x</p>\n</div>", "본문"}},
		{"crlf", "줄1\r\n줄2\r\n\r\n문단2\r\n", []string{"줄1\n줄2", "문단2"}},
		{"empty", "\n\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Paragraphs(tc.md); !slices.Equal(got, tc.want) {
				t.Errorf("Paragraphs = %q\nwant         %q", got, tc.want)
			}
		})
	}
}

// TestParagraphsRoundTrip checks what the translation editor relies on:
// the blocks joined back together render as the original does.
func TestParagraphsRoundTrip(t *testing.T) {
	r := New(Options{})
	for _, md := range []string{
		koreanArticle,
		"# T\nA\n***\n> q\n> r\n\n- a\n- b\n\n    code\n\n[x][r]\n\n[r]: /x\n\n| a |\n|---|\n| b |",
	} {
		joined := strings.Join(Paragraphs(md), "\n\n")
		if got, want := r.HTML(joined), r.HTML(md); got != want {
			t.Errorf("round trip differs:\n%s\nvs\n%s", got, want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		md   string
		want int
	}{
		{"서울 한인타운의 식당들이 — 최저임금", 4},
		{"Hello, world! It's 2026.", 4},
		{"[기사 보기](https://example.com/a/b) 클릭", 3},
		{"## 제목\n\n- 하나\n- 둘", 3},
		{"", 0},
	}
	for _, tc := range tests {
		if got := Words(tc.md); got != tc.want {
			t.Errorf("Words(%q) = %d, want %d", tc.md, got, tc.want)
		}
	}
	if got := Words(koreanArticle); got != 47 {
		t.Errorf("Words(article) = %d, want 47", got)
	}
}
