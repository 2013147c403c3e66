package demo

import (
	"time"

	"github.com/newsroom/newsroom/story"
)

// The demo edition's stories. Every person, company and organization in them
// is invented; places and public agencies are real so the paper feels local.

// editionDrafts returns the demo stories in no particular order; Load sorts them.
func editionDrafts() []draft {
	return []draft{
		robotMOU(),
		seonPlant(),
		pureunMarket(),
		scholarships(),
		mallangLabs(),
		carrolltonRents(),
		loanWorkshop(),
		dryCleaners(),
		exportFair(),
		banchanFoodHall(),
	}
}

// robotMOU leads the front page.
func robotMOU() draft {
	return draft{
		section:  "technology",
		tags:     []string{"robotics", "chamber-of-commerce", "elder-care", "trade", "한인상공회의소"},
		byline:   []string{"jhpark", "dykang"},
		priority: 100,
		age:      7 * time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "북텍사스한인상공회의소 등 5개 한인상공회의소 대표들이 한울테크노파크, 한국서비스로봇산업협회 관계자들과 업무협약서를 들어 보이고 있다.",
				"en": "Leaders of five Korean-American chambers of commerce hold up the signed agreement with officials of Hanul Technopark and the Korea Service Robot Industry Association in Carrollton.",
			},
			Credit: story.Text{
				"ko": "(사진 제공: 북텍사스한인상공회의소)",
				"en": "Photo: courtesy of the North Texas Korean-American Chamber of Commerce",
			},
			Alt: story.Text{
				"ko": "협약서를 든 참석자 여덟 명이 무대 위에 나란히 서 있는 모습",
				"en": "Eight people stand on a stage holding signed agreement folders",
			},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "한인상공회의소 5곳, 한국 라이프케어로봇 미국 진출 돕는다",
				deck:     "북텍사스 등 5개 한인상공회의소, 한울테크노파크·한국서비스로봇산업협회와 업무협약(MOU) 체결",
				summary:  "텍사스와 오클라호마의 한인상공회의소 5곳이 한울테크노파크, 한국서비스로봇산업협회와 MOU를 맺고 노인 돌봄용 라이프케어로봇의 미국 시장 진출을 함께 추진하기로 했다.",
				body: `
텍사스와 오클라호마 지역 한인상공회의소 5곳이 한국의 지역 혁신기관인 한울테크노파크, 한국서비스로봇산업협회와 손잡고 한국산 라이프케어로봇의 미국 시장 진출을 돕기로 했다. 고령화로 돌봄 인력이 부족한 미국 시니어 시장을 한인 상공인 네트워크로 함께 공략하겠다는 것이다.

북텍사스한인상공회의소와 타런트카운티한인상공회, 오스틴한인상공회의소, 샌안토니오한인상공회의소, 오클라호마한인상공회의소 등 5개 단체는 이번 주 캐롤튼의 한 호텔에서 한울테크노파크, 한국서비스로봇산업협회와 3자 업무협약(MOU)을 체결했다. 협약식에는 양국 기업인과 지역 노인복지시설 관계자 등 120여 명이 참석했다.

협약에 따라 한울테크노파크와 협회는 복약 알림, 낙상 감지, 말벗 기능 등을 갖춘 한국 중소기업의 라이프케어로봇 제품을 선별하고, 현지 실증에 필요한 기술 자료와 인증 비용 일부를 지원한다. 한인상공회의소들은 현지 시니어 리빙 시설과 홈케어 업체를 연결하고 판매·유통 파트너 발굴, 법률·보험 자문을 맡는다.

## "돌봄 인력난이 곧 기회"

정태호 북텍사스한인상공회의소 회장은 "미국은 돌봄 인력 부족이 심각해 로봇에 대한 수요가 빠르게 늘고 있다"며 "한국 기업들은 기술력이 뛰어나지만 현지 네트워크가 없어 진입이 어려웠던 만큼 한인 상공인들이 다리 역할을 하겠다"고 말했다.

오명숙 한울테크노파크 원장은 "지역 로봇 기업 40여 곳이 해외 진출을 준비하고 있는데 가장 큰 벽은 현지 실증과 인증"이라며 "1년 안에 텍사스 시설 서너 곳에서 시범 운영을 시작하는 것이 목표"라고 밝혔다.

> "라이프케어로봇은 단순한 기계가 아니라 어르신의 하루를 함께하는 동반자입니다."

배성진 한국서비스로봇산업협회 부회장은 이렇게 강조하며 "한국어와 영어를 모두 알아듣는 제품도 있어 이민 1세대 어르신들에게 특히 반응이 좋을 것"이라고 기대했다.

## 인증·보험은 풀어야 할 과제

업계에서는 과제도 적지 않다고 본다. 의료기기로 분류되면 미국 식품의약국(FDA) 절차를 거쳐야 하고, 시설에 들어가는 제품은 개인정보 보호와 책임보험 문제도 따져야 한다. 윤미경 타런트카운티한인상공회 회장은 "상공회의소마다 회원사 가운데 변호사와 보험 전문가가 있다"며 "기업들이 시행착오를 줄일 수 있도록 분야별 자문단을 꾸리겠다"고 말했다.

현지 시설의 반응은 긍정적이다. 협약식에 참석한 플래노의 시니어 리빙 시설 '프레리크릭'의 캐럴 휫필드 원장은 "야간 인력이 부족한 시간대에 낙상을 감지해 주는 기능만으로도 가치가 크다"며 "시범 사업에 참여할 의향이 있다"고 말했다.

5개 상공회의소는 앞으로 석 달 안에 달라스에서 한국 로봇 기업 15곳이 참가하는 제품 시연회와 일대일 구매 상담회를 열 계획이다.
`,
			},
			{
				lang:           "en",
				headline:       "Korean-American chambers team up to bring elder-care robots to US",
				deck:           "Five Korean-American chambers of commerce sign MOU with a regional technopark and the national robot industry association",
				summary:        "Five Korean-American chambers in Texas and Oklahoma agreed to help Korean makers of 'lifecare' robots for older adults find test sites, buyers and partners in the United States.",
				after:          3 * time.Hour,
				translatedFrom: "ko",
				translatedBy:   "dykang",
				body: `
CARROLLTON, Texas — Five Korean-American chambers of commerce in Texas and Oklahoma signed a memorandum of understanding this week with a South Korean regional technopark and a national robot industry association to bring Korean elder-care robots to the U.S. market.

The North Texas Korean-American Chamber of Commerce, the Tarrant County Korean Business Association and chambers in Austin, San Antonio and Oklahoma City signed the agreement with Hanul Technopark and the Korea Service Robot Industry Association at a Carrollton hotel. About 120 business owners and senior care operators attended.

Under the agreement, the technopark and the association will pick "lifecare" robots made by small Korean manufacturers — machines that remind residents to take medication, detect falls and keep up a conversation — and help pay for testing and certification. The chambers will introduce the companies to senior living communities and home care agencies and help them find distributors, lawyers and insurers.

## A market short of caregivers

"There is a real shortage of caregivers in this country, and demand for robots is growing fast," said Tae-ho Jung, president of the North Texas chamber. "Korean companies have the technology, but they don't have the local network. That's where we come in."

Myung-sook Oh, president of Hanul Technopark, said about 40 robot companies in her region are preparing to sell abroad. "The biggest wall is local testing and certification," she said. Her goal is to start pilots at three or four Texas facilities within a year.

> "A lifecare robot is not just a machine. It is a companion for an older person's whole day."

That is how Sung-jin Bae, vice chairman of the robot association, put it. Some of the robots understand both Korean and English, he said, which could appeal to first-generation immigrants.

## Certification and insurance ahead

Hurdles remain. A robot classified as a medical device would need clearance from the Food and Drug Administration, and facilities will want answers on privacy and liability. Mi-kyung Yoon, president of the Tarrant County association, said the chambers will form a panel of member attorneys and insurance agents to advise the companies.

Carol Whitfield, executive director of Prairie Creek Senior Living in Plano, said fall detection alone would help during thinly staffed overnight shifts. "We would be glad to be part of a pilot," she said.

The chambers plan a showcase and one-on-one buyer meetings with 15 Korean robot makers in Dallas within the next three months.
`,
			},
		},
	}
}

// seonPlant carries a correction in both languages.
func seonPlant() draft {
	return draft{
		section: "business",
		tags:    []string{"manufacturing", "jobs", "electric-vehicles", "denton-county"},
		byline:  []string{"smlee"},
		age:     2*24*time.Hour + 4*time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "세온모빌리티가 공장을 지을 덴튼카운티 산업단지 부지.",
				"en": "The Denton County industrial site where Seon Mobility plans to build its plant.",
			},
			Credit: story.Text{"ko": "(사진: 이승민 기자)", "en": "Photo: Seung-min Lee / " + PaperNameEn},
		},
		texts: []text{
			{
				lang:         "ko",
				headline:     "세온모빌리티, 덴튼카운티에 전기차 부품 공장…일자리 350개",
				deck:         "1억2천만 달러 투자해 배터리 케이스·냉각 부품 생산, 2년 뒤 가동 목표",
				summary:      "한국의 전기차 부품 업체 세온모빌리티가 덴튼카운티에 1억2천만 달러 규모의 공장을 짓는다. 현지 일자리 350개가 새로 생길 전망이다.",
				updatedAfter: 3*time.Hour + 20*time.Minute,
				correction:   "바로잡습니다: 이 기사의 첫 판에는 새로 생기는 일자리가 450개로 잘못 나갔습니다. 회사가 밝힌 규모는 350개입니다.",
				body: `
한국의 전기차 부품 업체 세온모빌리티가 덴튼카운티에 1억2천만 달러를 들여 배터리 케이스와 냉각 부품 공장을 짓는다. 회사 측은 공장이 본격 가동되면 현지 일자리 350개가 새로 생길 것이라고 밝혔다.

세온모빌리티는 덴튼카운티 북부 산업단지의 약 40에이커 부지를 매입하는 계약을 마쳤으며, 인허가 절차를 거쳐 연내 착공할 계획이다. 첫 생산 라인은 착공 후 2년 뒤 가동이 목표다. 생산 제품은 텍사스와 멕시코 북부에 있는 완성차 공장과 배터리 조립 공장에 공급된다.

세온모빌리티는 2009년 경기도에서 설립된 자동차 부품 업체로, 최근 몇 년 사이 전기차용 경량 부품으로 사업을 넓혀 왔다. 현재 한국과 멕시코에 공장을 두고 있으며 미국 공장은 이번이 처음이다. 회사 측은 텍사스 공장이 북미 사업의 거점이 될 것이라고 설명했다.

## 왜 북텍사스인가

최현석 세온모빌리티 미주법인장은 "고객사 공장까지 트럭으로 하루 안에 닿을 수 있고, 인근 대학과 커뮤니티 칼리지에서 기술 인력을 구하기 쉽다는 점이 결정적이었다"고 말했다. 회사는 후보지로 조지아와 테네시도 검토했지만 물류비와 인력 수급을 따져 텍사스를 택했다고 설명했다.

카운티 측은 10년간 재산세 일부를 감면하는 인센티브를 제공하기로 했다. 카운티 경제개발 담당자는 "제조업 일자리는 평균 임금이 높고 협력업체 투자까지 끌어온다"며 "지역 경제에 미치는 효과가 클 것"이라고 밝혔다.

> "한국 본사의 자동화 라인을 그대로 옮겨 오되, 관리자의 절반 이상은 현지에서 채용하겠습니다."

최 법인장은 채용 계획에 대해 이같이 밝히며 "지역 커뮤니티 칼리지와 손잡고 용접·설비 정비 교육 과정을 따로 만들 것"이라고 덧붙였다. 생산직 초봉은 시간당 22달러 안팎으로 지역 제조업 평균보다 높은 수준이 될 것이라고 회사 측은 설명했다.

## 한인 협력업체에도 기회

한인 업계도 반기는 분위기다. 부품 포장과 물류, 설비 유지보수, 통역 등 협력 수요가 생길 것으로 기대되기 때문이다. 북텍사스한인상공회의소의 한 관계자는 "한국 기업이 들어오면 회계, 법률, 보험, 부동산 등 한인 전문직의 일감도 함께 늘어난다"며 "회원사를 대상으로 협력업체 등록 설명회를 열 계획"이라고 말했다.

공장 부지 인근 주민들 사이에서는 화물 트럭 통행량이 늘어날 것을 걱정하는 목소리도 나온다. 카운티 측은 산업단지 진입로를 새로 만들어 주거 지역을 지나는 차량을 최소화하겠다고 밝혔다.

다만 업계 일각에서는 전기차 수요 둔화와 연방 정부의 보조금 정책 변화가 변수로 꼽힌다. 회사 측은 "전기차뿐 아니라 하이브리드 차량용 부품도 생산할 수 있도록 라인을 설계해 수요 변화에 대비하겠다"고 밝혔다.
`,
			},
			{
				lang:         "en",
				headline:     "Seon Mobility to build EV parts plant in Denton County, 350 jobs",
				deck:         "The South Korean supplier will invest $120 million to make battery housings and cooling parts",
				summary:      "South Korean electric vehicle parts maker Seon Mobility will build a $120 million plant in Denton County that the company expects to employ 350 people.",
				after:        time.Hour,
				updatedAfter: 2*time.Hour + 40*time.Minute,
				correction:   "Correction: An earlier version of this story misstated the number of jobs the plant is expected to create. The company says 350, not 450.",
				body: `
DENTON, Texas — South Korean electric vehicle parts maker Seon Mobility will spend $120 million on a plant in Denton County to build battery housings and cooling components, the company said, a project it expects to create 350 jobs.

The company has agreed to buy about 40 acres in an industrial park in the northern part of the county and hopes to break ground this year once permits are in hand. The first production line is due to start two years after construction begins. The parts will go to vehicle and battery assembly plants in Texas and northern Mexico.

## Why North Texas

"Our customers' plants are a day's drive away, and the universities and community colleges here make it easier to find skilled workers," said Hyun-seok Choi, who heads the company's U.S. subsidiary. Seon Mobility also looked at sites in Georgia and Tennessee before settling on Texas because of freight costs and the labor pool, he said.

The county agreed to abate part of the property taxes on the plant for 10 years. A county economic development official said manufacturing jobs pay above-average wages and tend to pull in supplier investment.

> "We will bring over the automated lines from our Korean plants, but more than half of our managers will be hired here."

Choi said the company will work with a local community college on courses in welding and equipment maintenance.

## Work for local suppliers

Korean-American business owners welcomed the news, expecting demand for packaging, logistics, maintenance and interpreting. A member of the North Texas Korean-American Chamber of Commerce said accountants, lawyers, insurers and real estate agents also tend to gain when a Korean manufacturer arrives, and that the chamber plans a briefing on how to register as a supplier.

Slowing EV demand and shifting federal incentives remain risks. The company said the line is designed to make parts for hybrid vehicles as well.
`,
			},
		},
	}
}

func pureunMarket() draft {
	return draft{
		section: "business",
		tags:    []string{"retail", "grocery", "frisco", "jobs"},
		byline:  []string{"smlee"},
		age:     4*24*time.Hour + 2*time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "개장을 앞둔 푸른마트 프리스코점 내부. 즉석조리 코너가 매장 한가운데 자리 잡았다.",
				"en": "Inside Pureun Market's Frisco store before opening, with the prepared-food counter at its center.",
			},
			Credit: story.Text{"ko": "(사진 제공: 푸른마트)", "en": "Photo: courtesy of Pureun Market"},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "푸른마트, 프리스코에 DFW 세 번째 매장 연다",
				deck:     "즉석조리 코너 키우고 비한인 고객 겨냥…직원 90명 채용",
				summary:  "한인 마켓 체인 푸른마트가 프리스코에 DFW 지역 세 번째 매장을 연다. 즉석조리 식품을 늘려 비한인 고객까지 잡겠다는 전략이다.",
				body: `
한인 마켓 체인 푸른마트가 프리스코에 달라스·포트워스(DFW) 지역 세 번째 매장을 연다. 캐롤튼, 어빙에 이은 세 번째 점포로, 회사 측은 개장에 맞춰 직원 90명을 새로 채용한다고 밝혔다.

새 매장은 프리스코 북부의 한 쇼핑센터에 약 4만 스퀘어피트 규모로 들어선다. 기존 매장보다 즉석조리 코너와 푸드코트 면적을 두 배 가까이 늘린 것이 특징이다. 김밥과 떡볶이, 반찬류를 매장에서 직접 만들고, 한국식 베이커리와 카페도 입점한다.

푸른마트는 2011년 캐롤튼의 작은 식료품점으로 출발해 10여 년 만에 DFW 지역의 대표적인 한인 마켓 체인으로 자리 잡았다. 어빙에 두 번째 매장을 연 뒤에는 자체 물류창고를 마련해 한국산 신선식품의 유통 기간을 줄였다.

## 손님 절반이 비한인

서정민 푸른마트 대표는 "캐롤튼 매장만 해도 손님의 절반 가까이가 비한인"이라며 "한국 드라마와 음식이 알려지면서 한국 식재료를 찾는 미국 가정이 크게 늘었다"고 말했다. 서 대표는 "프리스코는 젊은 가족이 많은 지역이라 간편식 수요가 특히 클 것으로 본다"고 덧붙였다.

회사는 비한인 고객을 위해 모든 상품에 영어 설명을 붙이고, 라면과 김치, 고추장 등 인기 품목으로 구성한 '입문 세트'도 내놓는다. 매장 한쪽에는 조리법을 알려 주는 시식 코너를 상시 운영한다.

서 대표는 가격 경쟁력도 자신했다. 그는 "한국 본사와 직거래하는 상품을 늘려 유통 단계를 줄였다"며 "자체 브랜드 반찬과 김치는 기존 매장보다 10%가량 싸게 팔 계획"이라고 말했다.

> "한국 마켓이 한인만의 가게가 아니라 동네 마트가 되는 것이 목표입니다."

## 경쟁 심해지는 한인 마켓 시장

DFW 지역에서는 최근 몇 년 사이 대형 한인 마켓과 아시안 마켓이 잇따라 문을 열면서 경쟁이 치열해지고 있다. 업계에서는 가격 경쟁만으로는 한계가 있어 즉석식품과 자체 브랜드 상품으로 차별화하는 흐름이 이어질 것으로 본다.

업계 관계자들은 프리스코와 매키니, 프로스퍼 등 달라스 북부 지역에 한인과 아시아계 주민이 빠르게 늘고 있어 당분간 신규 매장 출점이 이어질 것으로 보고 있다.

인근 상인들도 기대를 나타냈다. 같은 쇼핑센터에서 네일숍을 운영하는 한 한인 업주는 "마켓이 들어오면 주말 유동 인구가 크게 늘어난다"며 "주변 상권 전체에 도움이 될 것"이라고 말했다.

푸른마트는 개장 첫 주 동안 선착순 고객에게 장바구니를 나눠 주고, 지역 푸드뱅크에 매출의 일부를 기부할 예정이다. 매장은 매일 오전 8시부터 밤 10시까지 문을 연다.
`,
			},
			{
				lang:     "en",
				headline: "Pureun Market to open third DFW store in Frisco",
				deck:     "The Korean grocery chain is betting on prepared food and shoppers new to Korean cooking",
				summary:  "Korean grocery chain Pureun Market will open its third Dallas-Fort Worth store in Frisco, doubling the space for prepared food and hiring 90 people.",
				after:    2 * time.Hour,
				body: `
FRISCO, Texas — Korean grocery chain Pureun Market will open its third Dallas-Fort Worth store in Frisco, following locations in Carrollton and Irving, and plans to hire 90 workers for it, the company said.

The roughly 40,000-square-foot store will anchor a shopping center in north Frisco. Compared with the chain's other stores, it nearly doubles the space given to prepared food and a food court. Kimbap, tteokbokki and side dishes will be made on site, and a Korean bakery and cafe will lease space inside.

## Half the shoppers aren't Korean

"Even at our Carrollton store, close to half of our customers aren't Korean," said Jung-min Seo, the company's chief executive. "As Korean dramas and food have caught on, many more American families are looking for Korean ingredients."

Frisco's young families make it a good market for ready-to-eat food, Seo said. Every product will carry an English description, and the store will sell starter bundles of ramyeon, kimchi and gochujang. A tasting station will show shoppers how to cook with them.

> "Our goal is for a Korean market to be the neighborhood grocery store, not just a store for Koreans."

## A crowded field

Several large Korean and pan-Asian grocers have opened in the area in recent years, and competition is stiff. Industry observers say prepared food and store brands, rather than price alone, are how chains are setting themselves apart.

Neighbors expect a lift. A Korean-American nail salon owner in the same center said a grocery anchor brings far more weekend traffic to everyone.

Pureun Market will hand out reusable bags to early shoppers during opening week and donate part of its sales to a local food bank.
`,
			},
		},
	}
}

func scholarships() draft {
	return draft{
		section: "community",
		tags:    []string{"scholarships", "education", "youth"},
		byline:  []string{"eshan"},
		age:     5*24*time.Hour + 6*time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "한미미래장학재단 장학생들이 시상식을 마친 뒤 기념 촬영을 하고 있다.",
				"en": "Hanmi Future Scholarship Foundation recipients pose after the awards ceremony.",
			},
			Credit: story.Text{"ko": "(사진 제공: 한미미래장학재단)", "en": "Photo: courtesy of the Hanmi Future Scholarship Foundation"},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "한미미래장학재단, 한인 학생 42명에 장학금 15만 달러",
				deck:     "올해 처음 직업기술 과정 학생까지 대상 넓혀…\"받은 만큼 돌려주는 전통 이어가길\"",
				summary:  "한미미래장학재단이 북텍사스 한인 학생 42명에게 모두 15만 달러의 장학금을 전달했다. 처음으로 직업기술 과정 학생도 장학생에 포함됐다.",
				body: `
한미미래장학재단이 북텍사스 지역 한인 학생 42명에게 모두 15만 달러의 장학금을 전달했다. 재단 설립 이후 최대 규모로, 올해는 처음으로 4년제 대학 진학생뿐 아니라 직업기술 과정에 다니는 학생들도 장학생으로 뽑혔다.

재단은 리처드슨의 한 연회장에서 시상식을 열고 고등학교 졸업반부터 대학원생까지 장학생들에게 증서를 전달했다. 시상식에는 학생과 가족, 후원자 등 250여 명이 참석했다. 장학금은 학생 한 명당 2천 달러에서 1만 달러까지다.

한미미래장학재단은 2004년 달라스 지역 한인 의사와 사업가 몇 명이 뜻을 모아 세웠다. 첫해 장학생은 5명, 장학금은 1만 달러에 불과했지만 지금까지 누적 장학생은 700명, 장학금 총액은 200만 달러를 넘었다.

## 직업기술 과정까지 대상 확대

재단은 올해 전기, 용접, 간호 보조, 항공 정비 등 직업기술 과정 학생 8명을 새로 선발했다. 문성원 재단 이사장은 "대학만이 성공의 길이라는 생각은 이제 바뀌어야 한다"며 "지역 산업이 필요로 하는 기술 인재를 키우는 것도 커뮤니티의 몫"이라고 말했다.

항공 정비 과정에 다니는 장학생 류하준 군은 "부모님이 세탁소를 하시며 학비 걱정을 많이 하셨는데 큰 짐을 덜었다"며 "자격증을 따서 지역 항공사에서 일하는 것이 목표"라고 밝혔다.

간호 보조 과정의 장학생 곽서윤 양도 "한국어를 할 줄 아는 간호 인력이 부족하다는 이야기를 많이 들었다"며 "한인 어르신들을 돌보는 일을 하고 싶다"고 말했다.

> "우리가 받은 도움을 다음 세대에 돌려주는 것, 그것이 재단이 존재하는 이유입니다."

## 후원자 절반이 장학생 출신

재단의 후원자 가운데 절반가량은 과거 장학금을 받았던 졸업생들이다. 10여 년 전 장학생이었던 치과의사 남궁윤 씨는 올해 자신의 이름으로 장학금 두 개를 새로 만들었다. 남궁 씨는 "유학생 부모 밑에서 자라 장학금이 없었다면 학업을 이어가기 어려웠을 것"이라며 "후배들이 같은 고민을 덜었으면 좋겠다"고 말했다.

재단은 장학생들을 대상으로 멘토링 프로그램도 운영한다. 한인 전문직 종사자 30여 명이 멘토로 참여해 진로 상담과 인턴십 연결을 돕는다. 재단은 또 올해부터 장학생 부모를 위한 한국어 대학 진학 설명회를 한 해 두 차례 열기로 했다. 학비 보조 신청서 작성과 학자금 대출 제도를 한국어로 안내해 정보 격차를 줄이겠다는 취지다. 재단 측은 다음 해 장학생 선발 공고를 재단 웹사이트에 올릴 예정이며, 후원 문의도 웹사이트로 받는다고 밝혔다.
`,
			},
			{
				lang:     "en",
				headline: "Hanmi Future Scholarship Foundation awards $150,000 to 42 students",
				deck:     "For the first time, students in trade and technical programs are among the recipients",
				summary:  "A North Texas Korean-American scholarship foundation gave $150,000 to 42 students, including, for the first time, eight in trade and technical programs.",
				after:    90 * time.Minute,
				body: `
RICHARDSON, Texas — The Hanmi Future Scholarship Foundation awarded $150,000 to 42 Korean-American students in North Texas this year, its largest round ever, and for the first time included students in trade and technical programs.

About 250 students, parents and donors attended the ceremony at a Richardson banquet hall, where recipients from high school seniors to graduate students received awards of $2,000 to $10,000.

## Beyond the four-year degree

Eight of this year's recipients are training as electricians, welders, nursing assistants and aircraft mechanics. "The idea that college is the only road to success has to change," said Sung-won Moon, who chairs the foundation's board. "Training the skilled workers our local industries need is part of a community's job, too."

Ha-jun Ryu, who is studying aircraft maintenance, said the award lifted a weight from his parents, who run a dry cleaner. He hopes to be certified and work for an airline in the area.

> "Giving back to the next generation what we were given — that is why the foundation exists."

## Former recipients now give

About half of the foundation's donors are former recipients. Yoon Namkoong, a dentist who received a scholarship more than a decade ago, funded two new awards in her name this year. "Without a scholarship I would have had a hard time staying in school," she said. "I want the students after me to worry less."

The foundation also runs a mentoring program in which about 30 Korean-American professionals advise recipients on careers and internships. Applications for next year's awards will be posted on the foundation's website.
`,
			},
		},
	}
}

func mallangLabs() draft {
	return draft{
		section: "technology",
		tags:    []string{"startups", "artificial-intelligence", "venture-capital", "translation"},
		byline:  []string{"jhpark"},
		age:     3*24*time.Hour + 5*time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "말랑랩스 공동창업자 안소희(왼쪽) 대표와 조건우 최고기술책임자가 플래노 사무실에서 번역 화면을 보여 주고 있다.",
				"en": "Mallang Labs co-founders So-hee Ahn, left, and Gun-woo Cho demonstrate the translation tool at their Plano office.",
			},
			Credit: story.Text{"ko": "(사진: 박지현 기자)", "en": "Photo: Ji-hyun Park / " + PaperNameEn},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "플래노 스타트업 말랑랩스, 한영 법률번역 AI로 320만 달러 유치",
				deck:     "계약서·이민 서류 번역에 특화…\"최종 검토는 사람이, 초벌은 AI가\"",
				summary:  "플래노의 한인 스타트업 말랑랩스가 한국어와 영어 법률 문서를 번역하는 인공지능 서비스로 320만 달러의 시드 투자를 받았다.",
				body: `
플래노에 본사를 둔 한인 스타트업 말랑랩스가 한국어와 영어 법률 문서를 번역하는 인공지능(AI) 서비스로 320만 달러의 시드 투자를 유치했다. 이번 투자에는 달라스와 오스틴의 벤처캐피털 두 곳과 한국의 액셀러레이터 한 곳이 참여했다.

말랑랩스는 계약서, 이민 서류, 법원 제출 문서처럼 용어 하나가 중요한 문서의 번역에 특화된 서비스를 만든다. 변호사와 번역가가 AI가 만든 초벌 번역을 검토하고 고치면, 그 수정 내용이 다시 학습에 반영되는 구조다.

회사 이름 '말랑'은 딱딱한 법률 문서를 말랑말랑하게 풀어 주겠다는 뜻을 담았다. 2년 전 직원 3명으로 시작해 지금은 엔지니어와 번역가 등 18명이 일하고 있다.

## "법률 번역은 틀리면 안 되는 번역"

안소희 말랑랩스 대표는 "일반 번역기는 문장은 자연스럽게 만들지만 법률 용어를 엉뚱하게 옮기는 경우가 많다"며 "법률 번역은 틀리면 안 되는 번역이라 전문가 검토를 전제로 설계했다"고 말했다. 변호사 출신인 안 대표는 한인 로펌에서 일하며 번역 비용과 시간 문제를 직접 겪은 것이 창업 계기가 됐다고 설명했다.

회사에 따르면 현재 텍사스와 캘리포니아, 뉴욕의 한인 로펌과 이민 법률사무소 60여 곳이 유료로 서비스를 쓰고 있다. 번역 시간은 평균 70% 줄었다는 것이 회사 측 설명이다.

사용자들의 평가도 나쁘지 않다. 캐롤튼에서 이민 법률사무소를 운영하는 한 변호사는 "예전에는 서류 한 건을 번역하는 데 며칠씩 걸렸지만 지금은 초벌 번역을 검토하는 데 몇 시간이면 된다"며 "의뢰인의 비용 부담도 줄었다"고 말했다.

> "최종 책임은 사람이 지고, AI는 그 사람이 더 빨리 일하도록 돕는 도구입니다."

## 개인정보 보호가 관건

법률 문서에는 민감한 개인정보가 많은 만큼 보안이 핵심 과제다. 조건우 최고기술책임자(CTO)는 "고객 문서는 암호화해 고객이 지정한 지역의 서버에만 저장하고, 고객 동의 없이 학습에 쓰지 않는다"고 밝혔다.

전문가들은 AI 번역의 한계도 분명하다고 지적한다. 법률 번역가 출신의 한 대학 강사는 "같은 단어도 주마다 법적 의미가 다를 수 있다"며 "AI가 아무리 발전해도 최종 책임은 사람이 져야 한다"고 말했다.

투자를 이끈 벤처캐피털의 한 파트너는 "한국 기업의 미국 진출과 한인 이민 수요가 함께 늘고 있어 시장이 작지 않다"며 "전문가가 검토하는 구조가 신뢰를 얻을 것"이라고 평가했다.

말랑랩스는 이번 투자금으로 엔지니어와 법률 전문 번역가를 10명가량 더 채용하고, 의료 문서와 특허 문서로 서비스를 넓힐 계획이다.
`,
			},
			{
				lang:     "en",
				headline: "Plano startup Mallang Labs raises $3.2M for Korean-English legal AI",
				deck:     "The tool drafts translations of contracts and immigration papers for lawyers to check",
				summary:  "Mallang Labs, a Korean-American startup in Plano, raised a $3.2 million seed round for AI that drafts Korean-English translations of legal documents for human review.",
				after:    time.Hour,
				body: `
PLANO, Texas — Mallang Labs, a Korean-American startup that uses artificial intelligence to translate legal documents between Korean and English, has raised $3.2 million in seed funding from two venture firms in Dallas and Austin and an accelerator in South Korea.

The company focuses on documents where a single term matters: contracts, immigration filings and court papers. Lawyers and translators review and correct the AI's first draft, and their corrections are fed back into the system.

## Translation that can't be wrong

"General-purpose translators write smooth sentences, but they often get legal terms wrong," said So-hee Ahn, the company's chief executive and a former attorney. "Legal translation is translation that can't be wrong, so we built this around review by professionals." She started the company after seeing the cost and delays of translation while working at a Korean-American law firm.

About 60 Korean-American law firms and immigration practices in Texas, California and New York pay for the service, the company said, and it cuts translation time by 70% on average.

> "People carry the final responsibility. The AI is a tool that helps them work faster."

## Privacy comes first

Because legal files hold sensitive personal data, security is central. Chief technology officer Gun-woo Cho said client documents are encrypted, stored only in the region a client chooses and never used for training without consent.

A partner at the lead investor said the growth of Korean companies in the U.S. and of Korean immigration make for a sizable market.

Mallang Labs plans to hire about 10 engineers and legal translators and to expand into medical and patent documents.
`,
			},
		},
	}
}

func carrolltonRents() draft {
	return draft{
		section: "real-estate",
		tags:    []string{"commercial-real-estate", "carrollton", "small-business"},
		byline:  []string{"smlee"},
		age:     7*24*time.Hour + 3*time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "캐롤튼 올드덴튼로드 일대 한인 상가.",
				"en": "Korean-owned shops along Old Denton Road in Carrollton.",
			},
			Credit: story.Text{"ko": "(사진: 이승민 기자)", "en": "Photo: Seung-min Lee / " + PaperNameEn},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "캐롤튼 한인타운 상가 임대료 3년 새 28% 올라",
				deck:     "공실률은 4%대로 낮아…재계약 앞둔 소상공인들 \"버티기 힘들다\"",
				summary:  "캐롤튼 한인타운 상가 임대료가 3년 사이 28% 오르면서 재계약을 앞둔 한인 소상공인들의 부담이 커지고 있다.",
				body: `
캐롤튼 한인타운 일대 상가 임대료가 최근 3년 사이 28% 오른 것으로 나타났다. 한인 상권이 커지면서 빈 점포가 줄어든 결과지만, 재계약을 앞둔 소상공인들 사이에서는 "버티기 힘들다"는 목소리가 나온다.

한인 상업용 부동산 중개업체 그린포인트 리얼티가 올드덴튼로드와 벨트라인로드 주변 소매 상가 50여 곳을 조사한 결과, 스퀘어피트당 평균 연 임대료는 3년 전 22달러에서 최근 28달러대로 올랐다. 같은 기간 공실률은 9%에서 4%대로 떨어졌다.

주거 수요도 상가 임대료를 끌어올리고 있다. 캐롤튼과 인근 파머스브랜치에는 최근 몇 년 사이 대형 아파트 단지가 잇따라 들어섰고 한인 인구도 꾸준히 늘었다. 유동 인구가 많아지면서 주말이면 인기 식당 앞에 긴 줄이 늘어서는 모습도 흔해졌다.

## 유입은 늘고 빈 점포는 줄고

신재훈 그린포인트 리얼티 대표는 "한국 기업 주재원과 타주에서 이주한 한인 가정이 늘면서 식당, 카페, 학원 수요가 크게 늘었다"며 "좋은 자리는 매물이 나오기 무섭게 계약된다"고 말했다. 신 대표는 "건물주들이 관리비와 보험료 인상분까지 임차인에게 넘기고 있어 실제 부담은 임대료 상승률보다 크다"고 덧붙였다.

12년째 분식집을 운영하는 한 업주는 "재계약 조건으로 월세를 1천 달러 넘게 올려 달라는 통보를 받았다"며 "메뉴 가격을 또 올려야 할지 고민"이라고 말했다.

다른 업주들의 사정도 비슷하다. 미용실을 운영하는 한 업주는 "임대료뿐 아니라 관리비가 1년 새 30% 가까이 올랐다"며 "손님이 늘어도 남는 게 없다"고 하소연했다. 일부 업주들은 매장 면적을 줄이거나 다른 업주와 공간을 나눠 쓰는 방식으로 비용을 줄이고 있다.

> "임대료가 오르는 속도를 매출이 따라가지 못하는 가게가 많습니다."

## 전문가들 "재계약 6개월 전부터 준비해야"

전문가들은 재계약 협상을 미리 준비하라고 조언한다. 상가 임대차 분쟁을 주로 다루는 배수연 변호사는 "계약서의 갱신 옵션 조항과 임대료 인상 상한을 먼저 확인해야 한다"며 "만료 6개월 전부터 주변 시세 자료를 모아 협상에 나서는 것이 좋다"고 말했다. 배 변호사는 또 "인상분을 감당하기 어렵다면 계약 기간을 늘리는 대신 인상률을 낮추는 방식도 협상해 볼 만하다"고 덧붙였다.

일부 업주들은 인근 파머스브랜치나 루이스빌로 눈을 돌리고 있다. 임대료가 상대적으로 낮고 새로 짓는 상가도 많기 때문이다. 다만 한인 고객층이 얇아 이전에는 신중해야 한다는 지적도 나온다. 상인들 사이에서는 한인 상인회 차원에서 공동 대응 방안을 마련해야 한다는 목소리도 커지고 있다.
`,
			},
			{
				lang:     "en",
				headline: "Carrollton Koreatown retail rents up 28% in three years",
				deck:     "Vacancies have fallen to about 4%, and small business owners facing renewals feel squeezed",
				summary:  "Retail rents in Carrollton's Koreatown have risen 28% in three years as vacancies fell, leaving many Korean-American shop owners dreading lease renewals.",
				after:    2 * time.Hour,
				body: `
CARROLLTON, Texas — Retail rents in Carrollton's Koreatown have climbed 28% in three years as the neighborhood's popularity has all but emptied its list of vacant storefronts, and small business owners say renewals are getting hard to survive.

A survey of more than 50 retail centers around Old Denton and Belt Line roads by Greenpoint Realty, a Korean-American commercial brokerage, found average annual rent rose from $22 per square foot to just over $28. Vacancy fell from 9% to about 4% over the same period.

## More newcomers, fewer empty shops

"With more Korean company transferees and families moving here from other states, demand for restaurants, cafes and tutoring centers has jumped," said Jae-hoon Shin, the brokerage's president. "Good spaces are leased as soon as they are listed." Landlords are also passing on higher maintenance fees and insurance costs, so tenants' real burden is larger than the rent increase suggests, he said.

The owner of a snack restaurant open for 12 years said her landlord asked for more than $1,000 a month more at renewal.

> "For a lot of shops, sales can't keep pace with how fast rents are rising."

## Start six months early

Su-yeon Bae, an attorney who handles commercial lease disputes, advised tenants to check renewal options and rent caps in their leases and to start gathering comparable rents six months before expiration.

Some owners are looking at nearby Farmers Branch and Lewisville, where rents are lower and new centers are going up, though brokers caution that the Korean customer base there is thinner.
`,
			},
		},
	}
}

func loanWorkshop() draft {
	return draft{
		section: "business",
		tags:    []string{"small-business", "loans", "workshop"},
		byline:  []string{"eshan"},
		age:     8*24*time.Hour + 5*time.Hour,
		photo: story.Photo{
			Caption: story.Text{
				"ko": "한인 소상공인들이 대출 설명회에서 강의를 듣고 있다.",
				"en": "Korean-American business owners listen to a presentation at the loan workshop.",
			},
			Credit: story.Text{"ko": "(사진: 한은서 기자)", "en": "Photo: Eun-seo Han / " + PaperNameEn},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "\"SBA 대출, 서류 준비가 절반\"…한국어 대출 설명회에 80명 몰려",
				deck:     "한인 은행·회계사들 무료 강좌…\"세금 보고 정리부터 시작해야\"",
				summary:  "한인 소상공인을 위한 한국어 SBA 대출 설명회에 80여 명이 참석했다. 강사들은 세금 보고와 재무 서류 정리가 대출 승인의 첫걸음이라고 강조했다.",
				body: `
연방 중소기업청(SBA) 보증 대출을 한국어로 설명하는 무료 설명회에 한인 소상공인 80여 명이 몰렸다. 금리가 높은 상황에서 비교적 조건이 좋은 정부 보증 대출에 관심이 커졌기 때문이다. 주최 측은 당초 50명을 예상했지만 자리가 모자라 보조 의자를 놓아야 했다.

설명회는 달라스 한인 상공인 단체와 한인 은행 두 곳, 회계사무소가 함께 마련했다. 참석자들은 식당과 뷰티 서플라이, 세탁소, 정비소 업주 등 다양했으며, 가게 인수나 설비 교체, 운영자금 마련을 고민하는 이들이 많았다.

SBA 보증 대출은 정부가 대출금의 일부를 보증해 주기 때문에 일반 사업자 대출보다 금리가 낮고 상환 기간이 긴 편이다. 대표적인 7(a) 대출은 최대 500만 달러까지 받을 수 있어 가게 인수나 부동산 구입에도 쓰인다. 다만 심사 기간이 길고 서류가 까다로워 영어에 익숙하지 않은 1세대 업주들에게는 문턱이 높았다.

## 대출 승인의 열쇠는 서류

강사로 나선 한 한인 은행의 권나래 SBA 대출 담당 부장은 "대출 심사의 절반은 서류 준비"라며 "최근 3년치 세금 보고서와 재무제표, 사업 계획서가 서로 맞아떨어져야 한다"고 말했다. 권 부장은 "현금 매출을 제대로 신고하지 않으면 실제보다 사업이 작게 보여 대출 한도가 줄어든다"고 지적했다.

공인회계사 황보민 씨는 "세금을 줄이려고 비용을 과하게 잡은 장부가 대출 단계에서는 오히려 발목을 잡는다"며 "대출 계획이 있다면 1~2년 전부터 회계사와 상의해 장부를 정리하라"고 조언했다.

강사들은 흔히 하는 실수도 소개했다. 개인 신용 점수를 관리하지 않거나, 사업 계좌와 개인 계좌를 섞어 쓰거나, 사업 계획서를 인터넷 양식 그대로 베껴 내는 경우다. 권 부장은 "심사 담당자는 숫자 뒤에 있는 업주의 준비성을 본다"고 말했다.

> "대출은 급할 때 찾는 게 아니라 미리 준비해 두는 것입니다."

## 질문 쏟아진 상담 시간

설명회 뒤 이어진 일대일 상담에는 예정된 시간을 넘겨 30여 명이 줄을 섰다. 어빙에서 식당을 운영하는 한 업주는 "영어로 된 안내문만 봐서는 무엇부터 해야 할지 몰랐는데 한국어로 들으니 이해가 된다"며 "주방 설비를 바꾸는 데 대출을 알아볼 생각"이라고 말했다.

갈랜드에서 뷰티 서플라이를 운영하는 또 다른 참석자는 "가게 인수를 준비하면서 어디서부터 손대야 할지 막막했는데, 필요한 서류 목록을 받아 들고 나니 길이 보인다"고 말했다.

주최 측은 반응이 좋아 분기마다 설명회를 열고, 다음에는 사업체 인수와 가업 승계를 주제로 다룰 계획이라고 밝혔다. 설명회 자료는 주최 측 웹사이트에서 한국어로 내려받을 수 있다.
`,
			},
			{
				lang:     "en",
				headline: "Korean-language SBA loan workshop draws 80 small business owners",
				deck:     "Bankers and accountants said clean tax returns are the first step to approval",
				summary:  "About 80 Korean-American business owners attended a free workshop in Korean on loans backed by the Small Business Administration.",
				after:    3 * time.Hour,
				body: `
DALLAS — About 80 Korean-American small business owners packed a free workshop held in Korean on loans guaranteed by the U.S. Small Business Administration, drawn by terms that look attractive while interest rates remain high.

A Dallas Korean-American business group organized the session with two Korean-American banks and an accounting firm. Restaurant, beauty supply, dry cleaning and auto repair owners came with questions about buying businesses, replacing equipment and finding working capital.

## Paperwork decides

"Half of underwriting is paperwork," said Na-rae Kwon, who manages SBA lending at one of the banks. "Your last three years of tax returns, your financial statements and your business plan have to agree with one another." Underreporting cash sales makes a business look smaller than it is and shrinks the loan it can get, she said.

Min Hwangbo, a certified public accountant, said books padded with expenses to cut taxes come back to bite owners when they apply. "If you plan to borrow, talk to your accountant a year or two ahead," he said.

> "A loan is not something you look for in a hurry. It is something you prepare for."

## A line for advice

More than 30 people lined up for one-on-one consultations that ran past the scheduled end. A restaurant owner from Irving said the English-only brochures had left him unsure where to start.

The organizers plan to hold workshops every quarter, with the next one on buying a business and passing a family business to the next generation.
`,
			},
		},
	}
}

// dryCleaners is in Korean only.
func dryCleaners() draft {
	return draft{
		section: "community",
		tags:    []string{"dry-cleaning", "small-business", "family-business", "세대교체"},
		byline:  []string{"jhpark"},
		age:     9*24*time.Hour + 8*time.Hour,
		photo: story.Photo{
			Caption: story.Text{"ko": "2세 업주 홍예린 씨가 어빙의 세탁소에서 새로 들인 예약 키오스크를 설명하고 있다."},
			Credit:  story.Text{"ko": "(사진: 박지현 기자)"},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "한인 세탁업계 세대교체…2세들이 앱 예약·배달로 바꾼다",
				deck:     "1세대 은퇴 맞물려 가게 물려받는 자녀 늘어…\"부모님 단골은 지키고 손님층은 넓히고\"",
				summary:  "한때 한인 이민 경제의 상징이던 세탁업계에서 가게를 물려받는 2세 업주들이 늘고 있다. 이들은 앱 예약과 배달 서비스로 새로운 손님층을 찾고 있다.",
				body: `
한때 한인 이민 경제를 상징하던 세탁업계에서 세대교체가 빠르게 진행되고 있다. 1세대 업주들이 은퇴할 나이에 접어들면서 가게를 물려받는 2세들이 늘고, 이들이 앱 예약과 배달 서비스를 도입하며 업계의 풍경을 바꾸고 있다.

달라스·포트워스 지역 한인 세탁인 단체에 따르면 회원 업소 가운데 자녀가 운영을 맡았거나 승계를 준비 중인 곳은 5년 전 10곳 남짓에서 최근 40여 곳으로 늘었다. 반면 후계자가 없어 가게를 매물로 내놓는 1세대 업주도 적지 않다.

한인 세탁업은 1980~90년대 이민 1세대가 적은 자본으로도 시작할 수 있는 업종으로 자리 잡으며 빠르게 늘었다. 한때 한인 경제의 한 축이었지만, 재택근무 확산과 캐주얼 복장 문화로 수요가 줄면서 어려움을 겪어 왔다.

## 대기업 다니다 가게로

어빙에서 세탁소를 운영하는 홍예린 씨는 달라스의 한 대기업에서 마케팅 일을 하다 3년 전 부모님의 가게를 이어받았다. 홍 씨는 "처음에는 부모님이 반대하셨다"며 "새벽부터 밤까지 일하시는 걸 보고 자라서 자식만큼은 다른 길을 가길 바라셨던 것"이라고 말했다.

홍 씨는 가게를 맡은 뒤 온라인 예약과 문자 알림, 아파트 단지 배달 서비스를 도입했다. 그 결과 재택근무를 하는 젊은 직장인 고객이 늘면서 매출이 30%가량 올랐다고 한다. 홍 씨는 "부모님이 30년 동안 쌓은 단골은 그대로 지키면서 새로운 손님층을 넓히는 것이 목표"라고 밝혔다.

홍 씨는 가게 운영을 데이터로 관리하는 것도 바꾼 점으로 꼽았다. 요일별, 시간대별 주문량을 분석해 직원 근무표를 짜고, 단골 고객에게는 수선과 보관 서비스를 묶은 월정액 상품을 내놨다.

> "기계는 바꿀 수 있어도 부모님이 쌓아 온 신용은 돈으로 살 수 없습니다."

## 환경 규제와 인건비는 여전한 숙제

세탁업계의 과제도 만만치 않다. 세탁 용제에 대한 환경 규제가 강화되면서 설비 교체 비용이 커졌고, 인건비도 꾸준히 오르고 있다. 세탁인 단체의 장동훈 회장은 "친환경 설비로 바꾸려면 수십만 달러가 드는 경우도 있다"며 "2세 업주들을 위한 공동 구매와 정부 지원 프로그램 안내를 늘리겠다"고 말했다.

1세대 업주들은 자녀들의 변화를 반기면서도 걱정을 감추지 않는다. 30년 가까이 세탁소를 운영해 온 한 업주는 "요즘 아이들은 일하는 방식이 우리와 다르다"며 "그래도 손님 옷을 내 옷처럼 다뤄야 한다는 기본만큼은 잊지 않았으면 한다"고 말했다.

단체는 다음 달 가업 승계를 주제로 세무사와 변호사가 참여하는 설명회를 열 예정이다.
`,
			},
		},
	}
}

// exportFair is in Korean only.
func exportFair() draft {
	return draft{
		section: "business",
		tags:    []string{"trade", "export", "수출상담회"},
		byline:  []string{"dykang", "smlee"},
		age:     26 * time.Hour,
		photo: story.Photo{
			Caption: story.Text{"ko": "수출상담회에서 한국 중소기업 관계자가 현지 바이어에게 제품을 설명하고 있다."},
			Credit:  story.Text{"ko": "(사진 제공: 한국중소기업수출지원센터)"},
		},
		texts: []text{
			{
				lang:     "ko",
				headline: "한국 중소기업 32곳 달라스서 수출상담회…현장 계약 410만 달러",
				deck:     "화장품·식품·생활용품 중심…텍사스 유통업체 바이어 70여 명 참가",
				summary:  "한국 중소기업 32곳이 참가한 수출상담회가 달라스에서 열려 410만 달러 규모의 현장 계약과 업무협약이 이뤄졌다.",
				body: `
한국 중소기업 32곳이 참가한 수출상담회가 달라스에서 열려 현장에서만 410만 달러 규모의 계약이 성사됐다. 화장품과 식품, 생활용품 업체가 주를 이뤘으며 텍사스와 인근 주의 유통업체 바이어 70여 명이 상담에 나섰다.

상담회는 한국중소기업수출지원센터가 주관하고 북텍사스한인상공회의소가 현지 바이어 모집을 도왔다. 참가 기업들은 이틀 동안 모두 290여 건의 일대일 상담을 진행했고, 이 가운데 9건은 본계약, 14건은 업무협약으로 이어졌다.

이번 상담회는 텍사스에서 열린 한국 중소기업 상담회 가운데 가장 큰 규모다. 참가 기업은 한국 각 지역에서 서류 심사와 화상 면접을 거쳐 선발됐으며, 현지 시장 조사 자료와 바이어 정보를 미리 받아 상담을 준비했다.

## 화장품·건강식품에 관심 집중

가장 큰 관심을 받은 분야는 기초 화장품과 건강식품이었다. 충북의 한 화장품 업체는 텍사스의 뷰티 유통 체인과 120만 달러 규모의 공급 계약을 맺었다. 이 업체의 해외영업 담당 임다솜 팀장은 "미국 남부 시장은 처음이라 걱정이 많았는데 바이어들이 한국 화장품 성분을 잘 알고 있어 놀랐다"며 "현지 물류 창고를 두는 방안도 검토하겠다"고 말했다.

현지 바이어들은 한국 제품의 품질을 높이 평가하면서도 미국 규정에 맞는 라벨과 인증을 갖추는 것이 먼저라고 입을 모았다. 휴스턴에서 온 한 식품 유통업체 구매 담당자는 "영양 성분 표시와 알레르기 표기가 미국 기준에 맞지 않으면 매장에 올릴 수 없다"고 말했다.

참가 기업들은 현지 바이어들의 꼼꼼한 질문에 놀랐다는 반응이다. 경남의 한 주방용품 업체 대표는 "가격보다 납기와 반품 조건, 제조물 책임보험 가입 여부를 먼저 묻는 경우가 많았다"며 "미국 시장에 맞는 준비가 더 필요하다는 것을 느꼈다"고 말했다.

> "상담회는 시작일 뿐입니다. 첫 주문 이후 납기와 품질을 지키는 기업이 결국 살아남습니다."

## "한인 상공인이 현지 파트너 역할"

센터 측은 올해부터 계약 이후 관리도 강화한다. 현지 한인 상공인 가운데 유통과 통관, 법률 분야 전문가를 '수출 도우미'로 위촉해 참가 기업의 후속 상담을 돕는다. 센터의 송지우 미주사업팀장은 "한인 상공인 네트워크가 한국 기업에는 가장 믿을 만한 현지 파트너"라며 "달라스를 미국 남부 시장의 거점으로 키우겠다"고 밝혔다.

북텍사스한인상공회의소는 상담회에 참가하지 못한 회원사를 위해 참가 기업의 제품 목록과 연락처를 공유하고, 석 달 뒤 온라인 상담회를 추가로 열 계획이다. 센터 측은 다음 상담회에는 참가 기업을 50곳으로 늘리고 의료기기와 로봇 분야도 추가할 방침이다.
`,
			},
		},
	}
}

// banchanFoodHall is in English only.
func banchanFoodHall() draft {
	return draft{
		section: "community",
		tags:    []string{"restaurants", "food", "deep-ellum"},
		byline:  []string{"eshan"},
		age:     2*24*time.Hour + 20*time.Hour,
		photo: story.Photo{
			Caption: story.Text{"en": "Chef Daniel Seong plates banchan at his counter in a Deep Ellum food hall."},
			Credit:  story.Text{"en": "Photo: Eun-seo Han / " + PaperNameEn},
		},
		texts: []text{
			{
				lang:     "en",
				headline: "A Korean-American chef bets Deep Ellum is ready for banchan by the pound",
				deck:     "Daniel Seong's food hall counter sells his mother's side dishes to a lunch crowd that had never heard of them",
				summary:  "Chef Daniel Seong opened a counter in a Deep Ellum food hall selling Korean side dishes by weight, and says most of his customers are trying banchan for the first time.",
				body: `
DALLAS — On a weekday at lunch, the line at Daniel Seong's counter in a Deep Ellum food hall runs past the taco stand next door. Most of the people in it, he says, could not have told you what banchan was a year ago.

Seong, 34, sells the small side dishes that crowd a Korean dinner table by the pound: spicy cucumbers, soy-braised potatoes, seasoned spinach, fish cakes and three kinds of kimchi. Customers fill a box from a glass case, add rice and a protein and pay by weight.

## His mother's recipes

Most of the recipes are his mother's, who ran a restaurant in Carrollton for two decades. "For her, banchan was never a side. It was how you showed someone you cared," Seong said. "I wanted to put that front and center instead of hiding it in little dishes."

He worked in hotel kitchens in Dallas and Houston before saving enough to lease the counter. The food hall's owners, he said, liked that the concept was fast and could change with the seasons.

> "People walk up saying they only know bulgogi. Ten minutes later they're asking which kimchi is the funkiest."

## Teaching while selling

Seong and two cooks hand out samples and label each dish with its spice level and main ingredients, in English and Korean. Lunch sales have doubled since opening, he said, and he now supplies two coffee shops with grab-and-go boxes.

Not every dish has caught on. Anchovies stir-fried with peppers have been a hard sell, so he gives them away as samples. "They'll come around," he said.

Seong hopes to open a second counter in Fort Worth, and his mother still tastes every new batch. "She's my toughest critic," he said. "If she says it's too sweet, it's too sweet."
`,
			},
		},
	}
}
