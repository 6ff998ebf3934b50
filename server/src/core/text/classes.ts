// The 类 of the government functional classification (支出功能分类), by name: what a heading or a prose figure names when it
// names a 类 without its mark.

/** `社会保障和就业支出`, `卫生健康`: a 类's name, with or without 支出. */
export const CLASS_NAME = /^(一般公共服务|外交|国防|公共安全|教育|科学技术|文化旅游体育与传媒|文化体育与传媒|社会保障和就业|卫生健康|节能环保|城乡社区|农林水|交通运输|资源勘探工业信息等|商业服务业等|金融|援助其他地区|自然资源海洋气象等|住房保障|粮油物资储备|灾害防治及应急管理)(?:支出)?$/;

/** A 类 named bare (`教育支出`) or a 类/款/项 named with its mark (`普通教育（款）`). */
export function namesClassOrItem(subject: string): boolean {
  return CLASS_NAME.test(subject) || /[（(][类款项][)）]$/.test(subject);
}

/** The economic classes of 基本支出 and 项目支出 alike (公开06表's 301, 302, 303, 310): `工资福利支出`, `对个人和家庭的补助`. */
export const ECONOMIC_CLASS = /^(工资福利支出|商品和服务支出|对个人和家庭的?补助(?:支出)?|资本性支出)$/;
