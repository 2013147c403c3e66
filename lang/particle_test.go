package lang

import (
	"strings"
	"testing"
)

func TestParticle(t *testing.T) {
	tests := []struct{ word, p, want string }{
		{"기사 12", "을", "기사 12를"},   // 십이
		{"기사 13", "를", "기사 13을"},   // 십삼
		{"기사 10", "을", "기사 10을"},   // 십
		{"기사 100", "이", "기사 100이"}, // 백
		{"기사 2,000", "은", "기사 2,000은"},
		{"기사 20000", "가", "기사 20000이"}, // 이만
		{"기사 120000", "는", "기사 120000은"},
		{"기사 1000000000000", "을", "기사 1000000000000를"}, // 일조
		{"기사 0", "을", "기사 0을"},                         // 영
		{"기사 7", "으로", "기사 7로"},                        // 칠: ㄹ takes 로
		{"기사 6", "로", "기사 6으로"},                        // 육
		{"김현겸", "와", "김현겸과"},
		{"이지은", "과", "이지은과"},
		{"박서준", "이", "박서준이"},
		{"영어", "으로", "영어로"},
		{"서울", "으로", "서울로"},
		{"부산", "로", "부산으로"},
		{"‘상공회’", "는", "‘상공회’는"},
		{"(주)한빛", "을", "(주)한빛을"},
		{"Hyun-kyum Kim", "로", "Hyun-kyum Kim(으)로"},
		{"Apple", "을", "Apple을(를)"},
		{"Apple", "가", "Apple이(가)"},
		{"", "을", "을(를)"},
		{"기사", "도", "기사도"}, // not a particle that changes
	}
	for _, tc := range tests {
		if got := Particle(tc.word, tc.p); got != tc.want {
			t.Errorf("Particle(%q, %q) = %q, want %q", tc.word, tc.p, got, tc.want)
		}
	}
}

// TestMessagesChooseParticles: a Korean message names a story by its number
// with the particle that number takes when read aloud.
func TestMessagesChooseParticles(t *testing.T) {
	ko := repoLocales(t).Get("ko")
	for n, want := range map[int]string{12: "기사 12를 휴지통으로 옮길까요?", 13: "기사 13을 휴지통으로 옮길까요?"} {
		if got := ko.T("admin.delete.title", "Number", n); got != want {
			t.Errorf("title for %d = %q, want %q", n, got, want)
		}
	}
	if got := ko.T("translate.glossary_missing", "Expected", "김현겸", "Paragraph", 2); !strings.Contains(got, "김현겸으로") {
		t.Errorf("glossary warning = %q, want 김현겸으로", got)
	}
}
