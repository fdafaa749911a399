// Region names as NBS writes them (北京市, 内蒙古自治区, 东部地区), with the spaces that pasted
// tables put in them (北\u3000\u3000京) taken out, and the nation (全国, 全国总计) told apart.

import { removeSpaces, toHalfWidth } from "./text";

/** The four NBS economic regions, in the order the release lists them. */
export const ECONOMIC_REGIONS: readonly string[] = ["东部地区", "中部地区", "西部地区", "东北地区"];

const NATION = /^(全国|全国总计|全国合计|总计|合计|全国总计\(全国\)|national|nationwide|china|total)$/i;

/**
 * A region cell as StatDesk keeps it: spaces and full-width spaces removed, the name otherwise as
 * written; null for the nation; undefined for a blank cell.
 * regionName("北\u3000\u3000京") // => "北京"; regionName("全国总计") // => null; regionName(" 东部地区 ") // => "东部地区"
 */
export function regionName(text: string): string | null | undefined {
  const name = removeSpaces(toHalfWidth(text));
  if (name === "") return undefined;
  if (NATION.test(name)) return null;
  // "东部" alone is the eastern region as the release names it.
  if (/^(东部|中部|西部|东北)$/.test(name)) return `${name}地区`;
  return name;
}

/** Whether a region is one of the four economic regions rather than a province or city. */
export function isEconomicRegion(name: string): boolean {
  return ECONOMIC_REGIONS.includes(name);
}
