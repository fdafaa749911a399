// The Debian packages the scripts rely on (sudo for the certificate, chromium and xmllint for the
// tests): whether a command is there, and installing packages when this process may (root, with
// apt-get). Each script says in its own words what to do when it may not.
"use strict";

const { execSync, spawnSync } = require("child_process");

function hasCommand(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** True when running as root on a system with apt-get. */
function canInstallPackages() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && hasCommand("apt-get");
}

/** apt-get installs the packages (quietly, without recommended extras); throws when it fails. */
function installPackages(packages) {
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages.join(" ")}`, { stdio: "inherit" });
}

module.exports = { hasCommand, canInstallPackages, installPackages };
