package search

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	koSentences = []string{
		"뉴욕한인상공회의소는 이날 회원사들과 함께 정기 총회를 열었다.",
		"라이프케어로봇산업협회 관계자는 돌봄 로봇 수요가 크게 늘고 있다고 말했다.",
		"양 기관은 업무협약(MOU)을 맺고 공동 마케팅에 나서기로 했다.",
		"올해 한미 교역 규모는 사상 최대를 기록할 것으로 보인다.",
		"반도체와 자동차 수출이 전체 증가세를 이끌었다.",
		"전기차 보조금 기준이 바뀌면서 업계가 대응책 마련에 분주하다.",
		"플러싱의 한식당들은 인건비 부담에 서빙 로봇을 들여놓고 있다.",
		"대표 메뉴인 갈비찜과 냉면은 현지 손님들에게도 인기가 높다.",
		"회계사들은 세미나에서 올해 달라진 세법과 절세 방법을 설명했다.",
		"소상공인들은 임대료 상승과 구인난을 가장 큰 어려움으로 꼽았다.",
		"무역협회는 하반기 수출 전망 보고서를 발표했다.",
		"환율 변동성이 커지면서 수입 업체들의 고민도 깊어지고 있다.",
		"한인 사회는 이번 행사를 통해 지역 경제에 기여하겠다는 뜻을 밝혔다.",
		"주최 측은 내년에도 같은 행사를 열 계획이라고 덧붙였다.",
		"참석자들은 행사가 끝난 뒤 상공회의소를 방문해 가입 절차를 안내받았다.",
		"시 정부는 중소기업 지원 예산을 늘리겠다고 발표했다.",
		"물류 대란이 이어지면서 운임이 다시 오르고 있다.",
		"전문가들은 금리 인하 시점이 늦어질 수 있다고 내다봤다.",
		"한국 기업의 미국 현지 공장 투자가 잇따르고 있다.",
		"이민 1세대 창업자들의 이야기가 책으로 나왔다.",
		"지역 도서관에서 한국어 교실이 문을 열었다.",
		"행사장에는 로봇 시연 부스와 상담 창구가 마련됐다.",
		"협회는 회원 기업의 인증 절차를 돕는 전담 창구를 두기로 했다.",
		"뉴저지 한인 마트들은 추석 대목을 앞두고 물량을 늘렸다.",
	}
	enSentences = []string{
		"The Korean Chamber of Commerce held its annual general meeting with member companies.",
		"An official of the lifecare robot association said demand for care robots is rising fast.",
		"The two groups signed a memorandum of understanding (MOU) and will market together.",
		"Trade between Korea and the United States is expected to reach a record this year.",
		"Exports of chips and cars drove most of the growth.",
		"Automakers are scrambling after the rules for electric vehicle subsidies changed.",
		"Korean restaurants in Flushing are bringing in serving robots as wages climb.",
		"The signature dishes, braised short ribs and cold noodles, are popular with local diners.",
		"Accountants explained this year's tax changes and ways to save at the seminar.",
		"Small business owners named rising rents and hiring as their biggest problems.",
		"The trade association published its outlook for exports in the second half.",
		"Importers are worried as the exchange rate swings more widely.",
		"Community leaders said the event would help the local economy.",
		"Organizers said they plan to hold the event again next year.",
		"After the event many attendees visited the chamber to sign up as members.",
		"The city announced a larger budget for helping small businesses.",
		"Shipping rates are climbing again as logistics snarls continue.",
		"Economists expect interest rate cuts to come later than hoped.",
		"Korean companies keep announcing new factories in the United States.",
		"A book collects the stories of first-generation immigrant founders.",
		"The local library opened a Korean language class.",
		"The venue had robot demonstration booths and a consulting desk.",
		"The association will set up a desk to help members through certification.",
		"Korean grocery stores in New Jersey stocked up ahead of Chuseok.",
	}
	// Neutral sentences every story may draw on, none holding a benchmark
	// query word, so that each query matches the stories of its topics
	// rather than every story, as in a real archive.
	koFiller = []string{
		"행사는 오전 10시에 시작해 오후 늦게까지 이어졌다.",
		"자세한 내용은 홈페이지에서 확인할 수 있다.",
		"이날 날씨가 궂었지만 많은 사람이 자리를 지켰다.",
		"관계자는 앞으로도 꾸준히 노력하겠다고 강조했다.",
		"문의는 이메일이나 전화로 하면 된다.",
		"참가비는 무료이며 사전 등록이 필요하다.",
		"현장에는 가족 단위 방문객도 눈에 띄었다.",
		"다음 모임은 두 달 뒤에 열릴 예정이다.",
	}
	enFiller = []string{
		"The event began at 10 a.m. and ran into the late afternoon.",
		"Details are available on the website.",
		"Despite the bad weather, a large crowd stayed to the end.",
		"Officials promised to keep up the work in the months ahead.",
		"Questions can be sent by email or phone.",
		"Admission is free but registration is required.",
		"Many families with children were also there.",
		"The next meeting is planned for two months from now.",
	}
	// topics groups the sentences (by index) a story about one subject
	// draws most of its body from; they overlap, like real beats.
	topics = [][]int{
		{0, 1, 2, 14, 21, 22},  // chamber and robots
		{3, 4, 10, 11, 16, 18}, // trade
		{4, 5, 15, 17, 18},     // cars and the economy
		{6, 7, 9, 21},          // restaurants
		{8, 9, 14, 15},         // tax and small business
		{12, 13, 19, 20, 23},   // community
	}
	koHeadlines = []string{"한인상공회의소 정기 총회", "돌봄 로봇 시장 확대", "한미 교역 사상 최대", "전기차 보조금 변경",
		"한식당 서빙 로봇 인기", "소상공인 세무 세미나", "하반기 수출 전망", "한국어 교실 개강", "추석 대목 앞둔 한인 마트"}
	enHeadlines = []string{"Korean chamber holds annual meeting", "Care robot market grows", "Korea-U.S. trade at a record",
		"EV subsidy rules change", "Serving robots at Korean restaurants", "Tax seminar for small businesses",
		"Export outlook for the second half", "Korean class opens at library", "Korean grocers ready for Chuseok"}
	sections = []string{"business", "community", "culture", "politics"}
)

// benchDocs makes n stories, half Korean and half English, with bodies of
// 2-5 KB drawn from the phrase banks; the seed keeps runs comparable.
func benchDocs(n int) []Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]Doc, 0, n)
	for i := range n {
		lang, sents, filler, heads := "ko", koSentences, koFiller, koHeadlines
		if i%2 == 1 {
			lang, sents, filler, heads = "en", enSentences, enFiller, enHeadlines
		}
		topic := topics[rng.IntN(len(topics))]
		size := 2048 + rng.IntN(3072)
		var body strings.Builder
		for body.Len() < size {
			if rng.IntN(10) < 6 {
				body.WriteString(sents[topic[rng.IntN(len(topic))]])
			} else {
				body.WriteString(filler[rng.IntN(len(filler))])
			}
			body.WriteByte(' ')
		}
		docs = append(docs, Doc{
			Number:      i/2 + 1,
			Lang:        lang,
			Headline:    heads[rng.IntN(len(heads))],
			Deck:        sents[topic[rng.IntN(len(topic))]],
			Body:        body.String(),
			Tags:        []string{strings.Fields(heads[rng.IntN(len(heads))])[0]},
			Section:     sections[rng.IntN(len(sections))],
			PublishedAt: start.Add(time.Duration(rng.IntN(4*365*24)) * time.Hour),
		})
	}
	return docs
}

// BenchmarkSearch builds an on-disk index of 20,000 stories on six overlapping
// topics, so a query matches from a sixth to half of the stories in its
// language (the headlines are drawn from all topics), then runs a mix
// of Korean and English reader queries, reporting the build time and the
// median and 95th-percentile query latency.
func BenchmarkSearch(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 20,000-story index")
	}
	docs := benchDocs(20000)
	ix, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	t0 := time.Now()
	if err := ix.PutBatch(docs); err != nil {
		b.Fatal(err)
	}
	build := time.Since(t0)
	t0 = time.Now()
	if err := ix.Compact(context.Background()); err != nil {
		b.Fatal(err)
	}
	compact := time.Since(t0)
	b.Logf("indexed %d stories in %v, compacted in %v", len(docs), build, compact)

	year := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	mixes := []struct {
		name    string
		queries []Query
	}{
		{"ko", []Query{
			{Text: "로봇", Lang: "ko"},
			{Text: "상공회의소", Lang: "ko"},
			{Text: "상공회의소를", Lang: "ko"},
			{Text: "MOU를", Lang: "ko"},
			{Text: "수출 전망", Lang: "ko"},
			{Text: "차", Lang: "ko"},
			{Text: "한인", Lang: "ko"},
			{Text: "세무 세미나", Lang: "ko", Section: "community"},
			{Text: "라이프케어로봇", Lang: "ko", From: year, To: year.AddDate(1, 0, 0)},
			{Text: "로봇", Lang: "ko", Page: 3},
		}},
		{"en", []Query{
			{Text: "robot", Lang: "en"},
			{Text: "chamber of commerce", Lang: "en"},
			{Text: "signing", Lang: "en"},
			{Text: "trade exports", Lang: "en"},
			{Text: "Korean", Lang: "en"},
			{Text: "tax seminar", Lang: "en", Section: "community"},
			{Text: "restaurants", Lang: "en", From: year, To: year.AddDate(1, 0, 0)},
			{Text: `+robots -"MOU`, Lang: "en"},
			{Text: "robot", Lang: "en", Page: 3},
		}},
	}
	for _, mix := range mixes {
		b.Run(mix.name, func(b *testing.B) {
			var durs []time.Duration
			i := 0
			for b.Loop() {
				q := mix.queries[i%len(mix.queries)]
				i++
				t := time.Now()
				r, err := ix.Search(q)
				durs = append(durs, time.Since(t))
				if err != nil {
					b.Fatal(err)
				}
				if r.Total == 0 {
					b.Fatalf("%q found nothing", q.Text)
				}
			}
			slices.Sort(durs)
			pct := func(p float64) float64 {
				return float64(durs[int(float64(len(durs)-1)*p)].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(build.Seconds(), "build-s")
			b.ReportMetric(compact.Seconds(), "compact-s")
		})
	}
}
