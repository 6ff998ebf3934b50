// The words that compare a figure with last year's. One list for the model (a line opening with them
// goes on the paragraph before), token roles (a change or a prior) and change claims (the name of the
// quantity ends where they begin).

/** 比上年 / 较2023年 / 与上年 / 同比 / 上年同期 / 相较于上年 / 与疫情前的2019年 …, anywhere in a text. */
export const LAST_YEAR_COMPARISON =
  /比上年|比上一年|较上年|与上年|同比|上年同期|相较于?上年|相比上年|较之上年|比(?:疫情前的?)?(?:19|20)\d\d\s*年|(?<!比)较(?:疫情前的?)?(?:19|20)\d\d\s*年|与(?:疫情前的?)?(?:19|20)\d\d\s*年|相较于?(?:疫情前的?)?(?:19|20)\d\d\s*年/;

/** The same words opening a text. */
export const OPENS_WITH_LAST_YEAR_COMPARISON = new RegExp(`^(?:${LAST_YEAR_COMPARISON.source})`);
