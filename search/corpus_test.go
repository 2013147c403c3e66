package search

import (
	"fmt"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t.Add(14 * time.Hour)
}

// corpus is a small newsroom: Korean stories and their English versions.
func corpus() []Doc {
	return []Doc{
		{
			Number: 101, Lang: "ko", Section: "business", PublishedAt: day("2024-03-15"),
			Headline: "한인상공회의소, 라이프케어로봇산업협회와 MOU 체결",
			Deck:     "돌봄 로봇의 미국 시장 진출에 힘 모은다",
			Body: "뉴욕한인상공회의소는 15일 맨해튼 사무실에서 한국라이프케어로봇산업협회와 업무협약을 맺었다고 밝혔다. " +
				"이번 MOU를 통해 두 기관은 돌봄 로봇의 현지 인증과 판로 개척을 함께 지원하기로 했다. " +
				"협회 관계자는 \"고령화가 빠른 미국에서 라이프케어로봇 수요가 크게 늘고 있다\"며 \"한인 기업의 네트워크가 큰 힘이 될 것\"이라고 말했다. " +
				"상공회의소 측은 오는 5월 로봇 박람회에 회원사들과 함께 참가할 계획이다.",
			Tags:   []string{"로봇", "상공회의소"},
			Byline: []string{"김민지"},
		},
		{
			Number: 101, Lang: "en", Section: "business", PublishedAt: day("2024-03-15"),
			Headline: "Korean chamber signs MOU with lifecare robot makers",
			Deck:     "The groups will help care robots reach the U.S. market",
			Body: "The Korean Chamber of Commerce of New York signed a memorandum of understanding with the Korea Lifecare Robot Industry Association " +
				"at its Manhattan office on the 15th. Under the MOU the two groups will help care robots win local certification and find buyers. " +
				"\"Demand for lifecare robots is rising fast in an ageing America,\" an association official said.",
			Tags:   []string{"robots", "chamber of commerce"},
			Byline: []string{"Minji Kim"},
		},
		{
			Number: 102, Lang: "ko", Section: "business", PublishedAt: day("2024-03-02"),
			Headline: "한미 교역 규모 사상 최대",
			Deck:     "반도체와 자동차 수출이 이끌어",
			Body: "지난해 한국과 미국의 교역 규모가 사상 최대를 기록했다. 반도체와 자동차 수출이 크게 늘었고 " +
				"양국 정부는 공급망 협력을 위한 MOU 체결도 검토하고 있다. 무역 전문가들은 올해도 교역 증가세가 이어질 것으로 내다봤다.",
			Tags: []string{"무역"},
		},
		{
			Number: 102, Lang: "en", Section: "business", PublishedAt: day("2024-03-02"),
			Headline: "Korea-U.S. trade hits a record",
			Deck:     "Chips and cars lead exports",
			Body: "Trade between Korea and the United States reached a record last year. Exports of chips and cars grew sharply, " +
				"and both governments are considering a supply-chain MOU.",
			Tags: []string{"trade"},
		},
		{
			Number: 103, Lang: "ko", Section: "community", PublishedAt: day("2024-03-08"),
			Headline: "플러싱 한식당 '서울의 맛' 문 열어",
			Body: "플러싱에 새 한식당이 문을 열었다. 개업식에는 지역 상공인들이 참석했고, 주인은 공회당에서 열린 주민 회의에도 나가 " +
				"'주민의소리' 게시판에 올라온 의견을 메뉴에 반영하겠다고 말했다. 대표 메뉴는 갈비찜과 냉면이다.",
			Tags: []string{"식당"},
		},
		{
			Number: 103, Lang: "en", Section: "community", PublishedAt: day("2024-03-08"),
			Headline: "Taste of Seoul opens in Flushing",
			Body:     "A new Korean restaurant opened in Flushing. Local merchants came to the opening, and the owner promised to add dishes readers asked for.",
			Tags:     []string{"restaurants"},
		},
		{
			Number: 104, Lang: "ko", Section: "community", PublishedAt: day("2024-01-10"),
			Headline: "한인 소상공인 위한 세무 세미나 열려",
			Deck:     "세법 개정 내용 설명",
			Body: "한인 소상공인을 대상으로 한 세무 세미나가 10일 열렸다. 회계사들은 올해 바뀐 세법과 절세 방법을 설명했다. " +
				"참석자들은 세미나가 끝난 뒤 상공회의소를 방문해 회원 가입 절차를 안내받았다.",
			Tags: []string{"세금"},
		},
		{
			Number: 104, Lang: "en", Section: "community", PublishedAt: day("2024-01-10"),
			Headline: "Tax seminar for small business owners",
			Deck:     "Accountants explain this year's changes",
			Body: "Accountants walked Korean-American small business owners through this year's tax changes. " +
				"Afterwards many stayed to sign up for chamber membership.",
			Tags: []string{"tax"},
		},
		{
			Number: 105, Lang: "ko", Section: "business", PublishedAt: day("2024-03-20"),
			Headline: "전기차 보조금 변경에 자동차 업계 긴장",
			Body:     "미국 정부가 전기차 보조금 기준을 바꾸면서 한국 자동차 업계가 대응에 나섰다. 현지 공장 증설 계획도 다시 검토되고 있다.",
		},
		{
			Number: 106, Lang: "ko", Section: "business", PublishedAt: day("2024-03-12"),
			Headline: "한식당에 부는 자동화 바람",
			Body:     "맨해튼 한식당들에서 서빙 로봇이 인기를 끌고 있다. 인건비 부담이 커지자 주문과 서빙을 기계에 맡기는 가게가 늘었다.",
		},
		{
			Number: 106, Lang: "en", Section: "business", PublishedAt: day("2024-03-12"),
			Headline: "Automation comes to Korean restaurants",
			Body:     "Serving robots are catching on at Korean restaurants in Manhattan as labor costs climb.",
		},
		{
			Number: 108, Lang: "ko", Section: "community", PublishedAt: day("2024-03-19"),
			Headline: "구청, 소상공인 지원 창구 열어",
			Body:     "구청이 소상공인을 위한 지원 창구를 열었다. 구청장은 '시민의소리' 게시판에 올라온 요청을 반영했다고 설명했다.",
		},
		{
			Number: 107, Lang: "ko", Section: "community", PublishedAt: day("2024-03-18"),
			Headline: "해킹 피해 예방하려면",
			Body:     "보안 세미나에서 강사는 게시판에 <script>alert(1)</script> 같은 코드를 넣는 공격 사례를 보여 주었다. 비밀번호를 자주 바꾸라고 당부했다.",
		},
		{
			Number: 107, Lang: "en", Section: "community", PublishedAt: day("2024-03-18"),
			Headline: "How to avoid being hacked",
			Body:     "At a security seminar the speaker showed attacks that slip <script>alert(1)</script> into message boards.",
		},
	}
}

// fillers are market briefs that only exist to be paged through.
func fillers() []Doc {
	var ds []Doc
	for i := 1; i <= 5; i++ {
		ds = append(ds, Doc{
			Number: 200 + i, Lang: "ko", Section: "business", PublishedAt: day("2024-02-01").AddDate(0, 0, i),
			Headline: fmt.Sprintf("주간 시장 동향 %d", i),
			Body:     "이번 주 수출입 물량과 환율 흐름을 정리했다. 무역 업계는 운임 변동에 주목하고 있다.",
		})
	}
	return ds
}

func newTestIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.PutBatch(append(corpus(), fillers()...)); err != nil {
		t.Fatal(err)
	}
	return ix
}

// ids lists the hits as "<number>-<lang>", best first.
func ids(r Result) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = docID(h.Number, h.Lang)
	}
	return out
}
