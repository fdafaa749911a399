// Preloaded (`node -r bench/peak-rss.js bin/statdesk.js …`) by `npm run bench` for the command
// line's memory figures: at exit the process's peak resident memory (getrusage ru_maxrss, KB)
// is said on stderr in one line the bench reads.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
