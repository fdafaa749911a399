// The workbench page's state: the language (switching it remounts the pane in the other
// language), the open workbook (a file opened replaces it; the sample can be reloaded), and the
// message bar that reports an opened file or says why a file could not be opened or written.

import * as React from "react";
import type { Language } from "../../../core/messages";
import { WorkbookModel } from "../../../host";
import { format } from "../../../i18n";
import { closeSession, downloadName, openSession, workbookBlob, workbookFromFile, WorkbookSession } from "../../session";
import { WorkbenchStrings, workbenchStrings } from "../../strings";

export interface WorkbenchProps {
  readonly initialLanguage: Language;
  /** The workbook the page opens with (and "Reload the sample" brings back). */
  readonly sample: () => WorkbookModel;
  /** The task pane for a workbook in a language; remounted when either changes. */
  readonly renderPane: (session: WorkbookSession, language: Language) => React.ReactNode;
  /** Told when the language changes (the page updates Office's display language). */
  readonly onLanguageChange?: (language: Language) => void;
  /** Told when another workbook is opened (the page points plain Excel.run at it). */
  readonly onSessionChange?: (session: WorkbookSession) => void;
}

export interface Notice {
  readonly intent: "success" | "error";
  readonly text: string;
}

export interface WorkbenchState {
  readonly language: Language;
  readonly strings: WorkbenchStrings;
  readonly session: WorkbookSession;
  readonly notice: Notice | null;
  readonly busy: boolean;
  readonly pane: React.ReactNode;
  readonly fileInputRef: React.RefObject<HTMLInputElement>;
  readonly onLanguageSelect: (language: string) => void;
  readonly onOpenClick: () => void;
  readonly onFileChosen: (files: FileList | null) => void;
  readonly onDownload: () => void;
  readonly onReloadSample: () => void;
  readonly onDismissNotice: () => void;
}

export function useWorkbench(props: WorkbenchProps): WorkbenchState {
  const { sample, renderPane, onLanguageChange, onSessionChange } = props;
  const [language, setLanguage] = React.useState<Language>(props.initialLanguage);
  const [session, setSession] = React.useState<WorkbookSession>(() => openSession(sample()));
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [busy, setBusy] = React.useState(false);
  const fileInputRef = React.useRef<HTMLInputElement>(null);
  const strings = workbenchStrings(language);

  React.useEffect(() => {
    onSessionChange?.(session);
  }, [session, onSessionChange]);

  React.useEffect(() => {
    onLanguageChange?.(language);
  }, [language, onLanguageChange]);

  const sessionRef = React.useRef(session);
  const replace = React.useCallback((workbook: WorkbookModel) => {
    const next = openSession(workbook);
    closeSession(sessionRef.current);
    sessionRef.current = next;
    setSession(next);
  }, []);

  const onLanguageSelect = React.useCallback((value: string) => {
    if (value === "zh-CN" || value === "en-US") setLanguage(value);
  }, []);

  const onOpenClick = React.useCallback(() => fileInputRef.current?.click(), []);

  const onFileChosen = React.useCallback(
    (files: FileList | null) => {
      const file = files?.[0];
      if (file === undefined) return;
      setBusy(true);
      void (async () => {
        try {
          const workbook = await workbookFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
          replace(workbook);
          setNotice({ intent: "success", text: format(strings.opened, { name: file.name }) });
        } catch (error) {
          // A file we cannot read is the person's to fix: say which and why; anything else is a bug and is shown the same way, never swallowed.
          const detail = error instanceof Error ? error.message : String(error);
          setNotice({ intent: "error", text: format(strings.openFailed, { name: file.name, detail }) });
        } finally {
          setBusy(false);
          if (fileInputRef.current !== null) fileInputRef.current.value = "";
        }
      })();
    },
    [replace, strings],
  );

  const onDownload = React.useCallback(() => {
    const workbook = session.host.workbook;
    setBusy(true);
    void (async () => {
      try {
        const blob = await workbookBlob(workbook);
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = downloadName(workbook);
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } catch (error) {
        setNotice({ intent: "error", text: format(strings.downloadFailed, { detail: error instanceof Error ? error.message : String(error) }) });
      } finally {
        setBusy(false);
      }
    })();
  }, [session, strings]);

  const onReloadSample = React.useCallback(() => {
    replace(sample());
    setNotice(null);
  }, [replace, sample]);

  const onDismissNotice = React.useCallback(() => setNotice(null), []);

  const pane = React.useMemo(() => renderPane(session, language), [renderPane, session, language]);

  return {
    language,
    strings,
    session,
    notice,
    busy,
    pane,
    fileInputRef,
    onLanguageSelect,
    onOpenClick,
    onFileChosen,
    onDownload,
    onReloadSample,
    onDismissNotice,
  };
}
