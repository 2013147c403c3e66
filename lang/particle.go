package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// particles are the Korean particles whose form depends on the word before
// them: the first form follows a final consonant, the second a vowel.
// (으)로 is the exception that also takes its vowel form after ㄹ.
var particles = [][2]string{
	{"을", "를"},
	{"이", "가"},
	{"은", "는"},
	{"과", "와"},
	{"으로", "로"},
	{"이나", "나"},
	{"이라고", "라고"},
	{"이에요", "예요"},
}

// Particle returns word followed by the form of a Korean particle that fits
// it: Particle("기사 12", "을") is "기사 12를", Particle("김현겸", "와") is
// "김현겸과". p names the particle by either of its forms ("을" or "를",
// "으로" or "로", ...). The choice follows the final consonant of the last
// syllable, reading digits the Korean way (12 is 십이, 10 is 십, 1,000 is
// 천); a closing bracket or quote after the word is looked through. When
// the reading is unknown (a Latin name), both forms are shown, 을(를), as
// Korean software customarily does. Messages call it as
// {{particle .Number "을"}} and templates likewise.
func Particle(word, p string) string {
	pair, ok := particlePair(p)
	if !ok {
		return word + p
	}
	final, known := finalConsonant(word)
	switch {
	case !known:
		return word + bothForms(pair)
	case final == 0 || pair[1] == "로" && final == jongRieul:
		return word + pair[1]
	default:
		return word + pair[0]
	}
}

func particlePair(p string) ([2]string, bool) {
	for _, pair := range particles {
		if p == pair[0] || p == pair[1] {
			return pair, true
		}
	}
	return [2]string{}, false
}

// bothForms writes the pair the way it is written when the word's sound is
// unknown: 을(를), 이(가), (으)로.
func bothForms(pair [2]string) string {
	if strings.HasSuffix(pair[0], pair[1]) {
		return "(" + strings.TrimSuffix(pair[0], pair[1]) + ")" + pair[1]
	}
	return pair[0] + "(" + pair[1] + ")"
}

const (
	hangulFirst = 0xAC00 // 가
	hangulLast  = 0xD7A3 // 힣
	jongRieul   = 8      // ㄹ as a final consonant
)

// finalConsonant returns the index of the final consonant (jongseong) of
// the last sound of word, 0 for none, and whether it could be told.
func finalConsonant(word string) (int, bool) {
	s := strings.TrimRightFunc(word, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r) || r == '"' || r == '\'' || r == '.'
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case r >= hangulFirst && r <= hangulLast:
		return int(r-hangulFirst) % 28, true
	case r >= '0' && r <= '9':
		return numberFinal(s), true
	}
	return 0, false
}

// digitFinals are the final consonants of the Korean readings of 0–9:
// 영 일 이 삼 사 오 육 칠 팔 구.
var digitFinals = [10]int{21, 8, 0, 16, 0, 0, 1, 8, 8, 0}

// powerFinals are those of 십 백 천 (10, 100, 1,000), groupFinals those
// of 만 억 조 경 (each four more zeros).
var (
	powerFinals = [3]int{17, 1, 4}    // 십 ㅂ, 백 ㄱ, 천 ㄴ
	groupFinals = [4]int{4, 1, 0, 21} // 만 ㄴ, 억 ㄱ, 조 -, 경 ㅇ
)

// numberFinal reads the trailing number of s (digits, with grouping commas)
// as Korean does: its last spoken word is the last non-zero digit, or the
// power of ten its trailing zeros make (10 십, 1,200 천이백, 120,000 십이만).
// A lone 0 is 영.
func numberFinal(s string) int {
	zeros := 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c == ',' {
			continue
		}
		if c == '0' {
			zeros++
			continue
		}
		if c < '1' || c > '9' {
			break
		}
		switch {
		case zeros == 0:
			return digitFinals[c-'0']
		case zeros < 4:
			return powerFinals[zeros-1]
		default:
			return groupFinals[min(zeros/4, len(groupFinals))-1]
		}
	}
	return digitFinals[0]
}
