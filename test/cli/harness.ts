// The command line run in-process, as tests call it: its exit status and what it printed.

import { CliIo, main } from "../../src/cli/main";

/** Runs `statdesk <args>` with an empty environment and a fixed date (today: 2026-11-22, unless given). */
export async function cli(args: readonly string[], env: Record<string, string> = {}, today = "2026-11-22"): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, today: () => today };
  const code = await main([...args], io);
  return { code, stdout, stderr };
}
