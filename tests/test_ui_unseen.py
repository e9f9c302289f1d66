"""Scenarios the UI has never seen, for the UI tests (written here, not bundled)."""

KOREAN_12 = """format: 1
id: unseen-korean-12
title: 한빛물류 스마트 창고 관리 시스템 도입
language: ko
difficulty: hard
description: |
  한빛물류는 수도권에 창고 네 곳을 운영합니다. 재고 데이터가 창고마다 따로 놀아서
  주문 마감 시간마다 현장이 북새통입니다. 당신은 누리시스템의 영업 대표입니다.
customer: {name: 한빛물류, industry: 물류, size: 중견기업}
deal: {value: 2400000000, currency: KRW}
members:
  - {id: ceo, name: 최민호, title: 대표이사, roles: [decider], influence: 1.0,
     priorities: {cost_saving: 5, advanced_technology: 2}, gated_by: secretary}
  - {id: cfo, name: 김하늘, title: 재무이사, roles: [decider, buyer], influence: 0.85,
     priorities: {affordable_price: 5, cost_saving: 4}}
  - {id: cio, name: 이서준, title: 정보전략실장, roles: [decider, influencer], influence: 0.8,
     priorities: {digital_ordering_delivery: 5, advanced_technology: 4, support_24_7: 2}}
  - {id: secretary, name: 박지아, title: 대표이사 비서, roles: [gatekeeper], influence: 0.35,
     priorities: {exact_delivery_date: 3, nearby_liaison_office: 2}}
  - {id: ops_head, name: 정우성, title: 운영본부장, roles: [influencer], influence: 0.7,
     priorities: {exact_delivery_date: 5, custom_manufacturing_delivery: 3}}
  - {id: wh_manager1, name: 한도윤, title: 평택센터장, roles: [user], influence: 0.45,
     priorities: {support_24_7: 5, nearby_liaison_office: 3}}
  - {id: wh_manager2, name: 오세린, title: 이천센터장, roles: [user], influence: 0.4,
     priorities: {support_24_7: 4, best_quality_control: 2}}
  - {id: it_staff, name: 윤재희, title: 전산팀 대리, roles: [initiator, user], influence: 0.3,
     priorities: {digital_ordering_delivery: 4, support_24_7: 3}}
  - {id: purchasing, name: 서지훈, title: 구매팀장, roles: [buyer], influence: 0.55,
     priorities: {affordable_price: 5, nearby_liaison_office: 2}}
  - {id: qa, name: 강유진, title: 품질관리팀장, roles: [influencer], influence: 0.5,
     priorities: {best_quality_control: 5, exact_delivery_date: 2}}
  - {id: sales_head, name: 문태오, title: 영업본부장, roles: [influencer], influence: 0.55,
     priorities: {exact_delivery_date: 4, custom_manufacturing_delivery: 3, cost_saving: 2}}
  - {id: picker_lead, name: 배은지, title: 피킹 조장, roles: [user], influence: 0.25,
     priorities: {support_24_7: 3, nearby_factory: 2}}
vendor:
  name: 누리시스템
  capabilities: {cost_saving: 0.6, affordable_price: 0.4, advanced_technology: 0.8, digital_ordering_delivery: 0.85,
                 support_24_7: 0.7, exact_delivery_date: 0.6, best_quality_control: 0.6, nearby_liaison_office: 0.5,
                 custom_manufacturing_delivery: 0.55, nearby_factory: 0.3}
competitors:
  - {id: daehan, name: 대한솔루션, style: price, capabilities: {affordable_price: 0.9, cost_saving: 0.6},
     stance: {purchasing: 0.4, cfo: 0.2}}
  - {id: cloudy, name: 클라우디, style: technology, capabilities: {advanced_technology: 0.9, digital_ordering_delivery: 0.7},
     stance: {cio: 0.3, it_staff: 0.2}}
events:
  - id: ops_leaves
    stage: developing_options
    probability: 1.0
    type: member_leaves
    member: ops_head
    successor: {id: ops_head2, name: 임채원, title: 신임 운영본부장, roles: [influencer], influence: 0.65,
                priorities: {cost_saving: 4, exact_delivery_date: 3}}
    description: 정우성 본부장이 경쟁사로 옮겼습니다.
  - {id: cut, stage: evaluating_alternatives, probability: 1.0, type: budget_cut, severity: 0.4,
     description: 유가 급등으로 예산이 줄었습니다.}
  - {id: picker_blocks, stage: situation_analysis, probability: 1.0, type: member_turns_blocker, member: picker_lead}
"""

ENGLISH_TINY = """format: 1
id: unseen-tiny
title: One buyer, three stages
customer: {name: Tiny Co}
deal: {value: 5000, currency: EUR}
stages:
  - {id: meet, name: First meeting, actions: 3, focus: [decider]}
  - {id: offer, name: Offer, actions: 3, focus: [decider, buyer]}
  - {id: close, name: Closing, actions: 2, focus: [decider]}
members:
  - {id: owner, name: Sam Lee, title: Owner, roles: [decider, buyer], influence: 1.0,
     priorities: {cost_saving: 3, support_24_7: 2}, stance: 0.2}
vendor: {name: Helpful Ltd, capabilities: {cost_saving: 0.8, support_24_7: 0.9}}
"""

JAPANESE_BENEFITS = """format: 1
id: unseen-japanese
title: さくら精機 検査装置の更新
language: ja
customer: {name: さくら精機株式会社, industry: 精密機械}
deal: {value: 30000000, currency: JPY}
benefits:
  - {id: cost_saving, name: コスト削減}
  - {id: best_quality_control, name: 品質管理}
  - {id: support_24_7, name: 二十四時間サポート}
members:
  - {id: plant, name: 佐藤健, title: 工場長, roles: [decider], influence: 0.9,
     priorities: {cost_saving: 4, best_quality_control: 3}}
  - {id: qa, name: 鈴木花, title: 品質保証課長, roles: [influencer, user], influence: 0.6,
     priorities: {best_quality_control: 5}}
  - {id: night, name: 高橋誠, title: 夜勤班長, roles: [user], influence: 0.3,
     priorities: {support_24_7: 5}}
vendor: {name: 東和計測, capabilities: {cost_saving: 0.5, best_quality_control: 0.85, support_24_7: 0.6}}
competitors:
  - {id: rival, name: 北斗テック, style: balanced, capabilities: {cost_saving: 0.7}, stance: {plant: 0.2}}
"""

UNSEEN = {"korean_12": KOREAN_12, "english_tiny": ENGLISH_TINY, "japanese_benefits": JAPANESE_BENEFITS}


def test_the_unseen_scenarios_are_valid():
    from game.scenario import load_scenario_text
    sizes = {name: len(load_scenario_text(text, name).members) for name, text in UNSEEN.items()}
    assert sizes == {"korean_12": 12, "english_tiny": 1, "japanese_benefits": 3}
