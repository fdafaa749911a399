// The pane's state and what each action does with the services: the form (inputs, corrections,
// settings), the previews, one run or refresh at a time, the last outcome, and the analyses
// stored in the workbook. Every service call is guarded: nothing thrown escapes to React, and
// the busy flag is always cleared.

import * as React from "react";
import type { AliasReading, AnalysisDefinition, FoundData, RunPhase, RunResult, SourcePreview } from "../run";
import type { TableOverrides } from "../core/ranking-table";
import type { Language } from "../core/messages";
import type { Problem } from "../core/problems";
import type { RankingChoice } from "../core/options";
import { problem } from "../core/problems";
import { splitSheet } from "../core/a1";
import type { PaneServices } from "./services";
import {
  ALL_SLOTS,
  checkSettings,
  correctFound,
  emptyForm,
  foundReading,
  FormState,
  fromDefinition,
  nationalFromCells,
  RankingLayout,
  rankingsFound,
  SettingsCheck,
  SettingsInput,
  SlotInput,
  SlotRole,
  slotSource,
  toDefinition,
  toggleFound,
  visibleSlots,
  withFound,
} from "./form";
import { Guarded, guarded } from "./guard";
import { IDLE, PreviewState } from "./types";
import type { NationalRead } from "./components/Settings/useSettings";
import type { RefreshOutcome } from "./components/StoredAnalyses/useStoredAnalyses";

export interface AppProps {
  readonly services: PaneServices;
  /** The pane's language (Office's display language, zh-CN or en-US). */
  readonly language: Language;
}

/** What the last Run gave: a result from the Excel layer, or an unexpected failure. */
export type RunOutcome = { readonly kind: "result"; readonly result: RunResult } | { readonly kind: "unexpected"; readonly detail: string };

/** What the last Find data gave: nothing yet, going, what it found, or an unexpected failure. */
export type FindState =
  | { readonly status: "idle" }
  | { readonly status: "reading" }
  | { readonly status: "ready"; readonly data: FoundData }
  | { readonly status: "failed"; readonly detail: string };

/** Something to tell outside the flow (selecting a cell failed, a refresh-all failed). */
export interface Notice {
  readonly problems: readonly Problem[];
  readonly detail?: string;
}

export interface AppState {
  readonly language: Language;
  readonly services: PaneServices;
  readonly form: FormState;
  readonly previews: Readonly<Record<SlotRole, PreviewState>>;
  /** The rankings (metric and basis) found in the previews and the last run, to choose which the summary shows. */
  readonly rankingsFound: readonly RankingChoice[];
  readonly check: SettingsCheck;
  readonly slots: readonly SlotRole[];
  readonly blocked?: "settings" | "no-sources";
  readonly busy: "run" | "refresh" | "find" | null;
  readonly find: FindState;
  /** Reads every visible sheet and fills the slots with what it finds. */
  readonly findData: () => void;
  /** Ticks or unticks a table Find data found. */
  readonly toggleFound: (key: string, on: boolean) => void;
  /** Corrects the reading of a table Find data listed beside the slots. */
  readonly correctFound: (key: string, overrides: TableOverrides) => void;
  /** A table Find data found, read again: its new reading. */
  readonly foundRead: (key: string, preview: SourcePreview) => void;
  /**
   * The workbook's alias sheet as last read (by Find data, or with any source read): shown in
   * "what StatDesk understood"; null when the workbook has none or nothing was read yet.
   */
  readonly aliasSheet: AliasReading | null;
  readonly phase: RunPhase | null;
  readonly outcome: RunOutcome | null;
  readonly national: NationalRead;
  readonly stored: readonly AnalysisDefinition[] | null;
  readonly storedFailure?: string;
  readonly editable: ReadonlySet<string>;
  readonly refreshOutcomes: readonly RefreshOutcome[];
  readonly notice: Notice | null;
  readonly setLayout: (layout: RankingLayout) => void;
  readonly setSlot: (role: SlotRole, slot: SlotInput) => void;
  readonly setPreview: (role: SlotRole, preview: PreviewState) => void;
  readonly changeSettings: (change: Partial<SettingsInput>) => void;
  readonly nationalSelection: () => void;
  readonly nationalRead: () => void;
  readonly run: () => void;
  readonly refresh: (definition: AnalysisDefinition) => void;
  readonly refreshAll: () => void;
  readonly edit: (definition: AnalysisDefinition) => void;
  readonly newAnalysis: () => void;
  readonly locate: (location: string) => void;
  readonly goToSummary: () => void;
  readonly dismissNotice: () => void;
}

const idlePreviews = (): Record<SlotRole, PreviewState> => Object.fromEntries(ALL_SLOTS.map((r) => [r, IDLE])) as Record<SlotRole, PreviewState>;

type NationalOutcome = { ok: true; value: string; address: string } | { ok: false; problems: Problem[]; detail?: string };

/** The notice for what selecting a cell or sheet gave: Excel's problem, the failure's text, or none when it worked. */
function selectNotice(r: Guarded<Problem | undefined>): Notice | null {
  if (!r.ok) return { problems: [], detail: r.detail };
  return r.value === undefined ? null : { problems: [r.value] };
}

export function useApp(props: AppProps): AppState {
  const { services, language } = props;
  const [form, setForm] = React.useState<FormState>(() => emptyForm(language));
  const [previews, setPreviews] = React.useState<Record<SlotRole, PreviewState>>(idlePreviews);
  const [busy, setBusy] = React.useState<"run" | "refresh" | "find" | null>(null);
  const [find, setFind] = React.useState<FindState>({ status: "idle" });
  const [phase, setPhase] = React.useState<RunPhase | null>(null);
  const [outcome, setOutcome] = React.useState<RunOutcome | null>(null);
  const [national, setNational] = React.useState<NationalRead>({ status: "idle" });
  const [stored, setStored] = React.useState<readonly AnalysisDefinition[] | null>(null);
  const [storedFailure, setStoredFailure] = React.useState<string | undefined>(undefined);
  const [refreshOutcomes, setRefreshOutcomes] = React.useState<readonly RefreshOutcome[]>([]);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [aliasSheet, setAliasSheet] = React.useState<AliasReading | null>(null);
  // Set synchronously, so a second click in the same tick cannot start a second run.
  const busyRef = React.useRef(false);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const loadStored = React.useCallback(async () => {
    const listed = await guarded(() => services.listAnalyses());
    if (!mounted.current) return;
    if (listed.ok) {
      setStored(listed.value);
      setStoredFailure(undefined);
    } else {
      setStored((s) => s ?? []);
      setStoredFailure(listed.detail);
    }
  }, [services]);
  React.useEffect(() => {
    void loadStored();
  }, [loadStored]);

  const check = React.useMemo(() => checkSettings(form.settings), [form.settings]);
  const slots = visibleSlots(form.layout);
  const hasSource = slots.some((role) => slotSource(role, form.slots[role]) !== undefined);
  const nationalMissing = form.settings.nationalMode === "cell" && form.settings.nationalCell.trim() === "";
  const blocked = !check.ok || nationalMissing ? "settings" : !hasSource ? "no-sources" : undefined;

  const setLayout = React.useCallback((layout: RankingLayout) => setForm((f) => ({ ...f, layout })), []);
  const setSlot = React.useCallback((role: SlotRole, slot: SlotInput) => setForm((f) => ({ ...f, slots: { ...f.slots, [role]: slot } })), []);
  /** A reading that looked at the alias sheet (every source read does, in the same round trip) says what it holds now. */
  const noteAliasSheet = React.useCallback((preview: SourcePreview) => {
    if (preview.aliasSheet !== undefined) setAliasSheet(preview.aliasSheet);
  }, []);
  const setPreview = React.useCallback(
    (role: SlotRole, preview: PreviewState) => {
      setPreviews((p) => ({ ...p, [role]: preview }));
      if (preview.status === "ready") noteAliasSheet(preview.preview);
    },
    [noteAliasSheet],
  );
  const changeSettings = React.useCallback((change: Partial<SettingsInput>) => {
    setForm((f) => ({ ...f, settings: { ...f.settings, ...change } }));
    if (change.nationalCell !== undefined || change.nationalMode !== undefined) setNational({ status: "idle" });
  }, []);

  /** National sales from one or two cells: read through the preview (which returns the cells' values). */
  const readNational = React.useCallback(
    async (address: string): Promise<NationalOutcome> => {
      const read = await guarded(() => services.preview({ role: "auto", spec: { kind: "address", address } }));
      if (!read.ok) return { ok: false, problems: [], detail: read.detail };
      if (read.value.address === "") return { ok: false, problems: [...read.value.problems] };
      const value = nationalFromCells(read.value.sample);
      if (value === undefined) {
        const text = read.value.sample.flat().map(String).join(", ");
        return { ok: false, problems: [problem("national-total-invalid", "error", read.value.address, { text })] };
      }
      return { ok: true, value, address: read.value.address };
    },
    [services],
  );

  const showNational = React.useCallback(
    async (address: string) => {
      setNational({ status: "reading" });
      const r = await readNational(address);
      if (!mounted.current) return;
      setNational(r.ok ? { status: "read", address: r.address, value: r.value } : { status: "failed", problems: r.problems, ...(r.detail !== undefined ? { detail: r.detail } : {}) });
    },
    [readNational],
  );

  const nationalRead = React.useCallback(() => void showNational(form.settings.nationalCell.trim()), [showNational, form.settings.nationalCell]);
  const nationalSelection = React.useCallback(() => {
    void (async () => {
      const selection = await guarded(() => services.readSelection());
      if (!selection.ok) {
        setNational({ status: "failed", problems: [], detail: selection.detail });
        return;
      }
      setForm((f) => ({ ...f, settings: { ...f.settings, nationalCell: selection.value } }));
      await showNational(selection.value);
    })();
  }, [services, showNational]);

  /** Runs `work` as the one thing going on; ignored when something already is. */
  const exclusive = React.useCallback(
    (kind: "run" | "refresh" | "find", work: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(kind);
      setPhase(null);
      void (async () => {
        try {
          await work();
        } finally {
          busyRef.current = false;
          if (mounted.current) {
            setBusy(null);
            setPhase(null);
          }
        }
      })();
    },
    [],
  );

  const onPhase = React.useCallback((p: RunPhase) => {
    if (mounted.current) setPhase(p);
  }, []);

  const run = React.useCallback(() => {
    if (blocked !== undefined) return;
    const current = form;
    exclusive("run", async () => {
      setOutcome(null);
      // The run itself reads the national-total cell and finds the sheet it wrote last (by its
      // marker in the workbook), in its own read round trip: nothing to fetch first.
      const result = await guarded(() => services.run(toDefinition(current), onPhase));
      if (!mounted.current) return;
      setOutcome(result.ok ? { kind: "result", result: result.value } : { kind: "unexpected", detail: result.detail });
      await loadStored();
    });
  }, [blocked, form, exclusive, services, onPhase, loadStored]);

  const findData = React.useCallback(() => {
    exclusive("find", async () => {
      setFind({ status: "reading" });
      const found = await guarded(() => services.findData());
      if (!mounted.current) return;
      if (!found.ok) {
        setFind({ status: "failed", detail: found.detail });
        return;
      }
      setFind({ status: "ready", data: found.value });
      setAliasSheet(found.value.aliasSheet ?? null);
      if (found.value.sources.length === 0) return;
      // The slots take the tables found, with their readings shown as a slot's own reading is.
      setForm((f) => withFound(f, found.value));
      setPreviews(() => {
        const next = idlePreviews();
        for (const s of found.value.sources) if (s.slot !== null) next[s.slot] = { status: "ready", preview: s.preview };
        return next;
      });
      setOutcome(null);
    });
  }, [exclusive, services]);

  const toggleFoundItem = React.useCallback((key: string, on: boolean) => setForm((f) => toggleFound(f, key, on)), []);
  const correctFoundItem = React.useCallback((key: string, overrides: TableOverrides) => setForm((f) => correctFound(f, key, overrides)), []);
  const foundRead = React.useCallback(
    (key: string, preview: SourcePreview) => {
      setForm((f) => foundReading(f, key, preview));
      noteAliasSheet(preview);
    },
    [noteAliasSheet],
  );

  const refresh = React.useCallback(
    (definition: AnalysisDefinition) => {
      exclusive("refresh", async () => {
        const result = await guarded(() => services.run(definition, onPhase));
        if (!mounted.current) return;
        const item: RefreshOutcome = result.ok ? { id: definition.id, result: result.value } : { id: definition.id, detail: result.detail };
        setRefreshOutcomes([item]);
        // The form's own analysis refreshed: its figures are the new ones.
        if (result.ok && definition.id === form.id) setOutcome({ kind: "result", result: result.value });
        await loadStored();
      });
    },
    [exclusive, services, onPhase, loadStored, form.id],
  );

  const refreshAll = React.useCallback(() => {
    exclusive("refresh", async () => {
      const results = await guarded(() => services.refreshAll(onPhase));
      if (!mounted.current) return;
      if (!results.ok) {
        setRefreshOutcomes([]);
        setNotice({ problems: [], detail: results.detail });
      } else {
        setRefreshOutcomes(results.value.map((result) => ({ id: result.definition.id, result })));
        const own = results.value.find((r) => r.definition.id === form.id);
        if (own !== undefined && own.ok) setOutcome({ kind: "result", result: own });
      }
      await loadStored();
    });
  }, [exclusive, services, onPhase, loadStored, form.id]);

  /** Another analysis in the form: what was read, run and shown belongs to the one before. */
  const startForm = React.useCallback((next: FormState) => {
    setForm(next);
    setPreviews(idlePreviews());
    setOutcome(null);
    setNational({ status: "idle" });
    setFind({ status: "idle" });
    setAliasSheet(null);
  }, []);

  const edit = React.useCallback(
    (definition: AnalysisDefinition) => {
      const loaded = fromDefinition(definition, language);
      if (loaded !== undefined) startForm(loaded);
    },
    [language, startForm],
  );

  const newAnalysis = React.useCallback(() => startForm(emptyForm(language)), [language, startForm]);

  const locate = React.useCallback(
    (location: string) => {
      void (async () => {
        // A location without a cell names a whole sheet ("2024年"): bring that sheet forward.
        const onSheet = splitSheet(location).sheet !== undefined;
        const r = await guarded(() => (onSheet ? services.selectLocation(location) : services.activateSheet(location)));
        if (mounted.current) setNotice(selectNotice(r));
      })();
    },
    [services],
  );

  const summarySheet = outcome?.kind === "result" && outcome.result.ok ? outcome.result.sheetName : undefined;
  const goToSummary = React.useCallback(() => {
    if (summarySheet === undefined) return;
    void (async () => {
      const r = await guarded(() => services.activateSheet(summarySheet));
      const notice = selectNotice(r);
      if (mounted.current && notice !== null) setNotice(notice);
    })();
  }, [services, summarySheet]);

  const lastAnalysis = outcome?.kind === "result" ? outcome.result.analysis : undefined;
  const rankingsFoundNow = React.useMemo(
    () =>
      rankingsFound(
        [
          ...slots.flatMap((role) => {
            const p = previews[role];
            return p.status === "ready" ? [p.preview] : [];
          }),
          ...form.found.flatMap((f) => (f.slot === null && f.include && f.preview !== undefined ? [f.preview] : [])),
        ],
        lastAnalysis,
      ),
    [slots, previews, lastAnalysis, form.found],
  );

  const editable = React.useMemo(() => new Set((stored ?? []).filter((d) => fromDefinition(d, language) !== undefined).map((d) => d.id)), [stored, language]);

  return {
    language,
    services,
    form,
    previews,
    rankingsFound: rankingsFoundNow,
    check,
    slots,
    ...(blocked !== undefined ? { blocked } : {}),
    busy,
    find,
    findData,
    toggleFound: toggleFoundItem,
    correctFound: correctFoundItem,
    foundRead,
    aliasSheet,
    phase,
    outcome,
    national,
    stored,
    ...(storedFailure !== undefined ? { storedFailure } : {}),
    editable,
    refreshOutcomes,
    notice,
    setLayout,
    setSlot,
    setPreview,
    changeSettings,
    nationalSelection,
    nationalRead,
    run,
    refresh,
    refreshAll,
    edit,
    newAnalysis,
    locate,
    goToSummary,
    dismissNotice: () => setNotice(null),
  };
}
