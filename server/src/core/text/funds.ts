/** The budget funds' names, which hold 预算 without making a figure a plan or a budget. */
export const FUND_NAMES = /一般公共预算|公共财政预算|政府性基金预算|国有资本经营预算|社会保险基金预算/g;

/** 一般公共预算, or 公共财政预算, its name until 2014 (2016–2017 county templates still head their columns so). */
export const GENERAL_BUDGET = /一般公共预算|公共财政预算/;
