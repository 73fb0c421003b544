/**
 * The people of other service lines read as the scripts name them, for /script search.
 *
 * The scripts are written for a telecom and parcel front line (客户, 营业员, 营业厅), but the same hard
 * calls reach hotlines of hospitals, airlines and railways, where the caller is a 患者, 家属, 乘客 or
 * 旅客 and the one who was shouted at is a 护士 or 乘务员. Read as 客户 and 员工, such a query meets
 * the case about the situation instead of resting on the situation's words alone. Counters (分诊台,
 * 值机柜台) are left as they are: read as 营业厅 they would pull every query towards the in-store cases.
 * One-way on purpose: a query about 客户 is not also searched as 患者.
 */
const SERVICE_LINE_WORDS: readonly (readonly [RegExp, string])[] = [
  [/(?:病人|患者|病患)?家属|病人|患者|病患|乘客|旅客|游客|顾客|住客|业主/gu, '客户'],
  [/护士|医生|大夫|乘务员|空乘|空姐|列车员|售票员|柜员|地勤|店员/gu, '员工'],
];

/** The text with other service lines' people and counters read as the scripts' words. */
export function asScriptPeople(normalized: string): string {
  return SERVICE_LINE_WORDS.reduce((text, [pattern, word]) => text.replace(pattern, word), normalized);
}
