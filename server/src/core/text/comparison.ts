// The words that compare a figure with last year's. One list for the model (a line opening with them
// goes on the paragraph before), token roles (a change or a prior) and change claims (the name of the
// quantity ends where they begin).

/** What may stand between the comparing word and the year compared with: `与疫情前的2019年相比`. */
export const BEFORE_COMPARED_YEAR = '(?:疫情前的?)?';
const PAST_YEAR = String.raw`${BEFORE_COMPARED_YEAR}(?:19|20)\d\d\s*年`;

/** 比上年 / 较2023年 / 与上年 / 同比 / 上年同期 / 相较于上年 / 与疫情前的2019年 / 比调整后上年数 …, anywhere in a text. */
export const LAST_YEAR_COMPARISON = new RegExp(
  String.raw`比上年|比上一年|较上年|与上年|同比|(?:比|较|与)(?:调整后|调整口径后|可比口径|同口径|可比)的?上年|上年同期|相较于?上年|相比上年|较之上年|比${PAST_YEAR}|(?<!比)较${PAST_YEAR}|与${PAST_YEAR}|相较于?${PAST_YEAR}`,
);

/** The same words opening a text. */
export const OPENS_WITH_LAST_YEAR_COMPARISON = new RegExp(`^(?:${LAST_YEAR_COMPARISON.source})`);
