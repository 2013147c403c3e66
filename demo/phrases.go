package demo

// Phrase banks for the synthetic archive, written for this project. The
// tables are read-only. Slots in braces are filled per story: {org},
// {place}, {person}, {title}, {industry}, {expert}, {n}, {pct}, {money},
// {year}, {since}; "{org:은}" adds a Korean particle fitted to the word.

// pair is a phrase in Korean and in English.
type pair struct{ ko, en string }

func (p pair) in(lang string) string {
	if lang == "ko" {
		return p.ko
	}
	return p.en
}

// template is a kind of story: its headline and lead, the topic tag, and the
// ranges of the numbers its headline quotes ({n}; {money} in $10,000s).
type template struct {
	headline, lead     pair
	tag                string
	usesIndustry       bool
	nMin, nMax         int
	moneyMin, moneyMax int
}

// bank is what one section's stories are made of.
type bank struct {
	templates   []template
	orgSuffixes []pair
	titles      []pair
	decks       []pair
	subheads    []pair
	paragraphs  []pair // the first introduces {person}; it follows the lead
	experts     []pair // outside voices: Korean role after the name, English appositive
	tags        []string
}

// industry is a line of business and its tag.
type industry struct {
	name pair
	tag  string
}

var banks = map[string]*bank{
	"business":    &businessBank,
	"community":   &communityBank,
	"technology":  &technologyBank,
	"real-estate": &realEstateBank,
}

var businessBank = bank{
	templates: []template{
		{
			headline:     pair{"{org}, {place}에 새 매장…총 {n}곳으로 늘어", "{org} opens {place} store, bringing chain to {n} locations"},
			lead:         pair{"한인 {industry} 업체 {org:이} {place}에 새 매장을 열면서 매장 수가 {n}곳으로 늘었다. 회사 측은 새 매장에서 직원 {pct}명을 채용할 계획이라고 밝혔다.", "{org}, a Korean-American {industry} company, has opened a store in {place}, bringing its count to {n} locations. The company said it will hire {pct} people for the new store."},
			tag:          "retail",
			usesIndustry: true,
			nMin:         2, nMax: 60,
		},
		{
			headline:     pair{"{place} 기반 {org}, 매출 {pct}% 성장", "{place}-based {org} reports {pct}% sales growth"},
			lead:         pair{"{place}에 본사를 둔 {industry} 업체 {org:이} 최근 회계연도 매출이 전년보다 {pct}% 늘었다고 밝혔다. 회사 측은 신규 거래처 확보와 온라인 판매 확대를 성장 배경으로 꼽았다.", "{org}, a {place}-based {industry} company, said its sales rose {pct}% in its latest fiscal year. The company credited new accounts and growing online orders."},
			tag:          "earnings",
			usesIndustry: true,
		},
		{
			headline:     pair{"{org}, {money} 들여 {place}에 물류센터…일자리 {n}개", "{org} to spend {money} on {place} warehouse, {n} jobs"},
			lead:         pair{"{industry} 업체 {org:이} {money}를 들여 {place}에 물류센터를 짓는다. 새 센터가 문을 열면 일자리 {n}개가 생길 것으로 회사 측은 내다봤다.", "{org}, a Korean-American {industry} company, will spend {money} on a distribution center in {place} that it expects to employ {n} people."},
			tag:          "logistics",
			usesIndustry: true,
			nMin:         20, nMax: 400,
			moneyMin: 100, moneyMax: 3000,
		},
		{
			headline:     pair{"{place} 한인 {industry} 업계 인건비 {pct}% 올라…{org} \"가격 인상 검토\"", "{org}, other {place} {industry} firms face {pct}% labor cost rise"},
			lead:         pair{"{place} 지역 한인 {industry} 업체들의 인건비가 1년 사이 평균 {pct}% 오른 것으로 나타났다. {org} 등 일부 업체는 가격 인상을 검토하고 있다.", "Labor costs at Korean-American {industry} businesses in {place} rose an average of {pct}% over the past year, and some, including {org}, are weighing price increases."},
			tag:          "labor",
			usesIndustry: true,
		},
		{
			headline: pair{"{org}, 한국 중소기업 제품 수입 {pct}% 늘린다", "{org} to boost imports from small Korean makers by {pct}%"},
			lead:     pair{"{place}의 수입 유통업체 {org:이} 한국 중소기업 제품 수입을 {pct}% 늘리기로 했다. 회사 측은 현지 수요가 늘고 있는 생활용품과 건강식품을 중심으로 거래처를 넓힐 계획이라고 밝혔다.", "{org}, an importer based in {place}, plans to increase its purchases from small South Korean manufacturers by {pct}%, focusing on household goods and health foods that are selling well locally."},
			tag:      "trade",
		},
		{
			headline:     pair{"{org}, {place}에 미주 법인…직원 {n}명 채용", "{org} opens US subsidiary in {place}, plans {n} hires"},
			lead:         pair{"한국의 {industry} 업체 {org:이} {place}에 미국 법인을 세우고 현지 영업을 시작했다. 회사는 앞으로 3년 안에 현지 직원을 {n}명까지 늘릴 계획이다.", "South Korean {industry} company {org} has set up a U.S. subsidiary in {place} and plans to grow its local staff to {n} within three years."},
			tag:          "investment",
			usesIndustry: true,
			nMin:         5, nMax: 150,
		},
	},
	orgSuffixes: []pair{{"무역", "Trading"}, {"물산", "Corp."}, {"식품", "Foods"}, {"유통", "Distribution"}, {"홀딩스", "Holdings"}, {"산업", "Industries"}, {"에프앤비", "F&B"}, {"상사", "Co."}},
	titles:      []pair{{"대표", "CEO"}, {"회장", "chairman"}, {"사장", "president"}, {"부사장", "vice president"}, {"영업이사", "sales director"}},
	decks: []pair{
		{"{person} {title} \"고객 신뢰가 성장의 비결\"…{place} 한인 업계 주목", "{person} credits customer trust as {place} Korean-American businesses take notice"},
		{"{industry} 업계 경쟁 속 차별화 전략…현지 고객 공략 강화", "Amid stiff competition in {industry}, the company is courting local customers"},
		{"금리·인건비 부담에도 투자 확대…\"지금이 기회\"", "Despite high rates and wages, the company is investing: 'Now is the time'"},
		{"한인 업체들 \"지역 경제에 활력\" 기대", "Korean-American businesses expect a boost for the local economy"},
	},
	subheads: []pair{
		{"한인 업계 \"기회와 부담 공존\"", "Opportunity and strain"},
		{"현지 고객 공략이 관건", "Winning local customers"},
		{"다음 목표는 텍사스 전역", "Next: the rest of Texas"},
		{"1세대의 근면, 2세대의 혁신", "First-generation grit, second-generation ideas"},
	},
	paragraphs: []pair{
		{"{person} {org} {title:은} \"{place} 지역은 인구와 기업이 함께 늘고 있어 한인 업체에도 기회가 많다\"며 \"무리하게 몸집을 키우기보다 고객 신뢰를 쌓는 데 집중하겠다\"고 말했다.",
			"\"{place} is growing in both people and companies, and that means opportunity for Korean-American businesses too,\" said {person}, {title} of {org}. \"Rather than growing too fast, we will focus on earning customers' trust.\""},
		{"{org:은} {since}년 {place}에서 작은 가게로 출발했다. 창업 초기에는 가족이 직접 배달과 회계를 맡았지만, 지금은 직원 수십 명을 둔 지역의 대표적인 한인 기업으로 성장했다. 회사 측은 꾸준한 재투자와 직원 교육을 성장 비결로 꼽는다.",
			"{org} started as a small shop in {place} in {since}. In its early years family members handled deliveries and the books themselves; today it employs dozens of people and is one of the area's better-known Korean-American companies. The company credits steady reinvestment and staff training."},
		{"업계에서는 금리와 물가가 여전히 부담이라는 목소리가 나온다. 원자재와 운송비가 오르면서 마진이 줄었고, 일부 업체는 가격 인상을 고민하고 있다. 한 업계 관계자는 \"소비자들이 지갑을 닫지 않도록 가격보다는 서비스로 승부해야 한다\"고 말했다.",
			"Business owners say interest rates and prices remain a burden. Higher costs for materials and shipping have squeezed margins, and some companies are weighing price increases. \"We have to compete on service rather than price so customers keep spending,\" said one industry executive."},
		{"{expert:은} \"한인 {industry} 업계는 1세대의 근면함에 2세대의 디지털 역량이 더해지면서 새로운 전환기를 맞고 있다\"며 \"온라인 판매와 데이터 활용에 투자하는 업체와 그렇지 못한 업체의 격차가 더 벌어질 것\"이라고 분석했다.",
			"{expert}, said the Korean-American {industry} trade is at a turning point as the second generation adds digital skills to the first generation's work ethic. \"The gap between companies that invest in online sales and data and those that don't will keep widening.\""},
		{"회사는 현지 인력 채용에도 힘을 쏟고 있다. 직원 가운데 절반가량이 비한인이며, 한국어와 영어를 함께 쓰는 2세 직원들이 고객 응대와 마케팅을 맡고 있다. {person} {title:은} \"다양한 배경의 직원들이 회사의 가장 큰 자산\"이라고 강조했다.",
			"The company has also hired locally. About half its employees are not Korean, and bilingual second-generation staff handle customer service and marketing. \"People from many backgrounds are our biggest asset,\" {person} said."},
		{"{org:은} 앞으로 {place} 외에 휴스턴과 오스틴 등 텍사스 주요 도시로 영업망을 넓힐 계획이다. 이를 위해 온라인 주문 시스템을 새로 구축하고, 한국 협력사와 함께 현지 소비자 취향에 맞춘 제품도 개발하고 있다.",
			"{org} plans to expand beyond {place} to other Texas cities such as Houston and Austin. It is building a new online ordering system and developing products suited to local tastes with partners in South Korea."},
	},
	experts: []pair{{"공인회계사", "a certified public accountant"}, {"경영 컨설턴트", "a business consultant"}, {"중소기업 컨설턴트", "a small business consultant"}, {"경제학 교수", "an economics professor"}},
	tags:    []string{"small-business", "korean-american-business", "economy", "jobs", "investment", "exports", "family-business", "한인경제", "prices", "supply-chain"},
}

var communityBank = bank{
	templates: []template{
		{
			headline: pair{"{org}, 한인 학생 {n}명에 장학금 {money}", "{org} awards {money} in scholarships to {n} students"},
			lead:     pair{"{org:이} {place} 지역 한인 학생 {n}명에게 모두 {money}의 장학금을 전달했다. 장학생들은 고등학교 졸업반부터 대학원생까지 다양했다.", "{org} has awarded {money} in scholarships to {n} Korean-American students in the {place} area, from high school seniors to graduate students."},
			tag:      "scholarships",
			nMin:     5, nMax: 80,
			moneyMin: 5, moneyMax: 60,
		},
		{
			headline: pair{"{org}, {place}서 시니어 {n}명 무료 건강검진", "{org} offers free health screenings to {n} seniors in {place}"},
			lead:     pair{"{org:이} {place}에서 한인 시니어 {n}명을 대상으로 무료 건강검진 행사를 열었다. 혈압과 혈당, 골밀도 검사와 함께 한국어 건강 상담도 진행됐다.", "{org} held free health screenings for {n} Korean-American seniors in {place}, checking blood pressure, blood sugar and bone density and offering health advice in Korean."},
			tag:      "seniors",
			nMin:     30, nMax: 400,
		},
		{
			headline: pair{"{org}, {place}에 한국어 교실 개강…수강생 {n}명", "{org} opens Korean classes in {place} with {n} students"},
			lead:     pair{"{org:이} {place}에서 어린이와 성인을 위한 한국어 교실을 열었다. 첫 학기 수강생은 {n}명으로, 이 가운데 상당수는 한인이 아닌 지역 주민이다.", "{org} has opened Korean-language classes for children and adults in {place}. The first term drew {n} students, many of them neighbors with no Korean background."},
			tag:      "education",
			nMin:     12, nMax: 300,
		},
		{
			headline: pair{"{place} 한인 자원봉사자 {n}명, {org:과} 푸드뱅크 봉사", "{n} volunteers from {org} pack meals at {place} food bank"},
			lead:     pair{"{place} 지역 한인 자원봉사자 {n}명이 {org:과} 함께 지역 푸드뱅크에서 봉사 활동을 펼쳤다. 참가자들은 반나절 동안 저소득 가정에 보낼 식료품 꾸러미 수천 개를 포장했다.", "{n} Korean-American volunteers with {org} spent a morning at a {place} food bank, packing thousands of grocery boxes for low-income families."},
			tag:      "volunteers",
			nMin:     15, nMax: 250,
		},
		{
			headline: pair{"{org} 창립 {n}주년…{place}서 기념 음악회", "{org} marks {n} years with concert in {place}"},
			lead:     pair{"{org:이} 창립 {n}주년을 맞아 {place}에서 기념 음악회를 열었다. 음악회에는 회원과 가족, 지역 주민 수백 명이 참석해 단체의 발자취를 돌아봤다.", "{org} celebrated {n} years since its founding with a concert in {place} attended by several hundred members, families and neighbors."},
			tag:      "culture",
			nMin:     5, nMax: 50,
		},
		{
			headline: pair{"{org}, {place}서 무료 법률 상담…이민자 {n}명 도와", "{org} legal clinic helps {n} immigrants in {place}"},
			lead:     pair{"{org:이} {place}에서 연 무료 법률 상담 행사에 이민자 {n}명이 찾았다. 한인 변호사들이 영주권과 시민권, 임대차 분쟁 등에 대해 한국어로 상담했다.", "{org} held a free legal clinic in {place} that drew {n} immigrants, with Korean-American attorneys answering questions in Korean about green cards, citizenship and lease disputes."},
			tag:      "immigration",
			nMin:     40, nMax: 600,
		},
	},
	orgSuffixes: []pair{{"장학재단", "Scholarship Foundation"}, {"봉사회", "Volunteer Society"}, {"문화센터", "Cultural Center"}, {"노인회", "Seniors Association"}, {"여성회", "Women's Association"}, {"청소년재단", "Youth Foundation"}, {"합창단", "Chorale"}, {"한국학교", "Korean School"}},
	titles:      []pair{{"회장", "president"}, {"이사장", "board chair"}, {"사무총장", "secretary general"}, {"사무국장", "executive director"}, {"봉사부장", "volunteer coordinator"}},
	decks: []pair{
		{"{place} 한인 사회 \"서로 돕는 전통 이어간다\"", "{place} Korean Americans carry on a tradition of helping one another"},
		{"자원봉사자 손길 모여…세대 넘어 함께한 자리", "Volunteers of all ages came together for the event"},
		{"{person} {title} \"누구나 기댈 수 있는 울타리 되겠다\"", "{person} wants the group to be a place anyone can lean on"},
		{"한국어·영어로 안내…이웃 주민도 함께 참여", "Held in Korean and English, the event drew neighbors too"},
	},
	subheads: []pair{
		{"세대를 잇는 봉사", "Service across generations"},
		{"\"혼자가 아니라는 것\"", "'You are not alone'"},
		{"이웃과 함께하는 커뮤니티", "A community open to neighbors"},
		{"운영비 마련은 과제", "Funding remains a challenge"},
	},
	paragraphs: []pair{
		{"{person} {org} {title:은} \"이민 생활이 길어져도 도움이 필요한 순간은 누구에게나 찾아온다\"며 \"한인 사회가 서로 기댈 수 있는 울타리가 되도록 하겠다\"고 말했다.",
			"\"No matter how long you have lived here as an immigrant, everyone has moments when they need help,\" said {person}, {title} of {org}. \"We want the Korean-American community to be a place where people can lean on one another.\""},
		{"{org:은} {since}년 {place} 지역 한인 몇 명이 뜻을 모아 시작됐다. 처음에는 교회 친교실을 빌려 모임을 열었지만, 지금은 회원이 수백 명에 이르고 해마다 크고 작은 행사를 열고 있다. 운영비는 대부분 회비와 한인 업체들의 후원으로 충당한다.",
			"{org} was founded in {since} by a handful of Korean Americans in {place}. It first met in a borrowed church fellowship hall; today it has several hundred members and holds events throughout the year, paid for mostly by dues and donations from Korean-American businesses."},
		{"행사에는 한인뿐 아니라 다른 이민자 가정과 지역 주민들도 함께했다. 참석자들은 한국 음식을 나누고 서로의 이야기를 들으며 시간을 보냈다. 한 참석자는 \"이웃과 자연스럽게 어울릴 수 있는 자리가 더 많아졌으면 좋겠다\"고 말했다.",
			"Other immigrant families and neighbors joined Korean Americans at the event, sharing Korean food and stories. \"I hope there will be more chances like this to get to know our neighbors,\" one participant said."},
		{"자원봉사자들의 역할도 컸다. 고등학생부터 은퇴한 어르신까지 수십 명이 행사 준비와 안내, 통역을 맡았다. 봉사에 참여한 한 대학생은 \"부모님 세대가 일군 커뮤니티에 조금이나마 보탬이 되고 싶었다\"고 말했다.",
			"Volunteers ranging from high school students to retirees set up, guided guests and interpreted. \"I wanted to give something back to the community my parents' generation built,\" said one college student who helped."},
		{"{expert:은} \"한인 사회의 고령화가 빠르게 진행되면서 언어 장벽과 고립감을 겪는 어르신이 늘고 있다\"며 \"한인 단체들이 공공기관과 협력해 서비스를 넓혀야 한다\"고 말했다.",
			"{expert}, said language barriers and isolation are growing problems as the Korean-American population ages, and that community groups need to work with public agencies to reach more people."},
		{"{org:은} 앞으로 {place} 시 당국, 지역 도서관과 협력해 프로그램을 정례화할 계획이다. 참가 신청과 문의는 단체 사무실에서 한국어와 영어로 받는다.",
			"{org} plans to make the program a regular offering with the City of {place} and the local library. Sign-ups and questions are taken in Korean and English at the group's office."},
	},
	experts: []pair{{"사회복지사", "a social worker"}, {"변호사", "an attorney"}, {"가정상담 전문가", "a family counselor"}, {"사회학 교수", "a sociology professor"}},
	tags:    []string{"community", "volunteers", "seniors", "education", "culture", "nonprofits", "youth", "immigration", "한인회", "봉사"},
}

var technologyBank = bank{
	templates: []template{
		{
			headline:     pair{"{org}, {industry} 업계용 AI 솔루션으로 {money} 투자 유치", "{org} raises {money} for AI tools for {industry} businesses"},
			lead:         pair{"{place}의 한인 기술 기업 {org:이} {industry} 업체를 위한 인공지능(AI) 솔루션으로 {money}의 투자를 유치했다. 회사 측은 투자금을 제품 개발과 영업 인력 확충에 쓸 계획이라고 밝혔다.", "{org}, a Korean-American tech company in {place}, has raised {money} for artificial intelligence tools built for {industry} businesses. It plans to spend the money on product development and sales staff."},
			tag:          "artificial-intelligence",
			usesIndustry: true,
			moneyMin:     20, moneyMax: 2000,
		},
		{
			headline: pair{"{org}, {place}에 연구개발센터…엔지니어 {n}명 채용", "{org} opens R&D center in {place}, will hire {n} engineers"},
			lead:     pair{"{org:이} {place}에 연구개발(R&D) 센터를 열고 앞으로 2년 동안 엔지니어 {n}명을 채용한다. 센터는 소프트웨어와 데이터 분석을 중심으로 운영된다.", "{org} has opened a research and development center in {place} and will hire {n} engineers over the next two years, focusing on software and data analysis."},
			tag:      "engineering",
			nMin:     10, nMax: 200,
		},
		{
			headline: pair{"{org}, 물류 로봇 {n}대 {place} 창고에 공급", "{org} to supply {n} warehouse robots in {place}"},
			lead:     pair{"로봇 기업 {org:이} {place}의 대형 물류 창고에 자율주행 물류 로봇 {n}대를 공급하는 계약을 맺었다. 로봇은 선반 사이를 오가며 상품을 나르고 재고를 확인한다.", "Robot maker {org} has agreed to supply {n} autonomous robots to a large warehouse in {place}, where they will move goods between shelves and check inventory."},
			tag:      "robotics",
			nMin:     5, nMax: 300,
		},
		{
			headline: pair{"{place} 한인 스타트업 {org}, 사용자 {n}만 명 돌파", "{place} startup {org} passes {n}0,000 users"},
			lead:     pair{"{place}의 한인 스타트업 {org}의 앱 사용자가 {n}만 명을 넘었다. 회사 측은 입소문과 한인 커뮤니티의 추천이 성장을 이끌었다고 설명했다.", "The app from {org}, a Korean-American startup in {place}, has passed {n}0,000 users, growth the company credits to word of mouth and referrals in the Korean-American community."},
			tag:      "startups",
			nMin:     1, nMax: 90,
		},
		{
			headline:     pair{"{org}, {place} {industry} 업체에 스마트팩토리 도입…불량률 {pct}% 감소", "{org} smart-factory system cuts defects {pct}% at {place} {industry} firm"},
			lead:         pair{"{org:이} {place}의 한 {industry} 업체에 스마트팩토리 시스템을 도입해 불량률을 {pct}% 줄였다. 센서와 데이터 분석으로 설비 이상을 미리 찾아내는 방식이다.", "A smart-factory system from {org} has cut defects by {pct}% at a {industry} company in {place}, using sensors and data analysis to catch equipment problems early."},
			tag:          "automation",
			usesIndustry: true,
		},
		{
			headline: pair{"{org}, {place} 한인 식당용 주문 앱 출시…가맹점 {n}곳 확보", "{org} launches ordering app for Korean restaurants in {place}, signs {n}"},
			lead:     pair{"{org:이} {place} 지역 한인 식당을 위한 주문·예약 앱을 내놓고 가맹점 {n}곳을 확보했다. 한국어와 영어 메뉴를 함께 보여 주고 단골 관리 기능도 갖췄다.", "{org} has launched an ordering and reservations app for Korean restaurants in {place} and signed up {n} of them. Menus appear in Korean and English, and owners can track regulars."},
			tag:      "apps",
			nMin:     10, nMax: 500,
		},
	},
	orgSuffixes: []pair{{"테크", "Tech"}, {"랩스", "Labs"}, {"소프트", "Soft"}, {"로보틱스", "Robotics"}, {"시스템즈", "Systems"}, {"에이아이", "AI"}, {"모빌리티", "Mobility"}, {"데이터", "Data"}},
	titles:      []pair{{"대표", "CEO"}, {"최고기술책임자", "chief technology officer"}, {"공동창업자", "co-founder"}, {"연구소장", "head of research"}},
	decks: []pair{
		{"{place} 한인 기술 기업 성장세…\"현장에서 쓰이는 기술\"", "A {place} Korean-American tech company grows on 'technology people use'"},
		{"AI·자동화 수요 타고 고객 늘어", "Demand for AI and automation brings new customers"},
		{"{person} {title} \"작은 불편부터 해결하겠다\"", "{person} aims to fix everyday frustrations first"},
		{"보안·개인정보 보호 강화…텍사스 밖으로 확장 추진", "The company is tightening security and looking beyond Texas"},
	},
	subheads: []pair{
		{"\"현장에서 답을 찾는다\"", "Answers from the field"},
		{"투자 시장의 눈높이", "What investors want now"},
		{"보안이 경쟁력", "Security as a selling point"},
		{"북텍사스가 기술 허브로", "North Texas as a tech hub"},
	},
	paragraphs: []pair{
		{"{person} {org} {title:은} \"현장에서 실제로 쓰이는 기술을 만드는 것이 목표\"라며 \"고객이 매일 겪는 불편을 하나씩 줄여 나가겠다\"고 말했다.",
			"\"Our goal is technology people actually use on the job,\" said {person}, {title} of {org}. \"We want to remove the everyday frustrations our customers run into, one at a time.\""},
		{"{org:은} {since}년 한국 출신 엔지니어들이 {place}에서 창업했다. 창업자들은 한국 대기업과 실리콘밸리 기업에서 일한 경험을 바탕으로, 전산 담당자가 없는 중소기업도 쉽게 쓸 수 있는 소프트웨어를 만드는 데 집중해 왔다.",
			"{org} was founded in {place} in {since} by engineers from South Korea. Drawing on years at large Korean companies and Silicon Valley firms, the founders have focused on software that small businesses can use without an IT staff."},
		{"인공지능과 자동화 기술에 대한 관심이 커지면서 한인 기술 기업들의 투자 유치도 활발해지고 있다. 다만 투자자들이 수익성을 꼼꼼히 따지기 시작하면서, 기술력뿐 아니라 분명한 매출 계획을 보여 줘야 한다는 지적도 나온다.",
			"Interest in artificial intelligence and automation has made it easier for Korean-American tech companies to raise money. But investors now look closely at profitability, and founders say they need a clear revenue plan, not just strong technology."},
		{"{expert:은} \"북텍사스는 인건비와 사무실 비용이 서부보다 낮고 대기업 본사가 많아 기술 스타트업이 고객을 찾기 좋은 곳\"이라며 \"한인 창업자들 사이의 네트워크가 더 단단해져야 한다\"고 말했다.",
			"{expert}, said North Texas offers lower labor and office costs than the West Coast and many corporate headquarters to sell to, and that Korean-American founders would benefit from a tighter network."},
		{"보안과 개인정보 보호는 회사가 가장 신경 쓰는 부분이다. {org:은} 고객 데이터를 암호화해 저장하고, 외부 보안 감사를 정기적으로 받고 있다. 회사 관계자는 \"작은 회사일수록 신뢰를 잃으면 다시 얻기 어렵다\"고 말했다.",
			"Security and privacy are top priorities, the company said. {org} encrypts customer data and undergoes regular outside security audits. \"The smaller the company, the harder it is to win back trust once it is lost,\" a company official said."},
		{"회사는 제품을 한국어, 영어, 스페인어로 제공하고 텍사스 밖으로 고객을 넓힐 계획이다. 이를 위해 {place} 사무실의 개발 인력을 늘리고, 한국 협력사와의 협업도 강화한다.",
			"The company plans to offer its products in Korean, English and Spanish and to find customers outside Texas. It is adding developers at its {place} office and working more closely with partners in South Korea."},
	},
	experts: []pair{{"벤처 투자자", "a venture investor"}, {"경영 컨설턴트", "a business consultant"}, {"컴퓨터공학 교수", "a computer science professor"}, {"스타트업 멘토", "a startup mentor"}},
	tags:    []string{"startups", "software", "venture-capital", "automation", "cybersecurity", "engineering", "스타트업", "apps", "robotics", "data"},
}

var realEstateBank = bank{
	templates: []template{
		{
			headline: pair{"{place} 상가 임대료 {pct}% 상승…{org} \"당분간 오름세\"", "{place} retail rents up {pct}%, {org} sees more increases"},
			lead:     pair{"{place} 지역 소매 상가 임대료가 1년 사이 {pct}% 오른 것으로 나타났다. 한인 부동산 업체 {org:은} 빈 점포가 적어 당분간 오름세가 이어질 것으로 내다봤다.", "Retail rents in {place} have risen {pct}% in a year, and Korean-American real estate firm {org} expects more increases because few storefronts are empty."},
			tag:      "rents",
		},
		{
			headline: pair{"{org}, {place}에 {n}세대 타운홈 단지 착공", "{org} breaks ground on {n}-unit townhome project in {place}"},
			lead:     pair{"한인 개발업체 {org:이} {place}에 {n}세대 규모의 타운홈 단지를 착공했다. 첫 입주는 착공 후 18개월 뒤로 예정돼 있다.", "Korean-American developer {org} has broken ground on a {n}-unit townhome community in {place}, with the first residents expected 18 months from now."},
			tag:      "housing",
			nMin:     12, nMax: 400,
		},
		{
			headline: pair{"{place} 한인 주택 구매 문의 {pct}% 늘어…{org} 집계", "{org}: Korean-American home-buying inquiries up {pct}% in {place}"},
			lead:     pair{"{place} 지역에서 주택을 사려는 한인들의 문의가 1년 전보다 {pct}% 늘었다고 한인 부동산 업체 {org:이} 밝혔다. 타주에서 이주하는 가정과 한국 기업 주재원이 수요를 이끌고 있다.", "Inquiries from Korean Americans looking to buy homes in {place} are up {pct}% from a year ago, according to real estate firm {org}, driven by families moving from other states and transferees from Korean companies."},
			tag:      "home-buying",
		},
		{
			headline: pair{"{org}, {place} 쇼핑센터 {money}에 인수", "{org} buys {place} shopping center for {money}"},
			lead:     pair{"한인 부동산 투자회사 {org:이} {place}의 한 쇼핑센터를 {money}에 인수했다. 회사 측은 한인 업체를 중심으로 임차인을 새로 구성할 계획이라고 밝혔다.", "Korean-American real estate investor {org} has bought a shopping center in {place} for {money} and plans to fill it mostly with Korean-American tenants."},
			tag:      "commercial-real-estate",
			moneyMin: 150, moneyMax: 4000,
		},
		{
			headline: pair{"{place} 사무실 공실률 {pct}%…{org} \"한인 업체 이전 문의 늘어\"", "{place} office vacancy at {pct}%; {org} sees Korean firms shopping"},
			lead:     pair{"{place} 지역 사무실 공실률이 {pct}% 수준을 보이는 가운데, 더 나은 조건을 찾아 사무실을 옮기려는 한인 업체들의 문의가 늘고 있다고 {org:이} 전했다.", "With office vacancy in {place} around {pct}%, more Korean-American companies are shopping for better space, according to brokerage {org}."},
			tag:      "office-market",
		},
		{
			headline: pair{"{org}, {place} 한인 상가 {n}개 점포 리모델링", "{org} to renovate {n}-shop Korean plaza in {place}"},
			lead:     pair{"{org:이} {place}의 한인 상가를 리모델링한다. 모두 {n}개 점포가 입점한 이 상가는 외관과 주차장, 공용 공간을 새로 단장하게 된다.", "{org} will renovate a Korean-American shopping plaza in {place}, updating the facade, parking lot and common areas of the {n}-shop center."},
			tag:      "development",
			nMin:     6, nMax: 60,
		},
	},
	orgSuffixes: []pair{{"부동산", "Realty"}, {"개발", "Development"}, {"건설", "Construction"}, {"리얼티그룹", "Realty Group"}, {"자산운용", "Asset Management"}, {"홈즈", "Homes"}, {"프로퍼티", "Properties"}},
	titles:      []pair{{"대표", "president"}, {"중개인", "broker"}, {"개발본부장", "head of development"}, {"이사", "director"}},
	decks: []pair{
		{"금리 부담에도 한인 수요 꾸준…\"좋은 매물은 금방 나간다\"", "Korean-American demand holds up despite rates: 'Good listings go fast'"},
		{"{place} 일대 학군·교통 장점…한인 가족 선호", "{place}'s schools and commutes draw Korean-American families"},
		{"{person} {title} \"보유 비용까지 꼼꼼히 따져야\"", "{person} urges buyers to weigh the full cost of owning"},
		{"한인 상권 확장 속 상가 수요 강세", "Retail space in demand as Korean business districts spread"},
	},
	subheads: []pair{
		{"금리가 최대 변수", "Rates are the wild card"},
		{"한인 상권의 확장", "Korean districts keep spreading"},
		{"보유 비용 꼼꼼히 따져야", "Count the cost of owning"},
		{"개발 계획 잇따라", "More projects in the pipeline"},
	},
	paragraphs: []pair{
		{"{person} {org} {title:은} \"{place} 일대는 학군과 교통이 좋아 한인 가족들의 선호도가 꾸준히 높다\"며 \"다만 금리가 높아 구매 결정을 미루는 고객도 적지 않다\"고 말했다.",
			"\"Good schools and easy commutes keep {place} popular with Korean-American families,\" said {person}, {title} of {org}. \"But with rates this high, many buyers are putting off decisions.\""},
		{"{org:은} {since}년 설립된 한인 부동산 회사로, 주거용과 상업용 부동산 중개와 개발을 함께 하고 있다. 지금까지 북텍사스 지역에서 주택과 상가 수백 건의 거래를 성사시켰다.",
			"{org}, founded in {since}, is a Korean-American real estate company that brokers and develops both residential and commercial property. It has closed hundreds of home and retail deals in North Texas."},
		{"모기지 금리는 여전히 높은 수준이다. 업계에서는 금리가 조금만 내려도 대기 수요가 한꺼번에 몰릴 수 있다고 본다. 한 한인 융자 전문가는 \"구매를 고민한다면 신용 점수와 서류를 미리 정리해 두는 것이 좋다\"고 조언했다.",
			"Mortgage rates remain high, and brokers say even a small drop could release pent-up demand. \"If you're thinking of buying, get your credit score and paperwork in order now,\" a Korean-American loan officer advised."},
		{"{expert:은} \"북텍사스는 기업 이전과 인구 유입이 이어지고 있어 중장기 전망은 밝은 편\"이라며 \"다만 재산세와 보험료가 빠르게 올라 실제 보유 비용을 꼼꼼히 따져야 한다\"고 말했다.",
			"{expert}, said corporate relocations and population growth keep the long-term outlook for North Texas bright, but that fast-rising property taxes and insurance premiums mean owners must weigh the true cost of holding property."},
		{"상가 시장에서는 한인 업체들의 수요가 꾸준하다. 식당과 카페, 학원, 병원 등이 한인 상권에 자리를 잡으려 하면서 좋은 위치의 점포는 매물이 나오자마자 계약되는 경우가 많다.",
			"Demand from Korean-American businesses for retail space is steady. Restaurants, cafes, tutoring centers and clinics all want a spot in Korean shopping districts, and well-located spaces are often leased as soon as they are listed."},
		{"{org:은} 앞으로 {place} 인근에서 주상복합과 소형 상가 개발을 추가로 검토하고 있다. 회사 측은 한인 업체와 주민이 함께 이용할 수 있는 공간을 만드는 것이 목표라고 밝혔다.",
			"{org} is studying more mixed-use and small retail projects near {place}. The goal, the company said, is space that Korean-American businesses and residents can share."},
	},
	experts: []pair{{"부동산 중개인", "a real estate broker"}, {"감정평가사", "a property appraiser"}, {"경제학 교수", "an economics professor"}, {"부동산 변호사", "a real estate attorney"}},
	tags:    []string{"housing", "commercial-real-estate", "mortgage-rates", "development", "home-buying", "property-taxes", "부동산", "retail-space", "construction", "office-market"},
}

// sharedParagraphs fit a story in any section.
var sharedParagraphs = []pair{
	{"한인 경제 단체들도 이번 소식을 반기고 있다. 북텍사스 지역 한인 상공인 단체의 한 관계자는 \"한인 업체와 단체들의 성장은 지역 한인 사회 전체에 활력을 불어넣는다\"며 \"회원사 간 협력을 더 늘려 나가겠다\"고 말했다.",
		"Korean-American business groups welcomed the news. \"When Korean-American companies and groups grow, the whole community gets a lift,\" said an official of a North Texas Korean-American business group, who added that the group wants more cooperation among its members."},
	{"달라스·포트워스 지역은 최근 10년 사이 한인 인구가 가장 빠르게 늘어난 곳 가운데 하나다. 한국 기업들의 진출과 타주에서의 이주가 이어지면서 캐롤튼과 플래노, 프리스코 등을 중심으로 한인 상권도 넓어지고 있다.",
		"Dallas-Fort Worth has been among the fastest-growing areas for Korean Americans over the past decade. As Korean companies arrive and families move from other states, Korean business districts have spread from Carrollton to Plano, Frisco and beyond."},
	{"{place} 시 관계자도 한인 사회의 역할을 높이 평가했다. 이 관계자는 \"한인 업체와 단체들이 지역 경제와 공동체에 기여하는 바가 크다\"며 \"앞으로도 다양한 방식으로 협력하겠다\"고 밝혔다.",
		"A City of {place} official praised the Korean-American community's role, saying its businesses and groups contribute a great deal to the local economy and that the city looks forward to working with them."},
	{"물론 과제도 남아 있다. 영어에 익숙하지 않은 1세대 업주들은 각종 규제와 세금 제도, 정부 지원 프로그램에 대한 정보를 얻기가 여전히 어렵다. 한인 단체들이 한국어 안내와 상담을 늘려야 한다는 요구가 나오는 이유다.",
		"Challenges remain. First-generation owners who are not comfortable in English still struggle to keep up with regulations, taxes and government assistance programs, which is why many are calling on Korean-American groups to offer more guidance in Korean."},
	{"{year}년 들어 한인 사회에서는 2세대의 참여가 눈에 띄게 늘었다. 부모 세대의 사업을 물려받거나 새로 창업하는 2세들이 디지털 마케팅과 온라인 판매를 적극 도입하면서 고객층도 한인 중심에서 지역 주민 전체로 넓어지고 있다.",
		"Second-generation Korean Americans have become more visible in {year}. Those who take over a parent's business or start their own have embraced digital marketing and online sales, widening their customer base beyond the Korean-American community."},
	{"한국과의 교류도 활발하다. 한국의 지방자치단체와 기관들이 잇따라 텍사스를 찾아 투자 설명회와 상담회를 열고 있으며, 현지 한인 업체들이 한국 기업의 파트너로 나서는 사례도 늘고 있다.",
		"Ties with South Korea are growing, too. Korean provincial governments and agencies regularly come to Texas for investment briefings and trade meetings, and more local Korean-American businesses are serving as partners for Korean companies."},
	{"지역 경제 전반의 흐름도 나쁘지 않다. 기업 본사 이전과 인구 유입이 이어지면서 소비 수요가 꾸준하고 일자리도 늘고 있다. 다만 물가와 금리, 인건비 부담이 겹치면서 소상공인들의 체감 경기는 업종에 따라 차이가 크다.",
		"The wider regional economy is in decent shape. Corporate relocations and newcomers keep consumer demand steady and jobs growing, though small business owners' fortunes vary widely by industry as prices, interest rates and wages all press on them."},
	{"한인 사회 안팎에서는 이번 일이 좋은 선례가 될 것이라는 기대가 나온다. 한 한인 단체 관계자는 \"작은 성공 사례가 쌓이면 더 많은 한인이 도전에 나설 것\"이라며 \"커뮤니티 차원에서 꾸준히 관심을 갖고 지원하겠다\"고 말했다.",
		"Many in and around the community hope this will set an example. \"As small successes add up, more Korean Americans will take the leap,\" a community group official said, adding that the community will keep offering its support."},
}

// quotes are pull quotes, said by the story's {person}.
var quotes = []pair{
	{"기본에 충실한 것이 결국 가장 빠른 길입니다.", "Sticking to the basics turns out to be the fastest way forward."},
	{"고객 한 명 한 명의 신뢰가 지금의 우리를 만들었습니다.", "The trust of each customer is what built us."},
	{"한인 사회가 함께 성장해야 모두가 오래갑니다.", "We all last longer when the community grows together."},
	{"어려울 때일수록 사람에게 투자해야 합니다.", "Hard times are exactly when you have to invest in people."},
	{"작게 시작했지만 꿈까지 작았던 적은 없습니다.", "We started small, but our dreams never were."},
	{"다음 세대가 더 쉽게 출발할 수 있도록 길을 닦고 싶습니다.", "I want to pave the way so the next generation can start more easily."},
	{"변화를 두려워하지 않는 것이 이민자의 힘이라고 생각합니다.", "Not fearing change is an immigrant's strength."},
	{"지역 사회에서 받은 만큼 돌려주는 것이 우리의 원칙입니다.", "Giving back to the community as much as we receive is our rule."},
	{"숫자보다 중요한 것은 고객의 얼굴입니다.", "Our customers' faces matter more than the numbers."},
	{"이제 시작일 뿐입니다. 더 큰 그림을 그리고 있습니다.", "This is only the beginning. We have a bigger picture in mind."},
}

var places = []pair{
	{"달라스", "Dallas"}, {"포트워스", "Fort Worth"}, {"캐롤튼", "Carrollton"}, {"플래노", "Plano"},
	{"프리스코", "Frisco"}, {"어빙", "Irving"}, {"덴튼", "Denton"}, {"알링턴", "Arlington"},
	{"리처드슨", "Richardson"}, {"루이스빌", "Lewisville"}, {"매키니", "McKinney"}, {"갈랜드", "Garland"},
	{"파머스브랜치", "Farmers Branch"}, {"코펠", "Coppell"}, {"그레이프바인", "Grapevine"},
	{"휴스턴", "Houston"}, {"오스틴", "Austin"}, {"샌안토니오", "San Antonio"}, {"오클라호마시티", "Oklahoma City"},
}

var industries = []industry{
	{pair{"식품", "food"}, "food"},
	{pair{"화장품", "cosmetics"}, "cosmetics"},
	{pair{"자동차 부품", "auto parts"}, "auto-parts"},
	{pair{"뷰티 서플라이", "beauty supply"}, "beauty-supply"},
	{pair{"건설", "construction"}, "construction"},
	{pair{"물류", "logistics"}, "logistics"},
	{pair{"외식", "restaurant"}, "restaurants"},
	{pair{"보험", "insurance"}, "insurance"},
	{pair{"의류", "apparel"}, "apparel"},
	{pair{"가구", "furniture"}, "furniture"},
	{pair{"의료기기", "medical device"}, "medical-devices"},
	{pair{"인쇄", "printing"}, "printing"},
	{pair{"세탁", "dry cleaning"}, "dry-cleaning"},
	{pair{"여행", "travel"}, "travel"},
}

// orgPrefixes are invented names, combined with a section's suffixes.
var orgPrefixes = []pair{
	{"한빛", "Hanbit"}, {"새롬", "Saerom"}, {"다온", "Daon"}, {"가람", "Garam"}, {"누리", "Nuri"},
	{"청솔", "Cheongsol"}, {"하늘", "Haneul"}, {"세움", "Seum"}, {"해오름", "Haeoreum"}, {"별빛", "Byeolbit"},
	{"아름", "Areum"}, {"푸른솔", "Pureunsol"}, {"한결", "Hangyeol"}, {"이음", "Ieum"}, {"도담", "Dodam"},
	{"라온", "Raon"}, {"여울", "Yeoul"}, {"마루", "Maru"}, {"누리봄", "Nuribom"}, {"은솔", "Eunsol"},
	{"한마음", "Hanmaeum"}, {"새길", "Saegil"}, {"늘봄", "Neulbom"}, {"해담", "Haedam"}, {"가온", "Gaon"},
	{"단비", "Danbi"}, {"보람", "Boram"}, {"아라", "Ara"}, {"소망", "Somang"}, {"바름", "Bareum"},
	{"윤슬", "Yunseul"}, {"나래", "Narae"}, {"우리별", "Uribyeol"}, {"초록", "Chorok"}, {"하람", "Haram"},
	{"예담", "Yedam"}, {"미리내", "Mirinae"}, {"그루", "Geuru"}, {"온새", "Onsae"}, {"든솔", "Deunsol"},
}

var surnames = []pair{
	{"김", "Kim"}, {"이", "Lee"}, {"박", "Park"}, {"최", "Choi"}, {"정", "Jung"}, {"강", "Kang"},
	{"조", "Cho"}, {"윤", "Yoon"}, {"장", "Jang"}, {"임", "Lim"}, {"한", "Han"}, {"오", "Oh"},
	{"서", "Seo"}, {"신", "Shin"}, {"권", "Kwon"}, {"황", "Hwang"}, {"안", "Ahn"}, {"송", "Song"},
	{"류", "Ryu"}, {"홍", "Hong"}, {"전", "Jeon"}, {"고", "Ko"}, {"문", "Moon"}, {"양", "Yang"},
	{"손", "Son"}, {"배", "Bae"}, {"백", "Baek"}, {"허", "Heo"}, {"남", "Nam"}, {"노", "Noh"},
}

var givenNames = []pair{
	{"민준", "Min-jun"}, {"서연", "Seo-yeon"}, {"지훈", "Ji-hoon"}, {"수빈", "Su-bin"}, {"현우", "Hyun-woo"},
	{"예진", "Ye-jin"}, {"동현", "Dong-hyun"}, {"은지", "Eun-ji"}, {"성호", "Sung-ho"}, {"미영", "Mi-young"},
	{"재원", "Jae-won"}, {"혜린", "Hye-rin"}, {"준서", "Jun-seo"}, {"다은", "Da-eun"}, {"상훈", "Sang-hoon"},
	{"경희", "Kyung-hee"}, {"태윤", "Tae-yoon"}, {"소영", "So-young"}, {"영수", "Young-soo"}, {"지은", "Ji-eun"},
	{"우진", "Woo-jin"}, {"하늘", "Ha-neul"}, {"정우", "Jung-woo"}, {"유나", "Yu-na"}, {"승현", "Seung-hyun"},
	{"민지", "Min-ji"}, {"건호", "Gun-ho"}, {"수아", "Su-a"}, {"진혁", "Jin-hyuk"}, {"보람", "Bo-ram"},
}
