/** The budget funds' names, which hold 预算 without making a figure a plan or a budget. */
export const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/g;
