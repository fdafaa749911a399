// What the person fills in on the task pane, as plain data, and how it becomes the analysis the
// Excel layer runs (and back, to edit a stored analysis). Pure: no React, no services.

import type { AnalysisDefinition, SourceDefinition, SourceRole, SourceSpec } from "../run";
import { nationalTotalOfCells } from "../run";
import type { ColourConvention } from "../core/summary/build";
import type { Language } from "../core/messages";
import type { RoundingRule } from "../core/rounding";
import type { TableOverrides } from "../core/ranking-table";
import { Problem } from "../core/problems";
import { parseTierOption, TIER_PRESETS, TierPresetName } from "../core/tiers";
import { RankingChoice, resolveOptions } from "../core/options";
import { basisIn } from "../core/headers";
import type { FoundData, SourcePreview } from "../run";
import type { Analysis } from "../core/analyze";
import { sheetNameProblem } from "../core/sheet-name";
import { splitSheet } from "../core/a1";

/** How the ranking data is laid out: two one-year lists, one two-year table, or one list alone. */
export type RankingLayout = "two-lists" | "wide" | "single";

/** The input slots of the pane; each becomes one source of the analysis when it has an address. */
export type SlotRole = Extract<SourceRole, "current" | "previous" | "wide" | "ranking" | "series" | "plan">;

const LAYOUTS: readonly RankingLayout[] = ["two-lists", "wide", "single"];

/** The ranking slots of each layout, in the order the pane shows them. */
const LAYOUT_SLOTS: Readonly<Record<RankingLayout, readonly SlotRole[]>> = {
  "two-lists": ["current", "previous"],
  wide: ["wide"],
  single: ["ranking"],
};

/** Slots shown whatever the layout: the NBS series and the plan table, both optional. */
const EXTRA_SLOTS: readonly SlotRole[] = ["series", "plan"];

export const ALL_SLOTS: readonly SlotRole[] = ["current", "previous", "wide", "ranking", "series", "plan"];

/** One slot as typed: where the data is and the corrections made in its preview. */
export interface SlotInput {
  /** The address box: as typed, or the range a region or Find data took. */
  readonly address: string;
  readonly overrides: TableOverrides;
  /**
   * Where the data is, when not simply the address typed: the region around the cell clicked, or
   * around the corner of a table Find data chose (each taken again on every read). Typing in the
   * box drops it.
   */
  readonly spec?: SourceSpec;
}

export type TierChoice = TierPresetName | "custom";
export type NationalMode = "none" | "number" | "cell";

/**
 * How the summary's figures are written: live formulas on the source cells, with the rows they
 * reference below the tables shown ("formulas", the default) or hidden; or plain values, for a
 * sheet sent outside.
 */
export type FiguresChoice = "formulas" | "formulas-data-hidden" | "values";

export interface SettingsInput {
  readonly tierChoice: TierChoice;
  /** The custom lower bounds as typed ("100, 300, 500, 1000"); used when tierChoice is "custom". */
  readonly customBounds: string;
  readonly topN: string;
  readonly nationalMode: NationalMode;
  /** "96750" or "96750, 116622" (this year, last year). */
  readonly nationalNumber: string;
  /** A cell such as "Sheet1!B5" (or two cells, this year and last year: "Sheet1!B5:C5"). */
  readonly nationalCell: string;
  readonly rounding: RoundingRule;
  readonly colours: ColourConvention;
  /** How the summary's figures are written (#14); formulas with the data block shown by default. */
  readonly figures: FiguresChoice;
  /** Empty: the default name (汇总_2024 / Summary_2024). */
  readonly sheetName: string;
  readonly outputLanguage: Language;
  /** The rankings (metric and basis) the summary shows; null: every one found (the default). */
  readonly rankingsShown: readonly RankingChoice[] | null;
}

/**
 * A table Find data found: where it is and how it is kept, what it is for, and its reading. One
 * that fills a slot is used while the slot holds it; one beside the slots while it is ticked.
 */
export interface FoundItem {
  readonly key: string;
  readonly sheet: string;
  /** The cells read ("'2024年TOP100'!A1:C109"); for a stored analysis, those read when it was found. */
  readonly address: string;
  readonly spec: SourceSpec;
  readonly role: SourceRole;
  /** The slot it fills; null: beside the slots (another period, basis, series or plan). */
  readonly slot: SlotRole | null;
  /** For a table beside the slots: whether the run uses it. */
  readonly include: boolean;
  /**
   * For a table beside the slots: the person's corrections of its reading (header row, column
   * roles, year, unit), as a slot keeps its own; they travel into the run and the stored analysis.
   */
  readonly overrides: TableOverrides;
  /** What StatDesk understood of it (absent for a stored analysis opened again, until it is read). */
  readonly preview?: SourcePreview;
}

export interface FormState {
  /** Stable across runs so a second run replaces the first one's sheet. */
  readonly id: string;
  readonly layout: RankingLayout;
  readonly slots: Readonly<Record<SlotRole, SlotInput>>;
  readonly settings: SettingsInput;
  /** What Find data found (empty until it runs): the slots' tables and those beside them. */
  readonly found: readonly FoundItem[];
}

const EMPTY_SLOT: SlotInput = { address: "", overrides: {} };

/** A new analysis id: short, unique enough within one workbook, legal in a sheet name. */
export function newAnalysisId(now: number = Date.now(), random: number = Math.random()): string {
  return `${now.toString(36)}${Math.floor(random * 36 ** 4).toString(36).padStart(4, "0")}`;
}

function defaultSettings(language: Language): SettingsInput {
  return {
    tierChoice: "cia2023",
    customBounds: TIER_PRESETS.cia2023.join(", "),
    topN: "10, 30, 50, 100",
    nationalMode: "none",
    nationalNumber: "",
    nationalCell: "",
    rounding: "half-away",
    colours: "red-up",
    figures: "formulas",
    sheetName: "",
    outputLanguage: language,
    rankingsShown: null,
  };
}

/** An empty form: two one-year lists, the pane's language for the output. */
export function emptyForm(language: Language, id: string = newAnalysisId()): FormState {
  const slots = Object.fromEntries(ALL_SLOTS.map((role) => [role, EMPTY_SLOT])) as Record<SlotRole, SlotInput>;
  return { id, layout: "two-lists", slots, settings: defaultSettings(language), found: [] };
}

/** The slot input of a found table: its cells as the address, its region as where it is kept. */
function foundSlotInput(item: Pick<FoundItem, "address" | "spec">): SlotInput {
  return { address: item.address, overrides: {}, spec: item.spec };
}

/**
 * The form after Find data: its layout, the slots filled with the tables found for them (the
 * others emptied), and every table found listed, those beside the slots ticked.
 */
export function withFound(form: FormState, data: FoundData): FormState {
  const found: FoundItem[] = data.sources.map((s, i) => ({
    key: `${i}:${s.address}`,
    sheet: s.sheet,
    address: s.address,
    spec: s.spec,
    role: s.role,
    slot: s.slot,
    include: true,
    overrides: {},
    preview: s.preview,
  }));
  const slots = Object.fromEntries(ALL_SLOTS.map((role) => [role, EMPTY_SLOT])) as Record<SlotRole, SlotInput>;
  for (const item of found) if (item.slot !== null) slots[item.slot] = foundSlotInput(item);
  return { ...form, layout: data.layout ?? form.layout, slots, found };
}

/** Whether a found table is used by the run: a slot's while the slot holds it, another while ticked. */
export function foundIncluded(form: FormState, item: FoundItem): boolean {
  if (item.slot === null) return item.include;
  const slot = form.slots[item.slot];
  return visibleSlots(form.layout).includes(item.slot) && slot.address === item.address && slot.spec !== undefined;
}

/** The form with a found table ticked or unticked (a slot's table leaves or re-enters its slot). */
export function toggleFound(form: FormState, key: string, on: boolean): FormState {
  const item = form.found.find((f) => f.key === key);
  if (item === undefined) return form;
  if (item.slot !== null) return { ...form, slots: { ...form.slots, [item.slot]: on ? foundSlotInput(item) : EMPTY_SLOT } };
  return { ...form, found: form.found.map((f) => (f.key === key ? { ...f, include: on } : f)) };
}

/** The form with a found table's corrections replaced (what was read stays until it is read again). */
export function correctFound(form: FormState, key: string, overrides: TableOverrides): FormState {
  return { ...form, found: form.found.map((f) => (f.key === key ? { ...f, overrides } : f)) };
}

/**
 * The form with a found table's new reading: a region shows the range it takes now (rows or a
 * column may have been added since Find data ran); the key stays, so the list keeps its place.
 */
export function foundReading(form: FormState, key: string, preview: SourcePreview): FormState {
  return {
    ...form,
    found: form.found.map((f) => {
      if (f.key !== key) return f;
      if (f.spec.kind !== "region" || preview.address === "") return { ...f, preview };
      return { ...f, preview, address: preview.address, spec: { ...f.spec, taken: preview.address } };
    }),
  };
}

/**
 * Corrections after one changes: `value` set under `key`, or the key dropped when undefined (the
 * reading is StatDesk's own again).
 * corrected({ year: 2024 }, "year", undefined) // => {}
 */
export function corrected<K extends keyof TableOverrides>(o: TableOverrides, key: K, value: TableOverrides[K] | undefined): TableOverrides {
  const copy = { ...o };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** The slots in use for the chosen layout, in the pane's order. */
export function visibleSlots(layout: RankingLayout): readonly SlotRole[] {
  return [...LAYOUT_SLOTS[layout], ...EXTRA_SLOTS];
}

/** Has the person corrected anything in the slot's preview (header row, year, unit, a column's role)? */
export function hasOverrides(o: TableOverrides): boolean {
  return o.headerRow !== undefined || o.year !== undefined || o.unit !== undefined || Object.keys(o.roles ?? {}).length > 0;
}

/** A slot as a source of the analysis (undefined when its address is empty). */
export function slotSource(role: SlotRole, slot: SlotInput): SourceDefinition | undefined {
  const address = slot.address.trim();
  if (address === "") return undefined;
  return {
    role,
    spec: slot.spec ?? { kind: "address", address },
    ...(hasOverrides(slot.overrides) ? { overrides: slot.overrides } : {}),
  };
}

/** The tier option as the core reads it: a preset name or the custom bounds text. */
function tierOption(settings: SettingsInput): string {
  return settings.tierChoice === "custom" ? settings.customBounds : settings.tierChoice;
}

/** What is wrong with each setting, as problems (messages come from core/messages) or a sheet-name reason. */
export interface SettingsCheck {
  readonly tiers: readonly Problem[];
  readonly topN: readonly Problem[];
  readonly national: readonly Problem[];
  readonly sheetName: ReturnType<typeof sheetNameProblem>;
  readonly ok: boolean;
}

/** Checks the settings the way a run would, so the pane can say what is wrong before running. */
export function checkSettings(settings: SettingsInput): SettingsCheck {
  const tiers = settings.tierChoice === "custom" ? parseTierOption(settings.customBounds, undefined).problems : [];
  const topN = resolveOptions({ topN: settings.topN }).problems;
  const national = settings.nationalMode === "number" ? resolveOptions({ nationalTotal: settings.nationalNumber }).problems : [];
  const name = settings.sheetName.trim();
  const sheetName = name === "" ? undefined : sheetNameProblem(name);
  return { tiers, topN, national, sheetName, ok: tiers.length === 0 && topN.length === 0 && national.length === 0 && sheetName === undefined };
}

/**
 * The analysis the Excel layer runs. National sales are a number typed in the pane, or the
 * address of the cell(s) holding them, which the Excel layer reads on every run (and refresh).
 */
export function toDefinition(form: FormState, lastRun?: AnalysisDefinition["lastRun"]): AnalysisDefinition {
  const { settings } = form;
  const nationalTotal = settings.nationalMode === "number" ? settings.nationalNumber.trim() : "";
  const nationalCell = settings.nationalMode === "cell" ? settings.nationalCell.trim() : "";
  const beside: SourceDefinition[] = form.found
    .filter((f) => f.slot === null && f.include)
    .map((f) => ({ role: f.role, spec: f.spec, ...(hasOverrides(f.overrides) ? { overrides: f.overrides } : {}), found: true }));
  const sources = [
    ...visibleSlots(form.layout)
      .map((role) => slotSource(role, form.slots[role]))
      .filter((s): s is SourceDefinition => s !== undefined),
    ...beside,
  ];
  return {
    id: form.id,
    sources,
    options: {
      tiers: tierOption(settings),
      topN: settings.topN,
      ...(nationalTotal !== "" ? { nationalTotal } : {}),
      rounding: settings.rounding,
      ...(settings.rankingsShown !== null ? { rankingsShown: settings.rankingsShown } : {}),
    },
    ...(nationalCell !== "" ? { nationalTotalCell: nationalCell } : {}),
    output: {
      sheetName: settings.sheetName.trim(),
      language: settings.outputLanguage,
      colours: settings.colours,
      ...(settings.figures === "values" ? { valuesOnly: true } : {}),
      ...(settings.figures === "formulas-data-hidden" ? { hideData: true } : {}),
    },
    ...(lastRun !== undefined ? { lastRun } : {}),
  };
}

/** The slot a stored source goes back into, or undefined when the pane cannot show it. */
function slotOf(source: SourceDefinition): SlotRole | undefined {
  if (source.spec.kind !== "address" && source.spec.kind !== "region") return undefined;
  if (source.role === "auto") return "ranking";
  return source.role;
}

/** A stored slot source back in its slot: a region shows the range it took last, and keeps its anchor. */
function slotInputOf(source: SourceDefinition): SlotInput | undefined {
  const { spec } = source;
  const overrides = source.overrides ?? {};
  if (spec.kind === "address") return { address: spec.address, overrides };
  if (spec.kind === "region") return { address: spec.taken ?? spec.anchor, overrides, spec };
  return undefined;
}

/**
 * A stored analysis back in the form, to edit and run again — or undefined when the pane cannot
 * show all of it (a table or a named range as a source, two sources for one slot, mixed layouts).
 */
export function fromDefinition(definition: AnalysisDefinition, paneLanguage: Language): FormState | undefined {
  const form = emptyForm(paneLanguage, definition.id);
  const slots: Record<SlotRole, SlotInput> = { ...form.slots };
  const used = new Set<SlotRole>();
  const found: FoundItem[] = [];
  for (const source of definition.sources) {
    // A table Find data listed beside the slots comes back to the list, ticked.
    if (source.found === true) {
      const address = source.spec.kind === "address" ? source.spec.address : source.spec.kind === "region" ? (source.spec.taken ?? source.spec.anchor) : source.spec.name;
      found.push({ key: `${found.length}:${address}`, sheet: splitSheet(address).sheet ?? "", address, spec: source.spec, role: source.role, slot: null, include: true, overrides: source.overrides ?? {} });
      continue;
    }
    const role = slotOf(source);
    const input = slotInputOf(source);
    if (role === undefined || used.has(role) || input === undefined) return undefined;
    used.add(role);
    slots[role] = input;
  }
  const layouts = LAYOUTS.filter((l) => LAYOUT_SLOTS[l].some((r) => used.has(r)));
  if (layouts.length > 1) return undefined;
  const layout: RankingLayout = layouts[0] ?? "two-lists";

  const o = definition.options;
  const tiersText = o.tiers === undefined ? "cia2023" : typeof o.tiers === "string" ? o.tiers.trim() : o.tiers.join(", ");
  const preset = (Object.keys(TIER_PRESETS) as TierPresetName[]).find((name) => name === tiersText);
  const national =
    o.nationalTotal === undefined
      ? ""
      : typeof o.nationalTotal === "string"
        ? o.nationalTotal
        : [o.nationalTotal.current, o.nationalTotal.previous].filter((n) => n !== null && n !== undefined).join(", ");
  const settings: SettingsInput = {
    ...form.settings,
    tierChoice: preset ?? "custom",
    customBounds: preset !== undefined ? TIER_PRESETS[preset].join(", ") : tiersText,
    topN: o.topN === undefined ? form.settings.topN : typeof o.topN === "string" ? o.topN : o.topN.join(", "),
    nationalMode: definition.nationalTotalCell !== undefined ? "cell" : national === "" ? "none" : "number",
    nationalNumber: national,
    nationalCell: definition.nationalTotalCell ?? "",
    rounding: o.rounding ?? form.settings.rounding,
    colours: definition.output.colours,
    figures: definition.output.valuesOnly === true ? "values" : definition.output.hideData === true ? "formulas-data-hidden" : "formulas",
    sheetName: definition.output.sheetName,
    outputLanguage: definition.output.language,
    rankingsShown: resolveOptions({ ...(o.rankingsShown !== undefined ? { rankingsShown: o.rankingsShown } : {}) }).options.rankingsShown,
  };
  return { id: definition.id, layout, slots, settings, found };
}

/**
 * The number text of national sales read from one or two cells ("96750" or "96750,116622"), by the
 * rule the run applies to the same cells, so the pane never shows a figure the run would refuse.
 */
export function nationalFromCells(values: readonly (readonly (string | number | boolean)[])[]): string | undefined {
  const total = nationalTotalOfCells(values);
  return total === undefined ? undefined : [total.current, total.previous].filter((n) => n !== null).join(",");
}

/** Two choices are the same ranking. */
export function sameRanking(a: RankingChoice, b: RankingChoice): boolean {
  return a.metric === b.metric && a.basis === b.basis;
}

/**
 * The rankings found, to choose from: each amount or area column of the previewed ranking tables
 * (its basis as its header names it) and every list of the last run (which knows a basis the title
 * names too), sales value first, in the order found.
 */
export function rankingsFound(previews: readonly SourcePreview[], analysis?: Analysis): RankingChoice[] {
  const found: RankingChoice[] = [];
  const add = (c: RankingChoice) => {
    if (!found.some((f) => sameRanking(f, c))) found.push(c);
  };
  for (const p of previews) {
    for (const table of p.tables) {
      if (table.kind !== "ranking") continue;
      for (const c of table.columns) {
        if (c.role === "value" || c.role === "area") add({ metric: c.role === "value" ? "salesValue" : "salesArea", basis: basisIn(c.header) ?? null });
      }
    }
  }
  for (const t of analysis?.tables ?? []) if (t.kind === "ranking") for (const l of t.lists) add({ metric: l.metric, basis: l.basis });
  return [...found.filter((c) => c.metric === "salesValue"), ...found.filter((c) => c.metric !== "salesValue")];
}

/**
 * The choice after one ranking is ticked or unticked: null (every one found) when all are ticked;
 * the last one ticked cannot be unticked (the summary would show no ranking).
 */
export function toggleRanking(shown: readonly RankingChoice[] | null, found: readonly RankingChoice[], choice: RankingChoice, on: boolean): readonly RankingChoice[] | null {
  const current = shown === null ? found : found.filter((f) => shown.some((s) => sameRanking(s, f)));
  const next = on ? [...current.filter((c) => !sameRanking(c, choice)), choice] : current.filter((c) => !sameRanking(c, choice));
  if (next.length === 0) return shown;
  const ordered = found.filter((f) => next.some((n) => sameRanking(n, f)));
  return ordered.length === found.length ? null : ordered;
}
